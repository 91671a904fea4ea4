from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.refdata.codes import CodeTableError, load_bundled_code_tables, load_code_table

NATIONAL = {
    "gender", "marital", "health", "ethnic", "education", "occupation_major", "industry_section", "political_status",
}
LOCAL = {
    "hukou_type",
    "visit_method",
    "employment_form",
    "hardship_category",
    "unemployment_cause",
    "person_tag",
    "doc_type",
    "destination",
    "employer_kind",
    "key_industry",
    "training_type",
    "deregistration_reason",
    "campaign",
    "relation",
}


def test_every_table_loads() -> None:
    tables = load_bundled_code_tables()
    assert set(tables) == NATIONAL | LOCAL
    for name, table in tables.items():
        assert table.table == name
        assert len(table) > 0
    for name in NATIONAL:
        assert not tables[name].editable
        assert tables[name].version.startswith(("GB/T", "职业分类大典"))
    for name in LOCAL:
        assert tables[name].version == "local-1"
        assert tables[name].note


def test_ethnic_groups_follow_gb_t_3304() -> None:
    ethnic = load_bundled_code_tables()["ethnic"]
    assert ethnic.version == "GB/T 3304-1991"
    assert len(ethnic) == 58
    assert ethnic.label("01") == "汉族"
    assert ethnic.label("06") == "苗族"
    assert ethnic.label("09") == "布依族"
    assert ethnic.label("12") == "侗族"
    assert ethnic.label("37") == "仡佬族"
    assert ethnic.label("25") == "水族"
    assert ethnic.label("97") == "其他"
    assert ethnic.label("98") == "外国血统中国籍人士"
    assert all(entry.label.endswith("族") for entry in ethnic if int(entry.code) <= 56)
    assert ethnic.label("57") is None
    assert ethnic.code_for_label("土家族") == "15"


def test_two_level_tables() -> None:
    tables = load_bundled_code_tables()
    education = tables["education"]
    assert [e.code for e in education.children(None)] == ["10", "20", "30", "40", "60", "70", "80", "90"]
    assert [e.code for e in education.children("70")] == ["71", "73"]
    assert education.label("47") == "技工学校毕业"
    health = tables["health"]
    assert [e.code for e in health.children("60")] == ["61", "62", "63", "64", "65", "66", "67", "69"]
    assert [e.code for e in tables["marital"].children("20")] == ["21", "22", "23"]
    key = tables["key_industry"]
    assert [e.label for e in key.children(None)] == [
        "特色农业产业（12个）",
        "千亿级工业产业（10个）",
        "现代服务业（5个）",
    ]
    assert (len(key.children("10")), len(key.children("20"))) == (12, 10)


def test_spot_checks_of_other_tables() -> None:
    tables = load_bundled_code_tables()
    assert [tables["gender"].label(c) for c in "0129"] == ["未知", "男", "女", "未说明"]
    assert [e.code for e in tables["industry_section"]] == list("ABCDEFGHIJKLMNOPQRST")
    assert tables["industry_section"].label("I") == "信息传输、软件和信息技术服务业"
    assert len(tables["occupation_major"]) == 8
    assert [e.code for e in tables["doc_type"]] == [
        "resident_id",
        "ss_card",
        "residence_permit",
        "hkmo_permit",
        "tw_permit",
    ]
    assert [e.code for e in tables["destination"]] == ["county", "province", "outside"]
    assert tables["hardship_category"].label("99") == "其他"
    assert tables["relation"].label("01") == "户主"
    assert tables["person_tag"].contains("11")
    assert not tables["person_tag"].contains("12")


def _write(folder: Path, name: str, codes: list[dict[str, object]], **overrides: object) -> Path:
    data = {
        "table": name,
        "name": "测试",
        "version": "local-1",
        "editable": True,
        "codes": codes,
        **overrides,
    }
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("codes", "overrides", "message"),
    [
        ([{"code": "01", "label": "甲"}, {"code": "01", "label": "乙"}], {}, "代码“01”重复出现"),
        ([{"code": "01", "label": "甲", "parent": "09"}], {}, "上级“09”不存在"),
        (
            [{"code": "01", "label": "甲", "parent": "02"}, {"code": "02", "label": "乙", "parent": "01"}],
            {},
            "循环",
        ),
        ([{"code": "01", "label": ""}], {}, "名称无效"),
        ([{"code": " 01", "label": "甲"}], {}, "代码 ' 01' 无效"),
        ([], {}, "没有任何代码"),
        ([{"code": "01", "label": "甲"}], {"editable": "yes"}, "editable"),
        ([{"code": "01", "label": "甲"}], {"table": "other"}, "与文件名不一致"),
    ],
)
def test_broken_tables_are_refused_with_the_file_named(
    tmp_path: Path, codes: list[dict[str, object]], overrides: dict[str, object], message: str
) -> None:
    path = _write(tmp_path, "sample", codes, **overrides)
    with pytest.raises(CodeTableError, match=message) as caught:
        load_code_table(path)
    assert str(path) in str(caught.value)


def test_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(CodeTableError, match=r"找不到代码表文件.*请重新安装程序"):
        load_code_table(tmp_path / "nothing.json")
