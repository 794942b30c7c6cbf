"""Real-browser fixtures: `streamlit run app.py` on a free loopback port, Debian's Chromium via Playwright.

* ``server`` (session): starts the app as a subprocess, waits on ``/_stcore/health``, yields its base URL.
* ``browser`` (session): one ``sync_playwright()`` for the whole session, Chromium at ``/usr/bin/chromium``
  (never a downloaded browser).  Outside CI a missing Chromium SKIPS with a clear message; with
  ``CI=true`` it FAILS.
* ``page`` (function): a fresh context (so a fresh Streamlit session) with downloads enabled.
* :func:`open_page` loads a dashboard page in a language and waits until Streamlit is idle;
  :func:`screenshot` saves ``docs/screenshots/<name>-<lang>.png``.

Adding a page to the screenshots is one line in :data:`SCREENSHOT_PAGES` (see ``test_screenshots.py``).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from tests.e2e.appserver import app_server

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}          # the phone most borrowers use (CSS pixels)
DESKTOP = {"width": 1400, "height": 900}
IDLE_TIMEOUT_MS = 60_000

# (screenshot name, url path of the page in ui/registry.py, a CSS selector that must be visible when ready).
# Other pages: add one line, e.g. ("negotiate", "negotiate", "h1").
SCREENSHOT_PAGES: list[tuple[str, str, str]] = [
    ("debts", "debts", "[data-testid='stExpander']"),
    ("budget", "budget", "[data-testid='stMetric']"),
    ("compare", "compare", "[data-testid='stVegaLiteChart'] .marks"),
    ("negotiate", "negotiate", "[data-testid='stDownloadButton']"),
    ("rights", "rights", "[data-testid='stTabs']"),
    ("report", "report", "[data-testid='stButton']"),
    ("clients", "clients", "h1"),
    ("month", "month", "h1"),
]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require_chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    message = (f"Chromium not found at {CHROMIUM}: install Debian's package (`apt-get install chromium "
               f"fonts-wqy-microhei`, or `make test` with CI=true runs .ci/system-deps.sh)")
    if _in_ci():
        pytest.fail("CI=true but " + message, pytrace=False)
    pytest.skip(message)


@contextlib.contextmanager
def run_server(data_dir: Path, **extra_env: str):
    """``streamlit run app.py`` on a free loopback port with ``PLANNER_DATA_DIR=data_dir`` (never the user's
    own data) and ``extra_env`` (e.g. ``PLANNER_PASSWORD``); yields the base URL, stops the server after.
    The process is started by :func:`tests.e2e.appserver.app_server` (shared with the load test)."""
    log = ROOT / ".pytest_cache" / f"e2e-streamlit-{Path(data_dir).parent.name}.log" \
        if (ROOT / ".pytest_cache").is_dir() else None
    with app_server({"PLANNER_DATA_DIR": str(data_dir), **extra_env}, log=log) as (url, _):
        yield url


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One app per test module, each on its own empty data directory: the dashboard autosaves the (local)
    workspace, so a module's flows never see what another module typed, and never the user's own data."""
    require_chromium()
    data_dir = tmp_path_factory.mktemp("planner-data")
    with run_server(data_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    executable = require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(executable), args=CHROMIUM_FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="zh-CN")
    pg = context.new_page()
    pg.set_default_timeout(IDLE_TIMEOUT_MS)
    yield pg
    context.close()


@pytest.fixture
def phone_page(browser):
    """A fresh session in a 390×844 phone viewport (touch, mobile user agent width rules)."""
    context = browser.new_context(viewport=PHONE, accept_downloads=True, locale="zh-CN", has_touch=True,
                                  is_mobile=True, device_scale_factor=1)
    pg = context.new_page()
    pg.set_default_timeout(IDLE_TIMEOUT_MS)
    yield pg
    context.close()


def wait_idle(pg, ready: str | None = None) -> None:
    """Wait until the script run is over: no running indicator, no stale or skeleton elements."""
    pg.wait_for_selector("[data-testid='stApp']")
    if ready:
        pg.wait_for_selector(ready, state="visible")
    pg.wait_for_function(
        """() => !document.querySelector("[data-testid='stStatusWidget'] [data-testid='stStatusWidgetRunningIcon']")
              && !document.querySelector("[data-stale='true']")
              && !document.querySelector("[data-testid='stSkeleton']")""", timeout=IDLE_TIMEOUT_MS)
    pg.wait_for_timeout(400)   # let the charts finish their first paint


def open_page(pg, base_url: str, url_path: str, lang: str = "zh", ready: str | None = "h1") -> None:
    """Open ``/<url_path>?lang=<lang>`` in a fresh session and wait until it is idle.

    The first registered page is the app's default page and lives at ``/``.
    """
    from ui.registry import PAGES
    first = next(url for path, _, _, url in PAGES if (ROOT / path).exists())
    target = "" if url_path == first else url_path
    pg.goto(f"{base_url}/{target}?lang={lang}")
    wait_idle(pg, ready)


def phone_screenshot(pg, name: str, lang: str, *, max_height: int = 9000) -> Path:
    """Save the whole page at phone width as ``docs/screenshots/<name>-<lang>-phone.png``."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}-{lang}-phone.png"
    height = pg.evaluate("""() => Math.max(...[...document.querySelectorAll(
        "[data-testid='stMain'], [data-testid='stMainBlockContainer'], [data-testid='stAppViewContainer']")]
        .map(e => e.scrollHeight), document.body.scrollHeight)""")
    pg.set_viewport_size({"width": PHONE["width"], "height": min(max(int(height) + 40, PHONE["height"]), max_height)})
    pg.wait_for_timeout(700)
    pg.screenshot(path=str(path))
    pg.set_viewport_size(PHONE)
    return path


def screenshot(pg, name: str, lang: str, *, max_height: int = 4000) -> Path:
    """Save the whole page as ``docs/screenshots/<name>-<lang>.png``.

    Streamlit scrolls inside its main container, not the document, so the viewport is
    grown to the content's height first (a plain full-page shot would stop at the fold).
    """
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}-{lang}.png"
    height = pg.evaluate("""() => { const m = document.querySelector("[data-testid='stMain']");
                                    return m ? m.scrollHeight : document.body.scrollHeight; }""")
    pg.set_viewport_size({"width": VIEWPORT["width"], "height": min(max(int(height) + 40, VIEWPORT["height"]),
                                                                    max_height)})
    pg.wait_for_timeout(600)   # the charts re-lay out to the new size
    pg.screenshot(path=str(path))
    pg.set_viewport_size(VIEWPORT)
    return path
