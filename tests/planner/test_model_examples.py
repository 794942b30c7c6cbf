"""docs/model.md's worked examples, and the rules the model states in words."""

import math

import pytest

from planner import Budget, Debt, simulate

CARD = Debt("卡", balance=1000, annual_rate=12, min_payment=100)


def test_worked_example_minimum_payments():
    r = simulate([CARD], 100, "minimum")
    s = r.series
    assert round(s.interest[0, 0], 2) == 10.00 and round(s.balance[0, 0], 2) == 910.00
    assert round(s.interest[1, 0], 2) == 9.10 and round(s.balance[1, 0], 2) == 819.10
    assert r.months_to_debt_free == 11 and r.outcomes[0].payoff_month == 11
    assert round(r.total_interest, 2) == 58.98 and round(r.total_paid, 2) == 1058.98
    assert r.to_dict()["remaining_balance"] == 0.0


def test_worked_example_short_budget_goes_into_arrears():
    r = simulate([CARD], 50, "minimum", horizon=2)
    s = r.series
    assert round(s.balance[0, 0], 2) == 960.00 and round(s.arrears[0, 0], 2) == 50.00
    assert round(s.interest[1, 0], 2) == 14.40          # penalty rate 18 %/year = 1.5 × 12
    assert round(s.balance[1, 0], 2) == 924.40 and round(s.arrears[1, 0], 2) == 100.00
    assert round(r.total_interest, 2) == 24.40
    assert r.outcomes[0].months_in_arrears == 2
    assert r.months_to_debt_free is None


def test_defaults_penalty_and_arrears():
    d = Debt("x", balance=5000, annual_rate=20, min_payment=700, overdue_days=61)
    assert d.effective_penalty_rate == 30
    assert d.effective_arrears == 700 * math.ceil(61 / 30)
    assert Debt("y", balance=500, annual_rate=1, min_payment=700, overdue_days=10).effective_arrears == 500


def test_late_fee_is_a_percent_of_the_shortfall():
    d = Debt("x", balance=1000, annual_rate=0, min_payment=200, late_fee_pct=10)
    r = simulate([d], 50, "minimum", horizon=1)
    assert r.series.fee[0, 0] == pytest.approx(15.0)    # 10 % of (200 − 50)
    assert r.series.balance[0, 0] == pytest.approx(965.0)


def test_card_minimum_is_a_percent_of_the_balance_after_interest():
    d = Debt("card", balance=10_000, annual_rate=18, min_payment=100, min_payment_pct=10)
    r = simulate([d], 5000, "minimum", horizon=1)
    assert r.series.payment[0, 0] == pytest.approx(0.10 * 10_150)


def test_avalanche_sends_extra_to_highest_rate_and_rolls_over():
    a = Debt("low", balance=1000, annual_rate=5, min_payment=10)
    b = Debt("high", balance=1000, annual_rate=30, min_payment=10)
    r = simulate([a, b], 600, "avalanche")
    assert r.series.payment[0, 1] > r.series.payment[0, 0]
    assert r.outcomes[1].payoff_month < r.outcomes[0].payoff_month
    # the month "high" closes, its leftover money goes to "low" the same month
    m = r.outcomes[1].payoff_month - 1
    assert r.series.payment[m].sum() == pytest.approx(600)


def test_snowball_pays_smallest_first():
    big = Debt("big", balance=9000, annual_rate=30, min_payment=10)
    small = Debt("small", balance=500, annual_rate=5, min_payment=10)
    r = simulate([big, small], 700, "snowball")
    assert r.outcomes[1].payoff_month == 1


def test_custom_order_and_unnamed_follow_in_input_order():
    debts = [Debt(n, balance=1000, annual_rate=0, min_payment=0) for n in ("A", "B", "C")]
    r = simulate(debts, 1000, "custom", order=["C"], horizon=3)
    assert [o.payoff_month for o in r.outcomes] == [2, 3, 1]


def test_spread_shares_extra_in_proportion_to_what_remains():
    a = Debt("a", balance=1000, annual_rate=0, min_payment=100)
    b = Debt("b", balance=3000, annual_rate=0, min_payment=100)
    r = simulate([a, b], 600, "spread", horizon=1)
    # dues 100 + 100, extra 400 shared 900 : 2900
    assert r.series.payment[0, 0] == pytest.approx(100 + 400 * 900 / 3800)
    assert r.series.payment[0, 1] == pytest.approx(100 + 400 * 2900 / 3800)


def test_spread_short_budget_is_pro_rata_to_dues_and_everyone_falls_behind():
    a = Debt("a", balance=1000, annual_rate=0, min_payment=300)
    b = Debt("b", balance=1000, annual_rate=0, min_payment=100)
    r = simulate([a, b], 200, "spread", horizon=1)
    assert list(r.series.payment[0]) == pytest.approx([150, 50])
    assert (r.series.arrears[0] > 0).all()


def test_unspent_money_is_not_carried():
    r = simulate([Debt("a", balance=100, annual_rate=0, min_payment=10)], [50, 0, 0], "minimum", horizon=3)
    assert r.series.payment[:, 0].tolist() == [10, 0, 0]   # 40 left in month 1 does not help month 2
    assert round(r.unspent, 2) == 40


def test_budget_list_repeats_its_last_month():
    assert Budget.of([3, 2]).for_months(4).tolist() == [3, 2, 2, 2]
    r = simulate([Debt("a", balance=1000, annual_rate=0, min_payment=0)], [0, 100], "avalanche")
    assert r.months_to_debt_free == 11


def test_run_stops_when_everything_is_closed():
    r = simulate([Debt("a", balance=100, annual_rate=0, min_payment=100)], 1000, "avalanche")
    assert r.months_to_debt_free == 1 and r.series.months == 1
    assert round(r.unspent, 2) == 900


def test_half_cent_thresholds():
    # a shortfall of exactly half a cent is not arrears; a balance of half a cent is closed
    d = Debt("a", balance=100.005, annual_rate=0, min_payment=100.005)
    r = simulate([d], 100, "minimum", horizon=1)
    assert r.outcomes[0].payoff_month == 1 and r.outcomes[0].months_in_arrears == 0


def test_a_plan_that_grows_beyond_floats_is_reported_not_returned_as_nan():
    from planner import InvalidInput
    from planner.batch import run_cases
    d = dict(name="x", balance=1e9, annual_rate=1000, min_payment=1e9, late_fee_pct=100)
    with pytest.raises(InvalidInput) as e:
        simulate([Debt(**d)], 0, "spread", horizon=1200)
    assert e.value.issues[0].code == "diverges"
    assert "grows beyond" in run_cases([{"id": 1, "debts": [d], "budget": 0, "horizon": 1200}])[0]["error"]
