"""The top-level guard: an unexpected exception in a page never reaches the browser or the log as text.

The person sees one plain sentence in their language with a short reference id; the server log gets the
exception's *type*, the reference and the code locations of the traceback (file:line:function) — never the
exception's message, its arguments or any local value, because those carry user data (a lender's name, a
notes field, an evidence file name …).  ``.streamlit/config.toml`` sets ``client.showErrorDetails = "none"``
as the second line of defence for what escapes this guard.

* :func:`run_guarded` wraps the page run in the shell;
* :func:`guarded` wraps a widget callback (``on_click=guarded(fn)``): callbacks run before the script,
  outside the shell's guard.
"""

from __future__ import annotations

import functools
import logging
import secrets
import traceback
from collections.abc import Callable
from typing import ParamSpec

import streamlit as st

import ui.text.shell  # noqa: F401  (registers the message)
from planner import t

log = logging.getLogger("planner.ui")
P = ParamSpec("P")
ERROR_KEY = "shell.callback_error"     # a reference raised by a callback, shown on the next run


def _where(error: BaseException) -> str:
    """The traceback as code locations only: ``file.py:12:fn < other.py:3:g`` (no source text, no values)."""
    frames = traceback.extract_tb(error.__traceback__)[-6:]
    return " < ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}:{f.name}" for f in reversed(frames))


def report(error: BaseException) -> str:
    """Log ``error`` without its text and return the reference id shown to the person."""
    ref = secrets.token_hex(4)
    log.error("unexpected %s in the dashboard (ref %s) at %s", type(error).__name__, ref, _where(error))
    return ref


def show(ref: str, lang: str) -> None:
    st.error(t("shell.error", lang, ref=ref), icon=":material/error:")


def run_guarded(run: Callable[[], object], lang: str) -> None:
    """Run a page; an unexpected exception becomes the plain message (Streamlit's control flow passes)."""
    pending = st.session_state.pop(ERROR_KEY, None)
    if pending:
        show(pending, lang)
    try:
        run()
    except Exception as error:          # noqa: BLE001  (st.stop/st.rerun are BaseException: not caught)
        show(report(error), lang)


def guarded(callback: Callable[P, object]) -> Callable[P, None]:
    """A widget callback that reports an unexpected exception like a page does (shown on the rerun)."""
    @functools.wraps(callback)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            callback(*args, **kwargs)
        except Exception as error:      # noqa: BLE001
            st.session_state[ERROR_KEY] = report(error)
    return wrapper
