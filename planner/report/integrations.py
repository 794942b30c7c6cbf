"""Adapters to the planner's optional feature packages (negotiation, letters, rights).

The report works with whatever is installed: when a package is missing, the
adapter returns ``None`` (or nothing) and adds its name to ``notes``, and the
section that needs it falls back to what the core planner computes.  Only an
``ImportError`` of the feature itself is treated as "missing"; any other error
is a bug and propagates.
"""

from __future__ import annotations

import calendar
import importlib
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ..models import Budget, Debt

DEFAULT_METHOD = "equal_term"


def _module(name: str):
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and (name == exc.name or name.startswith(exc.name + ".")):
            return None
        raise


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` calendar months, the day clamped to the month's end.

    >>> add_months(date(2027, 1, 31), 1)
    datetime.date(2027, 2, 28)
    """
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def first_payment_date(today: date) -> date:
    """The plan's first payment by default: the 1st of the month after ``today`` (as ``propose`` does).

    >>> first_payment_date(date(2026, 12, 15))
    datetime.date(2027, 1, 1)
    """
    return add_months(today.replace(day=1), 1)


def negotiation_plan(debts: Sequence[Debt], budget: Budget, *, method: str | None, start: date,
                     notes: list[str]) -> Any | None:
    """``planner.negotiation.propose`` for the lowest month of the budget, or ``None``."""
    mod = _module("planner.negotiation")
    propose = getattr(mod, "propose", None) if mod else None
    if propose is None:
        notes.append("negotiation")
        return None
    return propose(list(debts), min(budget.monthly), method or DEFAULT_METHOD, start=start)


def letters(debts: Sequence[Debt], plan: Any | None, *, lang: str, today: date, profile: Mapping[str, Any],
            notes: list[str]) -> dict[str, str]:
    """One written application per lender (``planner.letters.render_application``, plain text), or ``{}``."""
    mod = _module("planner.letters")
    render = getattr(mod, "render_application", None) if mod else None
    if render is None or plan is None:
        notes.append("letters")
        return {}
    known = set(getattr(mod.BorrowerProfile, "__dataclass_fields__", {}))
    borrower = mod.BorrowerProfile(**{k: v for k, v in profile.items() if k in known and v is not None})
    return {line.name: render(plan, line, lang, borrower, fmt="txt", on=today) for line in plan.lines}


def rights(lang: str, *, notes: list[str]) -> Any | None:
    """``planner.rights.rights_summary(lang)``, or ``None`` (the report then lists verified sources itself)."""
    mod = _module("planner.rights")
    summary = getattr(mod, "rights_summary", None) if mod else None
    if summary is None:
        notes.append("rights")
        return None
    return summary(lang)


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
