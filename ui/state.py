"""Every session-state key of the dashboard, and the widgets that own them.

Only inputs live in session state (what the user typed or chose); anything
derived from them is recomputed (and cached in ui/cached.py).
"""

from __future__ import annotations

import streamlit as st

import ui.text.shell  # noqa: F401  (registers the shell's texts)

LANG = "lang"


def lang() -> str:
    return st.session_state.get(LANG, "zh")


def language_selector() -> None:
    from planner import t
    st.radio(t("shell.language", lang()), options=["zh", "en"], key=LANG, horizontal=True,
             format_func=lambda code: {"zh": "中文", "en": "English"}[code])
