"""Repayment timetables in whole cents, as a lender's statement computes them.

Each month a line accrues ``round(balance × rate / 1200)`` cents of interest, then
receives its payment.  Amounts are integers (cents) here; the plan converts to yuan.

>>> level_schedule(1_200_000, 0.0, 12)[:2]
(100000, [100000, 100000, 100000, 100000, 100000, 100000, 100000, 100000, 100000, 100000, 100000, 100000])
>>> inst, pays = level_schedule(1_000_000, 12.0, 12)
>>> inst, sum(pays)
(88849, 1066186)
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache


def annuity(principal: float, annual_rate_pct: float, months: int) -> float:
    """The level payment that repays ``principal`` in ``months`` at ``annual_rate_pct`` (unrounded).

    >>> round(annuity(10_000, 12, 12), 2)
    888.49
    >>> annuity(1200, 0, 12)
    100.0
    >>> annuity(1200, 1e-300, 12)      # so small that 1 + i == 1: the limit, not a division by zero
    100.0
    """
    i = annual_rate_pct / 1200
    if i == 0:
        return principal / months
    if abs(i) * months < 1e-9:        # 1 - (1 + i)^-n loses every digit here: first-order expansion
        return principal / months * (1 + i * (months + 1) / 2)
    return principal * i / (1 - (1 + i) ** -months)


RATE_SCALE = 10 ** 8          # annual rates are exact to 1e-8 percent


@lru_cache(maxsize=4096)
def _rate_units(annual_rate_pct: float) -> int:
    """The rate as an exact integer number of 1e-8 percent (from its decimal text, not its binary value)."""
    return int((Decimal(str(annual_rate_pct)) * RATE_SCALE).to_integral_value(ROUND_HALF_UP))


def _interest(balance_c: int, annual_rate_pct: float) -> int:
    """One month's interest in cents, ``balance × rate / 1200`` rounded half up, in exact integer arithmetic.

    >>> _interest(348_000, 10.95)        # 3,480.00 × 10.95 % / 12 = 31.755 → 31.76 (floats gave 31.75)
    3176
    """
    den = 1200 * RATE_SCALE
    return (2 * balance_c * _rate_units(annual_rate_pct) + den) // (2 * den)


@lru_cache(maxsize=65_536)
def level_schedule(principal_c: int, annual_rate_pct: float, months: int) -> tuple[int, list[int]]:
    """Equal instalments (cents) repaying ``principal_c`` in at most ``months``.

    Returns ``(instalment, payments)``: every payment but the last equals the
    instalment, the last one clears the balance and is never larger.
    """
    if principal_c <= 0:
        return 0, []
    inst = max(1, math.ceil(annuity(principal_c, annual_rate_pct, months) - 1e-9))
    while True:
        pays = fixed_schedule(principal_c, annual_rate_pct, inst, months)
        if pays is not None:
            return inst, pays
        inst += 1


def fixed_schedule(principal_c: int, annual_rate_pct: float, instalment_c: int,
                   max_months: int) -> list[int] | None:
    """Pay ``instalment_c`` each month until cleared; ``None`` if not cleared within ``max_months``."""
    bal, pays = principal_c, []
    if instalment_c <= 0:
        return None if bal > 0 else []
    while bal > 0:
        if len(pays) >= max_months:
            return None
        bal += _interest(bal, annual_rate_pct)
        pay = min(instalment_c, bal)
        bal -= pay
        pays.append(pay)
    return pays


def first_interest(principal_c: int, annual_rate_pct: float) -> int:
    return _interest(principal_c, annual_rate_pct)
