"""Legal sources and official channels, loaded from ``data/legal_sources.toml``.

That file is the one place where a law, an article or a channel is written
down, with its confidence, its **kind** (法律, 部门规章, 推荐性国家标准 …) and its
**scope** (the lender kinds it may be cited to).

* confidence: only ``verified`` entries may be cited plainly (:func:`cite`
  refuses the rest); ``likely`` ones appear only with a visible "please check"
  marker (:func:`reference`) or as "to be confirmed".
* scope: a document about one lender cites only what applies to that lender's
  kind (:func:`in_scope`, ``cite(..., lender_kind=...)``). GB/T 45251-2025 is a
  recommended standard for internet consumer credit: never cited to a card
  bank, a bank loan or a private lender. An unknown lender kind (``None``) gets
  only the sources that apply to everyone.

>>> get("gbt_45251_2025").kind, get("gbt_45251_2025").kind_label("en")
('推荐性国家标准', 'recommended national standard, not mandatory')
>>> in_scope(["gbt_45251_2025", "card_rules_68", "civil_code_1033"], "credit_card")
['card_rules_68', 'civil_code_1033']
>>> in_scope(["gbt_45251_2025", "civil_code_1033"], None)
['civil_code_1033']
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .i18n import register, t

CONFIDENCES = ("verified", "likely")
#: the kinds of rule (DOMAIN.md "What kind of rule each source is"); 渠道 = a channel, never a legal basis
KINDS = ("法律", "部门规章", "规范性文件", "推荐性国家标准", "行业自律", "司法解释", "渠道")
#: lender kinds a source may be scoped to (``planner.DebtKind`` values); "all" = everyone
LENDER_KINDS = ("credit_card", "online_loan", "consumer_finance", "bank_loan", "private_loan", "other")
ALL = "all"
ANY_KIND = "*"           # pass as lender_kind to mean "any lender" (a reference table, not a document)


@dataclass(frozen=True)
class LegalSource:
    id: str
    law_zh: str
    law_en: str
    article_zh: str      # "第678条" ('' when the source is cited as a whole)
    article_en: str      # "art. 678"
    summary_zh: str
    summary_en: str
    confidence: str
    kind: str = "法律"
    scope: tuple[str, ...] = (ALL,)
    condition_zh: str = ""
    condition_en: str = ""

    @property
    def verified(self) -> bool:
        return self.confidence == "verified"

    @property
    def is_channel(self) -> bool:
        return self.kind == "渠道"

    @property
    def binding(self) -> bool:
        """Law, rules and judicial interpretation bind; a recommended standard or self-regulation does not."""
        return self.kind in ("法律", "部门规章", "规范性文件", "司法解释")

    def applies_to(self, lender_kind: object | None) -> bool:
        """Whether this may be cited about a lender of ``lender_kind`` (``None`` = unknown: universal only)."""
        if ALL in self.scope or lender_kind == ANY_KIND:
            return True
        return lender_kind is not None and str(lender_kind) in self.scope

    def title(self, lang: str = "zh") -> str:
        """``《中华人民共和国民法典》第678条`` / ``Civil Code of the PRC, art. 678``."""
        if lang == "en":
            return f"{self.law_en}, {self.article_en}" if self.article_en else self.law_en
        return f"{self.law_zh}{self.article_zh}"

    def summary(self, lang: str = "zh") -> str:
        return self.summary_en if lang == "en" else self.summary_zh

    def condition(self, lang: str = "zh") -> str:
        return self.condition_en if lang == "en" else self.condition_zh

    def kind_label(self, lang: str = "zh") -> str:
        return t(f"legal.kind.{self.kind}", lang)

    def scope_label(self, lang: str = "zh") -> str:
        """``信用卡`` / ``credit cards``…: the lender kinds it applies to ('' for everyone)."""
        if ALL in self.scope:
            return ""
        sep = "、" if lang == "zh" else ", "
        return sep.join(t(f"legal.scope.{k}", lang) for k in self.scope)

    def applies_label(self, lang: str = "zh") -> str:
        """Whom it may be cited about, always said: :meth:`scope_label`, or ``所有借款`` / ``every lender``."""
        return self.scope_label(lang) or t("legal.scope.all", lang)

    def labelled(self, lang: str = "zh") -> str:
        """The title with its kind and, when limited, its scope, for a general list (rights page, PDF):
        ``GB/T 45251-2025《…》（推荐性国家标准；适用于：网络贷款、消费金融/小贷）``."""
        scope = self.scope_label(lang)
        if lang == "en":
            return f"{self.title(lang)} ({self.kind_label(lang)}" + (f"; applies to: {scope})" if scope else ")")
        return f"{self.title(lang)}（{self.kind_label(lang)}" + (f"；适用于：{scope}）" if scope else "）")


class UnverifiedCitation(ValueError):
    """A template or rule tried to cite a source that is not verified."""


class OutOfScopeCitation(ValueError):
    """A document tried to cite a source to a lender kind it does not apply to."""


@cache
def sources() -> dict[str, LegalSource]:
    raw = tomllib.loads(resources.files("planner.data").joinpath("legal_sources.toml").read_text("utf-8"))
    out = {}
    for key, entry in raw.items():
        entry = dict(entry)
        entry["scope"] = tuple(entry.get("scope", (ALL,)))
        src = LegalSource(id=key, **entry)
        if src.confidence not in CONFIDENCES:
            raise ValueError(f"{key}: confidence must be one of {CONFIDENCES}")
        if src.kind not in KINDS:
            raise ValueError(f"{key}: kind must be one of {KINDS}")
        bad = [s for s in src.scope if s not in (*LENDER_KINDS, ALL)]
        if bad or not src.scope:
            raise ValueError(f"{key}: scope {bad or '[]'} is not a list of {LENDER_KINDS} or ['all']")
        out[key] = src
    return out


def get(source_id: str) -> LegalSource:
    return sources()[source_id]


def cite(source_id: str, lang: str = "zh", *, lender_kind: object | None = None) -> str:
    """The citation text of a **verified** source; raises for anything else.

    With ``lender_kind`` it also refuses a source outside its scope
    (:class:`OutOfScopeCitation`); without it (older callers) scope is the caller's duty.
    """
    src = get(source_id)
    if not src.verified:
        raise UnverifiedCitation(f"{source_id} is {src.confidence}, not verified: it must not be cited")
    if lender_kind is not None and not src.applies_to(lender_kind):
        raise OutOfScopeCitation(f"{source_id} ({src.kind}) does not apply to {lender_kind}: scope {src.scope}")
    return src.title(lang)


def in_scope(source_ids: Iterable[str], lender_kind: object | None) -> list[str]:
    """The ids (in order, without repeats) that may be cited about a lender of ``lender_kind``."""
    return [s for s in dict.fromkeys(source_ids) if get(s).applies_to(lender_kind)]


def reference(source_id: str, lang: str = "zh", *, lender_kind: object | None = None) -> dict[str, object]:
    """One entry of a "laws, regulations and industry standards" list, ready for a template.

    ``title`` is the citation; a ``likely`` source carries ``confirm`` (the
    template prints a visible "check before sending" marker); ``kind`` is said to
    the reader (推荐性国家标准 is not law); ``condition`` says when it applies.
    Raises :class:`OutOfScopeCitation` for a source outside its scope.
    """
    src = get(source_id)
    if lender_kind is not None and not src.applies_to(lender_kind):
        raise OutOfScopeCitation(f"{source_id} does not apply to {lender_kind}")
    return {"id": src.id, "title": src.title(lang), "summary": src.summary(lang), "kind": src.kind_label(lang),
            "binding": src.binding, "confirm": not src.verified, "condition": src.condition(lang)}


register({
    "legal.kind.法律": {"zh": "法律", "en": "law"},
    "legal.kind.部门规章": {"zh": "部门规章", "en": "departmental rule"},
    "legal.kind.规范性文件": {"zh": "规范性文件", "en": "regulatory notice"},
    "legal.kind.推荐性国家标准": {"zh": "推荐性国家标准", "en": "recommended national standard, not mandatory"},
    "legal.kind.行业自律": {"zh": "行业自律规范", "en": "industry self-regulation"},
    "legal.kind.司法解释": {"zh": "司法解释", "en": "judicial interpretation"},
    "legal.kind.渠道": {"zh": "渠道", "en": "channel"},
    "legal.scope.all": {"zh": "所有借款", "en": "every lender"},
    "legal.scope.credit_card": {"zh": "信用卡", "en": "credit cards"},
    "legal.scope.online_loan": {"zh": "网络贷款", "en": "online loans"},
    "legal.scope.consumer_finance": {"zh": "消费金融/小额贷款", "en": "consumer finance and small loans"},
    "legal.scope.bank_loan": {"zh": "银行贷款", "en": "bank loans"},
    "legal.scope.private_loan": {"zh": "民间借贷", "en": "private loans"},
    "legal.scope.other": {"zh": "其他借款", "en": "other debts"},
    "legal.heading": {"zh": "相关法律及行业规范", "en": "Laws, regulations and industry standards"},
})
