"""This month (本月): what to pay each lender in the current calendar month, by which day, and where.

Plan month 1 is the **current** calendar month (the month of ``today``), so the list a borrower opens
on 1 December is December's. The amounts are month 1 of :func:`planner.simulate` for the same debts,
budget and strategy (with accepted agreements applied, see :mod:`planner.agreements`), in exact cents:
each is the engine's payment rounded to the cent, and when rounding would make the total exceed the
budget the largest round-ups give back a cent each, so ``Σ amount ≤ budget``.

Each item has a status:

* ``behind`` — the money does not cover what is due: the account falls into arrears this month
  (penalty interest 罚息, a late fee when the contract has one, collection calls, and the overdue record
  at the credit bureau 征信);
* ``paid_off`` — this payment clears the debt;
* ``agreed`` — the lender accepted new terms; this is the agreed instalment;
* ``pay`` — pay the amount by the due date.

The due date is the debt's ``due_day`` (还款日) in this month, clamped to the month's length (31 → 30 in
November, 28/29 in February); unknown → the last day of the month.

>>> from datetime import date
>>> from planner import Debt
>>> debts = [Debt("卡", balance=1000, annual_rate=12, min_payment=100, due_day=31),
...          Debt("贷", balance=500, annual_rate=0, min_payment=200)]
>>> m = this_month(debts, 250, "minimum", today=date(2027, 2, 10))
>>> [(i.name, i.amount_cents, i.due_date.isoformat(), i.status) for i in m.items]
[('卡', 10000, '2027-02-28', 'pay'), ('贷', 15000, '2027-02-28', 'behind')]
>>> m.unpaid_due_cents, m.to_dict()["month"]
(5000, '2027-02')
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .agreements import Agreement, apply_agreements
from .explain import plan_month_date
from .i18n import format_money, format_pct, register, t
from .models import Budget, Debt, DebtKind
from .simulate import simulate

STATUSES: tuple[str, ...] = ("pay", "behind", "paid_off", "agreed")

register({
    "month.status.pay": {"zh": "按时还款", "en": "pay on time"},
    "month.status.behind": {"zh": "将逾期", "en": "falls behind"},
    "month.status.paid_off": {"zh": "本月还清", "en": "paid off this month"},
    "month.status.agreed": {"zh": "按协议还款", "en": "as agreed"},
    "month.behind.short": {"zh": "本月应还 {due}，只能还 {paid}，差 {gap}。",
                           "en": "{due} is due this month; you can pay {paid}, {gap} short."},
    "month.behind.penalty": {"zh": "欠的部分按罚息年利率 {rate} 计息（罚息）。",
                             "en": "The unpaid part accrues penalty interest (罚息) at {rate} a year."},
    "month.behind.fee": {"zh": "合同约定的违约金/滞纳金约 {fee}。",
                         "en": "The contract's late fee (违约金/滞纳金) comes to about {fee}."},
    "month.behind.collection": {"zh": "逾期后会有催收电话和短信；逾期记录可能报送征信。只付一部分、在对方书面同意之前，仍算逾期。",
                                "en": "Overdue accounts get collection calls and messages, and the overdue record may be "
                                      "reported to the credit bureau (征信). Paying part of it before the lender agrees "
                                      "in writing still counts as overdue."},
    "month.behind.private": {"zh": "请提前和出借人说明情况，约定新的还款时间。",
                             "en": "Tell the lender before the due date and agree a new date with them."},
    "month.behind.negotiate": {"zh": "建议：先通过官方渠道协商分期或延期，把应还金额降到预算以内。",
                               "en": "Best next step: ask the lender's official channel for instalments or an "
                                     "extension that fits your budget."},
})


def to_cents(amount: float) -> int:
    """Yuan → integer cents, half up (``0.005`` → 1 cent; float noise below a thousandth of a cent ignored).

    >>> to_cents(10.005), to_cents(0.1 + 0.2), to_cents(1e-9)
    (1001, 30, 0)
    """
    return int(Decimal(repr(round(float(amount), 6))).scaleb(2).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(first: date, months: int) -> date:
    """The first day of the month ``months`` after ``first``'s month."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def plan_month(start: date, month: int) -> date:
    """The first day of plan month ``month`` (1 = the month of ``start``).

    >>> plan_month(date(2026, 12, 20), 1), plan_month(date(2026, 12, 20), 2)
    (datetime.date(2026, 12, 1), datetime.date(2027, 1, 1))
    """
    return plan_month_date(start, month)


def due_date(first_of_month: date, due_day: int | None) -> date:
    """The due date in that month: ``due_day`` clamped to the month's length; ``None`` → last day.

    >>> due_date(date(2027, 2, 1), 31), due_date(date(2027, 4, 1), None), due_date(date(2027, 4, 1), 5)
    (datetime.date(2027, 2, 28), datetime.date(2027, 4, 30), datetime.date(2027, 4, 5))
    """
    last = calendar.monthrange(first_of_month.year, first_of_month.month)[1]
    return first_of_month.replace(day=last if due_day is None else min(int(due_day), last))


def cents_within(values: Sequence[float], cap_cents: int) -> list[int]:
    """Round each amount to cents; if the total exceeds ``cap_cents``, take a cent back from the
    amounts rounded up the most (never below zero) until it fits.

    >>> cents_within([0.005, 0.005], 1)
    [0, 1]
    """
    cents = [to_cents(v) for v in values]
    excess = sum(cents) - cap_cents
    if excess > 0:
        order = sorted(range(len(values)), key=lambda i: (cents[i] - float(values[i]) * 100), reverse=True)
        k = 0
        while excess > 0 and k < 10 * len(order) + excess:
            i = order[k % len(order)]
            if cents[i] > 0:
                cents[i] -= 1
                excess -= 1
            k += 1
    return cents


@dataclass(frozen=True, slots=True)
class MonthItem:
    """One lender's line of the month list (money in cents)."""

    name: str
    kind: DebtKind
    amount_cents: int
    due_cents: int
    due_date: date
    channel: str
    status: str
    shortfall_cents: int = 0
    penalty_rate_pct: float = 0.0
    late_fee_cents: int = 0

    def consequences(self, lang: str = "zh") -> list[str]:
        """What falling behind means for this account (empty unless ``behind``)."""
        if self.status != "behind":
            return []
        out = [t("month.behind.short", lang, due=format_money(self.due_cents / 100, lang),
                 paid=format_money(self.amount_cents / 100, lang), gap=format_money(self.shortfall_cents / 100, lang))]
        if self.penalty_rate_pct > 0:
            out.append(t("month.behind.penalty", lang, rate=format_pct(self.penalty_rate_pct, lang)))
        if self.late_fee_cents > 0:
            out.append(t("month.behind.fee", lang, fee=format_money(self.late_fee_cents / 100, lang)))
        if self.kind == DebtKind.PRIVATE_LOAN:
            out.append(t("month.behind.private", lang))
        else:
            out.append(t("month.behind.collection", lang))
            out.append(t("month.behind.negotiate", lang))
        return out

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "amount": self.amount_cents / 100, "due_date": self.due_date.isoformat(),
                "channel": self.channel, "status": self.status, "due": self.due_cents / 100,
                "shortfall": self.shortfall_cents / 100}


@dataclass(frozen=True, slots=True)
class MonthPlan:
    """The month list: the month (its first day), the budget and one item per open debt."""

    month: date
    budget_cents: int
    strategy: str
    items: tuple[MonthItem, ...] = field(default_factory=tuple)

    @property
    def total_cents(self) -> int:
        return sum(i.amount_cents for i in self.items)

    @property
    def unpaid_due_cents(self) -> int:
        return sum(i.shortfall_cents for i in self.items)

    @property
    def due_cents(self) -> int:
        """What the contracts (or agreements) ask for this month, all lenders together."""
        return sum(i.due_cents for i in self.items)

    @property
    def behind(self) -> list[MonthItem]:
        return [i for i in self.items if i.status == "behind"]

    def to_dict(self) -> dict[str, object]:
        return {"month": f"{self.month.year:04d}-{self.month.month:02d}", "budget": self.budget_cents / 100,
                "strategy": self.strategy, "items": [i.to_dict() for i in self.items],
                "total": self.total_cents / 100, "unpaid_due": self.unpaid_due_cents / 100}


def this_month(debts: Sequence[Debt], budget, strategy: str = "avalanche", *, today: date,
               order: Sequence[str] | None = None, agreements: Mapping[str, Agreement] | None = None) -> MonthPlan:
    """The month list for the calendar month of ``today`` (plan month 1); raises ``InvalidInput``."""
    plan_debts = apply_agreements(debts, agreements)
    agreed = {d.name for d, o in zip(plan_debts, debts) if d is not o}
    result = simulate(plan_debts, budget, strategy, order=order, horizon=1, series=True)
    s = result.series
    budget_cents = to_cents(Budget.of(budget).for_month(1))
    amounts = cents_within([float(x) for x in s.payment[0]], budget_cents)
    first = month_start(today)
    items = []
    for j, d in enumerate(plan_debts):
        paid_c = amounts[j]
        arrears = float(s.arrears[0][j])          # the shortfall left at month end (0 when covered)
        short_c = to_cents(arrears) if arrears > 0.005 else 0
        if short_c:
            status = "behind"
        elif float(s.balance[0][j]) <= 0.005:
            status = "paid_off"
        elif d.name in agreed:
            status = "agreed"
        else:
            status = "pay"
        items.append(MonthItem(
            name=d.name, kind=d.kind, amount_cents=paid_c, due_cents=paid_c + short_c,
            due_date=due_date(first, d.due_day), channel=d.official_channel, status=status,
            shortfall_cents=short_c, penalty_rate_pct=d.effective_penalty_rate if short_c else 0.0,
            late_fee_cents=to_cents(float(s.fee[0][j])) if short_c else 0))
    return MonthPlan(month=first, budget_cents=budget_cents, strategy=result.strategy, items=tuple(items))


@dataclass(frozen=True, slots=True)
class PlannedPayment:
    """One payment of the schedule: plan month (1 = this month), lender, amount in cents, due date."""

    month: int
    name: str
    amount_cents: int
    due_date: date
    channel: str
    agreed: bool = False
    kind: DebtKind = DebtKind.OTHER


MAX_SCHEDULE_MONTHS = 120


def payment_schedule(debts: Sequence[Debt], budget, strategy: str = "avalanche", *, today: date,
                     order: Sequence[str] | None = None, agreements: Mapping[str, Agreement] | None = None,
                     months: int = MAX_SCHEDULE_MONTHS) -> list[PlannedPayment]:
    """Every payment of the plan from this month on (month 1 = the month of ``today``), at most
    ``months`` months, in cents (each month's total within that month's budget); zero payments left out.

    Month 1 equals :func:`this_month`'s amounts.
    """
    plan_debts = apply_agreements(debts, agreements)
    agreed = {d.name for d, o in zip(plan_debts, debts) if d is not o}
    result = simulate(plan_debts, budget, strategy, order=order, horizon=months, series=True)
    b = Budget.of(budget)
    out = []
    for k, row in enumerate(result.series.payment, start=1):
        cents = cents_within([float(x) for x in row], to_cents(b.for_month(k)))
        first = plan_month(today, k)
        for d, c in zip(plan_debts, cents):
            if c > 0:
                out.append(PlannedPayment(k, d.name, c, due_date(first, d.due_day), d.official_channel,
                                          d.name in agreed, d.kind))
    return out


__all__ = ["MAX_SCHEDULE_MONTHS", "MonthItem", "PlannedPayment", "payment_schedule", "MonthPlan", "STATUSES", "add_months", "cents_within", "due_date", "month_start",
           "plan_month", "this_month", "to_cents"]
