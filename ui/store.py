"""The dashboard's one database handle (SQLite under PLANNER_DATA_DIR, PostgreSQL with DATABASE_URL).

Opened once per process and URL (``st.cache_resource``); pages and ``ui/state.py`` call
:func:`repository`.  When the database cannot be opened it returns ``None`` and
:func:`error` says why (in the user's language), so a page can show it instead of crashing.
"""

from __future__ import annotations

import streamlit as st

from planner import settings
from planner.storage import Repository, StorageError, database_url


@st.cache_resource(show_spinner=False)
def open_repository(url: str) -> Repository:
    """The repository for ``url``, opened once per process (raises StorageError)."""
    return Repository.open(url)


_open = open_repository


def repository() -> Repository | None:
    try:
        return _open(database_url())
    except (StorageError, settings.SettingError):
        return None


def error(lang: str) -> str | None:
    """Why :func:`repository` is ``None`` (no data is in the message), else ``None``."""
    try:
        _open(database_url())
    except StorageError as e:
        return e.message(lang)
    except settings.SettingError as e:
        return str(e)
    return None
