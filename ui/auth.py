"""The password gate: when ``PLANNER_PASSWORD`` is set, nothing is shown before it is given.

Called by the shell before navigation (``if not auth.gate(): st.stop()``).
Without a password the app is in single-user local mode, and says so in the
sidebar.  The comparison is constant-time (:func:`hmac.compare_digest`); the
password is never stored in session state, only the fact that it was given.
"""

from __future__ import annotations

import hmac

import streamlit as st

import ui.text.clients  # noqa: F401  (registers the gate's texts)
from planner import settings, t
from ui import state


def _matches(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _sign_out() -> None:
    st.session_state[state.AUTH_OK] = False


def gate() -> bool:
    """``True`` when the app may show its pages; otherwise it has drawn the sign-in form."""
    lang = state.lang()
    expected = settings.get("PLANNER_PASSWORD")
    if not expected:
        with st.sidebar:
            st.caption(t("store.auth.local_mode", lang))
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
