"""Page config, language switch, privacy note and navigation."""

from __future__ import annotations

import importlib
from pathlib import Path

import streamlit as st

from planner import t
from ui import access, auth, guard, phone, state, workspace_ui
from ui.registry import ADMIN_PAGES, PAGES

ROOT = Path(__file__).resolve().parent.parent
# Shipped with the app and sent inline (an SVG becomes a data: URL): the browser fetches no icon from any CDN.
FAVICON = ROOT / "ui" / "assets" / "favicon.svg"


def _load_texts() -> None:
    """Import ``ui/text/<page>.py`` for every registered page (titles must exist before the menu)."""
    for path, *_ in PAGES:
        stem = Path(path).stem
        if (ROOT / "ui" / "text" / f"{stem}.py").exists():
            importlib.import_module(f"ui.text.{stem}")


def _present() -> list[tuple[str, str, str, str]]:
    """The registered pages whose script exists (a page still being written is skipped)."""
    return [entry for entry in PAGES if (ROOT / entry[0]).exists()]


def main() -> None:
    st.set_page_config(page_title="债务协商规划 · Debt planner", page_icon=str(FAVICON), layout="wide")
    _load_texts()
    lang = state.lang()
    phone.style(lang)
    with st.sidebar:
        state.language_selector()
        st.caption(t("shell.privacy", lang))
    if not auth.gate():
        st.stop()
    # "This month" opens first once there are debts; until then the debts page does (read only after the
    # sign-in gate: the workspace belongs to the signed-in person)
    start = "month" if state.get_debts()[0] else "debts"
    present = _present()
    pages = [st.Page(str(ROOT / path), title=t(title, lang), icon=icon, url_path=url, default=(url == start))
             for path, title, icon, url in present]
    if not (access.principal().is_admin and access.principal().user_id is not None):
        pages = [p for p, (*_, url) in zip(pages, present) if url not in ADMIN_PAGES]
    top = st.container()              # the workspace notices, drawn after the page so they show its writes
    state.restore_widgets()           # widget values kept in the workspace (strategy, method …)
    if pages:
        try:
            guard.run_guarded(st.navigation(pages).run, lang)   # no traceback reaches the browser or the log
            state.save_widgets()
        finally:
            with top:
                workspace_ui.notices(lang)
    else:
        st.title(t("shell.title", lang))
