"""Budget changes over time, include/exclude per debt, and the plan inputs that every simulation uses."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from planner import BudgetPlan, Debt, IncomeShock, simulate
from planner.budget_events import (BudgetEvent, budget_with_events, excluded_expense, parse_events,
                                   split_excluded)
from planner.month import this_month
from planner.plan_inputs import agreed_rows, plan_inputs

PLAN = BudgetPlan(income=10_000, expenses={"rent": 3_000, "food": 1_000}, buffer=500)


@settings(max_examples=60, deadline=None)
@given(income=st.floats(0, 50_000), loss=st.floats(0, 100), months=st.integers(1, 12), start=st.integers(1, 12))
def test_no_events_is_exactly_the_plan(income, loss, months, start):
    plan = BudgetPlan(income=income, expenses={"rent": 2000}, shock=IncomeShock(loss, months, start))
    assert budget_with_events(plan, []) == plan.to_budget()


def test_extra_and_income_change_month_by_month():
    events = [BudgetEvent("extra", 2, 8000), BudgetEvent("income_change", 4, 12_000),
              BudgetEvent("extra", 4, 1000)]
    assert budget_with_events(PLAN, events).monthly == (5500.0, 13500.0, 5500.0, 8500.0, 7500.0)
    shocked = PLAN.with_shock(IncomeShock(50, 2, 1))
    assert budget_with_events(shocked, [BudgetEvent("income_change", 2, 20_000)]).monthly == (
        500.0, 5500.0, 15500.0)


def test_events_change_the_simulation_and_the_month_list():
    debts = [Debt("借呗", balance=20_000, annual_rate=18, min_payment=1000)]
    base = simulate(debts, budget_with_events(PLAN, []), "avalanche")
    bonus = simulate(debts, budget_with_events(PLAN, [BudgetEvent("extra", 1, 10_000)]), "avalanche")
    assert bonus.months_to_debt_free < base.months_to_debt_free
    m = this_month(debts, budget_with_events(PLAN, [BudgetEvent("extra", 1, 10_000)]), today=date(2026, 12, 1))
    assert m.items[0].amount_cents == 1_550_000


def test_bad_events_are_data():
    events, issues = parse_events([{"kind": "lottery", "month": "0", "amount": "-1"}, {"kind": "", "month": "",
                                                                                        "amount": ""},
                                   {"kind": "extra", "month": "三", "amount": "1万"}])
    assert events == []
    got = {(i.row, i.column, i.code) for i in issues}
    assert {(1, "event.kind", "unknown_event"), (1, "event.month", "horizon_range"), (1, "event.amount", "negative"),
            (3, "event.month", "not_a_number")} <= got
    assert all(i.message("zh") and i.message("en") for i in issues)
    assert parse_events([{"kind": "extra", "month": "3", "amount": "1万"}])[0] == [BudgetEvent("extra", 3, 10_000.0)]


def test_excluded_debt_leaves_the_plan_and_its_payment_becomes_an_expense():
    mortgage = Debt("房贷", balance=500_000, annual_rate=4, min_payment=3000)
    card = Debt("卡", balance=10_000, annual_rate=18, min_payment=0, min_payment_pct=10)
    included, excluded = split_excluded([mortgage, card], [" 房 贷"])
    assert included == [card] and excluded == [mortgage]
    assert excluded_expense([mortgage, card]) == 4000
    p = plan_inputs([mortgage, card], PLAN, settings={"excluded_debts": ["房贷"]})
    assert p.debts == (card,) and p.budget.monthly == (2500.0,) and p.excluded == (mortgage,)
    # the same as simulating the card alone with 3000 less money each month
    assert simulate(list(p.debts), p.budget).total_paid == simulate([card], 2500).total_paid


def test_plan_inputs_apply_agreements_and_report_problems():
    debts = [Debt("借呗", balance=9000, annual_rate=18, min_payment=900, overdue_days=40)]
    p = plan_inputs(debts, PLAN, negotiation={"answers": {"借呗": {"status": "accepted", "monthly": "400",
                                                                  "months": "24", "rate": "0", "date": "2026-12-03"}}},
                    budget_events=[{"kind": "extra", "month": "x", "amount": "1"}])
    assert p.agreed == ("借呗",) and p.debts[0].min_payment == 400 and p.debts[0].effective_arrears == 0
    assert [i.column for i in p.issues] == ["event.month"]
    rows = agreed_rows(debts, p.agreements)
    assert rows == [{"name": "借呗", "balance": 9000.0, "contract_rate": 18.0, "contract_payment": 900.0,
                     "agreed_monthly": 400.0, "agreed_months": 24, "agreed_rate": 0.0, "agreed_amount": 9000.0,
                     "waive_penalty": False, "waive_fees": False, "fold_arrears": True, "agreed_on": "2026-12-03"}]
