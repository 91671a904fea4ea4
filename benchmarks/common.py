"""Shared helpers of the benchmarks: a throw-away keyring, synthetic rosters, timing, memory."""

from __future__ import annotations

import csv
import os
import resource
import statistics
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from random import Random

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# Guizhou county codes: IDs are spread over them like a county roster would be.
REGIONS = ("520102", "520103", "520111", "520112", "520113", "520115", "520121", "520122", "520123",
           "520181", "520201", "520203", "520221", "520281", "520302", "520303", "520321", "520322",
           "520402", "520403", "520422", "520502", "520521", "520602", "520621", "522601", "522622",
           "522701", "522722", "522301", "522322", "522401")
FIRST_BIRTH = date(1960, 1, 1)
BIRTH_DAYS = 16_000  # 1960 .. 2003
HEADER = ("姓名*", "证件类型", "证件号码*", "性别", "民族", "学历", "手机号码", "户籍地址", "人员标签")
ETHNIC = ("汉族", "汉族", "汉族", "苗族", "布依族", "侗族", "土家族", "彝族", "仡佬族", "水族")
EDUCATION = ("初中", "高中", "大专", "本科", "小学", "中专", "")
TAGS = ("", "", "", "脱贫人口", "农民工", "易地扶贫搬迁劳动力、农民工", "高校毕业生")


def use_throwaway_keyring(folder: Path) -> None:
    """Keep the store keys of a benchmark in a plaintext keyring file under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    os.environ["XDG_DATA_HOME"] = str(folder / "keyring")


def synthetic_id(index: int) -> str:
    """The index-th of a sequence of distinct, valid-checksum citizen numbers."""
    from app.validation import resident_id_check_char

    region = REGIONS[index % len(REGIONS)]
    rest = index // len(REGIONS)
    birth = FIRST_BIRTH + timedelta(days=rest % BIRTH_DAYS)
    sequence = rest // BIRTH_DAYS % 999 + 1
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + resident_id_check_char(first17)


def synthetic_rows(count: int, seed: int = 20261125) -> Iterator[tuple[str, ...]]:
    from app.validation import synthetic_mobile, synthetic_name

    rng = Random(seed)
    for index in range(count):
        yield (synthetic_name(rng), "居民身份证", synthetic_id(index), "", rng.choice(ETHNIC),
               rng.choice(EDUCATION), synthetic_mobile(rng), f"贵州省某县某镇{rng.randint(1, 40)}组",
               rng.choice(TAGS))


def write_roster_csv(path: Path, count: int, seed: int = 20261125) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(synthetic_rows(count, seed))
    return path


def write_roster_xlsx(path: Path, count: int, seed: int = 20261125) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("人员名单")
    sheet.append(list(HEADER))
    for row in synthetic_rows(count, seed):
        sheet.append(list(row))
    workbook.save(path)
    return path


def peak_rss_mib() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User + system CPU time of this process: unlike the wall clock, not stretched by other load."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    return statistics.median(values)
