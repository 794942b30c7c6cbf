"""The incident log's closed vocabularies (channels, who was contacted, tags), as data.

Each term has a stable id (what records, CSV files and the rule table use), a
Chinese and an English label, and extra spellings accepted on input.  Adding a
tag is one entry here (plus, if it should break a rule, one condition in
``data/collection_rules.toml``).

>>> lookup(CHANNELS, "微信")
'wechat'
>>> lookup(TAGS, "冒充公检法")
'impersonation'
>>> label(ROLES, "third_party", "en")
'Other third party'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..i18n import register
from ..parsing import clean_text


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    en: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


def _terms(*terms: Term) -> dict[str, Term]:
    return {term.id: term for term in terms}


CHANNELS: dict[str, Term] = _terms(
    Term("call", "电话", "Phone call", ("phone", "电话催收", "来电", "打电话", "语音电话")),
    Term("sms", "短信", "SMS", ("text", "text message", "短消息", "信息")),
    Term("wechat", "微信/即时通讯", "WeChat / messaging app", ("微信", "qq", "im", "messaging", "即时通讯")),
    Term("visit", "上门", "Visit", ("home visit", "上门催收", "外访", "家访")),
    Term("letter", "信件/律师函", "Letter", ("mail", "post", "信件", "邮件", "函件", "律师函")),
    Term("other", "其他", "Other", ()),
)

ROLES: dict[str, Term] = _terms(
    Term("borrower", "本人（借款人）", "Me (the borrower)", ("本人", "借款人", "自己", "me", "self", "debtor")),
    Term("agreed_contact", "预留的紧急联系人", "Agreed emergency contact",
         ("紧急联系人", "预留联系人", "联系人", "emergency contact", "agreed contact")),
    Term("third_party", "其他第三人", "Other third party",
         ("第三人", "第三方", "其他人", "通讯录联系人", "third party", "other", "contact list")),
)

TAGS: dict[str, Term] = _terms(
    Term("disclosure", "向他人透露欠款", "Debt disclosed to others", ("透露欠款", "泄露债务", "disclosure")),
    Term("threat", "威胁恐吓", "Threat", ("威胁", "恐吓", "threats", "intimidation")),
    Term("insult", "辱骂侮辱", "Insult", ("辱骂", "侮辱", "insults", "abuse")),
    Term("violence", "暴力", "Violence", ("动手", "殴打", "violent")),
    Term("impersonation", "冒充公检法/律师", "Impersonating police, court or lawyer",
         ("冒充公检法", "冒充律师", "冒充警察", "冒充法院", "impersonation of authority")),
    Term("fake_legal_document", "伪造法律文书", "Fake legal document",
         ("假律师函", "假传票", "伪造文书", "fake document", "fake summons")),
    Term("pressure_to_borrow", "诱导借新还旧", "Pressure to borrow elsewhere",
         ("以贷养贷", "借新还旧", "诱导借款", "borrow elsewhere")),
    Term("night", "夜间催收", "Contact at night", ("夜间", "深夜", "night", "contact at night")),
    Term("excessive_frequency", "频繁催收", "Excessive frequency", ("频繁", "轰炸", "呼死你", "frequent", "excessive")),
    Term("claims_guarantor", "谎称是担保人", "Claims the contact is a guarantor",
         ("担保人", "称联系人是担保人", "guarantor")),
    Term("home_entry", "未经同意进入住宅", "Entered home without consent",
         ("闯入住宅", "进入住宅", "home entry", "entered home")),
    Term("continued_after_refusal", "拒绝后仍联系", "Contacted again after refusing",
         ("拒绝后仍联系", "要求停止后仍联系", "after refusal", "continued after refusal")),
)

VOCABULARIES: dict[str, dict[str, Term]] = {"channel": CHANNELS, "contact_role": ROLES, "tags": TAGS}


def _norm(text: str) -> str:
    return " ".join(clean_text(text).casefold().replace("_", " ").split())


def _index(terms: Mapping[str, Term]) -> dict[str, str]:
    out: dict[str, str] = {}
    for term in terms.values():
        for spelling in (term.id, term.zh, term.en, *term.aliases):
            out.setdefault(_norm(spelling), term.id)
    return out


_INDEXES = {id(terms): _index(terms) for terms in VOCABULARIES.values()}


def lookup(terms: Mapping[str, Term], text: str) -> str | None:
    """The id a spelling (id, zh or en label, alias; case-insensitive) names, or ``None``."""
    index = _INDEXES.get(id(terms)) or _index(terms)
    return index.get(_norm(text))


def label(terms: Mapping[str, Term], term_id: str, lang: str = "zh") -> str:
    term = terms.get(term_id)
    return term.label(lang) if term else term_id


def choices(terms: Mapping[str, Term], lang: str = "zh") -> str:
    """``电话、短信、…`` / ``Phone call, SMS, …`` for messages."""
    sep = ", " if lang == "en" else "、"
    return sep.join(term.label(lang) for term in terms.values())


register({f"rights.{kind}.{term.id}": {"zh": term.zh, "en": term.en}
          for kind, terms in (("channel", CHANNELS), ("role", ROLES), ("tag", TAGS))
          for term in terms.values()})
