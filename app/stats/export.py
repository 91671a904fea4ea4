"""Monthly tables to Excel with Chinese headers: the same figures as the 统计 page, one sheet each."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

from app.io.errors import ExportError
from app.stats.model import StationStats

MONTHLY_HEADERS = (
    "月份",
    "失业登记（件）",
    "就业登记（件）",
    "回访到期（次）",
    "回访完成（次）",
    "月末零就业家庭（户）",
)
SETTLEMENT_HEADERS = ("安置点", "劳动力就业率（%）")
OVERDUE_HEADERS = ("服务事项", "逾期件数")


def _rows(stats: StationStats) -> dict[str, list[tuple[Any, ...]]]:
    unemployment, employment = stats.registrations
    monthly: list[tuple[Any, ...]] = [
        (
            month,
            int(unemployment.points[i].value),
            int(employment.points[i].value),
            int(stats.follow_ups_due.points[i].value),
            int(stats.follow_ups_done.points[i].value),
            int(stats.zero_households.points[i].value),
        )
        for i, month in enumerate(stats.months)
    ]
    monthly.append(
        (
            "合计",
            int(unemployment.total),
            int(employment.total),
            int(stats.follow_ups_due.total),
            int(stats.follow_ups_done.total),
            "",
        )
    )
    return {
        "月度登记与回访": monthly,
        "安置点就业率": [(p.label, p.value) for p in stats.settlement_rates.points],
        "逾期办件": [(p.label, int(p.value)) for p in stats.overdue_by_item.points],
    }


def export_stats(stats: StationStats, path: str | Path, station_name: str) -> int:
    """Write the workbook atomically; returns the number of data rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    target = Path(path).resolve()
    headers = {"月度登记与回访": MONTHLY_HEADERS, "安置点就业率": SETTLEMENT_HEADERS, "逾期办件": OVERDUE_HEADERS}
    workbook = Workbook()
    default = workbook.active
    if default is not None:
        workbook.remove(default)
    written = 0
    for title, rows in _rows(stats).items():
        sheet = workbook.create_sheet(title)
        sheet.append([f"{station_name} {title}（统计日 {stats.today.isoformat()}）"])
        sheet["A1"].font = Font(bold=True)
        sheet.append(list(headers[title]))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
            written += 1
        for column, header in zip("ABCDEF", headers[title], strict=False):
            sheet.column_dimensions[column].width = max(12, len(header) * 2 + 2)
        sheet.freeze_panes = "A3"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".xlsx", dir=target.parent)
        os.close(handle)
        try:
            workbook.save(name)
            os.replace(name, target)
        finally:
            with suppress(OSError):
                Path(name).unlink()
    except OSError as error:
        raise ExportError(
            f"无法写入文件“{target}”（{error.strerror or error}）。如果该文件正在 Excel 或 WPS 中打开，"
            "请先关闭；或换一个有写入权限的文件夹后重新导出。"
        ) from error
    return written
