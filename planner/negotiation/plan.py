"""The results of :func:`planner.negotiation.propose`: a plan, its lines, their payments.

Money is in yuan (rounded to cents), rates in annual percent, months counted from 1
(month 1 is the first payment, on the plan's ``start`` date).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from ..i18n import format_money, format_pct, t
from ..models import Debt, DebtKind
from .settings import NegotiationSettings


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` calendar months, the day clamped to the month's end.

    >>> add_months(date(2027, 1, 31), 1)
    datetime.date(2027, 2, 28)
    """
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Payment:
    """One dated payment of a timetable."""

    month: int
    date: date
    amount: float


@dataclass(frozen=True)
class Reason:
    """A message key plus its parameters, rendered in either language.

    Parameter names say how they are shown: ``*_yuan`` as money, ``*_pct`` as a
    percentage, ``kind`` as a lender kind, anything else as is.
    """

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str = "zh") -> str:
        return t(self.key, lang, **{k: _fmt(k, v, lang) for k, v in self.params})

    def as_dict(self) -> dict[str, object]:
        return {"key": self.key, "params": dict(self.params)}


def _fmt(name: str, value: object, lang: str) -> object:
    if value is None:
        return "—"
    if name.endswith("_yuan"):
        return format_money(float(value), lang)
    if name.endswith("_pct"):
        return format_pct(float(value), lang)
    if name == "kind":
        return DebtKind(value).label(lang)
    if name.endswith("_source"):
        return source_label(str(value), lang)
    return value


def source_label(source_id: str, lang: str = "zh") -> str:
    """Cite a verified source; name a ``likely`` one as "to be confirmed"; ``practice`` as such."""
    from .. import legal
    if source_id in ("", "practice"):
        return t("neg.source.practice", lang)
    src = legal.get(source_id)
    if src.verified:
        return legal.cite(source_id, lang)
    return t("neg.source.unconfirmed", lang, title=src.title(lang))


@dataclass(frozen=True)
class ProposalLine:
    """What the borrower asks one lender for."""

    name: str
    kind: DebtKind
    principal: float                 # the balance owed now (arrears included)
    arrears_folded: float            # the overdue part, folded into the plan instead of paid at once
    original_rate_pct: float
    proposed_rate_pct: float
    penalty_waived: bool
    fees_waived: bool
    instalment: float                # the regular monthly payment (largest payment of the timetable)
    timetable: tuple[Payment, ...]
    channel: str                     # the user's channel for this debt ('' → the default for its kind)
    max_term_months: int
    max_term_source: str
    settlement_pct: float = 0.0      # discount asked on the principal (only when explicitly requested)
    token: float = 0.0               # sequential: monthly payment while waiting its turn
    pinned: bool = False             # adjusted by hand (instalment or months)
    refused: bool = False            # what-if: the lender keeps its original terms
    rate_assumed: bool = False       # original_rate_pct is the estimate assumed for "不知道" (Debt.assumed),
                                     # never stated to a lender as the contract's rate

    @property
    def interest_pause(self) -> bool:
        """停息挂账: no more interest while the plan runs."""
        return self.proposed_rate_pct == 0 and self.original_rate_pct > 0

    @property
    def months(self) -> int:
        return len(self.timetable)

    @property
    def first_payment(self) -> date | None:
        return self.timetable[0].date if self.timetable else None

    @property
    def last_payment(self) -> date | None:
        return self.timetable[-1].date if self.timetable else None

    @property
    def total_repay(self) -> float:
        return round(sum(p.amount for p in self.timetable), 2)

    @property
    def amount_to_repay(self) -> float:
        """The principal after any explicitly requested settlement discount."""
        return round(self.principal * (1 - self.settlement_pct / 100), 2)

    @property
    def within_term(self) -> bool:
        return self.refused or self.months <= self.max_term_months

    def channel_text(self, lang: str = "zh") -> str:
        return self.channel or t(f"neg.channel.{self.kind.value}", lang)

    def payment_in(self, month: int) -> float:
        return self.timetable[month - 1].amount if month <= len(self.timetable) else 0.0

    def to_dict(self, lang: str = "zh") -> dict[str, object]:
        return {
            "name": self.name, "kind": self.kind.value, "principal": self.principal,
            "arrears_folded": self.arrears_folded, "original_rate_pct": self.original_rate_pct,
            "proposed_rate_pct": self.proposed_rate_pct, "interest_pause": self.interest_pause,
            "penalty_waived": self.penalty_waived, "fees_waived": self.fees_waived,
            "settlement_pct": self.settlement_pct, "instalment": self.instalment, "token": self.token,
            "months": self.months, "max_term_months": self.max_term_months,
            "max_term_source": self.max_term_source,
            "first_payment": self.first_payment.isoformat() if self.first_payment else None,
            "last_payment": self.last_payment.isoformat() if self.last_payment else None,
            "total_repay": self.total_repay, "channel": self.channel_text(lang),
            "pinned": self.pinned, "refused": self.refused,
            **({"rate_assumed": True} if self.rate_assumed else {}),
            "timetable": [{"month": p.month, "date": p.date.isoformat(), "amount": p.amount}
                          for p in self.timetable],
        }


@dataclass(frozen=True)
class NegotiationPlan:
    """A proposal to every lender, built to fit one monthly budget.

    When ``feasible`` is False the lines show the plan at ``min_budget`` (what it
    would take) and ``reason`` says why and by how much.
    """

    method: str
    lines: tuple[ProposalLine, ...]
    feasible: bool
    budget: float                    # the monthly budget the plan was built for (lowest month of the budget)
    min_budget: float | None         # smallest monthly budget with which this method works
    binding_lender: str | None       # the lender that forces min_budget (None when feasible)
    reason: Reason
    start: date
    debts: tuple[Debt, ...] = field(repr=False, default=())
    settings: NegotiationSettings | None = field(repr=False, default=None, compare=False)
    overrides: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = field(repr=False, default=())
    warnings: tuple[Reason, ...] = ()   # e.g. a hand-entered rate above the contract (the contract rate is used)

    @property
    def months(self) -> int:
        return max((line.months for line in self.lines), default=0)

    def monthly_totals(self) -> list[float]:
        """Σ payments of each plan month (month 1 first)."""
        return [round(sum(line.payment_in(m) for line in self.lines), 2) for m in range(1, self.months + 1)]

    @property
    def total_monthly(self) -> float:
        """The largest monthly total of the plan (never above ``budget`` when feasible)."""
        return max(self.monthly_totals(), default=0.0)

    @property
    def total_repay(self) -> float:
        return round(sum(line.total_repay for line in self.lines), 2)

    @property
    def total_principal(self) -> float:
        return round(sum(line.principal for line in self.lines), 2)

    def line(self, name: str) -> ProposalLine:
        for line in self.lines:
            if line.name == name:
                return line
        raise KeyError(name)

    def overrides_dict(self) -> dict[str, dict[str, object]]:
        return {name: dict(items) for name, items in self.overrides}

    def to_dict(self, lang: str = "zh") -> dict[str, object]:
        return {
            "method": self.method, "feasible": self.feasible, "budget": self.budget,
            "min_budget": self.min_budget, "binding_lender": self.binding_lender,
            "reason": self.reason.as_dict(), "message": self.reason.render(lang),
            "warnings": [w.render(lang) for w in self.warnings],
            "start": self.start.isoformat(), "months": self.months, "total_monthly": self.total_monthly,
            "total_repay": self.total_repay, "total_principal": self.total_principal,
            "lines": [line.to_dict(lang) for line in self.lines],
        }


def rate_text(line: ProposalLine, lang: str = "zh") -> str:
    """``18.00% → 0.00%`` for tables."""
    return f"{format_pct(line.original_rate_pct, lang)} → {format_pct(line.proposed_rate_pct, lang)}"
