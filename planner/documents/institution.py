"""The application letter and the phone script for a bank or a company (not a private lender).

Voice by kind (:mod:`.voices`): 贵行 for cards and bank loans, 贵司 for platforms and consumer finance.
"""

from __future__ import annotations

from datetime import date

from ..apr import flag_cost
from ..i18n import format_pct, normalize_lang, register, t
from ..lenders import known_entity
from ..negotiation.plan import NegotiationPlan, ProposalLine
from . import texts  # noqa: F401  (registers the templates)
from .common import date_text, join, money, schedule_sentences, spoken_schedule, timetable_table
from .model import Bullets, Document, Fields, Heading, Paragraph, Signature
from .profile import BorrowerProfile
from .spoken import spoken_amount
from .voices import source_lines, voice

__all__ = ["application", "script"]

register({
    "doc.app.to_catalogue": {"zh": "{entity}（请与合同核对）", "en": "{entity} (check against your contract)"},
})


def _addressee(typed: str, line: ProposalLine, lang: str) -> str:
    """The legal entity the person typed; else the catalogue's (to be checked against the contract); else a blank."""
    if typed:
        return typed
    known = known_entity(line.name, line.kind)
    return t("doc.app.to_catalogue", lang, entity=known) if known else t("doc.blank_contract", lang)


def _cost_apr(plan: NegotiationPlan, line: ProposalLine) -> str | None:
    if not voice(line.kind).cost_argument or line.rate_assumed:     # no cost argument from an estimated rate
        return None
    flag = flag_cost(line.original_rate_pct, line.kind, plan.settings)
    return format_pct(flag.apr_pct, "zh") if flag.level == "over" and flag.threshold == "licensed" else None


def _rate_clause(line: ProposalLine) -> str:
    """The contract rate as a fact, or — when it was assumed for "不知道" — a request to be told it (with the
    estimate the amounts use, unless the plan asks for no interest and no amount depends on it)."""
    if not line.rate_assumed:
        return "doc.app.rate.contract"
    return "doc.app.rate.unknown" if line.interest_pause else "doc.app.rate.assumed"


def _requests(plan: NegotiationPlan, line: ProposalLine, lang: str, you: str) -> list[str]:
    card = line.kind.value == "credit_card"
    out = [t(f"doc.app.req.plan.{'credit_card' if card else 'other'}", lang)]
    if line.interest_pause:
        out.append(t("doc.app.req.interest_free", lang))
    elif line.proposed_rate_pct < line.original_rate_pct:
        key = "doc.app.req.rate_cut_assumed" if line.rate_assumed else "doc.app.req.rate_cut"
        out.append(t(key, lang, original=format_pct(line.original_rate_pct, lang),
                     proposed=format_pct(line.proposed_rate_pct, lang)))
    elif line.original_rate_pct > 0:
        key = "doc.app.req.rate_keep_assumed" if line.rate_assumed else "doc.app.req.rate_keep"
        out.append(t(key, lang, proposed=format_pct(line.proposed_rate_pct, lang)))
    if line.penalty_waived and line.fees_waived:
        out.append(t("doc.app.req.waive_all.credit_card" if card else "doc.app.req.waive_all", lang))
    elif line.penalty_waived:
        out.append(t("doc.app.req.waive_penalty", lang))
    elif line.fees_waived:
        out.append(t("doc.app.req.waive_fees", lang))
    if line.settlement_pct > 0:
        out.append(t("doc.app.req.settlement", lang, pct=format_pct(line.settlement_pct, lang),
                     amount=money(line.amount_to_repay, lang)))
    out.append(t("doc.app.req.stop_collection", lang, you=you))
    out.append(t("doc.app.req.written", lang))
    return out


def application(plan: NegotiationPlan, line: ProposalLine, lang: str, profile: BorrowerProfile,
                on: date | None = None) -> Document:
    lang = normalize_lang(lang)
    v = voice(line.kind)
    you = v.you(lang)
    details = profile.lender(line.name)
    card = v.account == "credit_card"
    title = t("doc.app.title.credit_card" if card else "doc.app.title", lang)
    fields = [(t("doc.app.to", lang), _addressee(details.legal_entity, line, lang)),
              (t("doc.app.product", lang), line.name),
              (t(f"doc.app.account.{v.account}", lang), details.account_id or t("doc.blank_contract", lang)),
              (t("doc.app.applicant", lang), profile.name)]
    if profile.id_last4:
        fields.append((t("doc.app.id_last4", lang), profile.id_last4))
    fields += [(t("doc.app.phone", lang), profile.phone), (t("doc.app.channel", lang), line.channel_text(lang)),
               (t("doc.app.date", lang), date_text(on, lang))]
    arrears = t("doc.app.arrears", lang, arrears=money(line.arrears_folded, lang)) if line.arrears_folded > 0 else ""
    blocks: list = [Fields(tuple(fields)),
                    Heading(t("doc.app.h.debt", lang)),
                    Paragraph(t(f"doc.app.debt.{line.kind.value}", lang, you=you, lender=line.name,
                                principal=money(line.principal, lang), arrears=arrears,
                                rate_clause=t(_rate_clause(line), lang, you=you,
                                              rate=format_pct(line.original_rate_pct, lang)))),
                    Heading(t("doc.app.h.hardship", lang)),
                    Paragraph(join(lang, t("doc.app.hardship", lang,
                                           hardship=t(f"doc.hardship.{profile.hardship}", lang)),
                                   t("doc.app.hardship_attached" if profile.hardship_detail.strip()
                                     else "doc.app.hardship_proof", lang, you=you))),
                    Heading(t("doc.app.h.plan", lang))]
    if line.arrears_folded > 0:
        blocks.append(Paragraph(t("doc.app.arrears_folded", lang, arrears=money(line.arrears_folded, lang))))
    blocks += [Paragraph(s) for s in schedule_sentences(line, lang)]
    blocks.append(timetable_table(line, lang))
    blocks.append(Paragraph(join(lang, t("doc.app.first_after_confirmation", lang, you=you),
                                 t("doc.overdue_until_agreed", lang))))
    blocks += [Heading(t("doc.app.h.requests", lang)), Paragraph(t("doc.app.req_intro", lang, you=you)),
               Bullets(tuple(_requests(plan, line, lang, you)), ordered=True)]
    apr = _cost_apr(plan, line)
    if apr:
        blocks.append(Paragraph(t("doc.app.cost", lang, apr=apr, you=you)))
    promises = [t("doc.app.promise.pay", lang)]
    if card:
        promises += [t("doc.app.promise.no_new_card", lang), t("doc.app.promise.credit_record", lang)]
    promises.append(t("doc.app.promise.truthful", lang, you=you))
    blocks += [Heading(t("doc.app.h.promises", lang)), Bullets(tuple(promises), ordered=True),
               Heading(t("doc.app.h.sources", lang)), Bullets(tuple(source_lines(v.sources, lang))),
               Paragraph(t("doc.app.closing", lang, you=you)),
               Signature(((t("doc.app.signature", lang), ""), (t("doc.app.date", lang), date_text(on, lang))))]
    if profile.hardship_detail.strip():
        blocks += [Heading(t("doc.app.attachment", lang)), Paragraph(profile.hardship_detail.strip(), style="quote")]
    return Document(title, tuple(blocks), lang=lang, date=on, kind="application", subject=line.name)


def script(plan: NegotiationPlan, line: ProposalLine, lang: str, profile: BorrowerProfile) -> Document:
    lang = normalize_lang(lang)
    v = voice(line.kind)
    you = v.you(lang)
    details = profile.lender(line.name)
    say = lambda x: spoken_amount(x, lang)  # noqa: E731
    acc_kind = v.account
    account = (t(f"doc.script.account.{acc_kind}", lang, account=details.account_id) if details.account_id
               else t(f"doc.script.account_blank.{acc_kind}", lang))
    arrears = t("doc.script.arrears", lang, arrears=say(line.arrears_folded)) if line.arrears_folded > 0 else ""
    blocks: list = [Paragraph(line.channel_text(lang), label=t("doc.script.channel", lang)),
                    Paragraph(t("doc.script.before", lang, account_label=t(f"doc.script.need.{acc_kind}", lang)),
                              style="note"),
                    Paragraph(t("doc.script.no_agents", lang), style="note")]
    if not plan.feasible:
        blocks.append(Paragraph(t("doc.script.infeasible", lang), style="note"))
    plan_lines = [spoken_schedule(line, lang, "doc.script")]
    if line.arrears_folded > 0:
        plan_lines.append(t("doc.script.arrears_folded", lang))
    if line.interest_pause:
        plan_lines.append(t("doc.script.interest_free", lang))
    elif line.proposed_rate_pct < line.original_rate_pct:
        plan_lines.append(t("doc.script.rate_cut_assumed" if line.rate_assumed else "doc.script.rate_cut", lang,
                            original=format_pct(line.original_rate_pct, lang),
                            proposed=format_pct(line.proposed_rate_pct, lang)))
    if line.rate_assumed:
        plan_lines.append(t("doc.script.ask_rate_only" if line.interest_pause else "doc.script.ask_rate", lang))
    if line.penalty_waived or line.fees_waived:
        plan_lines.append(t("doc.script.waive.credit_card" if v.account == "credit_card" else "doc.script.waive", lang))
    if line.settlement_pct > 0:
        plan_lines.append(t("doc.script.settlement", lang, pct=format_pct(line.settlement_pct, lang),
                            amount=say(line.amount_to_repay)))
    plan_lines.append(t("doc.script.budget", lang))
    apr = _cost_apr(plan, line)
    if apr:
        plan_lines.append(t("doc.script.cost", lang, apr=apr, you=you))
    if v.account == "credit_card":
        plan_lines.append(t("doc.script.card_terms", lang))
    card = "credit_card" if v.account == "credit_card" else "other"
    blocks += [Heading(t("doc.script.h.open", lang)),
               Paragraph(t("doc.script.open", lang, request=t(f"doc.script.request.{card}", lang)), style="quote"),
               Heading(t("doc.script.h.identity", lang)),
               Paragraph(t(f"doc.script.identity.{card}", lang, name=profile.name or t("doc.script.borrower", lang),
                           account=account, principal=say(line.principal), arrears=arrears), style="quote"),
               Heading(t("doc.script.h.willing", lang)),
               Paragraph(t("doc.script.willing", lang, hardship=t(f"doc.hardship_spoken.{profile.hardship}", lang)),
                         style="quote"),
               Heading(t("doc.script.h.plan", lang)),
               Paragraph(join(lang, *plan_lines), style="quote"),
               Heading(t("doc.script.h.written", lang)),
               Paragraph(t("doc.script.written", lang, you=you), style="quote"),
               Paragraph(t("doc.script.written_note", lang), style="note"),
               Heading(t("doc.script.h.contacts", lang)),
               Paragraph(t("doc.script.contacts", lang), style="quote")]
    rules = source_lines(tuple(s for s in v.sources if s in ("card_rules_70", "cba_collection_2026",
                                                             "gbt_45251_2025", "civil_code_1033")), lang)
    if rules:
        blocks += [Paragraph(t("doc.script.contacts_sources", lang), style="note"), Bullets(tuple(rules))]
    blocks += [Heading(t("doc.script.h.no_new_debt", lang)),
               Paragraph(t("doc.script.no_new_debt", lang), style="quote"),
               Heading(t("doc.script.h.log", lang)),
               Fields(tuple((t(f"doc.script.log.{k}", lang), "") for k in ("when", "who", "result", "ref")))]
    return Document(t("doc.script.title", lang, lender=line.name), tuple(blocks), lang=lang, kind="script",
                    subject=line.name)
