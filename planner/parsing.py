"""Turn what a person typed (CSV cells, form fields, JSON) into typed debts.

Bad input becomes data: :func:`parse_debt_rows` returns the debts it could
build *and* every problem it found (row, column, value, reason), so a table can
show all the bad rows at once.

>>> parse_percent("日利率 0.05%")
18.25
>>> parse_percent("18%"), parse_percent("月利率1%")
(18.0, 12.0)
>>> parse_amount("1.5万"), parse_amount("￥3,000")
(15000.0, 3000.0)
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from .escape import name_text
from .models import (ASSUMABLE_FIELDS, Debt, DebtKind, InvalidInput, ValidationIssue, check_portfolio,
                     register_column_labels, validate_debt)

DEBT_FIELDS = ("name", "kind", "balance", "annual_rate", "daily_rate", "min_payment", "min_payment_pct",
               "penalty_rate", "late_fee_pct", "overdue_days", "arrears", "official_channel", "notes", "due_day")
REQUIRED_FIELDS = ("name", "balance", "min_payment")

_KIND_WORDS: dict[str, DebtKind] = {}
for _kind, _words in {
    DebtKind.CREDIT_CARD: ("credit_card", "credit card", "card", "信用卡", "卡", "贷记卡"),
    DebtKind.ONLINE_LOAN: ("online_loan", "online loan", "online", "网络贷款", "网贷", "网络借款", "平台贷款"),
    DebtKind.CONSUMER_FINANCE: ("consumer_finance", "consumer finance", "消费金融", "消费金融/小贷", "小贷",
                                "小额贷款", "small loan", "consumer finance / small loan"),
    DebtKind.BANK_LOAN: ("bank_loan", "bank loan", "bank", "银行贷款", "银行", "消费贷"),
    DebtKind.PRIVATE_LOAN: ("private_loan", "private loan", "private", "民间借贷", "私人借款", "亲友借款", "个人借款"),
    DebtKind.OTHER: ("other", "其他", "其它"),
}.items():
    for _w in _words:
        _KIND_WORDS[_w.casefold()] = _kind


class ParseError(ValueError):
    """A single value could not be read; ``code`` names the message."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(code)


def clean_text(value: object) -> str:
    """NFKC-normalised, stripped text ('' for None/NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip()


_C0 = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def free_text(value: object) -> str:
    """User text kept as typed (surrounding white space and control characters other than tab and line
    breaks removed; '' for None/NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return _C0.sub("", str(value)).strip()


def is_blank(value: object) -> bool:
    return clean_text(value) == ""


_NUM = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


_GROUPED = re.compile(r"^[+-]?\d{1,3}([, ]\d{3})+(\.\d*)?$")


def _ungroup(text: str) -> str:
    """Remove thousands separators (comma or space) that sit between valid groups of three digits;
    anything else with a separator is an error (``1.200,50``, ``1,2,3``, ``0,5``)."""
    if "," not in text and " " not in text:
        return text
    if not _GROUPED.match(text) or ("," in text and " " in text):
        raise ParseError("bad_grouping")
    return text.replace(",", "").replace(" ", "")


def parse_amount(value: object) -> float:
    """A money amount: ``3000``, ``3,000``, ``¥3000``, ``3000元``, ``1.5万`` (× 10,000).

    Thousands separators only between groups of three digits (``0，5万``, ``1.200,50`` and ``1,2,3`` are
    errors, never guesses)."""
    if isinstance(value, bool):
        raise ParseError("not_a_number")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ParseError("not_finite")
        return float(value)
    text = clean_text(value)
    text = text.lstrip("¥￥").removeprefix("RMB").removeprefix("CNY").strip()
    text = text.removesuffix("元").removesuffix("块").strip()
    scale = 1.0
    if text.endswith("万"):
        text, scale = text[:-1].strip(), 10_000.0
    text = _ungroup(text.lstrip("¥￥").strip())
    if text.lower() in ("nan", "inf", "-inf", "+inf", "infinity"):
        raise ParseError("not_finite")
    if not _NUM.match(text):
        raise ParseError("not_a_number")
    number = float(text) * scale
    if not math.isfinite(number):
        raise ParseError("not_finite")
    return number


_DAILY = ("日利率", "日息", "日利", "daily", "/day", "/天", "每天", "per day", "/日")
_MONTHLY = ("月利率", "月息", "月利", "monthly", "/month", "/月", "每月", "per month")
_ANNUAL_WORDS = ("年利率", "年化", "年息", "年利", "annual", "apr", "/year", "/年", "每年", "per year", "p.a.")


def parse_percent(value: object, *, default_period: str = "year") -> float:
    """A rate in percent, returned as an **annual** percent.

    ``18``, ``18%``, ``年化18%`` → 18; ``日利率0.05%`` / ``0.05%/天`` → 0.05 × 365;
    ``月利率1%`` → 1 × 12 (nominal).  ``default_period`` says what a bare number means
    (``"day"`` for a daily-rate column).
    """
    if isinstance(value, bool):
        raise ParseError("not_a_number")
    period = default_period
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ParseError("not_finite")
        number = float(value)
    else:
        text = clean_text(value).lower()
        for words, name in ((_DAILY, "day"), (_MONTHLY, "month"), (_ANNUAL_WORDS, "year")):
            if any(w in text for w in words):
                period = name
                for w in words:
                    text = text.replace(w, "")
                break
        text = text.replace("%", "").replace(" ", "").replace(":", "").strip()
        if text in ("nan", "inf", "-inf", "infinity"):
            raise ParseError("not_finite")
        if not _NUM.match(text):
            raise ParseError("not_a_number")
        number = float(text)
    factor = {"year": 1.0, "month": 12.0, "day": 365.0}[period]
    return number * factor


def parse_int(value: object) -> int:
    """A whole number (``45``, ``45天``, ``45.0``)."""
    if isinstance(value, bool):
        raise ParseError("not_a_number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ParseError("not_finite")
        if not value.is_integer():
            raise ParseError("not_integer")
        return int(value)
    text = clean_text(value).replace(",", "").removesuffix("天").removesuffix("days").removesuffix("day").strip()
    if not _NUM.match(text):
        raise ParseError("not_a_number")
    number = float(text)
    if not number.is_integer():
        raise ParseError("not_integer")
    return int(number)


_DAY_SUFFIXES = ("号", "日", "th", "st", "nd", "rd")


def parse_day_of_month(value: object) -> int:
    """A due day of the month: ``15``, ``15号``, ``每月15日``, ``15th`` → 15 (range checked by the model)."""
    text = clean_text(value).lower().removeprefix("每月").removeprefix("day").strip()
    for suffix in _DAY_SUFFIXES:
        text = text.removesuffix(suffix)
    return parse_int(text.strip())


def parse_kind(value: object) -> DebtKind:
    text = clean_text(value)
    if not text:
        return DebtKind.OTHER
    kind = _KIND_WORDS.get(text.casefold())
    if kind is None:
        raise ParseError("unknown_kind", choices=", ".join(k.value for k in DebtKind))
    return kind


def _issue(row, column, value, code, **params) -> ValidationIssue:
    return ValidationIssue(row, column, clean_text(value) if not isinstance(value, str) else value,
                           code, tuple(params.items()))


def parse_debt_row(raw: Mapping[str, object], row: int | None = None) -> tuple[Debt | None, list[ValidationIssue]]:
    """One row of ``{field: value}`` (canonical field names) → a debt, or the issues."""
    issues: list[ValidationIssue] = []
    values: dict[str, object] = {}

    def read(col, parser, *, required=False, **kw):
        value = raw.get(col)
        if is_blank(value):
            if required:
                issues.append(_issue(row, col, "", "required"))
            return None
        try:
            return parser(value, **kw)
        except ParseError as e:
            issues.append(_issue(row, col, value, e.code, **e.params))
            return None

    values["name"] = name_text(free_text(raw.get("name")))
    if not values["name"]:
        issues.append(_issue(row, "name", "", "required"))
    values["kind"] = read("kind", parse_kind) or DebtKind.OTHER
    values["balance"] = read("balance", parse_amount, required=True)
    annual = read("annual_rate", parse_percent)
    daily = read("daily_rate", parse_percent, default_period="day")
    if annual is None and daily is None and not any(i.column in ("annual_rate", "daily_rate") for i in issues):
        issues.append(_issue(row, "annual_rate", "", "rate_missing"))
    elif annual is not None and daily is not None and not math.isclose(annual, daily, rel_tol=1e-3, abs_tol=0.01):
        issues.append(_issue(row, "daily_rate", raw.get("daily_rate"), "rate_conflict",
                             annual=f"{annual:g}", daily=clean_text(raw.get("daily_rate")), implied=f"{daily:g}"))
    values["annual_rate"] = annual if annual is not None else daily
    # a card-style minimum (percent of the balance) alone is enough: the fixed minimum is then 0
    has_pct = not is_blank(raw.get("min_payment_pct"))
    values["min_payment"] = read("min_payment", parse_amount)
    if values["min_payment"] is None and not has_pct and is_blank(raw.get("min_payment")):
        issues.append(_issue(row, "min_payment", "", "min_missing"))
    values["min_payment_pct"] = read("min_payment_pct", parse_percent) or 0.0
    if values["min_payment"] is None and has_pct and not any(i.column == "min_payment" for i in issues):
        values["min_payment"] = 0.0
    values["penalty_rate"] = read("penalty_rate", parse_percent)
    values["late_fee_pct"] = read("late_fee_pct", parse_percent) or 0.0
    values["overdue_days"] = read("overdue_days", parse_int) or 0
    values["arrears"] = read("arrears", parse_amount)
    values["official_channel"] = free_text(raw.get("official_channel"))
    values["notes"] = free_text(raw.get("notes"))
    values["due_day"] = read("due_day", parse_day_of_month)
    marks = assumed_fields(raw)
    if marks:
        values["assumed"] = tuple(f for f in ASSUMABLE if f in marks)
        values["assumed_basis"] = _stored_basis(raw) or assumed_basis(raw)
    # range checks on whatever did parse (placeholders stand in for the rest)
    reported = {i.column for i in issues}
    placeholders = {"balance": 1.0, "annual_rate": 0.0, "min_payment": 0.0}
    probe = Debt.__new__(Debt)
    for k, v in values.items():
        object.__setattr__(probe, k, placeholders[k] if v is None and k in placeholders else v)
    stand_ins = {k for k in placeholders if values.get(k) is None}
    issues += [replace(i, value=clean_text(raw.get(i.column)) or i.value)
               for i in validate_debt(probe, row) if i.column not in reported
               and not (i.code == "arrears_above_balance" and "balance" in stand_ins)]  # no cross-check on a stand-in
    if issues:
        return None, issues
    return Debt(**values), []


def parse_debt_rows(rows: Iterable[Mapping[str, object]], *, first_row: int = 1
                    ) -> tuple[list[Debt], list[ValidationIssue]]:
    """Parse every row; blank rows are skipped.  Returns ``(debts, issues)``.

    A row with any error yields no debt (its issues say why); duplicate names
    are reported on the later row, which is left out.
    """
    debts: list[Debt] = []
    issues: list[ValidationIssue] = []
    seen: dict[str, int] = {}
    from .models import name_key
    for i, raw in enumerate(rows, start=first_row):
        if all(is_blank(v) for v in raw.values()):
            continue
        debt, problems = parse_debt_row(raw, i)
        if problems:
            issues.extend(problems)
            continue
        key = name_key(debt.name)
        if key in seen:
            issues.append(_issue(i, "name", debt.name, "duplicate_name", first=seen[key]))
            continue
        seen[key] = i
        debts.append(debt)
    if not debts and not issues:
        issues.append(ValidationIssue(None, None, "", "no_debts"))
    return debts, issues


def debts_from_records(records: Sequence[Mapping[str, object]]) -> list[Debt]:
    """Strict: build debts from dicts (JSON, API) or raise :class:`InvalidInput` with every issue."""
    debts, issues = parse_debt_rows(records)
    issues += [i for i in check_portfolio(debts) if i.code != "duplicate_name"] if debts else []
    errors = [i for i in issues if i.is_error]
    if errors:
        raise InvalidInput(errors)
    return debts


# --------------------------------------------------------------------------- "不知道" → a stated assumption

UNKNOWN_WORDS = ("不知道", "不清楚", "不确定", "不记得", "忘了", "未知", "?", "？", "unknown", "don't know",
                 "dont know", "not sure", "n/a")
ASSUMED_FIELD = "assumed"          # raw-row column: "annual_rate=18.25;min_payment_pct=10" (plain text)
ASSUMABLE = ASSUMABLE_FIELDS


register_column_labels({ASSUMED_FIELD: ("按估计填写", "assumed")})

from .i18n import register  # noqa: E402

register({
    "assumed.mark": {"zh": "（估计）", "en": " (est.)"},      # next to an assumed value wherever it is shown
    "assumed.item.annual_rate": {"zh": "年利率 {value}%", "en": "annual rate {value} %"},
    "assumed.item.min_payment_pct": {"zh": "最低还款为余额的 {value}%", "en": "minimum {value} % of the balance"},
    "assumed.note": {"zh": "{name}：不知道的数值已按估计填写（{items}）。依据：{why}。这是估计，不是合同上的数字，请核对合同或账单后改成实际数字。",
                     "en": "{name}: the values you did not know are assumed ({items}). Basis: {why}. This is an "
                           "estimate, not the contract's figure: check the contract or statement and change it."},
})


def is_unknown(value: object) -> bool:
    """Did the person say they do not know (不知道, ?, unknown …)?"""
    return clean_text(value).casefold() in UNKNOWN_WORDS


def _marks(raw: Mapping[str, object]) -> dict[str, str]:
    marks = {}
    for part in clean_text(raw.get(ASSUMED_FIELD)).split(";"):
        field, sep, value = part.partition("=")
        if sep and field.strip() in ASSUMABLE:
            marks[field.strip()] = value.strip()
    return marks


def _stored_basis(raw: Mapping[str, object]) -> str:
    """``basis=<lender id>`` in the mark (written by :func:`assumed_mark`), when it names a catalogue lender."""
    from .lenders import lender_by_id
    for part in clean_text(raw.get(ASSUMED_FIELD)).split(";"):
        key, sep, value = part.partition("=")
        if sep and key.strip() == "basis" and lender_by_id(value.strip()) is not None:
            return value.strip()
    return ""


def assumed_fields(raw: Mapping[str, object]) -> dict[str, str]:
    """The fields of a raw row whose value is still the assumption made for "不知道" (``{field: value}``);
    a mark whose field was changed since is stale and not returned."""
    return {f: v for f, v in _marks(raw).items() if _same_value(raw.get(f), v)}


def _same_value(cell: object, mark: str) -> bool:
    """The cell still holds the assumed value (as typed, or the same number: ``10.0`` for a mark ``10``)."""
    if clean_text(cell) == mark:
        return True
    if is_blank(cell) or isinstance(cell, str):
        return False
    try:
        return math.isclose(parse_percent(cell), parse_percent(mark), rel_tol=0, abs_tol=1e-9)
    except ParseError:
        return False


def _source(raw: Mapping[str, object]):
    """``(kind, catalogue lender or None)`` whose typical terms stand in for this row's "不知道"."""
    from .lenders import assumption_source
    kind: DebtKind | None = None
    if not is_blank(raw.get("kind")):
        try:
            kind = parse_kind(raw.get("kind"))
        except ParseError:
            kind = DebtKind.OTHER
    return assumption_source(raw.get("name"), kind)


def _terms_for(raw: Mapping[str, object]):
    from .lenders import typical_terms
    return typical_terms(*_source(raw))


def assumed_basis(raw: Mapping[str, object]) -> str:
    """The catalogue id of the lender whose typical terms were assumed ('' → the kind's; see ``Debt.assumed_basis``)."""
    lender = _source(raw)[1]
    return lender.id if lender is not None else ""


def assume_unknowns(raw: Mapping[str, object]) -> dict[str, str]:
    """The row with every "不知道" rate or minimum replaced by the typical terms of its lender (catalogue)
    or kind, each marked in the ``assumed`` column; stale marks are dropped.

    A rate → ``annual_rate`` (and the daily rate cleared); a minimum (amount or percent) → ``min_payment_pct``
    with the fixed minimum left empty (a percentage alone is a valid minimum).
    """
    row = {k: ("" if v is None else v) for k, v in raw.items()}
    marks = assumed_fields(row)
    terms = None

    def assume(field: str, value: float) -> None:
        text = f"{value:g}"
        row[field] = text
        marks[field] = text

    annual, daily = row.get("annual_rate"), row.get("daily_rate")
    if is_unknown(annual) and not (is_blank(daily) or is_unknown(daily)):
        row["annual_rate"] = ""                       # the daily rate is known: it is the rate
    elif is_unknown(daily) and not (is_blank(annual) or is_unknown(annual)):
        row["daily_rate"] = ""
    elif is_unknown(annual) or is_unknown(daily):
        terms = terms or _terms_for(row)
        row["daily_rate"] = ""
        assume("annual_rate", terms.annual_rate)
    if is_unknown(row.get("min_payment")) or is_unknown(row.get("min_payment_pct")):
        terms = terms or _terms_for(row)
        if is_unknown(row.get("min_payment")):
            row["min_payment"] = ""
        if is_unknown(row.get("min_payment_pct")) or is_blank(row.get("min_payment_pct")):
            assume("min_payment_pct", terms.min_payment_pct)
    basis = _stored_basis(row) if terms is None and marks else ""    # kept while no new assumption is made
    row[ASSUMED_FIELD] = ";".join([f"{f}={v}" for f, v in sorted(marks.items())] + ([f"basis={basis}"] if basis else []))
    return row


def assumption_why(raw: Mapping[str, object], lang: str = "zh") -> str:
    """Why the assumed values were chosen (the typical terms' explanation), '' when nothing is assumed."""
    if not assumed_fields(raw):
        return ""
    from .lenders import lender_by_id
    stored = _stored_basis(raw)
    return (lender_by_id(stored).terms if stored else _terms_for(raw)).why(lang)


def debt_to_record(d: Debt) -> dict[str, object]:
    """A debt as ``{field: value}`` with the canonical field names (``None`` for unset); a debt with assumed
    values also has the ``assumed`` mark (``"annual_rate=18.25"``), so it reads back as assumed."""
    record: dict[str, object] = {
        "name": d.name, "kind": d.kind.value, "balance": d.balance, "annual_rate": d.annual_rate,
        "daily_rate": None, "min_payment": d.min_payment, "min_payment_pct": d.min_payment_pct,
        "penalty_rate": d.penalty_rate, "late_fee_pct": d.late_fee_pct, "overdue_days": d.overdue_days,
        "arrears": d.arrears, "official_channel": d.official_channel, "notes": d.notes,
        "due_day": d.due_day}
    if d.assumed:
        record[ASSUMED_FIELD] = assumed_mark(d)
    return record


def assumed_mark(d: Debt) -> str:
    """The raw-row ``assumed`` column for a debt: ``"annual_rate=18.25;min_payment_pct=10;basis=cmb_card"``
    (the basis: the catalogue lender whose typical terms were used; '' if nothing is assumed)."""
    marks = [f"{f}={getattr(d, f):g}" for f in sorted(d.assumed)]
    return ";".join(marks + ([f"basis={d.assumed_basis}"] if marks and d.assumed_basis else []))


def assumption_note(debt: Debt, lang: str = "zh") -> str:
    """One sentence a person reads wherever a debt with assumed values is used (CLI, PDF footnote):
    ``借呗：年利率按估计 24%（依据：…）。请核对合同，改成实际数字。`` ('' when nothing is assumed)."""
    from .i18n import t
    if not debt.assumed:
        return ""
    return t("assumed.note", lang, name=debt.name, items=assumed_items(debt, lang), why=debt.assumption_why(lang))


def assumed_items(debt: Debt, lang: str = "zh") -> str:
    """The assumed values in words: ``年利率 18.25%、最低还款为余额的 10%`` ('' when nothing is assumed)."""
    from .i18n import t
    items = [t(f"assumed.item.{f}", lang, value=f"{getattr(debt, f):g}") for f in ASSUMABLE if f in debt.assumed]
    return ("、" if lang != "en" else ", ").join(items)


__all__ = ["ASSUMABLE", "ASSUMED_FIELD", "DEBT_FIELDS", "REQUIRED_FIELDS", "UNKNOWN_WORDS", "ParseError",
           "assume_unknowns", "assumed_basis", "assumed_fields", "assumed_items", "assumed_mark", "assumption_note", "assumption_why", "is_unknown", "clean_text", "debt_to_record",
           "debts_from_records", "parse_amount", "parse_debt_row", "parse_debt_rows", "parse_int",
           "parse_day_of_month", "parse_kind", "parse_percent"]
