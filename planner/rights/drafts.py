"""Complaint and letter drafts from the incident log (Jinja2 templates, zh + en).

Drafts are plain text meant to be copied into an online form, read out on the
phone or printed.  Every value a template prints passes through
:func:`plain_escape` (Jinja's ``finalize`` hook, so nothing can skip it):
control and bidi-override characters are dropped and angle brackets made
full-width (no markup survives); table cells also go through
:func:`cell` (newlines flattened, ``|`` replaced; applied to every one-line
value when the context is built), so user text can neither break the table
nor fake a section; multi-line text is indented under its item.

What a draft cites depends on the lender's kind (``lender_kind``, a
``planner.DebtKind`` value, ``None`` when unknown): only sources in scope for
that kind (:func:`planner.legal.in_scope`), each with its kind said (a
recommended national standard is not law); "likely" sources carry a visible
"check before sending" marker; the police outline lists only laws, as "may
apply, the police decide".  The facts are stated in the complainant's voice
(each rule's ``complaint`` text), never the advice written to the borrower.

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
from dataclasses import asdict, dataclass, is_dataclass
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
    channels: tuple[str, ...]     # ids in legal_sources.toml (kept to those in scope for the lender kind)
    serious_only: bool = False    # offered only when a high-severity rule is broken
    lender_kinds: tuple[str, ...] | None = None     # offered for these lender kinds (None = any, unknown included)

    def offered_for(self, lender_kind: object | None) -> bool:
        return lender_kind is None or self.lender_kinds is None or str(lender_kind) in self.lender_kinds

    def title(self, lang: str = "zh") -> str:
        return t(f"rights.draft.{self.id}", lang)


DRAFT_KINDS: dict[str, DraftKind] = {k.id: k for k in (
    DraftKind("regulator", "regulator", ("channel_nfra_12378", "channel_local_regulator"),
              lender_kinds=("credit_card", "online_loan", "consumer_finance", "bank_loan", "other")),
    DraftKind("nifa", "nifa", ("channel_nifa",), lender_kinds=("online_loan", "consumer_finance", "other")),
    DraftKind("lender_stop", "lender_stop", (),
              lender_kinds=("credit_card", "online_loan", "consumer_finance", "bank_loan", "other")),
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
    legal_entity: str = ""        # the lender's legal entity as in the contract (e.g. 重庆蚂蚁消费金融有限公司)

    @classmethod
    def from_profile(cls, profile: object, lender: str = "") -> "Borrower":
        """The signer from the workspace's borrower profile (a mapping or a dataclass), for one lender.

        Reads ``name`` and ``phone``, and the lender's ``account_id`` and ``legal_entity``
        from ``profile["lenders"][lender]`` (``planner.documents.BorrowerProfile``'s record or the
        object itself); anything missing stays blank.
        """
        return cls(**profile_fields(profile, lender))


def _as_mapping(value: object) -> Mapping[str, object]:
    if isinstance(value, Mapping):
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return {}


def profile_fields(profile: object, lender: str = "") -> dict[str, str]:
    """``name``, ``phone``, ``account_ref``, ``legal_entity`` from a borrower profile (defensive: any key may be missing).

    >>> profile_fields({"name": " 张三 ", "phone": "138", "lenders": {"借呗": {"account_id": "8888",
    ...                 "legal_entity": "重庆蚂蚁消费金融有限公司"}}}, "借呗")["legal_entity"]
    '重庆蚂蚁消费金融有限公司'
    """
    data = _as_mapping(profile)
    per = _as_mapping(_as_mapping(data.get("lenders") or data.get("accounts") or {}).get(lender, {}))

    def text(mapping: Mapping[str, object], *keys: str) -> str:
        for key in keys:
            value = mapping.get(key)
            if value not in (None, ""):
                return " ".join(str(value).split())
        return ""

    return {"name": text(data, "name"), "phone": text(data, "phone", "contact"),
            "account_ref": text(per, "account_id", "account_ref", "account", "contract_no", "card_last4"),
            "legal_entity": text(per, "legal_entity", "entity")}


@dataclass(frozen=True)
class Draft:
    kind: str
    lang: str
    lender: str
    title: str
    text: str
    filename: str
    how_to_send: str = ""        # where and how to send it (for the borrower, not part of the text)

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


def available_drafts(incidents: Sequence[Incident], hits: Mapping[str, Sequence[RuleHit]] | None = None,
                     lender_kind: object | None = None) -> list[str]:
    """Draft kinds that fit this log and lender kind (the police outline only for serious cases;
    no regulator, association or "stop" letter to a private lender)."""
    if not incidents:
        return []
    hits = check_log(incidents) if hits is None else hits
    serious = any(h.severity == "high" for hs in hits.values() for h in hs)
    return [k.id for k in DRAFT_KINDS.values() if (serious or not k.serious_only) and k.offered_for(lender_kind)]


def _channel(source_id: str, lang: str) -> dict[str, object]:
    src = legal.get(source_id)
    return {"title": src.title(lang), "summary": src.summary(lang), "confirm": not src.verified}


ADDRESSEE = {"credit_card": "bank", "bank_loan": "bank", "online_loan": "company",
             "consumer_finance": "company", "other": "company"}


def _by_rank(ids: Sequence[str]) -> list[str]:
    """Laws first, then rules and notices, judicial interpretations, standards, self-regulation (stable)."""
    return sorted(ids, key=lambda s: legal.KINDS.index(legal.get(s).kind))


REGULATOR = {"credit_card": "nfra", "bank_loan": "nfra"}      # others may be a small-loan company: either
THIRD_PARTY_RULES = ("third_party_contact", "disclosure", "mass_disclosure", "continued_after_refusal",
                     "claims_guarantor")


def _addressee(lender_kind: object | None, lang: str) -> str:
    """贵行 for banks (cards, bank loans), 贵司 for platforms and finance companies; "you" in English."""
    return t(f"rights.draft.you.{ADDRESSEE.get(str(lender_kind), 'company')}", lang)


def draft_context(kind: str, incidents: Sequence[Incident], *, lender: str, lang: str, today: date,
                  borrower: Borrower = Borrower(), hits: Mapping[str, Sequence[RuleHit]] | None = None,
                  rules: Sequence[Rule] = RULES, lender_kind: object | None = None) -> dict[str, object]:
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
    kind_key = str(lender_kind) if lender_kind is not None else None
    cited = legal.in_scope([s for r in broken for s in r.sources], kind_key)
    hedged = [s for s in legal.in_scope([s for r in broken for s in r.to_confirm], kind_key) if s not in cited]
    police = legal.in_scope([s for r in broken for s in r.police], kind_key)
    summary = summarize(mine, hits, rules)[0]
    placeholder = {k: t(f"rights.draft.placeholder.{k}", lang)
                   for k in ("name", "phone", "account_ref", "legal_entity")}
    signer = {k: cell(getattr(borrower, k)) or placeholder[k] for k in placeholder}
    if kind_key == "private_loan" and not cell(borrower.legal_entity):
        signer["legal_entity"] = cell(lender)            # a person: no company name to fill in
    kind_text = kind_key if kind_key in ADDRESSEE or kind_key == "private_loan" else "unknown"
    account = "card" if kind_key == "credit_card" else "loan" if kind_key in ADDRESSEE else "unknown"
    if account != "unknown" and not cell(borrower.account_ref):
        signer["account_ref"] = t(f"rights.draft.placeholder.{account}_ref", lang)
    party = signer["legal_entity"]
    if party != cell(lender):
        party += f"（{cell(lender)}）" if lang == "zh" else f" ({cell(lender)})"
    return {
        "lang": lang, "lender": cell(lender), "today": format_date(today, lang), "party": party,
        "lender_kind": kind_key or "", "you": _addressee(kind_key, lang),
        "customer": t(f"rights.draft.customer.{kind_text}", lang),
        "account_label": t(f"rights.draft.account_label.{account}", lang),
        "regulator": t(f"rights.draft.regulator.{REGULATOR.get(kind_key or '', 'either')}", lang),
        "third_party_issue": any(r.id in THIRD_PARTY_RULES for r in broken),
        "borrower": signer,
        "rows": rows, "evidence": evidence,
        "rules": [{"title": r.title(lang), "description": r.description(lang), "complaint": r.complaint(lang),
                   "count": counts[r.id], "severity": r.severity} for r in broken],
        "citations": [legal.reference(s, lang, lender_kind=kind_key) for s in _by_rank(cited + hedged)],
        "police_laws": [legal.reference(s, lang, lender_kind=kind_key) for s in police],
        "channels": [_channel(c, lang) for c in legal.in_scope(DRAFT_KINDS[kind].channels,
                                                               kind_key or legal.ANY_KIND)],
        "summary": {"incidents": summary.incidents, "contacts": summary.contacts,
                    "first": format_date(summary.first, lang), "last": format_date(summary.last, lang),
                    "third_parties": [cell(x) for x in summary.third_parties]},
    }


def render_draft(kind: str, incidents: Sequence[Incident], *, lender: str, lang: str = "zh", today: date,
                 borrower: Borrower = Borrower(), hits: Mapping[str, Sequence[RuleHit]] | None = None,
                 rules: Sequence[Rule] = RULES, lender_kind: object | None = None) -> Draft:
    """Render one draft for one lender's incidents.  Raises :class:`DraftError`.

    ``lender_kind`` (a ``planner.DebtKind`` value) decides what may be cited and how the lender is
    addressed; ``None`` (unknown) cites only sources that apply to every lender."""
    ctx = draft_context(kind, incidents, lender=lender, lang=lang, today=today, borrower=borrower,
                        hits=hits, rules=rules, lender_kind=lender_kind)
    spec = DRAFT_KINDS[kind]
    text = environment().get_template(f"{spec.template}.{ctx['lang']}.txt.j2").render(ctx)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return Draft(kind, ctx["lang"], lender, spec.title(ctx["lang"]), text,
                 f"{kind}_{ctx['lang']}_{today.isoformat()}.txt", t(f"rights.draft.send.{kind}", ctx["lang"]))


register({
    "rights.draft.regulator": {"zh": "向金融监管部门投诉", "en": "Complaint to the financial regulator"},
    "rights.draft.nifa": {"zh": "向互联网金融协会举报", "en": "Report to the internet-finance association"},
    "rights.draft.lender_stop": {"zh": "要求机构停止联系第三人", "en": "Request to the lender to stop contacting others"},
    "rights.draft.police": {"zh": "报警材料提纲", "en": "Police report outline"},
    "rights.draft.placeholder.name": {"zh": "【姓名】", "en": "[full name]"},
    "rights.draft.placeholder.phone": {"zh": "【手机号】", "en": "[phone number]"},
    "rights.draft.placeholder.account_ref": {"zh": "【合同编号或卡号后四位】",
                                             "en": "[contract number or last 4 digits of the card]"},
    "rights.draft.placeholder.legal_entity": {"zh": "【合同上的机构全称】",
                                              "en": "[the lender's full legal name, as in the contract]"},
    "rights.draft.placeholder.card_ref": {"zh": "【卡号后四位】", "en": "[last 4 digits of the card]"},
    "rights.draft.placeholder.loan_ref": {"zh": "【借款合同编号】", "en": "[loan contract number]"},
    "rights.draft.account_label.card": {"zh": "信用卡卡号后四位", "en": "Card (last 4 digits)"},
    "rights.draft.account_label.loan": {"zh": "借款合同编号", "en": "Loan contract number"},
    "rights.draft.account_label.unknown": {"zh": "合同编号/卡号后四位", "en": "Contract number or card (last 4 digits)"},
    "rights.draft.customer.credit_card": {"zh": "信用卡持卡人", "en": "a credit cardholder"},
    "rights.draft.customer.bank_loan": {"zh": "借款人", "en": "a borrower"},
    "rights.draft.customer.online_loan": {"zh": "借款人", "en": "a borrower"},
    "rights.draft.customer.consumer_finance": {"zh": "借款人", "en": "a borrower"},
    "rights.draft.customer.private_loan": {"zh": "借款人", "en": "the borrower"},
    "rights.draft.customer.other": {"zh": "客户", "en": "a customer"},
    "rights.draft.customer.unknown": {"zh": "客户", "en": "a customer"},
    "rights.draft.regulator.nfra": {"zh": "国家金融监督管理总局（或其当地派出机构）",
                                    "en": "National Financial Regulatory Administration (or its local office)"},
    "rights.draft.regulator.either": {
        "zh": "【受理部门：银行、消费金融公司为国家金融监督管理总局或其当地派出机构；小额贷款公司为其所在地的地方金融管理部门】",
        "en": "[the regulator: for banks and consumer finance companies, the National Financial Regulatory "
              "Administration or its local office; for a small-loan company, the local financial regulatory bureau]"},
    "rights.draft.send.regulator": {
        "zh": "提交方式：银行、信用卡和消费金融公司可通过国家金融监督管理总局消费者投诉热线12378或其官网投诉；小额贷款公司向其所在地的地方金融管理部门投诉。提交前请核实最新号码和网址，并补全【】中的内容。",
        "en": "How to file: for banks, credit cards and consumer finance companies, the NFRA consumer hotline 12378 or its website; for a small-loan company, the local financial regulatory bureau. Check the current number and website first, and fill in every [ ] blank."},
    "rights.draft.send.nifa": {
        "zh": "提交方式：中国互联网金融协会的投诉举报平台。该平台是举报渠道（转交处理，不直接解决纠纷）；请先确认其仍在运行及最新网址，若已停止受理，请改向金融监管部门投诉。",
        "en": "How to send: NIFA's complaint and reporting platform. It is a tip-off channel that forwards reports, not a dispute-resolution service; check that it still runs and find its current address first, and if it no longer accepts reports, complain to the financial regulator instead."},
    "rights.draft.send.lender_stop": {
        "zh": "提交方式：通过App内客服/投诉入口，或合同、卡片上的官方客服热线提交，并保留提交记录；不要发给催收人员。",
        "en": "How to send: through the in-app customer service or complaint entry, or the official hotline on your contract or card, and keep a record; never send it to a collector."},
    "rights.draft.send.police": {
        "zh": "这是您报警时使用的提纲：紧急情况拨打110；非紧急情况带上提纲和原始证据到当地派出所。",
        "en": "This is your outline for reporting to the police: call 110 in an emergency; otherwise bring it and the original evidence to your local police station."},
    "rights.draft.you.bank": {"zh": "贵行", "en": "you"},
    "rights.draft.you.company": {"zh": "贵司", "en": "you"},
})
