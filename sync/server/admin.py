"""Platform administration: what ``fuwutai-platform`` does besides serving (also used by tests)."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.validation import validate
from sync.protocol import CaseCommand, QrPerson, StaffRole, StreamInfo
from sync.server import card_service, feed_service, refdata_service
from sync.server.db import Database
from sync.server.models import AppKey, Device, EnrolToken, Record, StaffUser, Station
from sync.server.push_service import apply_case_command
from sync.server.records import ItemRefused, find_record, write_record
from sync.server.security import hash_password, new_secret, token_hash, utcnow
from sync.server.sequence import StationFeed

ROLES: tuple[StaffRole, ...] = ("clerk", "reviewer", "admin")


class AdminError(ValueError):
    """A refused admin command; the message is the Chinese sentence to print."""


def add_station(db: Database, code: str, name: str) -> None:
    if not validate("admin_division", code).ok and not (code.isdigit() and len(code) in (9, 12)):
        raise AdminError(f"“{code}”不是有效的行政区划代码（6、9 或 12 位数字）。")
    try:
        with db.write() as session:
            session.add(Station(code=code, name=name, last_seq=0, created_at=utcnow()))
    except IntegrityError as error:
        raise AdminError(f"站点 {code} 已存在。") from error


def create_enrol_token(db: Database, station_code: str, *, hours: int = 72) -> str:
    token = new_secret()
    now = utcnow()
    with db.write() as session:
        if session.get(Station, station_code) is None:
            raise AdminError(f"站点 {station_code} 不存在，请先用“station add”添加。")
        session.add(
            EnrolToken(
                token_hash=token_hash(token),
                station_code=station_code,
                created_at=now,
                expires_at=now + timedelta(hours=hours),
            )
        )
    return token


def add_user(db: Database, station_code: str, username: str, display_name: str, role: str, password: str) -> str:
    if role not in ROLES:
        raise AdminError(f"角色必须是 {'、'.join(ROLES)} 之一。")
    if len(password) < 8:
        raise AdminError("密码至少需要 8 位。")
    user_id = str(uuid.uuid4())
    try:
        with db.write() as session:
            if session.get(Station, station_code) is None:
                raise AdminError(f"站点 {station_code} 不存在，请先用“station add”添加。")
            session.add(
                StaffUser(
                    id=user_id,
                    station_code=station_code,
                    username=username,
                    display_name=display_name,
                    role=role,
                    password_hash=hash_password(password),
                    created_at=utcnow(),
                )
            )
    except IntegrityError as error:
        raise AdminError(f"站点 {station_code} 已有用户名为“{username}”的账号。") from error
    return user_id


def create_app_key(db: Database) -> str:
    key = new_secret()
    with db.write() as session:
        session.add(AppKey(key_hash=token_hash(key), created_at=utcnow()))
    return key


def revoke_device(db: Database, device_id: str) -> None:
    with db.write() as session:
        revoked = session.execute(
            update(Device)
            .where(Device.id == device_id, Device.revoked_at.is_(None))
            .values(revoked_at=utcnow())
            .returning(Device.id)
        ).first()
        if revoked is None:
            raise AdminError(f"没有找到未注销的设备 {device_id}。")


def list_devices(db: Database, station_code: str | None = None) -> list[dict[str, Any]]:
    with db.read() as session:
        query = select(Device).order_by(Device.created_at)
        if station_code:
            query = query.where(Device.station_code == station_code)
        return [
            {
                "device_id": d.id,
                "station_code": d.station_code,
                "name": d.name,
                "created_at": d.created_at.isoformat(),
                "revoked": d.revoked_at is not None,
                "reset_pending": d.reset_pending,
            }
            for d in session.execute(query).scalars()
        ]


def order_reset(db: Database, station_code: str) -> int:
    with db.read() as session:
        if session.get(Station, station_code) is None:
            raise AdminError(f"站点 {station_code} 不存在。")
    return feed_service.order_reset(db, station_code)


def read_stream_file(stream: str, path: Path) -> list[Any]:
    """Entries from a JSON file (a list, or an object with ``entries``), or from a folder of files."""
    if path.is_dir():
        return _read_folder(stream, path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AdminError(f"无法读取 {path}：{error}") from error
    if isinstance(document, dict) and isinstance(document.get("entries"), list):
        return list(document["entries"])
    if isinstance(document, dict) and stream == "codes" and "codes" in document:
        return _code_table_entries(document)
    if isinstance(document, dict) and stream == "catalog" and "code" in document:
        return [document]
    if isinstance(document, list):
        return document
    raise AdminError(f"{path} 的格式不对：应为条目列表，或含“entries”列表的对象。")


def _read_folder(stream: str, folder: Path) -> list[Any]:
    entries: list[Any] = []
    for file in sorted(folder.glob("*.json")):
        entries.extend(read_stream_file(stream, file))
    return entries


def _code_table_entries(document: dict[str, Any]) -> list[Any]:
    table = document.get("table")
    return [
        {"table": table, "code": c.get("code"), "label": c.get("label"), "parent": c.get("parent"), "sort": i}
        for i, c in enumerate(document.get("codes", []))
        if isinstance(c, dict)
    ]


def publish(db: Database, stream: str, path: Path) -> StreamInfo:
    try:
        return refdata_service.publish(db, stream, read_stream_file(stream, path))
    except refdata_service.PublishError as error:
        raise AdminError(str(error)) from error


def export(db: Database, entity: str, station_code: str | None = None) -> list[dict[str, Any]]:
    with db.read() as session:
        query = select(Record).where(Record.entity == entity).order_by(Record.station_code, Record.seq)
        if station_code:
            query = query.where(Record.station_code == station_code)
        return [
            {
                **row.payload,
                "id": row.entity_id,
                "station_code": row.station_code,
                "server_version": row.server_version,
                "deleted": row.deleted,
            }
            for row in session.execute(query).scalars()
        ]


def case_command(db: Database, case_id: str, action: str, note: str | None = None) -> dict[str, Any]:
    """A decision taken on the platform (e.g. a county approval); it reaches the station through the feed."""
    try:
        command = CaseCommand.model_validate({"action": action, "note": note, "at": utcnow().replace(tzinfo=None)})
    except ValidationError as error:
        raise AdminError(f"未知的办件操作“{action}”。") from error
    with db.read() as session:
        case = find_record(session, "case", case_id)
        if case is None or case.deleted:
            raise AdminError(f"平台上没有办件 {case_id}。")
        station_code = case.station_code
    try:
        with db.write() as session:
            feed = StationFeed(session, station_code)
            case = find_record(session, "case", case_id)
            assert case is not None
            before = str(case.payload.get("state"))
            record = apply_case_command(
                session, feed, case, command, origin="platform", device_id=None, mutation_id=None
            )
            now = utcnow().replace(tzinfo=None).isoformat()
            write_record(
                session,
                feed,
                entity="case_event",
                entity_id=str(uuid.uuid4()),
                payload={
                    "case_id": case_id,
                    "action": action,
                    "from_state": before,
                    "to_state": record.payload["state"],
                    "actor_id": None,
                    "at": now,
                    "note": note,
                    "version": 1,
                    "updated_at": now,
                },
                deleted=False,
                origin="platform",
                device_id=None,
                mutation_id=None,
                existing=None,
            )
            feed.save()
            return {**record.payload, "server_version": record.server_version}
    except ItemRefused as refusal:
        raise AdminError(refusal.reason) from refusal


def issue_qr(db: Database, person: dict[str, Any], *, minutes: int = 10) -> str:
    try:
        qr_person = QrPerson.model_validate(person)
    except ValidationError as error:
        raise AdminError(f"二维码人员信息不完整：{error.errors()[0]['msg']}") from error
    return card_service.issue_qr(db, qr_person, minutes=minutes)


def list_stations(db: Database) -> list[dict[str, Any]]:
    with db.read() as session:
        return [
            {"code": s.code, "name": s.name, "last_seq": s.last_seq}
            for s in session.execute(select(Station).order_by(Station.code)).scalars()
        ]
