"""Persistence: each person's workspace (autosaved, versioned, with undo history) and counsellor mode's
clients, sessions, plan versions, negotiation status, incidents.

An embedded SQLite file by default (``PLANNER_DATA_DIR``), PostgreSQL when
``DATABASE_URL`` is set; the same numbered migrations build both.  Everything
goes through :class:`Repository`; it never imports streamlit.

>>> from planner.storage import Repository
>>> repo = Repository.open("sqlite://")
>>> [c.display_name for c in (repo.create_client("王五"), repo.create_client("赵六"))]
['王五', '赵六']
"""

from .access import AdminOnly, Agency, Forbidden, ScopedRepository, scoped
from .accounts import LOCAL, SHARED_PASSWORD, SYSTEM, Accounts, LoginResult, Principal, User
from .archive import client_document, export_client, import_client, read_workspace
from .db import compact, create_engine, database_url, sqlite_path
from .diff import BalanceChange, FieldChange, PlanDiff, diff_versions
from .errors import (ConflictError, DeletionIncomplete, InvalidArchive, InvalidInputValue, NotFound, StorageError,
                     Unavailable, WorkspaceConflict)
from .pseudonym import pseudonymise, redact
from .records import (Client, IncidentRecord, NegotiationRecord, PlanSummary, PlanVersion, SessionNote,
                      status_label)
from .audit import AuditLog, AuditRecord
from .consent import Consent, Consents, RetentionItem
from .repository import Repository
from .schema import LATEST, MIGRATIONS, STATUSES, SchemaTooNew, current_version, migrate
from .workspaces import (HISTORY_KEEP, LOCAL_OWNER, StoredWorkspace, WorkspaceState, WorkspaceStore,
                         changed_sections, owner_for)

__all__ = sorted([
    "BalanceChange", "Client", "ConflictError", "DeletionIncomplete", "FieldChange", "IncidentRecord", "InvalidArchive",
    "InvalidInputValue", "LATEST", "MIGRATIONS", "NegotiationRecord", "NotFound", "PlanDiff", "PlanSummary",
    "PlanVersion", "Repository", "STATUSES", "SchemaTooNew", "SessionNote", "StorageError",
    "client_document", "compact", "create_engine", "current_version", "database_url", "diff_versions",
    "export_client", "import_client", "migrate", "read_workspace", "pseudonymise", "redact", "sqlite_path", "status_label", "Unavailable",
    "HISTORY_KEEP", "LOCAL_OWNER", "StoredWorkspace", "WorkspaceConflict", "WorkspaceState", "WorkspaceStore",
    "changed_sections", "owner_for",
    "Accounts", "AdminOnly", "Agency", "AuditLog", "AuditRecord", "Consent", "Consents", "Forbidden", "LOCAL", "LoginResult",
    "Principal", "RetentionItem", "SHARED_PASSWORD", "SYSTEM", "ScopedRepository", "User", "scoped",
])
