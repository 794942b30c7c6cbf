"""ui/serve.py: the launcher loads every page's imports and runs the hot paths once before Streamlit starts."""

from __future__ import annotations

import sys

from ui import serve
from ui.registry import PAGES


def test_page_modules_are_read_from_every_registered_page():
    names = serve.page_modules()
    assert "ui.shell" in names                         # app.py
    assert "ui.charts" in names                        # compare.py
    assert "ui.negotiate_docs" in names                # negotiate.py
    assert all(not n.startswith(".") for n in names)
    assert len(PAGES) >= 8


def test_warm_imports_what_the_pages_import():
    serve.warm()
    loaded = [n for n in serve.page_modules() if n in sys.modules]
    assert "ui.charts" in loaded and "planner.engine" in sys.modules and "altair" in sys.modules


def test_freeze_heap_hides_the_loaded_code_from_the_collector():
    import gc
    try:
        serve.freeze_heap()
        assert gc.get_freeze_count() > 100_000        # the imported code and data: never walked again
    finally:
        gc.unfreeze()
