"""The admin page manages users (AppTest): add with a generated password shown once (or for OIDC sign-in),
bad input said and kept, disable / re-enable, role and team, password reset — each audited by user id, the
destructive ones confirmed first; the last admin cannot disable or demote themselves; counsellors and
viewers never see the page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from planner.escape import markdown as esc
from tests.ui.conftest import APP, TIMEOUT, page_texts
from ui import state

from .test_agency_pages import ADMIN_PAGE, agency, sign_in  # noqa: F401  (agency: the fixture)

A = state.ADMIN


def admin_page(lang: str = "en") -> AppTest:
    at = sign_in("boss@example.org", lang=lang)
    at.switch_page(ADMIN_PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def button(at: AppTest, *, key: str | None = None, label: str | None = None):
    return next(b for b in at.button if (key is None or b.key == key) and (label is None or b.label == label))


def account_records(ag):
    return [(r.actor, r.client_id, r.detail) for r in ag.audit.query(action="account")]


def add(at: AppTest, email: str, role: str = "counsellor", team: str = "", signin: str = "password",
        lang: str = "en") -> AppTest:
    at.text_input(key=f"{A}.new.email").input(email)
    at.selectbox(key=f"{A}.new.role").set_value(role)
    at.text_input(key=f"{A}.new.team").input(team)
    at.radio(key=f"{A}.new.signin").set_value(signin)
    button(at, label="Add the user" if lang == "en" else "添加").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def choose(at: AppTest, agency, email: str) -> int:
    uid = agency.accounts.get_user(email).id
    at.selectbox(key=f"{A}.user").set_value(uid).run()
    return uid


def test_add_a_user_the_password_is_shown_once(agency):
    at = add(admin_page(), "Dee@Example.org", role="viewer", team="north")
    dee = agency.accounts.get_user("dee@example.org")
    assert (dee.role, dee.team, dee.has_password, dee.disabled) == ("viewer", "north", True, False)
    assert f"User {esc('dee@example.org')} added." in page_texts(at)
    assert "shown only this once" in page_texts(at)
    [code] = at.code
    password = code.value
    assert agency.accounts.authenticate("dee@example.org", password).ok
    assert "dee@example.org" in set(at.dataframe[0].value.iloc[:, 0])        # the table has the new user
    assert at.text_input(key=f"{A}.new.email").value == ""                     # the form is empty again
    assert account_records(agency) == [("boss@example.org", None, f"add_user:{dee.id}")]
    at.run()                                                                   # never shown again
    assert not at.code and password not in page_texts(at)
    assert password not in repr(agency.audit.query()) and password not in repr(dict(at.session_state))


def test_add_a_user_for_oidc_sign_in(agency):
    at = add(admin_page(), "eve@example.org", signin="oidc")
    eve = agency.accounts.get_user("eve@example.org")
    assert not eve.has_password and not at.code
    choose(at, agency, "eve@example.org")
    assert "has no password here" in page_texts(at)
    assert not any(b.key == f"{A}.reset.{eve.id}" for b in at.button)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bad_input_is_said_and_what_was_typed_is_kept(agency, lang):
    at = add(admin_page(lang), "dee@example", role="viewer", team="north", lang=lang)
    expected = (f"'{esc('dee@example')}' is not an e-mail address" if lang == "en"
                else f"“{esc('dee@example')}” 不是有效的电子邮件地址")
    assert expected in "\n".join(e.value for e in at.error)
    assert at.text_input(key=f"{A}.new.email").value == "dee@example"
    assert at.text_input(key=f"{A}.new.team").value == "north"
    assert at.selectbox(key=f"{A}.new.role").value == "viewer"
    at = add(at, "ANA@example.org", role="viewer", team="north", lang=lang)
    expected = "already exists" if lang == "en" else "已存在"
    assert expected in "\n".join(e.value for e in at.error)
    assert at.text_input(key=f"{A}.new.email").value == "ANA@example.org"
    assert agency.accounts.get_user("ana@example.org").role == "counsellor"
    assert len(agency.accounts.list_users()) == 3 and account_records(agency) == []
    assert not at.code


def test_disable_asks_first_then_re_enable(agency):
    at = admin_page()
    uid = choose(at, agency, "ana@example.org")
    button(at, key=f"{A}.disable.{uid}").click().run()
    assert "can no longer sign in" in "\n".join(w.value for w in at.warning)      # asked, not done yet
    assert not agency.accounts.get_user("ana@example.org").disabled
    button(at, key=f"{A}.disable.{uid}.no").click().run()                        # cancelled
    assert not agency.accounts.get_user("ana@example.org").disabled
    button(at, key=f"{A}.disable.{uid}").click().run()
    button(at, key=f"{A}.disable.{uid}.yes").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert agency.accounts.get_user("ana@example.org").disabled
    assert f"{esc('ana@example.org')} is disabled." in page_texts(at)
    button(at, key=f"{A}.enable.{uid}").click().run()                            # re-enabling needs no question
    assert not agency.accounts.get_user("ana@example.org").disabled
    assert account_records(agency) == [("boss@example.org", None, f"disable_user:{uid}"),
                                       ("boss@example.org", None, f"enable_user:{uid}")]


def test_change_role_and_team(agency):
    at = admin_page()
    uid = choose(at, agency, "ana@example.org")
    at.selectbox(key=f"{A}.role.{uid}").set_value("viewer")
    at.text_input(key=f"{A}.uteam.{uid}").input("south").run()
    button(at, key=f"{A}.save.{uid}").click().run()
    assert esc("will be viewer, team 'south'") in "\n".join(w.value for w in at.warning)
    assert agency.accounts.get_user("ana@example.org").role == "counsellor"
    button(at, key=f"{A}.save.{uid}.yes").click().run()
    ana = agency.accounts.get_user("ana@example.org")
    assert (ana.role, ana.team) == ("viewer", "south")
    assert account_records(agency) == [("boss@example.org", None, f"set_role:{uid}:viewer"),
                                       ("boss@example.org", None, f"set_team:{uid}")]


def test_reset_a_password(agency):
    from .test_agency_pages import PASSWORDS
    at = admin_page()
    uid = choose(at, agency, "cy@example.org")
    button(at, key=f"{A}.reset.{uid}").click().run()
    assert not at.code and agency.accounts.authenticate("cy@example.org", PASSWORDS["cy@example.org"]).ok
    button(at, key=f"{A}.reset.{uid}.yes").click().run()
    [code] = at.code
    assert agency.accounts.authenticate("cy@example.org", code.value).ok
    assert not agency.accounts.authenticate("cy@example.org", PASSWORDS["cy@example.org"]).ok
    assert account_records(agency) == [("boss@example.org", None, f"reset_password:{uid}")]
    at.run()
    assert not at.code


def test_the_last_admin_cannot_disable_or_demote_themselves(agency):
    at = admin_page()
    uid = choose(at, agency, "boss@example.org")
    button(at, key=f"{A}.disable.{uid}").click().run()
    button(at, key=f"{A}.disable.{uid}.yes").click().run()
    assert f"{esc('boss@example.org')} is the last enabled admin" in "\n".join(e.value for e in at.error)
    at.selectbox(key=f"{A}.role.{uid}").set_value("counsellor").run()
    button(at, key=f"{A}.save.{uid}").click().run()
    button(at, key=f"{A}.save.{uid}.yes").click().run()
    assert "last enabled admin" in "\n".join(e.value for e in at.error)
    boss = agency.accounts.get_user("boss@example.org")
    assert (boss.role, boss.disabled) == ("admin", False) and account_records(agency) == []
    assert not at.exception and "Only an admin" not in page_texts(at)            # still the admin page


@pytest.mark.parametrize("role", ["counsellor", "viewer"])
def test_counsellors_and_viewers_do_not_get_the_page(agency, role):
    from .test_agency_pages import PASSWORDS
    email = "vi@example.org"
    agency.accounts.add_user(email, role, password="vi long password")
    PASSWORDS[email] = "vi long password"
    try:
        at = sign_in(email)
    finally:
        del PASSWORDS[email]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(ADMIN_PAGE)
    direct = AppTest.from_file(str(APP.parent / ADMIN_PAGE), default_timeout=TIMEOUT)
    direct.session_state["lang"] = "en"
    direct.session_state[state.AUTH_PRINCIPAL] = at.session_state[state.AUTH_PRINCIPAL]
    direct.run()
    assert "Only an admin can use this page." in page_texts(direct)
    assert not direct.dataframe and not direct.text_input and not direct.button


def test_the_audit_filter_finds_account_changes_with_labels_in_both_languages(agency):
    from planner import t
    from planner.storage.accounts_schema import ACTIONS
    import ui.text.admin  # noqa: F401  (registers the labels)
    for action in ACTIONS:
        labels = {t(f"adm.act.{action}", lang) for lang in ("zh", "en")}
        assert len(labels) == 2 and f"adm.act.{action}" not in labels
    at = add(admin_page("zh"), "dee@example.org", lang="zh")
    dee = agency.accounts.get_user("dee@example.org")
    at.selectbox(key=f"{A}.action").set_value("account").run()
    audit = at.dataframe[1].value
    assert list(audit["detail"]) == [f"add_user:{dee.id}"] and list(audit["user"]) == ["boss@example.org"]
    assert "用户账号" in at.selectbox(key=f"{A}.action").format_func("account")
