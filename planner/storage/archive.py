"""Export everything about one client as a zip (JSON + CSV), and import such a zip.

The zip holds ``client.json`` (complete; what :func:`import_client` reads) and
one CSV per table for people (UTF-8 with BOM, so Excel shows Chinese):
``client.csv``, ``sessions.csv``, ``plan_versions.csv``, ``debts.csv`` (one row
per plan version and debt), ``negotiation_status.csv``, ``incidents.csv``, and — when the client (or a
person's own workspace, see :meth:`planner.storage.WorkspaceStore.export`) has a
working draft — ``workspace`` in ``client.json`` with ``workspace_debts.csv``
(the debt rows exactly as typed, invalid ones included).
Database ids are not exported: an import creates a new client (its draft too).

With ``pseudonymise=True`` the client's name is replaced by its stored
pseudonym everywhere (also inside notes), and the contact notes are left out.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
import zlib
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from ..escape import csv_cell
from ..models import InvalidInput
from ..workspace import Workspace, WorkspaceFormatError
from ..parsing import DEBT_FIELDS, debts_from_records
from .errors import InvalidArchive
from ..privacy import mask_numbers, redact_name
from .records import as_record, debts_json, dumps
from .repository import Repository, log
from .workspaces import owner_for
from .schema import CLIENTS, INCIDENTS, NAME_MAX, NEGOTIATION, PLAN_VERSIONS, SESSIONS, STATUSES, new_pseudonym

FORMAT = "debt-planner-client"
FORMAT_VERSION = 1
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


# ----------------------------------------------------------------------------- export

def client_document(repo: Repository, client_id: int, *, pseudonymise: bool = False) -> dict[str, Any]:
    """Everything about the client as one JSON-able dict (the content of ``client.json``)."""
    client = repo.get_client(client_id)
    scrub: Callable[[Any], Any] = (lambda v: _scrub(v, client.display_name, client.pseudonym)) \
        if pseudonymise else (lambda v: v)
    doc = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "pseudonymised": pseudonymise,
        "exported_at": repo.clock().isoformat(),
        "client": {"display_name": client.pseudonym if pseudonymise else client.display_name,
                   "contact_notes": "" if pseudonymise else client.contact_notes,
                   "pseudonym": client.pseudonym, "created_at": client.created_at.isoformat(),
                   "updated_at": client.updated_at.isoformat()},
        "sessions": [{"session_date": s.session_date.isoformat(), "notes": s.notes,
                      "created_at": s.created_at.isoformat()} for s in repo.list_sessions(client_id)],
        "plan_versions": [{
            "label": v.label, "created_at": v.created_at.isoformat(), "debts": list(v.debt_records),
            "budget": v.budget, "strategy": v.strategy, "negotiation_method": v.negotiation_method,
            "summary": {"months_to_debt_free": v.summary.months_to_debt_free,
                        "debt_free_month": _iso(v.summary.debt_free_month),
                        "total_cost": v.summary.total_cost}} for v in repo.list_plan_versions(client_id)],
        "negotiation_status": [{
            "lender": n.lender, "status": n.status, "terms": n.terms, "status_date": n.status_date.isoformat(),
            "note": n.note, "created_at": n.created_at.isoformat()} for n in repo.negotiation_history(client_id)],
        "incidents": [{"record": i.record, "created_at": i.created_at.isoformat()}
                      for i in repo.list_incidents(client_id)],
    }
    draft = repo.workspaces.load(owner_for(client_id=client_id))
    if draft.version:
        doc["workspace"] = draft.workspace.to_record()
    for key in ("sessions", "plan_versions", "negotiation_status", "incidents", "workspace"):
        if key not in doc:
            continue
        doc[key] = scrub(doc[key])
    return doc


def export_client(repo: Repository, client_id: int, *, pseudonymise: bool = False) -> bytes:
    """The zip (bytes) with ``client.json`` and the CSV tables."""
    data = document_zip(client_document(repo, client_id, pseudonymise=pseudonymise))
    log.info("client #%d exported (pseudonymised=%s)", client_id, pseudonymise)
    return data


def document_zip(doc: Mapping[str, Any]) -> bytes:
    """``client.json`` and the CSV tables of an export document, as zip bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("client.json", json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True))
        for name, rows in _tables(doc).items():
            zf.writestr(name, _csv(rows))
    return buf.getvalue()


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


# Fields a program reads (codes, ids, dates, lender names, numbers): a pseudonymised export never changes
# them, so it still imports.  Every other text field is free text: the client's name in any variant is
# replaced by the pseudonym and long digit runs (phone, ID numbers) are masked.
MACHINE_FIELDS = frozenset({
    "id", "kind", "status", "channel", "contact_role", "tags", "date", "time", "count", "strategy",
    "negotiation_method", "lender", "name", "budget", "terms", "record_version", "format", "debt_free_month",
    "months_to_debt_free", "total_cost",
    "format_version", "pseudonym", "balance", "annual_rate", "daily_rate", "min_payment", "min_payment_pct",
    "penalty_rate", "late_fee_pct", "overdue_days", "arrears"})


def _scrub(value: Any, name: str, pseudonym: str, key: str | None = None) -> Any:
    if key is not None and (key in MACHINE_FIELDS or key.endswith(("_at", "_date"))):
        return value
    if isinstance(value, str):
        return mask_numbers(redact_name(value, name, pseudonym))
    if isinstance(value, list):
        return [_scrub(v, name, pseudonym, key) for v in value]
    if isinstance(value, Mapping):
        return {k: _scrub(v, name, pseudonym, k) for k, v in value.items()}
    return value


def _tables(doc: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    versions = doc["plan_versions"]
    return {
        "client.csv": [doc["client"]],
        "sessions.csv": doc["sessions"],
        "plan_versions.csv": [{"version": i, "label": v["label"], "created_at": v["created_at"],
                               "strategy": v["strategy"], "negotiation_method": v["negotiation_method"],
                               **v["summary"], "budget": dumps(v["budget"])} for i, v in enumerate(versions, 1)],
        "debts.csv": [{"version": i, **{f: d.get(f) for f in DEBT_FIELDS}}
                      for i, v in enumerate(versions, 1) for d in v["debts"]],
        "negotiation_status.csv": [{**{k: v for k, v in n.items() if k != "terms"}, "terms": dumps(n["terms"])}
                                   for n in doc["negotiation_status"]],
        "incidents.csv": [{"created_at": i["created_at"], "record": dumps(i["record"])} for i in doc["incidents"]],
        **({"workspace_debts.csv": _typed_rows(doc["workspace"])} if "workspace" in doc else {}),
    }


def _typed_rows(workspace: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows = [dict(r) for r in workspace.get("debt_rows", []) if isinstance(r, Mapping)]
    columns = list(dict.fromkeys(k for r in rows for k in r))
    return [{c: csv_cell(str(r.get(c) if r.get(c) is not None else "")) for c in columns} for r in rows]


def _csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    buf.write("\ufeff")
    if rows:
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow([csv_cell(k) for k in rows[0]])
        w.writerows([csv_cell("" if v is None else v) for v in r.values()] for r in rows)
    return buf.getvalue()


# ----------------------------------------------------------------------------- import

def read_document(data: bytes) -> dict[str, Any]:
    """``client.json`` from an export zip, checked for size and format (raises :class:`InvalidArchive`)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError, OSError):   # damaged directory
        raise InvalidArchive("store.archive.not_zip") from None
    with zf:
        if sum(i.file_size for i in zf.infolist()) > MAX_UNPACKED_BYTES:
            raise InvalidArchive("store.archive.too_large", limit=f"{MAX_UNPACKED_BYTES // 2**20} MB")
        if "client.json" not in zf.namelist():
            raise InvalidArchive("store.archive.no_manifest")
        try:
            with zf.open("client.json") as fh:
                raw = fh.read(MAX_UNPACKED_BYTES + 1)
            doc = json.loads(raw.decode("utf-8-sig"))
        except RecursionError:
            raise InvalidArchive("store.archive.bad_format", where="client.json: nested too deeply") from None
        except (RuntimeError, NotImplementedError):      # an encrypted entry or an unknown compression method
            raise InvalidArchive("store.archive.bad_format", where="client.json: encrypted or packed "
                                                                  "in an unsupported way") from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, UnicodeDecodeError, ValueError,
                OSError) as e:                       # a damaged entry (zlib.error: the packed data was changed)
            raise InvalidArchive("store.archive.bad_format", where=type(e).__name__) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InvalidArchive("store.archive.no_manifest")
    version = doc.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise InvalidArchive("store.archive.bad_format", where="format_version")
    if version > FORMAT_VERSION:
        raise InvalidArchive("store.archive.newer", found=version, supported=FORMAT_VERSION)
    return doc


def document_workspace(doc: Mapping[str, Any]) -> Workspace | None:
    """The workspace of an export document (``None`` when it has none); raises :class:`InvalidArchive`."""
    if doc.get("workspace") is None:
        return None
    try:
        return Workspace.from_record(doc["workspace"])
    except WorkspaceFormatError:
        raise InvalidArchive("store.archive.bad_format", where="workspace") from None


def read_workspace(data: bytes) -> Workspace:
    """The workspace in a "My data" export zip (or a client export with a working draft), read exactly as
    the import does (:func:`read_document`); raises :class:`InvalidArchive` — also when it holds none."""
    workspace = document_workspace(read_document(data))
    if workspace is None:
        raise InvalidArchive("store.archive.no_workspace")
    return workspace


def import_client(repo: Repository, data: bytes) -> int:
    """Create a new client from an export zip (one transaction); returns its id."""
    doc = read_document(data)
    try:
        rows = _rows(doc, repo.clock())
    except InvalidArchive:
        raise
    except RecursionError:
        raise InvalidArchive("store.archive.bad_format", where="nested too deeply") from None
    except (TypeError, ValueError, AttributeError, KeyError, OverflowError) as e:   # any other malformed content
        raise InvalidArchive("store.archive.bad_format", where=type(e).__name__) from None
    with repo.engine.begin() as conn:
        client_id = conn.execute(CLIENTS.insert().values(**rows["client"]).returning(CLIENTS.c.id)).scalar_one()
        for table, key in ((SESSIONS, "sessions"), (PLAN_VERSIONS, "plan_versions"),
                           (NEGOTIATION, "negotiation_status"), (INCIDENTS, "incidents")):
            if rows[key]:
                conn.execute(table.insert(), [{**r, "client_id": client_id} for r in rows[key]])
    if rows["workspace"] is not None:
        repo.workspaces.save(owner_for(client_id=client_id), rows["workspace"], expected_version=0,
                             action="import")
    log.info("client #%d imported", client_id)
    return client_id


class _Reader:
    """Typed field access that turns any mismatch into :class:`InvalidArchive` naming the field."""

    def __init__(self, where: str, value: Any):
        if not isinstance(value, Mapping):
            raise InvalidArchive("store.archive.bad_format", where=where)
        self.where, self.value = where, value

    def get(self, key: str, kind: Callable[[Any], Any], *, optional: bool = False, default: Any = None) -> Any:
        value = self.value.get(key, default)
        if value is None and optional:
            return None
        try:
            return kind(value)
        except (TypeError, ValueError, InvalidArchive):
            raise InvalidArchive("store.archive.bad_format", where=f"{self.where}.{key}") from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value


def _name(value: Any) -> str:
    text = " ".join(_text(value).split())
    if not text or len(text) > NAME_MAX:
        raise ValueError
    return text


def _day(value: Any) -> date:
    return date.fromisoformat(_text(value))


def _moment(value: Any) -> datetime:
    return datetime.fromisoformat(_text(value)).replace(tzinfo=None)


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError
    return float(value)


def _status(value: Any) -> str:
    if value not in STATUSES:
        raise ValueError
    return value


def _list(doc: Mapping[str, Any], key: str) -> list[Any]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise InvalidArchive("store.archive.bad_format", where=key)
    return value


def _rows(doc: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    c = _Reader("client", doc.get("client"))
    pseudonym = c.get("pseudonym", _text, optional=True)
    out: dict[str, Any] = {"client": {
        "display_name": c.get("display_name", _name), "contact_notes": c.get("contact_notes", _text, default=""),
        "created_at": c.get("created_at", _moment), "updated_at": now, "version": 1,
        "pseudonym": pseudonym[:24] if pseudonym else new_pseudonym()}}
    out["sessions"] = []
    for i, s in enumerate(_list(doc, "sessions")):
        r = _Reader(f"sessions[{i}]", s)
        out["sessions"].append({"session_date": r.get("session_date", _day), "notes": r.get("notes", _text, default=""),
                                "created_at": r.get("created_at", _moment)})
    out["plan_versions"] = []
    for i, v in enumerate(_list(doc, "plan_versions")):
        r = _Reader(f"plan_versions[{i}]", v)
        label = r.get("label", _text, default="")
        try:
            records = _list(v, "debts")
            if not all(isinstance(d, Mapping) for d in records):
                raise InvalidArchive("store.archive.bad_format", where=f"plan_versions[{i}].debts")
            debts = debts_from_records(records) if records else []
        except InvalidInput as e:
            raise InvalidArchive("store.archive.bad_debts", label=label or i + 1, detail=str(e)) from None
        summary = _Reader(f"plan_versions[{i}].summary", v.get("summary", {}))
        out["plan_versions"].append({
            "label": label[:200], "created_at": r.get("created_at", _moment), "debts_json": debts_json(debts),
            "budget_json": dumps(r.get("budget", as_record, default={})), "strategy": r.get("strategy", _text),
            "negotiation_method": r.get("negotiation_method", _text, optional=True),
            "months_to_debt_free": summary.get("months_to_debt_free", _int, optional=True),
            "debt_free_month": summary.get("debt_free_month", _day, optional=True),
            "total_cost": summary.get("total_cost", _number, optional=True)})
    out["negotiation_status"] = []
    for i, n in enumerate(_list(doc, "negotiation_status")):
        r = _Reader(f"negotiation_status[{i}]", n)
        out["negotiation_status"].append({
            "lender": r.get("lender", _name), "status": r.get("status", _status),
            "terms_json": dumps(r.get("terms", as_record, default={})), "status_date": r.get("status_date", _day),
            "note": r.get("note", _text, default=""), "created_at": r.get("created_at", _moment)})
    out["workspace"] = document_workspace(doc)
    out["incidents"] = []
    for i, inc in enumerate(_list(doc, "incidents")):
        r = _Reader(f"incidents[{i}]", inc)
        record = r.get("record", as_record)
        if not isinstance(record, Mapping):
            raise InvalidArchive("store.archive.bad_format", where=f"incidents[{i}].record")
        out["incidents"].append({"record_json": dumps(record),
                                 "created_at": r.get("created_at", _moment)})
    return out


__all__ = ["FORMAT", "FORMAT_VERSION", "client_document", "document_workspace", "document_zip", "export_client",
           "import_client", "read_document", "read_workspace"]
