"""app.privacy masking rules and the index terms of names (properties with Hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.privacy import mask_id, mask_name, mask_phone
from app.search.terms import name_terms, phone_digits_reversed


def test_mask_id() -> None:
    assert mask_id("11010519491231002X") == "110105********002X"
    assert mask_id(" 11010519491231002x ") == "110105********002x"
    assert mask_id("H12345678") == "H1*****78"
    assert mask_id("12345678") == "12****78"
    assert mask_id("1234") == "****"
    assert mask_id("") == "" and mask_id(None) == ""


def test_mask_phone() -> None:
    assert mask_phone("13800000000") == "138****0000"
    assert mask_phone("085112345678") == "085*****5678"
    assert mask_phone("12345") == "***45"
    assert mask_phone(None) == ""


def test_mask_name() -> None:
    assert mask_name("张三") == "张*"
    assert mask_name("王小明") == "王*明"
    assert mask_name("欧阳明") == "欧阳*"
    assert mask_name("欧阳建明") == "欧阳*明"
    assert mask_name("诸葛孔明") == "诸葛*明"
    assert mask_name("买买提·艾力") == "买**·*力"
    assert mask_name("张") == "*"
    assert mask_name("") == ""


@given(st.text(alphabet="0123456789X", min_size=5, max_size=30))
def test_mask_id_keeps_length_and_ends(number: str) -> None:
    masked = mask_id(number)
    assert len(masked) == len(number)
    keep = (6, 4) if len(number) == 18 else (2, 2)
    assert masked.startswith(number[: keep[0]]) and masked.endswith(number[-keep[1]:])
    assert set(masked[keep[0]: len(number) - keep[1]]) == {"*"}


@given(st.text(alphabet="张王李赵欧阳单吕买提艾力·三明华小", min_size=1, max_size=6))
def test_name_terms_are_single_tokens(name: str) -> None:
    key, pinyin, initials = name_terms(name)
    assert " " not in key and "·" not in key
    for spelling in pinyin.split():
        assert spelling.isascii() and spelling.isalpha() and spelling.islower()
    firsts = {spelling[0] for spelling in pinyin.split()}
    for initial in initials.split():
        assert initial.isascii() and initial.islower() and initial[0] in firsts
        assert len(initial) <= len(key)


def test_phone_reversed() -> None:
    assert phone_digits_reversed("199 0000-1234") == "43210000991"
    assert phone_digits_reversed(None) == ""
