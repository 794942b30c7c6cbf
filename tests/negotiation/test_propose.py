"""Proposals: invariants on the sample portfolio and on generated portfolios (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import Debt, DebtKind, InvalidInput
from planner.negotiation import (METHODS, UnknownMethod, evaluate, load_settings, propose,
                                 what_if_refused)
from planner.negotiation.schedule import annuity, level_schedule

from .conftest import START


def check_invariants(plan, debts, budget):
    """What every plan must satisfy; returns nothing, asserts."""
    settings = load_settings()
    by_name = {d.name: d for d in debts}
    for line in plan.lines:
        d = by_name[line.name]
        # never repay less than the principal (no settlement asked for)
        assert line.total_repay >= round(d.balance, 2) - 1e-9, line
        # term limits by kind
        assert line.months <= settings.max_term(d.kind), line
        assert line.months == len(line.timetable) and all(p.amount >= 0 for p in line.timetable)
        assert line.proposed_rate_pct <= d.annual_rate
    if plan.feasible:
        assert all(total <= budget + 1e-9 for total in plan.monthly_totals())
        assert plan.min_budget is not None and plan.min_budget <= budget + 1e-9
        assert plan.binding_lender is None
    else:
        assert plan.min_budget is not None and plan.min_budget > budget
        assert plan.binding_lender in by_name
        # the lines shown are the plan at the minimum budget
        assert all(total <= plan.min_budget + 1e-9 for total in plan.monthly_totals())


def check_min_budget(debts, method):
    plan = propose(debts, 0, method, start=START)
    need = plan.min_budget
    assert need > 0 and not plan.feasible
    assert propose(debts, need, method, start=START).feasible
    assert not propose(debts, round(need - 0.01, 2), method, start=START).feasible


@pytest.mark.parametrize("method", list(METHODS))
@pytest.mark.parametrize("budget", [1000, 2000, 3000, 8500])
def test_sample_portfolio_invariants(sample_debts, method, budget):
    plan = propose(sample_debts, budget, method, start=START)
    check_invariants(plan, sample_debts, budget)


@pytest.mark.parametrize("method", list(METHODS))
def test_sample_min_budget_is_tight(sample_debts, method):
    check_min_budget(sample_debts, method)


def test_sample_known_figures(sample_debts):
    eq = propose(sample_debts, 3000, "equal_term", start=START)
    assert eq.feasible and eq.months == 31 and eq.min_budget == 2203.43
    pr = propose(sample_debts, 3000, "pro_rata", start=START)
    assert not pr.feasible and pr.binding_lender == "招联消费金融" and pr.min_budget == 3090.43
    seq = propose(sample_debts, 2000, "sequential", start=START)
    assert seq.feasible and seq.total_monthly == 2000.0
    # cards get an interest pause and a 60-month limit citing card_rules_70
    card = eq.line("招商银行信用卡")
    assert card.interest_pause and card.max_term_months == 60 and card.max_term_source == "card_rules_70"
    assert card.total_repay == card.principal
    # the overdue loan's arrears are folded in
    assert eq.line("京东金条").arrears_folded == 1520


def test_equal_term_is_shortest_common_term():
    debts = [Debt("A", balance=12000, annual_rate=0, min_payment=100, kind="credit_card"),
             Debt("B", balance=6000, annual_rate=12, min_payment=100, kind="online_loan")]
    plan = propose(debts, 1000, start=START)
    n = plan.months
    assert all(ln.months == n for ln in plan.lines)
    shorter = level_schedule(1_200_000, 0.0, n - 1)[0] + level_schedule(600_000, 12.0, n - 1)[0]
    assert shorter > 100_000          # one month fewer would not fit
    assert plan.lines[1].instalment == pytest.approx(annuity(6000, 12, n), abs=0.02)


def test_dates_follow_start():
    plan = propose([Debt("A", balance=300, annual_rate=0, min_payment=100)], 100, start=START.replace(day=31))
    assert [p.date.isoformat() for p in plan.lines[0].timetable] == ["2027-01-31", "2027-02-28", "2027-03-31"]


def test_budget_list_uses_lowest_month():
    debts = [Debt("A", balance=1200, annual_rate=0, min_payment=100)]
    plan = propose(debts, [600, 300, 600], start=START)
    assert plan.budget == 300 and plan.total_monthly <= 300


def test_unknown_method_and_bad_overrides(sample_debts):
    with pytest.raises(UnknownMethod):
        propose(sample_debts, 3000, "magic", start=START)
    with pytest.raises(InvalidInput) as e:
        propose(sample_debts, 3000, start=START,
                overrides={"nobody": {"months": 3}, "借呗": {"months": 0, "colour": "red", "waive_fees": "maybe"}})
    msgs = e.value.messages("en")
    assert len(msgs) == 4 and any("nobody" in m for m in msgs) and any("colour" in m for m in msgs)
    assert all(m for m in e.value.messages("zh"))


def test_pinned_line_and_term_limit(sample_debts):
    plan = propose(sample_debts, 3000, start=START, overrides={"借呗": {"months": 12}})
    assert plan.line("借呗").months == 12 and plan.line("借呗").pinned
    check_invariants(plan, sample_debts, 3000)
    bad = propose(sample_debts, 3000, start=START, overrides={"借呗": {"months": 48}})   # online loans: 36
    assert not bad.feasible and bad.reason.key == "neg.reason.pinned_term" and bad.binding_lender == "借呗"
    short = propose(sample_debts, 3000, start=START, overrides={"借呗": {"instalment": 100}})
    assert not short.feasible and short.reason.key == "neg.reason.pinned_short"
    assert "借呗" in short.reason.render("en") and "借呗" in short.reason.render("zh")


def test_settlement_only_when_asked(sample_debts):
    plan = propose(sample_debts, 3000, start=START, overrides={"表哥借款": {"settlement_pct": 20}})
    line = plan.line("表哥借款")
    assert line.total_repay == pytest.approx(8000, abs=0.01) and line.settlement_pct == 20


def test_settings_change_the_limits(sample_debts):
    s = load_settings({"credit_card.max_term_months": 24, "licensed_cap_pct": 15})
    plan = propose(sample_debts, 8500, start=START, settings=s)
    assert plan.line("招商银行信用卡").months <= 24
    assert plan.line("招联消费金融").proposed_rate_pct == 15


def test_what_if_refused(sample_debts):
    plan = propose(sample_debts, 3000, start=START)
    alt = what_if_refused(plan, "京东金条")
    line = alt.line("京东金条")
    assert line.refused and line.proposed_rate_pct == line.original_rate_pct and not line.penalty_waived
    # the refusing lender is paid its contractual due including the arrears
    assert line.instalment == pytest.approx(1520 + 760, abs=0.01)
    assert alt.min_budget > plan.min_budget
    check_budget = alt.budget if alt.feasible else alt.min_budget
    assert all(t <= check_budget + 1e-9 for t in alt.monthly_totals())


@pytest.mark.parametrize("method", list(METHODS))
def test_what_if_refused_puts_the_freed_money_on_the_refusing_lender(sample_debts, method):
    """A refusing card stays on its original terms (10 % minimum, 18.25 %): it is never left in arrears, and
    once the accepted instalments end the whole budget goes to it, so it is not dragged out on minimums."""
    budget = 8500
    alt = what_if_refused(propose(sample_debts, budget, method, start=START), "招商银行信用卡")
    assert alt.feasible
    card = alt.line("招商银行信用卡")
    others_end = max(ln.months for ln in alt.lines if not ln.refused)
    totals = alt.monthly_totals()
    assert all(t <= budget + 1e-9 for t in totals)
    # after the others are done, every month but the card's last uses the whole budget
    assert all(t == pytest.approx(budget, abs=0.01) for t in totals[others_end:card.months - 1])
    assert card.months <= others_end + 3          # 18,600 at 18.25 % is cleared soon after, not over 10+ years
    assert card.total_repay < 18600 * 1.1
    ev = evaluate(alt)
    assert ev.accepted.months_in_arrears == 0
    if method != "sequential":   # sequential: the engine sends what the card's falling minimum leaves to the
        outcome = {o.name: o for o in ev.accepted.outcomes}["招商银行信用卡"]    # current target instead
        assert outcome.payoff_month == card.months and outcome.paid == pytest.approx(card.total_repay, abs=0.05)


@pytest.mark.parametrize("method", list(METHODS))
def test_evaluate_uses_the_engine_and_matches_the_timetable(sample_debts, method):
    plan = propose(sample_debts, 3000, method, start=START)
    if not plan.feasible:
        plan = propose(sample_debts, plan.min_budget, method, start=START)
    ev = evaluate(plan)
    assert ev.accepted.months_to_debt_free == plan.months
    assert ev.accepted.months_in_arrears == 0
    assert ev.accepted.total_paid == pytest.approx(plan.total_repay, abs=0.01 * plan.months * len(plan.lines))
    rows = {r["measure"]: r for r in ev.rows()}
    assert rows["total_cost"]["no_deal"] > rows["total_cost"]["accepted"]
    assert rows["months_in_arrears"]["no_deal"] > 0       # 京东金条 is already overdue


# ----------------------------------------------------------------------------- generated portfolios

KINDS = [k.value for k in DebtKind]


@st.composite
def portfolios(draw):
    n = draw(st.integers(1, 6))
    debts = []
    for i in range(n):
        balance = draw(st.floats(50, 60_000, allow_nan=False).map(lambda x: round(x, 2)))
        overdue = draw(st.sampled_from([0, 0, 30, 95]))
        debts.append(Debt(
            f"L{i}", balance=balance, annual_rate=draw(st.floats(0, 60).map(lambda x: round(x, 3))),
            min_payment=round(balance / draw(st.integers(3, 36)), 2), kind=draw(st.sampled_from(KINDS)),
            overdue_days=overdue))
    return tuple(debts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(debts=portfolios(), budget=st.floats(0, 30_000).map(lambda x: round(x, 2)),
       method=st.sampled_from(list(METHODS)))
def test_generated_portfolios_invariants(debts, budget, method):
    plan = propose(debts, budget, method, start=START)
    check_invariants(plan, debts, budget)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(debts=portfolios(), method=st.sampled_from(list(METHODS)))
def test_generated_min_budget_is_tight(debts, method):
    check_min_budget(debts, method)
