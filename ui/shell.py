"""Page config, language switch, privacy note and navigation."""

from __future__ import annotations

import importlib
from pathlib import Path

import streamlit as st

from planner import t
from ui import auth, phone, state
from ui.registry import PAGES

ROOT = Path(__file__).resolve().parent.parent


def _load_texts() -> None:
    """Import ``ui/text/<page>.py`` for every registered page (titles must exist before the menu)."""
    for path, *_ in PAGES:
        stem = Path(path).stem
        if (ROOT / "ui" / "text" / f"{stem}.py").exists():
            importlib.import_module(f"ui.text.{stem}")


def main() -> None:
    st.set_page_config(page_title="债务协商规划 · Debt planner", page_icon=":material/savings:", layout="wide")
    _load_texts()
    lang = state.lang()
    phone.style(lang)
    pages = [st.Page(str(ROOT / path), title=t(title, lang), icon=icon, url_path=url)
             for path, title, icon, url in PAGES if (ROOT / path).exists()]  # a page still being written is skipped
    with st.sidebar:
        state.language_selector()
        st.caption(t("shell.privacy", lang))
    if not auth.gate():
        st.stop()
    if pages:
        st.navigation(pages).run()
    else:
        st.title(t("shell.title", lang))
