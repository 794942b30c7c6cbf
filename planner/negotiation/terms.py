"""What to ask each lender for: proposed rate, waivers, term limit, hand-made changes.

The levers come from the settings (a registry by kind of lender); a counsellor's
changes arrive as ``overrides = {lender name: {key: value}}`` with these keys:

=================  =============================================================
``rate_pct``       proposed annual rate (percent)
``months``         pin this lender's number of instalments
``instalment``     pin this lender's monthly instalment (yuan)
``waive_penalty``  ask for penalty interest to be waived (bool)
``waive_fees``     ask for late fees to be waived (bool)
``channel``        where to send the application (text)
``settlement_pct`` ask for a discount on the principal (percent); the only way a
                   plan repays less than the principal
=================  =============================================================
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..i18n import register
from ..models import MAX_TEXT_LEN, Debt, InvalidInput, ValidationIssue, name_key
from .settings import NegotiationSettings

OVERRIDE_KEYS = ("rate_pct", "months", "instalment", "waive_penalty", "waive_fees", "channel",
                 "settlement_pct")

register({
    "issue.neg_unknown_lender": {"zh": "'{value}' 不在债务列表中", "en": "'{value}' is not one of the debts"},
    "issue.neg_unknown_key": {"zh": "'{value}' 不是可调整的项目（{choices}）",
                              "en": "'{value}' cannot be adjusted (choose from {choices})"},
    "issue.neg_not_bool": {"zh": "'{value}' 应为 是/否", "en": "'{value}' must be yes or no"},
    "issue.neg_months_range": {"zh": "'{value}' 必须是 1 到 {limit} 之间的整数",
                               "en": "'{value}' must be a whole number from 1 to {limit}"},
    "issue.neg_pin_both": {"zh": "期数和每期金额只能固定其中一个",
                           "en": "pin either the number of instalments or the instalment, not both"},
})


@dataclass(frozen=True)
class LineTerms:
    """The terms one lender is asked for, before the method sets the amounts (money in cents)."""

    index: int
    debt: Debt
    principal_c: int                # what the plan repays (after an explicit settlement discount)
    proposed_rate_pct: float
    waive_penalty: bool
    waive_fees: bool
    max_term: int
    max_term_source: str
    channel: str
    settlement_pct: float = 0.0
    pin_months: int | None = None
    pin_instalment_c: int | None = None

    @property
    def pinned(self) -> bool:
        return self.pin_months is not None or self.pin_instalment_c is not None


def proposed_rate(debt: Debt, settings: NegotiationSettings) -> float:
    """The annual rate to ask for, by the kind's policy (never above the contract rate)."""
    policy = settings.rule(debt.kind).proposed_rate
    cap = {"zero": 0.0, "contract": debt.annual_rate, "licensed_cap": settings.licensed_cap_pct,
           "private_cap": settings.private_cap_pct}[policy]
    return min(debt.annual_rate, cap)


def _issue(name: str, column: str, value: object, code: str, **params) -> ValidationIssue:
    return ValidationIssue(None, column, f"{name}: {value}" if code != "neg_unknown_lender" else str(value),
                           code, tuple(params.items()))


def _bool(v: object) -> bool | None:
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.strip().lower() in ("1", "true", "yes", "y", "是", "true"):
        return True
    if isinstance(v, str) and v.strip().lower() in ("0", "false", "no", "n", "否"):
        return False
    return None


def _number(v: object) -> float | None:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        return None
    return float(v)


def build_terms(debts: Sequence[Debt], settings: NegotiationSettings,
                overrides: Mapping[str, Mapping[str, object]] | None = None) -> list[LineTerms]:
    """One :class:`LineTerms` per debt; bad overrides raise :class:`InvalidInput` listing every problem."""
    overrides = dict(overrides or {})
    by_key = {name_key(d.name): d.name for d in debts}
    issues: list[ValidationIssue] = []
    clean: dict[str, dict[str, object]] = {}
    for name, changes in overrides.items():
        real = by_key.get(name_key(name))
        if real is None:
            issues.append(_issue(name, "name", name, "neg_unknown_lender"))
            continue
        clean[real] = _check_override(real, changes or {}, settings, issues)
    if issues:
        raise InvalidInput(issues)
    out = []
    for i, d in enumerate(debts):
        rule = settings.rule(d.kind)
        o = clean.get(d.name, {})
        settlement = float(o.get("settlement_pct", 0.0))
        principal_c = int(round(d.balance * 100 * (1 - settlement / 100)))
        months = o.get("months")
        out.append(LineTerms(
            index=i, debt=d, principal_c=max(principal_c, 1),
            proposed_rate_pct=min(float(o.get("rate_pct", proposed_rate(d, settings))), d.annual_rate),
            waive_penalty=bool(o.get("waive_penalty", rule.waive_penalty)),
            waive_fees=bool(o.get("waive_fees", rule.waive_fees)),
            max_term=settings.max_term(d.kind), max_term_source=rule.max_term_source,
            channel=str(o.get("channel", d.official_channel)), settlement_pct=settlement,
            pin_months=None if months is None else int(months),
            pin_instalment_c=None if o.get("instalment") is None else int(round(float(o["instalment"]) * 100)),
        ))
    return out


def override_warnings(debts: Sequence[Debt], overrides: Mapping[str, Mapping[str, object]] | None) -> tuple:
    """A :class:`~planner.negotiation.plan.Reason` for each hand-entered rate above the contract rate
    (the plan uses the contract rate instead: it never asks a lender for more than the contract)."""
    from .plan import Reason
    by_key = {name_key(d.name): d for d in debts}
    out = []
    for name, changes in (overrides or {}).items():
        d = by_key.get(name_key(name))
        rate = _number((changes or {}).get("rate_pct"))
        if d is not None and rate is not None and rate > d.annual_rate:
            out.append(Reason("neg.warn.rate_above_contract", (("lender", d.name), ("asked_pct", rate),
                                                                ("contract_pct", d.annual_rate))))
    return tuple(out)


def _check_override(name: str, changes: Mapping[str, object], settings: NegotiationSettings,
                    issues: list[ValidationIssue]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in changes.items():
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue                         # an empty cell means "no change"
        if key not in OVERRIDE_KEYS:
            issues.append(_issue(name, key, key, "neg_unknown_key", choices=", ".join(OVERRIDE_KEYS)))
        elif key in ("waive_penalty", "waive_fees"):
            b = _bool(value)
            if b is None:
                issues.append(_issue(name, key, value, "neg_not_bool"))
            else:
                out[key] = b
        elif key == "channel":
            text = str(value)
            if len(text) > MAX_TEXT_LEN:
                issues.append(_issue(name, key, "", "text_too_long", limit=MAX_TEXT_LEN))
            else:
                out[key] = text
        elif key == "months":
            n = _number(value)
            limit = settings.max_plan_months
            if n is None or n != int(n) or not 1 <= n <= limit:
                issues.append(_issue(name, key, value, "neg_months_range", limit=limit))
            else:
                out[key] = int(n)
        else:
            n = _number(value)
            if n is None:
                issues.append(_issue(name, key, value, "not_finite"))
            elif n < 0:
                issues.append(_issue(name, key, value, "negative"))
            elif key in ("settlement_pct",) and n >= 100:
                issues.append(_issue(name, key, value, "pct_range"))
            elif key == "rate_pct" and n > 1000:
                issues.append(_issue(name, key, value, "too_large", limit="1,000"))
            elif key == "instalment" and n == 0:
                issues.append(_issue(name, key, value, "not_positive"))
            else:
                out[key] = n
    if "months" in out and "instalment" in out:
        issues.append(_issue(name, "months", "", "neg_pin_both"))
    return out
