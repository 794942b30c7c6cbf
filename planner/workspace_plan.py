"""The person's plan as the dashboard computes it, from a :class:`planner.Workspace` alone.

The dashboard's pages and the command line (``--workspace FILE``, a "My data" export read with
:func:`planner.storage.read_workspace`) build the same inputs from the same workspace:

* the debts from the rows as typed (``debt_rows``, "不知道" already turned into marked assumptions by the
  debt cards; rows with errors are left out, their issues kept);
* the household budget (``budget``; an unreadable section counts as no income, as on the dashboard);
* :func:`planner.plan_inputs.plan_inputs`: excluded debts, budget events and accepted agreements;
* the strategy and own order chosen on the compare page (``settings``), the follow-up ladder
  (``followups``), the lenders' answers (``negotiation["answers"]``) and what the last calendar download
  held (``settings["calendar"]``, :func:`planner.reminders.calendar_record`).

:func:`month_view` is the "This month" list with each lender's next step, exactly as the month page shows it.

>>> from datetime import date
>>> from planner import Workspace
>>> ws = Workspace.empty().with_changes(
...     debt_rows=[{"name": "借呗", "kind": "online_loan", "balance": "9000", "annual_rate": "18", "min_payment": "900"}],
...     budget={"income": 5000, "expenses": {"rent": 2000}},
...     negotiation={"answers": {"借呗": {"status": "accepted", "monthly": "500", "rate": "0"}}})
>>> wp = workspace_plan(ws)
>>> view = month_view(wp, today=date(2026, 12, 3))
>>> [(e.item.name, e.item.amount_cents, e.item.status, e.step.key) for e in view.entries]
[('借呗', 300000, 'agreed', 'keep_agreement')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .budget import BudgetPlan
from .followups import Step, next_steps, step_to_show
from .models import Budget, Debt, InvalidInput, ValidationIssue
from .month import MonthItem, MonthPlan, this_month
from .parsing import parse_debt_rows
from .plan_inputs import PlanInputs, plan_inputs
from .workspace import Workspace

DEFAULT_STRATEGY = "avalanche"


@dataclass(frozen=True)
class WorkspacePlan:
    """Everything a simulation of the person's plan needs, read from their workspace."""

    debts: tuple[Debt, ...]                      # every valid debt row, on its contract terms
    issues: tuple[ValidationIssue, ...]          # the rows' problems (rows with errors are left out)
    budget_plan: BudgetPlan
    inputs: PlanInputs                           # excluded debts out, budget events and agreements applied
    strategy: str
    own_order: tuple[str, ...] = ()
    followups: Mapping[str, Any] = field(default_factory=dict)
    answers: Mapping[str, Any] = field(default_factory=dict)
    profile: Mapping[str, Any] = field(default_factory=dict)
    method: str | None = None
    calendar: Mapping[str, Any] = field(default_factory=dict)   # what the last calendar download held

    @property
    def order(self) -> list[str] | None:
        """The own order, without lenders that are no longer in the plan (``None`` when empty)."""
        names = {d.name for d in self.inputs.contract_debts}
        return [n for n in self.own_order if n in names] or None

    def report_inputs(self, today: date, start: date | None = None) -> ReportInputs:
        """What the PDF is built from (:func:`planner.build_pdf`): the household budget and the debts as entered,
        unless agreed terms, debts outside the plan or budget changes apply — then the plan inputs (so the PDF
        shows the agreed plan); and the lenders' recorded answers (``answers``, when there are any): agreed
        lenders listed as agreed, the others proposed what is left, refusals marked.  ``start``: the first
        proposed payment (default: the 1st of the month after ``today``, as the PDF's)."""
        from .negotiation import negotiation_inputs
        from .report.integrations import first_payment_date
        p = self.inputs
        if p.agreed or p.excluded or p.budget != self.budget_plan.to_budget():
            debts, budget = tuple(p.debts), p.budget
        else:
            debts, budget = tuple(self.debts), self.budget_plan
        answers = negotiation_inputs(p, {"answers": dict(self.answers)}, today=today,
                                     start=start or first_payment_date(today))
        return ReportInputs(debts, budget, answers if answers.agreed or answers.notes else None)


@dataclass(frozen=True)
class ReportInputs:
    """:meth:`WorkspacePlan.report_inputs`: ``build_pdf(debts, budget, ..., answers=answers)``."""

    debts: tuple[Debt, ...]
    budget: BudgetPlan | Budget
    answers: Any | None                          # planner.negotiation.NegotiationInputs, or None (no answers)

    @property
    def agreed(self) -> tuple[str, ...]:
        """The debts on agreed terms (listed as agreed in the PDF)."""
        return self.answers.agreed_names if self.answers is not None else ()


def budget_plan_of(section: Mapping[str, object]) -> BudgetPlan:
    """The workspace's ``budget`` section as a :class:`BudgetPlan` (empty or unreadable → no income)."""
    if not section:
        return BudgetPlan(income=0.0)
    try:
        return BudgetPlan.from_dict(section)
    except InvalidInput:
        return BudgetPlan(income=0.0)


def workspace_plan(ws: Workspace) -> WorkspacePlan:
    """See the module docstring."""
    from .negotiation import METHODS
    from .reminders import calendar_record
    from .strategies import strategy_names
    debts, issues = parse_debt_rows([dict(r) for r in ws.debt_rows])
    plan = budget_plan_of(ws.budget)
    inputs = plan_inputs(debts, plan, negotiation=ws.negotiation, settings=ws.settings,
                         budget_events=ws.budget_events)
    strategy = ws.settings.get("strategy")
    own = ws.settings.get("own_order")
    answers = ws.negotiation.get("answers")
    method = ws.negotiation.get("method")
    return WorkspacePlan(
        debts=tuple(debts), issues=tuple(issues), budget_plan=plan, inputs=inputs,
        strategy=strategy if isinstance(strategy, str) and strategy in strategy_names() else DEFAULT_STRATEGY,
        own_order=tuple(str(n) for n in own) if isinstance(own, list) else (),
        followups=dict(ws.followups), answers=dict(answers) if isinstance(answers, Mapping) else {},
        profile=dict(ws.profile), method=method if method in METHODS else None,
        calendar=calendar_record(ws.settings))


@dataclass(frozen=True)
class MonthEntry:
    """One lender's line of the month list and the next step shown with it (``None``: nothing to do)."""

    item: MonthItem
    debt: Debt
    step: Step | None

    def to_dict(self, lang: str = "zh") -> dict[str, object]:
        out = self.item.to_dict()
        out["next_step"] = None if self.step is None else {
            "step": self.step.key, "date": self.step.due.isoformat(), "overdue": self.step.overdue,
            "text": self.step.text(self.debt, lang)}
        out["assumed"] = list(self.debt.assumed)
        return out


@dataclass(frozen=True)
class MonthView:
    plan: MonthPlan
    entries: tuple[MonthEntry, ...]
    steps: Mapping[str, Step]                 # every lender's next step (for the calendar's deadlines)

    def to_dict(self, lang: str = "zh") -> dict[str, object]:
        out = self.plan.to_dict()
        out["items"] = [e.to_dict(lang) for e in self.entries]
        return out


def month_of(debts: Sequence[Debt], budget, strategy: str, *, today: date, order: Sequence[str] | None = None,
             agreements=None, followups: Mapping[str, object] | None = None,
             answers: Mapping[str, Mapping[str, object]] | None = None) -> MonthView:
    """The month list for contract-term ``debts`` (agreements applied inside) with each lender's next step."""
    plan = this_month(debts, budget, strategy, today=today, order=order, agreements=agreements)
    steps = next_steps(debts, followups or {}, answers or {}, today=today)
    by_name = {d.name: d for d in debts}
    entries = tuple(MonthEntry(i, by_name[i.name], step_to_show(steps.get(i.name), i.status)) for i in plan.items)
    return MonthView(plan, entries, steps)


def month_view(wp: WorkspacePlan, *, today: date, strategy: str | None = None,
               order: Sequence[str] | None = None) -> MonthView:
    """The dashboard's "This month" for the workspace (``strategy``/``order`` override its own choice)."""
    p = wp.inputs
    return month_of(list(p.contract_debts), p.budget, strategy or wp.strategy, today=today,
                    order=order if order else wp.order, agreements=p.agreements,
                    followups=wp.followups, answers=wp.answers)


__all__ = ["DEFAULT_STRATEGY", "MonthEntry", "MonthView", "WorkspacePlan", "budget_plan_of", "month_of",
           "month_view", "workspace_plan"]
