"""Generate the person roster import templates in resources/templates/ from the column definitions.

    .venv/bin/python scripts/make_import_template.py

Writes ``person_import_template.xlsx`` (a 人员名单 sheet with drop-down lists for coded columns and
text-formatted number columns, a 填写说明 sheet and a hidden 代码表 sheet) and
``person_import_template.csv`` (the header row only, UTF-8 with BOM so Excel shows it correctly).
Run it again whenever app/io/roster_columns.py or a code table changes.
"""

from __future__ import annotations

import csv
import sys
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Font, PatternFill  # noqa: E402
from openpyxl.utils import get_column_letter, quote_sheetname  # noqa: E402
from openpyxl.worksheet.datavalidation import DataValidation  # noqa: E402

from app.io.codebook import load_codebook  # noqa: E402
from app.io.roster_columns import COLUMNS  # noqa: E402

OUT = REPO / "resources" / "templates"
XLSX = OUT / "person_import_template.xlsx"
CSV = OUT / "person_import_template.csv"
TEMPLATE_ROWS = 5_000  # rows prepared with drop-downs and text format; more rows can be added freely
FIXED_TIME = datetime(2026, 1, 1)  # keeps regenerated files identical when nothing changed
NOTES = (
    "第一行是表头，从第二行起每行一人；带*的列必须填写。证件号码、手机号码、社保卡卡号列请保持“文本”格式。"
    "同一证件号码只能出现一次；本站已登记的人员不会被导入，会在错误报告中列出。详见 docs/import-template.md。"
)


def write_csv() -> None:
    with CSV.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerow([column.template_header for column in COLUMNS])


def write_xlsx() -> None:
    codes = load_codebook(None)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "人员名单"
    guide = workbook.create_sheet("填写说明")
    lists = workbook.create_sheet("代码表")
    lists.sheet_state = "hidden"

    bold = Font(bold=True)
    required = Font(bold=True, color="C00000")
    fill = PatternFill("solid", fgColor="DDEBF7")
    list_column = 0
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=1, column=index, value=column.template_header)
        cell.font = required if column.required else bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[letter].width = column.width
        if column.text:
            sheet.column_dimensions[letter].number_format = "@"
        if column.code_table and column.key != "tags":
            list_column += 1
            labels = list(codes[column.code_table].labels.values())
            list_letter = get_column_letter(list_column)
            lists.cell(row=1, column=list_column, value=column.header)
            for row, label in enumerate(labels, start=2):
                lists.cell(row=row, column=list_column, value=label)
            source = f"={quote_sheetname(lists.title)}!${list_letter}$2:${list_letter}${len(labels) + 1}"
            validation = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=False)
            validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"

    guide.append(["列名", "是否必填", "填写说明", "可填写的值"])
    for cell in guide[1]:
        cell.font = bold
        cell.fill = fill
    for column in COLUMNS:
        values = ""
        if column.code_table:
            values = "、".join(codes[column.code_table].labels.values())
        guide.append([column.header, "必填" if column.required else "选填", column.help, values])
    guide.append([])
    guide.append(["说明", "", NOTES])
    for letter, width in zip("ABCD", (14, 10, 60, 80), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    workbook.properties.creator = "服务台"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.save(XLSX)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write_csv()
    write_xlsx()
    print(f"wrote {CSV.relative_to(REPO)} and {XLSX.relative_to(REPO)}")


if __name__ == "__main__":
    main()
