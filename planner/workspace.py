"""The workspace: everything one person entered, as one value owned by the domain.

A :class:`Workspace` is what the dashboard's pages read and write and what
``planner.storage`` persists (one per local user, per signed-in user, or per
counsellor client). ``st.session_state`` is only a cache of it.

Each section is plain JSON-able data whose *fields* belong to the module that
interprets them (the debt rows to :mod:`planner.parsing`, the budget to
:class:`planner.BudgetPlan`, incidents to :mod:`planner.rights`, …); the
workspace only keeps them together, versions its own layout and round-trips
through JSON losslessly.

Sections
--------
``debt_rows``      the debt table exactly as typed: list of ``{canonical field: text}``, invalid rows included
``budget``         :meth:`planner.BudgetPlan.to_dict` (income, expenses, buffer, income shock)
``profile``        the borrower profile used by every document (name, phone, hardship, per-lender
                   account identifier / legal entity, guarantor flags …)
``negotiation``    negotiation choices: method, first payment date, manual overrides per lender,
                   each lender's answer (proposed / accepted / refused / no_answer with agreed terms)
``incidents``      the collection-incident log (``Incident.to_record()`` dicts) with evidence references
``payments``       payments made: ``{date, lender, amount, reference, note}``
``balances``       balances reported by a lender's app: ``{date, lender, balance}``
``budget_events``  one-off extra payments and income changes over time
``followups``      follow-up / escalation state per lender
``settings``       small per-workspace choices (strategy, own order, language of documents …)
``is_sample``      True while the workspace holds the untouched sample portfolio

>>> ws = Workspace.empty()
>>> ws2 = ws.with_changes(debt_rows=[{"name": "借呗", "balance": "1.2万"}])
>>> Workspace.from_json(ws2.to_json()) == ws2
True
>>> ws2.is_sample, ws2.debt_rows[0]["balance"]
(False, '1.2万')
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

LAYOUT_VERSION = 1

_LIST_SECTIONS = ("debt_rows", "incidents", "payments", "balances", "budget_events")
_DICT_SECTIONS = ("budget", "profile", "negotiation", "followups", "settings")


class WorkspaceFormatError(ValueError):
    """A stored or imported workspace that cannot be read (the message says which section and why)."""


@dataclass(frozen=True)
class Workspace:
    """Everything a person entered. Immutable: change it with :meth:`with_changes`."""

    debt_rows: list[dict[str, Any]] = field(default_factory=list)
    budget: dict[str, Any] = field(default_factory=dict)
    profile: dict[str, Any] = field(default_factory=dict)
    negotiation: dict[str, Any] = field(default_factory=dict)
    incidents: list[dict[str, Any]] = field(default_factory=list)
    payments: list[dict[str, Any]] = field(default_factory=list)
    balances: list[dict[str, Any]] = field(default_factory=list)
    budget_events: list[dict[str, Any]] = field(default_factory=list)
    followups: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    is_sample: bool = False

    # ------------------------------------------------------------------ construction

    @classmethod
    def empty(cls) -> "Workspace":
        return cls()

    def with_changes(self, *, keep_sample_flag: bool = False, **sections: Any) -> "Workspace":
        """A copy with some sections replaced (deep-copied, so callers can't alias the stored value).

        Any change to the data clears ``is_sample`` (the sample becomes the person's own data once
        edited) unless ``keep_sample_flag`` is set or ``is_sample`` is passed explicitly.
        """
        unknown = set(sections) - {f.name for f in fields(self)}
        if unknown:
            raise TypeError(f"unknown workspace section(s): {sorted(unknown)}")
        changes = {k: copy.deepcopy(v) for k, v in sections.items()}
        if "is_sample" not in changes and not keep_sample_flag:
            changes["is_sample"] = False
        return replace(self, **changes)

    # ------------------------------------------------------------------ (de)serialisation

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"layout": LAYOUT_VERSION}
        for f in fields(self):
            record[f.name] = copy.deepcopy(getattr(self, f.name))
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> "Workspace":
        if not isinstance(record, Mapping):
            raise WorkspaceFormatError("workspace: expected an object")
        layout = record.get("layout", LAYOUT_VERSION)
        if not isinstance(layout, int) or layout > LAYOUT_VERSION:
            raise WorkspaceFormatError(f"workspace: layout {layout!r} is newer than this program understands")
        values: dict[str, Any] = {}
        for name in _LIST_SECTIONS:
            value = record.get(name, [])
            if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
                raise WorkspaceFormatError(f"workspace: section {name!r} must be a list of objects")
            values[name] = [dict(v) for v in copy.deepcopy(value)]
        for name in _DICT_SECTIONS:
            value = record.get(name, {})
            if not isinstance(value, Mapping):
                raise WorkspaceFormatError(f"workspace: section {name!r} must be an object")
            values[name] = dict(copy.deepcopy(value))
        values["is_sample"] = bool(record.get("is_sample", False))
        return cls(**values)

    def to_json(self) -> str:
        return json.dumps(self.to_record(), ensure_ascii=False, sort_keys=True, allow_nan=False,
                          separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "Workspace":
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise WorkspaceFormatError(f"workspace: not valid JSON ({type(exc).__name__})") from None
        return cls.from_record(data)
