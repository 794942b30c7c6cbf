"""Recorded lender answers on the negotiation side: agreed lenders leave the proposal and their agreed
payments leave the budget (the same figures as the month page and the calendar); refusals are noted."""

from __future__ import annotations

from datetime import date

import pytest

from planner import BudgetPlan, Debt, this_month
from planner.month import payment_schedule
from planner.negotiation import negotiation_inputs, propose, reconsider_letter
from planner.plan_inputs import plan_inputs

TODAY = date(2026, 12, 1)
START = date(2027, 1, 1)
PLAN = BudgetPlan(income=15_000, expenses={"rent": 2_800, "food": 1_500, "transport": 400, "other": 1_800})
ANSWERS = {"answers": {
    "借呗": {"status": "accepted", "date": "2026-11-20", "monthly": "800", "months": "15", "rate": "0",
             "waive_penalty": True, "waive_fees": True},
    "京东金条": {"status": "refused", "date": "2026-11-25", "monthly": "300", "months": "24"},
    "微粒贷": {"status": "no_answer", "date": "2026-11-10"},
    "招联消费金融": {"status": "proposed"},
}}


def _inputs(debts, plan=PLAN, negotiation=ANSWERS, settings=None):
    return plan_inputs(debts, plan, negotiation=negotiation, settings=settings or {}, budget_events=[])


def test_an_agreed_lender_is_not_proposed_and_its_payments_leave_the_budget(sample_debts):
    inputs = _inputs(sample_debts)
    n = negotiation_inputs(inputs, ANSWERS, today=TODAY, start=START)
    assert [d.name for d in n.open_debts] == [d.name for d in sample_debts if d.name != "借呗"]
    (agreed,) = n.agreed
    assert (agreed.name, agreed.monthly, agreed.months, agreed.agreed_on) == ("借呗", 800.0, 15, date(2026, 11, 20))
    assert agreed.scheduled_months == 15 and agreed.total_cents == 1_200_000
    assert agreed.first_payment == date(2026, 12, 10) and agreed.last_payment == date(2028, 2, 10)   # 还款日 10
    budget = inputs.budget.for_month(1)
    assert budget == 8500
    assert n.agreed_this_month == 800 and n.left.monthly[0] == budget - 800 and n.left_lowest == budget - 800
    # this month, the month page and the calendar show the same agreed amount (later, once the other debts are
    # cleared, the engine may send extra money to 借呗: the money to share is what the agreement asks)
    month = this_month(list(inputs.contract_debts), inputs.budget, "avalanche", today=TODAY,
                       agreements=inputs.agreements)
    item = next(i for i in month.items if i.name == "借呗")
    assert item.status == "agreed" and item.amount_cents == agreed.payments_cents[0] == 80_000
    calendar = [p for p in payment_schedule(list(inputs.contract_debts), inputs.budget, "avalanche", today=TODAY,
                                            agreements=inputs.agreements) if p.name == "借呗"]
    assert (calendar[0].month, calendar[0].amount_cents, calendar[0].due_date) == (1, 80_000, agreed.first_payment)
    # the proposals share what is left, never more
    plan = propose(n.open_debts, n.left, "equal_term", start=START)
    assert plan.feasible and plan.budget == budget - 800 and plan.total_monthly <= budget - 800
    assert "借呗" not in [ln.name for ln in plan.lines]


def test_the_left_budget_follows_the_calendar_months_of_the_proposal():
    debts = [Debt("A", balance=1500, annual_rate=0, min_payment=500, due_day=5),
             Debt("B", balance=5000, annual_rate=12, min_payment=400)]
    neg = {"answers": {"A": {"status": "accepted", "monthly": "500"}}}
    inputs = _inputs(debts, plan=BudgetPlan(income=2000), negotiation=neg)
    # A pays 500 in Dec, Jan, Feb. Proposal from February: one month with A, then the whole budget
    n = negotiation_inputs(inputs, neg, today=TODAY, start=date(2027, 2, 1))
    assert n.left.monthly[:2] == (1500.0, 2000.0) and n.left.for_month(9) == 2000 and n.left_lowest == 1500
    assert n.agreed[0].months == 3 and not n.agreed[0].months_recorded
    # from this month: the same payments, seen from December
    assert negotiation_inputs(inputs, neg, today=TODAY, start=date(2026, 12, 20)).left.monthly[:4] == \
        (1500.0, 1500.0, 1500.0, 2000.0)
    # an income shock in the budget is kept, month by month
    from planner.budget import IncomeShock
    shocked = plan_inputs(debts, BudgetPlan(income=2000).with_shock(IncomeShock(loss_pct=50, months=2, start_month=2)),
                          negotiation=neg)
    n = negotiation_inputs(shocked, neg, today=TODAY, start=TODAY)
    assert n.left.monthly[:4] == (1500.0, 500.0, 500.0, 2000.0)


def test_agreed_payments_above_the_budget_leave_nothing_and_do_not_crash():
    debts = [Debt("A", balance=9000, annual_rate=0, min_payment=500), Debt("B", balance=900, annual_rate=0,
                                                                             min_payment=100)]
    neg = {"answers": {"A": {"status": "accepted", "monthly": "3000"}}}
    n = negotiation_inputs(_inputs(debts, plan=BudgetPlan(income=2000), negotiation=neg), neg, today=TODAY,
                           start=START)
    assert n.left_lowest == 0
    plan = propose(n.open_debts, n.left, "equal_term", start=START)
    assert not plan.feasible and plan.min_budget > 0


def test_every_lender_agreed_leaves_nothing_to_propose(sample_debts):
    neg = {"answers": {d.name: {"status": "accepted", "monthly": "100"} for d in sample_debts}}
    n = negotiation_inputs(_inputs(sample_debts, negotiation=neg), neg, today=TODAY, start=START)
    assert n.open_debts == () and len(n.agreed) == len(sample_debts) and n.agreed_this_month == 700


def test_excluded_debts_are_neither_agreed_nor_proposed(sample_debts):
    n = negotiation_inputs(_inputs(sample_debts, settings={"excluded_debts": ["表哥借款"]}), ANSWERS, today=TODAY,
                           start=START)
    assert "表哥借款" not in [d.name for d in n.open_debts + n.contract_debts]


@pytest.mark.parametrize("lang, texts", [
    ("zh", {"京东金条": "已于2026年11月25日拒绝 — 请对方重新考虑（“请求重新考虑函”）", "微粒贷": "未答复（2026年11月10日记录）",
            "招联消费金融": "已提出方案，等待答复"}),
    ("en", {"京东金条": "Refused on 25 Nov 2026 — ask them to reconsider (reconsider letter)",
            "微粒贷": "No answer (recorded 10 Nov 2026)", "招联消费金融": "Proposal sent, waiting"}),
])
def test_answers_other_than_accepted_are_noted(sample_debts, lang, texts):
    n = negotiation_inputs(_inputs(sample_debts), ANSWERS, today=TODAY, start=START)
    assert {k: v.text(lang) for k, v in n.notes.items()} == texts
    assert [k for k, v in n.notes.items() if v.reconsider] == ["京东金条"]
    assert n.notes["京东金条"].label(lang) == ("已拒绝（2026年11月25日）" if lang == "zh" else "Refused (25 Nov 2026)")
    assert n.notes["微粒贷"].label(lang) == texts["微粒贷"]
    undated = {"answers": {"京东金条": {"status": "refused", "date": "someday"}, "微粒贷": {"status": "maybe"}}}
    notes = negotiation_inputs(_inputs(sample_debts, negotiation=undated), undated, today=TODAY, start=START).notes
    assert list(notes) == ["京东金条"] and ("未记录日期" if lang == "zh" else "date not recorded") in \
        notes["京东金条"].text(lang)


@pytest.mark.parametrize("lang, words", [
    ("zh", ("贵司已于2026年11月25日答复不同意", "每月还款 ¥", "共 10 期", "需在 7 笔债务之间分配")),
    ("en", ("On 25 Nov 2026 your company declined", "a month for 10 months", "shared between 7 debts")),
])
def test_the_reconsider_letter_carries_the_new_proposal(sample_debts, lang, words):
    inputs = _inputs(sample_debts)
    n = negotiation_inputs(inputs, ANSWERS, today=TODAY, start=START)
    plan = propose(n.open_debts, n.left, "equal_term", start=START)
    line = plan.line("京东金条")
    debt = next(d for d in sample_debts if d.name == "京东金条")
    text = reconsider_letter(debt, line, lang, today=TODAY, followups={}, answers=ANSWERS["answers"],
                             budget=n.budget.for_month(1), lenders=len(n.contract_debts), profile={"name": "王五"})
    from planner import format_money
    for w in words + (format_money(line.instalment, lang), format_money(line.total_repay, lang),
                      format_money(8500, lang), "王五"):
        assert w in text, w
    assert format_money(300, lang) + (" a month" if lang == "en" else "") not in text   # the refused offer is replaced
