"""`import planner` (and every planner submodule) must never load streamlit (or any web layer)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import planner

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("streamlit", "plotly", "tornado")


def _submodules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(planner.__path__, "planner.")
                  if not m.name.endswith("__main__"))  # runs the CLI


def _loaded_after(statement: str) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def _web(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in FORBIDDEN)


def test_there_are_submodules_to_check():
    names = _submodules()
    assert "planner.budget" in names and "planner.explain" in names and "planner.engine" in names


def test_import_planner_loads_no_web_layer():
    assert _web(_loaded_after("import planner")) == []


def test_no_planner_submodule_loads_streamlit():
    statement = "import importlib\n" + "\n".join(f"importlib.import_module({m!r})" for m in _submodules())
    assert _web(_loaded_after(statement)) == []


def test_the_check_itself_can_fail():
    assert "streamlit" in _web(_loaded_after("import streamlit"))


def test_no_planner_source_mentions_streamlit_import():
    offenders = [p for p in (ROOT / "planner").rglob("*.py") if "import streamlit" in p.read_text(encoding="utf-8")]
    assert offenders == []
