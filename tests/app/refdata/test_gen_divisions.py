"""The generator's own logic, and the bundled file against the package it was generated from."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from app.refdata.divisions import load_bundled_divisions

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "gen_divisions.py"


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_divisions", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_divisions"] = module
    spec.loader.exec_module(module)
    return module


def test_bundled_county_level_matches_python_stdnum(gen: ModuleType) -> None:
    loc_dat, _version = gen.stdnum_loc_dat()
    current, historical = gen.parse_stdnum(loc_dat)
    index = load_bundled_divisions()
    bundled = {
        d.code: d.name for level in ("province", "prefecture", "county") for d in index.at_level(level)
    }
    assert bundled == current
    for entry in historical:
        bundled_history = {(h.name, h.first_year, h.last_year) for h in index.historical(entry.code)}
        assert (entry.name, entry.first_year, entry.last_year) in bundled_history


@pytest.mark.parametrize(
    ("statistics", "civil_affairs", "similar"),
    [
        ("骔岭镇", "鬃岭镇", True),
        ("龙井仡佬族侗族乡", "龙井侗族仡佬族乡", True),
        ("鸡场苗族彝族乡", "鸡场苗族彝族布依族乡", True),
        ("舞阳镇", "㵲阳镇", True),
        ("舞阳镇", "舞阳乡", False),
        ("新华路街道", "西湖路街道", False),
        ("龙坪镇", "凤亭乡", False),
    ],
)
def test_similar_township_names(gen: ModuleType, statistics: str, civil_affairs: str, similar: bool) -> None:
    assert gen._similar_township_names(statistics, civil_affairs) is similar


def test_statistics_townships_are_matched_by_name_within_the_county(gen: ModuleType) -> None:
    townships = [
        gen.Row("520102001", "五里冲街道", "township", "520102"),
        gen.Row("520102003", "新华路街道", "township", "520102"),
        gen.Row("520525101", "鬃岭镇", "township", "520525"),
    ]
    statistics = {
        "520102016": {"name": "新华路街道", "areaCode": "520102"},
        "520102033": {"name": "五里冲街道", "areaCode": "520102"},
        "520525101": {"name": "骔岭镇", "areaCode": "520525"},
    }
    mapping, similar = gen.match_statistics_townships(statistics, townships)
    assert mapping == {"520102016": "520102003", "520102033": "520102001", "520525101": "520525101"}
    assert [entry["township_name"] for entry in similar] == ["鬃岭镇"]


def test_a_township_without_a_counterpart_stops_the_generation(gen: ModuleType) -> None:
    townships = [gen.Row("520102001", "五里冲街道", "township", "520102")]
    statistics = {"520102099": {"name": "不存在街道", "areaCode": "520102"}}
    with pytest.raises(gen.GenerationError, match="找不到唯一对应的乡镇"):
        gen.match_statistics_townships(statistics, townships)
