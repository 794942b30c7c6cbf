"""The agency tables (migration ``accounts``): users, login failures, client ownership, the audit log, consents.

Self-contained: :func:`define` adds the tables to a metadata that already has ``clients``, and
:func:`migrate` creates them (plus the append-only triggers of the audit log) on SQLite and PostgreSQL.

* ``users`` — one row per person who signs in: e-mail (lower case, unique), role (``admin``,
  ``counsellor``, ``viewer``), optional team, an argon2 password hash for local accounts (never the
  password), disabled flag;
* ``login_failures`` — failed sign-ins per e-mail and the time until which it is locked (persisted, so
  the back-off holds across app processes);
* ``client_access`` — each client's owner (a user) and optional team; deleted with the client;
* ``audit_log`` — append-only: time, actor, action, client id, a short code.  No client data, and no
  foreign key (a record outlives the client it is about).  Triggers refuse UPDATE, DELETE and TRUNCATE;
* ``consents`` — what a client consented to (the purpose text shown), when, recorded by which
  counsellor, and the withdrawal date; deleted with the client.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

ROLES: tuple[str, ...] = ("admin", "counsellor", "viewer")
ACTIONS: tuple[str, ...] = ("create", "view", "change", "export", "import", "delete", "assign", "consent",
                            "account")
EMAIL_MAX = 254
TEAM_MAX = 80

_CONVENTION = {"ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
               "ck": "ck_%(table_name)s_%(constraint_name)s",
               "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
               "pk": "pk_%(table_name)s"}


def define(metadata: sa.MetaData) -> None:
    """Add the agency tables to ``metadata`` (which must already define ``clients``)."""
    sa.Table("users", metadata,
             sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
             sa.Column("email", sa.String(EMAIL_MAX), nullable=False, unique=True),
             sa.Column("role", sa.String(20), nullable=False),
             sa.Column("team", sa.String(TEAM_MAX)),
             sa.Column("password_hash", sa.String(200)),
             sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
             sa.Column("created_at", sa.DateTime, nullable=False),
             sa.CheckConstraint("role IN ('admin', 'counsellor', 'viewer')", name="role"),
             sqlite_autoincrement=True)
    sa.Table("login_failures", metadata,
             sa.Column("email", sa.String(EMAIL_MAX), primary_key=True),
             sa.Column("failures", sa.Integer, nullable=False),
             sa.Column("last_failure_at", sa.DateTime, nullable=False),
             sa.Column("locked_until", sa.DateTime))
    sa.Table("client_access", metadata,
             sa.Column("client_id", sa.Integer, sa.ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True),
             sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), index=True),
             sa.Column("team", sa.String(TEAM_MAX), index=True),
             sa.Column("assigned_at", sa.DateTime, nullable=False),
             sa.Column("assigned_by", sa.String(EMAIL_MAX), nullable=False))
    sa.Table("audit_log", metadata,
             sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
             sa.Column("at", sa.DateTime, nullable=False, index=True),
             sa.Column("actor", sa.String(EMAIL_MAX), nullable=False),
             sa.Column("action", sa.String(20), nullable=False),
             sa.Column("client_id", sa.Integer, index=True),
             sa.Column("detail", sa.String(40), nullable=False, server_default=""),
             sqlite_autoincrement=True)
    sa.Table("consents", metadata,
             sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
             sa.Column("client_id", sa.Integer, sa.ForeignKey("clients.id", ondelete="CASCADE"),
                       nullable=False, index=True),
             sa.Column("purpose", sa.Text, nullable=False),
             sa.Column("consented_on", sa.Date, nullable=False),
             sa.Column("counsellor", sa.String(EMAIL_MAX), nullable=False),
             sa.Column("withdrawn_on", sa.Date),
             sa.Column("created_at", sa.DateTime, nullable=False),
             sqlite_autoincrement=True)


TABLES: tuple[str, ...] = ("users", "login_failures", "client_access", "audit_log", "consents")

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)
_PG_TRIGGERS = (
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
)


def migrate(conn: Connection) -> None:
    """Create the agency tables and the audit log's append-only triggers (one migration)."""
    metadata = sa.MetaData(naming_convention=_CONVENTION)
    sa.Table("clients", metadata, sa.Column("id", sa.Integer, primary_key=True))   # only referred to
    define(metadata)
    metadata.create_all(conn, tables=[metadata.tables[name] for name in TABLES])
    for statement in _PG_TRIGGERS if conn.dialect.name == "postgresql" else _SQLITE_TRIGGERS:
        conn.exec_driver_sql(statement)
