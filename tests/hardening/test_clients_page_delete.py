"""Issue 11 item 2 on the clients page: a delete that another reader keeps from finishing is shown as
such (a warning with the truth), never as "deleted, no record left"."""

from __future__ import annotations

import sqlite3

from planner import t
from planner.storage import sqlite_path
from tests.storage.test_clients_page import button, data_dir, open_client, repo, seeded  # noqa: F401
from tests.ui.conftest import page_texts, run_page
from ui import state

PAGE = "ui/pages/clients.py"


def test_the_page_says_when_a_reader_keeps_the_erase_from_finishing(repo, monkeypatch):  # noqa: F811
    import planner.storage.db as db_module
    monkeypatch.setattr(db_module, "COMPACT_WAIT_S", 0.2)
    client_id = seeded(repo)
    at = run_page(PAGE, "en")
    open_client(at, client_id)
    reader = sqlite3.connect(sqlite_path(repo.engine), isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM clients").fetchone()
    try:
        at.checkbox(key=f"{state.CLIENT_FORM}.confirm").check().run()
        button(at, ".delete").click().run()
    finally:
        reader.execute("COMMIT")
        reader.close()
    assert not at.exception, [e.value for e in at.exception]
    assert any("write-ahead" in w.value for w in at.warning)
    assert t("ui.clients.deleted", "en") not in page_texts(at)
    assert set(repo.references_to(client_id).values()) == {0}
