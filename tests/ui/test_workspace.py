"""The autosaved workspace through the real app (AppTest): restore in a new session, sample note,
confirm + undo, a stale tab refused, per-user isolation, My data export/delete, clients' drafts.

A "new session" is a new AppTest on the same PLANNER_DATA_DIR: what a reload, a new tab or a
server restart gives (nothing in session state, everything from storage)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from planner.negotiation import METHODS
from planner.storage import Repository, database_url
from tests.ui.conftest import APP, TIMEOUT, metric, page_texts
from tests.ui.conftest import run_page as _run_page
from ui import state

DEBTS = "ui/pages/debts.py"
MYDATA = "ui/pages/mydata.py"
RIGHTS = "ui/pages/rights.py"
CLIENTS = "ui/pages/clients.py"



def run_page(page, lang="zh", **kwargs):
    """These tests type into the table view (the desktop view of the same rows)."""
    return _run_page(page, lang, state={state.DEBT_VIEW: "table", **kwargs.pop("state", {})}, **kwargs)


def editor_key(at) -> str:
    return next(e.key for e in at.data_editor)


def type_in(at, **kwargs):
    at.session_state[editor_key(at)] = {"edited_rows": kwargs.get("edited", {}), "added_rows": kwargs.get("added", []),
                                        "deleted_rows": kwargs.get("deleted", [])}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def store() -> Repository:
    return Repository.open(database_url())


def stored_rows(owner="local") -> list[dict]:
    return store().workspaces.load(owner).workspace.debt_rows


def test_typed_rows_invalid_included_survive_a_new_session():
    at = run_page(DEBTS)
    assert "不是您的债务" in page_texts(at)                                   # the sample is marked as such
    type_in(at, edited={0: {"balance": "八千"}}, added=[{"name": "新平台", "balance": "1万", "annual_rate": "20%",
                                                          "min_payment": "500"}])
    assert "不是您的债务" not in page_texts(at)                               # edited: now the person's own
    assert stored_rows()[0]["balance"] == "八千" and stored_rows()[-1]["name"] == "新平台"
    again = run_page(DEBTS)                                               # reload / new tab / restart
    assert again.data_editor[0].value.iloc[0]["balance"] == "八千"
    assert len(again.data_editor[0].value) == 8 and "不是您的债务" not in page_texts(again)
    assert "第1行 余额：'八千' 不是数字" in again.error[0].value              # still shown, still kept


def test_the_sample_loads_only_into_an_empty_first_workspace():
    at = run_page(DEBTS)
    at.button(key="debts.btn_empty").click().run()
    at.button(key="debts.btn_empty.yes").click().run()
    assert metric(at, "计入的债务") == "0"
    again = run_page(DEBTS)
    assert metric(again, "计入的债务") == "0" and "不是您的债务" not in page_texts(again)


def test_start_empty_is_confirmed_and_undone_even_after_a_reload():
    at = run_page(DEBTS)
    type_in(at, edited={1: {"name": "我自己的"}})
    at.button(key="debts.btn_empty").click().run()
    assert "确定吗" in page_texts(at) and metric(at, "计入的债务") == "7"
    at.button(key="debts.btn_empty.no").click().run()                    # cancel: nothing happens
    assert metric(at, "计入的债务") == "7"
    at.button(key="debts.btn_empty").click().run()
    at.button(key="debts.btn_empty.yes").click().run()
    assert metric(at, "计入的债务") == "0" and "已清空" in page_texts(at)
    at.button(key="workspace.undo_notice").click().run()
    assert metric(at, "计入的债务") == "7" and stored_rows()[1]["name"] == "我自己的"
    # again, then undo from the My data page of a new session
    at.button(key="debts.btn_empty").click().run()
    at.button(key="debts.btn_empty.yes").click().run()
    later = run_page(MYDATA)
    assert "清空重新开始" in page_texts(later)                             # the history says what happened
    later.button(key="workspace.undo").click().run()
    later.switch_page(DEBTS).run()
    assert metric(later, "计入的债务") == "7"
    assert later.data_editor[0].value.iloc[1]["name"] == "我自己的"


def test_csv_upload_asks_replace_or_append():
    at = run_page(DEBTS)
    type_in(at, edited={0: {"name": "我的卡"}})                           # own data now
    data = "name,balance,annual_rate,min_payment\n新网贷,5000,18,200\n".encode()
    at.file_uploader(key="debts.upload").upload("more.csv", data, "text/csv").run()
    assert "表格里已有 7 行" in page_texts(at) and len(stored_rows()) == 7  # asked, nothing changed yet
    at.button(key="debts.upload_append").click().run()
    assert [r["name"] for r in stored_rows()][0::7] == ["我的卡", "新网贷"]
    at.button(key="workspace.undo_notice").click().run()
    assert len(stored_rows()) == 7


def test_a_stale_tab_is_refused_with_the_message():
    tab_a, tab_b = run_page(DEBTS), run_page(DEBTS)                       # two tabs, same workspace
    type_in(tab_a, edited={0: {"balance": "11111"}})
    type_in(tab_b, edited={0: {"balance": "22222"}})
    assert "另一个标签页或设备上被修改" in page_texts(tab_b)
    assert stored_rows()[0]["balance"] == "11111"                          # never overwritten
    tab_b.button(key="workspace.conflict.load").click().run()
    assert "另一个标签页" not in page_texts(tab_b)
    assert tab_b.data_editor[0].value.iloc[0]["balance"] == "11111"


def test_stale_tab_may_explicitly_keep_its_version_and_the_other_stays_restorable():
    tab_a, tab_b = run_page(DEBTS, "en"), run_page(DEBTS, "en")
    type_in(tab_a, edited={0: {"balance": "11111"}})
    type_in(tab_b, edited={0: {"balance": "22222"}})
    assert "changed in another tab" in page_texts(tab_b)
    tab_b.button(key="workspace.conflict.keep").click().run()
    assert stored_rows()[0]["balance"] == "22222"
    states = store().workspaces.history("local")
    assert any(s.workspace.debt_rows and s.workspace.debt_rows[0]["balance"] == "11111" for s in states)


def sign_in(monkeypatch, user: str) -> AppTest:
    monkeypatch.setenv("PLANNER_PASSWORD", "pw")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["lang"] = "zh"
    at.session_state[state.DEBT_VIEW] = "table"
    at.run()
    at.text_input(key=f"{state.AUTH_FORM}.user").input(user)
    at.text_input(key=state.AUTH_INPUT).input("pw")
    at.button[0].click().run()
    at.switch_page(DEBTS).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_password_users_never_see_each_others_data(monkeypatch):
    alice = sign_in(monkeypatch, "alice")
    type_in(alice, edited={0: {"name": "爱丽丝的借呗"}})
    bob = sign_in(monkeypatch, "bob")
    names = list(bob.data_editor[0].value["name"])
    assert "爱丽丝的借呗" not in names and "不是您的债务" in page_texts(bob)
    type_in(bob, deleted=[0, 1, 2, 3, 4, 5, 6])
    assert stored_rows("user:alice")[0]["name"] == "爱丽丝的借呗"
    assert stored_rows("user:bob") == [] and stored_rows("local") == []
    alice_again = sign_in(monkeypatch, "alice")
    assert alice_again.data_editor[0].value.iloc[0]["name"] == "爱丽丝的借呗"


def test_my_data_page_exports_and_deletes_everything():
    at = run_page(DEBTS, "en")
    type_in(at, edited={0: {"name": "MyOwnCard"}})
    at.switch_page(MYDATA).run()
    assert "on the computer that runs this planner" in page_texts(at)
    assert "planner.sqlite3" not in "\n".join(str(e.value) for e in at.main.markdown)
    assert at.download_button(key="workspace.export").label == "Export all my data (zip)"
    data = store().workspaces.export("local")
    doc = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("client.json"))
    assert doc["workspace"]["debt_rows"][0]["name"] == "MyOwnCard"
    assert at.button(key="workspace.delete").disabled
    at.checkbox(key="workspace.delete_sure").check().run()
    at.button(key="workspace.delete").click().run()
    assert not at.exception and "All your data was deleted" in page_texts(at)
    assert store().workspaces.references("local") == 0
    at.switch_page(DEBTS).run()
    assert metric(at, "Debts counted") == "0"


def test_opening_a_client_resets_every_page_to_that_client(monkeypatch):
    repo = store()
    first, second = repo.create_client("客户甲"), repo.create_client("客户乙")
    repo.workspaces.save("client:%d" % first.id, repo.workspaces.load("x").workspace.with_changes(
        incidents=[{"id": "inc-a", "lender": "甲的网贷", "date": "2026-11-01", "channel": "call",
                    "summary": "甲的记录"}]), expected_version=0)
    at = run_page(CLIENTS)
    at.selectbox(key=f"{state.CLIENT_FORM}.choose").set_value(first.id).run()
    next(b for b in at.button if b.key == f"{state.CLIENT_FORM}.open").click().run()
    assert [r["id"] for r in at.session_state[state.RIGHTS_INCIDENTS]] == ["inc-a"]
    at.selectbox(key=f"{state.CLIENT_FORM}.choose").set_value(second.id).run()
    next(b for b in at.button if b.key == f"{state.CLIENT_FORM}.open").click().run()
    assert not at.exception
    assert at.session_state[state.RIGHTS_INCIDENTS] == []                 # not the previous client's log
    assert at.session_state[state.DEBT_ROWS] == []
    assert "已存 0 个方案版本" in page_texts(at)


def test_reload_the_client_reloads_its_data_and_a_stale_log_write_is_refused():
    repo = store()
    c = repo.create_client("客户丙")
    repo.save_incidents(c.id, [{"id": "mine", "lender": "某网贷"}], expected_version=1)
    at = run_page(CLIENTS)
    next(b for b in at.button if b.key == f"{state.CLIENT_FORM}.open").click().run()
    assert [r["id"] for r in at.session_state[state.RIGHTS_INCIDENTS]] == ["mine"]
    # another session appends an incident to the stored log meanwhile
    repo.add_incident(c.id, {"id": "theirs", "lender": "某网贷"}, expected_version=repo.get_client(c.id).version)
    next(b for b in at.button if b.key == f"{state.CLIENT_FORM}.inc_save").click().run()
    assert "已在另一个会话中被修改" in page_texts(at)
    assert {r["id"] for r in repo.load_incidents(c.id)} == {"mine", "theirs"}   # not deleted
    next(b for b in at.button if b.key == f"{state.CLIENT_FORM}.reload").click().run()
    assert {r["id"] for r in at.session_state[state.RIGHTS_INCIDENTS]} == {"mine", "theirs"}
    next(b for b in at.button if b.key == f"{state.CLIENT_FORM}.inc_save").click().run()
    assert {r["id"] for r in repo.load_incidents(c.id)} == {"mine", "theirs"}


def test_client_list_and_counts_refresh_and_the_method_is_kept():
    at = run_page(CLIENTS)
    assert "还没有客户" in page_texts(at)
    at.text_input(key=f"{state.CLIENT_FORM}.new_name").input("新客户")
    next(b for b in at.button if b.label == "新建").click().run()
    assert "还没有客户" not in page_texts(at) and "已新建客户" in page_texts(at)
    at.selectbox(key=f"{state.CLIENT_FORM}.method").set_value("equal_term")
    next(b for b in at.button if b.label == "保存新版本").click().run()
    next(b for b in at.button if b.label == "保存新版本").click().run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.iloc[:, 3]) == [2]                                    # 方案版本数 right after saving
    assert "已存 2 个方案版本" in page_texts(at)
    assert at.selectbox(key=f"{state.CLIENT_FORM}.method").value == "equal_term"
    diff = page_texts(at)
    assert "协商方式" not in diff and "两个版本没有差别" in diff                 # no phantom change


def test_chosen_strategy_and_negotiation_method_are_kept_in_the_workspace():
    at = run_page("ui/pages/compare.py")
    at.selectbox(key=state.COMPARE_STRATEGY).set_value("snowball").run()
    at.switch_page("ui/pages/negotiate.py").run()
    last = list(METHODS)[-1]
    at.radio(key=state.NEG_METHOD).set_value(last).run()
    assert not at.exception
    ws = store().workspaces.load("local").workspace
    assert ws.settings["strategy"] == "snowball" and ws.negotiation["method"] == last
    again = run_page("ui/pages/compare.py")                               # a new session
    assert again.selectbox(key=state.COMPARE_STRATEGY).value == "snowball"


def test_hand_adjustments_of_the_negotiation_survive_a_new_session_and_reset_clears_them():
    page = "ui/pages/negotiate.py"
    at = run_page(page, "en", state={state.NEG_SECTION: "adjust"})
    at.session_state[f"{state.NEG_EDITOR}.0.7"] = {"edited_rows": {1: {"months": 12}}, "added_rows": [],
                                                   "deleted_rows": []}
    at.run()
    assert not at.exception
    saved = store().workspaces.load("local").workspace.negotiation["overrides"]
    assert list(saved.values()) == [{"months": 12}]
    again = run_page(page, "en")                                          # a reload (the letters part open)
    assert again.dataframe[0].value.loc[1, "Instalments"] == 12
    again.session_state[state.NEG_SECTION] = "adjust"
    again.run().button(key=f"{state.NEG_EDITOR}.reset").click().run()
    assert store().workspaces.load("local").workspace.negotiation["overrides"] == {}


def test_sign_out_leaves_nothing_for_the_next_user_of_the_same_browser(monkeypatch):
    at = sign_in(monkeypatch, "alice")
    type_in(at, edited={0: {"name": "爱丽丝的借呗"}})
    at.button(key=state.AUTH_LOGOUT).click().run()
    assert state.DEBT_ROWS not in at.session_state and state.WS_DATA not in at.session_state
    at.text_input(key=f"{state.AUTH_FORM}.user").input("bob")
    at.text_input(key=state.AUTH_INPUT).input("pw")
    at.button[0].click().run()
    at.switch_page(DEBTS).run()
    assert not at.exception
    assert "爱丽丝的借呗" not in [r["name"] for r in state_rows(at)]      # the next user: none of it
    assert stored_rows("user:bob")[0]["name"] != "爱丽丝的借呗"


def test_without_a_database_the_pages_work_and_say_nothing_is_saved(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "mysql://nobody@nowhere/x")
    at = run_page(DEBTS, "en")
    assert metric(at, "Debts counted") == "7"
    texts = page_texts(at)           # the detail is escaped for Markdown (shown as DATABASE_URL)
    assert "Your data cannot be saved" in texts and "DATABASE\\_URL" in texts
    type_in(at, edited={0: {"name": "still editable"}})
    assert at.session_state[state.DEBT_ROWS][0]["name"] == "still editable"


def state_rows(at: AppTest) -> list[dict]:
    """The debt rows the app holds for this session (whichever entry view is shown)."""
    return list(at.session_state[state.WS_DATA].debt_rows)
