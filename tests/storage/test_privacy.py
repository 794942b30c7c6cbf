"""Privacy: no client data in logs; a deleted client leaves no trace in the SQLite files."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from planner.storage import ConflictError, InvalidArchive, Repository

from .helpers import CLIENT_NAME, debts_v1, save_plan

MARKER = "独一无二的客户名Zq9x"      # unlikely to appear in a database file by chance
CONTACT = "联系电话13912345678"


def workflow(repo: Repository) -> None:
    c = repo.create_client(CLIENT_NAME, contact_notes=CONTACT)
    save_plan(repo, c.id, debts_v1(), 4000, "avalanche", f"{CLIENT_NAME}的方案")
    repo.record_negotiation(c.id, "借呗", "accepted", status_date=date(2025, 3, 1), note=CLIENT_NAME)
    repo.add_incident(c.id, {"note": CLIENT_NAME})
    with pytest.raises(ConflictError):
        repo.rename_client(c.id, CLIENT_NAME + "2", expected_version=1)
    data = repo.export_client(c.id)
    with pytest.raises(InvalidArchive):
        repo.import_client(data.replace(b"client.json", b"client.jsoX"))
    repo.delete_client(c.id)
    repo.import_client(data)


def test_no_client_data_in_logs_even_with_sql_logging_on(db_url, caplog):
    caplog.set_level(logging.DEBUG)                        # every logger, SQLAlchemy's included
    logging.getLogger("sqlalchemy.engine").setLevel(logging.DEBUG)
    logging.getLogger("sqlalchemy.pool").setLevel(logging.DEBUG)
    try:
        repo = Repository.open(db_url)
        workflow(repo)
        repo.close()
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
        logging.getLogger("sqlalchemy.pool").setLevel(logging.WARNING)
    text = caplog.text
    assert "INSERT INTO clients" in text                   # SQL logging really was on …
    assert "client #" in text and "deleted" in text        # … and so was ours
    for secret in (CLIENT_NAME, CONTACT, "13912345678"):
        assert secret not in text


def test_the_log_check_would_catch_a_leak(tmp_path, caplog):
    """Control: an engine that does not hide parameters does put the name in the log."""
    caplog.set_level(logging.INFO)
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'x.db'}", echo=False)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (name TEXT)")
            conn.execute(sa.text("INSERT INTO t VALUES (:n)"), {"n": CLIENT_NAME})
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
        engine.dispose()
    assert CLIENT_NAME in caplog.text


def files_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file())


def test_deleted_client_is_gone_from_the_sqlite_files(tmp_path):
    data_dir = tmp_path / "data"
    repo = Repository.open(f"sqlite:///{data_dir / 'planner.sqlite3'}")
    keep = repo.create_client("保留的客户")
    gone = repo.create_client(MARKER, contact_notes=CONTACT)
    save_plan(repo, gone.id, debts_v1(), 4000, "avalanche", MARKER)
    repo.add_session(gone.id, date(2025, 3, 1), MARKER * 50)
    repo.add_incident(gone.id, {"note": MARKER})
    needle = MARKER.encode("utf-8")
    assert needle in files_bytes(data_dir)                  # the data really is on disk …
    repo.delete_client(gone.id)
    on_disk = files_bytes(data_dir)
    assert needle not in on_disk                            # … and really is gone
    assert CONTACT.encode("utf-8") not in on_disk
    assert repo.get_client(keep.id).display_name == "保留的客户"
    with repo.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    repo.close()
    assert needle not in files_bytes(data_dir)
