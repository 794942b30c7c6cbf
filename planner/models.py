"""Typed, immutable models of the planner's inputs.

Units, once for the whole package
---------------------------------
* money is in **yuan** (float; cents appear only when results are rounded);
* every rate is an **annual percent** (``18`` means 18 % per year) unless the
  name says otherwise (``daily_rate_pct``);
* months are counted from 1 (the first month of the plan).

A :class:`Debt` is checked when it is built: anything the user could get wrong
raises :class:`InvalidInput` carrying :class:`ValidationIssue` records (row,
column, value, reason) that render in Chinese or English.  Parsing user text
(CSV cells, form fields) happens in :mod:`planner.parsing`, which collects every
issue instead of stopping at the first one.
"""

from __future__ import annotations

import math
from datetime import date
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from .escape import identity
from .i18n import register, t

MAX_AMOUNT_YUAN = 1e9          # a single debt or budget above ¥1 billion is a typo
MAX_RATE_PCT = 1000.0          # annual percent; 1000 % ≈ 2.7 % a day
MAX_OVERDUE_DAYS = 36_500
MAX_NAME_LEN = 60
MAX_TEXT_LEN = 2_000
DEFAULT_HORIZON = 600
MAX_HORIZON = 1_200


class DebtKind(StrEnum):
    CREDIT_CARD = "credit_card"
    ONLINE_LOAN = "online_loan"
    CONSUMER_FINANCE = "consumer_finance"
    BANK_LOAN = "bank_loan"
    PRIVATE_LOAN = "private_loan"
    OTHER = "other"

    def label(self, lang: str = "zh") -> str:
        return t(f"kind.{self.value}", lang)


register({
    "kind.credit_card": {"zh": "信用卡", "en": "Credit card"},
    "kind.online_loan": {"zh": "网络贷款", "en": "Online loan"},
    "kind.consumer_finance": {"zh": "消费金融/小贷", "en": "Consumer finance / small loan"},
    "kind.bank_loan": {"zh": "银行贷款", "en": "Bank loan"},
    "kind.private_loan": {"zh": "民间借贷", "en": "Private loan"},
    "kind.other": {"zh": "其他", "en": "Other"},
})


@dataclass(frozen=True, slots=True)
class ValidationIssue:
    """One problem with one value the user gave.

    ``row`` is the 1-based position of the debt in the user's table (``None``
    for a problem that is not about a row, e.g. an empty file); ``column`` is
    the field name; ``code`` selects the message; ``params`` fill it.
    """

    row: int | None
    column: str | None
    value: str
    code: str
    params: tuple[tuple[str, object], ...] = ()
    severity: str = "error"          # "error" blocks the row; "warning" is shown only

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: str = "zh") -> str:
        column = column_label(self.column, lang) if self.column else ""
        reason = t(f"issue.{self.code}", lang, value=self.value, **dict(self.params))
        if self.row is None and not column:
            return reason
        where = t("issue.where_row", lang, row=self.row, column=column) if self.row is not None \
            else t("issue.where", lang, column=column)
        return f"{where}{reason}"

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        return {"row": self.row, "column": self.column, "value": self.value,
                "code": self.code, "severity": self.severity, "message": self.message(lang)}


class PlannerError(Exception):
    """Base of the planner's exceptions.

    PlannerError
     ├── InvalidInput      (bad values; carries ValidationIssue records)
     └── UnknownStrategy   (a strategy name that is not registered)
    """


class InvalidInput(PlannerError, ValueError):
    def __init__(self, issues: Sequence[ValidationIssue]):
        self.issues = tuple(issues)
        super().__init__("; ".join(i.message("en") for i in self.issues))

    def messages(self, lang: str = "zh") -> list[str]:
        return [i.message(lang) for i in self.issues]


class UnknownStrategy(PlannerError, ValueError):
    def __init__(self, name: str, known: Iterable[str]):
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown strategy {name!r}; choose one of: {', '.join(self.known)}")


register({
    "issue.where_row": {"zh": "第{row}行 {column}：", "en": "row {row} {column}: "},
    "issue.where": {"zh": "{column}：", "en": "{column}: "},
    "issue.required": {"zh": "必填，不能为空", "en": "is required"},
    "issue.not_a_number": {"zh": "'{value}' 不是数字", "en": "'{value}' is not a number"},
    "issue.unknown_method": {"zh": "'{value}' 不是已知的方案方法（{choices}）",
                             "en": "'{value}' is not a known proposal method ({choices})"},
    "issue.date_range": {"zh": "日期 '{value}' 超出可用范围（{first} 至 {last}）",
                         "en": "the date '{value}' is outside the usable range ({first} to {last})"},
    "issue.bad_grouping": {"zh": "'{value}' 的千位分隔不对：逗号只能用在每三位数字之间（如 1,200.50），小数点用“.”",
                           "en": "'{value}' has misplaced thousands separators: a comma only between groups of "
                                 "three digits (1,200.50), and '.' for decimals"},
    "issue.not_finite": {"zh": "'{value}' 不是有效数字", "en": "'{value}' is not a valid number"},
    "issue.negative": {"zh": "'{value}' 不能为负", "en": "'{value}' must not be negative"},
    "issue.not_positive": {"zh": "'{value}' 必须大于0", "en": "'{value}' must be greater than 0"},
    "issue.too_large": {"zh": "'{value}' 过大（上限 {limit}）", "en": "'{value}' is too large (limit {limit})"},
    "issue.not_integer": {"zh": "'{value}' 必须是整数", "en": "'{value}' must be a whole number"},
    "issue.pct_range": {"zh": "'{value}' 必须在 0 到 100 之间", "en": "'{value}' must be between 0 and 100"},
    "issue.unknown_kind": {"zh": "'{value}' 不是已知类型（{choices}）",
                           "en": "'{value}' is not a known kind ({choices})"},
    "issue.duplicate_name": {"zh": "'{value}' 与第{first}行重名，名称必须唯一",
                             "en": "'{value}' repeats the name in row {first}; names must be unique"},
    "issue.name_too_long": {"zh": "'{value}' 过长（最多{limit}个字）",
                            "en": "'{value}' is too long (at most {limit} characters)"},
    "issue.text_too_long": {"zh": "内容过长（最多{limit}个字）", "en": "is too long (at most {limit} characters)"},
    "issue.rate_missing": {"zh": "请填写年利率或日利率；不知道就写“不知道”（先按常见水平估计）",
                           "en": "give an annual rate or a daily rate; if you do not know it, write \"unknown\" "
                                 "(the usual level is assumed)"},
    "issue.min_missing": {"zh": "请填写每月最低还款金额或最低还款比例；不知道就写“不知道”（先按常见水平估计）",
                          "en": "give the monthly minimum as an amount or a percentage; if you do not know it, write "
                                "\"unknown\" (the usual level is assumed)"},
    "issue.not_assumable": {"zh": "'{value}' 不能按估计填写（只有 {fields} 可以）",
                            "en": "'{value}' cannot be assumed (only {fields} can)"},
    "issue.rate_conflict": {"zh": "年利率 {annual} 与日利率 {daily}（×365 = {implied}）不一致",
                            "en": "annual rate {annual} disagrees with daily rate {daily} (×365 = {implied})"},
    "issue.arrears_above_balance": {"zh": "'{value}' 不能大于余额 {balance}",
                                    "en": "'{value}' cannot exceed the balance {balance}"},
    "issue.empty_file": {"zh": "文件是空的，没有任何债务", "en": "the file is empty: no debts found"},
    "issue.no_debts": {"zh": "没有债务。请至少添加一笔", "en": "no debts: add at least one"},
    "issue.missing_column": {"zh": "缺少必需的列：{value}", "en": "a required column is missing: {value}"},
    "issue.unknown_column": {"zh": "无法识别的列 '{value}'（已忽略）",
                             "en": "unrecognised column '{value}' (ignored)"},
    "issue.duplicate_column": {"zh": "列 '{value}' 出现多次", "en": "column '{value}' appears more than once"},
    "issue.bad_encoding": {"zh": "无法识别文件编码（支持 UTF-8、带BOM的UTF-8、GBK/GB18030）",
                           "en": "cannot read the file's encoding (UTF-8, UTF-8 with BOM and GBK/GB18030 work)"},
    "issue.not_csv": {"zh": "无法解析为CSV（第{line}行附近：引号不成对或换行不对）",
                      "en": "not a readable CSV (near line {line}: unbalanced quotes or a stray line break)"},
    "issue.extra_cells": {"zh": "第 {rows} 行的单元格比表头（{columns} 列）多，多出的内容已忽略",
                          "en": "row(s) {rows} have more cells than the header ({columns} columns): the extra "
                                "cells were ignored"},
    "issue.encoding_assumed": {"zh": "文件按 {encoding} 编码读取，但看起来像其他编码（如日文 Shift-JIS），名称可能是乱码。"
                                     "请另存为 UTF-8 后重新导入。",
                               "en": "the file was read as {encoding}, but it looks like another encoding (e.g. "
                                     "Japanese Shift-JIS): names may be garbled. Save it as UTF-8 and import again."},
    "issue.too_many_rows": {"zh": "债务过多（最多{limit}笔）", "en": "too many debts (at most {limit})"},
    "issue.file_too_large": {"zh": "文件过大（最大 {limit}）", "en": "the file is too large (at most {limit})"},
    "issue.unknown_strategy": {"zh": "'{value}' 不是已知策略（{choices}）",
                               "en": "'{value}' is not a known strategy ({choices})"},
    "issue.unknown_order_name": {"zh": "顺序中的 '{value}' 不在债务列表中",
                                 "en": "'{value}' in the order is not one of the debts"},
    "issue.order_not_list": {"zh": "'{value}' 必须是名称列表", "en": "'{value}' must be a list of names"},
    "issue.diverges": {"zh": "欠款在期限内增长到无法计算的程度（逾期费用不断叠加）。请缩短模拟月数，或先与贷款方协商。",
                       "en": "the debt grows beyond any computable amount within the horizon (late charges keep compounding); "
                             "shorten the horizon or negotiate first."},
    "issue.budget_empty": {"zh": "预算列表不能为空", "en": "the budget list must not be empty"},
    "issue.due_day_range": {"zh": "'{value}' 必须是 1 到 31 之间的日期（每月几号还款）",
                            "en": "'{value}' must be a day of the month from 1 to 31"},
    "issue.horizon_range": {"zh": "'{value}' 必须是 1 到 {limit} 之间的整数",
                            "en": "'{value}' must be a whole number from 1 to {limit}"},
})

# Column labels shown in messages and tables (the CSV header aliases live in csv_io).
_COLUMN_LABELS = {
    "name": ("名称", "name"), "kind": ("类型", "kind"), "balance": ("余额", "balance"),
    "annual_rate": ("年利率", "annual rate"), "daily_rate": ("日利率", "daily rate"),
    "min_payment": ("最低还款", "minimum payment"), "min_payment_pct": ("最低还款比例", "minimum payment %"),
    "penalty_rate": ("罚息年利率", "penalty rate"), "late_fee_pct": ("违约金比例", "late fee %"),
    "overdue_days": ("逾期天数", "days overdue"), "arrears": ("逾期金额", "arrears"),
    "official_channel": ("官方渠道", "official channel"), "notes": ("备注", "notes"),
    "due_day": ("还款日", "due day"),
    "budget": ("每月还款预算", "monthly budget"), "strategy": ("策略", "strategy"),
    "order": ("还款顺序", "order"), "horizon": ("模拟月数", "horizon"),
}


def register_column_labels(labels: Mapping[str, tuple[str, str]]) -> None:
    """Add ``{column: (zh, en)}`` labels for columns of other inputs (e.g. the budget form's fields)."""
    for column, pair in labels.items():
        if _COLUMN_LABELS.get(column, pair) != pair:
            raise ValueError(f"column label {column!r} registered twice with different text")
        _COLUMN_LABELS[column] = pair


def column_label(column: str | None, lang: str = "zh") -> str:
    if not column:
        return ""
    zh, en = _COLUMN_LABELS.get(column, (column, column))
    return zh if lang != "en" else en


def _issue(row, column, value, code, **params) -> ValidationIssue:
    return ValidationIssue(row, column, str(value), code, tuple(params.items()))


ASSUMABLE_FIELDS = ("annual_rate", "min_payment_pct")     # what "不知道" may stand for (planner.parsing)


@dataclass(frozen=True, slots=True)
class Debt:
    """One debt, with the fields of the repayment model (see docs/model.md).

    >>> d = Debt("借呗", balance=10_000, annual_rate=18.25, min_payment=900, overdue_days=45)
    >>> d.effective_penalty_rate, d.effective_arrears
    (27.375, 1800.0)
    """

    name: str
    balance: float
    annual_rate: float
    min_payment: float
    kind: DebtKind = DebtKind.OTHER
    min_payment_pct: float = 0.0
    penalty_rate: float | None = None      # None → 1.5 × annual_rate
    late_fee_pct: float = 0.0
    overdue_days: int = 0
    arrears: float | None = None           # None → min(balance, min_payment × ceil(days/30))
    official_channel: str = ""
    notes: str = ""
    due_day: int | None = None             # 还款日: day of the month a payment is due (None → end of month)
    # the fields whose value is not the person's figure but the typical terms assumed for "不知道"
    # (planner.parsing.assume_unknowns): a subset of ASSUMABLE_FIELDS, shown as "估计" wherever it is cited
    assumed: tuple[str, ...] = ()
    assumed_basis: str = ""                # whose typical terms: a lender catalogue id, "" → the kind's

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", DebtKind(self.kind))
        if isinstance(self.assumed, str):
            object.__setattr__(self, "assumed", tuple(f for f in self.assumed.split(",") if f))
        elif not isinstance(self.assumed, tuple):
            object.__setattr__(self, "assumed", tuple(self.assumed or ()))
        for name in ("balance", "annual_rate", "min_payment", "min_payment_pct", "penalty_rate",
                     "late_fee_pct", "arrears"):
            value = getattr(self, name)
            if isinstance(value, (int, np.integer, np.floating)) and not isinstance(value, bool):
                object.__setattr__(self, name, float(value))
        if isinstance(self.overdue_days, np.integer):
            object.__setattr__(self, "overdue_days", int(self.overdue_days))
        if isinstance(self.due_day, np.integer):
            object.__setattr__(self, "due_day", int(self.due_day))
        issues = validate_debt(self)
        if issues:
            raise InvalidInput(issues)

    @property
    def effective_penalty_rate(self) -> float:
        return 1.5 * self.annual_rate if self.penalty_rate is None else self.penalty_rate

    @property
    def effective_arrears(self) -> float:
        if self.arrears is not None:
            return self.arrears
        return min(self.balance, self.min_payment * math.ceil(self.overdue_days / 30))

    @property
    def is_overdue(self) -> bool:
        return self.effective_arrears > 0

    def replace(self, **changes) -> "Debt":
        from dataclasses import replace
        return replace(self, **changes)

    def is_assumed(self, field: str) -> bool:
        """Is this field's value the assumption made for "不知道" (not a figure from the contract)?"""
        return field in self.assumed

    def assumption_why(self, lang: str = "zh") -> str:
        """Why the assumed values were chosen (the typical terms' basis), '' when nothing is assumed."""
        if not self.assumed:
            return ""
        from .lenders import assumed_terms
        return assumed_terms(self).why(lang)


def validate_debt(d: Debt, row: int | None = None) -> list[ValidationIssue]:
    """Range checks on an already-typed debt (also used by the parser)."""
    out: list[ValidationIssue] = []
    name = d.name if isinstance(d.name, str) else ""
    if not name.strip():
        out.append(_issue(row, "name", d.name, "required"))
    elif len(name) > MAX_NAME_LEN:
        out.append(_issue(row, "name", name[:20] + "…", "name_too_long", limit=MAX_NAME_LEN))

    def number(col, value, *, positive=False, limit=MAX_AMOUNT_YUAN, pct=False, optional=False):
        if value is None and optional:
            return
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            out.append(_issue(row, col, value, "not_finite"))
        elif value < 0:
            out.append(_issue(row, col, value, "negative"))
        elif positive and value == 0:
            out.append(_issue(row, col, value, "not_positive"))
        elif pct and value > 100:
            out.append(_issue(row, col, value, "pct_range"))
        elif value > limit:
            out.append(_issue(row, col, value, "too_large", limit=f"{limit:,.0f}"))

    number("balance", d.balance, positive=True)
    number("annual_rate", d.annual_rate, limit=MAX_RATE_PCT)
    number("min_payment", d.min_payment)
    number("min_payment_pct", d.min_payment_pct, pct=True)
    number("penalty_rate", d.penalty_rate, limit=MAX_RATE_PCT, optional=True)
    number("late_fee_pct", d.late_fee_pct, pct=True)
    number("arrears", d.arrears, optional=True)
    if not isinstance(d.overdue_days, int) or isinstance(d.overdue_days, bool):
        out.append(_issue(row, "overdue_days", d.overdue_days, "not_integer"))
    elif d.overdue_days < 0:
        out.append(_issue(row, "overdue_days", d.overdue_days, "negative"))
    elif d.overdue_days > MAX_OVERDUE_DAYS:
        out.append(_issue(row, "overdue_days", d.overdue_days, "too_large", limit=f"{MAX_OVERDUE_DAYS:,}"))
    due_day = getattr(d, "due_day", None)
    if due_day is not None:
        if not isinstance(due_day, int) or isinstance(due_day, bool):
            out.append(_issue(row, "due_day", due_day, "not_integer"))
        elif not 1 <= due_day <= 31:
            out.append(_issue(row, "due_day", due_day, "due_day_range"))
    if (isinstance(d.arrears, (int, float)) and isinstance(d.balance, (int, float))
            and math.isfinite(d.arrears) and d.arrears > d.balance > 0):
        out.append(_issue(row, "arrears", d.arrears, "arrears_above_balance", balance=d.balance))
    assumed = getattr(d, "assumed", ())
    if not isinstance(assumed, tuple) or any(f not in ASSUMABLE_FIELDS for f in assumed):
        out.append(_issue(row, "assumed", ",".join(map(str, assumed or ())), "not_assumable",
                          fields=", ".join(ASSUMABLE_FIELDS)))
    for col in ("official_channel", "notes"):
        text = getattr(d, col)
        if not isinstance(text, str):
            out.append(_issue(row, col, text, "required"))
        elif len(text) > MAX_TEXT_LEN:
            out.append(_issue(row, col, "", "text_too_long", limit=MAX_TEXT_LEN))
    return out


def check_portfolio(debts: Sequence[Debt]) -> list[ValidationIssue]:
    """Portfolio-level rules: at least one debt, unique names (case and spaces ignored)."""
    if not debts:
        return [_issue(None, None, "", "no_debts")]
    out, seen = [], {}
    for i, d in enumerate(debts, start=1):
        key = name_key(d.name)
        if key in seen:
            out.append(_issue(i, "name", d.name, "duplicate_name", first=seen[key]))
        else:
            seen[key] = i
    return out


MIN_PLAN_DATE = date(1900, 1, 1)
MAX_PLAN_DATE = date(2999, 12, 31)      # leaves room for the longest plan (MAX_HORIZON months) before year 9999


def check_plan_date(value: object, column: str) -> list[ValidationIssue]:
    """A date a plan or document starts from must lie in 1900 … 2999 (a plan runs for years after it).

    >>> [i.code for i in check_plan_date(date(9999, 12, 1), "start")], check_plan_date(date(2026, 1, 1), "start")
    (['date_range'], [])
    """
    if not isinstance(value, date) or not MIN_PLAN_DATE <= value <= MAX_PLAN_DATE:
        return [_issue(None, column, str(value), "date_range", first=MIN_PLAN_DATE.isoformat(),
                       last=MAX_PLAN_DATE.isoformat())]
    return []


def name_key(name: str) -> str:
    """Two names with the same key are the same lender (look-alikes and invisible characters included)."""
    return identity(name)


@dataclass(frozen=True, slots=True)
class Budget:
    """Money available for debt each month.

    ``monthly`` holds B_1 … B_L.  Months after the last entry repeat it, so a
    constant budget is a one-element list and an income shock is
    ``[3000]*3 + [1500]*6 + [3000]`` (back to normal from month 10 on).

    >>> Budget.of([3000, 1500]).for_months(4).tolist()
    [3000.0, 1500.0, 1500.0, 1500.0]
    """

    monthly: tuple[float, ...] = field(default=(0.0,))

    def __post_init__(self) -> None:
        values = tuple(float(v) for v in self.monthly)
        issues = []
        if not values:
            issues.append(_issue(None, "budget", "", "budget_empty"))
        for v in values:
            if not math.isfinite(v):
                issues.append(_issue(None, "budget", v, "not_finite"))
            elif v < 0:
                issues.append(_issue(None, "budget", v, "negative"))
            elif v > MAX_AMOUNT_YUAN:
                issues.append(_issue(None, "budget", v, "too_large", limit=f"{MAX_AMOUNT_YUAN:,.0f}"))
        if issues:
            raise InvalidInput(issues[:5])
        object.__setattr__(self, "monthly", values)

    @classmethod
    def of(cls, amount: "float | Sequence[float] | Budget") -> "Budget":
        if isinstance(amount, Budget):
            return amount
        if isinstance(amount, (int, float, np.floating, np.integer)) and not isinstance(amount, bool):
            return cls((float(amount),))
        if isinstance(amount, (list, tuple, np.ndarray)):
            return cls(tuple(amount))
        raise InvalidInput([_issue(None, "budget", amount, "not_a_number")])

    @property
    def is_constant(self) -> bool:
        return len(set(self.monthly)) <= 1

    @property
    def first(self) -> float:
        return self.monthly[0]

    def for_month(self, month: int) -> float:
        return self.monthly[min(month, len(self.monthly)) - 1]

    def for_months(self, horizon: int) -> np.ndarray:
        out = np.empty(horizon, dtype=float)
        n = min(horizon, len(self.monthly))
        out[:n] = self.monthly[:n]
        out[n:] = self.monthly[-1]
        return out
