"""The browser flow: sample → change the budget → comparison and a chart → download the schedule."""

from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, open_page, wait_idle

pytestmark = pytest.mark.e2e


def nav(pg, title: str) -> None:
    """Click a page in the sidebar menu and wait for the page to be idle."""
    pg.get_by_test_id("stSidebarNavItems").get_by_role("link", name=title).click()
    wait_idle(pg)


def _metric_value(pg, label: str) -> str:
    metric = pg.locator("[data-testid='stMetric']", has_text=label).first
    return metric.locator("[data-testid='stMetricValue']").inner_text().strip()


def test_sample_budget_comparison_download(server, page):
    # 1. the sample portfolio is loaded (and can be reloaded explicitly)
    open_page(page, server, "debts", "zh", ready="[data-testid='stExpander']")
    page.get_by_role("button", name="载入示例数据").click()
    wait_idle(page)
    page.get_by_role("button", name="确定").click()                    # destructive: confirmed first
    wait_idle(page)
    assert _metric_value(page, "计入的债务") == "7"

    # 2. change the budget: income 15,000 → 18,000 raises the money for debt by 3,000
    nav(page, "收入与开支")
    assert _metric_value(page, "每月可用于还债") == "¥8,500.00"
    income = page.get_by_label("每月到手收入（元）")
    income.fill("18000")
    income.press("Enter")
    page.wait_for_function("""() => [...document.querySelectorAll("[data-testid='stMetricValue']")]
                                   .some(e => e.innerText.includes('11,500'))""")
    assert _metric_value(page, "每月可用于还债") == "¥11,500.00"

    # 3. the comparison reflects it, with a chart
    nav(page, "还款方案对比")
    page.wait_for_selector("[data-testid='stVegaLiteChart'] .marks")
    expect(page.get_by_text("每月可用于还债：¥11,500.00")).to_be_visible()
    expect(page.get_by_text("最快也最省的还法")).to_be_visible()
    chart = page.locator("[data-testid='stVegaLiteChart'] .marks").first
    expect(chart).to_be_visible()
    assert chart.locator(".mark-line path").count() >= 4                      # one line per strategy
    assert chart.locator(".role-legend .role-legend-label text").count() >= 4  # and its legend entry

    # 4. download the schedule and check it
    with page.expect_download() as info:
        page.get_by_role("button", name="下载还款计划（CSV）").click()
    download = info.value
    assert download.suggested_filename == "还款计划_avalanche.csv"
    text = open(download.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[:3] == ["月份", "年月", "平台"]
    names = {r["平台"] for r in rows}
    assert {"招商银行信用卡", "借呗", "表哥借款"} <= names
    last_month = max(int(r["月份"]) for r in rows)
    assert all(float(r["月末欠款"]) == 0 for r in rows if int(r["月份"]) == last_month)
    assert sum(float(r["还款"]) for r in rows if r["月份"] == "1") == pytest.approx(11_500, abs=0.01)


def test_english_budget_below_dues_points_to_negotiation(server, page):
    open_page(page, server, "compare", "en", ready="[data-testid='stVegaLiteChart'] .marks")
    expect(page.get_by_text("Fastest and cheapest")).to_be_visible()
    nav(page, "Income & expenses")
    income = page.get_by_label("Monthly take-home income (¥)")
    income.fill("13000")
    income.press("Enter")
    page.wait_for_function("""() => document.body.innerText.includes('short of this month')""")
    nav(page, "Compare strategies")
    expect(page.get_by_text("¥1,117.72 short")).to_be_visible()
    expect(page.get_by_text("negotiat", exact=False).first).to_be_visible()


def test_uploading_a_gbk_file_with_a_bad_value_keeps_it_and_explains(server, page, tmp_path):
    """A file saved by Excel in China (GB18030) with '八千' typed as a balance: the row is kept, shown and
    explained; the other rows are counted.  (Typing into st.data_editor's canvas grid is covered in AppTest.)"""
    lines = (ROOT / "sample_debts.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    cells = rows[2].split(",")
    cells[header.split(",").index("余额")] = "八千"
    rows[2] = ",".join(cells)
    upload = tmp_path / "我的债务.csv"
    upload.write_bytes("\n".join([header, *rows]).encode("gb18030"))

    open_page(page, server, "debts", "zh", ready="[data-testid='stExpander']")
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(upload))
    page.wait_for_function("() => ['不是数字', '要怎么处理'].some(t => document.body.innerText.includes(t))")
    wait_idle(page)
    replace = page.get_by_role("button", name="替换现有表格")     # the table holds the person's own data:
    if replace.count():                                           # replace or append? (a sample is replaced)
        replace.click()
    page.wait_for_function("() => document.body.innerText.includes('不是数字')")
    wait_idle(page)
    expect(page.get_by_text("第3行 余额：'八千' 不是数字")).to_be_visible()
    assert _metric_value(page, "计入的债务") == str(len(rows) - 1)
    nav(page, "还款方案对比")
    expect(page.get_by_text("债务表里有 1 行有错误")).to_be_visible()
    nav(page, "我的债务")                                    # the value as typed is still there
    expect(page.get_by_text("第3行 余额：'八千' 不是数字")).to_be_visible()
