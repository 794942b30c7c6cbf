"""The workspace store: one :class:`planner.workspace.Workspace` per owner, versioned, with its recent states.

An *owner* is a string: ``"local"`` (the person at this computer), ``"user:<identity>"``
(a signed-in user: the password gate's user name or the OIDC e-mail) or ``"client:<id>"``
(a counsellor's open client: its working draft).  See :func:`owner_for`.

* **Optimistic concurrency.**  Each workspace has a ``version``; :meth:`WorkspaceStore.save`
  takes the version the caller loaded (*mandatory*: 0 for a workspace never saved) and
  raises :class:`WorkspaceConflict` — nothing written — when another tab or device saved
  meanwhile.  Never a silent overwrite.
* **History.**  Every save records the new state in ``workspace_history`` (the last
  :data:`HISTORY_KEEP` per owner), with the action that made it and which sections changed
  (with row counts before → after), so *undo* and *restore an earlier state* work after a
  reload.  Consecutive plain edits of the same sections within :data:`COALESCE_SECONDS`
  are one entry (typing a row is one step, not twenty).
* **Export and delete.**  :meth:`WorkspaceStore.export` is a zip in the client-export
  format (``client.json`` + CSVs; importable as a client); :meth:`WorkspaceStore.delete`
  removes the workspace, its history and its evidence copies, then compacts the database.

>>> from planner.storage import Repository
>>> from planner.workspace import Workspace
>>> store = Repository.open("sqlite://").workspaces
>>> store.load("local").version
0
>>> saved = store.save("local", Workspace.empty().with_changes(debt_rows=[{"name": "借呗"}]), expected_version=0)
>>> saved.version, store.load("local").workspace.debt_rows
(1, [{'name': '借呗'}])
>>> store.save("local", Workspace.empty(), expected_version=0)
Traceback (most recent call last):
...
planner.storage.errors.WorkspaceConflict: Your data was changed in another tab or on another device (this page loaded version 0, it is now version 1). This change was NOT saved and did not overwrite the other one: load the latest data, then make the change again.
"""

from __future__ import annotations

import io
import json
import logging
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..workspace import Workspace
from .db import compact, reading
from .errors import WorkspaceConflict
from .records import dumps
from .schema import INCIDENTS, OWNER_MAX, WORKSPACE_HISTORY, WORKSPACES

log = logging.getLogger("planner.storage")      # never an owner string (it may be an e-mail address)

HISTORY_KEEP = 20
COALESCE_SECONDS = 120
LOCAL_OWNER = "local"

# What a history entry says it did (the UI labels them); "edit" entries coalesce, the others never do.
ACTIONS: tuple[str, ...] = ("edit", "sample", "start_empty", "delete_rows", "replace_csv", "append_csv",
                            "delete_incident", "undo", "restore", "overwrite", "open_client", "import")

_SECTIONS = tuple(f.name for f in fields(Workspace) if f.name != "is_sample")
_LISTS = ("debt_rows", "incidents", "payments", "balances", "budget_events")


def owner_for(*, user: str | None = None, client_id: int | None = None) -> str:
    """The owner string: a client's draft, a signed-in user's workspace, or the local one.

    >>> owner_for(), owner_for(user="a@b.cn"), owner_for(user="a@b.cn", client_id=7)
    ('local', 'user:a@b.cn', 'client:7')
    """
    if client_id is not None:
        return f"client:{int(client_id)}"
    if user:
        return f"user:{user.strip()}"[:OWNER_MAX]
    return LOCAL_OWNER


def changed_sections(old: Workspace, new: Workspace) -> dict[str, list[int] | None]:
    """Which sections differ: list sections map to ``[rows before, rows after]``, the others to ``None``.

    >>> changed_sections(Workspace.empty(), Workspace.empty().with_changes(debt_rows=[{}], budget={"income": 1}))
    {'budget': None, 'debt_rows': [0, 1]}
    """
    out: dict[str, list[int] | None] = {}
    for name in _SECTIONS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out[name] = [len(a), len(b)] if name in _LISTS else None
    return dict(sorted(out.items()))


@dataclass(frozen=True, slots=True)
class StoredWorkspace:
    """A workspace as stored: ``version`` 0 means never saved (then ``workspace`` is empty)."""

    owner: str
    workspace: Workspace
    version: int
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class WorkspaceState:
    """One entry of a workspace's history: the state right after a save."""

    id: int
    version: int
    action: str
    changes: dict[str, list[int] | None]
    restored_from: int | None
    created_at: datetime
    workspace: Workspace


class WorkspaceStore:
    """Load, save (versioned), history, undo/restore, export and delete of workspaces.

    Get one from :attr:`planner.storage.Repository.workspaces`.
    """

    def __init__(self, engine: Engine, clock: Callable[[], datetime]):
        self.engine, self.clock = engine, clock

    # ------------------------------------------------------------------ load / save

    def load(self, owner: str) -> StoredWorkspace:
        with reading(self.engine) as conn:
            row = conn.execute(sa.select(WORKSPACES).where(WORKSPACES.c.owner == owner)).first()
        if row is None:
            return StoredWorkspace(owner, Workspace.empty(), 0, None)
        return StoredWorkspace(owner, Workspace.from_json(row.data_json), row.version, row.updated_at)

    def save(self, owner: str, workspace: Workspace, *, expected_version: int, action: str = "edit",
             restored_from: int | None = None) -> StoredWorkspace:
        """Store ``workspace`` as the owner's new state; ``expected_version`` is the version loaded (0: new).

        Raises :class:`WorkspaceConflict` (nothing written) when the stored version is another.
        """
        if action not in ACTIONS:
            raise ValueError(f"unknown workspace action {action!r}")
        if not isinstance(expected_version, int) or isinstance(expected_version, bool):
            raise TypeError("expected_version must be the int version loaded (0 for a new workspace)")
        now, data = self.clock(), workspace.to_json()
        new_version = expected_version + 1
        try:
            with self.engine.begin() as conn:
                previous = self._current(conn, owner)
                if previous is None and expected_version != 0 or previous is not None \
                        and previous[0] != expected_version:
                    raise WorkspaceConflict(expected=expected_version, actual=previous[0] if previous else 0)
                if previous is None:
                    conn.execute(WORKSPACES.insert().values(owner=owner, version=1, data_json=data,
                                                            created_at=now, updated_at=now))
                    before = Workspace.empty()
                else:
                    # the WHERE on the version makes this safe even without the check above
                    done = conn.execute(WORKSPACES.update()
                                        .where(WORKSPACES.c.owner == owner,
                                               WORKSPACES.c.version == expected_version)
                                        .values(version=new_version, data_json=data, updated_at=now)).rowcount
                    if done != 1:
                        raise WorkspaceConflict(expected=expected_version, actual=self._current(conn, owner)[0])
                    before = Workspace.from_json(previous[1])
                self._record(conn, owner, before, workspace, new_version, action, restored_from, now)
        except sa.exc.IntegrityError:          # two first saves raced (PostgreSQL): the other one won
            actual = self.load(owner).version
            log.info("workspace conflict on first save (now version %d)", actual)
            raise WorkspaceConflict(expected=expected_version, actual=actual) from None
        return StoredWorkspace(owner, workspace, new_version, now)

    # ------------------------------------------------------------------ history, undo, restore

    def history(self, owner: str) -> list[WorkspaceState]:
        """The owner's recent states, newest first (the first one is the current state)."""
        with reading(self.engine) as conn:
            rows = conn.execute(sa.select(WORKSPACE_HISTORY).where(WORKSPACE_HISTORY.c.owner == owner)
                                .order_by(WORKSPACE_HISTORY.c.id.desc())).all()
        return [WorkspaceState(r.id, r.version, r.action, json.loads(r.change_json), r.restored_from,
                               r.created_at, Workspace.from_json(r.data_json)) for r in rows]

    def undo_target(self, owner: str) -> WorkspaceState | None:
        """The state an *undo* goes back to: the one before the current, or — right after an undo —
        the one before the state that undo restored (so undo walks back step by step)."""
        states = self.history(owner)
        if not states:
            return None
        current = states[0]
        anchor = current.id
        if current.action == "undo" and current.restored_from is not None:
            anchor = current.restored_from
        older = [s for s in states if s.id < anchor]
        return older[0] if older else None

    def restore(self, owner: str, state_id: int, *, expected_version: int, action: str = "restore") -> StoredWorkspace:
        """Make history entry ``state_id`` the current state again (a new version; itself undoable)."""
        target = next((s for s in self.history(owner) if s.id == state_id), None)
        if target is None:
            raise LookupError(f"no such state in this workspace's history: {state_id}")
        return self.save(owner, target.workspace, expected_version=expected_version, action=action,
                         restored_from=target.id)

    def undo(self, owner: str, *, expected_version: int) -> StoredWorkspace | None:
        """Undo the last change (``None`` when there is nothing to undo)."""
        target = self.undo_target(owner)
        if target is None:
            return None
        return self.restore(owner, target.id, expected_version=expected_version, action="undo")

    # ------------------------------------------------------------------ export / delete

    def document(self, owner: str, *, label: str = "我的数据") -> dict[str, Any]:
        """Everything stored for ``owner`` in the client-export document format (``client.json``)."""
        from .archive import FORMAT, FORMAT_VERSION
        stored = self.load(owner)
        now = self.clock()
        created = stored.updated_at or now
        ws = stored.workspace
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION, "pseudonymised": False,
            "exported_at": now.isoformat(),
            "client": {"display_name": label, "contact_notes": "", "pseudonym": "",
                       "created_at": created.isoformat(), "updated_at": created.isoformat()},
            "sessions": [], "plan_versions": [], "negotiation_status": [],
            "incidents": [{"record": r, "created_at": created.isoformat()} for r in ws.incidents],
            "workspace": ws.to_record(),
            "workspace_history": [{"version": s.version, "action": s.action, "changes": s.changes,
                                   "created_at": s.created_at.isoformat(), "workspace": s.workspace.to_record()}
                                  for s in self.history(owner)],
        }

    def export(self, owner: str, *, label: str = "我的数据") -> bytes:
        """A zip: ``client.json`` (importable as a client) and CSVs, with ``workspace_debts.csv`` as typed."""
        from .archive import document_zip
        data = document_zip(self.document(owner, label=label))
        log.info("workspace exported")
        return data

    def delete(self, owner: str, data_dir: Path | None = None) -> dict[str, int]:
        """Delete the workspace, its history and (with ``data_dir``) the evidence copies of its incidents
        that no other workspace or client still lists; then compact the database.  Returns counts."""
        mine = _incident_ids([s.workspace for s in self.history(owner)] + [self.load(owner).workspace])
        with self.engine.begin() as conn:
            counts = {"workspace_history": conn.execute(
                WORKSPACE_HISTORY.delete().where(WORKSPACE_HISTORY.c.owner == owner)).rowcount,
                "workspaces": conn.execute(WORKSPACES.delete().where(WORKSPACES.c.owner == owner)).rowcount}
        compact(self.engine)
        if data_dir is not None:
            from ..rights.evidence import delete_evidence
            counts["evidence_files"] = sum(delete_evidence(data_dir, i) for i in mine - self._other_incident_ids())
        log.info("workspace deleted (%d rows)", counts["workspaces"] + counts["workspace_history"])
        return counts

    def references(self, owner: str) -> int:
        """Rows that still belong to ``owner`` (0 after :meth:`delete`)."""
        with reading(self.engine) as conn:
            return sum(conn.execute(sa.select(sa.func.count()).select_from(t).where(t.c.owner == owner)).scalar_one()
                       for t in (WORKSPACES, WORKSPACE_HISTORY))

    # ------------------------------------------------------------------ internals

    @staticmethod
    def _current(conn: Connection, owner: str) -> tuple[int, str] | None:
        row = conn.execute(sa.select(WORKSPACES.c.version, WORKSPACES.c.data_json)
                           .where(WORKSPACES.c.owner == owner)).first()
        return (row.version, row.data_json) if row is not None else None

    def _record(self, conn: Connection, owner: str, before: Workspace, after: Workspace, version: int,
                action: str, restored_from: int | None, now: datetime) -> None:
        changes = changed_sections(before, after)
        last = conn.execute(sa.select(WORKSPACE_HISTORY).where(WORKSPACE_HISTORY.c.owner == owner)
                            .order_by(WORKSPACE_HISTORY.c.id.desc()).limit(1)).first()
        if (action == "edit" and last is not None and last.action == "edit"
                and now - last.created_at <= timedelta(seconds=COALESCE_SECONDS)):
            previous = json.loads(last.change_json)
            if set(previous) == set(changes) or not changes:
                merged = {k: ([v[0], changes[k][1]] if isinstance(v, list) and changes.get(k) else v)
                          for k, v in previous.items()}
                conn.execute(WORKSPACE_HISTORY.update().where(WORKSPACE_HISTORY.c.id == last.id)
                             .values(version=version, data_json=after.to_json(), change_json=dumps(merged),
                                     created_at=now))
                return
        if last is None and before != after and action != "sample":
            # the very first save: keep the state before it too, so the first change can be undone
            conn.execute(WORKSPACE_HISTORY.insert().values(
                owner=owner, version=version - 1, action="edit", change_json="{}", restored_from=None,
                data_json=before.to_json(), created_at=now))
        conn.execute(WORKSPACE_HISTORY.insert().values(
            owner=owner, version=version, action=action, change_json=dumps(changes), restored_from=restored_from,
            data_json=after.to_json(), created_at=now))
        keep = sa.select(WORKSPACE_HISTORY.c.id).where(WORKSPACE_HISTORY.c.owner == owner) \
            .order_by(WORKSPACE_HISTORY.c.id.desc()).limit(HISTORY_KEEP)
        keep_ids = conn.execute(keep).scalars().all()
        conn.execute(WORKSPACE_HISTORY.delete().where(WORKSPACE_HISTORY.c.owner == owner,
                                                      WORKSPACE_HISTORY.c.id.not_in(keep_ids)))

    def _other_incident_ids(self) -> set[str]:
        """Incident ids still listed anywhere: any client's stored log or any workspace (with history)."""
        with reading(self.engine) as conn:
            ids = {str(json.loads(r.record_json).get("id") or "") for r in conn.execute(
                sa.select(INCIDENTS.c.record_json))}
            for table in (WORKSPACES, WORKSPACE_HISTORY):
                ids |= _incident_ids(Workspace.from_json(r.data_json)
                                     for r in conn.execute(sa.select(table.c.data_json)))
        return ids - {""}


def _incident_ids(workspaces) -> set[str]:
    return {str(r.get("id") or "") for ws in workspaces for r in ws.incidents} - {""}


def workspace_rows(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The debt rows as typed, from an export document's ``workspace`` (for ``workspace_debts.csv``)."""
    ws = doc.get("workspace") or {}
    return [dict(r) for r in ws.get("debt_rows", []) if isinstance(r, Mapping)]


__all__ = ["ACTIONS", "COALESCE_SECONDS", "HISTORY_KEEP", "LOCAL_OWNER", "StoredWorkspace", "WorkspaceState",
           "WorkspaceStore", "changed_sections", "owner_for"]
