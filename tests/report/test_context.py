"""What the report computes before typesetting: schedule rows, pseudonyms, budgets, dates."""

from __future__ import annotations

from datetime import date

import pytest

from planner import BudgetPlan, Debt, simulate
from planner.report.context import build_context, pseudonym, schedule_rows
from planner.report.integrations import first_payment_date, mask_profile
from tests.report.helpers import sample_debts


def test_schedule_lists_24_months_then_years_and_adds_up():
    r = simulate(sample_debts(), 2500, "avalanche")
    rows, truncated = schedule_rows(r)
    assert not truncated and r.months_to_debt_free > 36
    assert [x.first for x in rows[:24]] == list(range(1, 25)) and all(not x.is_year for x in rows[:24])
    assert all(x.is_year and x.last - x.first <= 11 for x in rows[24:])
    assert rows[-1].last == r.months_to_debt_free and rows[-1].balance == pytest.approx(0, abs=0.01)
    assert sum(x.paid for x in rows) == pytest.approx(r.total_paid, abs=0.01)
    assert sum(sum(x.payments) for x in rows) == pytest.approx(r.total_paid, abs=0.01)
    assert sum(x.cost for x in rows) == pytest.approx(r.total_cost, abs=0.01)


def test_a_plan_that_never_clears_is_cut_after_ten_years():
    r = simulate([Debt("贷", balance=50_000, annual_rate=36, min_payment=500)], 800, "minimum")
    rows, truncated = schedule_rows(r)
    assert truncated and rows[-1].last == 120


@pytest.mark.parametrize("name, expected", [("张三丰", "张**"), ("李四", "李**"), ("王", "王**"),
                                            ("Li Wei", "L. W."), ("  ", "")])
def test_pseudonym(name, expected):
    assert pseudonym(name) == expected


def test_mask_profile_keeps_the_last_four_digits_only():
    masked = mask_profile({"name": "张**", "contact": "手机 138-1234-5678", "hardship": "illness"})
    assert masked["contact"] == "手机 ***-****-5678" and masked["hardship"] == "illness"


def test_a_budget_plan_without_expenses_is_printed_as_a_number():
    ctx = build_context(sample_debts(), BudgetPlan(income=3000), lang="zh", strategy="avalanche", method=None,
                        today=date(2026, 12, 1))
    assert ctx.budget_plan is None and ctx.budget.first == 3000


def test_negotiated_first_payment_is_next_month_and_the_schedule_starts_this_month():
    assert first_payment_date(date(2026, 12, 31)) == date(2027, 1, 1)
    ctx = build_context(sample_debts(), 6000, lang="en", strategy="snowball", method="sequential",
                        today=date(2026, 12, 31))
    assert ctx.negotiation.start == date(2027, 1, 1) and ctx.negotiation.method == "sequential"
    assert ctx.month_date(1) == date(2026, 12, 1) and ctx.month_date(2) == date(2027, 1, 1)
    assert set(ctx.letters) == {d.name for d in sample_debts()}
