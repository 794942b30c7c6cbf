"""The message to family and friends: conditional ("如果你没有签字担保…"), none for a guarantor."""

from __future__ import annotations

from ..i18n import normalize_lang, t
from ..models import DebtKind
from ..negotiation.plan import NegotiationPlan
from .common import join
from . import texts  # noqa: F401  (registers the templates)
from .model import Bullets, Document, Paragraph
from .profile import BorrowerProfile, FamilyContact
from .voices import source_lines, voice

__all__ = ["GuarantorError", "family_message", "family_messages"]

GROUP_ORDER = ("bank", "platform", "person", "other")
FAMILY_SOURCES = {"bank": ("cba_collection_2026",), "platform": ("gbt_45251_2025",), "person": (), "other": ()}
PRIVACY = ("civil_code_1032", "civil_code_1033")


class GuarantorError(ValueError):
    """The person signed a guarantee: the standard family message does not apply to them."""


def _groups(kinds: set[DebtKind]) -> list[str]:
    present = {voice(k).creditor_group for k in kinds}
    return [g for g in GROUP_ORDER if g in present]


def family_message(plan: NegotiationPlan | None, lang: str, profile: BorrowerProfile,
                   recipient: FamilyContact | str | None = None) -> Document:
    """The message (addressed to ``recipient`` if given). Raises :class:`GuarantorError` for a guarantor."""
    lang = normalize_lang(lang)
    if isinstance(recipient, str):
        recipient = next((c for c in profile.family if c.name == recipient), FamilyContact(recipient))
    if recipient is not None and recipient.guarantor:
        raise GuarantorError(recipient.name)
    kinds = {line.kind for line in plan.lines} if plan is not None else set()
    groups = _groups(kinds) or ["bank", "platform"]
    names = [t(f"doc.family.creditors.{g}", lang) for g in groups]
    comma = "、" if lang == "zh" else ", "
    creditors = (comma.join(names[:-1]) + t("doc.family.and", lang) + names[-1]) if len(names) > 1 else names[0]
    me = t("doc.family.me", lang, name=profile.name) if profile.name else ""
    blocks: list = []
    if recipient is not None:
        blocks.append(Paragraph(t("doc.family.greeting", lang, who=recipient.name)))
    blocks += [Paragraph(t("doc.family.intro", lang, me=me, creditors=creditors,
                           hardship=t(f"doc.family.hardship.{profile.hardship}", lang))),
               Paragraph(t("doc.family.may_call", lang)),
               Bullets(tuple(t(f"doc.family.point.{k}", lang)
                             for k in ("guarantee", "ignore", "abuse", "no_info", "no_agents")), ordered=True)]
    sources = tuple(s for g in groups for s in FAMILY_SOURCES[g]) + PRIVACY
    rules = source_lines(sources, lang)
    if rules:
        blocks += [Paragraph(t("doc.family.rules", lang)), Bullets(tuple(rules))]
    close = t("doc.family.close", lang)
    if profile.phone:
        close = join(lang, close, t("doc.family.reach", lang, phone=profile.phone))
    blocks.append(Paragraph(close))
    return Document(t("doc.family.title", lang), tuple(blocks), lang=lang, kind="family")


def family_messages(plan: NegotiationPlan | None, lang: str, profile: BorrowerProfile) -> dict[str, Document]:
    """One message per recipient who is not a guarantor (empty when no recipients are listed)."""
    return {c.name: family_message(plan, lang, profile, c) for c in profile.message_recipients()}
