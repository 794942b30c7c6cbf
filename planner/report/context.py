"""Everything the PDF shows, computed once, before any typesetting.

:func:`build_context` runs the planner (comparison of strategies, the chosen
strategy's monthly series, the negotiation plan and letters when those modules
are installed) and returns a :class:`ReportContext`.  The section renderers only
format what is in it, so all money arithmetic stays in the planner's
computation modules and a test can inspect the numbers without a PDF.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date
from typing import Any

import numpy as np

from ..budget import BudgetPlan
from ..compare import Comparison, compare
from ..explain import plan_month_date
from ..i18n import LANGS, normalize_lang
from ..models import Budget, Debt, InvalidInput, ValidationIssue, check_plan_date
from ..results import SimulationResult
from ..strategies import get_strategy
from . import integrations

FULL_MONTHS = 24          # the schedule lists these months one by one, then years
MAX_YEARS = 10            # … up to this many years in all


@dataclass(frozen=True)
class ReportContext:
    lang: str
    today: date
    debts: tuple[Debt, ...]
    budget: Budget
    budget_plan: BudgetPlan | None
    strategy: str
    method: str | None
    comparison: Comparison
    borrower: str                              # '' when no name was given
    pseudonymised: bool
    negotiation: Any | None = None             # planner.negotiation.NegotiationPlan
    letters: Mapping[str, Any] = field(default_factory=dict)     # lender -> planner.documents.Document
    rights: Any | None = None                  # planner.rights.rights_summary sections
    incidents: tuple[Any, ...] = ()
    # the lenders' recorded answers (planner.negotiation.negotiation_inputs), when the PDF is built from a workspace:
    agreed: tuple[Any, ...] = ()               # AgreedLine per lender that accepted (not proposed to again)
    answer_notes: Mapping[str, Any] = field(default_factory=dict)    # lender -> AnswerNote (refused, no answer …)
    left_for_others: float | None = None       # the lowest month left for the other lenders after the agreed payments

    @property
    def result(self) -> SimulationResult:
        return self.comparison[self.strategy]

    @property
    def total_owed(self) -> float:
        return float(sum(d.balance for d in self.debts))

    def month_date(self, month: int) -> date:
        """The calendar month of plan month ``month`` (month 1 = ``today``'s month, as on the month page)."""
        return month_date(self.today, month)


def month_date(today: date, month: int) -> date:
    """First day of the calendar month of plan month ``month`` (month 1 = ``today``'s month).

    >>> month_date(date(2026, 11, 20), 3)
    datetime.date(2027, 1, 1)
    """
    return plan_month_date(today, month)


def pseudonym(name: str, lang: str = "zh") -> str:
    """Keep the first character of a name and mask the rest: ``张三丰`` → ``张**``, ``Li Wei`` → ``L. W.``.

    >>> pseudonym("张三丰"), pseudonym("Li Wei"), pseudonym("")
    ('张**', 'L. W.', '')
    """
    name = " ".join(str(name).split())
    if not name:
        return ""
    parts = name.split(" ")
    if len(parts) > 1:
        return " ".join(p[0].upper() + "." for p in parts if p)
    return name[0] + "*" * max(2, min(len(name) - 1, 3)) if len(name) > 1 else name + "**"


def build_context(debts: Sequence[Debt], budget_or_plan, *, lang: str, strategy: str, method: str | None,
                  today: date, start: date | None = None, profile: Mapping[str, Any] | Any | None = None,
                  incidents: Sequence[Any] | None = None, pseudonymise: bool = False,
                  answers: Any | None = None) -> ReportContext:
    """Compute everything the report shows (raises :class:`InvalidInput` on bad inputs).

    ``answers`` (a :class:`planner.negotiation.NegotiationInputs`, e.g. from
    :meth:`planner.workspace_plan.WorkspacePlan.report_inputs`) carries the lenders' recorded answers: a lender
    that accepted is listed with its agreed terms and gets no new proposal or letter; the others are proposed
    the budget left after the agreed payments, a refusal noted next to its proposal.
    """
    if not isinstance(lang, str) or not lang.lower().startswith(LANGS):       # zh, zh-CN, en, en-GB …
        raise InvalidInput([ValidationIssue(None, None, str(lang), "report_unknown_lang")])
    lang = normalize_lang(lang)
    if not isinstance(today, date):
        raise InvalidInput([ValidationIssue(None, None, str(today), "report_bad_date")])
    dates = check_plan_date(today, "date") + (check_plan_date(start, "start") if start is not None else [])
    if dates:
        raise InvalidInput(dates)
    if method is not None:
        from ..negotiation import METHODS
        if method not in METHODS:
            raise InvalidInput([ValidationIssue(None, "method", str(method), "unknown_method",
                                                (("choices", ", ".join(METHODS)),))])
    debts = tuple(debts)
    plan = budget_or_plan if isinstance(budget_or_plan, BudgetPlan) else None
    budget = plan.to_budget() if plan is not None else Budget.of(budget_or_plan)
    if plan is not None and not plan.total_expenses and not plan.buffer and not (plan.shock and plan.shock.loss_pct):
        plan = None          # nothing to break down: print the number, as for a plain budget
    key = get_strategy(strategy).key
    order = [d.name for d in debts] if key == "custom" else None
    comparison = compare(debts, budget, order=order, series=True)
    if key not in comparison.results and key not in comparison.diverged:
        comparison = compare(debts, budget, strategies=[*comparison.ranking, key], order=order, series=True)
    if key not in comparison.results:          # the chosen strategy diverges: say so (the others do not)
        raise InvalidInput([ValidationIssue(None, "strategy", key, "diverges")])
    if profile is not None and not isinstance(profile, Mapping) and is_dataclass(profile):
        profile = asdict(profile)
    raw_name = str((profile or {}).get("name", "") or "")
    borrower = pseudonym(raw_name, lang) if pseudonymise else " ".join(raw_name.split())
    profile_out = dict(profile or {})
    if raw_name:
        profile_out["name"] = borrower
    if pseudonymise:
        profile_out = integrations.mask_profile(profile_out)
        incidents = [_pseudonymise_incident(i, raw_name, borrower) for i in incidents or ()]
    start = start or integrations.first_payment_date(today)
    agreed, notes, left = (), {}, None
    if answers is not None and (answers.agreed or answers.notes):
        agreed, notes = tuple(answers.agreed), dict(answers.notes)
        if agreed:
            left = answers.left_lowest
        negotiation = (integrations.negotiation_plan(answers.open_debts, answers.left, method=method, start=start)
                       if answers.open_debts else None)
    else:
        negotiation = integrations.negotiation_plan(debts, budget, method=method, start=start)
    letters = (integrations.letters(negotiation, lang=lang, today=today, profile=profile_out)
               if negotiation is not None else {})
    rights = integrations.rights(lang)
    return ReportContext(lang=lang, today=today, debts=debts, budget=budget, budget_plan=plan, strategy=key,
                         method=method, comparison=comparison, borrower=borrower, pseudonymised=pseudonymise,
                         negotiation=negotiation, letters=letters, rights=rights,
                         incidents=tuple(incidents or ()), agreed=agreed, answer_notes=notes,
                         left_for_others=left)


def _pseudonymise_incident(incident: Any, name: str, replacement: str) -> Any:
    """An incident with the borrower's name (any variant) and phone/ID numbers removed from its
    free-text fields (summary, who was contacted, caller, evidence file names)."""
    from dataclasses import replace

    from ..privacy import mask_numbers, redact_name

    def scrub(text: str) -> str:
        return mask_numbers(redact_name(text, name, replacement) if name.strip() else text)
    return replace(incident, summary=scrub(incident.summary), relationship=scrub(incident.relationship),
                   caller=scrub(incident.caller), evidence=tuple(scrub(e) for e in incident.evidence))


# ---------------------------------------------------------------------------- schedule

@dataclass(frozen=True)
class ScheduleRow:
    """One row of the schedule: a month (``first == last``) or a year of months."""

    first: int
    last: int
    payments: tuple[float, ...]        # per debt, in input order
    paid: float
    cost: float                        # interest (penalty included) + fees
    balance: float                     # total owed at the end of the row's last month

    @property
    def is_year(self) -> bool:
        return self.last > self.first


def schedule_rows(result: SimulationResult, *, full_months: int = FULL_MONTHS,
                  max_years: int = MAX_YEARS) -> tuple[list[ScheduleRow], bool]:
    """Months 1…``full_months`` one by one, then 12-month blocks; ``(rows, truncated)``.

    The schedule stops at the debt-free month; a plan that never clears them is
    cut after ``max_years`` years (``truncated`` is then True).
    """
    s = result.series
    if s is None:
        raise ValueError("the report needs the monthly series of the chosen strategy")
    end = result.months_to_debt_free or s.months
    limit = min(end, max_years * 12)
    rows: list[ScheduleRow] = []
    first = 1
    while first <= limit:
        last = first if first <= full_months else min(first + 11, limit)
        block = slice(first - 1, last)
        rows.append(ScheduleRow(
            first=first, last=last,
            payments=tuple(float(x) for x in s.payment[block].sum(axis=0)),
            paid=float(s.payment[block].sum()),
            cost=float(s.interest[block].sum() + s.fee[block].sum()),
            balance=float(s.balance[last - 1].sum())))
        first = last + 1
    return rows, limit < end


def balance_series(comparison: Comparison) -> dict[str, np.ndarray]:
    """Total balance after each month, per strategy, in ranking order."""
    return {k: comparison[k].series.total_balance for k in comparison.ranking
            if comparison[k].series is not None}
