"""The PDF's first page: what the borrower asks for, and the no-deal figures as the comparison.

When a negotiation proposal exists (the usual case) the cover leads with it:
the monthly total asked for, its term and total, and whether it is within the
budget — never "the plan fits" as if lenders had agreed: each lender decides.
The simulation without any agreement follows, labelled as the comparison.  When
no way of repaying clears the debts at this budget, the documents say "cannot be
cleared" instead of printing astronomical interest or hundreds of months in
arrears, and point to the negotiation.
"""

from __future__ import annotations

from ..i18n import format_date, format_money, format_month, format_months, format_pct, t
from ..strategies import get_strategy
from .context import ReportContext
from .layout import GREY, Column, ReportPDF


def money(x: float | None, lang: str) -> str:
    return format_money(x, lang)


def proposal(ctx: ReportContext):
    """The negotiation plan when it proposes something (lines to show), else ``None``."""
    plan = ctx.negotiation
    return plan if plan is not None and getattr(plan, "lines", ()) else None


def no_deal_cleared(ctx: ReportContext) -> bool:
    return bool(ctx.result.debt_free)


def nothing_clears(ctx: ReportContext) -> bool:
    """No strategy clears the debts at this budget without an agreement."""
    return not any(ctx.comparison[k].debt_free for k in ctx.comparison.ranking)


def cover(pdf: ReportPDF, ctx: ReportContext) -> None:
    lang = ctx.lang
    pdf.add_page()
    pdf.set_y(pdf.t_margin + 6)
    pdf.heading(t("report.title", lang), level=0)
    pdf.paragraph(t("report.subtitle", lang), size=11, color=GREY, after=1)
    who = [t("report.prepared_on", lang, date=format_date(ctx.today, lang))]
    if ctx.borrower:
        who.insert(0, t("report.prepared_for", lang, name=ctx.borrower)
                   + (t("report.pseudonym_note", lang) if ctx.pseudonymised else ""))
    pdf.paragraph("    ".join(who), size=9.5, color=GREY, after=5)
    plan = proposal(ctx)
    if plan is not None:
        _proposal_figures(pdf, ctx, plan)
    else:
        _no_deal_figures(pdf, ctx)
        if ctx.agreed:
            pdf.paragraph(_agreed_sentence(ctx, "report.cover.all_agreed"), size=10, after=1.5)
    pdf.ln(2)
    pdf.paragraph(t("report.purpose", lang), size=10, after=4)
    _debts_table(pdf, ctx)


def _proposal_figures(pdf: ReportPDF, ctx: ReportContext, plan) -> None:
    lang = ctx.lang
    budget = plan.budget
    over = plan.total_monthly - budget
    last = max((ln.last_payment for ln in plan.lines if ln.last_payment), default=None)
    pdf.key_figures([
        (t("report.cover.total_owed", lang), money(ctx.total_owed, lang),
         t("report.cover.lenders_value", lang, count=len(ctx.debts))),
        (t("report.cover.budget", lang), _budget_headline(ctx),
         t("report.cover.due_note", lang, amount=money(ctx.comparison.check.total_due, lang))),
        (t("report.cover.asked_monthly", lang), money(plan.total_monthly, lang),
         t("report.cover.within_budget", lang) if plan.feasible and over <= 0.005
         else t("report.cover.over_budget", lang, amount=money(max(over, 0.0), lang))),
        (t("report.cover.asked_term", lang), format_month(last, lang) if last else "—",
         t("report.cover.asked_term_note", lang, n=plan.months)),
        (t("report.cover.asked_total", lang), money(plan.total_repay, lang),
         t("report.cover.asked_total_note", lang, amount=money(plan.total_principal, lang))),
        _comparison_figure(ctx),
    ])
    agreed = "_agreed" if ctx.agreed else ""
    if ctx.agreed:
        pdf.paragraph(_agreed_sentence(ctx, "report.cover.agreed"), size=10, after=1.5)
    if plan.feasible and over <= 0.005:
        verdict = t(f"report.cover.verdict_within{agreed}", lang, monthly=money(plan.total_monthly, lang),
                    budget=money(budget, lang))
    else:
        verdict = t(f"report.cover.verdict_over{agreed}", lang, monthly=money(plan.total_monthly, lang),
                    budget=money(budget, lang), gap=money(max(over, 0.0), lang))
    pdf.paragraph(verdict + t("report.cover.lenders_decide", lang), size=10, after=1.5)
    pdf.paragraph(_comparison_sentence(ctx), size=9.5, color=GREY, after=1.5)
    pdf.paragraph(t("report.overdue_until_agreed", lang), size=9.5, color=GREY, after=1)


def _agreed_sentence(ctx: ReportContext, key: str) -> str:
    names = ("、" if ctx.lang == "zh" else ", ").join(a.name for a in ctx.agreed)
    return t(key, ctx.lang, names=names, amount=money(sum(a.monthly for a in ctx.agreed), ctx.lang))


def _comparison_figure(ctx: ReportContext) -> tuple[str, str, str]:
    lang, r = ctx.lang, ctx.result
    label = t("report.cover.no_deal_agreed" if ctx.agreed else "report.cover.no_deal", lang)
    if r.debt_free:
        return (label, format_month(ctx.month_date(r.months_to_debt_free), lang),
                t("report.cover.no_deal_cost", lang, amount=money(r.total_cost, lang)))
    return label, t("report.cannot_clear", lang), t("report.cover.no_deal_never_note", lang)


def _comparison_sentence(ctx: ReportContext) -> str:
    lang, r = ctx.lang, ctx.result
    strategy = get_strategy(ctx.strategy).label(lang)
    agreed = "_agreed" if ctx.agreed else ""
    if r.debt_free:
        return t(f"report.cover.comparison_cleared{agreed}", lang, strategy=strategy,
                 months=format_months(r.months_to_debt_free, lang), cost=money(r.total_cost, lang))
    return t(f"report.cover.comparison_never{agreed}", lang, strategy=strategy)


def _no_deal_figures(pdf: ReportPDF, ctx: ReportContext) -> None:
    lang, r = ctx.lang, ctx.result
    strategy = get_strategy(ctx.strategy)
    if r.debt_free:
        debt_free = format_month(ctx.month_date(r.months_to_debt_free), lang)
        debt_free_note = t("report.cover.debt_free_note", lang, months=format_months(r.months_to_debt_free, lang))
        cost = (t("report.cover.total_cost", lang), money(r.total_cost, lang),
                t("report.cover.penalty_note", lang, amount=money(r.total_penalty_interest, lang)))
        paid = (t("report.cover.total_paid", lang), money(r.total_paid, lang), "")
    else:
        debt_free, debt_free_note = t("report.cannot_clear", lang), t("report.cover.no_deal_never_note", lang)
        cost = (t("report.cover.total_cost", lang), "—", t("report.cover.not_meaningful", lang))
        paid = (t("report.cover.total_paid", lang), "—", "")
    pdf.key_figures([
        (t("report.cover.total_owed", lang), money(ctx.total_owed, lang),
         t("report.cover.lenders_value", lang, count=len(ctx.debts))),
        (t("report.cover.budget", lang), _budget_headline(ctx),
         t("report.cover.due_note", lang, amount=money(ctx.comparison.check.total_due, lang))),
        (t("report.cover.strategy", lang), strategy.short_label(lang), strategy.label(lang)),
        (t("report.cover.debt_free", lang), debt_free, debt_free_note),
        cost, paid,
    ])


def _debts_table(pdf: ReportPDF, ctx: ReportContext) -> None:
    lang = ctx.lang
    pdf.heading(t("report.debts.title", lang), level=2)
    rows = []
    mark = "\n" + t("assumed.mark", lang).strip()       # on its own line: never split inside the mark
    agreed = {a.name for a in ctx.agreed}
    for d in ctx.debts:
        due = money(d.min_payment, lang)
        if d.min_payment_pct:
            pct = t("report.debts.pct_of_balance", lang, pct=format_pct(d.min_payment_pct, lang, decimals=0))
            pct += mark if d.is_assumed("min_payment_pct") else ""
            due = pct if not d.min_payment else f"{due} / {pct}"
        overdue_txt = (t("report.debts.overdue_value", lang, days=d.overdue_days,
                         amount=money(d.effective_arrears, lang)) if d.is_overdue else "—")
        rate = format_pct(d.annual_rate, lang) + (mark if d.is_assumed("annual_rate") else "")
        name = d.name + ("\n" + t("report.debts.agreed_mark", lang) if d.name in agreed else "")
        rows.append([name, d.kind.label(lang), money(d.balance, lang), rate, due, overdue_txt])
    rows.append([t("report.total", lang), "", money(ctx.total_owed, lang), "", "", ""])
    pdf.table([Column(t("report.debts.lender", lang), 2.0), Column(t("report.debts.kind", lang), 1.75),
               Column(t("report.debts.balance", lang), 1.45, "R"), Column(t("report.debts.rate", lang), 1.05, "R"),
               Column(t("report.debts.due", lang), 1.65, "R"), Column(t("report.debts.overdue", lang), 1.6, "R")],
              rows, total_rows=[len(rows) - 1])
    assumption_footnotes(pdf, ctx.debts, lang)


def assumption_footnotes(pdf: ReportPDF, debts, lang: str) -> None:
    """Under a table that shows assumed values: what was assumed for "不知道", on what basis, check the contract."""
    from ..parsing import assumed_items
    notes = [t("report.assumed.item", lang, name=d.name, items=assumed_items(d, lang), why=d.assumption_why(lang))
             for d in debts if d.assumed]
    if notes:
        pdf.paragraph(t("report.assumed.footnote", lang, mark=t("assumed.mark", lang).strip()), size=8.2,
                      color=GREY, after=0.5)
        pdf.bullets(notes, size=8.2)


def _budget_headline(ctx: ReportContext) -> str:
    b = ctx.budget
    if b.is_constant:
        return money(b.first, ctx.lang)
    return f"{money(min(b.monthly), ctx.lang)} – {money(max(b.monthly), ctx.lang)}"
