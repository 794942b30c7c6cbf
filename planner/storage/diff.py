"""What changed between two saved plan versions.

Debts are matched by name (case and spaces ignored, as in a portfolio).  A
debt in the old version but not the new one is reported as *paid off or
removed*: the plan cannot tell which, the counsellor can.

>>> from planner import Debt
>>> from planner.storage.records import PlanVersion, PlanSummary
>>> from datetime import date, datetime
>>> def version(debts, budget, strategy, month):
...     return PlanVersion(0, 1, datetime(2025, 1, 1), "", tuple(debts), budget, strategy, None,
...                        PlanSummary(None, month, 1000.0))
>>> old = version([{"name": "借呗", "balance": 9000.0}, {"name": "花呗", "balance": 800.0}],
...               {"monthly": 3000}, "avalanche", date(2027, 5, 1))
>>> new = version([{"name": "借呗", "balance": 7500.0}, {"name": "招行信用卡", "balance": 20000.0}],
...               {"monthly": 3500}, "snowball", date(2027, 9, 1))
>>> d = diff_versions(old, new)
>>> d.added, d.removed, d.balance_changes[0].delta, d.strategy, d.debt_free_month_shift
(('招行信用卡',), ('花呗',), -1500.0, ('avalanche', 'snowball'), 4)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..i18n import format_money, format_month, format_months, has, register, t
from ..models import column_label, name_key
from ..results import cents
from ..strategies import STRATEGIES
from .records import PlanSummary, PlanVersion

# Debt fields compared besides the balance (the balance gets its own, signed, line).
TERM_FIELDS = ("annual_rate", "min_payment", "min_payment_pct", "penalty_rate", "late_fee_pct",
               "overdue_days", "arrears", "kind", "official_channel")


@dataclass(frozen=True, slots=True)
class BalanceChange:
    name: str
    old: float
    new: float

    @property
    def delta(self) -> float:
        return cents(self.new - self.old)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """``where`` is a debt name (or '' for the budget), ``field`` a dotted key."""

    where: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class PlanDiff:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    balance_changes: tuple[BalanceChange, ...]
    term_changes: tuple[FieldChange, ...]
    budget_changes: tuple[FieldChange, ...]
    strategy: tuple[str, str] | None
    negotiation_method: tuple[str | None, str | None] | None
    debt_free_month: tuple[date | None, date | None] | None
    months_to_debt_free: tuple[int | None, int | None] | None
    total_cost: tuple[float | None, float | None] | None
    available: tuple[float, float] | None = None      # 每月可还 (money for debt a month), when it changed

    @property
    def is_empty(self) -> bool:
        return not any((self.added, self.removed, self.balance_changes, self.term_changes,
                        self.budget_changes, self.strategy, self.negotiation_method,
                        self.debt_free_month, self.months_to_debt_free, self.total_cost, self.available))

    @property
    def total_balance_change(self) -> float:
        return cents(sum(c.new - c.old for c in self.balance_changes))

    @property
    def debt_free_month_shift(self) -> int | None:
        """Months later (+) or earlier (−) the new plan is debt-free; ``None`` if either never is."""
        if self.debt_free_month is None:
            return 0
        old, new = self.debt_free_month
        if old is None or new is None:
            return None
        return (new.year - old.year) * 12 + new.month - old.month

    def lines(self, lang: str = "zh") -> list[str]:
        """The changes as sentences, for a page or a report."""
        out = [t("store.diff.added", lang, name=n) for n in self.added]
        out += [t("store.diff.removed", lang, name=n) for n in self.removed]
        out += [t("store.diff.balance", lang, name=c.name, old=format_money(c.old, lang),
                  new=format_money(c.new, lang), delta=_signed_money(c.delta, lang))
                for c in self.balance_changes]
        out += [t("store.diff.term", lang, name=c.where, field=column_label(c.field, lang),
                  old=_value(c.old), new=_value(c.new)) for c in self.term_changes]
        if self.available:
            old, new = self.available
            out.append(t("store.diff.available", lang, old=format_money(old, lang), new=format_money(new, lang),
                         delta=_signed_money(cents(new - old), lang)))
        out += [t("store.diff.budget", lang, field=budget_field_label(c.field, lang), old=_budget_value(c, lang),
                  new=_budget_value(c, lang, new=True)) for c in self.budget_changes]
        if self.strategy:
            out.append(t("store.diff.strategy", lang, old=_strategy(self.strategy[0], lang),
                         new=_strategy(self.strategy[1], lang)))
        if self.negotiation_method:
            out.append(t("store.diff.method", lang, old=_method(self.negotiation_method[0], lang),
                         new=_method(self.negotiation_method[1], lang)))
        if self.debt_free_month:
            out.append(t("store.diff.debt_free", lang, old=format_month(self.debt_free_month[0], lang),
                         new=format_month(self.debt_free_month[1], lang)))
        elif self.months_to_debt_free:
            out.append(t("store.diff.months", lang, old=format_months(self.months_to_debt_free[0], lang),
                         new=format_months(self.months_to_debt_free[1], lang)))
        if self.total_cost:
            out.append(t("store.diff.cost", lang, old=format_money(self.total_cost[0], lang),
                         new=format_money(self.total_cost[1], lang)))
        return out or [t("store.diff.none", lang)]


register({
    "store.diff.added": {"zh": "新增债务：{name}", "en": "New debt: {name}"},
    "store.diff.removed": {"zh": "已还清或移除：{name}", "en": "Paid off or removed: {name}"},
    "store.diff.balance": {"zh": "{name} 余额：{old} → {new}（{delta}）",
                           "en": "{name} balance: {old} → {new} ({delta})"},
    "store.diff.term": {"zh": "{name} 的{field}：{old} → {new}", "en": "{name} {field}: {old} → {new}"},
    "store.diff.budget": {"zh": "预算中的{field}：{old} → {new}", "en": "Budget, {field}: {old} → {new}"},
    "store.diff.available": {"zh": "每月可还：{old} → {new}（{delta}）",
                             "en": "Money for debt a month: {old} → {new} ({delta})"},
    "store.diff.field.income": {"zh": "每月到手收入", "en": "monthly take-home income"},
    "store.diff.field.buffer": {"zh": "应急余量", "en": "safety buffer"},
    "store.diff.field.monthly": {"zh": "每月可还", "en": "money for debt a month"},
    "store.diff.field.shock": {"zh": "收入下降", "en": "income drop"},
    "store.diff.field.shock.loss_pct": {"zh": "收入下降比例（%）", "en": "income drop (%)"},
    "store.diff.field.shock.months": {"zh": "收入下降持续月数", "en": "months of the income drop"},
    "store.diff.field.shock.start_month": {"zh": "收入下降开始月份", "en": "first month of the income drop"},
    "store.diff.strategy": {"zh": "还款策略：{old} → {new}", "en": "Strategy: {old} → {new}"},
    "store.diff.method": {"zh": "协商方式：{old} → {new}", "en": "Negotiation method: {old} → {new}"},
    "store.diff.debt_free": {"zh": "预计还清月份：{old} → {new}", "en": "Debt-free month: {old} → {new}"},
    "store.diff.months": {"zh": "还清所需时间：{old} → {new}", "en": "Time to debt-free: {old} → {new}"},
    "store.diff.cost": {"zh": "利息和费用合计：{old} → {new}", "en": "Total interest and fees: {old} → {new}"},
    "store.diff.none": {"zh": "两个版本没有差别。", "en": "The two versions are the same."},
})


def _signed_money(amount: float, lang: str) -> str:
    return ("+" if amount > 0 else "") + format_money(amount, lang)


def _value(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, list):
        return " / ".join(_value(v) for v in value)
    return str(value)


def budget_field_label(field: str, lang: str) -> str:
    """A budget key as people say it: ``income`` → 每月到手收入, ``expenses.rent`` → 房租/房贷.

    >>> budget_field_label("expenses.rent", "zh"), budget_field_label("shock.months", "en")
    ('房租/房贷', 'months of the income drop')
    """
    key = f"budget.cat.{field.split('.', 1)[1]}" if field.startswith("expenses.") else f"store.diff.field.{field}"
    return t(key, lang) if has(key) else field


_MONEY_FIELDS = ("income", "buffer", "monthly")


def _budget_value(change: "FieldChange", lang: str, *, new: bool = False) -> str:
    value = change.new if new else change.old
    money = change.field in _MONEY_FIELDS or change.field.startswith("expenses.")
    if money and isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_money(value, lang)
    if money and isinstance(value, list) and all(isinstance(v, (int, float)) for v in value):
        return " / ".join(format_money(v, lang) for v in value)
    return _value(value)


def _method(key: str | None, lang: str) -> str:
    if not key:
        return "—"
    from ..negotiation import METHODS
    return METHODS[key].label(lang) if key in METHODS else key


def available_per_month(budget: Mapping[str, Any]) -> float | None:
    """每月可还 of a stored budget (a budget plan's dict, or the older ``{"monthly": [...]}``); None if unreadable."""
    from ..budget import plan_from_dict
    if "income" in budget and not isinstance(budget.get("income"), Mapping):
        plan, _ = plan_from_dict(budget)
        return cents(plan.available()) if plan is not None else None
    monthly = budget.get("monthly")
    if isinstance(monthly, list) and monthly and all(isinstance(v, (int, float)) for v in monthly):
        return cents(float(monthly[0]))
    return None


def _strategy(key: str, lang: str) -> str:
    return STRATEGIES[key].label(lang) if key in STRATEGIES else key


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Nested dicts → ``{"a.b": leaf}``; lists and scalars are leaves."""
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(_flatten(v, f"{prefix}.{k}" if prefix else str(k)))
        return out
    return {prefix: value}


def _changes(old: Mapping, new: Mapping, where: str = "") -> list[FieldChange]:
    a, b = _flatten(old), _flatten(new)
    return [FieldChange(where, k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


def _pair(old, new):
    return None if old == new else (old, new)


def diff_versions(a: PlanVersion, b: PlanVersion) -> PlanDiff:
    """Changes from version ``a`` (older) to version ``b`` (newer)."""
    old = {name_key(r["name"]): r for r in a.debt_records}
    new = {name_key(r["name"]): r for r in b.debt_records}
    added = tuple(r["name"] for k, r in new.items() if k not in old)
    removed = tuple(r["name"] for k, r in old.items() if k not in new)
    balances, terms = [], []
    for k, r in new.items():
        if k not in old:
            continue
        before = old[k]
        if before.get("balance") != r.get("balance"):
            balances.append(BalanceChange(r["name"], float(before.get("balance") or 0), float(r.get("balance") or 0)))
        terms += [FieldChange(r["name"], f, before.get(f), r.get(f)) for f in TERM_FIELDS
                  if before.get(f) != r.get(f)]
    sa, sb = a.summary, b.summary
    if not (sa.known and sb.known):           # figures missing on one side: nothing to compare
        sa = sb = PlanSummary()
    return PlanDiff(
        added=added, removed=removed, balance_changes=tuple(balances), term_changes=tuple(terms),
        budget_changes=tuple(_changes(a.budget, b.budget)),
        strategy=_pair(a.strategy, b.strategy),
        negotiation_method=_pair(a.negotiation_method, b.negotiation_method),
        debt_free_month=_pair(sa.debt_free_month, sb.debt_free_month),
        months_to_debt_free=_pair(sa.months_to_debt_free, sb.months_to_debt_free),
        total_cost=_pair(sa.total_cost, sb.total_cost),
        available=_available_pair(a.budget, b.budget))


def _available_pair(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[float, float] | None:
    before, after = available_per_month(old), available_per_month(new)
    if before is None or after is None or before == after:
        return None
    return before, after
