"""The figures a document states about one lender's timetable: phases, last instalment, token warnings.

Amounts are :class:`decimal.Decimal` yuan rounded to the fen (the timetable's own cents).

>>> from datetime import date
>>> from planner.negotiation.plan import Payment
>>> tt = [Payment(1, date(2027, 3, 1), 120.0), Payment(2, date(2027, 4, 1), 120.0),
...       Payment(3, date(2027, 5, 1), 3000.0), Payment(4, date(2027, 6, 1), 512.34)]
>>> [(p.first, p.last, str(p.amount)) for p in phases(tt)]
[(1, 2, '120.00'), (3, 3, '3000.00'), (4, 4, '512.34')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ..i18n import register
from ..negotiation.plan import Payment, ProposalLine
from ..negotiation.plan import Reason

__all__ = ["Phase", "cents", "monthly_interest", "phase_summary", "phases", "token_warning", "yuan"]

CENT = Decimal("0.01")


def yuan(amount: float | Decimal | str) -> Decimal:
    return Decimal(str(amount)).quantize(CENT, rounding=ROUND_HALF_UP)


def cents(amount: float | Decimal | str) -> int:
    return int(yuan(amount) * 100)


@dataclass(frozen=True)
class Phase:
    """Consecutive instalments of the same amount: numbers ``first``..``last`` (1-based)."""

    first: int
    last: int
    amount: Decimal
    first_date: date
    last_date: date

    @property
    def count(self) -> int:
        return self.last - self.first + 1


def phases(timetable: Sequence[Payment]) -> list[Phase]:
    out: list[Phase] = []
    for p in timetable:
        amount = yuan(p.amount)
        if out and out[-1].amount == amount and out[-1].last == p.month - 1:
            prev = out[-1]
            out[-1] = Phase(prev.first, p.month, amount, prev.first_date, p.date)
        else:
            out.append(Phase(p.month, p.month, amount, p.date, p.date))
    return out


def monthly_interest(line: ProposalLine) -> Decimal:
    """One month's interest on the current balance at the **contract** rate (what accrues while waiting)."""
    return yuan(Decimal(str(line.principal)) * Decimal(str(line.original_rate_pct)) / Decimal(1200))


def token_months(line: ProposalLine) -> int:
    """How many months the reduced (token) payment lasts at the start of a sequential timetable."""
    ph = phases(line.timetable)
    if len(ph) >= 2 and line.token > 0 and ph[0].amount == yuan(line.token) and ph[0].amount < ph[1].amount:
        return ph[0].count
    return 0


register({
    "doc.warn.token_below_interest": {
        "zh": "{lender}：排队期间每月只还{token_yuan}，低于按合同利率每月产生的利息{interest_yuan}。在对方书面同意新方案之前，"
              "这笔欠款会继续增加；请在申请中说明先行少量还款持续{months}个月，并请求期间免收或降低利息。",
        "en": "{lender}: the token payment of {token_yuan} a month while it waits is below the monthly interest at the "
              "contract rate ({interest_yuan}). Until the lender agrees in writing, this debt keeps growing; the "
              "application says the token lasts {months} months and asks for interest to be paused or cut meanwhile."},
})


def token_warning(line: ProposalLine) -> Reason | None:
    """A warning when a sequential token payment is below the lender's monthly interest (contract rate)."""
    months = token_months(line)
    if not months:
        return None
    interest = monthly_interest(line)
    if yuan(line.token) >= interest:
        return None
    return Reason("doc.warn.token_below_interest", (("lender", line.name), ("token_yuan", float(yuan(line.token))),
                                                    ("interest_yuan", float(interest)), ("months", months)))


def phase_summary(line: ProposalLine, lang: str = "zh") -> str:
    """The timetable in one cell: ``23×¥186.00 → ¥422.31 → 4×¥3,000.00 → ¥1,899.69``.

    >>> from datetime import date
    >>> from planner.models import DebtKind
    >>> tt = tuple(Payment(k, date(2027, k, 1), a) for k, a in enumerate((80.0, 80.0, 500.0, 120.5), start=1))
    >>> line = ProposalLine("x", DebtKind.OTHER, 780, 0, 0, 0, False, False, 500.0, tt, "", 36, "practice")
    >>> phase_summary(line)
    '2×¥80.00 → ¥500.00 → ¥120.50'
    """
    from ..i18n import format_money
    parts = []
    for p in phases(line.timetable):
        money = format_money(float(p.amount), lang)
        parts.append(money if p.count == 1 else f"{p.count}×{money}")
    return " → ".join(parts)
