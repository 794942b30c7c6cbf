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
import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

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


SQLITE_HEADER = b"SQLite format 3\x00"


def prepare_sqlite_file(path: Path) -> None:
    """Check (and if needed create) the SQLite file's place, touching only what the planner creates.

    * The file, when it exists, must be a regular SQLite database file: a device (``/dev/null``), a
      folder, a pipe or another kind of file is refused with :class:`~planner.settings.SettingError`.
    * Its folder must be a folder (``PLANNER_DATA_DIR`` pointing at a file is refused).
    * Folders that do not exist are created, and only those get mode 0700; an existing folder keeps
      its mode (a shared ``/tmp`` stays 1777).  A new database file is created with mode 0600.
    """
    where = f"the database file {path}"
    if path.exists() or path.is_symlink():
        if not path.is_file():
            raise settings.SettingError(f"{where} is not a regular file (a device, folder or pipe): point "
                                        "DATABASE_URL / PLANNER_DATA_DIR at a SQLite database file or a new one")
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
        if head and head != SQLITE_HEADER:
            raise settings.SettingError(f"{where} is not a SQLite database: refusing to open or overwrite it")
        return
    directory = path.parent
    missing = []
    probe = directory
    while not probe.exists() and not probe.is_symlink() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    if not probe.is_dir():
        raise settings.SettingError(f"PLANNER_DATA_DIR: {probe} is a file, not a folder: choose a folder for the "
                                    "planner's data")
    try:
        for folder in reversed(missing):
            folder.mkdir()
            if os.name == "posix":
                folder.chmod(0o700)        # our own folder: private
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as e:
        raise settings.SettingError(f"cannot create {where}: {e.strerror or type(e).__name__}") from None


def create_engine(url: str | None = None, *, env: Mapping[str, str] | None = None) -> Engine:
    """An engine for ``url`` (default: :func:`database_url` from the environment).

    The SQLite data directory is created (mode 0700) if it does not exist; see :func:`prepare_sqlite_file`.
    """
    url = settings._database_url(url) if url else database_url(env)
    _guard_engine_logger()
    options: dict[str, object] = {"echo": False, "hide_parameters": True, "logging_name": LOGGING_NAME}
    if url.startswith("sqlite"):
        parsed = sa.engine.make_url(url)
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            prepare_sqlite_file(Path(parsed.database))
        engine = sa.create_engine(url, **options)
        _sqlite_setup(engine)
        return engine
    options.update(pool_pre_ping=True, pool_size=5, max_overflow=5)
    return sa.create_engine(url, **options)


# the transaction that reads join (see :func:`one_transaction`): (engine, its connection)
_AMBIENT: ContextVar[tuple[Engine, Connection] | None] = ContextVar("planner_ambient_transaction", default=None)


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection for a read: the open :func:`one_transaction` of ``engine`` in this context, else a new one.

    Every read of a client file goes through it, so that a caller can make the read and its audit record
    one transaction (:class:`planner.storage.ScopedRepository`).
    """
    ambient = _AMBIENT.get()
    if ambient is not None and ambient[0] is engine:
        yield ambient[1]
        return
    with engine.connect() as conn:
        yield conn


@contextmanager
def one_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction on ``engine`` that every :func:`reading` in this context joins; committed when the
    block ends, rolled back (and the exception raised) when anything in it fails.  Only for reads plus
    records written with the yielded connection: a write that opens its own transaction must not run in it.

    >>> engine = create_engine("sqlite://")
    >>> with one_transaction(engine) as conn:
    ...     with reading(engine) as inner:
    ...         inner is conn
    True
    """
    with engine.begin() as conn:
        token = _AMBIENT.set((engine, conn))
        try:
            yield conn
        finally:
            _AMBIENT.reset(token)


COMPACT_WAIT_S = 3.0          # how long compact() keeps retrying while another connection reads


def _checkpoint(raw) -> bool:
    """``PRAGMA wal_checkpoint(TRUNCATE)``; True when it completed (log copied back and emptied).

    The pragma answers ``(busy, log frames, checkpointed frames)``: busy = 1 means another connection's
    read transaction kept it from finishing, so the log still holds old page images."""
    busy, log_frames, done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0 and log_frames in (done, 0, -1)


def checkpoint(engine: Engine) -> bool:
    """One quick ``TRUNCATE`` checkpoint (no waiting, no ``VACUUM``): finishes an erase that a reader
    kept from completing earlier.  With ``secure_delete`` on, deleted rows are already zeroed in the
    newer page images; emptying the log removes the older ones.  True when the log is empty."""
    if engine.dialect.name != "sqlite":
        return True
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        raw.execute("PRAGMA busy_timeout=0")
        try:
            return _checkpoint(raw)
        except sqlite3.OperationalError:
            return False
        finally:
            raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def compact(engine: Engine, *, wait_s: float = COMPACT_WAIT_S) -> bool:
    """Make deleted data physically unrecoverable from the SQLite files; True when that is achieved.

    ``VACUUM`` rewrites the database without free pages, and a ``TRUNCATE``
    checkpoint empties the write-ahead log that may still hold old page images.
    A checkpoint cannot finish while another connection holds a read transaction:
    it is retried with growing pauses for about ``wait_s`` seconds, then ``False``
    is returned (the caller must say so: see :class:`~planner.storage.errors.DeletionIncomplete`).
    On PostgreSQL it is ``VACUUM`` on the client tables (dead tuples are freed
    for reuse; the server's own WAL retention is the DBA's policy).
    """
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            raw.execute("PRAGMA busy_timeout=100")      # short waits here: the retry loop bounds the total
            try:
                deadline, pause = time.monotonic() + wait_s, 0.05
                while True:
                    try:
                        if _checkpoint(raw):
                            raw.execute("VACUUM")
                            if _checkpoint(raw):
                                return True
                    except sqlite3.OperationalError:     # locked: retry like a busy checkpoint
                        pass
                    if time.monotonic() + pause > deadline:
                        return False
                    time.sleep(pause)
                    pause = min(pause * 2, 0.5)
            finally:
                raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    elif engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in ("clients", "sessions", "plan_versions", "negotiation_status", "incidents",
                          "workspaces", "workspace_history"):
                conn.exec_driver_sql(f"VACUUM {table}")
    return True
