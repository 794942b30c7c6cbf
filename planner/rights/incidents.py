"""The collection-incident log: one :class:`Incident` per call, message or visit.

Input from a form or a CSV row is parsed by :func:`parse_incident_rows`, which
never raises on bad content: it returns the incidents it could build and one
:class:`IncidentIssue` (row, field, value, reason in zh/en) per problem, so the
user sees every mistake at once and keeps what they typed.  There is no clock
in here: "in the future" is judged against the ``today`` you pass.

Stable record format (used by storage; do not rename keys)
----------------------------------------------------------
:meth:`Incident.to_record` gives a JSON-safe dict, :meth:`Incident.from_record`
reads it back (strictly: :class:`IncidentRecordError` if it is not valid)::

    {"id": "a1b2c3d4e5f6", "lender": "某某贷", "date": "2026-03-05", "time": "23:10" | null,
     "channel": "call", "caller": "95xxx", "contact_role": "third_party",
     "relationship": "同事", "count": 1, "summary": "...", "tags": ["disclosure"],
     "evidence": ["rec_0305.m4a"]}

>>> from datetime import date
>>> inc, issues = parse_incident_row({"lender": "某某贷", "date": "2026-03-05", "time": "23:10",
...     "channel": "电话", "contact_role": "第三人", "relationship": "同事",
...     "summary": "告诉我同事我欠钱", "tags": "透露欠款"}, today=date(2026, 3, 6))
>>> issues, inc.tags, inc.is_third_party
([], ('disclosure',), True)
>>> Incident.from_record(inc.to_record()) == inc
True
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from ..i18n import register, t
from ..parsing import ParseError, clean_text, is_blank, parse_int
from .vocab import CHANNELS, ROLES, TAGS, choices, label, lookup

MAX_LENDER_LEN = 60
MAX_SHORT_LEN = 100          # caller number/account, relationship
MAX_SUMMARY_LEN = 2_000
MAX_EVIDENCE_ITEMS = 50
MAX_EVIDENCE_NAME_LEN = 200
MAX_COUNT = 500              # contacts one log line may stand for ("called 40 times")
MAX_INCIDENTS = 2_000

#: canonical field order (records, CSV columns, form)
INCIDENT_FIELDS = ("lender", "date", "time", "channel", "caller", "contact_role", "relationship",
                   "count", "summary", "tags", "evidence", "id")
REQUIRED = ("lender", "date", "channel", "contact_role", "summary")
LIST_SPLIT = re.compile(r"[;；|\n、,，]+")


@dataclass(frozen=True, slots=True)
class IncidentIssue:
    """One problem with one value (same shape as :class:`planner.ValidationIssue`)."""

    row: int | None
    column: str | None
    value: str
    code: str
    params: tuple[tuple[str, object], ...] = ()
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: str = "zh") -> str:
        reason = t(f"rights.issue.{self.code}", lang, value=self.value, **dict(self.params))
        if self.column is None and self.row is None:
            return reason
        column = field_label(self.column, lang) if self.column else ""
        if self.row is None:
            return t("rights.issue.where", lang, column=column) + reason
        return t("rights.issue.where_row", lang, row=self.row, column=column) + reason

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        return {"row": self.row, "column": self.column, "value": self.value, "code": self.code,
                "severity": self.severity, "message": self.message(lang)}


class IncidentRecordError(ValueError):
    """A stored record that is not a valid incident; ``issues`` says why."""

    def __init__(self, issues: Sequence[IncidentIssue]):
        self.issues = tuple(issues)
        super().__init__("; ".join(i.message("en") for i in self.issues))


def field_label(column: str | None, lang: str = "zh") -> str:
    key = f"rights.field.{column}"
    from ..i18n import has
    return t(key, lang) if column and has(key) else (column or "")


@dataclass(frozen=True, slots=True)
class Incident:
    """One contact by a collector.  ``time`` is local wall-clock time, ``None`` when unknown."""

    lender: str
    date: date
    channel: str
    contact_role: str
    summary: str
    time: time | None = None
    caller: str = ""
    relationship: str = ""
    count: int = 1
    tags: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    id: str = field(default="", compare=True)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", tuple(t_ for t_ in TAGS if t_ in set(self.tags)))
        object.__setattr__(self, "evidence", tuple(self.evidence))
        if not self.id:
            object.__setattr__(self, "id", self.content_id())

    def content_id(self) -> str:
        """A stable 12-hex id derived from the content (used when none was given)."""
        rec = self.to_record()
        rec.pop("id")
        return hashlib.sha1(json.dumps(rec, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:12]

    @property
    def is_third_party(self) -> bool:
        return self.contact_role != "borrower"

    @property
    def moment(self) -> datetime:
        return datetime.combine(self.date, self.time or time(0, 0))

    def who(self, lang: str = "zh") -> str:
        role = label(ROLES, self.contact_role, lang)
        return f"{role}（{self.relationship}）" if self.relationship and lang != "en" else \
            f"{role} ({self.relationship})" if self.relationship else role

    def to_record(self) -> dict[str, object]:
        """JSON-safe dict with the stable keys documented in the module docstring."""
        return {"id": self.id, "lender": self.lender, "date": self.date.isoformat(),
                "time": self.time.strftime("%H:%M") if self.time else None, "channel": self.channel,
                "caller": self.caller, "contact_role": self.contact_role, "relationship": self.relationship,
                "count": self.count, "summary": self.summary, "tags": list(self.tags),
                "evidence": list(self.evidence)}

    @classmethod
    def from_record(cls, record: Mapping[str, object], *, today: date | None = None) -> "Incident":
        """Strict inverse of :meth:`to_record`; ``today=None`` skips the future-date check."""
        inc, issues = parse_incident_row(record, today=today)
        if inc is None:
            raise IncidentRecordError(issues)
        return inc


# --------------------------------------------------------------------------- parsing

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def free_text(value: object) -> str:
    r"""User prose kept as typed (full-width punctuation too): only newlines unified,
    control and bidi-override characters dropped, ends stripped.

    >>> free_text("  他说：“不还就上门”\r\n第二句\x00 ")
    '他说：“不还就上门”\n第二句'
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def _split(value: object) -> list[str]:
    if isinstance(value, (list, tuple)):
        items = [clean_text(v) for v in value]
    else:
        items = [clean_text(v) for v in LIST_SPLIT.split(clean_text(value))]
    return [i for i in items if i]


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")


def parse_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean_text(value).replace(" ", "")
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ParseError("bad_date")


def parse_time(value: object) -> time:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = clean_text(value).replace("：", ":").replace("点", ":").rstrip("分").replace(" ", "")
    m = re.fullmatch(r"(\d{1,2}):(\d{1,2})?(?::\d{1,2})?", text) or re.fullmatch(r"(\d{1,2})()", text)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ParseError("bad_time")


def _issue(row, column, value, code, severity="error", **params) -> IncidentIssue:
    text = value if isinstance(value, str) else (", ".join(map(str, value)) if isinstance(value, (list, tuple))
                                                 else clean_text(value))
    return IncidentIssue(row, column, text[:80], code, tuple(params.items()), severity)


def parse_incident_row(raw: Mapping[str, object], row: int | None = None, *, today: date | None
                       ) -> tuple[Incident | None, list[IncidentIssue]]:
    """One ``{field: value}`` row → an incident, or the issues that stop it.

    Values may be text as typed (CSV, form) or already typed (``date``, lists).
    ``today=None`` disables the future-date check (only for trusted records).
    """
    issues: list[IncidentIssue] = []
    v: dict[str, object] = {}
    for col in REQUIRED:
        if is_blank(raw.get(col)):
            issues.append(_issue(row, col, "", "required"))
    for col, limit in (("lender", MAX_LENDER_LEN), ("caller", MAX_SHORT_LEN), ("relationship", MAX_SHORT_LEN),
                       ("summary", MAX_SUMMARY_LEN)):
        text = clean_text(raw.get(col)) if col == "lender" else free_text(raw.get(col))
        if col != "summary":
            text = " ".join(text.split())        # one-line fields
        if len(text) > limit:
            issues.append(_issue(row, col, text, "too_long", limit=limit))
        v[col] = text
    raw_date, raw_time = raw.get("date"), raw.get("time")
    if isinstance(raw_date, str) and is_blank(raw_time):      # "2026-03-05 23:10" in one cell
        m = re.fullmatch(r"\s*(\S+)[\sT]+(\d{1,2}[:：]\d{1,2}(?::\d{1,2})?)\s*", raw_date)
        if m:
            raw_date, raw_time = m.group(1), m.group(2)
    for col, value, parser in (("date", raw_date, parse_date), ("time", raw_time, parse_time)):
        if value is None or (isinstance(value, str) and is_blank(value)):
            v[col] = None
            continue
        try:
            v[col] = parser(value)
        except ParseError as e:
            issues.append(_issue(row, col, value, e.code))
            v[col] = None
    if v["date"] is not None:
        if today is not None and v["date"] > today:
            issues.append(_issue(row, "date", v["date"].isoformat(), "future_date", today=today.isoformat()))
        elif v["date"].year < 2000:
            issues.append(_issue(row, "date", v["date"].isoformat(), "date_too_old"))
    for col, terms in (("channel", CHANNELS), ("contact_role", ROLES)):
        text = clean_text(raw.get(col))
        v[col] = lookup(terms, text) if text else None
        if text and v[col] is None:
            issues.append(_issue(row, col, text, "unknown_term", choices=choices(terms)))
    if v["contact_role"] in ("agreed_contact", "third_party") and not v["relationship"]:
        issues.append(_issue(row, "relationship", "", "relationship_required"))
    count_raw = raw.get("count")
    v["count"] = 1
    if not is_blank(count_raw):
        try:
            v["count"] = parse_int(count_raw)
            if not 1 <= v["count"] <= MAX_COUNT:
                issues.append(_issue(row, "count", count_raw, "count_range", limit=MAX_COUNT))
        except ParseError:
            issues.append(_issue(row, "count", count_raw, "count_range", limit=MAX_COUNT))
    tags = []
    for text in _split_tags(raw.get("tags")):
        tag = lookup(TAGS, text)
        if tag is None:
            issues.append(_issue(row, "tags", text, "unknown_term", choices=choices(TAGS)))
        else:
            tags.append(tag)
    v["tags"] = tuple(tags)
    evidence = _split_evidence(raw.get("evidence"))
    if len(evidence) > MAX_EVIDENCE_ITEMS:
        issues.append(_issue(row, "evidence", str(len(evidence)), "too_many_files", limit=MAX_EVIDENCE_ITEMS))
    for name in evidence:
        if len(name) > MAX_EVIDENCE_NAME_LEN:
            issues.append(_issue(row, "evidence", name, "too_long", limit=MAX_EVIDENCE_NAME_LEN))
    v["evidence"] = tuple(dict.fromkeys(evidence))
    v["id"] = clean_text(raw.get("id"))
    if len(v["id"]) > 64:
        issues.append(_issue(row, "id", v["id"], "too_long", limit=64))
    if any(i.is_error for i in issues):
        return None, issues
    return Incident(**v), issues


def _split_tags(value: object) -> list[str]:
    """Tags split on ; | newline; a piece that is not a tag is split again on commas and 、
    (English labels contain commas, people also type "威胁,辱骂")."""
    out = []
    for piece in _split_evidence(value):
        out += [piece] if lookup(TAGS, piece) else [x for x in _split(piece)]
    return out


def _split_evidence(value: object) -> list[str]:
    # file names may contain commas or 、; only ; ； | and newlines separate them
    if isinstance(value, (list, tuple)):
        items = [clean_text(x) for x in value]
    else:
        items = [clean_text(x) for x in re.split(r"[;；|\n]+", clean_text(value))]
    return [i for i in items if i]


def parse_incident_rows(rows: Iterable[Mapping[str, object]], *, today: date | None, first_row: int = 1
                        ) -> tuple[list[Incident], list[IncidentIssue]]:
    """Parse every non-blank row; returns ``(incidents, issues)`` (rows with an error are left out)."""
    incidents: list[Incident] = []
    issues: list[IncidentIssue] = []
    seen: set[str] = set()
    for i, raw in enumerate(rows, start=first_row):
        if all(is_blank(x) if not isinstance(x, (list, tuple, date, time)) else not x for x in raw.values()):
            continue
        if len(incidents) >= MAX_INCIDENTS:
            issues.append(_issue(None, None, "", "too_many_incidents", limit=MAX_INCIDENTS))
            break
        inc, problems = parse_incident_row(raw, i, today=today)
        issues.extend(problems)
        if inc is None:
            continue
        if inc.id in seen:
            issues.append(_issue(i, "id", inc.id, "duplicate_incident", severity="warning"))
            continue
        seen.add(inc.id)
        incidents.append(inc)
    return incidents, issues


def incidents_from_records(records: Sequence[Mapping[str, object]]) -> list[Incident]:
    """Strict loader for stored records (storage): raises :class:`IncidentRecordError` on any error."""
    incidents: list[Incident] = []
    errors: list[IncidentIssue] = []
    for i, record in enumerate(records, start=1):
        inc, issues = parse_incident_row(record, i, today=None)
        errors += [x for x in issues if x.is_error]
        if inc is not None:
            incidents.append(inc)
    if errors:
        raise IncidentRecordError(errors)
    return incidents


def incident_to_row(inc: Incident, lang: str = "zh") -> dict[str, str]:
    """Text cells as a person would type them (labels in ``lang``), for forms and CSV."""
    sep = "; "
    return {"lender": inc.lender, "date": inc.date.isoformat(),
            "time": inc.time.strftime("%H:%M") if inc.time else "",
            "channel": label(CHANNELS, inc.channel, lang), "caller": inc.caller,
            "contact_role": label(ROLES, inc.contact_role, lang), "relationship": inc.relationship,
            "count": str(inc.count), "summary": inc.summary,
            "tags": sep.join(label(TAGS, x, lang) for x in inc.tags),
            "evidence": sep.join(inc.evidence), "id": inc.id}


register({
    "rights.field.lender": {"zh": "机构", "en": "lender"},
    "rights.field.date": {"zh": "日期", "en": "date"},
    "rights.field.time": {"zh": "时间", "en": "time"},
    "rights.field.channel": {"zh": "方式", "en": "channel"},
    "rights.field.caller": {"zh": "来电号码/账号", "en": "number/account used"},
    "rights.field.contact_role": {"zh": "被联系人", "en": "who was contacted"},
    "rights.field.relationship": {"zh": "与您的关系", "en": "relationship"},
    "rights.field.count": {"zh": "次数", "en": "count"},
    "rights.field.summary": {"zh": "对方说了什么", "en": "what was said"},
    "rights.field.tags": {"zh": "标签", "en": "tags"},
    "rights.field.evidence": {"zh": "证据文件", "en": "evidence"},
    "rights.field.id": {"zh": "编号", "en": "id"},
    "rights.issue.where_row": {"zh": "第{row}行 {column}：", "en": "row {row} {column}: "},
    "rights.issue.where": {"zh": "{column}：", "en": "{column}: "},
    "rights.issue.required": {"zh": "必填，不能为空", "en": "is required"},
    "rights.issue.too_long": {"zh": "内容过长（最多{limit}个字）", "en": "is too long (at most {limit} characters)"},
    "rights.issue.bad_date": {"zh": "'{value}' 不是有效日期（例如 2026-03-05）",
                              "en": "'{value}' is not a valid date (e.g. 2026-03-05)"},
    "rights.issue.bad_time": {"zh": "'{value}' 不是有效时间（例如 23:10）",
                              "en": "'{value}' is not a valid time (e.g. 23:10)"},
    "rights.issue.future_date": {"zh": "'{value}' 在今天（{today}）之后，不能记录未来的事",
                                 "en": "'{value}' is after today ({today}): an incident cannot be in the future"},
    "rights.issue.date_too_old": {"zh": "'{value}' 太早，请检查年份", "en": "'{value}' is too early: check the year"},
    "rights.issue.unknown_term": {"zh": "'{value}' 不是可选项（{choices}）",
                                  "en": "'{value}' is not one of the choices ({choices})"},
    "rights.issue.relationship_required": {
        "zh": "联系的是他人时，请写明对方与您的关系（如：同事、母亲）",
        "en": "when someone else was contacted, say who they are to you (e.g. colleague, mother)"},
    "rights.issue.count_range": {"zh": "'{value}' 必须是 1 到 {limit} 之间的整数",
                                 "en": "'{value}' must be a whole number from 1 to {limit}"},
    "rights.issue.too_many_files": {"zh": "证据文件过多（最多{limit}个）",
                                    "en": "too many evidence files (at most {limit})"},
    "rights.issue.file_too_large": {"zh": "文件 '{value}' 过大（{size}，上限 {limit}）",
                                    "en": "file '{value}' is too large ({size}; limit {limit})"},
    "rights.issue.empty_evidence": {"zh": "文件 '{value}' 是空的", "en": "file '{value}' is empty"},
    "rights.issue.bad_file_name": {"zh": "文件名 '{value}' 无效", "en": "file name '{value}' is not usable"},
    "rights.issue.encoding_assumed": {"zh": "文件按 {encoding} 编码读取，但看起来像其他编码（如日文 Shift-JIS），内容可能是乱码。"
                                            "请另存为 UTF-8 后重新导入。",
                                      "en": "the file was read as {encoding}, but it looks like another encoding "
                                            "(e.g. Japanese Shift-JIS): the text may be garbled. Save it as UTF-8 "
                                            "and import again."},
    "rights.issue.cannot_store": {"zh": "文件 '{value}' 无法保存到本机（{reason}）；记录本身已保存",
                                  "en": "file '{value}' could not be kept on this computer ({reason}); the record "
                                        "itself is saved"},
    "rights.issue.too_many_incidents": {"zh": "记录过多（最多{limit}条）", "en": "too many incidents (at most {limit})"},
    "rights.issue.duplicate_incident": {"zh": "与前面的记录重复（已跳过）",
                                        "en": "repeats an earlier incident (skipped)"},
})

register({
    "rights.issue.csv_too_large": {"zh": "文件过大（最大 {limit}）", "en": "the file is too large (at most {limit})"},
    "rights.issue.bad_encoding": {"zh": "无法识别文件编码（支持 UTF-8、带BOM的UTF-8、GBK/GB18030）",
                                  "en": "cannot read the file's encoding (UTF-8, UTF-8 with BOM and GBK/GB18030 work)"},
    "rights.issue.not_csv": {"zh": "无法解析为CSV（第{line}行附近：引号不成对或换行不对）",
                             "en": "not a readable CSV (near line {line}: unbalanced quotes or a stray line break)"},
    "rights.issue.empty_log": {"zh": "文件是空的，没有任何记录", "en": "the file is empty: no incidents found"},
    "rights.issue.unknown_column": {"zh": "无法识别的列 '{value}'（已忽略）",
                                    "en": "unrecognised column '{value}' (ignored)"},
    "rights.issue.duplicate_column": {"zh": "列 '{value}' 出现多次", "en": "column '{value}' appears more than once"},
    "rights.issue.missing_column": {"zh": "缺少必需的列：{value}", "en": "a required column is missing: {value}"},
})
