"""Editable limits of the negotiation planner, loaded from ``data/negotiation_settings.toml``.

Every number carries its source: an id of ``legal_sources.toml`` or ``"practice"``
(a default with no legal force).  :func:`load_settings` validates the file and
applies changes a user made (``changes={"licensed_cap_pct": 20, "credit_card.max_term_months": 48}``).

>>> s = load_settings()
>>> s.rule("credit_card").max_term_months, s.rule("credit_card").max_term_source
(60, 'card_rules_70')
>>> s.private_cap_pct
12.0
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from ..models import DebtKind

RATE_POLICIES = ("zero", "contract", "licensed_cap", "private_cap")
COST_THRESHOLDS = ("licensed", "private", "none")
NUMBER_SETTINGS = ("licensed_cap_pct", "lpr_one_year_pct", "private_cap_multiple",
                   "token_pct", "token_min_yuan", "max_plan_months")


class SettingsError(ValueError):
    """The settings file or a change to it is invalid (the message says which setting and why)."""


@dataclass(frozen=True)
class Setting:
    """One documented number: value, source id (or ``"practice"``) and help text."""

    name: str
    value: float
    source: str
    help_zh: str
    help_en: str

    def help(self, lang: str = "zh") -> str:
        return self.help_en if lang == "en" else self.help_zh


@dataclass(frozen=True)
class KindRule:
    """The levers asked for from one kind of lender."""

    kind: DebtKind
    max_term_months: int
    max_term_source: str
    proposed_rate: str
    waive_penalty: bool
    waive_fees: bool
    cost_threshold: str
    help_zh: str = ""
    help_en: str = ""

    def help(self, lang: str = "zh") -> str:
        return self.help_en if lang == "en" else self.help_zh


@dataclass(frozen=True)
class NegotiationSettings:
    numbers: Mapping[str, Setting]
    kinds: Mapping[DebtKind, KindRule] = field(default_factory=dict)

    def value(self, name: str) -> float:
        return self.numbers[name].value

    @property
    def licensed_cap_pct(self) -> float:
        return self.value("licensed_cap_pct")

    @property
    def lpr_one_year_pct(self) -> float:
        return self.value("lpr_one_year_pct")

    @property
    def private_cap_pct(self) -> float:
        """4 × the one-year LPR (percent per year)."""
        return round(self.value("private_cap_multiple") * self.lpr_one_year_pct, 6)

    @property
    def token_pct(self) -> float:
        return self.value("token_pct")

    @property
    def token_min_yuan(self) -> float:
        return self.value("token_min_yuan")

    @property
    def max_plan_months(self) -> int:
        return int(self.value("max_plan_months"))

    def rule(self, kind: DebtKind | str) -> KindRule:
        return self.kinds[DebtKind(kind)]

    def max_term(self, kind: DebtKind | str) -> int:
        return min(self.rule(kind).max_term_months, self.max_plan_months)

    def threshold_pct(self, kind: DebtKind | str) -> float | None:
        which = self.rule(kind).cost_threshold
        return {"licensed": self.licensed_cap_pct, "private": self.private_cap_pct, "none": None}[which]

    def with_changes(self, changes: Mapping[str, object]) -> "NegotiationSettings":
        """A copy with ``{"licensed_cap_pct": 20}`` or ``{"credit_card.max_term_months": 48}`` applied."""
        numbers, kinds = dict(self.numbers), dict(self.kinds)
        for key, raw in changes.items():
            if key in numbers:
                numbers[key] = replace(numbers[key], value=_number(key, raw))
                continue
            kind, _, attr = key.partition(".")
            try:
                rule = kinds[DebtKind(kind)]
            except ValueError:
                raise SettingsError(f"unknown setting {key!r}") from None
            if attr not in ("max_term_months", "proposed_rate", "waive_penalty", "waive_fees",
                            "cost_threshold"):
                raise SettingsError(f"unknown setting {key!r}")
            kinds[rule.kind] = _check_rule(replace(rule, **{attr: raw}))
        out = NegotiationSettings(numbers, kinds)
        _check_numbers(out)
        return out


def _number(name: str, raw: object) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise SettingsError(f"{name}: {raw!r} is not a number")
    return float(raw)


def _check_numbers(s: NegotiationSettings) -> None:
    for name in NUMBER_SETTINGS:
        if name not in s.numbers:
            raise SettingsError(f"setting {name!r} is missing")
        v = s.numbers[name].value
        if not 0 <= v <= 10_000:
            raise SettingsError(f"{name}: {v} is out of range")
    if not 1 <= s.max_plan_months <= 600:
        raise SettingsError(f"max_plan_months: {s.max_plan_months} must be between 1 and 600")


def _check_rule(rule: KindRule) -> KindRule:
    if isinstance(rule.max_term_months, bool) or not isinstance(rule.max_term_months, int) \
            or not 1 <= rule.max_term_months <= 600:
        raise SettingsError(f"{rule.kind}.max_term_months: {rule.max_term_months!r} must be 1..600")
    if rule.proposed_rate not in RATE_POLICIES:
        raise SettingsError(f"{rule.kind}.proposed_rate: {rule.proposed_rate!r} not in {RATE_POLICIES}")
    if rule.cost_threshold not in COST_THRESHOLDS:
        raise SettingsError(f"{rule.kind}.cost_threshold: {rule.cost_threshold!r} not in {COST_THRESHOLDS}")
    for attr in ("waive_penalty", "waive_fees"):
        if not isinstance(getattr(rule, attr), bool):
            raise SettingsError(f"{rule.kind}.{attr} must be true or false")
    return rule


def parse_settings(text: str) -> NegotiationSettings:
    """Parse and validate the TOML text of a settings file."""
    raw = tomllib.loads(text)
    numbers = {}
    for section in ("thresholds", "general"):
        for name, entry in raw.get(section, {}).items():
            numbers[name] = Setting(name, _number(name, entry.get("value")), str(entry.get("source", "")),
                                    str(entry.get("help_zh", "")), str(entry.get("help_en", "")))
    kinds = {}
    for kind in DebtKind:
        entry = raw.get("kinds", {}).get(kind.value)
        if entry is None:
            raise SettingsError(f"kinds.{kind.value} is missing")
        kinds[kind] = _check_rule(KindRule(kind=kind, **entry))
    out = NegotiationSettings(numbers, kinds)
    _check_numbers(out)
    return out


@cache
def _default() -> NegotiationSettings:
    text = resources.files("planner.data").joinpath("negotiation_settings.toml").read_text("utf-8")
    return parse_settings(text)


def load_settings(changes: Mapping[str, object] | None = None) -> NegotiationSettings:
    """The shipped settings, with optional ``changes`` applied (validated)."""
    base = _default()
    return base.with_changes(changes) if changes else base
