"""code_table_listing: what the 代码表维护 editor shows — every code with its origin, retired ones too."""

from __future__ import annotations

import pytest

from app.auth import StaffInfo
from app.errors import UserError
from app.refdata.codes import CodeEntry
from app.refdata.local_tables import code_table_listing, effective_code_tables, set_local_code
from app.store import Store
from app.store.models import CodeEntry as CodeRow


def test_listing_tells_bundled_changed_added_platform_and_retired(store: Store, staff: dict[str, StaffInfo]) -> None:
    admin = staff["admin"].id
    with store.session() as session:
        shipped = code_table_listing(session, "key_industry")
        assert [e.origin for e in shipped] == ["bundled"] * len(shipped)
        assert [e.code for e in shipped] == [e.code for e in effective_code_tables(session)["key_industry"]]
        set_local_code(session, admin, "key_industry", "3001", "现代物流", parent="30")
        set_local_code(session, admin, "key_industry", "1001", "茶产业", parent="10")
        set_local_code(session, admin, "key_industry", "1002", "", parent="10", active=False)
        session.add(
            CodeRow(table_name="key_industry", code="3002", label="文化旅游", parent="30", source_version="platform:7")
        )
    with store.session() as session:
        listing = {e.code: e for e in code_table_listing(session, "key_industry")}
    assert listing["3001"].origin == "added" and listing["3001"].parent == "30" and listing["3001"].active
    assert listing["1001"].origin == "changed" and listing["1001"].label == "茶产业"
    assert listing["1001"].bundled_label == "茶叶"
    assert listing["1002"].origin == "changed" and not listing["1002"].active and listing["1002"].label == "食用菌"
    assert listing["3002"].origin == "platform" and listing["3002"].source_version == "platform:7"
    assert listing["2001"].origin == "bundled" and listing["2001"].source_version == "local-1"


def test_listing_of_unknown_table_says_so(store: Store) -> None:
    with pytest.raises(UserError, match="没有名为"), store.session() as session:
        code_table_listing(session, "nope")


def test_group_with_codes_in_use_cannot_be_retired(store: Store) -> None:
    with store.session() as session:
        set_local_code(session, None, "key_industry", "3001", "现代物流", parent="30")
    with pytest.raises(UserError, match="下级代码"), store.session() as session:
        set_local_code(session, None, "key_industry", "30", "", active=False)
    with store.session() as session:
        set_local_code(session, None, "key_industry", "3001", "", parent="30", active=False)
        set_local_code(session, None, "key_industry", "30", "", active=False)
    with store.session() as session:
        assert not effective_code_tables(session)["key_industry"].contains("30")
        set_local_code(session, None, "key_industry", "30", "现代服务业（5个）")
        set_local_code(session, None, "key_industry", "3001", "现代物流", parent="30")
    with store.session() as session:
        assert effective_code_tables(session)["key_industry"].get("3001") == CodeEntry("3001", "现代物流", "30")


def test_retiring_without_a_parent_keeps_the_code_under_its_group(store: Store) -> None:
    with store.session() as session:
        set_local_code(session, None, "key_industry", "1002", "", active=False)  # as `fuwutai codes set --retire`
    with store.session() as session:
        listing = {e.code: e for e in code_table_listing(session, "key_industry")}
        assert listing["1002"].parent == "10" and not listing["1002"].active
