"""Who is signed in, and the repository as they may see it (ui side of planner.storage.access).

Pages call :func:`scoped_repository` — never ``Repository`` directly — so every read and write of a
client file is permission-checked and audited in the storage layer.  The principal is kept in session
state (``auth.principal``; never a password): ``LOCAL`` in single-user mode, ``SHARED_PASSWORD`` with
``PLANNER_PASSWORD``, the signed-in user with agency accounts (see ui/auth.py).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import ui.text.admin  # noqa: F401  (registers the texts of the sign-in form and the admin page)
from planner import settings, t
from planner.storage import (LOCAL, Agency, Principal, Repository, ScopedRepository, StorageError,
                             database_url)
from ui import state
from ui.safe import md

PRINCIPAL = state.AUTH_PRINCIPAL


def repository() -> Repository:
    """The shared repository of this process (ui/store.py's one handle; raises StorageError / SettingError)."""
    from ui import store
    return store.open_repository(database_url())


def agency_mode() -> Agency | None:
    """The agency when accounts are on (``PLANNER_ACCOUNTS=on``, or ``auto`` and a user exists), else ``None``.

    With ``on`` a database that cannot be opened raises (the gate shows it and stops); with ``auto`` it
    means "no accounts" (the single-user modes need no database to start).
    """
    mode = settings.get("PLANNER_ACCOUNTS")
    if mode == "off":
        return None
    if mode == "auto" and _no_database_yet():
        return None                  # a borrower's first start: no file is created just to look for users
    try:
        agency = Agency.of(repository())
        active = mode == "on" or agency.accounts.any_users()
    except (StorageError, settings.SettingError):
        if mode == "on":
            raise
        return None
    return agency if active else None


def _no_database_yet() -> bool:
    try:
        url = database_url()
    except settings.SettingError:
        return False
    prefix = "sqlite:///"
    return url.startswith(prefix) and not Path(url[len(prefix):]).exists()


def principal() -> Principal:
    return st.session_state.get(PRINCIPAL) or LOCAL


def set_principal(who: Principal | None) -> None:
    """Set who is signed in; an account's e-mail is also whose workspace the pages show (owner ``user:<e-mail>``).
    When the person changes (sign-out, another account), nothing of the previous one stays in the session."""
    before = st.session_state.get(PRINCIPAL)
    st.session_state[PRINCIPAL] = who
    account = who.actor if who is not None and who.user_id is not None else None
    if account is not None:
        st.session_state[state.AUTH_USER] = account
    if before is not None and before.user_id is not None and (who is None or who.actor != before.actor):
        st.session_state.pop(state.AUTH_USER, None)
        state.forget()


def scoped_repository(lang: str) -> ScopedRepository | None:
    """The repository as the signed-in principal sees it; ``None`` with the error shown when unavailable."""
    try:
        return Agency.of(repository()).scoped(principal())
    except (StorageError, settings.SettingError) as e:
        detail = e.message(lang) if isinstance(e, StorageError) else str(e)
        st.error(md(t, "ui.clients.db_error", lang, detail=detail))
        return None
