"""The report's links to negotiation, letters and rights, and the masking of a borrower's numbers."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ..letters import BorrowerProfile, render_application
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


def letters(plan: NegotiationPlan, *, lang: str, today: date, profile: Mapping[str, Any]) -> dict[str, str]:
    """One written application per lender (``planner.letters.render_application``, plain text)."""
    known = set(BorrowerProfile.__dataclass_fields__)
    borrower = BorrowerProfile(**{k: v for k, v in profile.items() if k in known and v is not None})
    return {line.name: render_application(plan, line, lang, borrower, fmt="txt", on=today) for line in plan.lines}


def rights(lang: str):
    """The plain-language rights sections (``planner.rights.rights_summary``)."""
    return rights_summary(lang)


_DIGITS = re.compile(r"\d")


def mask_profile(profile: Mapping[str, Any]) -> dict[str, Any]:
    """Mask identifying numbers (phone, ID card, account) in a profile: keep the last 4 digits.

    >>> mask_profile({"name": "张**", "phone": "13812345678", "id_number": "110101199001011234"})
    {'name': '张**', 'phone': '*******5678', 'id_number': '**************1234'}
    """
    out: dict[str, Any] = {}
    for key, value in profile.items():
        if key != "name" and isinstance(value, str) and sum(c.isdigit() for c in value) >= 5:
            keep = 4
            n_digits = sum(c.isdigit() for c in value)
            seen = 0
            chars = []
            for c in value:
                if c.isdigit():
                    seen += 1
                    chars.append(c if seen > n_digits - keep else "*")
                else:
                    chars.append(c)
            out[key] = "".join(chars)
        else:
            out[key] = value
    return out
