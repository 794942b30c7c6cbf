"""Plan vs actual, re-planning from today, and the plan's earlier versions.

**The plan a borrower follows** is a :class:`PlanVersion`: the debts as they were, the budget, the
strategy and the month it started (plan month 1). The workspace keeps the versions in
``settings["plan_history"]`` (a list of :meth:`PlanVersion.to_record` dicts, oldest first; the last one is
the plan in force). Re-planning appends a new version and never rewrites an old one.

**Plan vs actual** (:func:`progress`), up to ``today``:

* per lender: planned payments whose due date has come (cents) vs payments recorded since the plan's first
  month; ``ahead`` when paid more than planned by more than :data:`TOLERANCE_CENTS`, ``behind`` when less by
  more than that, else ``on_track``; the latest reported balance next to the planned balance;
* the portfolio: planned total owed at the end of each plan month vs the reported total owed — the latest
  reported balance of each lender up to that month, and for a lender with no report yet the balance
  entered when the plan was made (said next to the chart).

**Re-plan from today** (:func:`replan_debts`): each debt's balance becomes the latest balance its lender
reported; a debt reported at zero is paid off and leaves the plan; arrears are kept at most the new balance.

>>> from datetime import date
>>> from planner import Debt
>>> from planner.tracking import Payment, ReportedBalance
>>> v = PlanVersion(date(2026, 12, 1), [Debt("借呗", balance=1000, annual_rate=0, min_payment=100, due_day=5)],
...                 100, "avalanche")
>>> p = progress(v, [Payment(date(2026, 12, 5), "借呗", 10000)], [ReportedBalance(date(2027, 1, 2), "借呗", 90000)],
...              today=date(2027, 1, 10))
>>> [(x.name, x.planned_cents, x.paid_cents, x.status) for x in p.lenders]
[('借呗', 20000, 10000, 'behind')]
>>> [(m.month.isoformat(), m.planned_cents, m.reported_cents) for m in p.months[:3]]
[('2026-12-01', 90000, 100000), ('2027-01-01', 80000, 90000), ('2027-02-01', 70000, None)]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from .agreements import Agreement, parse_date
from .i18n import register
from .models import Budget, Debt, name_key
from .month import payment_schedule, plan_month, to_cents
from .parsing import debt_to_record, debts_from_records
from .simulate import simulate
from .tracking import Payment, ReportedBalance

TOLERANCE_CENTS = 100          # ¥1: a rounding difference is not "behind"
LENDER_STATUSES = ("on_track", "behind", "ahead")

register({
    "progress.status.on_track": {"zh": "按计划", "en": "on track"},
    "progress.status.behind": {"zh": "落后于计划", "en": "behind"},
    "progress.status.ahead": {"zh": "超前于计划", "en": "ahead"},
})


@dataclass(frozen=True)
class PlanVersion:
    """A plan as made on a day: debts, budget, strategy, custom order, first month (``start``'s month)."""

    start: date
    debts: list[Debt]
    budget: object
    strategy: str = "avalanche"
    order: tuple[str, ...] = ()
    label: str = ""
    agreements: Mapping[str, Agreement] | None = None

    def to_record(self) -> dict[str, object]:
        b = Budget.of(self.budget)
        return {"start": self.start.isoformat(), "label": self.label, "strategy": self.strategy,
                "order": list(self.order), "budget": list(b.monthly),
                "debts": [{k: v for k, v in debt_to_record(d).items() if v is not None} for d in self.debts]}

    @classmethod
    def from_record(cls, rec: Mapping[str, object]) -> "PlanVersion":
        """Raises ``InvalidInput`` / ``ParseError`` for a damaged record (callers show it)."""
        return cls(start=parse_date(rec["start"]), debts=debts_from_records(rec.get("debts") or []),
                   budget=Budget.of(list(rec.get("budget") or [0])), strategy=str(rec.get("strategy", "avalanche")),
                   order=tuple(rec.get("order") or ()), label=str(rec.get("label", "")))


@dataclass(frozen=True, slots=True)
class LenderProgress:
    name: str
    planned_cents: int
    paid_cents: int
    status: str
    reported_cents: int | None = None
    reported_on: date | None = None
    planned_balance_cents: int | None = None


@dataclass(frozen=True, slots=True)
class MonthProgress:
    month: date
    planned_cents: int           # planned total owed at the end of the month
    reported_cents: int | None   # reported total owed (see the module docstring); None for future months
    paid_cents: int              # payments recorded in that month


@dataclass(frozen=True)
class Progress:
    lenders: list[LenderProgress] = field(default_factory=list)
    months: list[MonthProgress] = field(default_factory=list)

    @property
    def planned_to_date_cents(self) -> int:
        return sum(x.planned_cents for x in self.lenders)

    @property
    def paid_to_date_cents(self) -> int:
        return sum(x.paid_cents for x in self.lenders)


def _status(planned: int, paid: int) -> str:
    if paid > planned + TOLERANCE_CENTS:
        return "ahead"
    if paid < planned - TOLERANCE_CENTS:
        return "behind"
    return "on_track"


def _month_index(start: date, day: date) -> int:
    return (day.year - start.year) * 12 + day.month - start.month + 1


def progress(version: PlanVersion, payments: Sequence[Payment], balances: Sequence[ReportedBalance], *,
             today: date, months: int = 120) -> Progress:
    """Plan vs actual up to ``today`` (see the module docstring)."""
    debts = version.debts
    schedule = payment_schedule(debts, version.budget, version.strategy, today=version.start,
                                order=version.order or None, agreements=version.agreements, months=months)
    from .agreements import apply_agreements
    plan_debts = apply_agreements(debts, version.agreements)
    sim = simulate(plan_debts, version.budget, version.strategy, order=version.order or None, horizon=months)
    run = sim.months_run
    keys = {name_key(d.name): d.name for d in debts}
    first = plan_month(version.start, 1)
    paid_by: dict[str, int] = {}
    paid_by_month: dict[int, int] = {}
    for p in payments:
        name = keys.get(name_key(p.lender))
        if name is None or p.day < first or p.day > today:
            continue
        paid_by[name] = paid_by.get(name, 0) + p.amount_cents
        k = _month_index(first, p.day)
        paid_by_month[k] = paid_by_month.get(k, 0) + p.amount_cents
    reports = sorted((b for b in balances if name_key(b.lender) in keys and b.day <= today), key=lambda b: b.day)
    now_k = _month_index(first, today)
    lenders = []
    for j, d in enumerate(debts):
        planned = sum(p.amount_cents for p in schedule if p.name == d.name and p.due_date <= today)
        paid = paid_by.get(d.name, 0)
        mine = [b for b in reports if name_key(b.lender) == name_key(d.name)]
        last = mine[-1] if mine else None
        planned_bal = None
        if last is not None:
            k = min(max(_month_index(first, last.day), 1), run)
            planned_bal = to_cents(float(sim.series.balance[k - 1][j])) if run else None
        lenders.append(LenderProgress(d.name, planned, paid, _status(planned, paid),
                                      last.balance_cents if last else None, last.day if last else None, planned_bal))
    month_rows = []
    for k in range(1, run + 1):
        month = plan_month(version.start, k)
        planned_total = sum(to_cents(float(x)) for x in sim.series.balance[k - 1])
        reported = None
        if k <= now_k:
            end = plan_month(version.start, k + 1)
            total = 0
            for d in debts:
                mine = [b for b in reports if name_key(b.lender) == name_key(d.name) and b.day < end]
                total += mine[-1].balance_cents if mine else to_cents(d.balance)
            reported = total
        month_rows.append(MonthProgress(month, planned_total, reported, paid_by_month.get(k, 0)))
    return Progress(lenders, month_rows)


def replan_debts(debts: Sequence[Debt], balances: Sequence[ReportedBalance], *, today: date
                 ) -> tuple[list[Debt], list[str]]:
    """The debts with their latest reported balances (up to ``today``), and the names reported paid off."""
    latest: dict[str, ReportedBalance] = {}
    for b in sorted(balances, key=lambda b: b.day):
        if b.day <= today:
            latest[name_key(b.lender)] = b
    out, cleared = [], []
    for d in debts:
        b = latest.get(name_key(d.name))
        if b is None:
            out.append(d)
        elif b.balance_cents <= 0:
            cleared.append(d.name)
        else:
            bal = b.balance_cents / 100
            arrears = None if d.arrears is None and d.effective_arrears <= bal else min(d.effective_arrears, bal)
            out.append(d.replace(balance=bal, arrears=arrears))
    return out, cleared


def plan_history(settings: Mapping[str, object]) -> list[dict[str, object]]:
    """The stored plan versions (``settings["plan_history"]``), oldest first."""
    hist = settings.get("plan_history") if isinstance(settings, Mapping) else None
    return [dict(h) for h in hist if isinstance(h, Mapping)] if isinstance(hist, list) else []


def with_new_version(settings: Mapping[str, object], version: PlanVersion) -> dict[str, object]:
    """A copy of ``settings`` with ``version`` appended to the plan history (earlier versions kept)."""
    out = dict(settings)
    out["plan_history"] = plan_history(settings) + [version.to_record()]
    return out


__all__ = ["LENDER_STATUSES", "LenderProgress", "MonthProgress", "PlanVersion", "Progress", "TOLERANCE_CENTS",
           "plan_history", "progress", "replan_debts", "with_new_version"]
