"""The sign-in gate: nothing is shown before the user is identified, when the app is configured so.

Called by the shell before navigation (``if not auth.gate(): st.stop()``).

* **An agency's OpenID Connect** (Google, Microsoft Entra, Okta, Keycloak …): an ``[auth]`` section in
  ``.streamlit/secrets.toml`` turns on Streamlit's ``st.login``; the identity provider does the sign-in.
* **A shared password**: ``PLANNER_PASSWORD``.  The comparison is constant-time
  (:func:`hmac.compare_digest`); the password is never stored in session state, only the fact that it
  was given.
* Both configured: both are asked for.  Neither: single-user local mode, said in the sidebar.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping

import streamlit as st

import ui.text.clients  # noqa: F401  (registers the gate's texts)
from planner import settings, t
from ui import state


def _matches(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _sign_out() -> None:
    st.session_state[state.AUTH_OK] = False


def oidc_provider() -> str | None:
    """``""`` for the default provider of ``[auth]``, a provider's name for ``[auth.<name>]``, or ``None``
    when OpenID Connect is not configured (no secrets file, or no ``[auth]`` section)."""
    try:
        auth = st.secrets.get("auth")
    except Exception:  # no secrets.toml at all, or a malformed one: not configured
        return None
    if not isinstance(auth, Mapping) or not auth:
        return None
    if "client_id" in auth:
        return ""
    return next((name for name, value in auth.items() if isinstance(value, Mapping)), None)


def logged_in() -> bool:
    return bool(getattr(st.user, "is_logged_in", False))   # absent until a login flow ran


def _oidc_gate(provider: str, lang: str) -> bool:
    if logged_in():
        with st.sidebar:
            who = st.user.get("email") or st.user.get("name") or ""
            st.caption(t("store.auth.oidc_signed_in", lang, who=who))
            st.button(t("store.auth.logout", lang), key=f"{state.AUTH_LOGOUT}.oidc", on_click=st.logout)
        return True
    st.title(t("store.auth.oidc_title", lang))
    st.caption(t("store.auth.oidc_intro", lang))
    if st.button(t("store.auth.oidc_enter", lang), type="primary", key=f"{state.AUTH_FORM}.oidc"):
        if provider:
            st.login(provider)
        else:
            st.login()
    return False


def gate() -> bool:
    """``True`` when the app may show its pages; otherwise it has drawn the sign-in form."""
    lang = state.lang()
    provider = oidc_provider()
    if provider is not None and not _oidc_gate(provider, lang):
        return False
    expected = settings.get("PLANNER_PASSWORD")
    if not expected:
        if provider is None:
            with st.sidebar:
                st.caption(t("store.auth.local_mode", lang), help=t("store.auth.local_mode_admin", lang))
        return True
    if st.session_state.get(state.AUTH_OK):
        with st.sidebar:
            st.caption(t("store.auth.signed_in", lang))
            st.button(t("store.auth.logout", lang), key=state.AUTH_LOGOUT, on_click=_sign_out)
        return True
    st.title(t("store.auth.title", lang))
    st.caption(t("store.auth.intro", lang))
    with st.form(state.AUTH_FORM, clear_on_submit=True):
        given = st.text_input(t("store.auth.password", lang), type="password", key=state.AUTH_INPUT)
        submitted = st.form_submit_button(t("store.auth.enter", lang), type="primary")
    if submitted:
        if _matches(given or "", expected):
            st.session_state[state.AUTH_OK] = True
            st.rerun()
        st.error(t("store.auth.wrong", lang))
    return False
