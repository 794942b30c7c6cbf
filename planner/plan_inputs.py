"""The inputs every simulation of the person's plan should use, from the workspace in one call.

:func:`plan_inputs` applies, in this order:

1. the include/exclude switch (``settings["excluded_debts"]``): excluded debts leave the plan and their
   monthly payment becomes an essential expense (:mod:`planner.budget_events`);
2. the budget events (``budget_events``): one-off extras and income changes;
3. accepted agreements (``negotiation["answers"]``): those debts follow the agreed terms
   (:mod:`planner.agreements`).

The result's ``debts`` and ``budget`` go straight into :func:`planner.simulate`, :func:`planner.compare`,
:func:`planner.this_month`, the calendar and the PDF — that is how "agreed terms feed the plan" everywhere.
``agreed`` names the debts on agreed terms (for labels such as the month list's ``agreed`` status and the
PDF's "agreed plan" table, :func:`agreed_rows`).

>>> from planner import BudgetPlan, Debt
>>> debts = [Debt("房贷", balance=500000, annual_rate=4, min_payment=3000),
...          Debt("借呗", balance=9000, annual_rate=18, min_payment=900)]
>>> p = plan_inputs(debts, BudgetPlan(income=12000, expenses={"rent": 2000}),
...                 negotiation={"answers": {"借呗": {"status": "accepted", "monthly": "500", "rate": "0"}}},
...                 settings={"excluded_debts": ["房贷"]}, budget_events=[])
>>> [d.name for d in p.debts], p.budget.monthly, p.agreed, p.debts[0].min_payment
(['借呗'], (7000.0,), ('借呗',), 500.0)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .agreements import Agreement, agreements_from_negotiation, apply_agreements
from .budget import BudgetPlan
from .budget_events import budget_with_events, excluded_expense, parse_events, split_excluded
from .models import Budget, Debt, ValidationIssue


@dataclass(frozen=True)
class PlanInputs:
    debts: tuple[Debt, ...]
    budget: Budget
    agreements: Mapping[str, Agreement]
    agreed: tuple[str, ...]
    excluded: tuple[Debt, ...] = ()
    issues: tuple[ValidationIssue, ...] = field(default_factory=tuple)
    contract_debts: tuple[Debt, ...] = ()     # the included debts on their contract terms (before agreements)


def plan_inputs(debts: Sequence[Debt], plan: BudgetPlan | Budget, *, negotiation: Mapping[str, object] | None = None,
                settings: Mapping[str, object] | None = None,
                budget_events: Sequence[Mapping[str, object]] = ()) -> PlanInputs:
    """See the module docstring. A plain :class:`Budget` (no household plan) takes no events."""
    settings = settings or {}
    names = settings.get("excluded_debts") if isinstance(settings.get("excluded_debts"), list) else []
    included, excluded = split_excluded(debts, [str(n) for n in names])
    events, issues = parse_events(list(budget_events))
    if isinstance(plan, BudgetPlan):
        budget = budget_with_events(plan, events, extra_expense=excluded_expense(excluded))
    else:
        budget = Budget.of(plan)
    agreements, answer_issues = agreements_from_negotiation(negotiation or {}, included)
    agreed = tuple(d.name for d in included if d.name in agreements)
    return PlanInputs(tuple(apply_agreements(included, agreements)), budget, agreements, agreed,
                      tuple(excluded), tuple(issues) + tuple(i for i in answer_issues if i.is_error), tuple(included))


def agreed_rows(debts: Sequence[Debt], agreements: Mapping[str, Agreement]) -> list[dict[str, object]]:
    """For the PDF and tables: per agreed debt, the contract terms next to the agreed ones (yuan, %)."""
    out = []
    for d in debts:
        a = agreements.get(d.name)
        if a is None:
            continue
        out.append({"name": d.name, "balance": d.balance, "contract_rate": d.annual_rate,
                    "contract_payment": d.min_payment, "agreed_monthly": a.monthly, "agreed_months": a.months,
                    "agreed_rate": d.annual_rate if a.rate_pct is None else a.rate_pct,
                    "agreed_amount": d.balance if a.amount is None else a.amount,
                    "waive_penalty": a.waive_penalty, "waive_fees": a.waive_fees, "fold_arrears": a.fold_arrears,
                    "agreed_on": a.agreed_on.isoformat() if a.agreed_on else None})
    return out


__all__ = ["PlanInputs", "agreed_rows", "plan_inputs"]
