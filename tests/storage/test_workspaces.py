"""The workspace store: versioned save, conflicts, history / undo / restore, export, proven delete,
per-owner isolation, concurrency (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import json
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.storage import (HISTORY_KEEP, ConflictError, Repository, WorkspaceConflict, create_engine,
                             current_version, migrate, owner_for)
from planner.workspace import Workspace

from .test_privacy import files_bytes

MARKER = "工作区独有文字Qx7v"
ROWS = [{"name": "借呗", "balance": "1.2万", "annual_rate": "18%"},
        {"name": MARKER, "balance": "八千", "annual_rate": ""}]        # an invalid row, kept as typed


class Clock:
    """A controllable clock (naive UTC), so coalescing windows are deterministic."""

    def __init__(self):
        self.now = datetime(2026, 12, 1, 8, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(db_url, clock):
    repo = Repository.open(db_url, clock=clock)
    yield repo.workspaces
    repo.close()


def ws(**sections) -> Workspace:
    return Workspace.empty().with_changes(**sections)


def test_migration_3_adds_the_workspace_tables_to_an_existing_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    assert migrate(engine, target=2) == [1, 2]
    old = Repository(engine, migrate_schema=False)
    client = old.create_client("老客户")
    assert migrate(engine, target=3) == [3]
    with engine.connect() as conn:
        assert current_version(conn) == 3
        assert {"workspaces", "workspace_history"} <= set(sa.inspect(conn).get_table_names())
    repo = Repository(engine)
    assert repo.get_client(client.id).display_name == "老客户"
    assert repo.workspaces.load("local").version == 0


def test_save_load_and_rows_kept_exactly_as_typed(store):
    assert store.load("local").version == 0 and store.load("local").workspace == Workspace.empty()
    saved = store.save("local", ws(debt_rows=ROWS, budget={"income": 9000.0}), expected_version=0)
    assert saved.version == 1
    again = store.load("local")
    assert again.workspace.debt_rows == ROWS and again.version == 1 and again.updated_at is not None


def test_a_stale_write_is_refused_never_an_overwrite(store):
    store.save("local", ws(debt_rows=ROWS), expected_version=0)
    tab_a, tab_b = store.load("local"), store.load("local")        # two tabs loaded version 1
    store.save("local", tab_a.workspace.with_changes(debt_rows=ROWS[:1]), expected_version=tab_a.version)
    with pytest.raises(WorkspaceConflict) as e:
        store.save("local", tab_b.workspace.with_changes(budget={"income": 1.0}), expected_version=tab_b.version)
    assert isinstance(e.value, ConflictError)
    assert "另一个标签页" in e.value.message("zh") and "NOT saved" in e.value.message("en")
    assert (e.value.expected, e.value.actual) == (1, 2)
    stored = store.load("local")
    assert stored.workspace.debt_rows == ROWS[:1] and stored.workspace.budget == {} and stored.version == 2
    with pytest.raises(WorkspaceConflict):                        # a second "first save" too
        store.save("local", ws(), expected_version=0)
    with pytest.raises(TypeError):                                # the version is mandatory
        store.save("local", ws(), expected_version=None)


def test_owners_are_isolated(store):
    store.save(owner_for(user="a@example.cn"), ws(debt_rows=ROWS), expected_version=0)
    assert store.load(owner_for(user="b@example.cn")).version == 0
    assert store.history(owner_for(user="b@example.cn")) == []
    assert store.load("local").workspace.debt_rows == []
    store.delete(owner_for(user="b@example.cn"))
    assert store.load(owner_for(user="a@example.cn")).workspace.debt_rows == ROWS


def test_history_coalesces_typing_keeps_destructive_steps_and_the_last_20(store, clock):
    v = store.save("local", ws(debt_rows=ROWS), expected_version=0, action="sample").version
    for i in range(5):                                            # typing in the table: one step
        clock.tick(10)
        v = store.save("local", ws(debt_rows=ROWS + [{"name": f"x{i}"}]), expected_version=v).version
    history = store.history("local")
    assert [s.action for s in history] == ["edit", "sample"]
    assert history[0].changes == {"debt_rows": [2, 3]} and history[0].version == v
    clock.tick(10)
    v = store.save("local", ws(), expected_version=v, action="start_empty").version
    assert [s.action for s in store.history("local")][:2] == ["start_empty", "edit"]
    assert store.history("local")[0].changes == {"debt_rows": [3, 0]}
    for i in range(30):
        clock.tick(COALESCE := 200)                               # beyond the window: separate steps
        v = store.save("local", ws(budget={"income": float(i)}), expected_version=v).version
    assert COALESCE > 120
    history = store.history("local")
    assert len(history) == HISTORY_KEEP == 20
    assert history[0].workspace.budget == {"income": 29.0} and history[0].version == v


def test_undo_walks_back_step_by_step_and_survives_a_reload(db_url, clock):
    repo = Repository.open(db_url, clock=clock)
    store = repo.workspaces
    v = store.save("local", ws(debt_rows=ROWS), expected_version=0, action="sample").version
    clock.tick(300)
    v = store.save("local", ws(debt_rows=ROWS[:1]), expected_version=v, action="delete_rows").version
    clock.tick(300)
    v = store.save("local", ws(), expected_version=v, action="start_empty").version
    repo.close()
    store = Repository.open(db_url, clock=clock).workspaces        # a reload / a server restart
    v = store.undo("local", expected_version=v).version
    assert store.load("local").workspace.debt_rows == ROWS[:1]
    v = store.undo("local", expected_version=v).version
    assert store.load("local").workspace.debt_rows == ROWS
    assert store.undo("local", expected_version=v) is None            # nothing older
    assert [s.action for s in store.history("local")][:2] == ["undo", "undo"]
    with pytest.raises(WorkspaceConflict):                        # a stale tab's undo is refused too
        store.restore("local", store.history("local")[-1].id, expected_version=v - 1)


def test_first_change_of_an_empty_workspace_can_be_undone(store):
    v = store.save("local", ws(debt_rows=ROWS), expected_version=0).version
    store.undo("local", expected_version=v)
    assert store.load("local").workspace == Workspace.empty()


def test_restore_an_earlier_state_is_itself_undoable(store, clock):
    v = store.save("local", ws(debt_rows=ROWS), expected_version=0, action="sample").version
    clock.tick(300)
    v = store.save("local", ws(incidents=[{"id": "i1", "lender": "某网贷"}]), expected_version=v).version
    first = store.history("local")[-1]
    v = store.restore("local", first.id, expected_version=v).version
    assert store.load("local").workspace.debt_rows == ROWS
    store.undo("local", expected_version=v)
    assert store.load("local").workspace.incidents == [{"id": "i1", "lender": "某网贷"}]


def test_export_is_a_client_archive_with_the_rows_as_typed(store):
    store.save("local", ws(debt_rows=ROWS + [{"name": "=HYPERLINK(1)"}], incidents=[{"id": "i1", "note": MARKER}]),
               expected_version=0)
    data = store.export("local", label="我的数据")
    zf = zipfile.ZipFile(io.BytesIO(data))
    doc = json.loads(zf.read("client.json"))
    assert doc["format"] == "debt-planner-client" and doc["workspace"]["debt_rows"][1]["balance"] == "八千"
    assert doc["incidents"][0]["record"]["note"] == MARKER and doc["workspace_history"]
    typed = zf.read("workspace_debts.csv").decode("utf-8-sig")
    assert "八千" in typed and "'=HYPERLINK(1)" in typed            # formula neutralised in the CSV
    # a counsellor can import it: a new client whose working draft is this workspace
    repo = Repository(store.engine)
    client_id = repo.import_client(data)
    draft = store.load(owner_for(client_id=client_id))
    assert draft.workspace.debt_rows[1] == ROWS[1]
    assert repo.load_incidents(client_id) == [{"id": "i1", "note": MARKER}]


def test_a_client_export_carries_its_draft_and_delete_removes_it(store):
    repo = Repository(store.engine)
    c = repo.create_client("张三")
    store.save(owner_for(client_id=c.id), ws(debt_rows=ROWS), expected_version=0)
    doc = json.loads(zipfile.ZipFile(io.BytesIO(repo.export_client(c.id))).read("client.json"))
    assert doc["workspace"]["debt_rows"] == ROWS
    counts = repo.delete_client(c.id)
    assert counts["workspaces"] == 1 and counts["workspace_history"] >= 1
    assert store.references(owner_for(client_id=c.id)) == 0


def test_delete_everything_leaves_no_trace_in_the_sqlite_files(tmp_path):
    from planner.rights import store_evidence, stored_evidence
    data_dir = tmp_path / "data"
    repo = Repository.open(f"sqlite:///{data_dir / 'planner.sqlite3'}")
    store = repo.workspaces
    v = 0
    for i in range(5):
        v = store.save("local", ws(debt_rows=ROWS, profile={"name": MARKER * 20, "i": i},
                                   incidents=[{"id": "mine", "note": MARKER}]),
                       expected_version=v, action="sample" if i == 0 else "replace_csv").version
    store.save("user:other", ws(debt_rows=[{"name": "别人的"}], incidents=[{"id": "theirs"}]), expected_version=0)
    store_evidence(data_dir, "mine", "录音.m4a", b"audio")
    store_evidence(data_dir, "theirs", "截图.png", b"png")
    needle = MARKER.encode("utf-8")
    assert needle in files_bytes(data_dir)                      # really on disk …
    counts = store.delete("local", data_dir)
    assert counts["workspaces"] == 1 and counts["workspace_history"] >= 5 and counts["evidence_files"] == 1
    assert needle not in files_bytes(data_dir)                  # … and really gone
    assert store.references("local") == 0 and store.load("local").version == 0
    assert store.load("user:other").workspace.debt_rows == [{"name": "别人的"}]
    assert stored_evidence(data_dir, "mine") == [] and len(stored_evidence(data_dir, "theirs")) == 1
    repo.close()
    assert needle not in files_bytes(data_dir)


def test_600_concurrent_appends_lose_none(db_url):
    """600 appends from 8 sessions at once: an append is one insert, nothing is read and written back."""
    repo = Repository.open(db_url)
    c = repo.create_client("并发")
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda i: repo.add_incident(c.id, {"id": f"n{i}"}), range(600)))
    assert sorted(r["id"] for r in repo.load_incidents(c.id)) == sorted(f"n{i}" for i in range(600))
    repo.close()


def test_whole_log_replacement_needs_the_version_and_then_loses_nothing(db_url):
    """The incident log replaced as a whole (read, append, write back): the expected_version is mandatory
    (without it, 216 of 600 concurrent appends were lost); with it and a retry on conflict all arrive."""
    repo = Repository.open(db_url)
    c = repo.create_client("并发")
    with pytest.raises(TypeError):
        repo.save_incidents(c.id, [])                              # no version: refused outright

    def append(i: int) -> int:
        conflicts = 0
        while True:
            version = repo.get_client(c.id).version
            log = repo.load_incidents(c.id)
            try:
                repo.save_incidents(c.id, log + [{"id": f"n{i}"}], expected_version=version)
                return conflicts
            except ConflictError:
                conflicts += 1

    with ThreadPoolExecutor(max_workers=4) as pool:
        conflicts = sum(pool.map(append, range(80)))
    assert sorted(r["id"] for r in repo.load_incidents(c.id)) == sorted(f"n{i}" for i in range(80))
    assert conflicts > 0                                          # the race really happened
    repo.close()


def test_concurrent_workspace_writers_lose_nothing(db_url):
    """Two app sessions appending incidents to one workspace: every write either lands or is refused."""
    a, b = Repository.open(db_url).workspaces, Repository.open(db_url).workspaces
    a.save("local", ws(), expected_version=0)
    start = threading.Barrier(2)

    def writer(store, tag):
        start.wait()
        for i in range(25):
            while True:
                cur = store.load("local")
                new = cur.workspace.with_changes(incidents=cur.workspace.incidents + [{"id": f"{tag}{i}"}])
                try:
                    store.save("local", new, expected_version=cur.version)
                    break
                except WorkspaceConflict:
                    continue

    threads = [threading.Thread(target=writer, args=(s, tag)) for s, tag in ((a, "a"), (b, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    final = a.load("local")
    assert len(final.workspace.incidents) == 50 and final.version == 51


@given(st.lists(st.lists(st.text(max_size=6), max_size=3), min_size=1, max_size=10),
       st.lists(st.sampled_from(["start_empty", "delete_rows", "replace_csv", "append_csv", "delete_incident"]),
                min_size=10, max_size=10))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_undo_goes_back_through_every_saved_state_in_order(names_per_step, actions):
    """Property: after any sequence of (non-coalescing) saves, repeated undo visits the earlier states
    newest first, down to the first one, then reports nothing to undo."""
    store = Repository.open("sqlite://").workspaces
    states = [ws(debt_rows=[{"name": n} for n in names]) for names in names_per_step]
    v = 0
    for i, state in enumerate(states):
        v = store.save("local", state, expected_version=v, action="sample" if i == 0 else actions[i]).version
    seen = []
    while (done := store.undo("local", expected_version=v)) is not None:
        v = done.version
        seen.append(store.load("local").workspace)
    assert seen == states[-2::-1]
