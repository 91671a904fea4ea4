"""The iReadCardBas / HSM text formats: validation at the edge, fuzzed with hypothesis."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cards.bas import normalise_hsm_key, parse_bas_output, parse_step1_output
from app.cards.errors import CardDataInvalid, NeedsOnlineAuth
from app.cards.fields import build_record, parse_card_date
from app.cards.record import BAS_FIELDS
from tests.app.cards.samples import (
    BAD_SS_NUMBER,
    BAS_VALUES,
    CARD_ID,
    CARD_NUMBER,
    HSM_KEY,
    NAME,
    SS_NUMBER,
    STEP1_TEXT,
    bas_bytes,
    bas_text,
)


def test_parses_the_eleven_fields() -> None:
    record = parse_bas_output(bas_bytes())
    assert record.region_code == "520100"
    assert record.ss_number == SS_NUMBER
    assert record.card_number == CARD_NUMBER
    assert record.card_id == CARD_ID
    assert record.name == NAME
    assert record.spec_version == "3.00"
    assert record.issued_on == date(2019, 6, 1)
    assert record.valid_until == date(2029, 6, 1)
    assert record.terminal_no == "000000000000"
    assert record.device_no == ""
    assert record.source == "vendor"


def test_normalises_what_vendors_vary() -> None:
    text = bas_text(
        ss_number=SS_NUMBER.lower(), issued_on="2019-06-01", valid_until="2029.6.1", name=f" {NAME} ", device_no="T01"
    )
    # Some drivers leave out the final "|" or add a line break.
    record = parse_bas_output(text.removesuffix("|").encode("gbk") + b"\r\n")
    assert record.ss_number == SS_NUMBER.upper()
    assert record.issued_on == date(2019, 6, 1)
    assert record.valid_until == date(2029, 6, 1)
    assert record.name == NAME
    assert record.device_no == "T01"


def test_rare_name_characters_in_gb18030_are_accepted() -> None:
    rare = "王𬌗明"  # an extension-B character, four bytes in GB18030
    record = parse_bas_output(bas_text(name=rare).encode("gb18030"))
    assert record.name == rare


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        ({"ss_number": BAD_SS_NUMBER}, "社会保障号码校验不通过"),
        ({"ss_number": ""}, "缺少社会保障号码"),
        ({"name": ""}, "缺少姓名"),
        ({"card_number": "S520100"}, "卡号格式不正确"),
        ({"issued_on": "20190231"}, "发卡日期不是真实的日期"),
        ({"valid_until": "someday"}, "卡有效期的格式不正确"),
        ({"region_code": "52010"}, "发卡地区行政区划代码的格式不正确"),
        ({"name": "王" * 51}, "姓名超过 50 个字符"),
        ({"name": "王\x07明"}, "姓名中有不可显示的字符"),
        ({"atr": "3B6Z"}, "卡复位信息的格式不正确"),
        # full-width digits are digits to Python's \d, never to a card
        ({"region_code": "５２０１００"}, "发卡地区行政区划代码的格式不正确"),
        ({"issued_on": "２０１９０１０１"}, "发卡日期的格式不正确"),
    ],
)
def test_bad_fields_are_typed_errors_naming_the_field(overrides: dict[str, str], problem: str) -> None:
    with pytest.raises(CardDataInvalid) as caught:
        parse_bas_output(bas_bytes(**overrides))
    assert caught.value.problem.startswith(problem)
    for value in (SS_NUMBER, BAD_SS_NUMBER, NAME):
        assert value not in str(caught.value)


@pytest.mark.parametrize("count", [0, 1, 10, 12, 20])
def test_wrong_field_counts(count: int) -> None:
    values = [*BAS_VALUES.values(), *["x"] * 20][:count]
    with pytest.raises(CardDataInvalid, match=f"应有 11 项，实际为 {max(count, 1)} 项"):
        parse_bas_output("".join(f"{v}|" for v in values).encode("gbk"))


def test_bad_gbk_and_overlong_output() -> None:
    with pytest.raises(CardDataInvalid, match="GBK"):
        parse_bas_output(bas_bytes().replace(NAME.encode("gbk"), b"\xff\xfe\x80"))
    with pytest.raises(CardDataInvalid, match="1023"):
        parse_bas_output(bas_bytes() + b" " * 1024)


def test_step1_factors_and_key() -> None:
    step1 = parse_step1_output(STEP1_TEXT.encode("ascii"))
    assert step1.card_id == CARD_ID
    assert step1.internal_factor == "A1B2C3D4E5F60708"
    assert step1.external_raw == "8877665544332211"
    assert step1.text == STEP1_TEXT  # what the platform's encryption machine gets, unchanged
    assert normalise_hsm_key(HSM_KEY) == HSM_KEY.encode("ascii")
    assert normalise_hsm_key(" AABB|CCDD \n") == b"AABB|CCDD|"
    for bad in ("", "AABB", "AABB||", "|CCDD|", "AA BB|CC|", "AABB|CCDD|EE|"):
        with pytest.raises(NeedsOnlineAuth):
            normalise_hsm_key(bad)
    with pytest.raises(CardDataInvalid):
        parse_step1_output(b"520100|3B68|01|")


def test_dates() -> None:
    assert parse_card_date("issued_on", "") is None
    assert parse_card_date("issued_on", "00000000") is None
    assert parse_card_date("issued_on", "2020/2/29") == date(2020, 2, 29)
    with pytest.raises(CardDataInvalid):
        parse_card_date("issued_on", "2021/2/29")
    record = build_record({"id_valid_from": "20150101", "id_valid_to": "长期"}, source="idcard")
    assert record.id_valid_from == date(2015, 1, 1)
    assert record.id_valid_to is None


# -- fuzzing: anything a reader returns gives a record or CardDataInvalid, never another exception --------

_field_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(list(BAS_VALUES.values())),
    st.text(alphabet="0123456789Xx-./ ", max_size=30),
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=1100))
def test_fuzz_arbitrary_bytes(raw: bytes) -> None:
    with contextlib.suppress(CardDataInvalid):
        parse_bas_output(raw)


@settings(max_examples=300, deadline=None)
@given(st.lists(_field_text, min_size=0, max_size=14), st.booleans())
def test_fuzz_field_lists(values: list[str], trailing: bool) -> None:
    text = "|".join(values) + ("|" if trailing else "")
    try:
        raw = text.encode("gb18030")
    except UnicodeEncodeError:
        return
    try:
        record = parse_bas_output(raw)
    except CardDataInvalid:
        return
    assert record.ss_number is not None and record.name


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BAS_FIELDS), st.one_of(st.text(max_size=120), st.binary(max_size=60).map(repr)))
def test_fuzz_one_field_replaced(field: str, value: str) -> None:
    raw = bas_text(**{field: value.replace("|", "")}).encode("gb18030", errors="replace")
    try:
        record = parse_bas_output(raw)
    except CardDataInvalid:
        return
    assert len(record.name or "") <= 50
    assert len(record.card_id) <= 32


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=0, max_size=40), st.integers(min_value=0, max_value=200))
def test_fuzz_bad_bytes_inside_a_valid_line(junk: bytes, where: int) -> None:
    good = bas_bytes()
    raw = good[:where] + junk + good[where:]
    with contextlib.suppress(CardDataInvalid):
        parse_bas_output(raw)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_fuzz_step1(raw: bytes) -> None:
    with contextlib.suppress(CardDataInvalid):
        parse_step1_output(raw)
