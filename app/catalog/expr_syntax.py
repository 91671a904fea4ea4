"""Syntax of the condition language: tokens, the small AST, and a recursive-descent parser.

Hand-written on purpose: conditions come from definition files and the platform, so they are data;
nothing here hands text to Python's eval/exec/ast. The grammar is in docs/catalog.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

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


def parse_node(source: str) -> Node:
    """The AST of ``source``; raises :class:`ExprError` (never anything else) when malformed."""
    if not isinstance(source, str):
        raise ExprError("条件必须是字符串", 0)
    if len(source) > MAX_SOURCE_LENGTH:
        raise ExprError(f"条件超过 {MAX_SOURCE_LENGTH} 个字符，请简化", MAX_SOURCE_LENGTH)
    return _Parser(source).parse()
