"""A private lender (民间借贷: a relative or a friend): a personal letter and a personal script.

No 贵司, collection agencies, apps, agreement numbers or industry standards; no penalty lines when
the loan carries no interest; the private-lending rules only when the agreed rate is above four
times the one-year LPR at the loan date (or, when the date is unknown, above today's figure with the
wording "按借款时的一年期LPR计算（请核实）").
"""

from __future__ import annotations

from datetime import date

from ..i18n import format_date, format_month, format_pct, normalize_lang, t
from ..negotiation.plan import NegotiationPlan, ProposalLine
from . import texts  # noqa: F401  (registers the templates)
from .common import date_text, join, money, schedule_sentences, spoken_schedule, timetable_table
from .lpr import lpr_on, private_cap_on
from .model import Document, Heading, Paragraph, Signature
from .profile import BorrowerProfile, LenderDetails
from .spoken import spoken_amount

__all__ = ["private_application", "private_rate_overrides", "private_script", "rate_above_cap"]


def rate_above_cap(plan: NegotiationPlan, line: ProposalLine, loan_date: date | None) -> tuple[bool, str]:
    """Whether the agreed rate exceeds 4 × the one-year LPR at the loan date; and ``"known"`` when that cap
    comes from the loan date, ``"unknown"`` when it falls back to the settings' LPR (worded "请核实")."""
    cap = private_cap_on(loan_date) if loan_date is not None else None
    if cap is not None:
        return line.original_rate_pct > cap + 1e-9, "known"
    cap = plan.settings.private_cap_pct if plan.settings else 12.0
    return line.original_rate_pct > cap + 1e-9, "unknown"


def _cap_sentence(loan_date: date | None, how: str, lang: str) -> str:
    if how == "known":
        return t("doc.private.cap_known", lang, month=format_month(loan_date, lang),
                 lpr=format_pct(lpr_on(loan_date), lang), cap=format_pct(private_cap_on(loan_date), lang))
    return t("doc.private.cap_unknown", lang)


def _who(profile: BorrowerProfile, line: ProposalLine) -> str:
    return profile.lender(line.name).relationship


def private_application(plan: NegotiationPlan, line: ProposalLine, lang: str, profile: BorrowerProfile,
                        on: date | None = None) -> Document:
    lang = normalize_lang(lang)
    details = profile.lender(line.name)
    who = _who(profile, line)
    when = t("doc.private.when", lang, date=format_date(details.loan_date, lang)) if details.loan_date else ""
    blocks: list = [Paragraph(t("doc.private.greeting", lang, who=who) if who
                              else t("doc.private.greeting_plain", lang)),
                    Paragraph(t("doc.private.debt", lang, principal=money(line.principal, lang), when=when,
                                hardship=t(f"doc.private.hardship.{profile.hardship}", lang))),
                    Heading(t("doc.private.h.plan", lang))]
    blocks += [Paragraph(s) for s in schedule_sentences(line, lang)]
    blocks.append(timetable_table(line, lang))
    above, how = rate_above_cap(plan, line, details.loan_date)
    if line.rate_assumed:               # never "the rate we agreed" when the person did not know it
        blocks.append(Paragraph(t("doc.private.rate_assumed", lang, rate=format_pct(line.proposed_rate_pct, lang))))
    elif line.original_rate_pct <= 0:
        blocks.append(Paragraph(t("doc.private.interest_free_thanks", lang)))
    elif above and line.proposed_rate_pct < line.original_rate_pct:
        blocks.append(Paragraph(t("doc.private.rate_cut", lang, original=format_pct(line.original_rate_pct, lang),
                                  proposed=format_pct(line.proposed_rate_pct, lang),
                                  cap=_cap_sentence(details.loan_date, how, lang))))
    else:
        blocks.append(Paragraph(t("doc.private.rate_keep", lang, rate=format_pct(line.proposed_rate_pct, lang))))
    blocks += [Paragraph(join(lang, t("doc.private.first_after_ok", lang), t("doc.private.until_agreed", lang))),
               Paragraph(t("doc.private.confirm", lang)),
               Paragraph(t("doc.private.thanks", lang))]
    blocks += [Paragraph(t("doc.private.extension_note", lang), style="note"),
               Signature(((t("doc.private.sign_borrower", lang), profile.name),
                          (t("doc.app.date", lang), date_text(on, lang)),
                          (t("doc.private.sign_lender", lang), "")))]
    return Document(t("doc.private.title", lang), tuple(blocks), lang=lang, date=on, kind="application",
                    subject=line.name)


def private_script(plan: NegotiationPlan, line: ProposalLine, lang: str, profile: BorrowerProfile) -> Document:
    lang = normalize_lang(lang)
    who = _who(profile, line)
    say = lambda x: spoken_amount(x, lang)  # noqa: E731
    plan_text = spoken_schedule(line, lang, "doc.private.script")
    lines = [Paragraph(t("doc.private.script.before", lang), style="note"),
             Paragraph(t("doc.private.script.open", lang, who=who or t("doc.private.script.who_default", lang)),
                       style="quote"),
             Paragraph(t("doc.private.script.situation", lang, principal=say(line.principal),
                         hardship=t(f"doc.private.hardship.{profile.hardship}", lang)), style="quote"),
             Paragraph(t("doc.private.script.plan", lang, plan=plan_text), style="quote")]
    above, _ = rate_above_cap(plan, line, profile.lender(line.name).loan_date)
    if line.rate_assumed:
        lines.append(Paragraph(t("doc.private.script.rate_assumed", lang), style="quote"))
    elif line.original_rate_pct > 0 and above and line.proposed_rate_pct < line.original_rate_pct:
        lines.append(Paragraph(t("doc.private.script.rate", lang, proposed=format_pct(line.proposed_rate_pct, lang)),
                               style="quote"))
    lines += [Paragraph(t("doc.private.script.ask", lang), style="quote"),
              Paragraph(t("doc.private.script.close", lang), style="quote")]
    title = t("doc.private.script.title", lang, who=who or line.name)
    return Document(title, tuple(lines), lang=lang, kind="script", subject=line.name)


def private_rate_overrides(debts, profile: BorrowerProfile) -> dict[str, dict[str, float]]:
    """``{lender: {"rate_pct": min(contract rate, 4 × LPR at the loan date)}}`` for private loans with a loan date.

    Pass it to :func:`planner.negotiation.propose` (merged under the user's own overrides) so the plan asks a
    private lender for the cap that applied when the loan was made, not today's.

    >>> from datetime import date
    >>> from planner import Debt
    >>> p = BorrowerProfile(lenders={"王叔": LenderDetails(loan_date=date(2024, 5, 10))})
    >>> private_rate_overrides([Debt("王叔", balance=1000, annual_rate=18, min_payment=0, kind="private_loan")], p)
    {'王叔': {'rate_pct': 13.8}}
    """
    out: dict[str, dict[str, float]] = {}
    for d in debts:
        if d.kind.value != "private_loan":
            continue
        day = profile.lender(d.name).loan_date
        cap = private_cap_on(day) if day else None
        if cap is not None:
            out[d.name] = {"rate_pct": min(d.annual_rate, cap)}
    return out
