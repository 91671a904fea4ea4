"""``fuwutai doctor --bundle``: versions, configuration without secrets, checks and logs — no personal data."""

from __future__ import annotations

import json
import logging
import zipfile
from pathlib import Path
from random import Random

import pytest

from app.cli.main import run
from app.config import preset as preset_mod
from app.logsetup import configure_logging
from app.persons.model import PersonInput
from app.persons.service import create_person, get_person
from app.settings import set_settings
from app.store import DataDir
from app.store.models import Setting
from app.validation.synthetic import synthetic_mobile, synthetic_name, synthetic_resident_id


def test_bundle_has_what_it_for_and_no_personal_data(
    store, data_dir: DataDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(preset_mod, "machine_config_dir", lambda: tmp_path / "etc")
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "fuwutai.toml").write_text('proxy = "http://itadmin:Pr0xyPass@10.0.0.1:3128"\n', "utf-8")
    rng = Random(20261125)
    people = [(synthetic_name(rng), synthetic_resident_id(rng), synthetic_mobile(rng)) for _ in range(5)]
    log_file = configure_logging(data_dir.logs)
    try:
        with store.session() as session:
            for name, number, phone in people:
                pid, _ = create_person(
                    session, None, PersonInput(name=name, doc_type="resident_id", doc_number=number, phone=phone)
                )
                get_person(session, None, pid)
            set_settings(session, None, {"proxy": "http://clerk:S3cretPw@proxy.local:8080"})
            session.add(Setting(key="sync.server_url", value="https://platform.example:8443"))
        # An error whose text carries an ID number and a phone (as a failed SQL statement's parameters would).
        try:
            raise ValueError(f"insert failed [parameters: ('{people[0][0]}', '{people[0][1]}')] {people[1][2]}")
        except ValueError:
            logging.getLogger("test").exception("保存失败 %s", people[2][1])
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", None) == str(log_file):
                handler.flush()
                root.removeHandler(handler)
                handler.close()
    store.close()

    target = tmp_path / "diag.zip"
    assert run(["--data-dir", str(data_dir.root), "doctor", "--bundle", str(target)]) in (0, 1)
    with zipfile.ZipFile(target) as bundle:
        names = bundle.namelist()
        blob = b"".join(bundle.read(n) for n in names)
        manifest = json.loads(bundle.read("manifest.json"))
        configuration = json.loads(bundle.read("configuration.json"))
        checks = json.loads(bundle.read("checks.json"))
    assert {"manifest.json", "checks.json", "configuration.json", "data-folder.json", "logs/fuwutai.log"} <= set(names)
    assert manifest["versions"]["fuwutai"] and manifest["versions"]["schema_head"]
    assert configuration["sync"]["sync.server_url"] == "https://platform.example:8443"
    assert configuration["settings"]["proxy"] == "http://***@proxy.local:8080"
    assert configuration["preset"]["values"]["proxy"] == "http://***@10.0.0.1:3128"
    assert any(c["check"] == "数据库完整性" and c["status"] == "ok" for c in checks)
    assert "保存失败" in bundle_text(target, "logs/fuwutai.log")
    text = blob.decode("utf-8", "replace")
    for name, number, phone in people:
        assert name not in text, name
        assert number not in text, number
        assert phone not in text, phone
    for secret in ("S3cretPw", "Pr0xyPass"):
        assert secret not in text
    assert not any(n.endswith(".db") for n in names)


def bundle_text(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as bundle:
        return bundle.read(name).decode("utf-8")
