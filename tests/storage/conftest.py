"""Fixtures: a repository on each backend (SQLite always; PostgreSQL when its binaries exist).

The PostgreSQL server is a throwaway cluster started once per test session:
``initdb`` + ``pg_ctl`` from Debian's ``/usr/lib/postgresql/*/bin`` in a
temporary directory, listening on loopback at a free port (and a unix socket
in that directory), run as the ``postgres`` system user when we are root, and
stopped at the end.  Each test gets its own schema.  Outside CI a machine
without the binaries skips the PostgreSQL tests with a message; with
``CI=true`` that is a failure.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from planner.storage import Repository

PG_USER = "planner"
_counter = itertools.count(1)


def _pg_bindir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    for directory in reversed(candidates):
        if (Path(directory) / "initdb").exists() and (Path(directory) / "pg_ctl").exists():
            return Path(directory)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is required in CI (CI=true): {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason} (install Debian's postgresql package to run them)")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """Start a throwaway PostgreSQL cluster; yields the admin URL (database ``postgres``)."""
    bindir = _pg_bindir()
    if bindir is None:
        _unavailable("no initdb/pg_ctl under /usr/lib/postgresql/*/bin")
    root = Path(tempfile.mkdtemp(prefix="planner-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            _unavailable("running as root but runuser is missing")
        shutil.chown(root, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data, log = root / "data", root / "server.log"
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run(prefix + list(args), check=True, capture_output=True, timeout=120)

    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", PG_USER, "--auth=trust", "-E", "UTF8",
            "--locale=C", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "-t", "60", "start")
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        detail = getattr(e, "stderr", b"") or b""
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(f"could not start a cluster: {detail.decode(errors='replace')[-500:]}")
    url = f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/postgres"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE planner_test")
    admin.dispose()
    try:
        yield url.rsplit("/", 1)[0] + "/planner_test"
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty schema on the throwaway server (first on the search path), dropped after the test.

    A schema is much cheaper than a database; connections of the test are tagged
    with an application name and terminated at the end.
    """
    name = f"test_{os.getpid()}_{next(_counter)}"
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')
    try:
        yield f"{pg_server}?application_name={name}&options=-csearch_path%3D{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE application_name = :n AND pid <> pg_backend_pid()"), {"n": name})
            conn.exec_driver_sql(f'DROP SCHEMA "{name}" CASCADE')
        admin.dispose()


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """A URL of an empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'planner.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def repo(db_url: str) -> Iterator[Repository]:
    r = Repository.open(db_url)
    yield r
    r.close()


@pytest.fixture
def sqlite_repo(tmp_path) -> Iterator[Repository]:
    r = Repository.open(f"sqlite:///{tmp_path / 'data' / 'planner.sqlite3'}")
    yield r
    r.close()
