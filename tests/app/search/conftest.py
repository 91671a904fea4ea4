"""Fixtures for search tests: a real encrypted store with a few persons saved through the ORM."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from random import Random

import pytest

from app.store import Store
from app.store.models import Person, PersonDocument
from app.validation import synthetic_resident_id


@pytest.fixture(autouse=True)
def _keyring_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The store key goes to a plaintext keyring file; keep it inside this test's folder.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "keyring"))


@dataclass(frozen=True)
class Known:
    id: str
    name: str
    doc_number: str
    phone: str | None


def add_person(store: Store, name: str, doc_number: str, phone: str | None = None, **extra: object) -> Known:
    with store.session() as session:
        person = Person(name=name, doc_type="resident_id", doc_number=doc_number, phone=phone, **extra)
        session.add(person)
        session.add(PersonDocument(person=person, doc_type="resident_id", number=doc_number))
        session.flush()
        return Known(person.id, name, doc_number, phone)


@pytest.fixture
def people(store: Store) -> dict[str, Known]:
    rng = Random(20261125)
    births = iter([date(1980 + i, 1 + i % 12, 1 + i) for i in range(12)])
    specs = [
        ("zhangsan", "张三", "19900001234"),
        ("zhangsanfeng", "张三丰", "19900005678"),
        ("zhangshan", "章珊", "19900009999"),
        ("shan", "单雄信", "19900004321"),
        ("ouyang", "欧阳建明", None),
        ("lv", "吕小布", "19900007777"),
        ("maimaiti", "买买提·艾力", "19900001111"),
        ("lisi", "李四", "19900002222"),
    ]
    return {
        key: add_person(store, name, synthetic_resident_id(rng, birth=next(births)), phone)
        for key, name, phone in specs
    }
