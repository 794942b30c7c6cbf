"""The database schema, as one constant, and the numbered migrations that build it.

:data:`METADATA` is the schema *now* (the repository queries it).  A database
gets there through :data:`MIGRATIONS`, applied in order and recorded in the
``schema_version`` table, with the same code on SQLite and PostgreSQL.  A
migration is never edited once released: a change is a new entry.

* ``1 initial``: clients, sessions, plan_versions, negotiation_status, incidents;
* ``2 client_pseudonym``: ``clients.pseudonym`` (a random, stable pseudonym per
  client for exports and reports), back-filled for clients created at version 1;
* ``3 workspaces``: ``workspaces`` (one :class:`planner.workspace.Workspace` per
  owner — ``local``, ``user:<identity>``, ``client:<id>`` — with its own version)
  and ``workspace_history`` (the last states of each, for undo and restore).

>>> [m.number for m in MIGRATIONS] == list(range(1, LATEST + 1))
True
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..i18n import register
from . import accounts_schema
from .errors import StorageError
from .pseudonym import pseudonymise

STATUSES: tuple[str, ...] = ("proposed", "accepted", "refused", "no_answer")
NAME_MAX = 120
OWNER_MAX = 320          # 'user:' + an e-mail address (RFC 5321 caps it at 254)

_CONVENTION = {"ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
               "ck": "ck_%(table_name)s_%(constraint_name)s",
               "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
               "pk": "pk_%(table_name)s"}


def _child(metadata: sa.MetaData, name: str, *columns: sa.Column | sa.Constraint) -> sa.Table:
    """A table that belongs to one client (deleted with it)."""
    return sa.Table(
        name, metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("client_id", sa.Integer, sa.ForeignKey("clients.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        *columns,
        sa.Column("created_at", sa.DateTime, nullable=False),
        sqlite_autoincrement=True,   # never reuse a deleted row's id
    )


def _tables(metadata: sa.MetaData, *, version: int) -> None:
    """Define the tables as they are at schema ``version`` (1 or later)."""
    client_cols = [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("display_name", sa.String(NAME_MAX), nullable=False),
        sa.Column("contact_notes", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    ]
    if version >= 2:
        client_cols.append(sa.Column("pseudonym", sa.String(24)))
    sa.Table("clients", metadata, *client_cols, sqlite_autoincrement=True)
    _child(metadata, "sessions",
           sa.Column("session_date", sa.Date, nullable=False),
           sa.Column("notes", sa.Text, nullable=False, server_default=""))
    _child(metadata, "plan_versions",
           sa.Column("label", sa.String(200), nullable=False, server_default=""),
           sa.Column("debts_json", sa.Text, nullable=False),
           sa.Column("budget_json", sa.Text, nullable=False),
           sa.Column("strategy", sa.String(40), nullable=False),
           sa.Column("negotiation_method", sa.String(60)),
           sa.Column("months_to_debt_free", sa.Integer),
           sa.Column("debt_free_month", sa.Date),
           sa.Column("total_cost", sa.Float))
    _child(metadata, "negotiation_status",
           sa.Column("lender", sa.String(NAME_MAX), nullable=False),
           sa.Column("status", sa.String(20), nullable=False),
           sa.Column("terms_json", sa.Text, nullable=False, server_default="{}"),
           sa.Column("status_date", sa.Date, nullable=False),
           sa.Column("note", sa.Text, nullable=False, server_default=""),
           sa.CheckConstraint("status IN ('proposed', 'accepted', 'refused', 'no_answer')",
                              name="status"))
    _child(metadata, "incidents",
           sa.Column("record_json", sa.Text, nullable=False))
    if version >= 3:
        _workspace_tables(metadata)


def _workspace_tables(metadata: sa.MetaData) -> None:
    """Migration 3: one workspace per owner string, and its recent states."""
    sa.Table("workspaces", metadata,
             sa.Column("owner", sa.String(OWNER_MAX), primary_key=True),
             sa.Column("version", sa.Integer, nullable=False),
             sa.Column("data_json", sa.Text, nullable=False),
             sa.Column("created_at", sa.DateTime, nullable=False),
             sa.Column("updated_at", sa.DateTime, nullable=False))
    sa.Table("workspace_history", metadata,
             sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
             sa.Column("owner", sa.String(OWNER_MAX), nullable=False, index=True),
             sa.Column("version", sa.Integer, nullable=False),
             sa.Column("action", sa.String(40), nullable=False),
             sa.Column("change_json", sa.Text, nullable=False, server_default="{}"),
             sa.Column("restored_from", sa.Integer),
             sa.Column("data_json", sa.Text, nullable=False),
             sa.Column("created_at", sa.DateTime, nullable=False),
             sqlite_autoincrement=True)


# ----------------------------------------------------------------------------- the schema now

METADATA = sa.MetaData(naming_convention=_CONVENTION)
_tables(METADATA, version=3)
accounts_schema.define(METADATA)
CLIENTS = METADATA.tables["clients"]
SESSIONS = METADATA.tables["sessions"]
PLAN_VERSIONS = METADATA.tables["plan_versions"]
NEGOTIATION = METADATA.tables["negotiation_status"]
INCIDENTS = METADATA.tables["incidents"]
USERS = METADATA.tables["users"]
LOGIN_FAILURES = METADATA.tables["login_failures"]
CLIENT_ACCESS = METADATA.tables["client_access"]
AUDIT_LOG = METADATA.tables["audit_log"]
CONSENTS = METADATA.tables["consents"]
CHILD_TABLES: tuple[sa.Table, ...] = (SESSIONS, PLAN_VERSIONS, NEGOTIATION, INCIDENTS)
WORKSPACES = METADATA.tables["workspaces"]
WORKSPACE_HISTORY = METADATA.tables["workspace_history"]

SCHEMA_VERSION = sa.Table(
    "schema_version", sa.MetaData(naming_convention=_CONVENTION),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(80), nullable=False),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)

# ----------------------------------------------------------------------------- migrations


def _m1_initial(conn: Connection) -> None:
    v1 = sa.MetaData(naming_convention=_CONVENTION)
    _tables(v1, version=1)
    v1.create_all(conn)


def _m2_client_pseudonym(conn: Connection) -> None:
    conn.execute(sa.text("ALTER TABLE clients ADD COLUMN pseudonym VARCHAR(24)"))
    ids = conn.execute(sa.text("SELECT id FROM clients WHERE pseudonym IS NULL")).scalars().all()
    for client_id in ids:
        conn.execute(sa.text("UPDATE clients SET pseudonym = :p WHERE id = :id"),
                     {"p": new_pseudonym(), "id": client_id})


def _m3_workspaces(conn: Connection) -> None:
    v3 = sa.MetaData(naming_convention=_CONVENTION)
    _workspace_tables(v3)
    v3.create_all(conn)


@dataclass(frozen=True, slots=True)
class Migration:
    number: int
    name: str
    apply: Callable[[Connection], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial", _m1_initial),
    Migration(2, "client_pseudonym", _m2_client_pseudonym),
    Migration(3, "workspaces", _m3_workspaces),
    Migration(4, "accounts", accounts_schema.migrate),
)
LATEST = MIGRATIONS[-1].number

register({"store.err.schema_newer": {
    "zh": "数据库的结构版本 {found} 比本程序支持的 {supported} 新：请升级程序，不要用旧版本写入。",
    "en": "the database's schema version {found} is newer than this program's {supported}: "
          "upgrade the program instead of writing with an old one."}})


class SchemaTooNew(StorageError):
    code = "store.err.schema_newer"


def new_pseudonym() -> str:
    """A fresh random pseudonym (used once per client, then stored)."""
    return pseudonymise("", key=secrets.token_bytes(16))


def current_version(conn: Connection) -> int:
    """The schema version recorded in the database (0 for an empty database)."""
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(sa.select(sa.func.max(SCHEMA_VERSION.c.version))).scalar() or 0


def migrate(engine: Engine, target: int | None = None) -> list[int]:
    """Bring the database up to ``target`` (default: the latest); returns the versions applied.

    Runs in one transaction.  On PostgreSQL an advisory lock makes app replicas
    that start together migrate one at a time; on SQLite the write transaction
    (``BEGIN IMMEDIATE``) does the same.
    """
    target = LATEST if target is None else target
    applied: list[int] = []
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(7412003)"))
        SCHEMA_VERSION.create(conn, checkfirst=True)
        found = current_version(conn)
        if found > LATEST:
            raise SchemaTooNew(found=found, supported=LATEST)
        for m in MIGRATIONS:
            if found < m.number <= target:
                m.apply(conn)
                conn.execute(SCHEMA_VERSION.insert().values(
                    version=m.number, name=m.name, applied_at=datetime.now(UTC).replace(tzinfo=None)))
                applied.append(m.number)
    return applied
