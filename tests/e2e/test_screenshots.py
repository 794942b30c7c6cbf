"""Screenshots of every page in Chinese and English for docs/screenshots/ (see SCREENSHOT_PAGES)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import SCREENSHOT_PAGES, open_page, screenshot

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name, url_path, ready", SCREENSHOT_PAGES, ids=[p[0] for p in SCREENSHOT_PAGES])
def test_page_screenshot(server, page, name, url_path, ready, lang):
    open_page(page, server, url_path, lang, ready=ready)
    assert page.locator("[data-testid='stException']").count() == 0
    path = screenshot(page, name, lang)
    assert path.stat().st_size > 20_000
