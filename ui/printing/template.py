"""Filling the HTML print templates in resources/print/: placeholders only, every value escaped.

A template holds ``{{ name }}`` placeholders and nothing else that is evaluated. Values are plain
text and are HTML-escaped; only ``Markup`` values (HTML this package built from escaped parts)
go in as they are. A placeholder without a value, or a value without a placeholder, is an error,
so a template and its builder cannot drift apart silently.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache

from app.refdata import resource_path

_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")


class TemplateError(ValueError):
    """A print template is missing or does not match the data given to it."""


class Markup(str):
    """HTML built here from escaped parts; inserted without escaping again.

    Adding plain text to a Markup escapes the text, so ``Markup("<td>") + name`` stays safe.
    """

    __slots__ = ()

    def __add__(self, other: str) -> Markup:
        return Markup(str.__add__(self, other if isinstance(other, Markup) else html.escape(other, quote=True)))

    def __radd__(self, other: str) -> Markup:
        return Markup(str.__add__(html.escape(other, quote=True), self))


def escape(text: str) -> Markup:
    return Markup(html.escape(text, quote=True))


def multiline(text: str) -> Markup:
    """Escaped text whose line breaks are kept."""
    return Markup("<br/>".join(html.escape(line, quote=True) for line in text.splitlines()))


def join_markup(parts: Iterable[str]) -> Markup:
    """Join fragments; plain strings among them are escaped."""
    return Markup("".join(part if isinstance(part, Markup) else html.escape(part, quote=True) for part in parts))


def fill(template: str, values: Mapping[str, str], *, name: str = "模板") -> str:
    wanted = set(_PLACEHOLDER.findall(template))
    missing = sorted(wanted - values.keys())
    unused = sorted(values.keys() - wanted)
    if missing:
        raise TemplateError(f"打印模板“{name}”中的 {', '.join(missing)} 没有对应的数据，请更新程序或模板。")
    if unused:
        raise TemplateError(f"打印模板“{name}”缺少 {', '.join(unused)} 的位置，请更新程序或模板。")

    def replace(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        return value if isinstance(value, Markup) else html.escape(value, quote=True)

    # One pass over the template: text inserted by a value is never scanned for placeholders.
    return _PLACEHOLDER.sub(replace, template)


@cache
def load_template(file_name: str) -> str:
    path = resource_path("print", file_name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise TemplateError(f"找不到打印模板 {path}（{error.strerror}）。请重新安装程序。") from error


def style_sheet() -> Markup:
    """The shared print style, inserted into each template's <style> element."""
    return Markup(load_template("print.css"))


def chinese_date(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day is not None else ""
