"""Payments made and balances reported: parse them (errors as data), import and export them as CSV.

The workspace keeps what the person typed (sections ``payments`` and ``balances``)::

    payments: [{"date": "2026-12-05", "lender": "借呗", "amount": "1120", "reference": "2026120512345", "note": ""}]
    balances: [{"date": "2026-12-20", "lender": "借呗", "balance": "10,950.12"}]

:func:`parse_payments` / :func:`parse_balances` turn them into typed records (money in integer cents) and
report every problem with its row, column, value and reason; a bad row is left out of the figures but
stays in the workspace as typed. :func:`read_payments_csv` reads a payments CSV with Chinese or English
headers (UTF-8, UTF-8 BOM, GBK); :func:`write_payments_csv` writes one, every cell through
:func:`planner.escape.csv_cell`.

>>> from datetime import date
>>> pays, issues = parse_payments([{"date": "2026-12-05", "lender": "借呗", "amount": "¥1,120"},
...                                {"date": "昨天", "lender": "借呗", "amount": "-5"}])
>>> pays[0].amount_cents, [(i.row, i.column, i.code) for i in issues]
(112000, [(2, 'pay.date', 'bad_date'), (2, 'pay.amount', 'negative')])
>>> back = read_payments_csv(write_payments_csv(pays))
>>> back.payments == pays, back.issues
(True, [])
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .agreements import parse_date
from .csv_io import cells_to_fields, map_header, norm_header, read_text
from .escape import csv_cell, csv_unescape
from .i18n import register
from .models import MAX_AMOUNT_YUAN, MAX_TEXT_LEN, Debt, ValidationIssue, name_key, register_column_labels
from .month import to_cents
from .parsing import ParseError, clean_text, free_text, is_blank, parse_amount

PAYMENT_FIELDS = ("date", "lender", "amount", "reference", "note")
BALANCE_FIELDS = ("date", "lender", "balance")
MAX_ROWS = 5_000

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("date", "paid on", "payment date", "日期", "还款日期", "付款日期", "交易日期"),
    "lender": ("lender", "platform", "name", "creditor", "平台", "名称", "机构", "债权人", "贷款平台", "还款对象"),
    "amount": ("amount", "paid", "amount paid", "金额", "还款金额", "实还金额", "付款金额"),
    "reference": ("reference", "ref", "transaction id", "参考号", "流水号", "交易单号", "订单号", "凭证号"),
    "note": ("note", "notes", "备注", "说明"),
}
ZH_HEADERS = {"date": "日期", "lender": "平台", "amount": "金额", "reference": "流水号", "note": "备注"}

# issue columns are prefixed (``pay.date`` …) so their labels never collide with another form's
register_column_labels({"pay.date": ("日期", "date"), "pay.lender": ("平台", "lender"), "pay.amount": ("金额", "amount"),
                        "pay.reference": ("流水号", "reference"), "pay.note": ("备注", "note"),
                        "pay.balance": ("App显示的余额", "balance shown by the lender")})
register({
    "issue.payment_future": {"zh": "'{value}' 是将来的日期", "en": "'{value}' is in the future"},
})


@dataclass(frozen=True, slots=True)
class Payment:
    """A payment made (money in cents)."""

    day: date
    lender: str
    amount_cents: int
    reference: str = ""
    note: str = ""

    def to_record(self) -> dict[str, str]:
        return {"date": self.day.isoformat(), "lender": self.lender, "amount": f"{self.amount_cents / 100:.2f}",
                "reference": self.reference, "note": self.note}


@dataclass(frozen=True, slots=True)
class ReportedBalance:
    """The balance a lender's app showed on a day (cents)."""

    day: date
    lender: str
    balance_cents: int

    def to_record(self) -> dict[str, str]:
        return {"date": self.day.isoformat(), "lender": self.lender, "balance": f"{self.balance_cents / 100:.2f}"}


def _lender(raw: object, row: int, known: Mapping[str, str], issues: list[ValidationIssue]) -> str | None:
    text = free_text(raw)
    if not text:
        issues.append(ValidationIssue(row, "pay.lender", "", "required"))
        return None
    if known and name_key(text) not in known:
        issues.append(ValidationIssue(row, "pay.lender", text, "unknown_lender"))
        return None
    return known.get(name_key(text), text) if known else text


def _common(rec: Mapping[str, object], row: int, known, today: date | None, issues, money_col: str,
            allow_zero: bool):
    day = None
    if is_blank(rec.get("date")):
        issues.append(ValidationIssue(row, "pay.date", "", "required"))
    else:
        try:
            day = parse_date(rec.get("date"))
            if today is not None and day > today:
                issues.append(ValidationIssue(row, "pay.date", clean_text(rec.get("date")), "payment_future"))
                day = None
        except ParseError:
            issues.append(ValidationIssue(row, "pay.date", clean_text(rec.get("date")), "bad_date"))
    lender = _lender(rec.get("lender"), row, known, issues)
    cents = None
    raw = rec.get(money_col)
    if is_blank(raw):
        issues.append(ValidationIssue(row, f"pay.{money_col}", "", "required"))
    else:
        try:
            value = parse_amount(raw)
            if value < 0 or (value == 0 and not allow_zero):
                issues.append(ValidationIssue(row, f"pay.{money_col}", clean_text(raw), "negative" if value < 0 else "not_positive"))
            elif value > MAX_AMOUNT_YUAN:
                issues.append(ValidationIssue(row, f"pay.{money_col}", clean_text(raw), "too_large",
                                              (("limit", f"{MAX_AMOUNT_YUAN:,.0f}"),)))
            else:
                cents = to_cents(value)
        except ParseError as e:
            issues.append(ValidationIssue(row, f"pay.{money_col}", clean_text(raw), e.code))
    return day, lender, cents


def _known(debts: Sequence[Debt]) -> dict[str, str]:
    return {name_key(d.name): d.name for d in debts}


def parse_payments(records: Sequence[Mapping[str, object]], debts: Sequence[Debt] = (), *,
                   today: date | None = None) -> tuple[list[Payment], list[ValidationIssue]]:
    """Typed payments and every issue; with ``debts``, a lender must be one of them (case/spaces ignored);
    with ``today``, a date after it is an error. Blank rows are skipped."""
    known, out, issues = _known(debts), [], []
    for row, rec in enumerate(records, start=1):
        if all(is_blank(v) for v in rec.values()):
            continue
        problems: list[ValidationIssue] = []
        day, lender, cents = _common(rec, row, known, today, problems, "amount", allow_zero=False)
        for col in ("reference", "note"):
            if len(str(rec.get(col) or "")) > MAX_TEXT_LEN:
                problems.append(ValidationIssue(row, f"pay.{col}", "", "text_too_long", (("limit", MAX_TEXT_LEN),)))
        if problems:
            issues += problems
            continue
        out.append(Payment(day, lender, cents, free_text(rec.get("reference")), free_text(rec.get("note"))))
    return out, issues


def parse_balances(records: Sequence[Mapping[str, object]], debts: Sequence[Debt] = (), *,
                   today: date | None = None) -> tuple[list[ReportedBalance], list[ValidationIssue]]:
    """Typed reported balances (zero allowed: the debt is cleared) and every issue."""
    known, out, issues = _known(debts), [], []
    for row, rec in enumerate(records, start=1):
        if all(is_blank(v) for v in rec.values()):
            continue
        problems: list[ValidationIssue] = []
        day, lender, cents = _common(rec, row, known, today, problems, "balance", allow_zero=True)
        if problems:
            issues += problems
            continue
        out.append(ReportedBalance(day, lender, cents))
    return out, issues


def paid_between(payments: Sequence[Payment], first: date, last: date) -> dict[str, int]:
    """Cents paid per lender (keyed by :func:`planner.models.name_key`) from ``first`` to ``last`` inclusive."""
    out: dict[str, int] = {}
    for p in payments:
        if first <= p.day <= last:
            out[name_key(p.lender)] = out.get(name_key(p.lender), 0) + p.amount_cents
    return out


# --------------------------------------------------------------------------- CSV

_LOOKUP = {norm_header(a): f for f, aliases in HEADER_ALIASES.items() for a in aliases}


@dataclass
class PaymentsImport:
    payments: list[Payment]
    issues: list[ValidationIssue]
    rows: list[dict[str, str]] = field(default_factory=list)   # field -> text as typed (for the workspace)

    @property
    def errors(self) -> list[ValidationIssue]:
        return [i for i in self.issues if i.is_error]


def _file_issue(code: str, value: str = "", severity: str = "error", **params) -> ValidationIssue:
    return ValidationIssue(None, None, value, code, tuple(params.items()), severity)


def read_payments_csv(source: bytes | str | Path, debts: Sequence[Debt] = (), *,
                      today: date | None = None) -> PaymentsImport:
    """Read a payments CSV; never raises on bad content (see the module docstring)."""
    text, _, problem = read_text(source)
    if problem:
        return PaymentsImport([], [_file_issue("file_too_large" if problem == "too_large" else "bad_encoding",
                                               limit="5 MB")])
    try:
        table = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
    except csv.Error as e:
        return PaymentsImport([], [_file_issue("not_csv", detail=str(e))])
    if not table:
        return PaymentsImport([], [_file_issue("empty_file")])
    columns, issues = map_header(table[0], _LOOKUP, _file_issue)
    missing = [f for f in ("date", "lender", "amount") if f not in columns]
    if missing:
        return PaymentsImport([], issues + [_file_issue("missing_column", f"{ZH_HEADERS[f]} / {f}") for f in missing])
    body = table[1:]
    if len(body) > MAX_ROWS:
        issues.append(_file_issue("too_many_rows", limit=MAX_ROWS))
        body = body[:MAX_ROWS]
    rows = cells_to_fields(body, columns, PAYMENT_FIELDS, csv_unescape)
    payments, row_issues = parse_payments(rows, debts, today=today)
    return PaymentsImport(payments, issues + row_issues, rows)


def write_payments_csv(payments: Sequence[Payment], *, lang: str = "zh", bom: bool = True) -> bytes:
    """CSV bytes (UTF-8 with a BOM for Excel); every cell through :func:`planner.escape.csv_cell`."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([ZH_HEADERS[f] if lang == "zh" else f for f in PAYMENT_FIELDS])
    for p in payments:
        rec = p.to_record()
        w.writerow([csv_cell(rec[f]) for f in PAYMENT_FIELDS])
    return (("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8")


__all__ = ["BALANCE_FIELDS", "PAYMENT_FIELDS", "Payment", "PaymentsImport", "ReportedBalance", "paid_between",
           "parse_balances",
           "parse_payments", "read_payments_csv", "write_payments_csv"]
