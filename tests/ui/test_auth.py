"""The sign-in gate with an agency's OpenID Connect (st.login), alone and together with the password."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import ui.auth
from tests.ui.conftest import APP, TIMEOUT
from ui import state

DEFAULT = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
           "client_id": "planner", "client_secret": "s", "server_metadata_url": "https://idp.example/.well-known"}


def app(secrets: dict | None, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    if secrets is not None:
        at.secrets["auth"] = secrets
    return at.run()


@pytest.fixture(autouse=True)
def no_password(monkeypatch, tmp_path):
    monkeypatch.delenv("PLANNER_PASSWORD", raising=False)
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path))


@pytest.mark.parametrize("secrets, provider", [
    (DEFAULT, ""),                                                         # [auth] with the provider inline
    ({"redirect_uri": "u", "cookie_secret": "c", "microsoft": {"client_id": "m"}}, "microsoft"),  # [auth.microsoft]
])
def test_configured_oidc_shows_nothing_but_the_sign_in(secrets, provider, monkeypatch):
    calls = []
    monkeypatch.setattr(ui.auth.st, "login", lambda *a: calls.append(a))
    at = app(secrets)
    assert not at.exception
    assert at.title[0].value == "Sign in with your organisation's account"
    assert not at.data_editor and not at.dataframe                   # no debts table, no client
    assert not any("Single-user mode" in c.value for c in at.sidebar.caption)
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert calls == [((provider,) if provider else ())]


def test_signed_in_user_sees_the_app_and_a_sign_out(monkeypatch):
    monkeypatch.setattr(ui.auth, "logged_in", lambda: True)
    at = app(DEFAULT, "zh")
    assert not at.exception
    assert at.title[0].value.endswith("本月要还的钱")      # the default page once debts exist: this month
    assert any("已登录" in c.value for c in at.sidebar.caption)
    assert any(b.label == "退出登录" for b in at.sidebar.button)


def test_oidc_and_password_together_ask_for_both(monkeypatch):
    monkeypatch.setattr(ui.auth, "logged_in", lambda: True)
    monkeypatch.setenv("PLANNER_PASSWORD", "pw")
    at = app(DEFAULT)
    assert at.title[0].value == "Enter the password" and not at.data_editor
    at.text_input(key=state.AUTH_INPUT).input("pw")
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert not at.exception and at.title[0].value.endswith("what to pay this month")


def test_without_auth_section_it_is_local_mode():
    at = app(None)
    assert at.title[0].value.endswith("what to pay this month")
    [caption] = [c for c in at.sidebar.caption if "Single-user mode" in c.value]
    assert "PLANNER_PASSWORD" not in caption.value              # deployment details only in the admin's tooltip
    assert "PLANNER_PASSWORD" in caption.help
