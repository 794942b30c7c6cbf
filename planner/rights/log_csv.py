"""Import and export the incident log as CSV (Chinese or English headers).

Reads UTF-8, UTF-8 with a BOM and GBK/GB18030 like :mod:`planner.csv_io`;
writes UTF-8 with a BOM so Excel opens Chinese text correctly.  Bad content
never raises: :func:`read_incidents_csv` returns what it could build, every
issue (row, column, value, reason) and the rows exactly as typed.

>>> from datetime import date
>>> inc = Incident("某某贷", date(2026, 3, 5), "call", "borrower", "催我还款", count=4)
>>> back = read_incidents_csv(write_incidents_csv([inc], lang="en"), today=date(2026, 3, 6))
>>> back.incidents == [inc], back.issues
(True, [])
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..csv_io import MAX_FILE_BYTES, cells_to_fields, looks_garbled, map_header, norm_header, read_text
from ..escape import csv_cell, csv_unescape
from .incidents import INCIDENT_FIELDS, Incident, IncidentIssue, incident_to_row, parse_incident_rows

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "lender": ("lender", "platform", "creditor", "机构", "平台", "贷款平台", "债权人", "催收机构", "名称"),
    "date": ("date", "day", "日期", "时间日期", "发生日期"),
    "time": ("time", "时间", "几点", "发生时间"),
    "channel": ("channel", "方式", "渠道", "联系方式", "催收方式"),
    "caller": ("caller", "number", "number/account", "account", "number/account used", "来电号码", "号码",
               "来电号码/账号", "账号", "对方号码"),
    "contact_role": ("contact_role", "contacted", "who", "who was contacted", "被联系人", "联系对象", "对象"),
    "relationship": ("relationship", "关系", "与您的关系", "与本人关系"),
    "count": ("count", "times", "次数", "通话次数"),
    "summary": ("summary", "what was said", "content", "description", "对方说了什么", "内容", "经过", "说了什么",
                "描述"),
    "tags": ("tags", "tag", "标签", "问题类型"),
    "evidence": ("evidence", "files", "证据", "证据文件", "附件"),
    "id": ("id", "编号"),
}
ZH_HEADERS = {"lender": "机构", "date": "日期", "time": "时间", "channel": "方式", "caller": "来电号码/账号",
              "contact_role": "被联系人", "relationship": "与您的关系", "count": "次数",
              "summary": "对方说了什么", "tags": "标签", "evidence": "证据文件", "id": "编号"}


_LOOKUP = {norm_header(a): f for f, aliases in HEADER_ALIASES.items() for a in aliases}


@dataclass
class IncidentImport:
    incidents: list[Incident]
    issues: list[IncidentIssue]
    rows: list[dict[str, str]] = field(default_factory=list)   # field -> text as typed
    encoding: str | None = None

    @property
    def errors(self) -> list[IncidentIssue]:
        return [i for i in self.issues if i.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def _file_issue(code: str, value: str = "", severity: str = "error", **params) -> IncidentIssue:
    return IncidentIssue(None, None, value, code, tuple(params.items()), severity)


def read_incidents_csv(source: bytes | str | Path, *, today: date | None) -> IncidentImport:
    """Read an incident-log CSV (bytes, text or a path); ``today`` rejects future dates."""
    text, encoding, problem = read_text(source)
    if problem == "too_large":
        return IncidentImport([], [_file_issue("csv_too_large", limit=f"{MAX_FILE_BYTES // 2**20} MB")])
    if problem:
        return IncidentImport([], [_file_issue("bad_encoding")], encoding=encoding)
    first = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter)   # CR, LF or CRLF lines
    try:
        table = [[csv_unescape(c) for c in r] for r in reader]
    except csv.Error:
        return IncidentImport([], [_file_issue("not_csv", line=reader.line_num)], encoding=encoding)
    table = [r for r in table if any(c.strip() for c in r)]
    if not table:
        return IncidentImport([], [_file_issue("empty_log")], encoding=encoding)
    header, body = table[0], table[1:]
    issues: list[IncidentIssue] = [_file_issue("encoding_assumed", severity="warning", encoding="GB18030/GBK")] \
        if encoding == "gb18030" and looks_garbled(text) else []
    columns, header_issues = map_header(header, _LOOKUP, _file_issue)
    issues += header_issues
    missing = [f for f in ("lender", "date", "channel", "summary") if f not in columns]
    if missing:
        issues += [_file_issue("missing_column", f"{ZH_HEADERS[f]} / {f}") for f in missing]
        return IncidentImport([], issues, encoding=encoding)
    rows = cells_to_fields(body, columns, INCIDENT_FIELDS)
    if "contact_role" not in columns:
        for rec in rows:
            rec["contact_role"] = "borrower"
    incidents, row_issues = parse_incident_rows(rows, today=today)
    if not rows:
        issues.append(_file_issue("empty_log"))
    return IncidentImport(incidents, issues + row_issues, rows, encoding)


def write_incidents_csv(incidents: Sequence[Incident], *, lang: str = "zh", bom: bool = True) -> bytes:
    """CSV bytes; ``read_incidents_csv(write_incidents_csv(log)).incidents == log``."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([ZH_HEADERS[f] if lang == "zh" else f for f in INCIDENT_FIELDS])
    for inc in incidents:
        row = incident_to_row(inc, lang)
        w.writerow([csv_cell(row[f]) for f in INCIDENT_FIELDS])
    return (("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8")
