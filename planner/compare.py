"""Compare every strategy on one portfolio and rank them.

The ranking follows what matters to a borrower under pressure: getting out at
all, then getting out soonest, then cheapest (interest + penalty interest +
fees), then with the fewest months in which some account is in arrears (what
brings collection calls).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .models import Budget, Debt
from .results import SimulationResult
from .simulate import Diverges, make_case, simulate_many
from .strategies import STRATEGIES


@dataclass(frozen=True)
class BudgetCheck:
    """Month 1 of the plan: what is due, what interest accrues, against the budget."""

    budget: float
    total_due: float
    total_interest: float

    @property
    def covers_dues(self) -> bool:
        return self.budget + 0.005 >= self.total_due

    @property
    def covers_interest(self) -> bool:
        return self.budget > self.total_interest

    @property
    def dues_gap(self) -> float:
        return max(0.0, self.total_due - self.budget)


def budget_check(debts: Sequence[Debt], budget) -> BudgetCheck:
    """Dues and interest of the first month (after the first accrual), per docs/model.md."""
    b = Budget.of(budget).first
    due_total = interest_total = 0.0
    for d in debts:
        rate = d.effective_penalty_rate if d.effective_arrears > 0 else d.annual_rate
        interest = d.balance * rate / 1200
        bal = d.balance + interest
        due_total += min(bal, d.effective_arrears + max(d.min_payment, d.min_payment_pct / 100 * bal))
        interest_total += interest
    return BudgetCheck(b, due_total, interest_total)


def rank_key(r: SimulationResult) -> tuple:
    return (not r.debt_free, r.months_to_debt_free or r.months_run, round(r.total_cost, 2),
            r.months_in_arrears, r.remaining_balance)


@dataclass(frozen=True)
class Comparison:
    results: dict[str, SimulationResult]
    ranking: tuple[str, ...]
    check: BudgetCheck
    diverged: tuple[str, ...] = ()     # strategies whose amounts grow beyond any number: not ranked, not shown

    @property
    def best(self) -> SimulationResult:
        return self.results[self.ranking[0]]

    def __getitem__(self, key: str) -> SimulationResult:
        return self.results[key]

    def rows(self) -> list[dict[str, object]]:
        """One summary row per strategy, best first (numbers unrounded)."""
        out = []
        for rank, key in enumerate(self.ranking, start=1):
            r = self.results[key]
            out.append({"rank": rank, "strategy": key, "months_to_debt_free": r.months_to_debt_free,
                        "total_paid": r.total_paid, "total_interest": r.total_interest,
                        "penalty_interest": r.total_penalty_interest, "total_fees": r.total_fees,
                        "total_cost": r.total_cost, "months_in_arrears": r.months_in_arrears,
                        "remaining_balance": r.remaining_balance})
        return out


def compare(debts: Sequence[Debt], budget, *, strategies: Sequence[str] | None = None,
            order: Sequence[str] | None = None, horizon: int | None = None,
            series: bool = True) -> Comparison:
    """Run every strategy (``custom`` only when an ``order`` is given) and rank them.

    >>> from planner import Debt, compare
    >>> debts = [Debt("A", balance=5000, annual_rate=24, min_payment=200),
    ...          Debt("B", balance=2000, annual_rate=12, min_payment=100)]
    >>> c = compare(debts, 1000)
    >>> c.ranking[0], c.best.months_to_debt_free
    ('avalanche', 8)
    """
    keys = list(strategies) if strategies else [k for k in STRATEGIES if k != "custom" or order]
    cases = [make_case(debts, budget, k, order if k == "custom" else None, horizon) for k in keys]
    outcome = dict(zip(keys, simulate_many(cases, series=series, keep_diverging=True)))
    results = {k: r for k, r in outcome.items() if r is not None}
    if not results:
        raise Diverges()
    ranking = tuple(sorted(results, key=lambda k: rank_key(results[k])))
    diverged = tuple(k for k, r in outcome.items() if r is None)
    return Comparison(results, ranking, budget_check(debts, budget), diverged)
