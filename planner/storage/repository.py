"""The counsellor database's API: clients, sessions, plan versions, negotiation status, incidents.

Every write is one transaction.  Each client row carries a ``version``: every
write that concerns a client bumps it, and a write that passes
``expected_version`` (the version the caller loaded) fails with
:class:`ConflictError` instead of silently overwriting another session's work.
Writes to different clients never touch the same row, so they never conflict.

>>> repo = Repository.open("sqlite://")
>>> c = repo.create_client("张三", contact_notes="微信联系")
>>> c.version, repo.rename_client(c.id, "张先生", expected_version=1).version
(1, 2)
>>> repo.rename_client(c.id, "Zhang", expected_version=1)
Traceback (most recent call last):
...
planner.storage.errors.ConflictError: Client #1 was changed in another session (you loaded version 1, it is now version 2). Your change was NOT saved: reload the client and apply it again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..models import Debt
from .db import checkpoint, compact, create_engine, reading
from .errors import ConflictError, DeletionIncomplete, InvalidInputValue, NotFound, Unavailable
from .records import (Client, IncidentRecord, NegotiationRecord, PlanSummary, PlanVersion,
                      SessionNote, as_record, debts_json, dumps)
from .schema import (CHILD_TABLES, CLIENTS, INCIDENTS, NAME_MAX, NEGOTIATION, PLAN_VERSIONS,
                     SESSIONS, STATUSES, WORKSPACE_HISTORY, WORKSPACES, migrate, new_pseudonym)
from .workspaces import WorkspaceStore, owner_for

log = logging.getLogger("planner.storage")   # ids and counts only, never names or notes


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _name(value: str) -> str:
    name = " ".join(str(value).split())
    if not name or len(name) > NAME_MAX:
        raise InvalidInputValue("store.err.bad_name", limit=NAME_MAX)
    return name


class Repository:
    """All reads and writes of the counsellor database (no streamlit, no globals).

    Parameters
    ----------
    engine : sqlalchemy.engine.Engine
        From :func:`planner.storage.create_engine`; the schema is migrated on open.
    clock : callable, optional
        Returns the current UTC time (naive); tests pass a fixed one.
    """

    #: called as ``write_hook(conn, client_id)`` inside every write transaction of a client (after the
    #: version check passed); :mod:`planner.storage.access` writes the audit record there
    write_hook: Callable[[Connection, int], None] | None = None

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = _utcnow, migrate_schema: bool = True):
        self.engine = engine
        self.clock = clock
        if migrate_schema:
            applied = migrate(engine)
            if applied:
                log.info("database schema migrated: %s", applied)
        checkpoint(engine)      # finish an erase that a reader kept from completing (instant when nothing is due)

    @classmethod
    def open(cls, url: str | None = None, **kwargs: Any) -> "Repository":
        """Open (and migrate) the database at ``url``, default from the settings.

        Raises :class:`Unavailable` when the database cannot be reached or opened.
        """
        engine = create_engine(url)
        try:
            return cls(engine, **kwargs)
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as e:
            engine.dispose()
            first = str(getattr(e, "orig", None) or type(e).__name__).strip().splitlines()
            raise Unavailable(detail=(first[0] if first else type(e).__name__)[:200]) from None

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    @property
    def workspaces(self) -> "WorkspaceStore":
        """The workspace store on the same database (see :mod:`planner.storage.workspaces`)."""
        from .workspaces import WorkspaceStore
        return WorkspaceStore(self.engine, self.clock)

    # ------------------------------------------------------------------ clients

    def create_client(self, display_name: str, contact_notes: str = "") -> Client:
        now = self.clock()
        with self.engine.begin() as conn:
            new_id = conn.execute(CLIENTS.insert().values(
                display_name=_name(display_name), contact_notes=str(contact_notes), created_at=now,
                updated_at=now, version=1, pseudonym=new_pseudonym()).returning(CLIENTS.c.id)).scalar_one()
            client = self._client(conn, new_id)
        log.info("client #%d created", new_id)
        return client

    def get_client(self, client_id: int) -> Client:
        with reading(self.engine) as conn:
            return self._client(conn, client_id)

    def list_clients(self) -> list[Client]:
        """Every client, most recently changed first."""
        with reading(self.engine) as conn:
            rows = conn.execute(sa.select(CLIENTS).order_by(CLIENTS.c.updated_at.desc(), CLIENTS.c.id.desc()))
            return [Client(**r._mapping) for r in rows]

    def update_client(self, client_id: int, *, expected_version: int,
                      display_name: str | None = None, contact_notes: str | None = None) -> Client:
        changes: dict[str, object] = {}
        if display_name is not None:
            changes["display_name"] = _name(display_name)
        if contact_notes is not None:
            changes["contact_notes"] = str(contact_notes)
        with self.engine.begin() as conn:
            self._touch(conn, client_id, expected_version, **changes)
            client = self._client(conn, client_id)
        log.info("client #%d updated to version %d", client_id, client.version)
        return client

    def rename_client(self, client_id: int, display_name: str, *, expected_version: int) -> Client:
        return self.update_client(client_id, expected_version=expected_version, display_name=display_name)

    def delete_client(self, client_id: int, *, expected_version: int | None = None) -> dict[str, int]:
        """Delete the client and every row about it (its working draft and that draft's history
        included), then compact the database file.

        Returns the number of rows deleted per table.
        """
        counts: dict[str, int] = {}
        draft = owner_for(client_id=client_id)
        with self.engine.begin() as conn:
            self._touch(conn, client_id, expected_version)
            for table in CHILD_TABLES:
                counts[table.name] = conn.execute(
                    table.delete().where(table.c.client_id == client_id)).rowcount
            for table in (WORKSPACE_HISTORY, WORKSPACES):
                counts[table.name] = conn.execute(table.delete().where(table.c.owner == draft)).rowcount
            counts["clients"] = conn.execute(CLIENTS.delete().where(CLIENTS.c.id == client_id)).rowcount
        log.info("client #%d deleted (%s rows)", client_id, sum(counts.values()))
        if not compact(self.engine):
            log.warning("client #%d deleted, but the write-ahead log could not be emptied yet", client_id)
            raise DeletionIncomplete(client_id=client_id, counts=counts)
        return counts

    def finish_erasing(self) -> bool:
        """Retry making deleted data unreadable (after :class:`DeletionIncomplete`); True when achieved."""
        return compact(self.engine)

    def references_to(self, client_id: int) -> dict[str, int]:
        """How many rows in each table still refer to ``client_id`` (all 0 after a delete)."""
        with reading(self.engine) as conn:
            out = {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)
                                        .where(t.c.client_id == client_id)).scalar_one() for t in CHILD_TABLES}
            out["clients"] = conn.execute(sa.select(sa.func.count()).select_from(CLIENTS)
                                          .where(CLIENTS.c.id == client_id)).scalar_one()
            for table in (WORKSPACES, WORKSPACE_HISTORY):
                out[table.name] = conn.execute(sa.select(sa.func.count()).select_from(table)
                                               .where(table.c.owner == owner_for(client_id=client_id))).scalar_one()
        return out

    # ------------------------------------------------------------------ sessions

    def add_session(self, client_id: int, session_date: date, notes: str = "", *,
                    expected_version: int | None = None) -> int:
        with self.engine.begin() as conn:
            self._touch(conn, client_id, expected_version)
            return conn.execute(SESSIONS.insert().values(
                client_id=client_id, session_date=session_date, notes=str(notes),
                created_at=self.clock()).returning(SESSIONS.c.id)).scalar_one()

    def list_sessions(self, client_id: int) -> list[SessionNote]:
        with reading(self.engine) as conn:
            rows = conn.execute(sa.select(SESSIONS).where(SESSIONS.c.client_id == client_id)
                                .order_by(SESSIONS.c.session_date, SESSIONS.c.id))
            return [SessionNote(**r._mapping) for r in rows]

    # ------------------------------------------------------------------ plan versions

    def save_plan_version(self, client_id: int, *, debts: Sequence[Debt], budget: object, strategy: str,
                          label: str = "", negotiation_method: str | None = None,
                          summary: PlanSummary | None = None, expected_version: int | None = None) -> int:
        """Store the plan as a new immutable version; returns its id.

        ``budget`` is a mapping or an object with ``to_record()`` (e.g. a budget plan).
        """
        summary = summary or PlanSummary()
        values = dict(client_id=client_id, created_at=self.clock(), label=str(label)[:200],
                      debts_json=debts_json(debts), budget_json=dumps(as_record(budget)),
                      strategy=str(strategy), negotiation_method=negotiation_method,
                      months_to_debt_free=summary.months_to_debt_free,
                      debt_free_month=summary.debt_free_month, total_cost=summary.total_cost)
        with self.engine.begin() as conn:
            self._touch(conn, client_id, expected_version)
            new_id = conn.execute(PLAN_VERSIONS.insert().values(**values)
                                  .returning(PLAN_VERSIONS.c.id)).scalar_one()
        log.info("plan version #%d saved for client #%d", new_id, client_id)
        return new_id

    def list_plan_versions(self, client_id: int) -> list[PlanVersion]:
        """The client's plan versions, oldest first."""
        with reading(self.engine) as conn:
            rows = conn.execute(sa.select(PLAN_VERSIONS).where(PLAN_VERSIONS.c.client_id == client_id)
                                .order_by(PLAN_VERSIONS.c.id))
            return [_plan(r) for r in rows]

    def get_plan_version(self, version_id: int) -> PlanVersion:
        with reading(self.engine) as conn:
            row = conn.execute(sa.select(PLAN_VERSIONS).where(PLAN_VERSIONS.c.id == version_id)).first()
        if row is None:
            raise NotFound(what="plan_version", id=version_id)
        return _plan(row)

    def latest_plan_version(self, client_id: int) -> PlanVersion | None:
        with reading(self.engine) as conn:
            row = conn.execute(sa.select(PLAN_VERSIONS).where(PLAN_VERSIONS.c.client_id == client_id)
                               .order_by(PLAN_VERSIONS.c.id.desc()).limit(1)).first()
        return _plan(row) if row is not None else None

    # ------------------------------------------------------------------ negotiation status

    def record_negotiation(self, client_id: int, lender: str, status: str, *, status_date: date,
                           terms: Mapping[str, Any] | None = None, note: str = "",
                           expected_version: int | None = None) -> int:
        """Record what one lender answered (a history: each call adds a row)."""
        if status not in STATUSES:
            raise InvalidInputValue("store.err.bad_status", value=status, choices=", ".join(STATUSES))
        values = dict(client_id=client_id, lender=_name(lender), status=status, terms_json=dumps(as_record(terms)),
                      status_date=status_date, note=str(note), created_at=self.clock())
        with self.engine.begin() as conn:
            self._touch(conn, client_id, expected_version)
            return conn.execute(NEGOTIATION.insert().values(**values).returning(NEGOTIATION.c.id)).scalar_one()

    def negotiation_history(self, client_id: int) -> list[NegotiationRecord]:
        """Every recorded status, in date order."""
        with reading(self.engine) as conn:
            rows = conn.execute(sa.select(NEGOTIATION).where(NEGOTIATION.c.client_id == client_id)
                                .order_by(NEGOTIATION.c.status_date, NEGOTIATION.c.id))
            return [_negotiation(r) for r in rows]

    def negotiation_status(self, client_id: int) -> dict[str, NegotiationRecord]:
        """The latest status per lender (by date, then by when it was recorded)."""
        latest: dict[str, NegotiationRecord] = {}
        for rec in self.negotiation_history(client_id):
            latest[rec.lender] = rec
        return latest

    # ------------------------------------------------------------------ incidents

    def add_incident(self, client_id: int, record: object, *, expected_version: int | None = None) -> int:
        """Store one incident (a mapping or an object with ``to_record()``), opaque to storage."""
        payload = dumps(as_record(record))
        with self.engine.begin() as conn:
            self._touch(conn, client_id, expected_version)
            return conn.execute(INCIDENTS.insert().values(client_id=client_id, record_json=payload,
                                                          created_at=self.clock())
                                .returning(INCIDENTS.c.id)).scalar_one()

    def save_incidents(self, client_id: int, records: Iterable[object], *,
                       expected_version: int) -> list[int]:
        """Replace the client's whole incident log (one transaction).

        A read-modify-write: ``expected_version`` (the client version the log was read at) is
        mandatory, so a log read before another session's append cannot delete that append.
        """
        if not isinstance(expected_version, int) or isinstance(expected_version, bool):
            raise TypeError("save_incidents replaces the whole log: pass the expected_version it was read at")
        payloads = [dumps(as_record(r)) for r in records]
        now = self.clock()
        with self.engine.begin() as conn:
            self._touch(conn, client_id, expected_version)
            conn.execute(INCIDENTS.delete().where(INCIDENTS.c.client_id == client_id))
            return [conn.execute(INCIDENTS.insert().values(client_id=client_id, record_json=p, created_at=now)
                                 .returning(INCIDENTS.c.id)).scalar_one() for p in payloads]

    def list_incidents(self, client_id: int) -> list[IncidentRecord]:
        with reading(self.engine) as conn:
            rows = conn.execute(sa.select(INCIDENTS).where(INCIDENTS.c.client_id == client_id)
                                .order_by(INCIDENTS.c.id))
            return [IncidentRecord(r.id, r.client_id, json.loads(r.record_json), r.created_at) for r in rows]

    def incident_ids(self) -> set[str]:
        """The ids of every stored incident, of every client."""
        with reading(self.engine) as conn:
            rows = conn.execute(sa.select(INCIDENTS.c.record_json))
            return {str(json.loads(r.record_json).get("id") or "") for r in rows} - {""}

    def delete_client_and_evidence(self, client_id: int, data_dir: Path, *,
                                   expected_version: int | None = None) -> dict[str, int]:
        """:meth:`delete_client`, then the evidence copies kept for its incidents on this computer
        (``data_dir/evidence/<incident id>/``) unless another client's log has the same incident."""
        from ..rights.evidence import delete_evidence
        store = self.workspaces
        drafts = [s.workspace for s in store.history(owner_for(client_id=client_id))]
        drafts.append(store.load(owner_for(client_id=client_id)).workspace)
        mine = {str(r.get("id") or "") for r in self.load_incidents(client_id)} - {""}
        mine |= {str(r.get("id") or "") for ws in drafts for r in ws.incidents} - {""}
        try:
            counts = self.delete_client(client_id, expected_version=expected_version)
        except DeletionIncomplete as e:
            e.counts["evidence_files"] = self._delete_evidence(mine, data_dir)
            raise
        counts["evidence_files"] = self._delete_evidence(mine, data_dir)
        return counts

    def _delete_evidence(self, mine: set[str], data_dir: Path) -> int:
        """Delete the evidence copies of these incidents unless another client's log or draft still has one."""
        from ..rights.evidence import delete_evidence
        return sum(delete_evidence(data_dir, i)
                   for i in mine - self.incident_ids() - self.workspaces._other_incident_ids())

    def load_incidents(self, client_id: int) -> list[dict[str, Any]]:
        """The incident records only (feed them to ``Incident.from_record``)."""
        return [i.record for i in self.list_incidents(client_id)]

    # ------------------------------------------------------------------ export / import

    def export_client(self, client_id: int, *, pseudonymise: bool = False) -> bytes:
        """Everything about the client as a zip (JSON + CSV); see :mod:`planner.storage.archive`."""
        from .archive import export_client
        return export_client(self, client_id, pseudonymise=pseudonymise)

    def import_client(self, data: bytes) -> int:
        """Create a new client from an export zip; returns its id (raises :class:`InvalidArchive`)."""
        from .archive import import_client
        return import_client(self, data)

    # ------------------------------------------------------------------ internals

    def _client(self, conn: Connection, client_id: int) -> Client:
        row = conn.execute(sa.select(CLIENTS).where(CLIENTS.c.id == client_id)).first()
        if row is None:
            raise NotFound(what="client", id=client_id)
        return Client(**row._mapping)

    def _touch(self, conn: Connection, client_id: int, expected_version: int | None, **changes: object) -> None:
        """Bump the client's version (checking ``expected_version``) inside the caller's transaction.

        The UPDATE takes the row lock, so concurrent writers to the same client
        queue; one that loaded an older version gets :class:`ConflictError`.
        """
        stmt = (CLIENTS.update().where(CLIENTS.c.id == client_id)
                .values(version=CLIENTS.c.version + 1, updated_at=self.clock(), **changes))
        if expected_version is not None:
            stmt = stmt.where(CLIENTS.c.version == expected_version)
        if conn.execute(stmt).rowcount == 1:
            if self.write_hook is not None:      # e.g. the audit record, in this same transaction
                self.write_hook(conn, client_id)
            return
        actual = conn.execute(sa.select(CLIENTS.c.version).where(CLIENTS.c.id == client_id)).scalar()
        if actual is None:
            raise NotFound(what="client", id=client_id)
        log.info("conflict on client #%d: expected version %s, found %d", client_id, expected_version, actual)
        raise ConflictError(client_id=client_id, expected=int(expected_version or 0), actual=int(actual))


def _plan(row: sa.Row) -> PlanVersion:
    m = row._mapping
    return PlanVersion(
        id=m["id"], client_id=m["client_id"], created_at=m["created_at"], label=m["label"],
        debt_records=tuple(json.loads(m["debts_json"])), budget=json.loads(m["budget_json"]),
        strategy=m["strategy"], negotiation_method=m["negotiation_method"],
        summary=PlanSummary(m["months_to_debt_free"], m["debt_free_month"], m["total_cost"]))


def _negotiation(row: sa.Row) -> NegotiationRecord:
    m = row._mapping
    return NegotiationRecord(id=m["id"], client_id=m["client_id"], lender=m["lender"], status=m["status"],
                             terms=json.loads(m["terms_json"]), status_date=m["status_date"], note=m["note"],
                             created_at=m["created_at"])
