"""The report's sections, in order: each one formats part of a :class:`ReportContext`.

A section is a function ``(pdf, ctx) -> None``; :data:`SECTIONS` lists them in
document order (a registry: adding a section is one function and one entry).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..i18n import format_date, format_money, format_month, format_months, format_pct, t
from ..strategies import get_strategy
from . import charts
from .context import ReportContext, balance_series, schedule_rows
from .cover import _budget_headline, cover, nothing_clears  # noqa: F401  (cover is a section)
from .layout import GREY, Column, ReportPDF

MAX_GRID_LENDERS = 5          # lender columns per month-grid table (portrait A4 stays readable)


def money(x: float | None, lang: str) -> str:
    return format_money(x, lang)


def amount_or_dash(x: float, lang: str) -> str:
    return money(x, lang) if abs(x) >= 0.005 else "—"


# ---------------------------------------------------------------------------- cover (see cover.py)

# ---------------------------------------------------------------------------- budget

def budget(pdf: ReportPDF, ctx: ReportContext) -> None:
    lang = ctx.lang
    pdf.heading(t("report.budget.title", lang), level=1)
    plan = ctx.budget_plan
    if plan is not None:
        rows = [[t("report.budget.income", lang), money(plan.income, lang)]]
        rows += [[t(f"budget.cat.{c}", lang), money(-v, lang)] for c, v in plan.expenses if v]
        if plan.buffer:
            rows.append([t("report.budget.buffer", lang), money(-plan.buffer, lang)])
        rows.append([t("report.budget.available", lang), money(plan.available(), lang)])
        pdf.table([Column(t("report.budget.item", lang), 3), Column(t("report.budget.amount", lang), 1.4, "R")],
                  rows, total_rows=[len(rows) - 1])
        if plan.shock is not None and plan.shock.loss_pct:
            pdf.paragraph(t("report.budget.shock", lang, start=plan.shock.start_month, months=plan.shock.months,
                            pct=format_pct(plan.shock.loss_pct, lang, decimals=0)))
    else:
        pdf.paragraph(t("report.budget.only_number", lang, amount=_budget_headline(ctx)))
    if not ctx.budget.is_constant:
        pdf.paragraph(t("report.budget.schedule", lang, months=_budget_runs(ctx)))
    check = ctx.comparison.check
    if not check.covers_interest:
        pdf.paragraph(t("report.budget.interest_gap", lang, interest=money(check.total_interest, lang),
                        budget=money(check.budget, lang)))
    elif check.covers_dues:
        pdf.paragraph(t("report.budget.covers", lang, due=money(check.total_due, lang),
                        extra=money(check.budget - check.total_due, lang)))
    else:
        pdf.paragraph(t("report.budget.gap", lang, due=money(check.total_due, lang), gap=money(check.dues_gap, lang)))


def _budget_runs(ctx: ReportContext) -> str:
    """``第1–3个月 ¥3,000.00；第4–9个月 ¥1,500.00；之后 ¥3,000.00`` (runs of equal budget)."""
    lang, values = ctx.lang, ctx.budget.monthly
    runs, start = [], 1
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start - 1]:
            runs.append((start, i, values[start - 1]))
            start = i + 1
    parts = []
    for k, (a, b, v) in enumerate(runs):
        if k == len(runs) - 1:
            span = ("之后" if lang == "zh" else "then") if len(runs) > 1 else ""
        else:
            span = (f"第{a}–{b}个月" if lang == "zh" else f"months {a}–{b}") if b > a else \
                   (f"第{a}个月" if lang == "zh" else f"month {a}")
        parts.append(f"{span} {money(v, lang)}".strip())
    return ("；" if lang == "zh" else "; ").join(parts)


# ---------------------------------------------------------------------------- comparison

def comparison(pdf: ReportPDF, ctx: ReportContext) -> None:
    """The no-deal simulation of every strategy, labelled as the comparison to the proposal."""
    lang, comp = ctx.lang, ctx.comparison
    pdf.ensure_space(150)          # the heading, its table and its chart belong together
    agreed = "_agreed" if ctx.agreed else ""
    pdf.heading(t(f"report.compare.title{agreed}", lang), level=1)
    pdf.paragraph(t(f"report.compare.intro{agreed}", lang), size=9.5)
    never = t("report.cannot_clear", lang)
    rows, chosen = [], []
    for rank, key in enumerate(comp.ranking, start=1):
        r = comp[key]
        if key == ctx.strategy:
            chosen.append(rank - 1)
        if r.debt_free:
            rows.append([str(rank), get_strategy(key).label(lang), format_months(r.months_to_debt_free, lang),
                         money(r.total_interest, lang), money(r.total_fees, lang), money(r.total_paid, lang),
                         str(r.months_in_arrears)])
        else:        # the debt keeps growing: its interest and months in arrears mean nothing
            rows.append([str(rank), get_strategy(key).label(lang), never, "—", "—", "—", "—"])
    pdf.table([Column(t("report.compare.rank", lang), 0.6, "C"), Column(t("report.compare.strategy", lang), 2.3),
               Column(t("report.compare.months", lang), 1.35, "R"), Column(t("report.compare.interest", lang), 1.4, "R"),
               Column(t("report.compare.fees", lang), 1.35, "R"), Column(t("report.compare.paid", lang), 1.4, "R"),
               Column(t("report.compare.arrears", lang), 1.1, "R")], rows, highlight=chosen)
    if nothing_clears(ctx):
        pdf.paragraph(t("report.compare.none_clear", lang, budget=_budget_headline(ctx)), size=9.5)
        return
    if any(not comp[k].debt_free for k in comp.ranking):
        pdf.paragraph(t("report.compare.some_never", lang), size=9, color=GREY)
    png = charts.balance_chart(
        charts.totals_from(balance_series(comp), ctx.total_owed), chosen=ctx.strategy,
        labels={k: get_strategy(k).label(lang) for k in comp.ranking},
        x_label=t("report.chart.x", lang), y_label=t("report.chart.y", lang))
    pdf.png(png, aspect=3.4 / 7.2, alt=t("report.chart.alt", lang))


# ---------------------------------------------------------------------------- month grids

def month_grid(pdf: ReportPDF, ctx: ReportContext, *, labels: Sequence[str], names: Sequence[str],
               amounts: Sequence[Sequence[float]], extra: Sequence[tuple[Column, Sequence[str]]]) -> None:
    """A table of months × lenders (split into parts of at most MAX_GRID_LENDERS lenders) plus extra columns."""
    lang = ctx.lang
    n = len(names)
    parts = max(1, -(-n // MAX_GRID_LENDERS))
    size = -(-n // parts)
    for p in range(parts):
        idx = list(range(p * size, min(n, (p + 1) * size)))
        if parts > 1:
            pdf.paragraph(t("report.schedule.part", lang, part=p + 1, parts=parts), size=8.5, color=GREY, after=0.5)
        cols = [Column(t("report.schedule.month", lang), 1.35)]
        cols += [Column(names[i], 1.2, "R") for i in idx]
        cols += [c for c, _ in extra]
        rows = []
        for k, label in enumerate(labels):
            rows.append([label] + [amount_or_dash(amounts[k][i], lang) for i in idx] + [vals[k] for _, vals in extra])
        pdf.table(cols, rows, size=7.6, after=3)


def _row_label(ctx: ReportContext, first: int, last: int) -> str:
    lang = ctx.lang
    if first == last:
        return format_month(ctx.month_date(first), lang)
    return t("report.schedule.year_span", lang, n=(first - 1) // 12 + 1,
             first=format_month(ctx.month_date(first), lang), last=format_month(ctx.month_date(last), lang))


def schedule(pdf: ReportPDF, ctx: ReportContext) -> None:
    """The chosen strategy month by month — only when it clears the debts (otherwise the comparison
    section says so and the document leads with the negotiation)."""
    lang, r = ctx.lang, ctx.result
    if not r.debt_free:
        return
    pdf.add_page()
    pdf.heading(t("report.schedule.title", lang), level=1)
    rows, truncated = schedule_rows(r)
    pdf.paragraph(t("report.schedule.intro", lang, strategy=get_strategy(ctx.strategy).label(lang), full=24), size=9.5)
    month_grid(pdf, ctx, labels=[_row_label(ctx, x.first, x.last) for x in rows],
               names=[d.name for d in ctx.debts], amounts=[x.payments for x in rows],
               extra=[(Column(t("report.schedule.total", lang), 1.25, "R"), [money(x.paid, lang) for x in rows]),
                      (Column(t("report.schedule.balance", lang), 1.35, "R"), [money(x.balance, lang) for x in rows])])
    pdf.paragraph(t("report.schedule.cleared", lang, month=format_month(ctx.month_date(r.months_to_debt_free), lang),
                    n=r.months_to_debt_free), size=9.5)
    if truncated:
        pdf.paragraph(t("report.schedule.truncated", lang, years=10), size=9, color=GREY)
    pdf.heading(t("report.payoff.title", lang), level=2)
    prow = []
    for o in r.outcomes:
        when = (f"{format_month(ctx.month_date(o.payoff_month), lang)}" if o.payoff_month
                else format_months(None, lang))
        prow.append([o.name, when, money(o.paid, lang), money(o.interest + o.fees, lang), str(o.months_in_arrears)])
    pdf.table([Column(t("report.debts.lender", lang), 2.2), Column(t("report.payoff.month", lang), 1.5, "R"),
               Column(t("report.payoff.paid", lang), 1.5, "R"), Column(t("report.payoff.cost", lang), 1.5, "R"),
               Column(t("report.payoff.arrears", lang), 1.1, "R")], prow)


SectionFn = Callable[[ReportPDF, ReportContext], None]
