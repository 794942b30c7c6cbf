"""The sign-in gate: nothing is shown before the user is identified, when the app is configured so.

Called by the shell before navigation (``if not auth.gate(): st.stop()``).

* **An agency's OpenID Connect** (Google, Microsoft Entra, Okta, Keycloak …): an ``[auth]`` section in
  ``.streamlit/secrets.toml`` turns on Streamlit's ``st.login``; the identity provider does the sign-in.
* **A shared password**: ``PLANNER_PASSWORD``.  The comparison is constant-time
  (:func:`hmac.compare_digest`); the password is never stored in session state, only the fact that it
  was given.
* Both configured: both are asked for.  Neither: single-user local mode, said in the sidebar.
* **Agency accounts** (``PLANNER_ACCOUNTS=on``, or ``auto`` once a user exists): each person signs in as
  themselves — the OIDC e-mail must be a registered, enabled user; without OIDC, a local account's e-mail
  and password (argon2, with the persisted back-off of :class:`planner.storage.Accounts`).  The
  signed-in :class:`~planner.storage.Principal` decides which clients the pages see (ui/access.py);
  ``PLANNER_PASSWORD`` is not asked then.
"""

from __future__ import annotations

import hmac
import math
from collections.abc import Mapping

import streamlit as st

import ui.text.clients  # noqa: F401  (registers the gate's texts)
from planner import escape, settings, t
from planner.storage import SHARED_PASSWORD, Agency, Principal, StorageError
from ui import access, state
from ui.guard import guarded
from ui.safe import md


def _matches(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _sign_out() -> None:
    st.session_state[state.AUTH_OK] = False
    st.session_state.pop(state.AUTH_USER, None)     # the next sign-in loads that user's own workspace …
    state.forget()                                   # … with nothing of this one left in the session
    access.set_principal(None)


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


def oidc_email() -> str:
    """The e-mail the identity provider returned for the signed-in user (``""`` if none)."""
    return str(st.user.get("email") or "")


def _oidc_gate(provider: str, lang: str) -> bool:
    if logged_in():
        with st.sidebar:
            who = st.user.get("email") or st.user.get("name") or ""
            st.caption(md(t, "store.auth.oidc_signed_in", lang, who=who))
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


def _sign_out_everywhere() -> None:
    _sign_out()
    if logged_in():
        st.logout()


def _signed_in_as(agency: Agency, lang: str) -> bool:
    """Keep the session's account only while the user exists and is enabled (checked on every run)."""
    who = st.session_state.get(state.AUTH_PRINCIPAL)
    user = agency.accounts.user_by_id(who.user_id) if who is not None and who.user_id is not None else None
    if user is None or user.disabled:
        access.set_principal(None)
        return False
    access.set_principal(Principal.of(user))          # role / team changes apply at once
    with st.sidebar:
        st.caption(t("acc.signed_in", lang, email=escape.markdown(user.email), role=t(f"acc.role.{user.role}", lang)))
        st.button(t("store.auth.logout", lang), key=f"{state.AUTH_LOGOUT}.acc", on_click=guarded(_sign_out_everywhere))
    return True


def _account_form(agency: Agency, lang: str) -> None:
    st.title(t("acc.title", lang))
    st.caption(t("acc.intro", lang))
    with st.form(f"{state.AUTH_FORM}.acc", clear_on_submit=True):
        email = st.text_input(t("acc.email", lang), key=f"{state.AUTH_FORM}.email")
        given = st.text_input(t("acc.password", lang), type="password", key=f"{state.AUTH_INPUT}.acc")
        submitted = st.form_submit_button(t("acc.enter", lang), type="primary")
    if not submitted:
        return
    result = agency.accounts.authenticate(email or "", given or "")
    if result.ok:
        access.set_principal(Principal.of(result.user))
        st.rerun()
    if result.locked_until is not None:
        minutes = max(1, math.ceil((result.locked_until - agency.accounts.clock()).total_seconds() / 60))
        st.error(t("acc.locked", lang, minutes=minutes))
    else:
        st.error(t("acc.wrong", lang))


def _agency_gate(agency: Agency, provider: str | None, lang: str) -> bool:
    if provider is not None and not logged_in():      # the identity provider's sign-in ended
        access.set_principal(None)
    if _signed_in_as(agency, lang):
        return True
    if provider is None:
        _account_form(agency, lang)
        return False
    if not _oidc_gate(provider, lang):
        return False
    email = oidc_email()
    user = agency.accounts.find_user(email) if email else None
    if user is None or user.disabled:
        st.error(md(t, "acc.not_registered", lang, email=email or "?"))
        return False
    access.set_principal(Principal.of(user))
    return _signed_in_as(agency, lang)


def gate() -> bool:
    """``True`` when the app may show its pages; otherwise it has drawn the sign-in form."""
    lang = state.lang()
    provider = oidc_provider()
    try:
        agency = access.agency_mode()
    except (StorageError, settings.SettingError) as e:
        st.error(md(t, "acc.db_error", lang, detail=e.message(lang) if isinstance(e, StorageError) else str(e)))
        return False
    if agency is not None:
        return _agency_gate(agency, provider, lang)
    if provider is not None and logged_in() and st.session_state.get(state.AUTH_PRINCIPAL) is None:
        access.set_principal(Principal(oidc_email() or "oidc", "admin"))
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
            st.button(t("store.auth.logout", lang), key=state.AUTH_LOGOUT, on_click=guarded(_sign_out))
        return True
    st.title(t("store.auth.title", lang))
    st.caption(t("store.auth.intro", lang))
    with st.form(state.AUTH_FORM, clear_on_submit=True):
        user = st.text_input(t("store.auth.user", lang), key=f"{state.AUTH_FORM}.user",
                             help=t("store.auth.user_help", lang))
        given = st.text_input(t("store.auth.password", lang), type="password", key=state.AUTH_INPUT)
        submitted = st.form_submit_button(t("store.auth.enter", lang), type="primary")
    if submitted:
        if _matches(given or "", expected):
            st.session_state[state.AUTH_OK] = True
            # each user name has its own workspace (owner "user:<name>"); empty: the shared one
            st.session_state[state.AUTH_USER] = " ".join((user or "").split())[:200] or None
            if st.session_state.get(state.AUTH_PRINCIPAL) is None:
                access.set_principal(SHARED_PASSWORD)
            st.rerun()
        st.error(t("store.auth.wrong", lang))
    return False
