"""One debt card entered on a phone (390×844), in a module of its own: it empties the debt table, so the pages
checked in test_phone_layout.py (each module has its own server and data directory) keep the sample portfolio."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e


def test_a_debt_card_on_the_phone(server, phone_page):
    """Enter a card with an unknown rate on the phone: checked on save, assumption shown, no overflow."""
    pg = phone_page
    open_page(pg, server, "debts", "zh", ready="[data-testid='stExpander']")
    pg.get_by_role("button", name="清空，从头录入").click()
    pg.get_by_role("button", name="确定").click()                  # destructive: confirmed first (undoable)
    pg.wait_for_timeout(300)
    pg.wait_for_selector("[data-testid='stForm']")
    form = pg.locator("[data-testid='stForm']").last
    form.get_by_role("combobox").first.click()
    pg.keyboard.type("招行")
    pg.get_by_role("option", name=re.compile("招商银行信用卡")).first.click()
    form.get_by_label("现在还欠多少（元）").fill("20000")
    form.get_by_text("不知道利率").click()
    form.get_by_label("或：最低还款比例（%）").fill("10")
    assert pg.locator("[data-testid='stAlertContentError']").count() == 0
    form.get_by_role("button", name="添加这笔债务").click()
    pg.get_by_text("含估计值").first.wait_for(state="visible")
    pg.get_by_text("按估计填写").first.wait_for(state="visible")
    assert pg.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    pg.get_by_text("全部 1 笔债务都已计入计算").wait_for(state="visible")      # the status above settles last
