from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import UserError
from app.store import Store
from app.store.attachments import add_attachment, blob_path, read_blob
from app.store.models import Attachment, OutboxEntry


def test_content_addressed_and_deduplicated(store: Store, tmp_path: Path) -> None:
    scan = tmp_path / "身份证.jpg"
    scan.write_bytes(b"\xff\xd8fake-jpeg" * 1000)
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    with store.session() as session:
        first = add_attachment(session, store.data_dir, scan, material="id_card")
        second = add_attachment(session, store.data_dir, scan, material="id_card")
    assert first != second
    assert blob_path(store.data_dir, sha).exists()
    assert [p.name for p in store.data_dir.attachments.rglob("*") if p.is_file()] == [sha]
    assert read_blob(store.data_dir, sha) == scan.read_bytes()
    with store.session() as session:
        rows = session.scalars(select(Attachment)).all()
        assert {r.sha256 for r in rows} == {sha} and rows[0].media_type == "image/jpeg"
        assert session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "attachment")).all()


def test_corrupted_blob_and_missing_file(store: Store, tmp_path: Path) -> None:
    scan = tmp_path / "a.pdf"
    scan.write_bytes(b"%PDF-1.4 test")
    with store.session() as session:
        add_attachment(session, store.data_dir, scan)
    sha = hashlib.sha256(b"%PDF-1.4 test").hexdigest()
    blob_path(store.data_dir, sha).write_bytes(b"tampered")
    with pytest.raises(UserError, match="已损坏"):
        read_blob(store.data_dir, sha)
    with pytest.raises(UserError, match="无法读取"), store.session() as session:
        add_attachment(session, store.data_dir, tmp_path / "missing.pdf")
