"""Simulate an accepted plan with the repayment engine and compare it with no deal.

The accepted plan becomes new debts (one per lender) run through
:func:`planner.simulate`: the balance to repay, the proposed rate, the
instalment as the amount due, no arrears (they are folded into the plan),
penalty rate = proposed rate when penalty interest is waived, no late fee when
fees are waived.  A refusing lender keeps its original debt and receives what
the budget leaves once the accepted instalments are paid (as in the plan).  "No deal" is the
best strategy of :func:`planner.compare` on the original debts with the same
monthly budget (or the strategy you name).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..compare import compare
from ..models import Debt
from ..results import SimulationResult
from ..simulate import simulate
from .core import sequential_order_names
from .plan import NegotiationPlan, ProposalLine


@dataclass(frozen=True)
class PlanEvaluation:
    accepted: SimulationResult
    no_deal: SimulationResult
    no_deal_strategy: str

    def rows(self) -> list[dict[str, object]]:
        """One row per measure: ``measure``, ``accepted``, ``no_deal``, ``saving`` (no_deal − accepted).

        ``months_to_debt_free`` is ``None`` when the debts are not cleared within the horizon.
        """
        a, n = self.accepted, self.no_deal
        out = []
        for key, va, vn in (
            ("months_to_debt_free", a.months_to_debt_free, n.months_to_debt_free),
            ("total_paid", round(a.total_paid, 2), round(n.total_paid, 2)),
            ("total_cost", round(a.total_cost, 2), round(n.total_cost, 2)),
            ("months_in_arrears", a.months_in_arrears, n.months_in_arrears),
            ("remaining_balance", round(a.remaining_balance, 2), round(n.remaining_balance, 2)),
        ):
            saving = None if va is None or vn is None else round(vn - va, 2)
            out.append({"measure": key, "accepted": va, "no_deal": vn, "saving": saving})
        return out


def accepted_debt(line: ProposalLine, original: Debt, *, due: float | None = None) -> Debt:
    """The debt as it stands once the lender accepts ``line`` (see the module docstring)."""
    if line.refused:
        return original
    rate = line.proposed_rate_pct
    return Debt(
        name=original.name, kind=original.kind, balance=max(line.amount_to_repay, 0.01), annual_rate=rate,
        min_payment=line.instalment if due is None else due, min_payment_pct=0.0,
        penalty_rate=rate if line.penalty_waived else max(original.effective_penalty_rate, rate),
        late_fee_pct=0.0 if line.fees_waived else original.late_fee_pct,
        overdue_days=0, arrears=0.0, official_channel=original.official_channel)


def evaluate(plan: NegotiationPlan, debts=None, budget=None, *, no_deal_strategy: str | None = None,
             horizon: int | None = None) -> PlanEvaluation:
    """Accepted plan vs. paying without negotiation, both with the same engine and budget.

    ``debts`` and ``budget`` default to the plan's own inputs.

    >>> from datetime import date
    >>> from planner import Debt
    >>> from planner.negotiation import propose
    >>> debts = [Debt("贷", balance=6000, annual_rate=36, min_payment=600, kind="online_loan",
    ...               overdue_days=60)]
    >>> ev = evaluate(propose(debts, 400, start=date(2027, 1, 1)))
    >>> ev.accepted.months_to_debt_free, ev.accepted.months_in_arrears, ev.no_deal.months_in_arrears > 0
    (19, 0, True)
    """
    debts = tuple(plan.debts if debts is None else debts)
    budget = plan.budget if budget is None else budget
    by_name = {d.name: d for d in debts}
    order = None
    strategy = "minimum"
    refused = [ln.name for ln in plan.lines if ln.refused]
    if plan.method == "sequential":
        strategy = "custom"
        seq = sequential_order_names(plan)
        order = seq + [ln.name for ln in plan.lines if ln.name not in seq]
    elif refused:                       # what the accepted instalments leave goes to the refusing lenders
        strategy = "custom"
        order = refused + [ln.name for ln in plan.lines if not ln.refused]
    new = []
    for line in plan.lines:
        due = line.token if (plan.method == "sequential" and not line.pinned and not line.refused) else None
        new.append(accepted_debt(line, by_name[line.name], due=due))
    accepted = simulate(new, budget, strategy, order=order, horizon=horizon)
    if no_deal_strategy is None:
        cmp = compare(debts, budget, horizon=horizon)
        key = cmp.ranking[0]
        no_deal = cmp[key]
    else:
        key = no_deal_strategy
        no_deal = simulate(debts, budget, key, horizon=horizon)
    return PlanEvaluation(accepted, no_deal, key)
