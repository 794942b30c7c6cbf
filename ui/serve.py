"""Start the dashboard with its code already loaded: ``python -m ui.serve [streamlit options]``.

``streamlit run app.py`` answers its health check at once but imports the app's code (the engine with its
compiled kernels, pandas, Altair and its schema …) only when the first person opens a page, who then waits
about a second longer than everyone after.  This launcher loads all of that first, in the same process, and
then starts Streamlit exactly as ``streamlit run app.py [options]`` would, so the server reports itself
healthy only once the first page can be served at full speed.  ``make run``, the systemd units of
docs/deploy.md, the browser tests and the benchmarks all start the app this way.

Warming touches no personal data and no storage: it imports the modules every page imports and runs the
engine, the month list and one chart on a made-up portfolio in memory.
"""

from __future__ import annotations

import ast
import gc
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"


def page_modules() -> list[str]:
    """The modules the app and its registered pages import (read from their source, not executed)."""
    from ui.registry import PAGES
    scripts = [APP, *(ROOT / path for path, *_ in PAGES)]
    names: list[str] = []
    for script in scripts:
        if not script.exists():
            continue
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.append(node.module)
                names += [f"{node.module}.{alias.name}" for alias in node.names]
    return list(dict.fromkeys(names))


def warm() -> None:
    """Import what the pages import and run each hot path once on made-up numbers."""
    for name in page_modules():
        try:
            importlib.import_module(name)
        except ImportError:
            pass                      # ``from x import function``: x itself is imported above
    from datetime import date

    from planner import Debt, compare, this_month
    from ui import charts
    debts = [Debt("A", balance=6_000, annual_rate=18, min_payment=300),
             Debt("B", balance=2_000, annual_rate=24, min_payment=100)]
    comparison = compare(debts, 1_000)              # loads the engine's compiled kernels
    this_month(debts, 1_000, today=date(2026, 1, 15))
    results = [comparison[k] for k in comparison.ranking]
    charts.total_balance(results, {k: k for k in comparison.ranking}, months=charts.chart_months(results),
                         title="t", x="x", y="y", legend="l").to_dict()    # Altair loads its schema validator


def freeze_heap() -> None:
    """Move everything loaded so far out of the garbage collector's sight (``gc.freeze``).

    Streamlit runs a full collection after every script run (``runner.postScriptGC``) so memory does not
    build up between runs.  A full collection walks every tracked object, and the app's code, the engine,
    pandas, Altair's schema and the PDF fonts are millions of objects that live as long as the process:
    profiled under the load test, those walks were most of the app's CPU per interaction.  Frozen objects are
    never freed or walked; objects made by a session are still collected after every run as before."""
    gc.collect()
    gc.freeze()


def main(argv: list[str] | None = None) -> int:
    warm()
    freeze_heap()
    from streamlit.web import cli
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
