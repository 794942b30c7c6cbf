"""Clients page and password gate (AppTest), on a SQLite file in a temporary data directory."""

from __future__ import annotations

import pytest

from planner import BudgetPlan
from planner.storage import Repository, database_url
from tests.ui.conftest import APP, TIMEOUT, page_texts, run_page
from ui import state

from .helpers import CLIENT_NAME, debts_v1, debts_v2, save_plan

PAGE = "ui/pages/clients.py"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("PLANNER_PASSWORD", raising=False)
    return tmp_path / "data"


@pytest.fixture
def repo(data_dir):
    r = Repository.open(database_url())
    yield r
    r.close()


def seeded(repo: Repository) -> int:
    c = repo.create_client(CLIENT_NAME)
    save_plan(repo, c.id, debts_v1(), 4000, "avalanche", "第一次面谈")
    repo.save_plan_version(c.id, debts=debts_v2(), budget=BudgetPlan(income=9000, expenses={"rent": 2000}).to_dict(),
                           strategy="snowball", label="第二次面谈")
    repo.create_client("Li Lei")
    return c.id


def button(at, suffix):
    return next(b for b in at.button if b.key and b.key.endswith(suffix))


def open_client(at, client_id):
    next(s for s in at.selectbox if s.key == f"{state.CLIENT_FORM}.choose").set_value(client_id)
    button(at, ".open").click().run()
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("lang, expect", [
    ("zh", ["客户列表", "单用户模式", "新增债务：亲戚借款", "已还清或移除：花呗", "借呗 余额：¥12,000.00 → ¥9,500.00（-¥2,500.00）",
            "还款策略：先还利率最高的（雪崩法） → 先还余额最小的（雪球法）"]),
    ("en", ["Client list", "Single-user mode", "New debt: 亲戚借款", "Paid off or removed: 花呗",
            "借呗 balance: ¥12,000.00 → ¥9,500.00 (-¥2,500.00)", "Strategy: Highest rate first (avalanche) → "
            "Smallest balance first (snowball)"]),
])
def test_list_open_and_version_diff(repo, lang, expect):
    client_id = seeded(repo)
    at = run_page(PAGE, lang)
    table = at.dataframe[0].value
    assert set(table.iloc[:, 0]) == {CLIENT_NAME, "Li Lei"}
    open_client(at, client_id)
    text = page_texts(at)
    for piece in expect:
        assert piece in text, piece
    # the latest plan is now the working state: its debts and budget
    debts, issues = state_debts(at)
    assert [d.name for d in debts] == [d.name for d in debts_v2()] and not issues
    assert at.session_state[state.BUDGET_PLAN].income == 9000


def state_debts(at):
    from planner import parse_debt_rows
    return parse_debt_rows(at.session_state[state.DEBT_ROWS])


def test_create_client_save_version_and_record_negotiation(repo):
    at = run_page(PAGE, "en")
    assert "No clients yet" in page_texts(at)
    at.text_input(key=f"{state.CLIENT_FORM}.new_name").input("Counsellor test")
    next(b for b in at.button if "Create" in b.label).click().run()
    assert not at.exception
    client = repo.list_clients()[0]
    assert client.display_name == "Counsellor test"
    assert at.session_state[state.CLIENT_ID] == client.id
    # save the working plan (the sample debts and budget) as version 1
    next(b for b in at.button if b.label == "Save new version").click().run()
    assert not at.exception, [e.value for e in at.exception]
    versions = repo.list_plan_versions(client.id)
    assert len(versions) == 1 and versions[0].summary.total_cost is not None
    assert at.session_state[state.CLIENT_VERSION] == repo.get_client(client.id).version == 2
    # record that a lender accepted with terms
    lender = versions[0].debt_records[0]["name"]
    at.selectbox(key=f"{state.CLIENT_FORM}.neg_lender").set_value(lender)
    at.radio(key=f"{state.CLIENT_FORM}.neg_status").set_value("accepted")
    at.number_input(key=f"{state.CLIENT_FORM}.neg_monthly").set_value(800.0)
    at.number_input(key=f"{state.CLIENT_FORM}.neg_months").set_value(24)
    next(b for b in at.button if b.label == "Record").click().run()
    assert not at.exception
    status = repo.negotiation_status(client.id)[lender]
    assert (status.status, status.terms) == ("accepted", {"monthly_yuan": 800.0, "months": 24})
    assert "¥800.00 a month × 24 months" in "\n".join(str(df.value.to_string()) for df in at.dataframe)


def test_a_change_from_another_session_is_a_conflict_not_an_overwrite(repo):
    client_id = seeded(repo)
    at = run_page(PAGE, "zh")
    open_client(at, client_id)
    repo.rename_client(client_id, "别的咨询师改了名",          # another session writes meanwhile
                       expected_version=repo.get_client(client_id).version)
    next(b for b in at.button if b.label == "保存新版本").click().run()
    assert not at.exception
    assert "已在另一个会话中被修改" in page_texts(at)
    assert len(repo.list_plan_versions(client_id)) == 2     # nothing written


def test_delete_needs_confirmation_and_removes_everything(repo):
    client_id = seeded(repo)
    at = run_page(PAGE, "en")
    open_client(at, client_id)
    delete = button(at, ".delete")
    assert delete.disabled
    at.checkbox(key=f"{state.CLIENT_FORM}.confirm").check().run()
    button(at, ".delete").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert set(repo.references_to(client_id).values()) == {0}
    assert [c.display_name for c in repo.list_clients()] == ["Li Lei"]


def test_password_gate_blocks_everything_until_the_password(repo, monkeypatch):
    from streamlit.testing.v1 import AppTest
    seeded(repo)
    monkeypatch.setenv("PLANNER_PASSWORD", "s3cret 密码")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert at.title[0].value == "Enter the password"
    assert CLIENT_NAME not in page_texts(at) and not at.dataframe
    at.text_input(key=state.AUTH_INPUT).input("wrong")
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert "Wrong password" in page_texts(at)
    assert state.AUTH_OK not in at.session_state or not at.session_state[state.AUTH_OK]
    assert at.title[0].value == "Enter the password" and not at.dataframe
    at.text_input(key=state.AUTH_INPUT).input("s3cret 密码")
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert not at.exception
    assert at.session_state[state.AUTH_OK] is True
    assert at.title[0].value != "Enter the password"
    at.switch_page(PAGE).run()
    assert CLIENT_NAME in set(at.dataframe[0].value.iloc[:, 0])
