"""Issue 11 item 14: exports are built on demand, in the session that asks (no /media URL at render time)."""

from __future__ import annotations

import logging

import pytest

from tests.ui.conftest import run_page
from ui import state
from ui.downloads import on_demand

DEFERRED_PAGES = ["ui/pages/debts.py", "ui/pages/compare.py", "ui/pages/negotiate.py", "ui/pages/report.py"]


def _buttons(at):
    return [b.proto for b in at.get("download_button")]


@pytest.mark.parametrize("page", DEFERRED_PAGES)
def test_no_export_is_built_or_served_while_the_page_renders(page):
    at = run_page(page, "zh")
    build = [b for b in at.button if b.key == f"{state.REPORT}.build"]      # the PDF page builds on request
    if build:
        build[0].click().run()
    buttons = _buttons(at)
    assert buttons, "the page shows its download buttons"
    for proto in buttons:
        assert proto.HasField("deferred_file_id") and proto.deferred_file_id, proto.label
        assert not proto.url, (proto.label, proto.url)           # no capability URL in the page


def test_on_demand_builds_when_called_and_reports_failures_without_their_text(caplog):
    calls = []

    def build(name, *, lang):
        calls.append((name, lang))
        return f"{name},{lang}".encode()

    data = on_demand(build, "张三", lang="zh")
    assert calls == []                                              # nothing built yet
    assert data() == "张三,zh".encode() and calls == [("张三", "zh")]

    def broken():
        raise ValueError("client 张三 13800138000")

    with caplog.at_level(logging.ERROR, logger="planner.ui"), pytest.raises(RuntimeError) as info:
        on_demand(broken)()
    assert "张三" not in str(info.value) and info.value.__cause__ is None and info.value.__suppress_context__
    assert all("张三" not in r.getMessage() for r in caplog.records)
    assert any("ValueError" in r.getMessage() for r in caplog.records)


def test_every_download_button_in_ui_is_built_on_demand():
    """Read from the source: each st.download_button's data is ``on_demand(...)`` (ui/downloads.py)."""
    import ast

    from tests.ui.conftest import ROOT
    eager = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr == "download_button":
                data = next((k.value for k in node.keywords if k.arg == "data"), None)
                if data is None and len(node.args) > 1:
                    data = node.args[1]
                if not (isinstance(data, ast.Call) and ast.unparse(data.func) == "on_demand"):
                    eager.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not eager, eager
