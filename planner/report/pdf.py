"""``build_pdf``: the repayment plan as one PDF document (bytes).

A pure function: the same inputs give the same bytes (the creation date is
``today`` at midnight UTC, the file identifier is derived from the content),
so the dashboard's download and ``python -m planner report`` agree exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timezone
from typing import Any

from ..i18n import format_date, t
from ..models import Debt
from . import text  # noqa: F401  (registers the report's messages)
from .context import ReportContext, build_context
from .layout import ReportPDF
from .sections import budget, comparison, cover, schedule
from .sections_more import incidents_log, letters, negotiation, rights

#: the document, in order (a registry: a section is a function (pdf, ctx) -> None). The proposal comes
#: before the no-deal comparison: it is what the borrower asks for.
SECTIONS = (cover, budget, negotiation, comparison, schedule, letters, rights, incidents_log)


def build_pdf(debts: Sequence[Debt], budget_or_plan, *, lang: str = "zh", strategy: str = "avalanche",
              method: str | None = None, today: date, start: date | None = None,
              profile: Mapping[str, Any] | Any | None = None,
              incidents: Sequence[Any] | None = None, pseudonymise: bool = False,
              answers: Any | None = None) -> bytes:
    """The repayment plan as PDF bytes.

    Parameters
    ----------
    debts : the portfolio (:class:`planner.Debt`).
    budget_or_plan : money for debt each month (a number, a month-by-month list, a
        :class:`planner.Budget`) or a :class:`planner.budget.BudgetPlan` (its breakdown is printed).
    lang : ``"zh"`` or ``"en"``.
    strategy : the repayment strategy whose schedule the document follows (see ``planner.STRATEGIES``).
    method : how the negotiation proposal shares the budget between lenders
        (``planner.negotiation``'s methods; default ``equal_term``).
    today : the date printed on the document; month 1 of the plan is the month after it.
    start : date of the first negotiated payment (default: the 1st of the month after ``today``).
    profile : optional borrower details for the letters: a mapping (``{"name": ..., "contact": ...,
        "hardship": ..., "hardship_detail": ...}``) or a ``planner.letters.BorrowerProfile``.
    incidents : optional collection log (``planner.rights`` incidents) to append.
    pseudonymise : print only the first character of the borrower's name and mask numbers.
    answers : the lenders' recorded answers (:class:`planner.negotiation.NegotiationInputs`, as
        :meth:`planner.workspace_plan.WorkspacePlan.report_inputs` gives them): agreed lenders are listed as
        agreed (no new proposal, no letter), the others are proposed what the budget leaves after the agreed
        payments, refusals are marked.

    Raises :class:`planner.InvalidInput` (with every issue) on bad inputs.
    """
    ctx = build_context(debts, budget_or_plan, lang=lang, strategy=strategy, method=method, today=today,
                        start=start, profile=profile, incidents=incidents, pseudonymise=pseudonymise,
                        answers=answers)
    return render(ctx)


def render(ctx: ReportContext) -> bytes:
    lang = ctx.lang
    name = t("report.header_name", lang, name=ctx.borrower) if ctx.borrower else ""
    pdf = ReportPDF(
        header_text=t("report.header", lang, name=name, date=format_date(ctx.today, lang)),
        footer_text=t("report.footer", lang), page_label=t("report.page", lang, page="{page}", pages="{pages}"),
        created=datetime(ctx.today.year, ctx.today.month, ctx.today.day, tzinfo=timezone.utc),
        title=t("report.title", lang), lang=lang)
    for section in SECTIONS:
        section(pdf, ctx)
    return bytes(pdf.output())
