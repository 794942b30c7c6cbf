"""Sections after the comparison: negotiation proposals, letters, rights, incident log."""

from __future__ import annotations

from ..i18n import format_date, format_money, format_month, format_pct, t
from .context import FULL_MONTHS, ReportContext
from .layout import GREY, Column, ReportPDF
from .sections import month_grid

def money(x, lang):
    return format_money(x, lang)


# ---------------------------------------------------------------------------- negotiation

def negotiation(pdf: ReportPDF, ctx: ReportContext) -> None:
    plan, lang = ctx.negotiation, ctx.lang
    has_plan = plan is not None and bool(plan.lines)
    if not has_plan and not ctx.agreed:
        return
    pdf.add_page()
    if ctx.agreed:
        agreed_table(pdf, ctx)
    if not has_plan:
        return
    if ctx.agreed:
        pdf.heading(t("report.neg.title_others", lang), level=1)
        pdf.paragraph(t("report.neg.left_for_others", lang, amount=money(ctx.left_for_others, lang)), size=9.5)
    else:
        pdf.heading(t("report.neg.title", lang), level=1)
    pdf.paragraph(_verdict(plan, lang, agreed=bool(ctx.agreed)), size=9.5)
    rows = []
    for ln in plan.lines:
        span = "—"
        if ln.first_payment:
            span = f"{format_month(ln.first_payment, lang)}–{format_month(ln.last_payment, lang)}"
        original = format_pct(ln.original_rate_pct, lang) + (t("assumed.mark", lang) if ln.rate_assumed else "")
        rows.append([ln.name, money(ln.principal, lang), f"{original} → {format_pct(ln.proposed_rate_pct, lang)}",
                     money(ln.instalment, lang), t("report.neg.term_value", lang, n=ln.months), span,
                     money(ln.total_repay, lang)])
    rows.append([t("report.total", lang), money(plan.total_principal, lang), "", money(plan.total_monthly, lang),
                 t("report.neg.term_value", lang, n=plan.months), "", money(plan.total_repay, lang)])
    pdf.table([Column(t("report.debts.lender", lang), 1.75), Column(t("report.neg.principal", lang), 1.3, "R"),
               Column(t("report.neg.rate", lang), 2.0, "R"), Column(t("report.neg.instalment", lang), 1.2, "R"),
               Column(t("report.neg.months", lang), 0.75, "R"), Column(t("report.neg.period", lang), 2.0, "R"),
               Column(t("report.neg.total", lang), 1.3, "R")], rows, size=7.8, total_rows=[len(rows) - 1])
    if any(ln.rate_assumed for ln in plan.lines):
        pdf.paragraph(t("report.assumed.neg_note", lang, mark=t("assumed.mark", lang).strip()), size=8.2,
                      color=GREY)
    asks = [_asks(ln, lang) for ln in plan.lines]
    pdf.heading(t("report.neg.asks", lang), level=2)
    sep, before, after = ("：", "（", "）") if lang == "zh" else (": ", " (", ")")
    items = []
    for ln, ask in zip(plan.lines, asks):
        note = _note(ctx, ln.name)
        items.append(f"{ln.name}{sep}{ask}" + (f"{before}{note}{after}" if note else ""))
    pdf.bullets(items, size=9.5)
    pdf.heading(t("report.neg.notes", lang), level=2)
    pdf.bullets(_notes(plan, lang), size=9.2)
    pdf.heading(t("report.neg.timetable", lang), level=2)
    pdf.paragraph(t("report.neg.timetable_intro", lang, full=FULL_MONTHS), size=9.5)
    months = plan.months
    totals = plan.monthly_totals()
    labels, amounts, paid = [], [], []
    first = 1
    while first <= months:
        last = first if first <= FULL_MONTHS else min(first + 11, months)
        amounts.append([sum(ln.payment_in(m) for m in range(first, last + 1)) for ln in plan.lines])
        paid.append(money(sum(totals[first - 1:last]), lang))
        start_date = _payment_date(plan, first)
        if first == last:
            labels.append(format_date(start_date, lang))
        else:
            labels.append(t("report.schedule.year_span", lang, n=(first - 1) // 12 + 1,
                            first=format_month(start_date, lang),
                            last=format_month(_payment_date(plan, last), lang)))
        first = last + 1
    month_grid(pdf, ctx, labels=labels, names=[ln.name for ln in plan.lines], amounts=amounts,
               extra=[(Column(t("report.schedule.total", lang), 1.25, "R"), paid)])


def _note(ctx: ReportContext, name: str) -> str:
    """The recorded answer of a lender still proposed to ("refused on … — ask them to reconsider"), or ''."""
    note = ctx.answer_notes.get(name)
    if note is None:
        return ""
    kind = note.status if note.status in ("refused", "no_answer") else "proposed"
    if note.answered_on is None:
        return t(f"report.neg.answer.{kind}_undated", ctx.lang)
    return t(f"report.neg.answer.{kind}", ctx.lang, date=format_date(note.answered_on, ctx.lang))


def agreed_table(pdf: ReportPDF, ctx: ReportContext) -> None:
    """The lenders that accepted: what was agreed and the payments it gives (no new proposal to them)."""
    lang = ctx.lang
    pdf.heading(t("report.agreed.title", lang), level=1)
    pdf.paragraph(t("report.agreed.intro", lang), size=9.5)
    rows = []
    for a in ctx.agreed:
        span = "—"
        if a.first_payment:
            span = f"{format_month(a.first_payment, lang)}–{format_month(a.last_payment, lang)}"
        rows.append([a.name, money(a.monthly, lang), t("report.neg.term_value", lang, n=a.months),
                     format_pct(a.rate_pct, lang), format_date(a.agreed_on, lang) if a.agreed_on else "—", span,
                     money(a.total, lang)])
    pdf.table([Column(t("report.debts.lender", lang), 1.75), Column(t("report.agreed.monthly", lang), 1.3, "R"),
               Column(t("report.neg.months", lang), 0.8, "R"), Column(t("report.agreed.rate", lang), 1.1, "R"),
               Column(t("report.agreed.on", lang), 1.6, "R"), Column(t("report.neg.period", lang), 2.0, "R"),
               Column(t("report.agreed.total", lang), 1.5, "R")], rows, size=7.8)
    pdf.paragraph(t("report.agreed.note", lang), size=8.2, color=GREY)


def _verdict(plan, lang: str, *, agreed: bool = False) -> str:
    """Within the budget or not — and that each lender decides (never "the plan fits"); ``agreed``: the budget is
    what is left after the payments already agreed."""
    over = plan.total_monthly - plan.budget
    suffix = "_agreed" if agreed else ""
    if plan.feasible and over <= 0.005:
        text = t(f"report.cover.verdict_within{suffix}", lang, monthly=money(plan.total_monthly, lang),
                 budget=money(plan.budget, lang))
    else:
        need = plan.min_budget if plan.min_budget is not None else plan.total_monthly
        text = t(f"report.neg.over{suffix}", lang, need=money(need, lang), budget=money(plan.budget, lang),
                 gap=money(max(need - plan.budget, 0.0), lang), lender=plan.binding_lender or "—")
    return text + t("report.cover.lenders_decide", lang)


def _notes(plan, lang: str) -> list[str]:
    """What a lender and the borrower must both know about the proposal (safety content, issue 10 #14)."""
    from ..models import DebtKind
    notes = [t("report.overdue_until_agreed", lang), t("report.neg.note.direct", lang)]
    if any(ln.kind == DebtKind.CREDIT_CARD for ln in plan.lines):
        notes.append(t("report.neg.note.card", lang))
    return notes


def _payment_date(plan, month: int):
    for ln in plan.lines:
        if month <= len(ln.timetable):
            return ln.timetable[month - 1].date
    from .integrations import add_months
    return add_months(plan.start, month - 1)


def _asks(ln, lang: str) -> str:
    parts = []
    if ln.refused:
        return t("report.neg.ask.refused", lang)
    if ln.interest_pause:
        parts.append(t("report.neg.ask.pause", lang))
    elif ln.proposed_rate_pct < ln.original_rate_pct:
        parts.append(t("report.neg.ask.rate", lang, rate=format_pct(ln.proposed_rate_pct, lang)))
    charges = ln.kind.value != "private_loan" and ln.original_rate_pct > 0     # nothing to waive otherwise
    if ln.penalty_waived and charges:
        parts.append(t("report.neg.ask.penalty", lang))
    if ln.fees_waived and charges:
        parts.append(t("report.neg.ask.fees", lang))
    if ln.arrears_folded:
        parts.append(t("report.neg.ask.arrears", lang, amount=money(ln.arrears_folded, lang)))
    if ln.settlement_pct:
        parts.append(t("report.neg.ask.settlement", lang, pct=format_pct(ln.settlement_pct, lang, decimals=0)))
    parts.append(t("report.neg.ask.instalments", lang, months=ln.months, amount=money(ln.instalment, lang)))
    return ("；" if lang == "zh" else "; ").join(parts)


# ---------------------------------------------------------------------------- letters

def letters(pdf: ReportPDF, ctx: ReportContext) -> None:
    for name, doc in ctx.letters.items():
        pdf.add_page()
        pdf.heading(t("report.letter.title", ctx.lang, lender=name), level=1)
        document(pdf, doc)


def document(pdf: ReportPDF, doc) -> None:
    """A ``planner.documents.Document`` laid out block by block (its text is plain, never markup)."""
    from ..documents import Bullets, Fields, Heading, Paragraph, Signature, Table, clean
    from ..documents.model import blank

    sep = "：" if doc.lang == "zh" else ": "
    pdf.heading(clean(doc.title), level=2)
    for block in doc.blocks:
        if isinstance(block, Heading):
            pdf.heading(clean(block.text), level=3 if block.level > 1 else 2)
        elif isinstance(block, Paragraph):
            text = (clean(block.label) + sep if block.label else "") + clean(block.text)
            if block.style == "quote":
                pdf.paragraph(text, size=10, color=GREY, indent=6, leading=1.6, after=2)
            else:
                pdf.paragraph(text, size=10.5, leading=1.7, after=2.5)
        elif isinstance(block, Bullets):
            items = [clean(x) for x in block.items]
            if block.ordered:
                items = [f"{n}. {x}" for n, x in enumerate(items, start=1)]
            pdf.bullets(items, size=10, marker="" if block.ordered else "•")
        elif isinstance(block, Table):
            pdf.table([Column(clean(c), 1.0, block.alignment(i)) for i, c in enumerate(block.columns)],
                      [[clean(x) for x in row] for row in block.rows], size=8.5)
        elif isinstance(block, (Fields, Signature)):
            for label, value in block.items:
                pdf.paragraph(clean(label) + sep + (clean(value) or blank(doc.lang)), size=10.5, leading=1.6,
                              after=0.8)
            pdf.ln(2)


# ---------------------------------------------------------------------------- rights

def rights(pdf: ReportPDF, ctx: ReportContext) -> None:
    lang = ctx.lang
    pdf.add_page()
    pdf.heading(t("report.rights.title", lang), level=1)
    pdf.paragraph(t("report.rights.intro", lang), size=9, color=GREY)
    for section in ctx.rights:
        pdf.heading(section.title, level=3)
        pdf.paragraph(section.text, size=8.8, leading=1.4, after=0.4)
        if section.citation:
            pdf.paragraph(t("report.rights.based_on", lang, citation=section.citation), size=7.8, color=GREY,
                          leading=1.4, after=1.0)


# ---------------------------------------------------------------------------- incidents

def incidents_log(pdf: ReportPDF, ctx: ReportContext) -> None:
    if not ctx.incidents:
        return
    lang = ctx.lang
    from ..rights import incident_to_row

    pdf.add_page()
    pdf.heading(t("report.incidents.title", lang), level=1)
    pdf.paragraph(t("report.incidents.intro", lang, count=len(ctx.incidents)), size=9.5)
    rows = []
    for inc in sorted(ctx.incidents, key=lambda x: (x.date, x.time or "")):
        row = incident_to_row(inc, lang)
        when = format_date(inc.date, lang) + (f" {row['time']}" if row["time"] else "")
        who = inc.who(lang) + (f" ×{inc.count}" if inc.count > 1 else "")
        rows.append([when, row["lender"], row["channel"], who, row["summary"], row["tags"]])
    pdf.table([Column(t("report.incidents.when", lang), 1.3), Column(t("report.incidents.lender", lang), 1.1),
               Column(t("report.incidents.channel", lang), 0.8), Column(t("report.incidents.who", lang), 1.1),
               Column(t("report.incidents.summary", lang), 2.6), Column(t("report.incidents.tags", lang), 1.2)],
              rows, size=8)
