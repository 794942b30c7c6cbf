"""A household budget: income, essential expenses and a buffer → money for debt.

The repayment model needs one number per month, the money available for debt
(``B = income − essential expenses``, MODEL.md).  People think in income and
bills, so :class:`BudgetPlan` holds those and derives ``B``:

``available = max(0, income − Σ expenses − buffer)``

An optional :class:`IncomeShock` (lose ``loss_pct`` % of the income for
``months`` months starting at month ``start_month``) turns the budget into a
list (the model's ``B_1 … B_H``): ``available`` is computed for each month with
that month's income.

Every check the user can fail comes back as data: :func:`check_plan` returns
:class:`~planner.models.ValidationIssue` records (column, value, reason, zh/en),
and the constructors raise :class:`~planner.models.InvalidInput` carrying them.

>>> plan = BudgetPlan(income=10_000, expenses={"rent": 2_500, "food": 1_500}, buffer=500)
>>> plan.available()
5500.0
>>> plan.with_shock(IncomeShock(loss_pct=50, months=2, start_month=2)).to_budget().monthly
(5500.0, 500.0, 500.0, 5500.0)
>>> BudgetPlan.from_dict(plan.to_dict()) == plan
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from . import models as _models
from .i18n import register
from .models import (DEFAULT_HORIZON, MAX_AMOUNT_YUAN, MAX_HORIZON, Budget, InvalidInput,
                     ValidationIssue)

# Essential expense categories, in display order (a registry: add one entry + its labels).
EXPENSE_CATEGORIES: tuple[str, ...] = ("rent", "food", "transport", "dependants", "medical", "other")

register({
    "budget.cat.rent": {"zh": "房租/房贷", "en": "Rent / mortgage"},
    "budget.cat.food": {"zh": "吃饭", "en": "Food"},
    "budget.cat.transport": {"zh": "交通", "en": "Transport"},
    "budget.cat.dependants": {"zh": "赡养/抚养家人", "en": "Dependants"},
    "budget.cat.medical": {"zh": "医疗", "en": "Medical"},
    "budget.cat.other": {"zh": "其他必要开支", "en": "Other essentials"},
    "issue.shock_start_range": {"zh": "'{value}' 必须是 1 到 {limit} 之间的整数",
                                "en": "'{value}' must be a whole number from 1 to {limit}"},
    "issue.unknown_expense": {"zh": "'{value}' 不是已知的开支类别（{choices}）",
                              "en": "'{value}' is not a known expense category ({choices})"},
    "issue.expenses_exceed_income": {
        "zh": "必要开支加安全垫 {outgo} 超过收入 {income}，每月没有钱可以还债",
        "en": "essential expenses plus buffer {outgo} exceed the income {income}: nothing is left for debt"},
})

# Column labels for the budget's fields (shown in ValidationIssue messages).
_models.register_column_labels({
    "income": ("每月净收入", "monthly net income"),
    "buffer": ("安全垫", "safety buffer"),
    "shock_pct": ("收入减少比例", "income loss %"),
    "shock_months": ("收入减少月数", "months of lower income"),
    "shock_start": ("从第几个月开始", "starting month"),
    **{f"expense.{c}": (f"开支·{zh}", f"expense · {en}") for c, zh, en in (
        ("rent", "房租/房贷", "rent / mortgage"), ("food", "吃饭", "food"), ("transport", "交通", "transport"),
        ("dependants", "赡养/抚养家人", "dependants"), ("medical", "医疗", "medical"),
        ("other", "其他必要开支", "other essentials"))},
})


def _issue(column: str | None, value: object, code: str, severity: str = "error", **params) -> ValidationIssue:
    return ValidationIssue(None, column, str(value), code, tuple(params.items()), severity)


def _money_issue(column: str, value: object) -> ValidationIssue | None:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return _issue(column, value, "not_a_number")
    if not math.isfinite(value):
        return _issue(column, value, "not_finite")
    if value < 0:
        return _issue(column, value, "negative")
    if value > MAX_AMOUNT_YUAN:
        return _issue(column, value, "too_large", limit=f"{MAX_AMOUNT_YUAN:,.0f}")
    return None


def _int_issue(column: str, value: object, low: int, high: int, code: str) -> ValidationIssue | None:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        return _issue(column, value, code, limit=high)
    return None


@dataclass(frozen=True, slots=True)
class IncomeShock:
    """Lose ``loss_pct`` % of the income for ``months`` months from month ``start_month`` (1-based)."""

    loss_pct: float
    months: int
    start_month: int = 1

    def issues(self) -> list[ValidationIssue]:
        out = []
        if not isinstance(self.loss_pct, (int, float)) or isinstance(self.loss_pct, bool) \
                or not math.isfinite(self.loss_pct):
            out.append(_issue("shock_pct", self.loss_pct, "not_finite"))
        elif not 0 <= self.loss_pct <= 100:
            out.append(_issue("shock_pct", self.loss_pct, "pct_range"))
        for problem in (_int_issue("shock_months", self.months, 1, MAX_HORIZON, "horizon_range"),
                        _int_issue("shock_start", self.start_month, 1, MAX_HORIZON, "shock_start_range")):
            if problem:
                out.append(problem)
        return out

    def income_factor(self, month: int) -> float:
        """Share of the normal income received in ``month``."""
        if self.start_month <= month < self.start_month + self.months:
            return 1.0 - self.loss_pct / 100.0
        return 1.0


@dataclass(frozen=True, slots=True)
class BudgetPlan:
    """Monthly net income, essential expenses by category, a safety buffer, an optional shock.

    ``expenses`` may be given as a mapping; it is stored as a tuple of
    ``(category, amount)`` pairs in :data:`EXPENSE_CATEGORIES` order (every
    category present, missing ones 0), so a plan is hashable and compares by value.
    """

    income: float
    expenses: tuple[tuple[str, float], ...] | Mapping[str, float] = field(default=())
    buffer: float = 0.0
    shock: IncomeShock | None = None

    def __post_init__(self) -> None:
        raw = dict(self.expenses.items() if isinstance(self.expenses, Mapping) else self.expenses)
        issues = [_issue(None, k, "unknown_expense", choices=", ".join(EXPENSE_CATEGORIES))
                  for k in raw if k not in EXPENSE_CATEGORIES]
        issues += [p for p in (_money_issue("income", self.income), _money_issue("buffer", self.buffer)) if p]
        issues += [p for c in EXPENSE_CATEGORIES if (p := _money_issue(f"expense.{c}", raw.get(c, 0.0)))]
        if self.shock is not None:
            issues += self.shock.issues()
        if issues:
            raise InvalidInput(issues)
        object.__setattr__(self, "income", float(self.income))
        object.__setattr__(self, "buffer", float(self.buffer))
        object.__setattr__(self, "expenses", tuple((c, float(raw.get(c, 0.0))) for c in EXPENSE_CATEGORIES))

    # ----------------------------------------------------------------- derived amounts
    def expense(self, category: str) -> float:
        return dict(self.expenses)[category]

    @property
    def total_expenses(self) -> float:
        return sum(v for _, v in self.expenses)

    def available(self, month: int | None = None) -> float:
        """Money for debt in a month (``None``: a normal month, without the shock)."""
        factor = self.shock.income_factor(month) if (self.shock and month is not None) else 1.0
        return max(0.0, self.income * factor - self.total_expenses - self.buffer)

    def shortfall(self) -> float:
        """How far expenses plus buffer exceed the income in a normal month (0 when they don't)."""
        return max(0.0, self.total_expenses + self.buffer - self.income)

    def living_gap(self, month: int | None = None) -> float:
        """How far the income in ``month`` (``None``: a normal month) falls short of the essential expenses
        alone, buffer left aside (0 when it covers them): money missing for living costs, not for debt.

        >>> BudgetPlan(income=5000, expenses={"rent": 3000, "food": 1500},
        ...            shock=IncomeShock(loss_pct=50, months=3)).living_gap(1)
        2000.0
        """
        factor = self.shock.income_factor(month) if (self.shock and month is not None) else 1.0
        return round(max(0.0, self.total_expenses - self.income * factor), 2)

    def warnings(self) -> list[ValidationIssue]:
        """Non-blocking problems worth showing (nothing left for debt)."""
        if self.shortfall() > 0:
            from .i18n import format_money
            return [_issue("income", self.income, "expenses_exceed_income", severity="warning",
                           outgo=format_money(self.total_expenses + self.buffer), income=format_money(self.income))]
        return []

    def to_budget(self, horizon: int = DEFAULT_HORIZON) -> Budget:
        """The model's budget: one number, or a list ``B_1 … B_L`` when an income shock is set.

        The list ends with the first normal month after the shock (the model repeats
        the last entry), and never runs past ``horizon``.
        """
        if self.shock is None or self.shock.loss_pct == 0:
            return Budget.of(self.available())
        length = max(1, min(horizon, self.shock.start_month + self.shock.months))
        return Budget.of([self.available(m) for m in range(1, length + 1)])

    def with_shock(self, shock: IncomeShock | None) -> "BudgetPlan":
        return replace(self, shock=shock)

    # ----------------------------------------------------------------- JSON
    def to_dict(self) -> dict[str, object]:
        """JSON-safe dict (numbers and strings only)."""
        shock = None if self.shock is None else {
            "loss_pct": self.shock.loss_pct, "months": self.shock.months, "start_month": self.shock.start_month}
        return {"income": self.income, "expenses": dict(self.expenses), "buffer": self.buffer, "shock": shock}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> "BudgetPlan":
        """Inverse of :meth:`to_dict`; raises :class:`InvalidInput` with every issue found."""
        plan, issues = plan_from_dict(data)
        if plan is None:
            raise InvalidInput(issues)
        return plan


def plan_from_dict(data: Mapping[str, object]) -> tuple[BudgetPlan | None, list[ValidationIssue]]:
    """Build a plan from a dict (JSON, stored client); ``(None, issues)`` when it is not valid."""
    if not isinstance(data, Mapping):
        return None, [_issue(None, type(data).__name__, "not_a_number")]
    shock = data.get("shock")
    expenses = data.get("expenses") or {}
    if not isinstance(expenses, Mapping):
        return None, [_issue("expense.other", expenses, "not_a_number")]
    try:
        shock_obj = None if shock is None else IncomeShock(
            loss_pct=shock.get("loss_pct"), months=shock.get("months"), start_month=shock.get("start_month", 1))
        return BudgetPlan(income=data.get("income"), expenses=dict(expenses),
                          buffer=data.get("buffer", 0.0), shock=shock_obj), []
    except InvalidInput as e:
        return None, list(e.issues)
    except AttributeError:  # shock is not a mapping
        return None, [_issue("shock_pct", shock, "not_a_number")]


def check_plan(plan: BudgetPlan) -> list[ValidationIssue]:
    """Warnings about an already valid plan (errors are raised when it is built)."""
    return plan.warnings()


EMPTY_PLAN = BudgetPlan(income=0.0)

__all__ = ["EMPTY_PLAN", "EXPENSE_CATEGORIES", "BudgetPlan", "IncomeShock", "check_plan", "plan_from_dict"]
