"""Issue 11 item 12: nothing leaves the machine — every page, both languages, no request to another host.

Records every request the browser makes (documents, scripts, fonts incl. Material icons, images incl. the
favicon, websockets) while each registered page loads and runs, and fails on any that goes to a host other than
the app's own.  Inline ``data:``/``blob:`` URLs are local by construction.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import ROOT, open_page, wait_idle
from ui.registry import PAGES

pytestmark = pytest.mark.e2e

LOCAL_SCHEMES = {"data", "blob", "about", "chrome-extension"}


def _foreign(urls: list[str], base: str) -> list[str]:
    own = urlsplit(base).netloc
    return [u for u in urls if urlsplit(u).scheme not in LOCAL_SCHEMES and urlsplit(u).netloc != own]


def test_the_checker_sees_a_foreign_request():
    base = "http://127.0.0.1:8501"
    assert _foreign([f"{base}/static/x.js", "data:image/svg+xml,<svg/>", "ws://127.0.0.1:8501/_stcore/stream",
                     "https://fonts.gstatic.com/s/i/short-term/release/materialsymbolsrounded/savings/default/24px.svg",
                     "http://127.0.0.1:9999/x"], base) == [
        "https://fonts.gstatic.com/s/i/short-term/release/materialsymbolsrounded/savings/default/24px.svg",
        "http://127.0.0.1:9999/x"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_page_requests_another_host(server, browser, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN" if lang == "zh" else "en-US")
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    context.on("websocket", lambda ws: requests.append(ws.url))
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    try:
        seen = []
        for path, _title, _icon, url in PAGES:
            if not (ROOT / path).exists():
                continue
            open_page(pg, server, url, lang, ready="h1")
            pg.wait_for_load_state("networkidle")
            seen.append(url)
            icon = pg.evaluate("() => document.querySelector(\"link[rel='shortcut icon']\")?.href || ''")
            assert icon.startswith("data:image/svg+xml") or icon.startswith(server), (url, icon)
        assert len(seen) >= 3, seen
        assert any("/static/" in u for u in requests)          # the recording works
        assert _foreign(requests, server) == []
    finally:
        context.close()


HOSTILE_CSV = ("name,balance,annual_rate,min_payment,![h](http://evil.example/h.png)\n"
               "\"![x](http://evil.example/p.png)\",12000,18,800,1\n"
               "\"[click](http://evil.example/phish)\",8000,24,500,1\n"
               "\"<img src=http://evil.example/i.png>\",\"![c](http://evil.example/c.png)\",24,500,1\n").encode("utf-8")


def test_hostile_csv_is_shown_as_text_and_fetches_nothing(server, browser):
    """Issue 11 item 8 in a real browser: an uploaded CSV's names, cells and headers render as text — no image
    is fetched, no link appears — on the debts page and in the compare verdict."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    try:
        open_page(pg, server, "debts", "en", ready="[data-testid='stFileUploader']")
        pg.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
            {"name": "hostile.csv", "mimeType": "text/csv", "buffer": HOSTILE_CSV})
        pg.wait_for_selector("[data-testid='stAlertContainer']")
        pg.wait_for_timeout(1500)
        replace = pg.get_by_role("button", name="Replace the table")   # the shared server's workspace may hold
        if replace.count():                                             # earlier tests' own rows: replace them
            replace.click()
            wait_idle(pg)
            pg.wait_for_timeout(1500)
        text = pg.locator("[data-testid='stMain']").inner_text().replace("\u2060", "")   # invisible joiner
        assert "![c](http://evil.example/c.png)" in text            # the bad cell is named, literally
        for url_path in ("debts", "compare", "negotiate"):
            if url_path != "debts":
                open_page(pg, server, url_path, "en", ready="h1")
            pg.wait_for_load_state("networkidle")
            # (Streamlit's own same-page heading anchors, href="#…", may contain the words of a heading)
            assert pg.locator("[data-testid='stMain'] a[href*='evil']:not([href^='#'])").count() == 0, url_path
            assert pg.locator("img[src*='evil']").count() == 0, url_path
        assert [u for u in requests if "evil" in u] == []
        assert _foreign(requests, server) == []
    finally:
        context.close()
