"""What the repository returns: small frozen records, and the JSON they are stored as.

Debts are stored with :func:`planner.debt_to_record` and read back with
:func:`planner.debts_from_records`; a budget plan, negotiation terms and an
incident are stored as JSON objects whose fields storage does not interpret
(their owners' ``to_record()`` / ``from_record()`` do).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from ..explain import plan_month_date
from ..i18n import register, t
from ..models import Debt
from ..parsing import debt_to_record, debts_from_records
from ..results import SimulationResult, cents
from .schema import STATUSES

register({
    "store.status.proposed": {"zh": "已提出方案", "en": "proposed"},
    "store.status.accepted": {"zh": "已同意", "en": "accepted"},
    "store.status.refused": {"zh": "已拒绝", "en": "refused"},
    "store.status.no_answer": {"zh": "未答复", "en": "no answer"},
})


def status_label(status: str, lang: str = "zh") -> str:
    """``accepted`` → 已同意 / accepted."""
    return t(f"store.status.{status}", lang)


def _json_default(value: object) -> object:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    item = getattr(value, "item", None)          # numpy scalars
    if callable(item):
        return item()
    raise TypeError(f"cannot store a {type(value).__name__} as JSON")


def dumps(value: object) -> str:
    """Canonical JSON (sorted keys, UTF-8 text, no NaN) for storage and export."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False,
                      default=_json_default, separators=(",", ":"))


def as_record(value: object) -> dict[str, Any]:
    """A mapping, or an object's ``to_record()`` / ``to_dict()``, as a plain JSON-able dict."""
    if value is None:
        return {}
    for method in ("to_record", "to_dict"):
        convert = getattr(value, method, None)
        if callable(convert) and not isinstance(value, Mapping):
            value = convert()
            break
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a mapping or an object with to_record(), got {type(value).__name__}")
    return json.loads(dumps(dict(value)))


@dataclass(frozen=True, slots=True)
class Client:
    id: int
    display_name: str
    contact_notes: str
    created_at: datetime
    updated_at: datetime
    version: int
    pseudonym: str


@dataclass(frozen=True, slots=True)
class SessionNote:
    id: int
    client_id: int
    session_date: date
    notes: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """The figures saved with a plan version (so a diff needs no re-simulation)."""

    months_to_debt_free: int | None = None
    debt_free_month: date | None = None
    total_cost: float | None = None

    @property
    def known(self) -> bool:
        """Whether figures were saved (a plan that never ends still has a total cost)."""
        return self.total_cost is not None

    @classmethod
    def from_result(cls, result: SimulationResult, start: date) -> "PlanSummary":
        """The figures of ``result`` for a plan made on ``start`` (the dashboard's calendar convention:
        plan month t falls in :func:`planner.plan_month_date` ``(start, t)``).

        >>> from planner import Debt, simulate
        >>> r = simulate([Debt("卡", balance=1000, annual_rate=12, min_payment=100)], 100, "minimum")
        >>> PlanSummary.from_result(r, date(2025, 3, 15))
        PlanSummary(months_to_debt_free=11, debt_free_month=datetime.date(2026, 1, 1), total_cost=58.98)
        """
        months = result.months_to_debt_free
        month = plan_month_date(start, months) if months is not None else None
        return cls(months, month, cents(result.total_cost))


@dataclass(frozen=True, slots=True)
class PlanVersion:
    """One saved plan: immutable once written."""

    id: int
    client_id: int
    created_at: datetime
    label: str
    debt_records: tuple[dict[str, Any], ...]
    budget: dict[str, Any]
    strategy: str
    negotiation_method: str | None
    summary: PlanSummary = field(default_factory=PlanSummary)

    @property
    def debts(self) -> list[Debt]:
        """The debts as :class:`planner.Debt` (raises :class:`planner.InvalidInput` if damaged)."""
        return debts_from_records(self.debt_records)


def debts_json(debts: Sequence[Debt]) -> str:
    return dumps([debt_to_record(d) for d in debts])


@dataclass(frozen=True, slots=True)
class NegotiationRecord:
    id: int
    client_id: int
    lender: str
    status: str
    terms: dict[str, Any]
    status_date: date
    note: str
    created_at: datetime

    def status_label(self, lang: str = "zh") -> str:
        return status_label(self.status, lang)


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    id: int
    client_id: int
    record: dict[str, Any]
    created_at: datetime


__all__ = ["Client", "IncidentRecord", "NegotiationRecord", "PlanSummary", "PlanVersion",
           "STATUSES", "SessionNote", "as_record", "dumps", "status_label"]
