"""The shell: language switch, privacy note, navigation, no telemetry."""

from __future__ import annotations

import tomllib

from tests.ui.conftest import ROOT, run_page
from ui.registry import PAGES


def test_language_switch_changes_every_label():
    at = run_page("ui/pages/debts.py", "zh")
    assert at.title[0].value == "我的债务"
    assert any("隐私" in c.value for c in at.sidebar.caption)
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "My debts"
    assert any("Privacy" in c.value for c in at.sidebar.caption)


def test_no_telemetry_and_loopback_only():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"] == "127.0.0.1"


def test_my_pages_are_registered_with_texts():
    registered = {path for path, *_ in PAGES}
    for name in ("debts", "budget", "compare"):
        assert f"ui/pages/{name}.py" in registered
        assert (ROOT / "ui" / "text" / f"{name}.py").exists()


def test_default_language_is_chinese():
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert at.session_state["lang"] == "zh"
