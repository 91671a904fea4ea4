"""A small, safe condition language for ``visible_if`` and ``required_if``.

Definitions arrive from the provincial platform, so a condition is data, never code: it is
tokenised and parsed here by hand into a tiny AST and evaluated by walking that AST. Nothing
reaches Python's ``eval``/``exec``/``ast``. The grammar is in ``docs/catalog.md``.

Evaluation is total: any well-formed expression evaluates over any form data without raising.
Type mismatches (comparing a number with a string, ``len`` of a number …) give ``false``/``null``
instead of an error, because a half-filled form is the normal state while the clerk types.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

MAX_SOURCE_LENGTH = 1000
# Deep nesting is never needed for a visibility rule; the cap keeps recursion far from Python's limit.
MAX_DEPTH = 40

KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false", "null"})
# name -> (min args, max args)
FUNCTIONS: Mapping[str, tuple[int, int]] = {"empty": (1, 1), "len": (1, 1), "age": (1, 1)}
COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">=", "in", "not in"})


class ExprError(ValueError):
    """A condition that cannot be parsed; ``position`` is 0-based, the message counts from 1."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"第 {position + 1} 个字符处：{message}")
        self.reason = message
        self.position = position


# ---------------------------------------------------------------- AST


@dataclass(frozen=True)
class Literal:
    value: bool | int | Decimal | str | None


@dataclass(frozen=True)
class ListExpr:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Name:
    path: tuple[str, ...]
    position: int


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class BoolOp:
    op: str  # "and" | "or"
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Compare:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple[Node, ...]
    position: int


Node = Literal | ListExpr | Name | Not | BoolOp | Compare | Call


# ---------------------------------------------------------------- tokens


@dataclass(frozen=True)
class Token:
    kind: str  # num, str, ident, kw, op, punct, eof
    text: str
    value: int | Decimal | str | None
    position: int


_PUNCT = frozenset("()[],.")
_ESCAPES = {"\\": "\\", '"': '"', "'": "'", "n": "\n", "t": "\t"}
_MISTAKES = {
    "=": "请用“==”表示相等",
    "!": "请用“not”表示否定，或用“!=”表示不相等",
    "&": "请用“and”表示并且",
    "|": "请用“or”表示或者",
    "“": "字符串请用英文引号 \" 或 ' 括起来",
    "”": "字符串请用英文引号 \" 或 ' 括起来",
    "‘": "字符串请用英文引号 \" 或 ' 括起来",
    "’": "字符串请用英文引号 \" 或 ' 括起来",
    "（": "请使用英文括号“(”“)”",
    "）": "请使用英文括号“(”“)”",
    "，": "请使用英文逗号“,”",
}


def _is_ident_start(char: str) -> bool:
    return char == "_" or ("a" <= char <= "z") or ("A" <= char <= "Z")


def _is_ident_char(char: str) -> bool:
    return _is_ident_start(char) or ("0" <= char <= "9")


def _is_digit(char: str) -> bool:
    return "0" <= char <= "9"


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    i = 0
    n = len(source)
    while i < n:
        char = source[i]
        if char in " \t\r\n":
            i += 1
            continue
        start = i
        if _is_digit(char):
            while i < n and _is_digit(source[i]):
                i += 1
            if i < n and source[i] == "." and i + 1 < n and _is_digit(source[i + 1]):
                i += 1
                while i < n and _is_digit(source[i]):
                    i += 1
                text = source[start:i]
                tokens.append(Token("num", text, Decimal(text), start))
            else:
                text = source[start:i]
                tokens.append(Token("num", text, int(text), start))
            if i < n and _is_ident_char(source[i]):
                raise ExprError(f"数字后面紧跟了“{source[i]}”，请检查是否漏了空格或运算符", i)
            continue
        if _is_ident_start(char):
            while i < n and _is_ident_char(source[i]):
                i += 1
            text = source[start:i]
            tokens.append(Token("kw" if text in KEYWORDS else "ident", text, text, start))
            continue
        if char in "\"'":
            value, i = _read_string(source, i)
            tokens.append(Token("str", source[start:i], value, start))
            continue
        two = source[i : i + 2]
        if two in ("==", "!=", "<=", ">="):
            tokens.append(Token("op", two, None, start))
            i += 2
            continue
        if char in "<>":
            tokens.append(Token("op", char, None, start))
            i += 1
            continue
        if char == "-":
            tokens.append(Token("op", "-", None, start))
            i += 1
            continue
        if char in _PUNCT:
            tokens.append(Token("punct", char, None, start))
            i += 1
            continue
        hint = _MISTAKES.get(char)
        if hint is not None:
            raise ExprError(f"不能使用字符 {char} ，{hint}", start)
        raise ExprError(f"无法识别的字符“{char}”（字段名只能用英文字母、数字和下划线）", start)
    tokens.append(Token("eof", "", None, n))
    return tokens


def _read_string(source: str, start: int) -> tuple[str, int]:
    quote = source[start]
    i = start + 1
    parts: list[str] = []
    while i < len(source):
        char = source[i]
        if char == quote:
            return "".join(parts), i + 1
        if char == "\\":
            if i + 1 >= len(source):
                break
            escaped = _ESCAPES.get(source[i + 1])
            if escaped is None:
                raise ExprError(f"字符串中不支持转义“\\{source[i + 1]}”", i)
            parts.append(escaped)
            i += 2
            continue
        if char == "\n":
            raise ExprError("字符串不能跨行，请检查是否漏了结束引号", i)
        parts.append(char)
        i += 1
    raise ExprError(f"字符串缺少结束引号 {quote}", start)


# ---------------------------------------------------------------- parser


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = tokenize(source)
        self.index = 0
        self.depth = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        if token.kind != "eof":
            self.index += 1
        return token

    def at(self, kind: str, text: str | None = None) -> bool:
        token = self.current
        return token.kind == kind and (text is None or token.text == text)

    def expect_punct(self, text: str, what: str) -> Token:
        if not self.at("punct", text):
            raise ExprError(f"{what}，此处却是{_describe(self.current)}", self.current.position)
        return self.advance()

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"表达式嵌套超过 {MAX_DEPTH} 层，请简化条件", self.current.position)

    def leave(self) -> None:
        self.depth -= 1

    def parse(self) -> Node:
        if self.at("eof"):
            raise ExprError("条件为空，请填写表达式或删除该属性", 0)
        node = self.expression()
        if not self.at("eof"):
            raise ExprError(
                f"多余的内容：{_describe(self.current)}，请检查是否漏了 and/or", self.current.position
            )
        return node

    def expression(self) -> Node:
        self.enter()
        try:
            return self.or_expr()
        finally:
            self.leave()

    def or_expr(self) -> Node:
        operands = [self.and_expr()]
        while self.at("kw", "or"):
            self.advance()
            operands.append(self.and_expr())
        return operands[0] if len(operands) == 1 else BoolOp("or", tuple(operands))

    def and_expr(self) -> Node:
        operands = [self.not_expr()]
        while self.at("kw", "and"):
            self.advance()
            operands.append(self.not_expr())
        return operands[0] if len(operands) == 1 else BoolOp("and", tuple(operands))

    def not_expr(self) -> Node:
        if self.at("kw", "not"):
            self.advance()
            self.enter()
            try:
                return Not(self.not_expr())
            finally:
                self.leave()
        return self.comparison()

    def comparison(self) -> Node:
        left = self.primary()
        op = self._comparison_operator()
        if op is None:
            return left
        right = self.primary()
        if self._comparison_operator(peek=True) is not None:
            raise ExprError("比较不能连写（如 a < b < c），请用 and 连接两个比较", self.current.position)
        return Compare(op, left, right)

    def _comparison_operator(self, *, peek: bool = False) -> str | None:
        token = self.current
        if token.kind == "op" and token.text in COMPARISONS:
            if not peek:
                self.advance()
            return token.text
        if token.kind == "kw" and token.text == "in":
            if not peek:
                self.advance()
            return "in"
        if token.kind == "kw" and token.text == "not" and self.tokens[self.index + 1].text == "in":
            if not peek:
                self.advance()
                self.advance()
            return "not in"
        return None

    def primary(self) -> Node:
        token = self.current
        if token.kind == "num":
            self.advance()
            assert isinstance(token.value, int | Decimal)
            return Literal(token.value)
        if token.kind == "op" and token.text == "-":
            self.advance()
            number = self.current
            if number.kind != "num":
                raise ExprError("负号后面只能紧跟数字", token.position)
            self.advance()
            assert isinstance(number.value, int | Decimal)
            return Literal(-number.value)
        if token.kind == "str":
            self.advance()
            assert isinstance(token.value, str)
            return Literal(token.value)
        if token.kind == "kw" and token.text in ("true", "false", "null"):
            self.advance()
            return Literal({"true": True, "false": False, "null": None}[token.text])
        if token.kind == "punct" and token.text == "(":
            self.advance()
            node = self.expression()
            self.expect_punct(")", "缺少右括号“)”")
            return node
        if token.kind == "punct" and token.text == "[":
            return self.list_literal()
        if token.kind == "ident":
            return self.name_or_call()
        raise ExprError(f"此处应为字段名、数值、字符串或左括号，却是{_describe(token)}", token.position)

    def list_literal(self) -> Node:
        self.advance()
        self.enter()
        try:
            items: list[Node] = []
            while not self.at("punct", "]"):
                items.append(self.expression())
                if self.at("punct", ","):
                    self.advance()
                elif not self.at("punct", "]"):
                    raise ExprError(f"列表元素之间应以逗号分隔，此处却是{_describe(self.current)}",
                                    self.current.position)
            self.advance()
            return ListExpr(tuple(items))
        finally:
            self.leave()

    def name_or_call(self) -> Node:
        token = self.advance()
        if self.at("punct", "("):
            return self.call(token)
        path = [token.text]
        while self.at("punct", "."):
            self.advance()
            part = self.current
            if part.kind != "ident":
                raise ExprError(f"“.”后面应为属性名，却是{_describe(part)}", part.position)
            self.advance()
            path.append(part.text)
        return Name(tuple(path), token.position)

    def call(self, token: Token) -> Node:
        arity = FUNCTIONS.get(token.text)
        if arity is None:
            known = "、".join(sorted(FUNCTIONS))
            raise ExprError(f"未知的函数“{token.text}”，可用函数：{known}", token.position)
        self.advance()
        self.enter()
        try:
            args: list[Node] = []
            while not self.at("punct", ")"):
                args.append(self.expression())
                if self.at("punct", ","):
                    self.advance()
                elif not self.at("punct", ")"):
                    raise ExprError(f"函数参数之间应以逗号分隔，此处却是{_describe(self.current)}",
                                    self.current.position)
            self.advance()
        finally:
            self.leave()
        low, high = arity
        if not low <= len(args) <= high:
            raise ExprError(f"函数 {token.text}() 需要 {low} 个参数，实际给了 {len(args)} 个", token.position)
        return Call(token.text, tuple(args), token.position)


def _describe(token: Token) -> str:
    if token.kind == "eof":
        return "表达式结尾"
    return f"“{token.text}”"


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
    if not isinstance(source, str):
        raise ExprError("条件必须是字符串", 0)
    if len(source) > MAX_SOURCE_LENGTH:
        raise ExprError(f"条件超过 {MAX_SOURCE_LENGTH} 个字符，请简化", MAX_SOURCE_LENGTH)
    return Expression(source, _Parser(source).parse())
