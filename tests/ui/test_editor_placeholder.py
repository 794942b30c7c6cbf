"""Issue 13 item 3: an empty cell of an editable table shows nothing — not Streamlit's built-in English "None"
(the grid is a canvas in the browser, so the e2e text checks cannot see it; the source is checked instead)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def editor_calls():
    for path in [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "data_editor":
                yield path.relative_to(ROOT).as_posix(), node


def test_every_data_editor_shows_empty_cells_as_empty():
    calls = list(editor_calls())
    assert len(calls) >= 5                     # debts, budget events, adjustments, lender details, family
    bad = [f"{f}:{n.lineno}" for f, n in calls
           if not any(k.arg == "placeholder" and isinstance(k.value, ast.Constant) and k.value.value == ""
                      for k in n.keywords)]
    assert not bad, f"data_editor without placeholder=\"\" (shows 'None' in empty cells): {bad}"
