"""The audit trail: an append-only record of every view, change, export, import and delete of a client file.

A record is ``(time, actor, action, client id, detail)`` — no client data (no names, notes or amounts);
``detail`` is a short code such as the repository method (``save_plan_version``).  There is no API to
edit or delete a record, and database triggers refuse UPDATE / DELETE / TRUNCATE on the table (see
:mod:`planner.storage.accounts_schema`).  Views are recorded once per actor and client within
:data:`VIEW_WINDOW` (a page re-reads a file on every interaction; one "view" per sitting is the fact); the
window starts only when a record is committed, so a failed record never silences the next view.

:class:`~planner.storage.ScopedRepository` writes a view's or export's record in the read's own transaction
(:meth:`AuditLog.write` with :func:`planner.storage.db.one_transaction`), and a change's in the change's.

Besides client files, an admin's changes to user accounts are recorded: action ``account``, no client id,
and a ``detail`` code ``<what>:<user id>`` (``add_user:7``, ``disable_user:7``, ``set_role:7``…) — the
target user's id only, never their e-mail address.

>>> from planner.storage import Repository
>>> log = AuditLog(Repository.open("sqlite://").engine)
>>> log.record("li@example.org", "export", 7, "export_client")
>>> [(r.actor, r.action, r.client_id) for r in log.query()]
[('li@example.org', 'export', 7)]
"""

from __future__ import annotations

import csv
import io
import json
import threading
from contextvars import ContextVar
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..escape import csv_cell
from .accounts_schema import ACTIONS
from .schema import AUDIT_LOG

VIEW_WINDOW = timedelta(minutes=10)
# the record a write is about to make: consumed by :meth:`AuditLog.in_transaction` inside the write's
# own transaction (so a change and its record are committed, or rolled back, together)
_PENDING: ContextVar[tuple[str, str, int, str] | None] = ContextVar("planner_audit_pending", default=None)
CSV_COLUMNS = ("time", "user", "action", "client_id", "detail")


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    client_id: int | None
    detail: str

    def to_json(self) -> dict[str, object]:
        """The JSON Lines form of the admin CLI: ``time, user, action, client_id`` (+ ``detail``)."""
        return {"time": self.at.isoformat(timespec="seconds") + "Z", "user": self.actor, "action": self.action,
                "client_id": self.client_id, "detail": self.detail}


class AuditLog:
    """Append and read audit records (the same engine as the repository)."""

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = _utcnow):
        self.engine, self.clock = engine, clock
        self._seen: dict[tuple[str, int], datetime] = {}
        self._lock = threading.Lock()

    def record(self, actor: str, action: str, client_id: int | None, detail: str = "") -> None:
        """Append a record in its own transaction (a view already recorded within the window is skipped)."""
        if not self.due(actor, action, client_id):
            return
        with self.engine.begin() as conn:
            self.write(conn, actor, action, client_id, detail)
        self.written(actor, action, client_id)

    def due(self, actor: str, action: str, client_id: int | None) -> bool:
        """Whether this access needs a record: always, except a view of a file this actor's view of which
        was recorded (committed) by this process within :data:`VIEW_WINDOW`."""
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        if action != "view" or client_id is None:
            return True
        with self._lock:
            last = self._seen.get((actor, client_id))
        return last is None or self.clock() - last >= VIEW_WINDOW

    def write(self, conn, actor: str, action: str, client_id: int | None, detail: str = "") -> None:
        """Insert a record with ``conn``, inside the caller's transaction (committed with it, or not at all).
        Call :meth:`written` once that transaction is committed."""
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        conn.execute(AUDIT_LOG.insert().values(at=self.clock(), actor=str(actor)[:254], action=action,
                                               client_id=client_id, detail=str(detail)[:40]))

    def written(self, actor: str, action: str, client_id: int | None) -> None:
        """A record written with :meth:`write` is committed: views within the window need no other."""
        if action == "view" and client_id is not None:
            with self._lock:
                self._seen[(actor, client_id)] = self.clock()

    def in_transaction(self, conn, client_id: int) -> None:
        """The repository's write hook: write the pending record for ``client_id`` with ``conn``."""
        pending = _PENDING.get()
        if pending is None or pending[2] != client_id:
            return
        actor, action, cid, detail = pending
        conn.execute(AUDIT_LOG.insert().values(at=self.clock(), actor=actor[:254], action=action, client_id=cid,
                                               detail=detail[:40]))
        _PENDING.set(None)

    def query(self, *, since: date | datetime | None = None, until: date | datetime | None = None,
              actor: str | None = None, action: str | None = None, client_id: int | None = None,
              limit: int | None = None) -> list[AuditRecord]:
        """Records, oldest first, filtered (``since`` inclusive, ``until`` exclusive; a date means its midnight UTC)."""
        q = sa.select(AUDIT_LOG)
        if since is not None:
            q = q.where(AUDIT_LOG.c.at >= _moment(since))
        if until is not None:
            q = q.where(AUDIT_LOG.c.at < _moment(until))
        if actor:
            q = q.where(AUDIT_LOG.c.actor == actor)
        if action:
            q = q.where(AUDIT_LOG.c.action == action)
        if client_id is not None:
            q = q.where(AUDIT_LOG.c.client_id == client_id)
        q = q.order_by(AUDIT_LOG.c.at, AUDIT_LOG.c.id)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [AuditRecord(**r._mapping) for r in conn.execute(q)]

    def last_activity(self) -> dict[int, datetime]:
        """The time of the latest record per client id."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(AUDIT_LOG.c.client_id, sa.func.max(AUDIT_LOG.c.at))
                                .where(AUDIT_LOG.c.client_id.is_not(None)).group_by(AUDIT_LOG.c.client_id))
            return {cid: at for cid, at in rows}


def _moment(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.combine(value, time())


def to_csv(records: Iterable[AuditRecord]) -> str:
    """The records as CSV text (every cell through :func:`planner.escape.csv_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        row = r.to_json()
        writer.writerow([csv_cell(row[c] if row[c] is not None else "") for c in CSV_COLUMNS])
    return out.getvalue()


def to_json_lines(records: Iterable[AuditRecord]) -> str:
    return "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in records)
