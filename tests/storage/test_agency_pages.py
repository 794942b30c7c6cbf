"""Agency mode in the dashboard (AppTest): the account sign-in with back-off, each counsellor's client list,
every action of the clients page audited, consent recorded, the admin page (assign, audit CSV, retention)."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from planner import escape
from planner.storage import Agency, Principal, Repository, database_url, scoped
from tests.ui.conftest import APP, TIMEOUT, page_texts
from ui import state

from .helpers import CLIENT_NAME, debts_v1, save_plan

PAGE = "ui/pages/clients.py"
ADMIN_PAGE = "ui/pages/admin.py"
W = state.CLIENT_FORM
PASSWORDS = {"boss@example.org": "boss long password", "ana@example.org": "ana long password",
             "cy@example.org": "cy long password"}


@pytest.fixture
def agency(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))
    for name in ("DATABASE_URL", "PLANNER_PASSWORD", "PLANNER_ACCOUNTS", "PLANNER_RETENTION_MONTHS",
                 "PLANNER_RETENTION_DELETE"):
        monkeypatch.delenv(name, raising=False)
    repo = Repository.open(database_url())
    ag = Agency.of(repo)
    ag.accounts.add_user("boss@example.org", "admin", password=PASSWORDS["boss@example.org"])
    ag.accounts.add_user("ana@example.org", "counsellor", team="north", password=PASSWORDS["ana@example.org"])
    ag.accounts.add_user("cy@example.org", "counsellor", team="south", password=PASSWORDS["cy@example.org"])
    yield ag
    repo.close()


def as_(ag: Agency, email: str):
    return scoped(ag.repo, Principal.of(ag.accounts.get_user(email)))


def sign_in(email: str, password: str | None = None, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    at.run()
    assert at.title[0].value == ("Sign in with your account" if lang == "en" else "请用您的账号登录")
    at.text_input(key=f"{state.AUTH_FORM}.email").input(email)
    at.text_input(key=f"{state.AUTH_INPUT}.acc").input(password or PASSWORDS[email])
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_sign_in_is_required_and_backs_off(agency):
    as_(agency, "ana@example.org").create_client(CLIENT_NAME)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["lang"] = "en"
    at.run()
    assert CLIENT_NAME not in page_texts(at) and not at.dataframe
    for _ in range(4):
        at = sign_in("ana@example.org", "wrong password")
        assert "Wrong e-mail or password." in page_texts(at)
    at = sign_in("ana@example.org", "wrong again")
    assert "locked" in page_texts(at)
    at = sign_in("ana@example.org")                     # the right password, but locked: refused
    assert "locked" in page_texts(at) and at.session_state[state.AUTH_PRINCIPAL] is None
    with agency.repo.engine.connect() as conn:       # attempts while locked are refused unchecked
        assert conn.exec_driver_sql("SELECT failures FROM login_failures").scalar() == 5


def test_each_counsellor_sees_only_their_clients(agency):
    mine = as_(agency, "ana@example.org").create_client("安娜的客户")
    as_(agency, "cy@example.org").create_client("西的客户")
    at = sign_in("ana@example.org")
    shown = escape.markdown("ana@example.org") + " (counsellor)"          # escaped: no mailto link
    assert shown in "\n".join(c.value for c in at.caption)
    at.switch_page(PAGE).run()
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["安娜的客户"]
    assert set(at.selectbox(key=f"{W}.choose").options) == {f"安娜的客户 ({agency.repo.get_client(mine.id).pseudonym})"}
    # the admin page is not even in the menu for a counsellor, and refuses when reached
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(ADMIN_PAGE)
    direct = AppTest.from_file(str(APP.parent / ADMIN_PAGE), default_timeout=TIMEOUT)
    direct.session_state["lang"] = "en"
    direct.session_state[state.AUTH_PRINCIPAL] = at.session_state[state.AUTH_PRINCIPAL]
    direct.run()
    assert "Only an admin can use this page." in page_texts(direct) and not direct.dataframe
    # an admin sees both
    boss = sign_in("boss@example.org")
    boss.switch_page(PAGE).run()
    assert set(boss.dataframe[0].value.iloc[:, 0]) == {"安娜的客户", "西的客户"}


def test_every_action_of_the_clients_page_is_audited(agency):
    ana = as_(agency, "ana@example.org")
    client = ana.create_client(CLIENT_NAME)
    save_plan(ana, client.id, debts_v1(), 4000, "avalanche", "第一次")
    at = sign_in("ana@example.org")
    at.switch_page(PAGE).run()
    assert agency.audit.query(action="view") == []              # listing the clients is not viewing their files
    before = len(agency.audit.query())
    at.selectbox(key=f"{W}.choose").set_value(client.id)
    next(b for b in at.button if b.key == f"{W}.open").click().run()
    next(b for b in at.button if b.label == "Save new version").click().run()
    at.text_area(key=f"{W}.session_notes").input("第二次面谈")
    next(b for b in at.button if b.label == "Save session notes").click().run()
    next(b for b in at.button if b.key == f"{W}.inc_save").click().run()
    next(b for b in at.button if b.label == "Record the consent").click().run()
    at.checkbox(key=f"{W}.confirm").check().run()
    next(b for b in at.button if b.key == f"{W}.delete").click().run()
    assert not at.exception, [e.value for e in at.exception]
    done = [(r.action, r.detail) for r in agency.audit.query()[before:]]
    assert all(r.actor == "ana@example.org" and r.client_id == client.id for r in agency.audit.query()[before:])
    assert ("view", "draft.load") in done, done          # opening the file (its working draft)
    for expected in [("change", "save_plan_version"), ("change", "add_session"), ("change", "save_incidents"),
                     ("consent", "record_consent"), ("delete", "delete_client_and_evidence")]:
        assert expected in done, expected
    assert "export" not in {a for a, _ in done}               # rendering the download button is not an export
    assert CLIENT_NAME not in repr(agency.audit.query())


def test_admin_assigns_filters_the_audit_and_sees_retention(agency, monkeypatch):
    monkeypatch.setenv("PLANNER_RETENTION_MONTHS", "6")
    c = as_(agency, "cy@example.org").create_client("西的客户")
    consent = as_(agency, "cy@example.org").record_consent(c.id, "用途", date(2026, 1, 1))
    as_(agency, "cy@example.org").withdraw_consent(c.id, consent.id, date(2026, 2, 1))
    at = sign_in("boss@example.org", lang="zh")
    at.switch_page(ADMIN_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert set(at.dataframe[0].value.iloc[:, 0]) == set(PASSWORDS)          # users
    at.selectbox(key=f"{state.ADMIN}.owner").set_value("ana@example.org")
    at.text_input(key=f"{state.ADMIN}.team").input("north")
    next(b for b in at.button if b.label == "保存分配").click().run()
    assert [x.id for x in as_(agency, "ana@example.org").list_clients()] == [c.id]
    assert as_(agency, "cy@example.org").list_clients() == []
    # the audit table, filtered by action
    at.selectbox(key=f"{state.ADMIN}.action").set_value("assign").run()
    audit = at.dataframe[1].value
    assert list(audit["action"]) == ["assign"] and list(audit["user"]) == ["boss@example.org"]
    # retention: the withdrawn file is due; deletion is off by default
    retention = at.dataframe[2].value
    assert list(retention.iloc[:, 0]) == [c.id] and "已撤回同意" in set(retention.iloc[:, 3])
    assert "自动删除未开启" in page_texts(at)


def test_oidc_identity_must_be_a_registered_enabled_user(agency, monkeypatch):
    import ui.auth
    from tests.ui.test_auth import DEFAULT
    as_(agency, "ana@example.org").create_client("安娜的客户")
    monkeypatch.setattr(ui.auth, "logged_in", lambda: True)

    def oidc_run(email: str) -> AppTest:
        monkeypatch.setattr(ui.auth, "oidc_email", lambda: email)
        at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
        at.session_state["lang"] = "en"
        at.secrets["auth"] = DEFAULT
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    stranger = oidc_run("stranger@example.org")
    assert "is not registered or is disabled" in page_texts(stranger) and not stranger.dataframe
    ana = oidc_run("Ana@Example.org")
    assert ana.session_state[state.AUTH_PRINCIPAL].actor == "ana@example.org"
    ana.switch_page(PAGE).run()
    assert list(ana.dataframe[0].value.iloc[:, 0]) == ["安娜的客户"]
    agency.accounts.disable_user("ana@example.org")       # disabled: out at the next click
    ana.run()
    assert "is not registered or is disabled" in page_texts(ana) and not ana.dataframe


def test_local_mode_needs_no_account_and_accounts_on_needs_a_database(tmp_path, monkeypatch):
    for name in ("DATABASE_URL", "PLANNER_PASSWORD", "PLANNER_ACCOUNTS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception and any("Single-user mode" in c.value for c in at.sidebar.caption)
    # (the person's workspace is autosaved in local mode, but no account is looked up or required)
    # an agency that requires accounts never falls back to the single-user mode
    monkeypatch.setenv("PLANNER_ACCOUNTS", "on")
    monkeypatch.setenv("DATABASE_URL", "postgresql://planner@127.0.0.1:1/none")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert "Cannot open the accounts database" in page_texts(at) and not at.data_editor and not at.dataframe
