"""Exceptions of the negotiation planner.

PlannerError
 └── UnknownMethod   (a proposal method that is not registered; also a ValueError)
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import PlannerError


class UnknownMethod(PlannerError, ValueError):
    def __init__(self, name: str, known: Iterable[str]):
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown proposal method {name!r}; choose one of: {', '.join(self.known)}")
