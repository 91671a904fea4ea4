"""CardRecord masking; typed errors, their Chinese messages and their JSON form."""

from __future__ import annotations

from datetime import date

import pytest

from app.cards.errors import (
    ERROR_TYPES,
    CardDataInvalid,
    CardError,
    NeedsNetwork,
    NeedsOnlineAuth,
    PinWrong,
    error_to_json,
)
from app.cards.record import FIELD_LABELS, CardRecord
from app.errors import UserError
from tests.app.cards.samples import CARD_ID, CARD_NUMBER, NAME, SS_NUMBER


def full_record() -> CardRecord:
    return CardRecord(
        region_code="520100",
        ss_number=SS_NUMBER,
        card_number=CARD_NUMBER,
        card_id=CARD_ID,
        name=NAME,
        atr="3B6800004657545353",
        spec_version="3.00",
        issued_on=date(2019, 6, 1),
        valid_until=date(2029, 6, 1),
        terminal_no="000000000000",
        birth_date=date(1988, 6, 1),
        address="贵州省贵阳市南明区测试路100号",
        source="vendor",
    )


def test_repr_and_str_show_no_personal_values() -> None:
    record = full_record()
    for text in (repr(record), str(record), f"{record}", repr([record])):
        for value in (SS_NUMBER, NAME, CARD_NUMBER, CARD_ID, "测试路100号", "1988-06-01"):
            assert value not in text
    assert "王*明" in repr(record)
    assert SS_NUMBER[:6] + "********" + SS_NUMBER[-4:] in repr(record)


def test_masked_has_every_field_and_masks_personal_ones() -> None:
    masked = full_record().masked()
    assert list(masked) == list(FIELD_LABELS)
    assert masked["ss_number"] == SS_NUMBER[:6] + "*" * 8 + SS_NUMBER[-4:]
    assert masked["name"] == "王*明"
    assert masked["card_number"] == "S******88"
    assert masked["card_id"] is not None and masked["card_id"].startswith("520100") and CARD_ID not in masked["card_id"]
    assert masked["birth_date"] == "1988-**-**"
    assert masked["address"] == "贵州省贵阳市" + "*" * len("南明区测试路100号")
    assert masked["issued_on"] == "2019-06-01"
    assert masked["source"] == "vendor"


def test_record_without_holder_data() -> None:
    record = CardRecord(card_number=CARD_NUMBER, source="pcsc", notice="持卡人信息需通过厂商读卡器读取")
    assert not record.has_holder_data
    assert record.masked()["ss_number"] is None


@pytest.mark.parametrize("cls", list(ERROR_TYPES.values()))
def test_every_error_is_a_chinese_sentence_and_a_user_error(cls: type[CardError]) -> None:
    if cls is CardDataInvalid:
        err: CardError = CardDataInvalid("社会保障号码校验不通过")
    elif cls is PinWrong:
        err = PinWrong(2)
    else:
        err = cls()
    text = str(err)
    assert isinstance(err, UserError)
    assert text.endswith("。")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert "请" in text  # tells the clerk what to do
    shown = error_to_json(err)  # what ``--json`` prints
    assert shown["type"] == cls.kind and shown["message"] == text


def test_error_details_in_json() -> None:
    assert error_to_json(PinWrong(2))["tries_left"] == 2
    assert error_to_json(CardDataInvalid("卡号格式不正确"))["problem"] == "卡号格式不正确"


def test_needs_network_is_a_kind_of_needs_online_auth() -> None:
    assert issubclass(NeedsNetwork, NeedsOnlineAuth)
    assert "网络" in str(NeedsNetwork())
    assert NeedsNetwork.exit_code != NeedsOnlineAuth.exit_code


def test_display_lines_are_masked_and_in_words() -> None:
    record = CardRecord(ss_number=SS_NUMBER, name=NAME, gender="2", ethnic="01", source="pcsc")
    lines = dict(record.display_lines())
    assert lines["性别"] == "女" and lines["民族"] == "汉族" and lines["读取方式"] == "通用智能卡读卡器"
    assert lines["社会保障号码"] == record.masked()["ss_number"] and SS_NUMBER not in str(lines)
