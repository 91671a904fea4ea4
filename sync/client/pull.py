"""Pull: apply the station's change feed page by page, each page in one transaction with its cursor.

Per change the rule of :mod:`sync.client.records` decides (apply, skip an echo, rebase, conflict).
A change that cannot be applied yet — its parent record has not arrived (the feed is compacted, so a
case may come before the person it refers to), or it clashes with a local record's unique key — is
*parked* with its reason instead of failing the page: the cursor moves on, nothing is lost, and parked
changes are tried again after every page until they fit.

Reset orders: the cursor goes back to 0, the shadows of records without local edits are dropped, the
whole feed is applied again (the platform's copy wins wherever there is no local edit), records the
platform turned out not to have are queued to be sent again, and the order is acknowledged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import and_, delete, exists, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.store import Store
from app.store.models import Base, OutboxEntry, Synced
from app.store.outbox import REMOTE_APPLY
from app.store.sync_models import SyncConflict, SyncParked, SyncShadow
from sync.client import state
from sync.client.api import PlatformApi
from sync.client.entities import registry
from sync.client.errors import SyncError
from sync.client.records import (
    UNSENT_STATES,
    FreshRows,
    Incoming,
    LocalView,
    Outcome,
    apply_incoming,
    requeue,
    take_write_lock,
)
from sync.protocol.changes import Change, ChangesPage

log = logging.getLogger("fuwutai.sync.pull")

PARKED_RETRY_LIMIT = 2000


@dataclass
class PullStats:
    pages: int = 0
    received: int = 0
    applied: int = 0
    skipped: int = 0
    rebased: int = 0
    conflicts: int = 0
    held: int = 0
    parked: int = 0
    unparked: int = 0
    reset_done: bool = False
    requeued_after_reset: int = 0

    def count(self, outcome: Outcome) -> None:
        if outcome is Outcome.APPLIED:
            self.applied += 1
        elif outcome is Outcome.SKIPPED:
            self.skipped += 1
        elif outcome is Outcome.REBASED:
            self.rebased += 1
        elif outcome is Outcome.CONFLICT:
            self.conflicts += 1
        else:
            self.held += 1

    @property
    def pulled(self) -> int:
        return self.applied + self.rebased + self.unparked


def _incoming(change: Change) -> Incoming:
    return Incoming(change.entity, change.entity_id, change.server_version, change.deleted, change.payload)


def _park(session: Session, incoming: Incoming, reason: str) -> None:
    row = session.get(SyncParked, (incoming.entity, incoming.entity_id))
    if row is None:
        session.add(
            SyncParked(
                entity=incoming.entity,
                entity_id=incoming.entity_id,
                server_version=incoming.server_version,
                deleted=incoming.deleted,
                payload=dict(incoming.payload),
                reason=reason,
            )
        )
    elif incoming.server_version >= row.server_version:
        row.server_version, row.deleted, row.payload, row.reason = (
            incoming.server_version,
            incoming.deleted,
            dict(incoming.payload),
            reason,
        )


def _why(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc)).lower()
    if "foreign key" in text:
        return "它引用的记录还没有同步到本机，收到后会自动补上。"
    if "unique" in text:
        return "它与本机的另一条记录重复（如证件号码相同），请在本机查找并处理重复记录。"
    if "not null" in text:
        return "平台发来的记录缺少必填内容。"
    return "无法写入本机数据库。"


def _apply_one(session: Session, incoming: Incoming, *, force: bool, stats: PullStats) -> bool:
    """Apply one change in its own savepoint; park it when it does not fit. True when applied."""
    try:
        with session.begin_nested():
            outcome = apply_incoming(session, incoming, force=force)
            session.flush()
    except IntegrityError as exc:
        _park(session, incoming, _why(exc))
        stats.parked += 1
        return False
    except SyncError as exc:
        _park(session, incoming, str(exc))
        stats.parked += 1
        return False
    stats.count(outcome)
    return True


def _forget_parked(session: Session, changes: list[Change]) -> None:
    keys = [(c.entity, c.entity_id) for c in changes]
    if not session.scalar(select(SyncParked.entity_id).limit(1)):
        return
    for change, key in zip(changes, keys, strict=True):
        row = session.get(SyncParked, key)
        if row is not None and row.server_version <= change.server_version:
            session.delete(row)


def _fast_path(session: Session, page: ChangesPage, *, force: bool) -> PullStats | None:
    """The whole page in one savepoint with the local state fetched in bulk; None if any change failed.

    Records the store has never seen are inserted with Core statements (:class:`FreshRows`); the
    others go through the apply rule with ORM objects. New rows go in before the flush, so an updated
    row may refer to a record that arrived in the same page.
    """
    trial = PullStats()
    keys = [(c.entity, c.entity_id) for c in page.items]
    once = len(set(keys)) == len(keys)  # a compacted feed sends a record once per page; if not, no shortcut
    try:
        with session.begin_nested(), session.no_autoflush:
            view = LocalView(session)
            view.prefetch(keys)
            fresh = FreshRows()
            for change in page.items:
                if once and change.entity in registry() and view.absent(change.entity, change.entity_id):
                    fresh.add(_incoming(change))
                    trial.count(Outcome.APPLIED)
                else:
                    trial.count(apply_incoming(session, _incoming(change), force=force, view=view))
            fresh.write(session)
            session.flush()
    except (IntegrityError, SyncError):
        session.expire_all()
        return None
    return trial


# Page cache of the connection a pull writes through. The store's default (2 MiB) is right for counter
# work; a first pull inserts hundreds of thousands of rows at random places of a dozen B-trees, and
# with a small cache nearly every insert reads (and decrypts) a page again: at 200,000 records the
# pull ran at two thirds of its speed at 20,000. Given back when the pull ends.
PULL_CACHE_KIB = 32 * 1024

# While a pull runs, its page commits are not flushed to the disk one by one (``synchronous = NORMAL``)
# and the write-ahead log is copied back into the store every 8,192 pages (32 MiB) instead of every
# 1,000. Each page is committed with the cursor that covers it, so a power cut can only undo the last
# pages of the pull, whole, and the next round fetches them again; the WAL keeps the store consistent
# either way, and a later commit on any connection (at ``FULL``) makes the earlier ones durable too.
# When the pull ends, the settings are put back and one checkpoint (with its flush) makes it all
# durable before anything is acknowledged to the platform. On a busy disk this halved the commit time.
PULL_CHECKPOINT_PAGES = 8192


@contextmanager
def pull_connection(store: Store) -> Iterator[Connection]:
    """One pooled connection for a whole pull, with a larger page cache and batched flushes while it lasts."""
    with store.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        defaults = {
            name: int(raw.execute(f"PRAGMA {name}").fetchone()[0])
            for name in ("cache_size", "synchronous", "wal_autocheckpoint")
        }
        raw.execute(f"PRAGMA cache_size = -{PULL_CACHE_KIB}")
        raw.execute("PRAGMA synchronous = NORMAL")
        raw.execute(f"PRAGMA wal_autocheckpoint = {PULL_CHECKPOINT_PAGES}")
        try:
            yield connection
        finally:
            if connection.in_transaction():
                connection.rollback()
            for name, value in defaults.items():
                raw.execute(f"PRAGMA {name} = {value}")
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


@contextmanager
def _page_session(store: Store, connection: Connection | None) -> Iterator[Session]:
    """A ``remote_apply`` unit of work, on the pull's own connection when there is one."""
    if connection is None:
        with store.session(remote_apply=True) as session:
            yield session
        return
    with Session(bind=connection, expire_on_commit=False) as session:
        session.info[REMOTE_APPLY] = True
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def apply_page(
    store: Store, page: ChangesPage, *, force: bool, stats: PullStats, connection: Connection | None = None
) -> None:
    """One page and its cursor in one transaction; the fast path first, change by change if needed."""
    with _page_session(store, connection) as session:
        take_write_lock(session)
        _forget_parked(session, page.items)
        trial = _fast_path(session, page, force=force) if page.items else PullStats()
        if trial is None:
            for change in page.items:
                _apply_one(session, _incoming(change), force=force, stats=stats)
        else:
            for name in ("applied", "skipped", "rebased", "conflicts", "held"):
                setattr(stats, name, getattr(stats, name) + getattr(trial, name))
        state.put(session, state.CURSOR, str(page.next_cursor))
    stats.pages += 1
    stats.received += len(page.items)


def retry_parked(store: Store, stats: PullStats) -> None:
    """Try the parked changes again (their parents may have arrived); one transaction."""
    with store.session(remote_apply=True) as session:
        take_write_lock(session)
        rows = list(session.scalars(select(SyncParked).order_by(SyncParked.parked_at).limit(PARKED_RETRY_LIMIT)))
        for row in rows:
            incoming = Incoming(row.entity, row.entity_id, row.server_version, row.deleted, row.payload)
            if _apply_one(session, incoming, force=False, stats=PullStats()):
                session.delete(row)
                stats.unparked += 1
            else:
                row.attempts += 1


# ---------------------------------------------------------------------- reset orders


def start_reset(store: Store) -> None:
    """Go back to the start of the feed, keeping what protects local edits."""
    with store.session(remote_apply=True) as session:
        take_write_lock(session)
        unsent = exists().where(
            OutboxEntry.entity == SyncShadow.entity,
            OutboxEntry.entity_id == SyncShadow.entity_id,
            OutboxEntry.state.in_(UNSENT_STATES),
        )
        in_conflict = exists().where(
            and_(
                SyncConflict.entity == SyncShadow.entity,
                SyncConflict.entity_id == SyncShadow.entity_id,
                SyncConflict.state == "open",
            )
        )
        session.execute(delete(SyncShadow).where(~unsent, ~in_conflict))
        state.put(session, state.CURSOR, "0")
        state.put(session, state.RESET_PENDING, "1")
    log.info("reset order: re-pulling the whole feed")


def finish_reset(store: Store, api: PlatformApi, stats: PullStats) -> None:
    """After a complete re-pull: re-queue records the platform does not have, then acknowledge."""
    with store.session(remote_apply=True) as session:
        take_write_lock(session)
        stats.requeued_after_reset = _requeue_unknown_to_platform(session)
    answer = api.reset_ack()
    with store.session() as session:
        state.put(session, state.RESET_PENDING, "1" if answer.reset_required else None)
    stats.reset_done = True


def _requeue_unknown_to_platform(session: Session) -> int:
    """Live rows the platform once acknowledged but did not send in the full re-pull: send them again."""
    count = 0
    view = LocalView(session)
    by_table = {spec.model.__tablename__: spec for spec in registry().values()}  # type: ignore[attr-defined]
    for table in Base.metadata.sorted_tables:  # parents before children
        spec = by_table.get(table.name)
        if spec is None:
            continue
        model: type[Synced] = spec.model
        lost = select(model).where(
            model.server_version.is_not(None),
            model.deleted.is_(False),
            ~exists().where(SyncShadow.entity == spec.name, SyncShadow.entity_id == model.id),
            ~exists().where(
                OutboxEntry.entity == spec.name,
                OutboxEntry.entity_id == model.id,
                OutboxEntry.state.in_(UNSENT_STATES),
            ),
            ~exists().where(SyncParked.entity == spec.name, SyncParked.entity_id == model.id),
        )
        for obj in session.scalars(lost):
            obj.server_version = None
            requeue(view, obj, None, "平台重置后重新发送")
            count += 1
    return count


# ---------------------------------------------------------------------- the loop


def pull(
    store: Store,
    api: PlatformApi,
    *,
    page_limit: int,
    should_stop: Callable[[], bool],
    reset_ordered: bool = False,
    on_page: Callable[[PullStats, ChangesPage], None] | None = None,
    max_pages: int = 100_000,
) -> PullStats:
    """Pull until the feed is drained (or ``should_stop``); handles reset orders on the way."""
    stats = PullStats()
    with store.session() as session:
        resetting = state.get(session, state.RESET_PENDING) == "1"
    if reset_ordered and not resetting:
        start_reset(store)
        resetting = True
    drained = False
    with store.session() as session:
        cursor = state.get_int(session, state.CURSOR)
    # The next page is fetched on a helper thread while this one is applied, so the platform, the
    # network and the local database work at the same time. Only one request is ever in flight and
    # the cursor is still saved with the page it covers, so an interruption resumes exactly as before.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fuwutai-pull") as fetcher, pull_connection(
        store
    ) as connection:
        ahead: Future[ChangesPage] | None = None
        # The first page asks the platform how many records follow (optional in the protocol, one count
        # per pull); later pages carry that total on, so progress can show "n / m".
        expected: int | None = None
        try:
            for _ in range(max_pages):
                if should_stop():
                    break
                counted = expected is None
                page = ahead.result() if ahead is not None else api.changes(cursor, page_limit, count=counted)
                ahead = None
                if page.reset_required and not resetting:
                    start_reset(store)
                    resetting = True
                    cursor = 0
                    expected = None
                    continue
                stuck = not page.items and page.next_cursor == cursor
                if page.has_more and not stuck and not should_stop():
                    ahead = fetcher.submit(api.changes, page.next_cursor, page_limit)
                apply_page(store, page, force=resetting, stats=stats, connection=connection)
                cursor = page.next_cursor
                if page.remaining is not None:
                    expected = stats.received + page.remaining
                elif expected is not None:
                    page.remaining = max(0, expected - stats.received)
                if on_page is not None:
                    on_page(stats, page)
                if not page.has_more:
                    drained = True
                    break
                if stuck:
                    log.warning("platform said has_more with an empty page at cursor %d; stopping this round", cursor)
                    break
        finally:
            if ahead is not None and not ahead.cancel():
                # A page fetched but not applied is simply fetched again next time; its error does not matter.
                ahead.exception()
    if stats.parked or _any_parked(store):
        retry_parked(store, stats)
    if drained and resetting:
        finish_reset(store, api, stats)
    return stats


def _any_parked(store: Store) -> bool:
    with store.session() as session:
        return session.scalar(select(SyncParked.entity_id).limit(1)) is not None
