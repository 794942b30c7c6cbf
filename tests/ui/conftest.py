"""Helpers to run one dashboard page through Streamlit's AppTest (reusable by every page's tests).

Usage from any test under ``tests/``::

    from tests.ui.conftest import run_page          # or use the ``page`` fixture

    def test_my_page_renders():
        at = run_page("ui/pages/negotiate.py", lang="en")
        assert not at.exception
        assert at.title[0].value == "..."

``run_page(page, lang="zh", state=None)`` runs ``app.py`` (so the real shell,
language switch and ``st.navigation`` are in play), then switches to ``page``
(its path relative to the repo root, as registered in ``ui/registry.py``) and
runs it.  ``state`` pre-fills ``st.session_state`` (e.g. ``{"budget.plan": plan}``,
using the key constants of ``ui/state.py``).  Interact as usual, then call
``at.run()``; ``page_texts(at)`` gathers every visible text for ``in`` checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
TIMEOUT = 60


def run_page(page: str, lang: str = "zh", *, state: Mapping[str, object] | None = None,
             timeout: float = TIMEOUT) -> AppTest:
    """Run the app and switch to ``page`` in ``lang``; returns the AppTest after the page ran."""
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    at.session_state["lang"] = lang
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def ws_section(at: AppTest, name: str):
    """One section of the workspace the app holds for this AppTest session (``ui.state.get_section``)."""
    from ui import state
    return getattr(at.session_state[state.WS_DATA], name)


def page_texts(at: AppTest) -> str:
    """Every text the page shows in messages, markdown, captions, titles and metrics (one string)."""
    parts = []
    for group in (at.title, at.header, at.subheader, at.markdown, at.caption, at.info, at.success,
                  at.warning, at.error):
        parts += [str(e.value) for e in group]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)


def metric(at: AppTest, label: str) -> str:
    """The value of the metric whose label is ``label``."""
    return next(m.value for m in at.metric if m.label == label)


@pytest.fixture
def page():
    """The :func:`run_page` helper as a fixture."""
    return run_page


@pytest.fixture
def deferred(monkeypatch):
    """Every deferred download callable (``ui.downloads.on_demand``) registered while the test runs, by file id.

    AppTest drops its media manager after each run, so they are captured as Streamlit registers them; use
    :func:`download_bytes` to get what a download button would serve when clicked."""
    from streamlit.runtime.media_file_manager import MediaFileManager
    captured: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, *args, **kwargs):
        file_id = original(self, data_callable, *args, **kwargs)
        captured[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return captured


def download_bytes(at: AppTest, deferred: Mapping[str, object], key: str) -> bytes | str:
    """What the download button ``key`` serves: its deferred callable, run as Streamlit runs it on a click."""
    file_id = at.download_button(key=key).proto.deferred_file_id
    assert file_id in deferred, key
    return deferred[file_id]()
