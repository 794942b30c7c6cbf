"""Who the letter speaks to, by kind of lender: a registry (data), not an if-chain.

======================  ======  ==============  ==========================================
kind                    you     account         sources cited (verified ones only)
======================  ======  ==============  ==========================================
credit_card             贵行    card last four  card measures art. 70, 2022 card notice, CBA guideline
bank_loan               贵行    contract no.    民法典 678, 585, CBA guideline
online_loan             贵司    contract no.    民法典 678, 585, GB/T 45251-2025
consumer_finance        贵司    contract no.    民法典 678, 585, GB/T 45251-2025, CBA guideline
other                   贵方    contract no.    民法典 678, 585
private_loan            您      —               (personal letter: 民法典 678 only)
======================  ======  ==============  ==========================================

Privacy articles (民法典 1033, 个人信息保护法 44) are law and apply to every institution.
The 24 % comparison ("高于24%，请求调整") is made only for online loans and consumer finance.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import legal
from ..i18n import t
from ..models import DebtKind

__all__ = ["SOURCE_KINDS", "VOICES", "Voice", "source_lines", "voice"]


@dataclass(frozen=True)
class Voice:
    kind: DebtKind
    you_zh: str
    you_en: str
    account: str                 # "credit_card" (card last four) or "other" (contract number)
    personal: bool
    sources: tuple[str, ...]
    creditor_group: str          # for the family message: bank / platform / person / other
    cost_argument: bool          # compare the true cost with 24 % ("高于24%，请求调整")

    def you(self, lang: str) -> str:
        return self.you_zh if lang == "zh" else self.you_en


PRIVACY = ("civil_code_1033", "pipl_44")

VOICES: dict[DebtKind, Voice] = {
    DebtKind.CREDIT_CARD: Voice(DebtKind.CREDIT_CARD, "贵行", "you", "credit_card", False,
                                ("card_rules_70", "card_notice_2022", "cba_collection_2026", *PRIVACY), "bank",
                                False),
    DebtKind.BANK_LOAN: Voice(DebtKind.BANK_LOAN, "贵行", "you", "other", False,
                              ("civil_code_678", "civil_code_585", "cba_collection_2026", *PRIVACY), "bank", False),
    DebtKind.ONLINE_LOAN: Voice(DebtKind.ONLINE_LOAN, "贵司", "you", "other", False,
                                ("civil_code_678", "civil_code_585", "gbt_45251_2025", *PRIVACY), "platform", True),
    DebtKind.CONSUMER_FINANCE: Voice(DebtKind.CONSUMER_FINANCE, "贵司", "you", "other", False,
                                     ("civil_code_678", "civil_code_585", "gbt_45251_2025", "cba_collection_2026",
                                      *PRIVACY), "platform", True),
    DebtKind.OTHER: Voice(DebtKind.OTHER, "贵方", "you", "other", False,
                          ("civil_code_678", "civil_code_585", *PRIVACY), "other", False),
    DebtKind.PRIVATE_LOAN: Voice(DebtKind.PRIVATE_LOAN, "您", "you", "other", True, ("civil_code_678",), "person",
                                 False),
}

#: what kind of rule each source is (DOMAIN.md "What kind of rule each source is")
SOURCE_KINDS: dict[str, str] = {
    "civil_code_678": "law", "civil_code_585": "law", "civil_code_1032": "law", "civil_code_1033": "law",
    "civil_code_1034": "law", "pipl_44": "law", "pipl_45": "law", "pipl_6": "law", "pipl_13": "law",
    "card_rules_70": "regulation", "card_rules_68": "regulation", "card_notice_2022": "normative",
    "gbt_45251_2025": "standard", "cba_collection_2026": "self_regulation",
    "nifa_convention_2018": "self_regulation", "spc_private_lending": "judicial",
}


def voice(kind: DebtKind | str) -> Voice:
    return VOICES[DebtKind(kind)]


def source_lines(ids: tuple[str, ...], lang: str) -> list[str]:
    """``【推荐性国家标准】GB/T 45251-2025《…》：…`` for each *verified* source (others are never cited)."""
    out = []
    for sid in ids:
        src = legal.get(sid)
        if not src.verified:
            continue
        kind = t(f"doc.kind_of_source.{SOURCE_KINDS.get(sid, 'law')}", lang)
        out.append(t("doc.source_line", lang, kind=kind, title=legal.cite(sid, lang), summary=src.summary(lang)))
    return out
