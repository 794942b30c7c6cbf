"""Budget changes over time: one-off extra payments, income changes from a month on, and debts paid
outside the plan (include/exclude per debt).

The workspace keeps what the person typed:

* ``budget_events``: ``[{"kind": "extra", "month": "3", "amount": "5000"},
  {"kind": "income_change", "month": "6", "amount": "18000"}]`` — ``extra`` adds a one-off amount to the
  money for debt in plan month M (a bonus); ``income_change`` sets the monthly net income from month M on
  (a raise, a new job, a pay cut);
* ``settings["excluded_debts"]``: names of debts paid separately (e.g. a mortgage). An excluded debt is
  kept in the table but leaves the plan, and its monthly payment — ``max(min_payment, min_payment_pct % of
  the balance)`` — becomes an essential expense: it is taken from the money for debt every month.

Month M counts from 1 = the plan's first month (the current calendar month on the "This month" page).
The income shock of :class:`planner.BudgetPlan` still applies, as a share of that month's income.

>>> from planner import BudgetPlan
>>> plan = BudgetPlan(income=10_000, expenses={"rent": 3_000})
>>> events, issues = parse_events([{"kind": "extra", "month": "2", "amount": "5000"},
...                                {"kind": "income_change", "month": "3", "amount": "12000"}])
>>> budget_with_events(plan, events).monthly
(7000.0, 12000.0, 9000.0)
>>> budget_with_events(plan, [], extra_expense=1000).monthly
(6000.0,)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .budget import BudgetPlan
from .i18n import register
from .models import (DEFAULT_HORIZON, MAX_AMOUNT_YUAN, MAX_HORIZON, Budget, Debt, ValidationIssue, name_key,
                     register_column_labels)
from .parsing import ParseError, clean_text, is_blank, parse_amount, parse_int

EVENT_KINDS: tuple[str, ...] = ("extra", "income_change")

register({
    "budget_event.extra": {"zh": "一次性额外还款（如年终奖）", "en": "One-off extra payment (e.g. a bonus)"},
    "budget_event.income_change": {"zh": "从某月起的新月收入（涨薪、换工作）",
                                   "en": "New monthly income from a month on (a raise, a new job)"},
    "issue.unknown_event": {"zh": "'{value}' 不是已知的类型（{choices}）", "en": "'{value}' is not a known kind ({choices})"},
})
register_column_labels({"event.kind": ("类型", "kind"), "event.month": ("第几个月", "month"),
                        "event.amount": ("金额", "amount")})


@dataclass(frozen=True, slots=True)
class BudgetEvent:
    kind: str
    month: int
    amount: float


def parse_events(records: Sequence[Mapping[str, object]]) -> tuple[list[BudgetEvent], list[ValidationIssue]]:
    """Typed events and every issue (row, column, value, reason); blank rows are skipped."""
    out, issues = [], []
    for row, rec in enumerate(records, start=1):
        if all(is_blank(v) for v in rec.values()):
            continue
        problems = []
        kind = clean_text(rec.get("kind"))
        if kind not in EVENT_KINDS:
            problems.append(ValidationIssue(row, "event.kind", kind, "unknown_event",
                                            (("choices", ", ".join(EVENT_KINDS)),)))
        month = amount = None
        try:
            month = parse_int(rec.get("month"))
            if not 1 <= month <= MAX_HORIZON:
                problems.append(ValidationIssue(row, "event.month", clean_text(rec.get("month")), "horizon_range",
                                                (("limit", MAX_HORIZON),)))
        except ParseError as e:
            problems.append(ValidationIssue(row, "event.month", clean_text(rec.get("month")), e.code))
        try:
            amount = parse_amount(rec.get("amount"))
            if amount < 0:
                problems.append(ValidationIssue(row, "event.amount", clean_text(rec.get("amount")), "negative"))
            elif amount > MAX_AMOUNT_YUAN:
                problems.append(ValidationIssue(row, "event.amount", clean_text(rec.get("amount")), "too_large",
                                                (("limit", f"{MAX_AMOUNT_YUAN:,.0f}"),)))
        except ParseError as e:
            problems.append(ValidationIssue(row, "event.amount", clean_text(rec.get("amount")), e.code))
        if problems:
            issues += problems
        else:
            out.append(BudgetEvent(kind, month, amount))
    return out, issues


def budget_with_events(plan: BudgetPlan, events: Sequence[BudgetEvent], *, extra_expense: float = 0.0,
                       horizon: int = DEFAULT_HORIZON) -> Budget:
    """The model's budget ``B_1 … B_L`` with the events and an extra monthly expense applied.

    With no events and no extra expense it is exactly ``plan.to_budget(horizon)``.
    """
    if not events and not extra_expense:
        return plan.to_budget(horizon)
    shock_end = plan.shock.start_month + plan.shock.months if plan.shock else 1
    length = max([shock_end] + [e.month + (1 if e.kind == "extra" else 0) for e in events])
    length = max(1, min(horizon, length))
    changes = sorted((e for e in events if e.kind == "income_change"), key=lambda e: e.month)
    extras: dict[int, float] = {}
    for e in events:
        if e.kind == "extra":
            extras[e.month] = extras.get(e.month, 0.0) + e.amount
    out = []
    for m in range(1, length + 1):
        income = plan.income
        for c in changes:
            if c.month <= m:
                income = c.amount
        factor = plan.shock.income_factor(m) if plan.shock else 1.0
        base = max(0.0, income * factor - plan.total_expenses - plan.buffer - extra_expense)
        out.append(base + extras.get(m, 0.0))
    return Budget.of(out)


def split_excluded(debts: Sequence[Debt], excluded: Sequence[str]) -> tuple[list[Debt], list[Debt]]:
    """``(included, excluded)``, names matched ignoring case and spaces."""
    keys = {name_key(n) for n in excluded}
    return [d for d in debts if name_key(d.name) not in keys], [d for d in debts if name_key(d.name) in keys]


def excluded_expense(excluded: Sequence[Debt]) -> float:
    """The monthly payment of the debts paid outside the plan (an essential expense)."""
    return sum(max(d.min_payment, d.min_payment_pct / 100 * d.balance) for d in excluded)


__all__ = ["BudgetEvent", "EVENT_KINDS", "budget_with_events", "excluded_expense", "parse_events",
           "split_excluded"]
