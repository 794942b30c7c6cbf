"""The report's links to negotiation, letters and rights, and the masking of a borrower's numbers."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ..documents import BorrowerProfile, Document, application
from ..models import Budget, Debt
from ..negotiation import NegotiationPlan, propose
from ..negotiation.plan import add_months
from ..rights import rights_summary

DEFAULT_METHOD = "equal_term"


def first_payment_date(today: date) -> date:
    """The plan's first payment by default: the 1st of the month after ``today`` (as ``propose`` does).

    >>> first_payment_date(date(2026, 12, 15))
    datetime.date(2027, 1, 1)
    """
    return add_months(today.replace(day=1), 1)


def negotiation_plan(debts: Sequence[Debt], budget: Budget, *, method: str | None, start: date) -> NegotiationPlan:
    """``planner.negotiation.propose`` for the lowest month of the budget."""
    return propose(list(debts), min(budget.monthly), method or DEFAULT_METHOD, start=start)


def letters(plan: NegotiationPlan, *, lang: str, today: date, profile: Mapping[str, Any]) -> dict[str, Document]:
    """One written application per lender (``planner.documents.application``: the same letter as the
    negotiation page's downloads), as a structured document the PDF lays out block by block."""
    borrower = BorrowerProfile.from_record(profile)         # never raises: bad values are dropped
    return {line.name: application(plan, line, lang, borrower, on=today) for line in plan.lines}


def rights(lang: str):
    """The plain-language rights sections (``planner.rights.rights_summary``)."""
    return rights_summary(lang)


_DIGITS = re.compile(r"\d")


def mask_profile(profile: Mapping[str, Any]) -> dict[str, Any]:
    """Mask identifying numbers (phone, ID card, account) in a profile: keep the last 4 digits.

    Nested values (the per-lender account identifiers under ``lenders``) are masked too.

    >>> mask_profile({"name": "张**", "phone": "13812345678", "id_number": "110101199001011234"})
    {'name': '张**', 'phone': '*******5678', 'id_number': '**************1234'}
    >>> mask_profile({"lenders": {"借呗": {"account_id": "HT20250001234"}}})
    {'lenders': {'借呗': {'account_id': 'HT*******1234'}}}
    """
    out: dict[str, Any] = {}
    for key, value in profile.items():
        if isinstance(value, Mapping):
            out[key] = mask_profile(value)
        elif isinstance(value, list):
            out[key] = [mask_profile(v) if isinstance(v, Mapping) else _mask(v) for v in value]
        elif key != "name":
            out[key] = _mask(value)
        else:
            out[key] = value
    return out


def _mask(value: Any) -> Any:
    if not isinstance(value, str) or sum(c.isdigit() for c in value) < 5:
        return value
    n_digits = sum(c.isdigit() for c in value)
    seen, chars = 0, []
    for c in value:
        if c.isdigit():
            seen += 1
            chars.append(c if seen > n_digits - 4 else "*")
        else:
            chars.append(c)
    return "".join(chars)
