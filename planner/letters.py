"""Phone scripts, written applications (协商还款申请书) and a message to family, from Jinja2 templates.

Templates live in ``planner/templates/negotiation/<doc>.<lang>.md.j2`` and are
filled with the plan's real figures.  **Every value a template prints is
escaped** unless it is marked safe here (:class:`markupsafe.Markup`: numbers,
dates and citations the planner formatted itself).  User-entered text (the
borrower's name, hardship, contact, lender names, channels) is escaped for the
output format:

* ``fmt="md"`` (default): control characters removed, line breaks collapsed,
  Markdown/HTML punctuation backslash-escaped (no injected headings, links,
  tables or tags);
* ``fmt="txt"``: control characters removed and line breaks collapsed (no
  injected lines), text otherwise as typed.

Legal citations come only from :func:`planner.legal.cite`, which refuses any
source that is not verified.

>>> from datetime import date
>>> from planner import Debt
>>> from planner.negotiation import propose
>>> plan = propose([Debt("借呗", balance=6000, annual_rate=18, min_payment=600, kind="online_loan")],
...                1000, start=date(2027, 3, 1))
>>> text = render_script(plan, "借呗", "en", BorrowerProfile(name="**Li** <b>"))
>>> "\\\\*\\\\*Li\\\\*\\\\* \\\\<b\\\\>" in text, "<b>" in text
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup

from . import legal
from .apr import flag_cost
from .i18n import format_date, format_money, format_pct, normalize_lang, register, t
from .models import MAX_TEXT_LEN, DebtKind
from .negotiation.plan import NegotiationPlan, ProposalLine

HARDSHIPS = ("job_loss", "illness", "business_failure", "reduced_income", "other")
FORMATS = ("md", "txt")

# Which verified sources support a request, by kind of lender (data, not an if-chain).
KIND_CITATIONS: dict[DebtKind, tuple[str, ...]] = {
    DebtKind.CREDIT_CARD: ("card_rules_70", "card_notice_2022"),
    DebtKind.ONLINE_LOAN: ("civil_code_678", "civil_code_585"),
    DebtKind.CONSUMER_FINANCE: ("civil_code_678", "civil_code_585"),
    DebtKind.BANK_LOAN: ("civil_code_678", "civil_code_585"),
    DebtKind.PRIVATE_LOAN: ("civil_code_678",),
    DebtKind.OTHER: ("civil_code_678", "civil_code_585"),
}
THIRD_PARTY_CITATIONS = ("gbt_45251_2025", "cba_collection_2026")
PRIVACY_CITATIONS = ("civil_code_1033", "pipl_44")

register({
    "neg.hardship.job_loss": {"zh": "失业", "en": "job loss"},
    "neg.hardship.illness": {"zh": "生病/医疗支出", "en": "illness and medical costs"},
    "neg.hardship.business_failure": {"zh": "经营失败", "en": "business failure"},
    "neg.hardship.reduced_income": {"zh": "收入减少", "en": "reduced income"},
    "neg.hardship.other": {"zh": "其他原因", "en": "other reasons"},
    "neg.doc.script": {"zh": "电话协商话术", "en": "Phone script"},
    "neg.doc.application": {"zh": "协商还款申请书", "en": "Repayment negotiation application"},
    "neg.doc.family": {"zh": "给家人朋友的说明", "en": "Message to family and friends"},
})


@dataclass(frozen=True)
class BorrowerProfile:
    """Who writes: all optional, a pseudonym is fine; nothing here is stored by the planner."""

    name: str = ""
    hardship: str = "reduced_income"
    hardship_detail: str = ""
    contact: str = ""

    def __post_init__(self) -> None:
        if self.hardship not in HARDSHIPS:
            raise ValueError(f"hardship must be one of {HARDSHIPS}, not {self.hardship!r}")
        for field_name in ("name", "hardship_detail", "contact"):
            value = getattr(self, field_name)
            if not isinstance(value, str):
                raise ValueError(f"{field_name} must be text")
            if len(value) > MAX_TEXT_LEN:
                object.__setattr__(self, field_name, value[:MAX_TEXT_LEN])


# ----------------------------------------------------------------------------- escaping

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&\"'])")


def clean_text(value: object) -> str:
    """Drop control/bidi characters and collapse every run of whitespace (line breaks too) to one space."""
    return " ".join(_CONTROL.sub("", str(value)).split())


def escape_md(value: object) -> str:
    r"""Escape user text for Markdown: every punctuation mark that could format is backslash-escaped.

    >>> escape_md("# [x](http://a) <b>\n- y")
    '\\# \\[x\\]\\(http://a\\) \\<b\\> \\- y'
    """
    return _MD_SPECIAL.sub(r"\\\1", clean_text(value))


_ESCAPERS = {"md": escape_md, "txt": clean_text}


@cache
def _env(fmt: str) -> jinja2.Environment:
    escaper = _ESCAPERS[fmt]

    def finalize(value: object) -> object:
        if isinstance(value, Markup):
            return str(value)
        if value is None:
            return ""
        return escaper(value)

    loader = jinja2.FunctionLoader(_load_template)
    return jinja2.Environment(loader=loader, autoescape=False, finalize=finalize, keep_trailing_newline=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _load_template(name: str) -> str | None:
    path = resources.files("planner").joinpath("templates", "negotiation", name)
    return path.read_text("utf-8") if path.is_file() else None


# ----------------------------------------------------------------------------- context

def _safe(text: str) -> Markup:
    return Markup(text)


def _citations(ids: tuple[str, ...], lang: str) -> list[dict[str, Markup]]:
    """Only verified sources (anything else is skipped, never cited)."""
    out = []
    for sid in ids:
        src = legal.get(sid)
        if src.verified:
            out.append({"title": _safe(legal.cite(sid, lang)), "summary": _safe(src.summary(lang))})
    return out


def _line_context(plan: NegotiationPlan, line: ProposalLine, lang: str) -> dict[str, object]:
    debt = next((d for d in plan.debts if d.name == line.name), None)
    flag = flag_cost(line.original_rate_pct, line.kind, plan.settings) if debt is not None else None
    cost = None
    if flag is not None and flag.level == "over":      # the solid case only; "compounded" stays in the UI
        cost = {"apr": _safe(format_pct(flag.apr_pct, lang)), "cap": _safe(format_pct(flag.threshold_pct, lang)),
                "private": flag.threshold == "private",
                "citation": _citations(("spc_private_lending",), lang) if flag.threshold == "private" else []}
    return {
        "lender": line.name, "channel": line.channel_text(lang) if line.channel else _safe(line.channel_text(lang)),
        "kind": line.kind.value, "kind_label": _safe(line.kind.label(lang).lower() if lang == "en" else line.kind.label(lang)),
        "principal": _safe(format_money(line.principal, lang)),
        "arrears": _safe(format_money(line.arrears_folded, lang)) if line.arrears_folded > 0 else None,
        "original_rate": _safe(format_pct(line.original_rate_pct, lang)),
        "proposed_rate": _safe(format_pct(line.proposed_rate_pct, lang)),
        "rate_cut": line.proposed_rate_pct < line.original_rate_pct,
        "interest_pause": line.interest_pause, "penalty_waived": line.penalty_waived,
        "fees_waived": line.fees_waived,
        "settlement_pct": _safe(format_pct(line.settlement_pct, lang)) if line.settlement_pct > 0 else None,
        "amount_to_repay": _safe(format_money(line.amount_to_repay, lang)),
        "instalment": _safe(format_money(line.instalment, lang)),
        "token": _safe(format_money(line.token, lang)) if plan.method == "sequential" and line.token > 0
        and line.token < line.instalment else None,
        "months": line.months, "total": _safe(format_money(line.total_repay, lang)),
        "first_payment": _safe(format_date(line.first_payment, lang)),
        "last_payment": _safe(format_date(line.last_payment, lang)),
        "timetable": [{"n": p.month, "date": _safe(format_date(p.date, lang)),
                       "amount": _safe(format_money(p.amount, lang))} for p in line.timetable],
        "max_term": line.max_term_months,
        "citations": _citations(KIND_CITATIONS[line.kind], lang),
        "third_party": _citations(THIRD_PARTY_CITATIONS, lang),
        "cost": cost,
    }


def _profile_context(profile: BorrowerProfile | None, lang: str) -> dict[str, object]:
    p = profile or BorrowerProfile()
    return {"name": p.name.strip() or None, "contact": p.contact.strip() or None,
            "hardship": _safe(t(f"neg.hardship.{p.hardship}", lang)),
            "hardship_detail": p.hardship_detail.strip() or None}


def _resolve(plan: NegotiationPlan, line: ProposalLine | str) -> ProposalLine:
    return plan.line(line) if isinstance(line, str) else line


def _render(doc: str, lang: str, fmt: str, context: dict[str, object]) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}")
    lang = normalize_lang(lang)
    return _env(fmt).get_template(f"{doc}.{lang}.md.j2").render(**context)


def render_script(plan: NegotiationPlan, line: ProposalLine | str, lang: str = "zh",
                  profile: BorrowerProfile | None = None, *, fmt: str = "md") -> str:
    """The phone script for one lender's official hotline."""
    line = _resolve(plan, line)
    ctx = _line_context(plan, line, normalize_lang(lang)) | _profile_context(profile, normalize_lang(lang))
    return _render("script", lang, fmt, ctx | {"feasible": plan.feasible})


def render_application(plan: NegotiationPlan, line: ProposalLine | str, lang: str = "zh",
                       profile: BorrowerProfile | None = None, *, fmt: str = "md",
                       on: date | None = None) -> str:
    """The written application (协商还款申请书) with the timetable; ``on`` dates it (blank if None)."""
    line = _resolve(plan, line)
    lang = normalize_lang(lang)
    ctx = _line_context(plan, line, lang) | _profile_context(profile, lang)
    ctx["date"] = _safe(format_date(on, lang)) if on else None
    ctx["privacy"] = _citations(PRIVACY_CITATIONS, lang)
    return _render("application", lang, fmt, ctx)


def render_family_message(lang: str = "zh", profile: BorrowerProfile | None = None, *, fmt: str = "md") -> str:
    """A message to send family and friends before collectors call them."""
    lang = normalize_lang(lang)
    ctx = _profile_context(profile, lang) | {"third_party": _citations(THIRD_PARTY_CITATIONS, lang),
                                             "privacy": _citations(PRIVACY_CITATIONS, lang)}
    return _render("family", lang, fmt, ctx)


def filename(doc: str, line: ProposalLine | None, lang: str, fmt: str = "md") -> str:
    """A safe download name: ``script_借呗_zh.md`` (lender name reduced to letters, digits, CJK)."""
    base = doc if line is None else f"{doc}_{re.sub(r'[^0-9A-Za-z一-鿿]+', '_', line.name).strip('_') or 'lender'}"
    return f"{base}_{normalize_lang(lang)}.{fmt}"
