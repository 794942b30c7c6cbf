"""Complaint and letter drafts from the incident log (Jinja2 templates, zh + en).

Drafts are plain text meant to be copied into an online form, read out on the
phone or printed.  Every value a template prints passes through
:func:`plain_escape` (Jinja's ``finalize`` hook, so nothing can skip it):
control and bidi-override characters are dropped and angle brackets made
full-width (no markup survives); table cells also go through
:func:`cell` (newlines flattened, ``|`` replaced; applied to every one-line
value when the context is built), so user text can neither break the table
nor fake a section; multi-line text is indented under its item.  Only **verified** sources are
cited (through :func:`planner.legal.cite`); "likely" channels are marked as
"to be confirmed".

>>> from datetime import date, time
>>> from planner.rights.incidents import Incident
>>> log = [Incident("某某贷", date(2026, 3, 5), "call", "third_party", "告诉我同事我欠钱",
...                 time=time(23, 10), relationship="同事", tags=("disclosure",))]
>>> d = render_draft("lender_stop", log, lender="某某贷", lang="en", today=date(2026, 3, 6))
>>> d.filename, "Collection from an unrelated third party" in d.text
('lender_stop_en_2026-03-06.txt', True)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import jinja2

from .. import legal
from ..i18n import format_date, register, t
from .incidents import Incident
from .rules import RULES, Rule, RuleHit, check_log, summarize
from .vocab import CHANNELS, label

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "rights"


@dataclass(frozen=True)
class DraftKind:
    id: str
    template: str                 # file stem; "<stem>.<lang>.txt.j2"
    channels: tuple[str, ...]     # ids in legal_sources.toml
    serious_only: bool = False    # offered only when a high-severity rule is broken

    def title(self, lang: str = "zh") -> str:
        return t(f"rights.draft.{self.id}", lang)


DRAFT_KINDS: dict[str, DraftKind] = {k.id: k for k in (
    DraftKind("regulator", "regulator", ("channel_nfra_12378", "channel_local_regulator")),
    DraftKind("nifa", "nifa", ("channel_nifa",)),
    DraftKind("lender_stop", "lender_stop", ()),
    DraftKind("police", "police", ("channel_110",), serious_only=True),
)}


class DraftError(ValueError):
    """A draft that cannot be made (unknown kind, no incident for the lender)."""


@dataclass(frozen=True)
class Borrower:
    """Who signs the draft; blanks become placeholders the user fills in."""

    name: str = ""
    phone: str = ""
    account_ref: str = ""         # loan / card / contract number at the lender


@dataclass(frozen=True)
class Draft:
    kind: str
    lang: str
    lender: str
    title: str
    text: str
    filename: str

    def as_bytes(self) -> bytes:
        return self.text.encode("utf-8")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def plain_escape(value: object) -> str:
    """Every printed value: ``None`` → '', control/bidi characters removed, and ``<``/``>``
    shown as full-width ``＜``/``＞`` so no markup survives if a draft is ever shown as HTML/Markdown.

    >>> plain_escape("<b>x</b>\x07")
    '＜b＞x＜/b＞'
    """
    if value is None:
        return ""
    return _CONTROL.sub("", str(value)).replace("<", "＜").replace(">", "＞")


def cell(value: object, limit: int = 0) -> str:
    """A table cell: one line, no ``|``; cut to ``limit`` characters (0 = no cut)."""
    text = " ".join(plain_escape(value).split()).replace("|", "/")
    return text[:limit - 1] + "…" if limit and len(text) > limit else text


def indent(value: object, prefix: str = "   ") -> str:
    """Multi-line user text indented under its list item (so it cannot start a new item)."""
    return ("\n" + prefix).join(plain_escape(value).splitlines())


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=False,
                             finalize=plain_escape, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["cell"] = cell
    env.filters["indent_text"] = indent
    return env


def available_drafts(incidents: Sequence[Incident], hits: Mapping[str, Sequence[RuleHit]] | None = None
                     ) -> list[str]:
    """Draft kinds that fit this log (the police outline only for serious cases)."""
    if not incidents:
        return []
    hits = check_log(incidents) if hits is None else hits
    serious = any(h.severity == "high" for hs in hits.values() for h in hs)
    return [k.id for k in DRAFT_KINDS.values() if serious or not k.serious_only]


def _channel(source_id: str, lang: str) -> dict[str, object]:
    src = legal.get(source_id)
    return {"title": src.title(lang), "summary": src.summary(lang), "confirm": not src.verified}


def draft_context(kind: str, incidents: Sequence[Incident], *, lender: str, lang: str, today: date,
                  borrower: Borrower = Borrower(), hits: Mapping[str, Sequence[RuleHit]] | None = None,
                  rules: Sequence[Rule] = RULES) -> dict[str, object]:
    """The values a template sees (useful to test or to build another format)."""
    if kind not in DRAFT_KINDS:
        raise DraftError(f"unknown draft {kind!r}; choose one of {', '.join(DRAFT_KINDS)}")
    lang = "en" if lang == "en" else "zh"
    hits = check_log(incidents, rules) if hits is None else hits
    mine = sorted((i for i in incidents if i.lender == lender), key=lambda i: (i.moment, i.id))
    if DRAFT_KINDS[kind].serious_only:
        serious = [i for i in mine if any(h.severity == "high" for h in hits.get(i.id, ()))]
        mine = serious or mine
    if not mine:
        raise DraftError(f"no incident logged for {lender!r}")
    by_id = {r.id: r for r in rules}
    rows, evidence = [], []
    for n, inc in enumerate(mine, start=1):
        inc_hits = hits.get(inc.id, ())
        rows.append({"n": n, "date": inc.date.isoformat(),
                     "time": inc.time.strftime("%H:%M") if inc.time else "",
                     "channel": label(CHANNELS, inc.channel, lang), "who": cell(inc.who(lang)),
                     "caller": cell(inc.caller),
                     "count": inc.count, "summary": inc.summary,
                     "rules": [h.explain(lang, rules) for h in inc_hits]})
        evidence += [{"n": n, "name": cell(name)} for name in inc.evidence]
    counts: dict[str, int] = {}
    for inc in mine:
        for h in hits.get(inc.id, ()):
            counts[h.rule_id] = counts.get(h.rule_id, 0) + 1
    broken = [by_id[rid] for rid in by_id if rid in counts]
    source_ids = list(dict.fromkeys(s for r in broken for s in r.sources))
    summary = summarize(mine, hits, rules)[0]
    placeholder = {k: t(f"rights.draft.placeholder.{k}", lang) for k in ("name", "phone", "account_ref")}
    return {
        "lang": lang, "lender": cell(lender), "today": format_date(today, lang),
        "borrower": {k: cell(getattr(borrower, k)) or placeholder[k] for k in placeholder},
        "rows": rows, "evidence": evidence,
        "rules": [{"title": r.title(lang), "description": r.description(lang), "count": counts[r.id],
                   "severity": r.severity} for r in broken],
        "citations": [{"title": legal.cite(s, lang), "summary": legal.get(s).summary(lang)} for s in source_ids],
        "channels": [_channel(c, lang) for c in DRAFT_KINDS[kind].channels],
        "summary": {"incidents": summary.incidents, "contacts": summary.contacts,
                    "first": format_date(summary.first, lang), "last": format_date(summary.last, lang),
                    "third_parties": [cell(x) for x in summary.third_parties]},
    }


def render_draft(kind: str, incidents: Sequence[Incident], *, lender: str, lang: str = "zh", today: date,
                 borrower: Borrower = Borrower(), hits: Mapping[str, Sequence[RuleHit]] | None = None,
                 rules: Sequence[Rule] = RULES) -> Draft:
    """Render one draft for one lender's incidents.  Raises :class:`DraftError`."""
    ctx = draft_context(kind, incidents, lender=lender, lang=lang, today=today, borrower=borrower,
                        hits=hits, rules=rules)
    spec = DRAFT_KINDS[kind]
    text = environment().get_template(f"{spec.template}.{ctx['lang']}.txt.j2").render(ctx)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return Draft(kind, ctx["lang"], lender, spec.title(ctx["lang"]), text,
                 f"{kind}_{ctx['lang']}_{today.isoformat()}.txt")


register({
    "rights.draft.regulator": {"zh": "向金融监管部门投诉", "en": "Complaint to the financial regulator"},
    "rights.draft.nifa": {"zh": "向互联网金融协会举报", "en": "Report to the internet-finance association"},
    "rights.draft.lender_stop": {"zh": "要求机构停止联系第三人", "en": "Request to the lender to stop contacting others"},
    "rights.draft.police": {"zh": "报警材料提纲", "en": "Police report outline"},
    "rights.draft.placeholder.name": {"zh": "【您的姓名】", "en": "[your name]"},
    "rights.draft.placeholder.phone": {"zh": "【您的手机号】", "en": "[your phone number]"},
    "rights.draft.placeholder.account_ref": {"zh": "【借款/卡号后四位】", "en": "[loan or card number, last 4 digits]"},
})
