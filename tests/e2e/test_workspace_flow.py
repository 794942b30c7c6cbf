"""Never lose a borrower's work, in a real browser: reload, back/forward, two tabs, start empty + undo,
and two users who never see each other's data.  Each test gets its own server and data directory."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from planner.rights import Incident, write_incidents_csv
from tests.e2e.conftest import IDLE_TIMEOUT_MS, VIEWPORT, require_chromium, run_server, wait_idle

pytestmark = pytest.mark.e2e

DEBTS_CSV = ("名称,类型,余额,年利率,最低还款\n"
             "甲网贷,网络贷款,5000,18%,500\n"
             "乙信用卡,信用卡,4000,18%,200\n"
             "丙借款,网络贷款,3345,24%,300\n").encode("utf-8")          # total ¥12,345
SUMMARY = "凌晨打电话威胁上门Zk4"


@pytest.fixture
def app(tmp_path):
    require_chromium()
    with run_server(tmp_path / "data") as url:
        yield url


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="zh-CN")
    ctx.set_default_timeout(IDLE_TIMEOUT_MS)
    yield ctx
    ctx.close()


def metric(pg, label: str) -> str:
    box = pg.locator("[data-testid='stMetric']", has_text=label).first
    return box.locator("[data-testid='stMetricValue']").inner_text().strip()


def goto(pg, url: str, path: str = "debts") -> None:
    """Open a page (the debts page by default: the app itself opens on 本月 once there are debts)."""
    pg.goto(f"{url}/{path}")
    wait_idle(pg, "h1")


def nav(pg, title: str) -> None:
    pg.get_by_test_id("stSidebarNavItems").get_by_role("link", name=title).click()
    wait_idle(pg, "h1")


def upload_debts(pg) -> None:
    pg.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(
        files=[{"name": "我的债务.csv", "mimeType": "text/csv", "buffer": DEBTS_CSV}])
    wait_idle(pg)
    pg.wait_for_function("""() => [...document.querySelectorAll("[data-testid='stMetricValue']")]
                                  .some(e => e.innerText.includes('12,345'))""")


def add_incident(pg) -> None:
    nav(pg, "催收维权")
    incident = Incident(lender="甲网贷", date=date(2026, 11, 20), channel="call", contact_role="borrower",
                        summary=SUMMARY)
    uploader = pg.locator("[data-testid='stFileUploader']", has_text="选择催收记录CSV")
    uploader.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "记录.csv", "mimeType": "text/csv", "buffer": write_incidents_csv([incident])}])
    wait_idle(pg)
    pg.get_by_role("button", name="加入记录").click()
    wait_idle(pg)


def expect_incident(pg) -> None:
    nav(pg, "催收维权")
    expect(pg.get_by_text(SUMMARY).first).to_be_attached()


def test_reload_back_forward_and_a_restart_keep_everything(app, context):
    pg = context.new_page()
    goto(pg, app)
    expect(pg.get_by_text("这是示例数据").first).to_be_visible()          # a first visit: the marked sample
    upload_debts(pg)                                                    # a sample table is replaced directly
    assert metric(pg, "计入的债务") == "3"
    add_incident(pg)
    expect(pg.get_by_text(SUMMARY).first).to_be_attached()

    pg.reload()                                                         # reload: a new Streamlit session
    wait_idle(pg, "h1")
    expect_incident(pg)
    nav(pg, "我的债务")
    assert metric(pg, "欠款合计") == "¥12,345.00"
    expect(pg.get_by_text("这是示例数据")).to_have_count(0)

    pg.go_back()                                                        # back, then forward
    wait_idle(pg, "h1")
    pg.go_forward()
    wait_idle(pg, "h1")
    nav(pg, "我的债务")
    assert metric(pg, "欠款合计") == "¥12,345.00"
    expect_incident(pg)

    other = context.new_page()                                          # a new tab
    goto(other, app)
    assert metric(other, "欠款合计") == "¥12,345.00"


def test_a_stale_tab_is_refused_with_the_message(app, context):
    first, second = context.new_page(), context.new_page()
    goto(first, app, "budget")
    goto(second, app, "budget")
    for pg, income in ((first, "16000"), (second, "17000")):
        box = pg.get_by_label("每月到手收入（元）")
        box.fill(income)
        box.press("Enter")
        wait_idle(pg)
    expect(second.get_by_text("已在另一个标签页或设备上被修改").first).to_be_visible()
    third = context.new_page()                                          # what is stored: the first tab's
    goto(third, app, "budget")
    expect(third.get_by_label("每月到手收入（元）")).to_have_value("16000")
    second.get_by_role("button", name="载入最新数据（放弃本页未保存的修改）").click()
    wait_idle(second)
    expect(second.get_by_label("每月到手收入（元）")).to_have_count(1)      # the widgets restarted from the store
    expect(second.get_by_label("每月到手收入（元）")).to_have_value("16000")
    expect(second.get_by_text("已在另一个标签页或设备上被修改")).to_have_count(0)


def test_start_empty_is_confirmed_and_undone(app, context):
    pg = context.new_page()
    goto(pg, app)
    upload_debts(pg)
    pg.get_by_role("button", name="清空，从头录入").click()
    wait_idle(pg)
    expect(pg.get_by_text("确定吗？").first).to_be_visible()
    assert metric(pg, "计入的债务") == "3"                               # nothing cleared before "yes"
    pg.get_by_role("button", name="确定").click()
    wait_idle(pg)
    assert metric(pg, "计入的债务") == "0"
    pg.get_by_role("button", name="撤销").click()
    wait_idle(pg)
    assert metric(pg, "计入的债务") == "3" and metric(pg, "欠款合计") == "¥12,345.00"
    pg.reload()
    wait_idle(pg, "h1")
    assert metric(pg, "欠款合计") == "¥12,345.00"


def sign_in(browser, url: str, user: str):
    ctx = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    ctx.set_default_timeout(IDLE_TIMEOUT_MS)
    pg = ctx.new_page()
    pg.goto(url)
    wait_idle(pg, "h1")
    pg.get_by_role("textbox", name="您的用户名").fill(user)
    pg.get_by_role("textbox", name="密码").fill("共享密码")
    pg.get_by_role("button", name="进入").click()
    wait_idle(pg, "[data-testid='stSidebarNavItems']")
    nav(pg, "我的债务")                       # signed in on 本月 (the first page once there are debts)
    wait_idle(pg, "[data-testid='stMetric']")
    return ctx, pg


def test_another_user_sees_nothing_of_the_first(browser, tmp_path):
    require_chromium()
    with run_server(tmp_path / "data", PLANNER_PASSWORD="共享密码") as url:
        alice_ctx, alice = sign_in(browser, url, "alice")
        upload_debts(alice)
        add_incident(alice)
        bob_ctx, bob = sign_in(browser, url, "bob")
        assert metric(bob, "计入的债务") == "7" and metric(bob, "欠款合计") != "¥12,345.00"   # the sample, not alice's
        nav(bob, "催收维权")
        expect(bob.get_by_text(SUMMARY)).to_have_count(0)
        bob_ctx.close()
        alice_ctx.close()
        again_ctx, again = sign_in(browser, url, "alice")                 # alice, in a new browser context
        assert metric(again, "欠款合计") == "¥12,345.00"
        again_ctx.close()


def test_a_server_restart_keeps_everything(browser, tmp_path):
    require_chromium()
    data = tmp_path / "data"
    with run_server(data) as url:
        ctx = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
        pg = ctx.new_page()
        goto(pg, url)
        upload_debts(pg)
        add_incident(pg)
        ctx.close()
    with run_server(data) as url:                                       # a new process on the same data
        ctx = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
        pg = ctx.new_page()
        goto(pg, url)
        assert metric(pg, "欠款合计") == "¥12,345.00"
        expect_incident(pg)
        ctx.close()
