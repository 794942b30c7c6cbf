"""Speed as felt, measured in a real browser (Playwright + Debian's Chromium), at phone size (390×844).

Run by ``make bench`` (benchmarks/run.py) or alone: ``python benchmarks/bench_browser.py``.  A benchmark,
not a timed test: the figures go in the README ("Performance"), nothing fails on them.

* ``first_page_interactive_s`` — from the server answering its health check to the first page (the month
  page, sample portfolio) rendered and idle in a fresh browser session;
* ``widget_settle_ms`` — the budget page's income changed (typed + Enter) until the new "每月可用于还债"
  value is on screen and the run is over, p50 / p95 over 20 changes;
* ``server_start_to_healthy_s`` — ``python -m ui.serve`` (as ``make run``) until the health check answers: the
  app's code is loaded before that (ui/serve.py), so the first visitor does not wait for it;
* ``compare_first_render_ms`` / ``negotiate_first_render_ms`` — a borrower with the app open (the month page)
  taps the page in the menu: until its charts/tables are drawn and the run is over; a returning visitor
  (scripts in the browser's cache), a new tab and app session each time (median of 5); ``…_first_visit_ms``:
  the same in a fresh browser profile (every script downloaded and compiled);
* ``compare_open_in_new_session_ms`` / ``negotiate_open_…`` — typing the page's address: the whole app
  loads, then the page (median of 5);
* ``report_first_render_ms`` — the same for the PDF page (which no longer builds the PDF when it opens);
* ``report_build_ms`` — pressing "生成PDF" until the download button is on screen (the PDF is built on demand).

Targets (issue 13): first page ≤ 1.5 s, widget settle p95 ≤ 300 ms, compare/negotiate ≤ 700 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.appserver import app_server  # noqa: E402  (one launcher for tests, load test and benchmark)
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
IDLE_JS = """() => !!document.querySelector(%s)
  && !document.querySelector("[data-testid='stStatusWidget'] [data-testid='stStatusWidgetRunningIcon']")
  && !document.querySelector("[data-stale='true']") && !document.querySelector("[data-testid='stSkeleton']")"""


def _idle(pg, ready: str, timeout_ms: int = 60_000) -> None:
    pg.wait_for_function(IDLE_JS % json.dumps(ready), timeout=timeout_ms, polling=10)


def _open(browser, url: str, ready: str) -> float:
    """A fresh session: seconds from navigation to the page drawn and idle."""
    ctx = browser.new_context(viewport=PHONE, locale="zh-CN")
    pg = ctx.new_page()
    t0 = time.perf_counter()
    pg.goto(url)
    _idle(pg, ready)
    elapsed = time.perf_counter() - t0
    ctx.close()
    return elapsed


def _settle(browser, base: str, changes: int = 20) -> list[float]:
    """Seconds from typing a new income (+ Enter) until the new amount available is shown and the run is over."""
    ctx = browser.new_context(viewport=PHONE, locale="zh-CN")
    pg = ctx.new_page()
    pg.goto(base + "/budget?lang=zh")
    _idle(pg, "[data-testid='stMetric']")
    field = pg.get_by_label("每月到手收入（元）")
    times = []
    for i in range(changes):
        income = 15_000 + 100 * (i + 1)
        expected = f"¥{income - 6_500:,.2f}"              # the sample's expenses 6,000 + buffer 500
        field.fill(str(income))
        t0 = time.perf_counter()
        field.press("Enter")
        pg.wait_for_function("(want) => [...document.querySelectorAll(\"[data-testid='stMetricValue']\")]"
                             ".some(e => e.innerText.includes(want))", arg=expected, timeout=60_000, polling=5)
        _idle(pg, "[data-testid='stMetric']")
        times.append(time.perf_counter() - t0)
    ctx.close()
    return times


def _navigate(browser, base: str, title: str, url_path: str, ready: str, ctx=None) -> float:
    """In a live session (the month page open), seconds from tapping ``title`` in the phone menu until that
    page is drawn and idle: the page's first render as a borrower feels it (no reload of the app).

    ``ctx=None``: a fresh browser profile (a first visit: every script downloaded and compiled); a ``ctx``
    reused across calls is a returning visitor (the browser's cache holds the app's scripts), in a new tab
    and a new app session each time."""
    own = ctx is None
    ctx = ctx or browser.new_context(viewport=PHONE, locale="zh-CN")
    pg = ctx.new_page()
    pg.goto(base + "/?lang=zh")
    _idle(pg, "[data-testid='stButtonGroup']")
    link = pg.get_by_test_id("stSidebarNavItems").get_by_role("link", name=title)
    menu = pg.locator("[data-testid='stExpandSidebarButton']")
    if menu.is_visible():                         # the menu is closed (a phone's default)
        menu.click()
    link.wait_for()
    pg.wait_for_timeout(300)                      # the menu's slide-in animation is not part of the page
    t0 = time.perf_counter()
    link.click()
    pg.wait_for_url(f"**/{url_path}*")
    _idle(pg, ready)
    elapsed = time.perf_counter() - t0
    pg.close()
    if own:
        ctx.close()
    return elapsed


def _build_pdf(browser, base: str) -> float:
    """Seconds from pressing "生成PDF" until the PDF is ready to download."""
    ctx = browser.new_context(viewport=PHONE, locale="zh-CN")
    pg = ctx.new_page()
    pg.goto(base + "/report?lang=zh")
    _idle(pg, "[data-testid='stButton']")
    t0 = time.perf_counter()
    pg.get_by_role("button", name="生成PDF").click()
    _idle(pg, "[data-testid='stDownloadButton']")
    elapsed = time.perf_counter() - t0
    ctx.close()
    return elapsed


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run() -> dict | None:
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright
    chart = "[data-testid='stVegaLiteChart'] .marks"
    table = "[data-testid='stDataFrame']"
    with tempfile.TemporaryDirectory() as data, sync_playwright() as p:
        # the borrower's browser is already running: its start-up is not the app's first page
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        started = time.perf_counter()
        with app_server({"PLANNER_DATA_DIR": data}) as (base, _proc):
            up = time.perf_counter()
            first = _open(browser, base + "/?lang=zh", "[data-testid='stButtonGroup']")
            first_total = time.perf_counter() - up
            warm = [_open(browser, base + "/?lang=zh", "[data-testid='stButtonGroup']") for _ in range(4)]
            settle = _settle(browser, base)
            returning = browser.new_context(viewport=PHONE, locale="zh-CN")
            nav = {page: [_navigate(browser, base, title, page, ready, ctx=returning) for _ in range(6)][1:]
                   for page, title, ready in (("compare", "还款方案对比", chart), ("negotiate", "协商方案", table))}
            returning.close()
            cold = {page: [_navigate(browser, base, title, page, ready) for _ in range(5)]
                    for page, title, ready in (("compare", "还款方案对比", chart), ("negotiate", "协商方案", table))}
            compare = [_open(browser, base + "/compare?lang=zh", chart) for _ in range(5)]
            negotiate = [_open(browser, base + "/negotiate?lang=zh", table) for _ in range(5)]
            report = [_open(browser, base + "/report?lang=zh", "[data-testid='stButton']") for _ in range(3)]
            build = [_build_pdf(browser, base) for _ in range(3)]
            browser.close()
    ms = lambda values: round(statistics.median(values) * 1000)  # noqa: E731
    return {
        "viewport": "390x844",
        "server_start_to_healthy_s": round(up - started, 2),
        "first_page_interactive_s": round(first_total, 3),
        "page_open_warm_median_ms": ms(warm),
        "widget_settle_ms": {"p50": round(_pct(settle, 0.5) * 1000), "p95": round(_pct(settle, 0.95) * 1000),
                             "changes": len(settle)},
        "compare_first_render_ms": ms(nav["compare"]),
        "negotiate_first_render_ms": ms(nav["negotiate"]),
        "compare_first_render_first_visit_ms": ms(cold["compare"]),
        "negotiate_first_render_first_visit_ms": ms(cold["negotiate"]),
        "compare_open_in_new_session_ms": ms(compare),
        "negotiate_open_in_new_session_ms": ms(negotiate),
        "report_first_render_ms": ms(report),
        "report_build_ms": ms(build),
        "targets": {"first_page_interactive_s": 1.5, "widget_settle_p95_ms": 300, "compare_negotiate_ms": 700},
    }


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(run(), indent=2, ensure_ascii=False))
