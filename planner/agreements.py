"""Agreed terms feed the plan: a lender's accepted answer replaces the contract terms of that debt.

A lender's answer is recorded in the workspace's ``negotiation`` section under ``answers``, one record
per lender (all values as typed, so the form can show them back)::

    {"answers": {"借呗": {"status": "accepted", "date": "2026-12-05", "monthly": "800", "months": "24",
                         "rate": "0", "waive_penalty": true, "waive_fees": true, "fold_arrears": true,
                         "amount": "", "note": ""}}}

``status`` is one of :data:`STATUSES` (the same four as the counsellor database). Only ``accepted``
changes the plan; a ``proposed``, ``refused`` or ``no_answer`` lender keeps its contract terms.

An accepted answer becomes the debt the engine simulates (:func:`agreed_debt`):

* ``balance``: ``amount`` (the total the lender confirmed) or, when blank, the balance owed now;
* ``annual_rate``: ``rate`` or, when blank, the contract rate;
* ``min_payment``: ``monthly`` — the agreed instalment is the amount due each month;
* arrears folded in (default): no arrears, no days overdue (the past-due part is inside the balance);
* penalty interest waived: the penalty rate equals the agreed rate; otherwise the contract's;
* fees waived: no late fee; otherwise the contract's.

So "the simulation with an agreement" is exactly "the simulation of a debt with those terms", in every
place the planner simulates (this month's list, the strategies, the calendar, the PDF's data).
The agreement applies from plan month 1 (the current calendar month).

>>> from planner import Debt
>>> d = Debt("借呗", balance=9000, annual_rate=18, min_payment=900, overdue_days=45)
>>> answers, issues = parse_answers({"借呗": {"status": "accepted", "monthly": "500", "months": "18",
...                                          "rate": "0", "waive_penalty": True}}, [d])
>>> new = apply_agreements([d], answers)[0]
>>> new.min_payment, new.annual_rate, new.effective_arrears, new.effective_penalty_rate, issues
(500.0, 0.0, 0.0, 0.0, [])
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .i18n import register
from .models import Debt, ValidationIssue, name_key, register_column_labels
from .parsing import ParseError, clean_text, is_blank, parse_amount, parse_int, parse_percent

STATUSES: tuple[str, ...] = ("proposed", "accepted", "refused", "no_answer")

register({
    "agree.status.proposed": {"zh": "已提出方案，等待答复", "en": "proposal sent, waiting"},
    "agree.status.accepted": {"zh": "已同意（按协议还款）", "en": "accepted (repay as agreed)"},
    "agree.status.refused": {"zh": "已拒绝（按原合同）", "en": "refused (contract terms)"},
    "agree.status.no_answer": {"zh": "未答复（按原合同）", "en": "no answer (contract terms)"},
    "issue.unknown_status": {"zh": "'{value}' 不是已知状态（{choices}）", "en": "'{value}' is not a known status ({choices})"},
    "issue.unknown_lender": {"zh": "'{value}' 不在债务列表中（已忽略）", "en": "'{value}' is not one of the debts (ignored)"},
    "issue.agreed_monthly_missing": {"zh": "已同意的协议需要填写每月还款金额",
                                     "en": "an accepted agreement needs the monthly amount"},
    "issue.bad_date": {"zh": "'{value}' 不是日期（格式 2026-12-05）", "en": "'{value}' is not a date (use 2026-12-05)"},
})

register_column_labels({
    "agreement.status": ("答复", "answer"), "agreement.monthly": ("每月还款", "monthly amount"),
    "agreement.months": ("期数", "months"), "agreement.rate": ("协议年利率", "agreed annual rate"),
    "agreement.amount": ("协议还款总额", "agreed amount to repay"), "agreement.date": ("答复日期", "date of the answer"),
})


@dataclass(frozen=True, slots=True)
class Agreement:
    """The terms a lender accepted (money in yuan, rates annual percent; ``None`` = keep the contract's)."""

    lender: str
    monthly: float
    months: int | None = None
    rate_pct: float | None = None
    waive_penalty: bool = False
    waive_fees: bool = False
    fold_arrears: bool = True
    amount: float | None = None
    agreed_on: date | None = None
    note: str = ""


def _flag(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    text = clean_text(value).casefold()
    if not text:
        return default
    return text in ("1", "true", "yes", "y", "是", "对", "✓", "x")


def parse_date(value: object) -> date:
    """``2026-12-05`` / ``2026/12/5`` / ``2026年12月5日`` → a date (raises :class:`ParseError`)."""
    if isinstance(value, date):
        return value
    text = clean_text(value).replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
    parts = text.split("-")
    try:
        y, m, d = (int(p) for p in parts)
        return date(y, m, d)
    except (ValueError, TypeError):
        raise ParseError("bad_date") from None


def optional_date(value: object) -> date | None:
    """A stored date, or ``None`` when it is missing or unreadable (a record written by an older version)."""
    if value in (None, ""):
        return None
    try:
        return parse_date(value)
    except ParseError:
        return None


def parse_answer(lender: str, record: Mapping[str, object], row: int | None = None
                 ) -> tuple[str, Agreement | None, list[ValidationIssue]]:
    """One lender's answer → ``(status, agreement or None, issues)``; an accepted answer with errors
    yields no agreement (the debt keeps its contract terms) and the issues say why."""
    issues: list[ValidationIssue] = []
    status = clean_text(record.get("status")) or "proposed"
    if status not in STATUSES:
        issues.append(ValidationIssue(row, "agreement.status", status, "unknown_status", (("choices", ", ".join(STATUSES)),)))
        return status, None, issues
    if status != "accepted":
        return status, None, []

    def read(col, parser, **kw):
        value = record.get(col)
        if is_blank(value):
            return None
        try:
            return parser(value, **kw)
        except ParseError as e:
            issues.append(ValidationIssue(row, f"agreement.{col}", clean_text(value), e.code, tuple(e.params.items())))
            return None

    monthly = read("monthly", parse_amount)
    months = read("months", parse_int)
    rate = read("rate", parse_percent)
    amount = read("amount", parse_amount)
    agreed_on = read("date", parse_date)
    if monthly is None and not any(i.column == "monthly" for i in issues):
        issues.append(ValidationIssue(row, "agreement.monthly", "", "agreed_monthly_missing"))
    for col, value in (("monthly", monthly), ("amount", amount), ("rate", rate), ("months", months)):
        if value is None:
            continue
        if not math.isfinite(value) or value < 0:
            issues.append(ValidationIssue(row, f"agreement.{col}", clean_text(record.get(col)), "negative"))
        elif col in ("monthly", "amount", "months") and value == 0:
            issues.append(ValidationIssue(row, f"agreement.{col}", clean_text(record.get(col)), "not_positive"))
    if issues:
        return status, None, issues
    return status, Agreement(
        lender=lender, monthly=float(monthly), months=months, rate_pct=rate,
        waive_penalty=_flag(record.get("waive_penalty"), False), waive_fees=_flag(record.get("waive_fees"), False),
        fold_arrears=_flag(record.get("fold_arrears"), True), amount=amount, agreed_on=agreed_on,
        note=str(record.get("note") or "")), []


def parse_answers(answers: Mapping[str, Mapping[str, object]], debts: Sequence[Debt] = ()
                  ) -> tuple[dict[str, Agreement], list[ValidationIssue]]:
    """Every accepted answer as ``{debt name: Agreement}`` plus every problem found (as data).

    Lender names match debts ignoring case and spaces; an answer for a lender that is not in ``debts``
    (when given) is reported as a warning and ignored.
    """
    known = {name_key(d.name): d.name for d in debts}
    out: dict[str, Agreement] = {}
    issues: list[ValidationIssue] = []
    for row, (lender, record) in enumerate(answers.items(), start=1):
        name = known.get(name_key(lender), lender) if known else lender
        if known and name_key(lender) not in known:
            issues.append(ValidationIssue(row, "name", str(lender), "unknown_lender", severity="warning"))
            continue
        if not isinstance(record, Mapping):
            continue
        _, agreement, problems = parse_answer(name, record, row)
        issues += problems
        if agreement is not None:
            out[name] = agreement
    return out, issues


def agreed_debt(debt: Debt, agreement: Agreement) -> Debt:
    """The debt with the agreed terms (see the module docstring)."""
    rate = debt.annual_rate if agreement.rate_pct is None else agreement.rate_pct
    if agreement.waive_penalty:
        penalty = rate
    else:
        penalty = max(debt.effective_penalty_rate, rate)
    return Debt(
        name=debt.name, kind=debt.kind, balance=debt.balance if agreement.amount is None else agreement.amount,
        annual_rate=rate, min_payment=agreement.monthly, min_payment_pct=0.0, penalty_rate=penalty,
        late_fee_pct=0.0 if agreement.waive_fees else debt.late_fee_pct,
        overdue_days=0 if agreement.fold_arrears else debt.overdue_days,
        arrears=0.0 if agreement.fold_arrears else min(debt.effective_arrears,
                                                        debt.balance if agreement.amount is None else agreement.amount),
        official_channel=debt.official_channel, notes=debt.notes, due_day=debt.due_day,
        # an agreed rate is the lender's figure; a contract rate that was only assumed stays marked
        assumed=("annual_rate",) if agreement.rate_pct is None and debt.is_assumed("annual_rate") else (),
        assumed_basis=debt.assumed_basis)


def apply_agreements(debts: Sequence[Debt], agreements: Mapping[str, Agreement] | None) -> list[Debt]:
    """The portfolio with every accepted agreement applied (others unchanged, same order)."""
    if not agreements:
        return list(debts)
    by_key = {name_key(k): a for k, a in agreements.items()}
    return [agreed_debt(d, by_key[name_key(d.name)]) if name_key(d.name) in by_key else d for d in debts]


def agreements_from_negotiation(negotiation: Mapping[str, object], debts: Sequence[Debt]
                                ) -> tuple[dict[str, Agreement], list[ValidationIssue]]:
    """The workspace's ``negotiation`` section → accepted agreements (``answers`` may be absent)."""
    answers = negotiation.get("answers") if isinstance(negotiation, Mapping) else None
    return parse_answers(answers if isinstance(answers, Mapping) else {}, debts)


def answers_from_records(records) -> dict[str, dict[str, object]]:
    """The counsellor database's latest negotiation status per lender (``NegotiationRecord``-like objects
    with ``lender``, ``status``, ``terms`` ``{"monthly_yuan", "months"}`` and ``status_date``) as workspace
    answers, so a counsellor's recorded "accepted" feeds the plan the same way a borrower's does."""
    out: dict[str, dict[str, object]] = {}
    for r in records:
        terms = r.terms if isinstance(getattr(r, "terms", None), Mapping) else {}
        out[r.lender] = {"status": r.status, "date": r.status_date.isoformat() if r.status_date else "",
                         "monthly": "" if terms.get("monthly_yuan") is None else str(terms["monthly_yuan"]),
                         "months": "" if terms.get("months") is None else str(terms["months"])}
    return out


__all__ = ["Agreement", "STATUSES", "agreed_debt", "agreements_from_negotiation", "answers_from_records",
           "apply_agreements",
           "parse_answer", "parse_answers", "parse_date"]
