"""Shared pieces of the negotiation documents: the schedule sentence, the timetable table, the lender line."""

from __future__ import annotations

from datetime import date

from ..i18n import format_date, format_money, format_month, normalize_lang, t
from ..negotiation.plan import NegotiationPlan, ProposalLine
from .figures import phases, token_months, yuan
from .model import Table
from .spoken import spoken_amount, spoken_count

__all__ = ["join", "money", "resolve", "schedule_sentences", "spoken_schedule", "timetable_table"]


def join(lang: str, *parts: str) -> str:
    """Sentences one after another: no space in Chinese, one space in English."""
    return ("" if lang == "zh" else " ").join(p for p in parts if p)


def money(amount, lang: str) -> str:
    return format_money(float(yuan(amount)), lang)


def resolve(plan: NegotiationPlan, line: ProposalLine | str) -> ProposalLine:
    return plan.line(line) if isinstance(line, str) else line


def timetable_table(line: ProposalLine, lang: str) -> Table:
    return Table((t("doc.col.n", lang), t("doc.col.date", lang), t("doc.col.amount", lang)),
                 tuple((str(p.month), format_date(p.date, lang), money(p.amount, lang)) for p in line.timetable),
                 ("R", "L", "R"))


def _is_phased(line: ProposalLine) -> bool:
    """More than 'equal instalments plus a different last one'."""
    ph = phases(line.timetable)
    return len(ph) > 2 or (len(ph) == 2 and ph[1].count > 1)


def schedule_sentences(line: ProposalLine, lang: str) -> list[str]:
    """``自…起每月还款¥467.00，共31期，末期¥466.88，…合计…`` or the phases of a sequential timetable."""
    lang = normalize_lang(lang)
    ph = phases(line.timetable)
    if not ph:
        return []
    common = {"first": format_date(line.first_payment, lang), "last": format_date(line.last_payment, lang),
              "months": line.months, "total": money(line.total_repay, lang)}
    if len(ph) == 1 and ph[0].count == 1:
        return [t("doc.schedule.single", lang, **common)]
    if len(ph) == 1:
        return [t("doc.schedule.level", lang, amount=money(ph[0].amount, lang), **common)]
    if not _is_phased(line):
        return [t("doc.schedule.level_last", lang, amount=money(ph[0].amount, lang),
                  last_amount=money(ph[1].amount, lang), **common)]
    runs = []
    for p in ph:
        key = "doc.phase.one" if p.count == 1 else "doc.phase.run"
        runs.append(t(key, lang, a=p.first, b=p.last, amount=money(p.amount, lang),
                      from_month=format_month(p.first_date, lang), to_month=format_month(p.last_date, lang)))
    sep = "；" if lang == "zh" else "; "
    end = "。" if lang == "zh" else "."
    out = [join(lang, t("doc.schedule.phased", lang, **common), sep.join(runs) + end)]
    n = token_months(line)
    if n:
        out.append(t("doc.phase.token_note", lang, n=n, to_month=format_month(ph[0].last_date, lang)))
    return out


def spoken_schedule(line: ProposalLine, lang: str, prefix: str) -> str:
    """The schedule as said aloud (``prefix`` selects the script's wording: ``doc.script`` or ``doc.private.script``)."""
    lang = normalize_lang(lang)
    ph = phases(line.timetable)
    say = lambda x: spoken_amount(x, lang)  # noqa: E731
    count = lambda n: spoken_count(n) if lang == "zh" else n  # noqa: E731
    common = {"first": format_date(line.first_payment, lang), "last": format_date(line.last_payment, lang),
              "months": count(line.months), "total": say(yuan(line.total_repay))}
    plan_key = f"{prefix}.plan" if prefix == "doc.script" else prefix
    if len(ph) <= 1:
        return t(f"{plan_key}.level", lang, amount=say(ph[0].amount) if ph else say(0), **common)
    if not _is_phased(line):
        return t(f"{plan_key}.level_last", lang, amount=say(ph[0].amount), last_amount=say(ph[1].amount), **common)
    parts = []
    for i, p in enumerate(ph):
        if p.count == 1 and i == len(ph) - 1:
            parts.append(t("doc.script.phase.one", lang, amount=say(p.amount)))
        else:
            key = "doc.script.phase.run" if i == 0 else (
                "doc.script.phase.next_one" if p.count == 1 else "doc.script.phase.next")
            parts.append(t(key, lang, n=count(p.count), amount=say(p.amount)))
    sep = "，" if lang == "zh" else ", "
    return t(f"{plan_key}.phased", lang, phases=sep.join(parts), **common)


def date_text(on: date | None, lang: str) -> str:
    return format_date(on, lang) if on else t("doc.date_blank", lang)
