"""Numbered migrations: from an empty database and from schema version 1, on every backend."""

from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa

from planner.storage import (LATEST, MIGRATIONS, Repository, SchemaTooNew, create_engine, current_version,
                             migrate)
from planner.storage.schema import METADATA


def columns(engine) -> dict[str, set[str]]:
    inspector = sa.inspect(engine)
    return {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()}


def test_migrations_are_numbered_from_one():
    assert [m.number for m in MIGRATIONS] == list(range(1, LATEST + 1))
    assert len({m.name for m in MIGRATIONS}) == len(MIGRATIONS)
    assert LATEST >= 2


def test_empty_database_reaches_the_schema_constant(db_url):
    engine = create_engine(db_url)
    assert migrate(engine) == list(range(1, LATEST + 1))
    with engine.connect() as conn:
        assert current_version(conn) == LATEST
        names = conn.execute(sa.text("SELECT name FROM schema_version ORDER BY version")).scalars().all()
    assert names == [m.name for m in MIGRATIONS]
    found = columns(engine)
    for table in METADATA.sorted_tables:
        assert found[table.name] == {c.name for c in table.columns}, table.name
    assert migrate(engine) == []          # idempotent
    engine.dispose()


def test_upgrade_from_version_1_keeps_data_and_backfills(db_url):
    engine = create_engine(db_url)
    assert migrate(engine, target=1) == [1]
    assert "pseudonym" not in columns(engine)["clients"]
    now = datetime(2025, 1, 1, 9, 0)
    with engine.begin() as conn:           # a client written by the version-1 program
        conn.execute(sa.text("INSERT INTO clients (display_name, contact_notes, created_at, updated_at, version) "
                             "VALUES ('老客户', '电话', :now, :now, 3)"), {"now": now})
        client_id = conn.execute(sa.text("SELECT id FROM clients")).scalar_one()
        conn.execute(sa.text("INSERT INTO plan_versions (client_id, created_at, label, debts_json, budget_json, "
                             "strategy) VALUES (:c, :now, 'v1', '[]', '{}', 'avalanche')"),
                     {"c": client_id, "now": now})
    engine.dispose()

    repo = Repository.open(db_url)          # opening migrates to the latest version
    with repo.engine.connect() as conn:
        assert current_version(conn) == LATEST
    client = repo.get_client(client_id)
    assert (client.display_name, client.contact_notes, client.version) == ("老客户", "电话", 3)
    assert client.pseudonym and client.pseudonym.startswith("C-")
    assert [v.label for v in repo.list_plan_versions(client_id)] == ["v1"]
    assert repo.rename_client(client_id, "老客户B", expected_version=3).version == 4
    repo.close()


def test_a_newer_database_is_refused(db_url):
    engine = create_engine(db_url)
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO schema_version (version, name, applied_at) VALUES (:v, 'future', :t)"),
                     {"v": LATEST + 1, "t": datetime(2030, 1, 1)})
    with pytest.raises(SchemaTooNew) as e:
        migrate(engine)
    assert str(LATEST + 1) in e.value.message("zh") and "upgrade the program" in e.value.message("en")
    engine.dispose()


def test_a_failing_migration_leaves_the_database_unchanged(db_url, monkeypatch):
    from planner.storage import schema

    def broken(conn):
        conn.execute(sa.text("ALTER TABLE clients ADD COLUMN pseudonym VARCHAR(24)"))
        raise RuntimeError("simulated crash in the middle of migration 2")

    engine = create_engine(db_url)
    migrate(engine, target=1)
    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], schema.Migration(2, "broken", broken)))
    with pytest.raises(RuntimeError):
        migrate(engine)
    with engine.connect() as conn:
        assert current_version(conn) == 1
    assert "pseudonym" not in columns(engine)["clients"]
    engine.dispose()
