"""A small, safe condition language for ``visible_if``, ``required_if`` and checks.

Conditions are parsed by app.catalog.expr_syntax (never by Python's eval) and evaluated here by
walking the AST. Evaluation is total: any well-formed condition evaluates over any form data
without raising. Type mismatches (a number compared with a string, ``len`` of a number …) give
false/null instead of an error, because a half-filled form is the normal state while the clerk types.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from app.catalog.expr_syntax import (
    COMPARISONS,
    FUNCTIONS,
    KEYWORDS,
    MAX_DEPTH,
    MAX_SOURCE_LENGTH,
    BoolOp,
    Call,
    Compare,
    ExprError,
    ListExpr,
    Literal,
    Name,
    Node,
    Not,
    parse_node,
    tokenize,
)

__all__ = [
    "COMPARISONS",
    "FUNCTIONS",
    "KEYWORDS",
    "MAX_DEPTH",
    "MAX_SOURCE_LENGTH",
    "BoolOp",
    "Call",
    "Compare",
    "ExprError",
    "Expression",
    "ListExpr",
    "Literal",
    "Name",
    "Node",
    "Not",
    "parse",
    "tokenize",
    "truthy",
]


# ---------------------------------------------------------------- evaluation


def _normalize(value: object) -> object:
    """Bring caller values into the few shapes the evaluator understands."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return None if value.is_nan() else value
    if isinstance(value, float):
        if math.isnan(value):
            return None
        try:
            return Decimal(repr(value))
        except InvalidOperation:
            return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return value
    if isinstance(value, Sequence | set | frozenset):
        return list(value)
    return None


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def truthy(value: object) -> bool:
    value = _normalize(value)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | Decimal):
        return value != 0
    if isinstance(value, str | list | Mapping):
        return len(value) > 0
    return True


def _equal(left: object, right: object) -> bool:
    left, right = _normalize(left), _normalize(right)
    if isinstance(left, bool) or isinstance(right, bool):
        return isinstance(left, bool) and isinstance(right, bool) and left == right
    if _is_number(left) and _is_number(right):
        return bool(left == right)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(_equal(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        return set(left) == set(right) and all(_equal(left[k], right[k]) for k in left)
    if type(left) is not type(right):
        return False
    return bool(left == right)


_ORDERINGS: Mapping[str, Callable[[Any, Any], Any]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _order(op: str, left: object, right: object) -> bool:
    """Numbers with numbers, strings with strings (ISO dates sort as strings); anything else is false."""
    left, right = _normalize(left), _normalize(right)
    both_numbers = _is_number(left) and _is_number(right)
    comparable = both_numbers or (isinstance(left, str) and isinstance(right, str))
    return comparable and bool(_ORDERINGS[op](left, right))


def _contains(container: object, item: object) -> bool:
    container, item = _normalize(container), _normalize(item)
    if isinstance(container, list):
        return any(_equal(item, element) for element in container)
    if isinstance(container, str):
        return isinstance(item, str) and item in container
    if isinstance(container, Mapping):
        return isinstance(item, str) and item in container
    return False


def _birth_date(value: object) -> date | None:
    """A date, an ISO date string, or an ID number / id_document value (birth date inside)."""
    if isinstance(value, Mapping):
        value = value.get("number")
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) == 18 and text[:17].isdigit():
        text = f"{text[6:10]}-{text[10:12]}-{text[12:14]}"
    elif len(text) == 15 and text.isdigit():
        text = f"19{text[6:8]}-{text[8:10]}-{text[10:12]}"
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 and text[4] == "-" else None
    except ValueError:
        return None


def _age(value: object, today: date) -> int | None:
    born = _birth_date(value)
    if born is None or born > today:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _call(node: Call, values: Mapping[str, object], today: date) -> object:
    arg = _normalize(_evaluate(node.args[0], values, today))
    if node.func == "empty":
        return arg is None or (isinstance(arg, str) and not arg.strip()) or (
            isinstance(arg, list | Mapping) and len(arg) == 0
        )
    if node.func == "len":
        if arg is None:
            return 0
        return len(arg) if isinstance(arg, str | list | Mapping) else None
    return _age(arg, today)


def _lookup(node: Name, values: Mapping[str, object]) -> object:
    value: object = values.get(node.path[0])
    for part in node.path[1:]:
        value = value.get(part) if isinstance(value, Mapping) else None
    return _normalize(value)


def _evaluate(node: Node, values: Mapping[str, object], today: date) -> object:
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Name):
        return _lookup(node, values)
    if isinstance(node, ListExpr):
        return [_evaluate(item, values, today) for item in node.items]
    if isinstance(node, Not):
        return not truthy(_evaluate(node.operand, values, today))
    if isinstance(node, BoolOp):
        if node.op == "and":
            return all(truthy(_evaluate(operand, values, today)) for operand in node.operands)
        return any(truthy(_evaluate(operand, values, today)) for operand in node.operands)
    if isinstance(node, Compare):
        left = _evaluate(node.left, values, today)
        right = _evaluate(node.right, values, today)
        if node.op == "==":
            return _equal(left, right)
        if node.op == "!=":
            return not _equal(left, right)
        if node.op == "in":
            return _contains(right, left)
        if node.op == "not in":
            return not _contains(right, left)
        return _order(node.op, left, right)
    return _call(node, values, today)


def _names(node: Node) -> list[Name]:
    if isinstance(node, Name):
        return [node]
    if isinstance(node, ListExpr | Call):
        children: tuple[Node, ...] = node.items if isinstance(node, ListExpr) else node.args
    elif isinstance(node, Not):
        children = (node.operand,)
    elif isinstance(node, BoolOp):
        children = node.operands
    elif isinstance(node, Compare):
        children = (node.left, node.right)
    else:
        children = ()
    found: list[Name] = []
    for child in children:
        found.extend(_names(child))
    return found


@dataclass(frozen=True)
class Expression:
    """A parsed condition: keep the source for messages and the AST for evaluation."""

    source: str
    node: Node

    @property
    def references(self) -> tuple[Name, ...]:
        return tuple(_names(self.node))

    @property
    def names(self) -> frozenset[str]:
        """Field keys the condition reads (the first segment of each dotted name)."""
        return frozenset(name.path[0] for name in self.references)

    def evaluate(self, values: Mapping[str, object], *, today: date | None = None) -> object:
        return _evaluate(self.node, values, today or date.today())

    def test(self, values: Mapping[str, object], *, today: date | None = None) -> bool:
        return truthy(self.evaluate(values, today=today))


def parse(source: str) -> Expression:
    """Parse a condition; raises :class:`ExprError` (never anything else) when it is malformed."""
    return Expression(source, parse_node(source))
