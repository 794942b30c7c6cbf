"""Debt cards (ui/debt_cards.py): add a debt, checked on save only, "不知道" shown as a marked assumption."""

from __future__ import annotations

from tests.ui.conftest import metric, page_texts, run_page
from ui.state import DEBT_ROWS, DEBT_VIEW

PAGE = "ui/pages/debts.py"


def new_card(at, field):
    """The widget of the "add a debt" card for ``field``."""
    for group in (at.text_input, at.selectbox, at.checkbox):
        for widget in group:
            if widget.key and widget.key.startswith("debts.card.new.") and widget.key.endswith("." + field):
                return widget
    raise LookupError(field)


def save_new(at):
    [button] = [b for b in at.button if b.label in ("添加这笔债务", "Add this debt")]
    return button.click().run()


def empty_page(lang="zh"):
    at = run_page(PAGE, lang)
    at.button(key="debts.btn_empty").click().run()
    at.button(key="debts.btn_empty.yes").click().run()          # destructive: asked first
    return at


def test_cards_are_the_default_view_with_one_card_per_debt():
    at = run_page(PAGE)
    assert at.session_state[DEBT_VIEW] == "cards" and not at.data_editor
    assert len(at.expander) == 7                                        # 7 sample debts
    assert not at.get("form")                                           # no form until one is asked for
    assert "招商银行股份有限公司" in page_texts(at)                      # from the lender catalogue
    at.button(key="debts.card.add").click().run()
    assert len(at.get("form")) == 1
    assert "不含已逾期的金额" in page_texts(at)                          # 最低还款 vs 逾期金额


def test_the_table_is_the_same_rows():
    at = run_page(PAGE, state={DEBT_VIEW: "table"})
    assert len(at.data_editor) == 1 and len(at.data_editor[0].value) == 7


def test_add_a_card_with_a_minimum_percentage_and_unknown_rate():
    at = empty_page()
    assert not at.error                                                  # nothing red before anything is saved
    new_card(at, "name").set_value("招商银行信用卡")
    new_card(at, "balance").input("2万")
    new_card(at, "rate_unknown").check()
    new_card(at, "min_payment_pct").input("10")
    assert not at.error
    at = save_new(at)
    assert not at.exception and not at.error
    [row] = at.session_state[DEBT_ROWS]
    assert row["kind"] == "credit_card" and row["annual_rate"] == "18.25" and row["min_payment"] == ""
    assert row["assumed"] == "annual_rate=18.25"
    assert metric(at, "计入的债务") == "1"
    text = page_texts(at).replace("\\", "")
    assert "按估计填写" in text and "18.25" in text and "万分之五" in text       # the assumption, and why
    assert "含估计值" in at.expander[0].label


def test_unknown_minimum_takes_the_kind_s_typical_percentage():
    at = empty_page("en")
    new_card(at, "name").set_value("微粒贷")
    new_card(at, "balance").input("5000")
    new_card(at, "annual_rate").input("0.05%/day")
    new_card(at, "min_unknown").check()
    at = save_new(at)
    [row] = at.session_state[DEBT_ROWS]
    assert row["kind"] == "bank_loan" and row["min_payment_pct"] == "10" and row["assumed"] == "min_payment_pct=10"
    assert "Assumed: minimum payment % 10 %" in page_texts(at).replace("\\", "")
    assert metric(at, "Debts counted") == "1"


def test_problems_are_shown_on_save_and_what_was_typed_is_kept():
    at = empty_page()
    new_card(at, "name").set_value("借呗")
    new_card(at, "balance").input("八千")
    at = save_new(at)
    assert not at.exception
    [row] = at.session_state[DEBT_ROWS]
    assert row["balance"] == "八千" and row["kind"] == "consumer_finance"
    [top, card] = [e.value.replace("\\", "") for e in at.error]
    assert "1 笔" in top and "八千" not in top                           # the summary points to the card
    assert "已保存您填写的内容" in card and "余额：'八千' 不是数字" in card
    assert "年利率：请填写" in card and "最低还款：请填写每月最低还款金额或最低还款比例" in card
    assert metric(at, "计入的债务") == "0"
    assert "需要修改" in at.expander[0].label


def test_editing_a_card_drops_the_assumption_mark():
    at = empty_page()
    new_card(at, "name").set_value("花呗")
    new_card(at, "balance").input("3000")
    new_card(at, "rate_unknown").check()
    new_card(at, "min_unknown").check()
    at = save_new(at)
    [row] = at.session_state[DEBT_ROWS]
    assert row["assumed"] == "annual_rate=18.25;min_payment_pct=10"
    [b for b in at.button if b.label == "修改"][0].click().run()
    card = [w for w in at.checkbox if w.key.endswith(".0.rate_unknown")][0]
    assert card.value is True
    card.uncheck()
    [w for w in at.text_input if w.key.endswith(".0.annual_rate")][0].input("12%")
    [b for b in at.button if b.label == "保存"][0].click().run()
    [row] = at.session_state[DEBT_ROWS]
    assert row["annual_rate"] == "12%" and row["assumed"] == "min_payment_pct=10"


def test_delete_a_card():
    at = run_page(PAGE)
    [b for b in at.button if b.label == "删除这笔债务"][0].click().run()
    assert len(at.session_state[DEBT_ROWS]) == 7                       # asked first
    [b for b in at.button if b.label == "确定"][0].click().run()
    assert len(at.session_state[DEBT_ROWS]) == 6
