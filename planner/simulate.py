"""Public entry points: :func:`simulate` one strategy, :func:`simulate_many` a batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .engine import ALLOC_MINIMUM, ALLOC_PRIORITY, ALLOC_SPREAD, BatchInput, run_batch
from .models import (DEFAULT_HORIZON, MAX_HORIZON, Budget, Debt, InvalidInput, ValidationIssue,
                     check_portfolio)
from .results import DebtOutcome, MonthlySeries, SimulationResult
from .strategies import MINIMUM, PRIORITY, SPREAD, get_strategy


@dataclass(frozen=True)
class Case:
    """One portfolio to simulate: debts, budget, strategy, custom order, horizon."""

    debts: tuple[Debt, ...]
    budget: Budget
    strategy: str = "avalanche"
    order: tuple[str, ...] = ()
    horizon: int = DEFAULT_HORIZON


def make_case(debts: Sequence[Debt], budget, strategy: str = "avalanche",
              order: Sequence[str] | None = None, horizon: int | None = None) -> Case:
    """Validate and bundle the inputs of one simulation (raises :class:`InvalidInput`)."""
    debts = tuple(debts)
    issues = check_portfolio(debts)
    h = DEFAULT_HORIZON if horizon is None else horizon
    if isinstance(h, bool) or not isinstance(h, (int, np.integer)) or not 1 <= h <= MAX_HORIZON:
        issues.append(ValidationIssue(None, "horizon", str(horizon), "horizon_range",
                                      (("limit", MAX_HORIZON),)))
    if issues:
        raise InvalidInput(issues)
    strat = get_strategy(strategy)
    case = Case(debts, Budget.of(budget), strat.key, tuple(order or ()), int(h))
    strat.order(debts, case.order)  # validates a custom order now
    return case


def simulate(debts: Sequence[Debt], budget, strategy: str = "avalanche", *,
             order: Sequence[str] | None = None, horizon: int | None = None,
             series: bool = True) -> SimulationResult:
    """Simulate one strategy month by month.

    ``budget`` is a number (the same every month), a list (month 1, 2, …; the
    last entry repeats) or a :class:`Budget`.

    >>> from planner import Debt, simulate
    >>> r = simulate([Debt("卡", balance=1000, annual_rate=12, min_payment=100)], 100, "minimum")
    >>> r.months_to_debt_free, round(r.total_interest, 2), round(r.total_paid, 2)
    (11, 58.98, 1058.98)
    """
    case = make_case(debts, budget, strategy, order, horizon)
    return simulate_many([case], series=series)[0]


class Diverges(InvalidInput):
    """A case whose amounts grow beyond any computable number within the horizon."""

    def __init__(self) -> None:
        super().__init__([ValidationIssue(None, None, "", "diverges")])


def simulate_many(cases: Sequence[Case], *, series: bool = False,
                  keep_diverging: bool = False) -> list[SimulationResult | None]:
    """Simulate many validated cases at once (vectorised across portfolios).

    A case that diverges raises :class:`Diverges` (an :class:`InvalidInput`), or with
    ``keep_diverging`` gives ``None`` in its place while the others are still returned.
    """
    if not cases:
        return []
    inp, perms = _to_arrays(cases)
    out = run_batch(inp, record=series)
    results: list[SimulationResult | None] = []
    for k, c in enumerate(cases):
        try:
            results.append(_result(c, out, k, perms[k]))
        except Diverges:
            if not keep_diverging:
                raise
            results.append(None)
    return results


ALLOCATION_CODES = {PRIORITY: ALLOC_PRIORITY, MINIMUM: ALLOC_MINIMUM, SPREAD: ALLOC_SPREAD}


def _to_arrays(cases: Sequence[Case]) -> tuple[BatchInput, list[np.ndarray]]:
    P = len(cases)
    N = max(len(c.debts) for c in cases)
    L = max(len(c.budget.monthly) for c in cases)
    cols = {k: np.zeros((P, N)) for k in ("balance", "rate", "penalty_rate", "min_payment",
                                          "min_pct", "late_fee_pct", "arrears")}
    budget = np.zeros((P, L))
    blen = np.empty(P, dtype=np.int64)
    horizon = np.empty(P, dtype=np.int64)
    allocation = np.empty(P, dtype=np.int64)
    perms = []
    for p, c in enumerate(cases):
        strat = get_strategy(c.strategy)
        perm = np.asarray(strat.order(c.debts, c.order), dtype=np.int64)
        perms.append(perm)
        for j, src in enumerate(perm):
            d = c.debts[src]
            cols["balance"][p, j] = d.balance
            cols["rate"][p, j] = d.annual_rate
            cols["penalty_rate"][p, j] = d.effective_penalty_rate
            cols["min_payment"][p, j] = d.min_payment
            cols["min_pct"][p, j] = d.min_payment_pct
            cols["late_fee_pct"][p, j] = d.late_fee_pct
            cols["arrears"][p, j] = d.effective_arrears
        m = c.budget.monthly
        budget[p, :len(m)] = m
        blen[p] = len(m)
        horizon[p] = c.horizon
        allocation[p] = ALLOCATION_CODES[strat.allocation]
    return BatchInput(budget=budget, budget_len=blen, horizon=horizon, allocation=allocation, **cols), perms


def _result(case: Case, out, k: int, perm: np.ndarray) -> SimulationResult:
    n = len(case.debts)
    inv = np.empty(n, dtype=np.int64)
    inv[perm] = np.arange(n)          # input position -> column
    outcomes = []
    for i, d in enumerate(case.debts):
        j = inv[i]
        pm = int(out.payoff_month[k, j])
        outcomes.append(DebtOutcome(
            name=d.name, payoff_month=pm or None, months_in_arrears=int(out.months_in_arrears[k, j]),
            paid=float(out.paid[k, j]), interest=float(out.interest[k, j]),
            penalty_interest=float(out.penalty_interest[k, j]), fees=float(out.fees[k, j]),
            final_balance=float(out.final_balance[k, j])))
    if not all(np.isfinite([o.paid + o.interest + o.fees + o.final_balance for o in outcomes])):
        raise Diverges()
    months = int(out.months_to_debt_free[k])
    run = int(out.months_run[k])
    series = None
    if out.series is not None:
        cols = inv  # reorder columns back to input order
        series = MonthlySeries(
            names=tuple(d.name for d in case.debts),
            balance=out.series["balance"][k, :run][:, cols],
            payment=out.series["payment"][k, :run][:, cols],
            interest=out.series["interest"][k, :run][:, cols],
            fee=out.series["fee"][k, :run][:, cols],
            arrears=out.series["arrears"][k, :run][:, cols],
            budget=case.budget.for_months(run),
        )
    return SimulationResult(
        strategy=case.strategy, debts=case.debts, months_to_debt_free=months or None, months_run=run,
        total_paid=sum(o.paid for o in outcomes), total_interest=sum(o.interest for o in outcomes),
        total_penalty_interest=sum(o.penalty_interest for o in outcomes),
        total_fees=sum(o.fees for o in outcomes), unspent=float(out.unspent[k]),
        remaining_balance=sum(o.final_balance for o in outcomes), outcomes=tuple(outcomes), series=series)
