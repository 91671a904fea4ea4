from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from app.refdata.divisions import (
    Division,
    DivisionDataError,
    load_bundled_divisions,
    load_divisions,
)
from app.refdata.resources import resource_path

# REFERENCE.md §4, transcribed: prefecture code -> suffixes of its county-level units.
REFERENCE_COUNTIES = {
    "520100": "102 103 111 112 113 115 121 122 123 181",
    "520200": "201 203 204 281",
    "520300": "302 303 304 322 323 324 325 326 327 328 329 330 381 382",
    "520400": "402 403 422 423 424 425",
    "520500": "502 521 523 524 525 526 527 581",
    "520600": "602 603 621 622 623 624 625 626 627 628",
    "522300": "301 302 323 324 325 326 327 328",
    "522600": "601 622 623 624 625 626 627 628 629 630 631 632 633 634 635 636",
    "522700": "701 702 722 723 725 726 727 728 729 730 731 732",
}
REFERENCE_PREFECTURES = {
    "520100": "贵阳",
    "520200": "六盘水",
    "520300": "遵义",
    "520400": "安顺",
    "520500": "毕节",
    "520600": "铜仁",
    "522300": "黔西南",
    "522600": "黔东南",
    "522700": "黔南",
}
MAIN = resource_path("divisions", "guizhou.json")
VILLAGES = resource_path("divisions", "guizhou-villages.json")


def test_bundled_counts_per_level() -> None:
    index = load_bundled_divisions()
    counts = Counter(
        d.level
        for level in ("province", "prefecture", "county", "township", "village")
        for d in index.at_level(level)
    )
    assert counts == {"province": 1, "prefecture": 9, "county": 88, "township": 1510, "village": 17964}


def test_prefectures_and_counties_match_the_reference() -> None:
    index = load_bundled_divisions()
    prefectures = {d.code: d.name for d in index.children("520000")}
    assert set(prefectures) == set(REFERENCE_PREFECTURES)
    for code, short in REFERENCE_PREFECTURES.items():
        assert prefectures[code].startswith(short)
    for prefecture, suffixes in REFERENCE_COUNTIES.items():
        expected = {prefecture[:3] + suffix for suffix in suffixes.split()}
        assert {d.code for d in index.children(prefecture)} == expected, prefecture


def test_lookup_path_and_full_name() -> None:
    index = load_bundled_divisions()
    assert index.get("520102") == Division("520102", "南明区", "county", "520100")
    assert [d.code for d in index.path("520102")] == ["520000", "520100", "520102"]
    assert index.full_name("520102") == "贵州省贵阳市南明区"
    assert index.full_name("522301") == "贵州省黔西南布依族苗族自治州兴义市"
    assert index.full_name("520000") == "贵州省"
    assert index.get("520102001") == Division("520102001", "五里冲街道", "township", "520102")


def test_villages_hang_under_the_township_of_the_same_name_not_the_code_prefix() -> None:
    index = load_bundled_divisions()
    village = index.get("520102016001")
    assert village is not None
    assert village.name == "纪念塔社区"
    # Statistics-bureau township 520102016 is 新华路街道, which 民政部 numbers 520102003.
    assert village.parent == "520102003"
    assert index.full_name("520102016001") == "贵州省贵阳市南明区新华路街道纪念塔社区"
    assert village in index.children("520102003")


def test_every_division_has_the_documented_code_form() -> None:
    index = load_bundled_divisions()
    for township in index.at_level("township"):
        assert len(township.code) == 9
        assert township.code[:6] == township.parent
    for village in index.at_level("village"):
        assert len(village.code) == 12
        parent = index.get(village.parent or "")
        assert parent is not None and parent.level == "township"


def test_unknown_codes_give_empty_answers() -> None:
    index = load_bundled_divisions()
    assert index.get("110101") is None
    assert index.path("110101") == []
    assert index.full_name("110101") == ""
    assert index.children("110101") == []


def test_search_by_part_of_a_name() -> None:
    index = load_bundled_divisions()
    assert [d.code for d in index.search("南明")][:2] == ["520102", "522629103"]
    assert [d.code for d in index.search(" 观山湖 ", levels=["county"])] == ["520115"]
    found = index.search("黔东南")
    assert found[0].code == "522600"
    assert index.search("") == []
    assert len(index.search("村", limit=5)) == 5
    with pytest.raises(ValueError, match="未知的区划级别"):
        index.search("南明", levels=["street"])


def test_historical_codes_for_old_identity_numbers() -> None:
    index = load_bundled_divisions()
    [bijie] = index.historical("522401")
    assert (bijie.name, bijie.first_year, bijie.last_year) == ("毕节市", 1993, 2011)
    assert index.get("522401") is None
    assert any(entry.name == "水城特区" for entry in index.historical("520201"))
    assert index.historical("520102") == []


def test_village_file_is_read_only_when_a_village_is_needed(tmp_path: Path) -> None:
    main = tmp_path / "guizhou.json"
    shutil.copy(MAIN, main)  # names guizhou-villages.json, which is absent from tmp_path
    index = load_divisions(main)
    assert index.full_name("520102") == "贵州省贵阳市南明区"
    assert index.search("南明", levels=["county", "township"])
    assert index.children("520102")
    with pytest.raises(DivisionDataError, match="找不到区划数据文件"):
        index.get("520102016001")
    shutil.copy(VILLAGES, tmp_path / "guizhou-villages.json")
    assert index.get("520102016001") is not None
    assert index.villages_info is not None and index.villages_info.version == "2023-06-30"


def _write(path: Path, divisions: list[dict[str, object]], **extra: object) -> Path:
    path.write_text(
        json.dumps({"format": 1, "version": "t", "divisions": divisions, **extra}), encoding="utf-8"
    )
    return path


PROVINCE = {"code": "520000", "name": "贵州省", "level": "province", "parent": None}
GUIYANG = {"code": "520100", "name": "贵阳市", "level": "prefecture", "parent": "520000"}


@pytest.mark.parametrize(
    ("divisions", "message"),
    [
        ([PROVINCE, GUIYANG, GUIYANG], "代码 520100 重复"),
        ([PROVINCE, {**GUIYANG, "parent": "530000"}], "上级 530000 不存在"),
        (
            [PROVINCE, {"code": "520102", "name": "南明区", "level": "county", "parent": "520000"}],
            "其上级 520000 却是省",
        ),
        ([PROVINCE, {**GUIYANG, "code": "5201"}], "代码应为6位"),
        ([PROVINCE, {**GUIYANG, "level": "city"}], "级别 'city' 无效"),
        ([PROVINCE, {**GUIYANG, "name": " "}], "缺少名称"),
    ],
)
def test_inconsistent_files_are_refused_naming_the_file(
    tmp_path: Path, divisions: list[dict[str, object]], message: str
) -> None:
    path = _write(tmp_path / "bad.json", divisions)
    with pytest.raises(DivisionDataError, match=message) as caught:
        load_divisions(path)
    assert str(path) in str(caught.value)


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.json"
    path.write_text(json.dumps({"format": 2, "version": "x", "divisions": []}), encoding="utf-8")
    with pytest.raises(DivisionDataError, match="只认识 1"):
        load_divisions(path)


def test_a_village_file_must_hold_only_villages_under_known_townships(tmp_path: Path) -> None:
    main = _write(tmp_path / "main.json", [PROVINCE, GUIYANG])
    villages = _write(
        tmp_path / "villages.json",
        [{"code": "520102001001", "name": "某村", "level": "village", "parent": "520102001"}],
    )
    index = load_divisions(main, villages)
    with pytest.raises(DivisionDataError, match="上级 520102001 不存在"):
        index.get("520102001001")
    wrong_level = _write(tmp_path / "wrong.json", [GUIYANG])
    with pytest.raises(DivisionDataError, match="不应出现在此文件中"):
        load_divisions(main, wrong_level).get("520102001001")
