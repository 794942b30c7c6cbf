"""Settings as data: every one documented, validated with a helpful message; the storage API surface."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import planner.storage
from planner import settings
from planner.storage import create_engine, database_url

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "counsellor.md"


def test_every_setting_is_documented():
    text = DOC.read_text(encoding="utf-8")
    missing = [s.name for s in settings.SETTINGS if f"`{s.name}`" not in text]
    assert missing == [], f"document these settings in docs/counsellor.md: {missing}"


def test_settings_have_unique_names_and_help():
    names = [s.name for s in settings.SETTINGS]
    assert len(names) == len(set(names))
    assert all(s.help.strip() for s in settings.SETTINGS)
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]+", n) for n in names)


@pytest.mark.parametrize("given, url", [
    ("postgresql://u:p@db:5432/planner", "postgresql+psycopg://u:p@db:5432/planner"),
    ("postgres://u@db/planner", "postgresql+psycopg://u@db/planner"),
    ("postgresql+psycopg://u@db/planner", "postgresql+psycopg://u@db/planner"),
    ("sqlite:////srv/x.sqlite3", "sqlite:////srv/x.sqlite3"),
])
def test_database_url_normalises_to_psycopg3(given, url):
    assert database_url({"DATABASE_URL": given}) == url


def test_unknown_database_scheme_says_what_to_do():
    with pytest.raises(settings.SettingError, match="postgresql\\+psycopg://user:password@host/dbname"):
        database_url({"DATABASE_URL": "mysql://root@db/x"})


def test_default_is_a_sqlite_file_in_the_data_dir(tmp_path):
    url = database_url({"PLANNER_DATA_DIR": str(tmp_path / "d")})
    assert url == f"sqlite:///{tmp_path / 'd' / 'planner.sqlite3'}"
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()
    assert (tmp_path / "d").is_dir() and (tmp_path / "d").stat().st_mode & 0o077 == 0


def test_describe_never_shows_secrets():
    rows = settings.describe({"DATABASE_URL": "postgresql://u:hunter2@db/x", "PLANNER_PASSWORD": "hunter2"})
    assert "hunter2" not in repr(rows)
    assert {r["name"]: r["value"] for r in rows}["PLANNER_PASSWORD"] == "(set)"


def test_storage_all_is_sorted_and_complete():
    assert planner.storage.__all__ == sorted(planner.storage.__all__)
    assert all(hasattr(planner.storage, n) for n in planner.storage.__all__)
