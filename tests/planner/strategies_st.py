"""Hypothesis strategies for portfolios: arrears, penalty rates, late fees, daily rates,
card-style minimums, income shocks and every strategy."""

from __future__ import annotations

from hypothesis import strategies as st

KINDS = ["credit_card", "online_loan", "consumer_finance", "bank_loan", "private_loan", "other"]
money = st.floats(min_value=1, max_value=200_000, allow_nan=False).map(lambda x: round(x, 2))
rate = st.one_of(st.just(0.0), st.floats(min_value=0, max_value=60).map(lambda x: round(x, 3)))


@st.composite
def debt_dict(draw, i: int) -> dict:
    d = {"name": f"D{i}", "kind": draw(st.sampled_from(KINDS)), "balance": draw(money)}
    if draw(st.booleans()):
        d["annual_rate"] = draw(rate)
    else:
        d["daily_rate"] = round(draw(st.floats(min_value=0, max_value=0.1)), 4)
    card = draw(st.booleans())
    d["min_payment"] = 0.0 if card and draw(st.booleans()) else round(d["balance"] / draw(st.integers(1, 48)), 2)
    if card:
        d["min_payment_pct"] = draw(st.sampled_from([0.0, 5.0, 10.0]))
    if draw(st.booleans()):
        d["penalty_rate"] = draw(rate)
    if draw(st.booleans()):
        d["late_fee_pct"] = draw(st.sampled_from([0.0, 1.0, 5.0, 10.0]))
    overdue = draw(st.sampled_from([0, 0, 10, 31, 95]))
    if overdue:
        d["overdue_days"] = overdue
        if draw(st.booleans()):
            d["arrears"] = round(min(d["balance"], draw(money)), 2)
    return d


@st.composite
def portfolio(draw, min_size: int = 1, max_size: int = 8) -> list[dict]:
    n = draw(st.integers(min_size, max_size))
    return [draw(debt_dict(i)) for i in range(n)]


@st.composite
def budget_for(draw, debts: list[dict]):
    scale = sum(d["balance"] for d in debts) / 24
    base = round(draw(st.floats(min_value=0, max_value=2.0)) * scale, 2)
    if draw(st.booleans()):
        return base
    shock = [base] * draw(st.integers(0, 4)) + [round(base * draw(st.floats(0, 1)), 2)] * draw(st.integers(1, 8))
    return shock + [base]


@st.composite
def case(draw) -> dict:
    debts = draw(portfolio())
    strategy = draw(st.sampled_from(["avalanche", "snowball", "custom", "spread", "minimum"]))
    c = {"debts": debts, "budget": draw(budget_for(debts)), "strategy": strategy,
         "horizon": draw(st.sampled_from([1, 12, 60, 240]))}
    if strategy == "custom":
        names = [d["name"] for d in debts]
        c["order"] = draw(st.permutations(names).map(lambda p: list(p[:max(1, len(p) // 2)])))
    return c
