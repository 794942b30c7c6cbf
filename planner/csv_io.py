"""Read and write portfolios as CSV, with English or Chinese headers.

Files saved by Excel in China are often GBK/GB18030 or UTF-8 with a BOM; all
three are read.  :func:`read_debts_csv` never raises on bad content: it returns
a :class:`CsvImport` with the debts it could build, every issue found, and the
raw rows exactly as typed (so a UI can show them back for correction).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .escape import csv_cell, csv_unescape
from .models import Debt, ValidationIssue
from .parsing import DEBT_FIELDS, REQUIRED_FIELDS, assume_unknowns, clean_text, debt_to_record, parse_debt_rows

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 500

# canonical field -> accepted header spellings (compared after normalising)
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "lender", "platform", "名称", "平台", "平台名称", "贷款平台", "机构", "债权人", "出借人"),
    "kind": ("kind", "type", "类型", "种类", "债务类型"),
    "balance": ("balance", "amount", "principal", "余额", "欠款", "欠款金额", "剩余本金", "待还金额", "金额", "剩余欠款"),
    "annual_rate": ("annual_rate", "annual rate", "rate", "apr", "年利率", "年化利率", "利率", "年化"),
    "daily_rate": ("daily_rate", "daily rate", "日利率", "日息"),
    "min_payment": ("min_payment", "minimum payment", "monthly payment", "最低还款", "月供", "每月应还", "最低还款额",
                    "月还款", "每期还款"),
    "min_payment_pct": ("min_payment_pct", "minimum payment %", "最低还款比例", "最低还款百分比"),
    "penalty_rate": ("penalty_rate", "penalty rate", "罚息", "罚息利率", "罚息年利率", "逾期利率"),
    "late_fee_pct": ("late_fee_pct", "late fee %", "late fee", "违约金", "违约金比例", "滞纳金", "滞纳金比例"),
    "overdue_days": ("overdue_days", "days overdue", "逾期天数", "逾期"),
    "arrears": ("arrears", "overdue amount", "逾期金额", "拖欠金额", "已逾期金额"),
    "official_channel": ("official_channel", "official channel", "官方渠道", "官方客服", "客服渠道", "协商渠道"),
    "notes": ("notes", "note", "备注", "说明"),
    "due_day": ("due_day", "due day", "payment day", "day due", "还款日", "每月还款日", "到期还款日"),
    # written by write_debts_csv for debts with values assumed for "不知道" (planner.parsing.ASSUMED_FIELD)
    "assumed": ("assumed", "按估计填写"),
}

ZH_HEADERS = {"name": "名称", "kind": "类型", "balance": "余额", "annual_rate": "年利率", "daily_rate": "日利率",
              "min_payment": "最低还款", "min_payment_pct": "最低还款比例", "penalty_rate": "罚息年利率",
              "late_fee_pct": "违约金比例", "overdue_days": "逾期天数", "arrears": "逾期金额",
              "official_channel": "官方渠道", "notes": "备注", "due_day": "还款日", "assumed": "按估计填写"}


def norm_header(text: str) -> str:
    """A CSV header as compared with the known aliases (debts, payments, incident log): NFKC, case-folded,
    units in brackets dropped, runs of spaces/underscores one space."""
    text = clean_text(text).casefold()
    text = re.sub(r"[(（\[【].*?[)）\]】]", "", text)   # drop units: 余额(元), rate (%)
    return re.sub(r"[\s_]+", " ", text).strip()


_LOOKUP = {norm_header(alias): f for f, aliases in HEADER_ALIASES.items() for alias in aliases}


def header_field(header: str) -> str | None:
    """The canonical field a header names, or ``None``."""
    return _LOOKUP.get(norm_header(header))


Issue = TypeVar("Issue")


def map_header(header: Sequence[str], lookup: Mapping[str, str],
               issue: Callable[..., Issue]) -> tuple[list[str | None], list[Issue]]:
    """The field each header cell names (``lookup``: :func:`norm_header` of an alias -> field), with the
    problems: a warning per unknown header, an error per repeat of a field (that column is then ignored).
    A blank header cell (Excel's trailing empty columns) is ignored without a word.
    ``issue(code, value, severity=...)`` builds a problem (debts, payments and incident log have their own).

    >>> cols, problems = map_header(["名称", "Name", "颜色", "", ""], {"名称": "name", "name": "name"},
    ...                             lambda code, value, severity="error": (code, value, severity))
    >>> cols, problems
    (['name', None, None, None, None], [('duplicate_column', 'Name', 'error'), ('unknown_column', '颜色', 'warning')])
    """
    columns: list[str | None] = []
    issues: list[Issue] = []
    for h in header:
        f = lookup.get(norm_header(h))
        if f is None:
            if h.strip():
                issues.append(issue("unknown_column", h.strip(), severity="warning"))
        elif f in columns:
            issues.append(issue("duplicate_column", h.strip()))
            f = None
        columns.append(f)
    return columns, issues


def cells_to_fields(body: Iterable[Sequence[str]], columns: Sequence[str | None], fields: Sequence[str],
                    cell: Callable[[str], str] | None = None) -> list[dict[str, str]]:
    """Each row as ``{field: text}`` over ``fields`` ("" where the file has no such column or the row is
    short); cells under ignored columns (``None``) and beyond the header are dropped; ``cell`` transforms
    each kept cell (e.g. :func:`planner.escape.csv_unescape`).

    >>> cells_to_fields([["a", "x", "1"], ["b"]], ["name", None, "n"], ["name", "n", "note"])
    [{'name': 'a', 'n': '1', 'note': ''}, {'name': 'b', 'n': '', 'note': ''}]
    """
    rows = []
    for r in body:
        rec = dict.fromkeys(fields, "")
        for f, text in zip(columns, r):
            if f is not None:
                rec[f] = cell(text) if cell else text
        rows.append(rec)
    return rows


@dataclass
class CsvImport:
    debts: list[Debt]
    issues: list[ValidationIssue]
    rows: list[dict[str, str]] = field(default_factory=list)   # canonical field -> text as typed
    encoding: str | None = None

    @property
    def errors(self) -> list[ValidationIssue]:
        return [i for i in self.issues if i.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def decode(data: bytes) -> tuple[str, str] | None:
    """Decode CSV bytes as UTF-8 (with or without BOM) or GB18030 (⊇ GBK)."""
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return None


def read_text(source: bytes | str | Path) -> tuple[str, str | None, str | None]:
    """A CSV upload (bytes, text or a path) as ``(text, encoding, problem)``.

    ``problem`` is ``None``, ``"too_large"`` (over :data:`MAX_FILE_BYTES`) or ``"bad_encoding"`` (neither
    UTF-8 nor GB18030, or binary); ``encoding`` is ``None`` for text given as text.

    >>> read_text("\\ufeff名称,余额".encode("utf-8")), read_text("名称".encode("gbk"))[1:], read_text("a\\x00b")[2]
    (('名称,余额', 'utf-8-sig', None), ('gb18030', None), 'bad_encoding')
    """
    if isinstance(source, Path):
        source = source.read_bytes()
    encoding = None
    if isinstance(source, bytes):
        if len(source) > MAX_FILE_BYTES:
            return "", None, "too_large"
        decoded = decode(source)
        if decoded is None:
            return "", None, "bad_encoding"
        text, encoding = decoded
    else:
        text = source.lstrip("\ufeff")
    if "\x00" in text:
        return "", encoding, "bad_encoding"
    return text, encoding, None


def looks_garbled(text: str) -> bool:
    """Text read as GB18030 that is probably another encoding (Shift-JIS, Big5…): real simplified-Chinese
    text is almost all GB2312 characters; another encoding read as GB18030 lands mostly outside it."""
    wide = [c for c in text if ord(c) > 0x7F]
    if len(wide) < 4:
        return False
    outside = 0
    for c in wide:
        try:
            c.encode("gb2312")
        except UnicodeEncodeError:
            outside += 1
    return outside * 3 > len(wide)


def _file_issue(code: str, value: str = "", severity: str = "error", **params) -> ValidationIssue:
    return ValidationIssue(None, None, value, code, tuple(params.items()), severity)


def read_debts_csv(source: bytes | str | Path) -> CsvImport:
    """Read a portfolio CSV (bytes, text, or a path)."""
    text, encoding, problem = read_text(source)
    if problem == "too_large":
        return CsvImport([], [_file_issue("file_too_large", limit=f"{MAX_FILE_BYTES // 1024 // 1024} MB")])
    if problem:
        return CsvImport([], [_file_issue("bad_encoding")], encoding=encoding)
    if not text.strip():
        return CsvImport([], [_file_issue("empty_file")], encoding=encoding)
    first = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first.count)   # Excel writes ',' (or tab for "Unicode text")
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter)   # CR, LF or CRLF lines
    try:
        table = [[csv_unescape(c) for c in r] for r in reader]
    except csv.Error:
        return CsvImport([], [_file_issue("not_csv", line=reader.line_num)], encoding=encoding)
    file_issues = [_file_issue("encoding_assumed", severity="warning", encoding="GB18030/GBK")] \
        if encoding == "gb18030" and looks_garbled(text) else []
    table = [r for r in table if any(c.strip() for c in r)]
    if not table:
        return CsvImport([], [_file_issue("empty_file")], encoding=encoding)
    header, body = table[0], table[1:]
    issues: list[ValidationIssue] = file_issues
    width = len(header)
    extra = [n for n, r in enumerate(body, start=1) if any(c.strip() for c in r[width:])]
    if extra:
        shown = ", ".join(map(str, extra[:10])) + ("…" if len(extra) > 10 else "")
        issues.append(_file_issue("extra_cells", severity="warning", rows=shown, columns=width))
    columns, header_issues = map_header(header, _LOOKUP, _file_issue)
    issues += header_issues
    missing = [f for f in REQUIRED_FIELDS if f not in columns]
    if "annual_rate" not in columns and "daily_rate" not in columns:
        missing.append("annual_rate")
    if missing:
        from .models import column_label
        for f in missing:
            issues.append(_file_issue("missing_column", f"{column_label(f, 'zh')} / {f}"))
        return CsvImport([], issues, encoding=encoding)
    if len(body) > MAX_ROWS:
        issues.append(_file_issue("too_many_rows", limit=MAX_ROWS))
        body = body[:MAX_ROWS]
    rows = cells_to_fields(body, columns, DEBT_FIELDS)
    if not rows:
        issues.append(_file_issue("empty_file"))
        return CsvImport([], issues, rows, encoding)
    # "不知道" for a rate or a minimum: the same stated assumption as the dashboard's debt cards, marked on
    # the debt (Debt.assumed); ``rows`` stay as typed
    debts, row_issues = parse_debt_rows([assume_unknowns(r) for r in rows])
    return CsvImport(debts, issues + row_issues, rows, encoding)


def cell_text(value: object) -> str:
    """A cell as text the way a person would type it: ``None`` → ``""``, ``1200.0`` → ``"1200"``.

    >>> cell_text(None), cell_text(1200.0), cell_text(0.05), cell_text("1.5万")
    ('', '1200', '0.05', '1.5万')
    """
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def write_debts_csv(debts: Sequence[Debt], *, lang: str = "zh", bom: bool = True) -> bytes:
    """CSV bytes (UTF-8, with a BOM by default so Excel opens Chinese correctly).

    ``read_debts_csv(write_debts_csv(debts)).debts == debts`` for any valid portfolio.
    """
    fields = [f for f in DEBT_FIELDS if f != "daily_rate"] + (["assumed"] if any(d.assumed for d in debts) else [])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([ZH_HEADERS[f] if lang == "zh" else f for f in fields])
    for d in debts:
        rec = debt_to_record(d)
        rec["kind"] = d.kind.label(lang)          # 网络贷款, not the code online_loan (read back by parse_kind)
        w.writerow([csv_cell(cell_text(rec.get(f))) for f in fields])
    return (("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8")
