"""Issue 11 item 7: no traceback, no exception text in the browser; no user data in the server log."""

from __future__ import annotations

import logging
import re
import tomllib

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

import ui.shell
from tests.ui.conftest import APP, ROOT, page_texts
from ui import guard

SECRET = "张三-evidence-13800138000.jpg"
RAISING_PAGE = f'''
import streamlit as st
st.title("raising")
st.session_state["guard.ran"] = True
raise FileNotFoundError("[Errno 2] No such file: {SECRET!r}")
'''


@pytest.fixture
def raising_app(tmp_path, monkeypatch):
    page = tmp_path / "boom.py"
    page.write_text(RAISING_PAGE, encoding="utf-8")
    monkeypatch.setattr(ui.shell, "PAGES", [(str(page), "shell.title", ":material/list_alt:", "boom")])
    return page


@pytest.mark.parametrize("lang, words", [("zh", "参考编号"), ("en", "reference")])
def test_a_raising_page_shows_a_plain_message_with_a_reference(raising_app, caplog, lang, words):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["lang"] = lang
    with caplog.at_level(logging.ERROR, logger="planner.ui"):
        at.run()
    assert at.session_state["guard.ran"]                     # the page really ran and raised
    assert not at.exception                                  # no Streamlit exception element at all
    [box] = at.error
    assert words in box.value
    ref = re.search(r"\b[0-9a-f]{8}\b", box.value).group(0)
    shown = page_texts(at) + "".join(str(e.value) for e in at.error)
    for leaked in (SECRET, "张三", "FileNotFoundError", "Traceback", "Errno"):
        assert leaked not in shown
    records = [r for r in caplog.records if r.name == "planner.ui"]
    assert len(records) == 1
    logged = records[0].getMessage() + repr(records[0].args) + str(records[0].exc_info)
    assert ref in logged and "FileNotFoundError" in logged and "boom.py" in logged
    assert SECRET not in logged and "张三" not in logged and "13800138000" not in logged
    assert records[0].exc_info is None                       # no traceback object (it would carry the text)


def test_a_raising_callback_is_reported_on_the_next_run(caplog):
    calls = []

    def callback(name):
        calls.append(name)
        raise ValueError(f"bad lender {name}")

    wrapped = guard.guarded(callback)
    import streamlit as st
    with caplog.at_level(logging.ERROR, logger="planner.ui"):
        wrapped(SECRET)
    assert calls == [SECRET]
    ref = st.session_state[guard.ERROR_KEY]
    assert re.fullmatch(r"[0-9a-f]{8}", ref)
    assert all(SECRET not in r.getMessage() for r in caplog.records)


def test_st_stop_and_rerun_are_not_swallowed():
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException

    def stop():
        raise StopException()

    def rerun():
        raise RerunException(None)

    with pytest.raises(StopException):
        guard.run_guarded(stop, "zh")
    with pytest.raises(RerunException):
        guard.run_guarded(rerun, "zh")


def test_streamlit_shows_no_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    value = config["client"]["showErrorDetails"]
    assert value == st_config.ShowErrorDetailsConfigOptions.NONE   # a value this Streamlit accepts
    assert value in {o.value for o in st_config.ShowErrorDetailsConfigOptions}


def test_every_widget_callback_in_ui_is_guarded():
    """Callbacks run before the page script, outside the shell's guard: each one is wrapped in guarded()."""
    import ast
    unguarded = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg in ("on_click", "on_change", "on_submit", "on_select"):
                value = node.value
                if isinstance(value, ast.Constant) or ast.unparse(value) in ("st.logout", "st.login"):
                    continue                       # "ignore"/"rerun"; Streamlit's own sign-out
                if not (isinstance(value, ast.Call) and ast.unparse(value.func) in ("guarded", "guard.guarded")):
                    unguarded.append(f"{path.relative_to(ROOT)}:{node.value.lineno} {ast.unparse(value)}")
    assert not unguarded, unguarded


CALLBACK_PAGE = f'''
import streamlit as st
from ui.guard import guarded

def boom():
    raise KeyError({SECRET!r})

st.title("callback")
st.button("go", key="go", on_click=guarded(boom))
'''


def test_a_raising_callback_shows_the_plain_message_on_the_page(tmp_path, monkeypatch, caplog):
    page = tmp_path / "cb.py"
    page.write_text(CALLBACK_PAGE, encoding="utf-8")
    monkeypatch.setattr(ui.shell, "PAGES", [(str(page), "shell.title", ":material/list_alt:", "cb")])
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.error
    with caplog.at_level(logging.ERROR, logger="planner.ui"):
        at.button(key="go").click().run()
    assert not at.exception
    [box] = at.error
    assert "reference" in box.value and SECRET not in box.value and "KeyError" not in box.value
    assert at.title[0].value == "callback"                   # the page itself still ran
    logged = " ".join(r.getMessage() for r in caplog.records if r.name == "planner.ui")
    assert "KeyError" in logged and SECRET not in logged and "张三" not in logged
    at.run()
    assert not at.error                                      # shown once
