"""The month page in a real browser at phone width (390 × 844): record a lender's acceptance, record a
payment, see progress, download the calendar."""

from __future__ import annotations

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.e2e.conftest import open_page, wait_idle

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}


def _open(page, part: str) -> None:
    """Tap one part of the switch below the month list (only the part opened is drawn)."""
    page.get_by_role("radio", name=part, exact=True).click()
    wait_idle(page)


def _pick(page, scope, label: str, option: str) -> None:
    box = scope.get_by_label(label)
    box.scroll_into_view_if_needed()                 # as a thumb does: scroll, let it settle, then tap
    page.wait_for_timeout(300)
    box.click()
    page.get_by_role("option", name=option, exact=True).click()   # the list opens outside the form


def test_acceptance_payment_progress_calendar_on_a_phone(server, page):
    page.set_viewport_size(PHONE)
    open_page(page, server, "month", "zh", ready="h1")
    expect(page.get_by_role("heading", level=1)).to_contain_text("本月要还的钱")
    expect(page.get_by_text("借呗").first).to_be_visible()
    # nothing wider than the phone (no horizontal scrolling)
    assert page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollWidth") <= PHONE["width"] + 1

    # 1. record a lender's acceptance: 借呗 agrees to ¥300 a month, no interest
    _open(page, "记答复")
    form = page.get_by_test_id("stForm").filter(has_text="同意的每月还款")
    _pick(page, form, "还给谁", "借呗")
    form.get_by_label("同意的每月还款（元）").fill("300")
    form.get_by_label("协议年利率 %（空白＝按原合同）").fill("0")
    form.get_by_role("button", name="记录").click()
    wait_idle(page)
    expect(page.get_by_text("借呗 · 按协议还款")).to_be_visible()
    expect(page.get_by_text("已达成协议：按协议按时还款").first).to_be_visible()

    # 2. record a payment
    _open(page, "记还款")
    form = page.get_by_test_id("stForm").filter(has_text="流水号")
    _pick(page, form, "还给谁", "借呗")
    form.get_by_label("金额（元）").fill("300")
    form.get_by_role("button", name="记录").click()
    wait_idle(page)
    expect(page.get_by_text("本月已记录还款 ¥300.00")).to_be_visible()

    # 3. save the plan and see progress (chart with its legend below the plot)
    _open(page, "进度")
    page.get_by_role("button", name="以本月为第1个月保存当前计划").click()
    wait_idle(page, "[data-testid='stVegaLiteChart'] .marks")
    expect(page.get_by_text("对照的计划")).to_be_visible()
    chart = page.locator("[data-testid='stVegaLiteChart'] .marks").first
    assert chart.locator(".mark-line path").count() >= 1
    assert chart.locator(".role-legend").count() == 1

    # 4. download the calendar and read it back
    _open(page, "日历提醒")
    with page.expect_download() as info:
        page.get_by_role("button", name="下载日历（.ics）").click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    cal = Calendar.from_ical(open(download.path(), "rb").read())
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert "还款 ¥300.00 · 借呗" in summaries
    assert all(e.walk("VALARM") for e in cal.walk("VEVENT"))
    first = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    wait_idle(page)                                   # the click's callback records what the file held

    # 5. the lender now agrees to ¥1,000 a month: the others get less, so some of their payments move to other
    #    months; the next download cancels the reminders the new plan no longer has, with a higher SEQUENCE
    _open(page, "记答复")
    form = page.get_by_test_id("stForm").filter(has_text="同意的每月还款")
    _pick(page, form, "还给谁", "借呗")
    form.get_by_label("同意的每月还款（元）").fill("1000")
    form.get_by_label("协议年利率 %（空白＝按原合同）").fill("0")
    form.get_by_role("button", name="记录").click()
    wait_idle(page)
    _open(page, "日历提醒")
    expect(page.get_by_text("将标为“已取消”")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("button", name="下载日历（.ics）").click()
    second = {str(e["UID"]): e for e in Calendar.from_ical(open(info.value.path(), "rb").read()).walk("VEVENT")}
    cancelled = [e for e in second.values() if str(e["STATUS"]) == "CANCELLED"]
    assert cancelled and all(str(e["SUMMARY"]) == "已取消：" + str(first[str(e["UID"])]["SUMMARY"]) for e in cancelled)
    assert all(int(e["SEQUENCE"]) > int(first[str(e["UID"])]["SEQUENCE"]) for e in cancelled)
    assert "还款 ¥1,000.00 · 借呗" in [str(e["SUMMARY"]) for e in second.values()]
