"""search_persons on a real encrypted store: every query kind, ranking, masking, tombstones."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text

from app.search import PersonHit, plan_search, search_persons
from app.store import Store
from app.store.models import Person
from tests.app.search.conftest import Known, add_person


def _search(store: Store, query: str, limit: int = 50) -> list[PersonHit]:
    with store.session() as session:
        return search_persons(session, query, limit=limit)


def _ids(hits: list[PersonHit]) -> list[str]:
    return [hit.id for hit in hits]


def test_exact_id_number_comes_first_and_is_masked(store: Store, people: dict[str, Known]) -> None:
    target = people["lisi"]
    hits = _search(store, target.doc_number.lower())
    assert hits[0].id == target.id and hits[0].matched == "id_exact"
    assert hits[0].masked_id == target.doc_number[:6] + "********" + target.doc_number[-4:]
    assert all(target.doc_number not in repr(hit) for hit in hits)


def test_id_prefix_uses_a_range_and_ranks_after_exact(store: Store, people: dict[str, Known]) -> None:
    target = people["zhangsan"]
    hits = _search(store, target.doc_number[:10])
    assert target.id in _ids(hits)
    assert all(hit.matched == "id_prefix" for hit in hits)
    assert len(_search(store, "5201")) == len(people)
    assert _search(store, "8888") == []


def test_name_exact_before_name_prefix(store: Store, people: dict[str, Known]) -> None:
    hits = _search(store, "张三")
    assert [(hit.name, hit.matched) for hit in hits] == [("张三", "name_exact"), ("张三丰", "name_prefix")]
    assert _ids(_search(store, "张")) == [people["zhangsan"].id, people["zhangsanfeng"].id]


def test_full_pinyin_with_and_without_spaces_and_prefix(store: Store, people: dict[str, Known]) -> None:
    assert _ids(_search(store, "zhangsan"))[0] == people["zhangsan"].id
    assert _ids(_search(store, "zhang san"))[0] == people["zhangsan"].id
    assert set(_ids(_search(store, "zhangs"))) == {
        people["zhangsan"].id, people["zhangsanfeng"].id, people["zhangshan"].id,
    }
    assert _search(store, "zhangsan")[0].matched == "pinyin"


def test_initials_find_zhang_san(store: Store, people: dict[str, Known]) -> None:
    hits = _search(store, "zs")
    assert hits[0].id == people["zhangsan"].id and hits[0].matched == "initials"
    assert people["zhangshan"].id in _ids(hits)  # 章珊 is zs too
    assert _ids(_search(store, "zsf")) == [people["zhangsanfeng"].id]


def test_polyphonic_surname_and_u_umlaut(store: Store, people: dict[str, Known]) -> None:
    assert _ids(_search(store, "shanxiongxin")) == [people["shan"].id]
    assert _ids(_search(store, "danxiongxin")) == [people["shan"].id]
    assert _ids(_search(store, "sxx")) == [people["shan"].id]
    assert _ids(_search(store, "lvxiaobu")) == [people["lv"].id]
    assert _ids(_search(store, "luxiaobu")) == [people["lv"].id]


def test_names_with_a_middle_dot(store: Store, people: dict[str, Known]) -> None:
    for query in ("买买提·艾力", "买买提艾力", "买买提", "maimaiti"):
        assert _ids(_search(store, query)) == [people["maimaiti"].id], query


def test_phone_tail(store: Store, people: dict[str, Known]) -> None:
    hits = _search(store, "1234")
    assert [(hit.id, hit.matched, hit.phone_tail) for hit in hits] == [(people["zhangsan"].id, "phone_tail", "1234")]
    assert _ids(_search(store, "0001234")) == [people["zhangsan"].id]
    assert _search(store, "4321")[0].id == people["shan"].id


def test_query_normalisation(store: Store, people: dict[str, Known]) -> None:
    zs = people["zhangsan"].id
    assert _ids(_search(store, "  ＺＳ "))[0] == zs
    assert _ids(_search(store, "ZhangSan"))[0] == zs
    assert _ids(_search(store, "１２３４")) == [zs]
    assert _ids(_search(store, " 张三 "))[0] == zs


def test_short_or_meaningless_queries_return_nothing(store: Store, people: dict[str, Known]) -> None:
    for query in ("", "   ", "z", "123", "!!", "*", '"', "a" * 61, "zs OR 1=1", "zs*"):
        assert _search(store, query) == [], query
    assert plan_search("") == [] and plan_search("z") == []


def test_limit(store: Store, people: dict[str, Known]) -> None:
    assert len(_search(store, "5201", limit=3)) == 3
    assert _search(store, "5201", limit=0) == []


def test_tombstoned_persons_are_never_returned(store: Store, people: dict[str, Known]) -> None:
    target = people["zhangsan"]
    with store.session() as session:
        person = session.get(Person, target.id)
        assert person is not None
        person.deleted = True
    for query in ("张三", "zs", "zhangsan", target.doc_number, target.doc_number[:8], "1234"):
        assert target.id not in _ids(_search(store, query)), query
    with store.session() as session:
        mapped = session.execute(text("SELECT count(*) FROM person_search WHERE person_id = :id"), {"id": target.id})
        assert mapped.scalar_one() == 0


def test_index_follows_orm_changes_of_name_and_phone(store: Store, people: dict[str, Known]) -> None:
    target = people["lisi"]
    with store.session() as session:
        person = session.scalars(select(Person).where(Person.id == target.id)).one()
        person.name = "王五"
        person.phone = "19900008642"
    assert target.id not in _ids(_search(store, "李四"))
    assert target.id not in _ids(_search(store, "ls"))
    assert _ids(_search(store, "王五")) == [target.id]
    assert _ids(_search(store, "ww")) == [target.id]
    assert _ids(_search(store, "8642")) == [target.id]
    assert _search(store, "2222") == []


def test_hits_show_the_current_gender_birth_date_and_number(store: Store, people: dict[str, Known]) -> None:
    target = people["ouyang"]
    with store.session() as session:
        person = session.get_one(Person, target.id)
        person.gender, person.birth_date, person.doc_number = "2", date(1985, 6, 7), "520102198506070048"
    hit = _search(store, "欧阳建明")[0]
    assert (hit.gender, hit.birth_date, hit.masked_id) == ("2", date(1985, 6, 7), "520102********0048")
    assert _ids(_search(store, "520102198506070048")) == [target.id]


def test_rolled_back_insert_leaves_no_index_row(store: Store, people: dict[str, Known]) -> None:
    class Boom(Exception):
        pass

    try:
        with store.session() as session:
            session.add(Person(name="赵六", doc_type="resident_id", doc_number="X-TEST-0001"))
            session.flush()
            raise Boom
    except Boom:
        pass
    assert _search(store, "赵六") == []


def test_new_person_found_at_once(store: Store, people: dict[str, Known]) -> None:
    added = add_person(store, "欧阳娜", "520102199001011234", "19900003333")
    assert _ids(_search(store, "oyn")) == [added.id]
    assert _search(store, "欧阳娜")[0].birth_date is None  # nothing stored, nothing invented


def test_every_statement_uses_an_index(store: Store, people: dict[str, Known]) -> None:
    queries = ["520102199001011234", "52010219", "张三", "zs", "zhangsan", "19900001234", "H1234567"]
    with store.session() as session:
        for query in queries:
            for planned in plan_search(query):
                plan = session.execute(text("EXPLAIN QUERY PLAN " + planned.sql), dict(planned.params)).all()
                details = " | ".join(row[3] for row in plan)
                assert "SCAN p " not in details + " " and "SCAN d " not in details + " ", (query, details)
                assert "SCAN person_fts" not in details or "VIRTUAL TABLE INDEX" in details, details
