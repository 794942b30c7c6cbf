"""The one-year LPR in force on a date (``planner/data/lpr_history.toml``), for the private-lending cap.

>>> from datetime import date
>>> lpr_on(date(2024, 5, 10)), lpr_on(date(2025, 6, 1)), lpr_on(date(2018, 1, 1))
(3.45, 3.0, None)
>>> private_cap_on(date(2024, 5, 10))
13.8
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from importlib import resources

__all__ = ["lpr_on", "private_cap_on"]

MULTIPLE = 4


@cache
def _history() -> tuple[tuple[date, float], ...]:
    data = tomllib.loads(resources.files("planner").joinpath("data", "lpr_history.toml").read_text("utf-8"))
    return tuple(sorted((date.fromisoformat(k), float(v)) for k, v in data["rates"].items()))


def lpr_on(day: date) -> float | None:
    """The one-year LPR that applied on ``day`` (None before the August 2019 reform)."""
    found = None
    for start, rate in _history():
        if start <= day:
            found = rate
    return found


def private_cap_on(day: date) -> float | None:
    rate = lpr_on(day)
    return None if rate is None else round(MULTIPLE * rate, 4)
