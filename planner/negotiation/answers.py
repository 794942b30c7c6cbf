"""The lenders' recorded answers on the negotiation page: what is agreed is not proposed again.

The workspace's ``negotiation["answers"]`` (see :mod:`planner.agreements`) says, per lender, whether a
proposal was accepted, refused or not answered. :func:`negotiation_inputs` turns it, together with
:func:`planner.plan_inputs.plan_inputs` (the same debts, budget and agreements as the month page, the
calendar and the PDF), into what the negotiation page proposes from:

* an **accepted** lender is shown as agreed (:class:`AgreedLine`: its agreed monthly amount and months, its
  dated schedule from this month on — the engine's payments for the debt on the agreed terms, the same
  cents as the calendar) and is **not** proposed to again;
* the money to share between the other lenders is the budget **left after the agreed payments**, month by
  month: :attr:`NegotiationInputs.left`, aligned so that proposal month 1 (the ``start`` date) takes the
  calendar month it falls in;
* a **refused** lender still gets a proposal, with a note (:class:`AnswerNote`): "refused on <date> —
  ask them to reconsider" and the reconsider letter (:func:`reconsider_letter`) carrying the new
  proposal's figures; ``no_answer`` and ``proposed`` are noted too.

>>> from datetime import date
>>> from planner import BudgetPlan, Debt
>>> from planner.plan_inputs import plan_inputs
>>> debts = [Debt("借呗", balance=2400, annual_rate=18, min_payment=400, kind="online_loan"),
...          Debt("金条", balance=3000, annual_rate=18, min_payment=300, kind="online_loan")]
>>> neg = {"answers": {"借呗": {"status": "accepted", "monthly": "600", "months": "4", "rate": "0"},
...                    "金条": {"status": "refused", "date": "2026-11-20"}}}
>>> n = negotiation_inputs(plan_inputs(debts, 2000, negotiation=neg), neg, today=date(2026, 12, 1),
...                        start=date(2027, 1, 1))
>>> [d.name for d in n.open_debts], [(a.name, a.monthly, a.months) for a in n.agreed]
(['金条'], [('借呗', 600.0, 4)])
>>> n.left.monthly[:4], n.agreed_this_month
((1400.0, 1400.0, 1400.0, 2000.0), 600.0)
>>> n.notes["金条"].text("en")
'Refused on 20 Nov 2026 — ask them to reconsider (reconsider letter)'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..agreements import STATUSES, Agreement, optional_date
from ..i18n import format_date, register, t
from ..models import Budget, Debt, DebtKind, ValidationIssue, name_key

if TYPE_CHECKING:
    from ..plan_inputs import PlanInputs
    from .plan import ProposalLine

SCHEDULE_MONTHS = 600             # an agreed plan is followed to its end (the engine's horizon)

register({
    "neg.answer.refused": {"zh": "已于{date}拒绝 — 请对方重新考虑（“请求重新考虑函”）",
                           "en": "Refused on {date} — ask them to reconsider (reconsider letter)"},
    "neg.answer.refused_undated": {"zh": "已拒绝（未记录日期）— 请对方重新考虑（“请求重新考虑函”）",
                                   "en": "Refused (date not recorded) — ask them to reconsider (reconsider letter)"},
    "neg.answer.refused_short": {"zh": "已拒绝{since}", "en": "Refused{since}"},
    "neg.answer.refused_since": {"zh": "（{date}）", "en": " ({date})"},
    "neg.answer.no_answer": {"zh": "未答复{since}", "en": "No answer{since}"},
    "neg.answer.no_answer_since": {"zh": "（{date}记录）", "en": " (recorded {date})"},
    "neg.answer.proposed": {"zh": "已提出方案，等待答复{since}", "en": "Proposal sent, waiting{since}"},
    "neg.answer.proposed_since": {"zh": "（{date}）", "en": " ({date})"},
})


@dataclass(frozen=True, slots=True)
class AgreedLine:
    """A lender that accepted: the agreed terms and the schedule they give from this month on."""

    name: str
    kind: DebtKind
    monthly: float                   # the agreed instalment (yuan, as recorded)
    months: int                      # the agreed number of months, or (not recorded) the schedule's length
    months_recorded: bool
    agreed_on: date | None
    rate_pct: float                  # the agreed annual rate (the contract's when not recorded)
    channel: str
    dates: tuple[date, ...] = ()     # due date of each payment, from this month on
    payments_cents: tuple[int, ...] = ()   # per plan month (1 = this month; 0 when nothing is due)

    @property
    def first_payment(self) -> date | None:
        return self.dates[0] if self.dates else None

    @property
    def last_payment(self) -> date | None:
        return self.dates[-1] if self.dates else None

    @property
    def total_cents(self) -> int:
        return sum(self.payments_cents)

    @property
    def total(self) -> float:
        """The agreed schedule's total in yuan (from cents)."""
        return self.total_cents / 100

    @property
    def scheduled_months(self) -> int:
        return sum(1 for c in self.payments_cents if c > 0)

    def channel_text(self, lang: str = "zh") -> str:
        return self.channel or t(f"neg.channel.{self.kind.value}", lang)


@dataclass(frozen=True, slots=True)
class AnswerNote:
    """A recorded answer other than "accepted" (the lender still gets a proposal)."""

    name: str
    status: str                      # refused / no_answer / proposed
    answered_on: date | None = None

    @property
    def reconsider(self) -> bool:
        """A refusal: the next step is the "please reconsider" letter."""
        return self.status == "refused"

    def label(self, lang: str = "zh") -> str:
        """Short, for a table column: "已拒绝（2026年11月25日）" (the full note is :meth:`text`)."""
        if self.status != "refused":
            return self.text(lang)
        day = format_date(self.answered_on, lang) if self.answered_on else None
        return t("neg.answer.refused_short", lang, since=t("neg.answer.refused_since", lang, date=day) if day else "")

    def text(self, lang: str = "zh") -> str:
        day = format_date(self.answered_on, lang) if self.answered_on else None
        if self.status == "refused":
            return t("neg.answer.refused", lang, date=day) if day else t("neg.answer.refused_undated", lang)
        since = t(f"neg.answer.{self.status}_since", lang, date=day) if day else ""
        return t(f"neg.answer.{self.status}", lang, since=since)


@dataclass(frozen=True)
class NegotiationInputs:
    """What the negotiation page proposes from (see the module docstring); money in yuan."""

    open_debts: tuple[Debt, ...]                 # contract terms: the lenders to propose to
    agreed: tuple[AgreedLine, ...]
    notes: Mapping[str, AnswerNote]
    budget: Budget                               # money for debt each month (plan_inputs), month 1 = this month
    left: Budget                                 # what is left after the agreed payments, month 1 = ``start``
    agreed_this_month: float                     # the agreed payments due this month
    contract_debts: tuple[Debt, ...] = ()        # every included debt on its contract terms
    issues: tuple[ValidationIssue, ...] = field(default_factory=tuple)

    @property
    def agreed_names(self) -> tuple[str, ...]:
        return tuple(a.name for a in self.agreed)

    @property
    def left_lowest(self) -> float:
        """The month a proposal is built for (the lowest month that is left)."""
        return min(self.left.monthly)

    @property
    def agreed_monthly(self) -> float:
        """The agreed instalments together (as recorded)."""
        return round(sum(a.monthly for a in self.agreed), 2)


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def _answers(negotiation: Mapping[str, object] | None) -> dict[str, Mapping[str, object]]:
    answers = negotiation.get("answers") if isinstance(negotiation, Mapping) else None
    return {name_key(str(k)): v for k, v in answers.items() if isinstance(v, Mapping)} \
        if isinstance(answers, Mapping) else {}


def _agreed_lines(contract: list[Debt], agreements: Mapping[str, Agreement], *, today: date) -> list[AgreedLine]:
    """The agreed debts' schedule: the engine's payments for each on the agreed terms, each month's budget
    exactly what they are due (so nothing extra reaches them), in cents, from this month on."""
    from ..agreements import apply_agreements
    from ..compare import budget_check
    from ..month import payment_schedule
    if not contract:
        return []
    terms = apply_agreements(contract, agreements)
    due = budget_check(terms, 0).total_due          # month 1: the agreed instalments (+ arrears not folded in)
    # "minimum" pays exactly what is due and nothing extra, so a budget above the dues changes nothing
    pays = payment_schedule(contract, 2 * due + 1, "minimum", today=today, agreements=agreements,
                            months=SCHEDULE_MONTHS) if due > 0 else []
    out = []
    for d, agreed in zip(contract, terms):
        a = agreements[d.name]
        mine = [p for p in pays if p.name == d.name]
        cents = [0] * (max((p.month for p in mine), default=0))
        for p in mine:
            cents[p.month - 1] = p.amount_cents
        out.append(AgreedLine(
            name=d.name, kind=d.kind, monthly=a.monthly, months=a.months or sum(1 for c in cents if c),
            months_recorded=a.months is not None, agreed_on=a.agreed_on, rate_pct=agreed.annual_rate,
            channel=d.official_channel, dates=tuple(p.due_date for p in mine), payments_cents=tuple(cents)))
    return out


def negotiation_inputs(inputs: PlanInputs, negotiation: Mapping[str, object] | None, *, today: date,
                       start: date) -> NegotiationInputs:
    """The negotiation page's inputs from :func:`planner.plan_inputs.plan_inputs` (``inputs``) and the
    workspace's ``negotiation`` section. ``today`` dates this month (plan month 1 of the month page and the
    calendar); ``start`` is the proposal's first payment date (proposal month 1)."""
    contract = list(inputs.contract_debts)
    agreements = {name: a for name, a in inputs.agreements.items() if name in {d.name for d in contract}}
    agreed_debts = [d for d in contract if d.name in agreements]
    agreed = _agreed_lines(agreed_debts, agreements, today=today)
    open_debts = tuple(d for d in contract if d.name not in agreements)

    answers = _answers(negotiation)
    notes = {}
    for d in open_debts:
        ans = answers.get(name_key(d.name))
        if not ans:
            continue
        status = str(ans.get("status") or "").strip()
        if status in STATUSES and status != "accepted":
            notes[d.name] = AnswerNote(d.name, status, optional_date(ans.get("date")))

    budget = Budget.of(inputs.budget)
    offset = max(0, _month_index(start) - _month_index(today))
    longest = max((len(a.payments_cents) for a in agreed), default=0)
    horizon = max(len(budget.monthly) - offset, longest - offset, 0) + 1

    def agreed_in(month: int) -> int:                 # month: 1 = this month
        return sum(a.payments_cents[month - 1] for a in agreed if month <= len(a.payments_cents))

    left = []
    for k in range(1, horizon + 1):
        month = offset + k
        cents = round(budget.for_month(month) * 100) - agreed_in(month)
        left.append(max(cents, 0) / 100)
    return NegotiationInputs(
        open_debts=open_debts, agreed=tuple(agreed), notes=notes, budget=budget, left=Budget.of(left),
        agreed_this_month=agreed_in(1) / 100, contract_debts=tuple(contract), issues=tuple(inputs.issues))


def reconsider_letter(debt: Debt, line: ProposalLine, lang: str = "zh", *, today: date, followups: Mapping[str, object],
                      answers: Mapping[str, object], budget: float, lenders: int,
                      profile: Mapping[str, object] | None = None) -> str:
    """The "please reconsider" letter (:mod:`planner.followup_letters`, ``reconsider``) with the updated
    figures of the new proposal ``line`` (a :class:`planner.negotiation.ProposalLine`): its instalment,
    number of months and total; ``budget`` is the money for all debts each month, shared by ``lenders``."""
    from dataclasses import replace

    from ..followup_letters import facts_for, render_followup
    from ..month import to_cents
    budget_cents = to_cents(budget)
    facts = facts_for(debt, today=today, followups=followups, answers=answers, budget_cents=budget_cents,
                      lenders=lenders)
    facts = replace(facts, monthly_cents=to_cents(line.instalment), months=line.months or None,
                    total_cents=to_cents(line.total_repay) if line.months else None)
    return render_followup("reconsider", debt, lang, facts, profile)


__all__ = ["AgreedLine", "AnswerNote", "NegotiationInputs", "negotiation_inputs", "reconsider_letter"]
