"""The condition language: parsing, evaluation, errors with positions, and robustness."""

from __future__ import annotations

import contextlib
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog.expr import MAX_DEPTH, BoolOp, Call, Compare, ExprError, ListExpr, Literal, Name, Not, parse

TODAY = date(2026, 1, 5)


def ev(source: str, **values: object) -> object:
    return parse(source).evaluate(values, today=TODAY)


class TestParsing:
    def test_precedence_not_binds_tighter_than_and_than_or(self) -> None:
        node = parse("not a and b or c").node
        assert node == BoolOp(
            "or",
            (BoolOp("and", (Not(Name(("a",), 4)), Name(("b",), 10))), Name(("c",), 15)),
        )

    def test_comparison_list_and_call(self) -> None:
        node = parse('len(tags) >= 2 and x in [1, 2.5, "s", -3, null]').node
        assert isinstance(node, BoolOp)
        first, second = node.operands
        assert first == Compare(">=", Call("len", (Name(("tags",), 4),), 0), Literal(2))
        assert second == Compare(
            "in",
            Name(("x",), 19),
            ListExpr((Literal(1), Literal(Decimal("2.5")), Literal("s"), Literal(-3), Literal(None))),
        )

    def test_not_in_and_dotted_names(self) -> None:
        expr = parse('id_doc.doc_type not in ["resident_id", "ss_card"]')
        assert expr.node == Compare(
            "not in",
            Name(("id_doc", "doc_type"), 0),
            ListExpr((Literal("resident_id"), Literal("ss_card"))),
        )
        assert expr.names == frozenset({"id_doc"})

    def test_string_escapes_and_both_quotes(self) -> None:
        assert ev(r'"a\"b" == ' + "'a\"b'") is True
        assert parse(r"'\\n'").node == Literal("\\n")

    def test_names_lists_every_field_read(self) -> None:
        expr = parse("a == 1 or (b and not empty(c.number)) or age(d) > 3")
        assert expr.names == frozenset({"a", "b", "c", "d"})

    @pytest.mark.parametrize(
        ("source", "position", "fragment"),
        [
            ("a = 1", 2, "“==”"),
            ("a ==", 4, "表达式结尾"),
            ("(a", 2, "缺少右括号"),
            ("a < b < c", 6, "不能连写"),
            ("foo(1)", 0, "未知的函数“foo”"),
            ("len()", 0, "需要 1 个参数"),
            ("len(a, b)", 0, "实际给了 2 个"),
            ("“是”", 0, "英文引号"),
            ("1a", 1, "数字后面"),
            ("a.", 2, "属性名"),
            ("[1, 2", 5, "逗号分隔"),
            ('"abc', 0, "缺少结束引号"),
            ("- a", 0, "负号"),
            ("", 0, "条件为空"),
            ("a b", 2, "多余的内容"),
            ("a && b", 2, "and"),
            ("性别 == 1", 0, "无法识别的字符"),
            (r'"\q"', 1, "转义"),
        ],
    )
    def test_errors_are_chinese_and_carry_the_position(self, source: str, position: int, fragment: str) -> None:
        with pytest.raises(ExprError) as caught:
            parse(source)
        assert caught.value.position == position
        assert fragment in str(caught.value)
        assert str(caught.value).startswith(f"第 {position + 1} 个字符处：")

    def test_nesting_is_capped(self) -> None:
        deep = "(" * (MAX_DEPTH + 5) + "a" + ")" * (MAX_DEPTH + 5)
        with pytest.raises(ExprError, match="嵌套"):
            parse(deep)
        with pytest.raises(ExprError, match="嵌套"):
            parse("not " * (MAX_DEPTH + 5) + "a")
        assert parse("(" * 10 + "a" + ")" * 10).node == Name(("a",), 10)

    def test_overlong_source_is_rejected(self) -> None:
        with pytest.raises(ExprError, match="超过"):
            parse("a or " * 300 + "a")


class TestEvaluation:
    def test_equality_is_type_strict(self) -> None:
        assert ev('x == "1"', x="1") is True
        assert ev("x == 1", x="1") is False
        assert ev("x == true", x=1) is False
        assert ev("x == 1", x=True) is False
        assert ev("x == 2.50", x=Decimal("2.5")) is True
        assert ev("x == 2", x=2.0) is True

    def test_ordering_of_numbers_and_strings_mismatch_is_false(self) -> None:
        assert ev("x < 10", x=3) is True
        assert ev('health >= "60" and health < "70"', health="64") is True
        assert ev('health >= "60" and health < "70"', health="10") is False
        assert ev("x < 10", x="3") is False
        assert ev("x >= 10", x=None) is False
        assert ev("x < y", x="2024-01-01", y="2024-02-01") is True
        assert ev("x > y", x=date(2024, 3, 1), y="2024-02-01") is True

    def test_missing_fields_are_null(self) -> None:
        assert ev("x == null") is True
        assert ev("not x") is True
        assert ev("x.number == null", x="plain") is True

    def test_in_over_lists_strings_and_mappings(self) -> None:
        assert ev('"09" in tags', tags=["01", "09"]) is True
        assert ev('"09" in tags', tags=None) is False
        assert ev('x in ["01", "04"]', x="04") is True
        assert ev('x not in ["01", "04"]', x="02") is True
        assert ev('"工" in x', x="农民工") is True
        assert ev('"number" in d', d={"number": "1"}) is True
        assert ev("1 in x", x="123") is False

    def test_functions(self) -> None:
        assert ev("empty(x)") is True
        assert ev("empty(x)", x="  ") is True
        assert ev("empty(x)", x=[]) is True
        assert ev("empty(x)", x=False) is False
        assert ev("len(x)", x=["a", "b"]) == 2
        assert ev("len(x)") == 0
        assert ev("len(x)", x=5) is None

    def test_age_from_dates_and_id_numbers(self) -> None:
        assert ev("age(d)", d="2000-01-05") == 26
        assert ev("age(d)", d="2000-01-06") == 25
        assert ev("age(d)", d=date(1980, 6, 1)) == 45
        # Synthetic number with a valid check digit (REFERENCE.md §3 example).
        assert ev("age(doc)", doc={"doc_type": "resident_id", "number": "11010519491231002X"}) == 76
        assert ev("age(doc)", doc="110105491231002") == 76
        assert ev("age(d)", d="not a date") is None
        assert ev("age(d)", d="2030-01-01") is None
        assert ev("age(d) < 16", d=None) is False

    def test_and_or_short_circuit_to_booleans(self) -> None:
        assert ev("a or b", a=0, b="x") is True
        assert ev("a and b", a=1, b="") is False

    def test_test_gives_a_bool(self) -> None:
        assert parse("x").test({"x": "text"}) is True
        assert parse("len(x)").test({"x": []}) is False


# ------------------------------------------------------------ properties

FIELDS = ["a", "b", "c", "tags", "doc"]


def _literal() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(-10**6, 10**6).map(str),
        st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False).map(str),
        st.text(alphabet="ab01 中\"'\\", max_size=5).map(
            lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
        ),
        st.sampled_from(["true", "false", "null"]),
    )


def _expressions() -> st.SearchStrategy[str]:
    leaves = st.one_of(_literal(), st.sampled_from([*FIELDS, "doc.number", "doc.doc_type"]))

    def extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(children, st.sampled_from(["and", "or"]), children).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
            children.map(lambda c: f"(not {c})"),
            children.map(lambda c: f"({c})"),
            st.tuples(
                children, st.sampled_from(["==", "!=", "<", "<=", ">", ">=", "in", "not in"]), children
            ).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            st.lists(children, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
            st.tuples(st.sampled_from(["empty", "len", "age"]), children).map(lambda t: f"{t[0]}({t[1]})"),
        )

    return st.recursive(leaves, extend, max_leaves=12)


_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=20),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.floats(),
    st.dates(),
    st.lists(st.text(max_size=3), max_size=4),
    st.fixed_dictionaries({"doc_type": st.text(max_size=3), "number": st.text(max_size=20)}),
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_random_text_never_crashes_the_parser(source: str) -> None:
    try:
        parse(source)
    except ExprError as error:
        assert 0 <= error.position <= len(source)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab_() []"\'.,=!<>-0123456789 andortin', max_size=60))
def test_grammar_shaped_noise_never_crashes_the_parser(source: str) -> None:
    with contextlib.suppress(ExprError):
        parse(source)


@settings(max_examples=300, deadline=None)
@given(_expressions(), st.fixed_dictionaries({name: _values for name in FIELDS}), st.dates())
def test_well_formed_expressions_parse_and_evaluate(source: str, values: dict[str, object], today: date) -> None:
    expr = parse(source)
    expr.evaluate(values, today=today)
    assert isinstance(expr.test(values, today=today), bool)
    assert expr.names <= set(FIELDS)
