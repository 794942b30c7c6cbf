"""Engine creation: an embedded SQLite file by default, PostgreSQL when ``DATABASE_URL`` is set.

SQLite connections get WAL mode (readers never block the writer), foreign
keys on, ``secure_delete`` (deleted rows are overwritten with zeros), a busy
timeout, and ``BEGIN IMMEDIATE`` transactions so that two writers queue
instead of failing.  Engines never echo SQL and hide bound parameters in
errors and logs: client data never reaches a log.

>>> engine = create_engine("sqlite://")
>>> with engine.connect() as conn:
...     conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
1
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .. import settings

SQLITE_FILE = "planner.sqlite3"
BUSY_TIMEOUT_MS = 15_000
LOGGING_NAME = "planner"
ENGINE_LOGGER = f"sqlalchemy.engine.Engine.{LOGGING_NAME}"


class _NoRowData(logging.Filter):
    """Drop SQLAlchemy's DEBUG records: at that level it logs every result row (client data).

    SQL statements (INFO) stay loggable for debugging; their bound parameters are
    hidden by ``hide_parameters``.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.INFO


def _guard_engine_logger() -> None:
    logger = logging.getLogger(ENGINE_LOGGER)
    if not any(isinstance(f, _NoRowData) for f in logger.filters):
        logger.addFilter(_NoRowData())


def database_url(env: Mapping[str, str] | None = None) -> str:
    """The URL the settings select: ``DATABASE_URL`` or the SQLite file in ``PLANNER_DATA_DIR``.

    >>> database_url({"PLANNER_DATA_DIR": "/srv/planner"})
    'sqlite:////srv/planner/planner.sqlite3'
    """
    url = settings.get("DATABASE_URL", env)
    if url:
        return url
    data_dir = settings.data_dir(env).resolve()
    return f"sqlite:///{data_dir / SQLITE_FILE}"


def sqlite_path(engine: Engine) -> Path | None:
    """The SQLite file behind ``engine`` (``None`` for PostgreSQL or an in-memory database)."""
    if engine.dialect.name != "sqlite":
        return None
    db = engine.url.database
    return Path(db) if db and db != ":memory:" else None


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # pragma: no cover - exercised by every test
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "secure_delete=ON",
                       f"busy_timeout={BUSY_TIMEOUT_MS}", "synchronous=NORMAL"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Take the write lock up front: a deferred transaction that reads and then writes
        # can fail with "database is locked" under a concurrent writer, whatever the timeout.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_engine(url: str | None = None, *, env: Mapping[str, str] | None = None) -> Engine:
    """An engine for ``url`` (default: :func:`database_url` from the environment).

    The SQLite data directory is created (mode 0700) if it does not exist.
    """
    url = settings._database_url(url) if url else database_url(env)
    _guard_engine_logger()
    options: dict[str, object] = {"echo": False, "hide_parameters": True, "logging_name": LOGGING_NAME}
    if url.startswith("sqlite"):
        parsed = sa.engine.make_url(url)
        if parsed.database and parsed.database != ":memory:":
            directory = Path(parsed.database).parent
            directory.mkdir(parents=True, exist_ok=True)
            if os.name == "posix":
                directory.chmod(0o700)
        engine = sa.create_engine(url, **options)
        _sqlite_setup(engine)
        return engine
    options.update(pool_pre_ping=True, pool_size=5, max_overflow=5)
    return sa.create_engine(url, **options)


def compact(engine: Engine) -> None:
    """Make deleted data physically unrecoverable from the SQLite files.

    ``VACUUM`` rewrites the database without free pages, and a ``TRUNCATE``
    checkpoint empties the write-ahead log that may still hold old page images.
    On PostgreSQL it is ``VACUUM`` on the client tables (dead tuples are freed
    for reuse; the server's own WAL retention is the DBA's policy).
    """
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.execute("VACUUM")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    elif engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in ("clients", "sessions", "plan_versions", "negotiation_status", "incidents",
                          "workspaces", "workspace_history"):
                conn.exec_driver_sql(f"VACUUM {table}")
