"""Every page at 390×844 (phone) and 1400×900 (desktop), in Chinese and English, in a real browser.

* no horizontal overflow of the page (``scrollWidth <= innerWidth``);
* no Streamlit built-in English and none of our internal codes in the Chinese UI (and no Chinese UI
  words in the English one);
* the page's key number visible without horizontal scrolling;
* phone screenshots as ``docs/screenshots/<page>-<lang>-phone.png``.
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import DESKTOP, open_page, phone_screenshot

pytestmark = pytest.mark.e2e

# (name, url path, CSS selector that must be visible when ready, the key text — zh, en — or None)
PAGES = [
    ("month", "month", "h1", ("本月合计", "Total this month")),
    ("debts", "debts", "[data-testid='stExpander']", ("¥79,300.00", "¥79,300.00")),
    ("budget", "budget", "[data-testid='stMetric']", ("¥8,500.00", "¥8,500.00")),
    ("compare", "compare", "[data-testid='stVegaLiteChart'] .marks", ("每月可用于还债", "Available for debt")),
    ("negotiate", "negotiate", "[data-testid='stDownloadButton']", ("¥8,500.00", "¥8,500.00")),
    ("rights", "rights", "[data-testid='stTabs']", None),
    ("report", "report", "[data-testid='stButton']", None),
    ("clients", "clients", "h1", None),
]

# Streamlit's own English, and our codes/developer words, that must never show in the Chinese UI.
BUILT_IN_ENGLISH = ["None", "Upload", "per file", "Choose options", "Choose an option", "Choose or add an option", "Select all",
                    "No results", "Browse files", "Drag and drop", "In progress", "Running", "Press Enter",
                    "Add row", "Expand sidebar"]
CODES = ["online_loan", "credit_card", "consumer_finance", "bank_loan", "private_loan", "equal_term", "pro_rata",
         "utf-8-sig", "PLANNER_PASSWORD", "PLANNER_DATA_DIR", "sqlite3", "/tmp/", "Traceback"]
# plain English words elsewhere, but codes in the Chinese UI
ZH_ONLY_CODES = ["sequential", "avalanche", "snowball", "UTC", "income"]
# Chinese words of our own UI chrome that must not leak into the English UI.
CHINESE_CHROME = ["菜单", "选择文件", "每个文件最大", "逐笔填写", "不知道利率", "按估计填写", "添加一笔债务", "正在生成"]

VISIBLE_TEXT = """() => {
  const root = document.querySelector("[data-testid='stAppViewContainer']") || document.body;
  const clone = root.cloneNode(true);
  // icon ligatures (":material/lock:" renders the word "lock") and the screen-reader skip link are not text
  clone.querySelectorAll("[data-testid='stIconMaterial'], [data-testid='stSkipLink'], a[href='#main'], style, script")
       .forEach(e => e.remove());
  document.body.appendChild(clone); clone.style.position = 'absolute'; clone.style.left = '-99999px';
  const text = clone.innerText; clone.remove(); return text;
}"""


# text that a table's toolbar (always shown on a touch screen) covers
TOOLBAR_OVER_TEXT = """() => {
  const bars = [...document.querySelectorAll("[data-testid='stElementToolbar']")]
    .filter(b => parseFloat(getComputedStyle(b).opacity) > 0 && b.getBoundingClientRect().width > 0);
  const texts = [...document.querySelectorAll("p, h1, h2, h3, li, label")]
    .filter(e => e.getBoundingClientRect().width > 0 && e.innerText.trim());
  const covered = [];
  for (const b of bars) {
    const r = b.getBoundingClientRect();
    for (const e of texts) {
      if (b.contains(e)) continue;
      const q = e.getBoundingClientRect();
      if (Math.min(r.right, q.right) - Math.max(r.left, q.left) > 1
          && Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top) > 1) covered.push(e.innerText.trim().slice(0, 30));
    }
  }
  return covered;
}"""

# tables whose grid runs over the element after them (e.g. a download button drawn on the last rows)
TABLE_OVER_NEXT = """() => [...document.querySelectorAll("[data-testid='stDataFrame']")].filter(d => {
  const box = d.closest("[data-testid='stElementContainer']"), next = box && box.nextElementSibling;
  if (!next || next.getBoundingClientRect().height === 0) return false;
  const bottom = Math.max(...[...d.children].map(e => e.getBoundingClientRect().bottom));   // the grid, not its scroller
  return bottom > next.getBoundingClientRect().top + 1;
}).length"""


def _check(pg, lang: str, key: tuple[str, str] | None) -> None:
    assert pg.locator("[data-testid='stException']").count() == 0
    width = pg.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width}"
    covered = pg.evaluate(TOOLBAR_OVER_TEXT)
    assert not covered, f"a table's toolbar covers text: {covered}"
    assert pg.evaluate(TABLE_OVER_NEXT) == 0, "a table runs over the element below it"
    text = pg.evaluate(VISIBLE_TEXT)
    placeholders = pg.evaluate("() => [...document.querySelectorAll('input[placeholder], textarea[placeholder]')]"
                               ".filter(e => !e.value).map(e => e.placeholder)")     # shown only when empty
    text += "\n" + "\n".join(placeholders)
    if lang == "zh":
        found = [w for w in BUILT_IN_ENGLISH + CODES + ZH_ONLY_CODES if re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", text)]
        assert not found, f"English/developer text in the Chinese UI: {found}"
    else:
        found = [w for w in CHINESE_CHROME + CODES if w in text]
        assert not found, f"Chinese UI words or codes in the English UI: {found}"
    if key is not None:
        wanted = key[0] if lang == "zh" else key[1]
        spot = pg.get_by_text(wanted, exact=False).first
        spot.wait_for(state="visible")
        box = spot.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + min(box["width"], 1) <= pg.viewport_size["width"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name, url_path, ready, key", PAGES, ids=[p[0] for p in PAGES])
def test_phone(server, phone_page, name, url_path, ready, key, lang):
    open_page(phone_page, server, url_path, lang, ready=ready)
    _check(phone_page, lang, key)
    # the menu is labelled on a phone
    assert phone_page.locator("[data-testid='stExpandSidebarButton']").is_visible()
    label = phone_page.evaluate("""() => getComputedStyle(
        document.querySelector("[data-testid='stExpandSidebarButton']"), '::after').content""")
    assert label == ('"菜单"' if lang == "zh" else '"Menu"')
    path = phone_screenshot(phone_page, name, lang)
    assert path.stat().st_size > 10_000


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name, url_path, ready, key", PAGES, ids=[p[0] for p in PAGES])
def test_desktop(server, page, name, url_path, ready, key, lang):
    page.set_viewport_size(DESKTOP)
    open_page(page, server, url_path, lang, ready=ready)
    _check(page, lang, key)


# the columns a data grid has drawn (it draws only those at least partly in view, in its accessible table)
GRID_COLUMNS = """(n) => [...[...document.querySelectorAll("[data-testid='stDataFrame']")][n]
  .querySelectorAll("[role='columnheader'], th")].map(h => [h.innerText.trim(), Number(h.getAttribute("aria-colindex"))])"""


@pytest.mark.parametrize("lang, key_columns", [
    ("zh", ["还法", "还清需要", "利息和费用", "逾期月数"]), ("en", ["Strategy", "Debt-free in", "Interest+fees", "Late"])])
def test_compare_summary_key_figures_fit_a_phone(server, phone_page, lang, key_columns):
    """Which strategy, how long, what it costs and how many months late: all four read at 390 px without
    scrolling the table sideways (the grid draws a fifth column, so the fourth ends inside the view)."""
    open_page(phone_page, server, "compare", lang, ready="[data-testid='stVegaLiteChart'] .marks")
    drawn = phone_page.evaluate(GRID_COLUMNS, 0)
    names = [name for name, _ in drawn]
    assert names[:4] == key_columns, drawn
    assert len(drawn) > 4 and drawn[4][1] == 5, f"the fourth key column runs past the screen's edge: {drawn}"
    grid = phone_page.locator("[data-testid='stDataFrame']").first.bounding_box()
    assert grid["x"] >= 0 and grid["x"] + grid["width"] <= phone_page.viewport_size["width"]
