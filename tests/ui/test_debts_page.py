"""Debts page: the editable table, CSV import/export, validation messages (AppTest)."""

from __future__ import annotations

import pytest

from streamlit.testing.v1 import AppTest

from planner import read_debts_csv, write_debts_csv
from tests.ui.conftest import ROOT, metric, page_texts
from tests.ui.conftest import run_page as _run_page
from ui.state import DEBT_ROWS, DEBT_VIEW

PAGE = "ui/pages/debts.py"


def run_page(page, lang="zh"):
    """These tests drive the table view (the desktop view of the rows; the cards are tested in test_debt_cards)."""
    return _run_page(page, lang, state={DEBT_VIEW: "table"})
EDITOR = "debts.editor.0"


def edit(at, edited=None, added=None, deleted=None):
    at.session_state[EDITOR] = {"edited_rows": edited or {}, "added_rows": added or [],
                                "deleted_rows": deleted or []}
    return at.run()


@pytest.mark.parametrize("lang, title, count", [("zh", "我的债务", "计入的债务"), ("en", "My debts", "Debts counted")])
def test_renders_the_sample(lang, title, count):
    at = run_page(PAGE, lang)
    assert at.title[0].value == title
    assert metric(at, count) == "7"
    assert len(at.data_editor) == 1 and len(at.data_editor[0].value) == 7
    assert len(at.download_button) == 1


def test_bad_cell_is_shown_and_kept_and_left_out():
    at = edit(run_page(PAGE), edited={2: {"balance": "八千"}})
    assert not at.exception
    [error] = at.error
    assert "1 行填写有误" in error.value and "第3行 余额：'八千' 不是数字" in error.value
    assert metric(at, "计入的债务") == "6"
    assert at.session_state[DEBT_ROWS][2]["balance"] == "八千"   # what was typed is kept
    at.switch_page("ui/pages/compare.py").run()
    assert "债务表里有 1 行有错误" in page_texts(at)


def test_bad_cell_message_in_english():
    at = edit(run_page(PAGE, "en"), edited={0: {"min_payment_pct": "150"}})
    assert "row 1 minimum payment %: '150' must be between 0 and 100" in at.error[0].value


def test_add_and_delete_rows_change_the_totals():
    at = run_page(PAGE)
    before = metric(at, "欠款合计")
    edit(at, added=[{"name": "新平台", "kind": "online_loan", "balance": "1万", "annual_rate": "20%",
                     "min_payment": "500"}])
    assert metric(at, "计入的债务") == "8" and metric(at, "欠款合计") == "¥89,300.00" != before
    edit(at, deleted=[0, 1])
    assert metric(at, "计入的债务") == "5"


def test_rows_survive_a_visit_to_another_page():
    at = edit(run_page(PAGE), edited={0: {"balance": "20000"}})
    at.switch_page("ui/pages/budget.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.session_state[DEBT_ROWS][0]["balance"] == "20000"
    assert at.data_editor[0].value.iloc[0]["balance"] == "20000"


def test_start_empty_then_sample_again():
    at = run_page(PAGE)
    at.button(key="debts.btn_empty").click().run()
    assert metric(at, "计入的债务") == "7"                        # asked first: nothing cleared yet
    at.button(key="debts.btn_empty.yes").click().run()
    assert "还没有债务" in page_texts(at) and metric(at, "计入的债务") == "0"
    at.switch_page("ui/pages/compare.py").run()
    assert "还没有可计算的债务" in page_texts(at)
    at.switch_page(PAGE).run()
    at.button(key="debts.btn_sample").click().run()
    at.button(key="debts.btn_sample.yes").click().run()
    assert metric(at, "计入的债务") == "7"


def test_upload_gbk_csv_with_chinese_headers():
    data = (ROOT / "sample_debts.csv").read_text(encoding="utf-8").replace("借呗", "花呗").encode("gbk")
    at = run_page(PAGE)
    at.file_uploader(key="debts.upload").upload("债务.csv", data, "text/csv").run()
    assert not at.exception
    assert "已导入 7 行" in page_texts(at)
    assert at.session_state[DEBT_ROWS][1]["name"] == "花呗"


def test_upload_english_csv_with_a_bad_row_keeps_it():
    data = b"name,balance,annual_rate,min_payment\nCard,5000,18,200\nLoan,lots,20,300\n"
    at = run_page(PAGE, "en")
    at.file_uploader(key="debts.upload").upload("debts.csv", data, "text/csv").run()
    assert metric(at, "Debts counted") == "1"
    assert "row 2 balance: 'lots' is not a number" in at.error[0].value
    assert at.session_state[DEBT_ROWS][1]["balance"] == "lots"


def test_upload_unreadable_file_keeps_the_table():
    at = run_page(PAGE)
    at.file_uploader(key="debts.upload").upload("x.csv", "foo,bar\n1,2\n".encode(), "text/csv").run()
    assert "文件没有导入" in at.error[0].value and "缺少必需的列" in at.error[0].value
    assert metric(at, "计入的债务") == "7"


def test_download_is_the_valid_debts():
    debts = read_debts_csv(ROOT / "sample_debts.csv").debts
    assert read_debts_csv(write_debts_csv(debts)).debts == debts   # what the button serves round-trips
    at = run_page(PAGE)
    assert at.download_button[0].label == "下载债务表（CSV）"


def test_state_interface_set_and_get_debts():
    """ui.state.set_debts / get_debts / set_budget_plan / get_budget, as another page would use them."""
    def script():
        import streamlit as st

        from planner import BudgetPlan, Debt
        from ui import state
        before = len(state.get_debts()[0])
        state.set_debts([Debt("唯一", balance=1000, annual_rate=12, min_payment=100, kind="credit_card")])
        state.set_budget_plan(BudgetPlan(income=900, expenses={"food": 400}))
        debts, issues = state.get_debts()
        st.write(f"{before}|{[d.name for d in debts]}|{issues}|{state.get_budget().monthly}|"
                 f"{state.debt_rows()[0]['kind']}|{state.debt_editor_key()}")

    at = AppTest.from_function(script).run()
    assert not at.exception
    assert at.markdown[0].value == "7|['唯一']|[]|(500.0,)|credit_card|debts.editor.1"


@pytest.mark.parametrize("lang, shown", [("zh", "年利率 "), ("en", "annual rate ")])
def test_unknown_rate_in_the_table_is_shown_in_words_and_kept_as_a_mark(lang, shown):
    at = edit(run_page(PAGE, lang), edited={2: {"annual_rate": "不知道"}})   # 京东金条: a yearly rate
    assert not at.exception
    row = at.session_state[DEBT_ROWS][2]
    assert row["assumed"].startswith("annual_rate=")                  # the stored mark
    at.run()                                                          # the table redrawn with the assumption
    cell = at.data_editor[0].value["assumed"].iloc[2]
    assert "=" not in cell and "basis" not in cell and cell.lower().startswith(shown)   # words, not codes
    at.session_state[at.data_editor[0].key] = {"edited_rows": {1: {"balance": "9000"}}, "added_rows": [],
                                               "deleted_rows": []}
    at.run()                                                          # another edit keeps the mark
    assert at.session_state[DEBT_ROWS][2]["assumed"] == row["assumed"]
