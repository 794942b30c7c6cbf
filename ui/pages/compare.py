"""Strategy comparison page: the table, the charts, the schedule and the plain-language verdict."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

import ui.text.compare  # noqa: F401  (registers this page's texts)
from planner import (Comparison, explain, format_money, format_month, format_months, get_strategy,
                     plan_month_date, schedule_csv, schedule_table, t)
from ui import cached, charts, state
from ui.downloads import on_demand
from planner.escape import EscapedMarkdown
from ui.safe import markdown, md

ROOT = Path(__file__).resolve().parents[2]
NEGOTIATE_PAGE = "ui/pages/negotiate.py"
SCHEDULE_PREVIEW_ROWS = 600
_SHOW = {"error": st.error, "warning": st.warning, "info": st.info, "success": st.success}


def _labels(comparison: Comparison, lang: str) -> dict[str, str]:
    """Short names (雪崩法, 平摊 …; the page says once what they mean), the recommended one marked: they fit a
    phone's table and legend, and never nest a bracket in another one (雪崩法（推荐）, 各平台欠款（雪崩法）)."""
    best = comparison.ranking[0]
    return {k: t("ui.compare.best", lang, label=get_strategy(k).short_label(lang)) if k == best
            else get_strategy(k).short_label(lang) for k in comparison.ranking}


# the summary's columns, in the order shown: on a phone (about 360 px for the table) the first four show
# without scrolling sideways -- which strategy, how long, what it costs, how many months late
SUMMARY_COLUMNS = ("strategy", "months", "cost", "arrears", "paid", "interest", "penalty", "fees", "date")
SUMMARY_KEY_COLUMNS = 4


def _summary(comparison: Comparison, lang: str, start: date) -> pd.DataFrame:
    rows = []
    labels = _labels(comparison, lang)
    for row in comparison.rows():
        months = row["months_to_debt_free"]
        rows.append({
            t("ui.compare.col.rank", lang): row["rank"],
            t("ui.compare.col.strategy", lang): labels[row["strategy"]],
            t("ui.compare.col.months", lang): format_months(months, lang) if months else t("ui.compare.never", lang),
            t("ui.compare.col.date", lang): format_month(plan_month_date(start, months) if months else None, lang),
            t("ui.compare.col.cost", lang): format_money(row["total_cost"], lang),
            t("ui.compare.col.interest", lang): format_money(row["total_interest"], lang),
            t("ui.compare.col.penalty", lang): format_money(row["penalty_interest"], lang),
            t("ui.compare.col.fees", lang): format_money(row["total_fees"], lang),
            t("ui.compare.col.arrears", lang): row["months_in_arrears"],
            t("ui.compare.col.paid", lang): format_money(row["total_paid"], lang),
        })
    return pd.DataFrame(rows)


def _negotiate_pointer(lang: str) -> None:
    if (ROOT / NEGOTIATE_PAGE).exists():
        st.page_link(NEGOTIATE_PAGE, label=t("ui.compare.negotiate", lang), icon=":material/handshake:")
    else:
        st.markdown(t("ui.compare.negotiate_text", lang))


def _charts(comparison: Comparison, chosen: str, lang: str, start: date) -> None:
    results = [comparison[k] for k in comparison.ranking]
    labels = _labels(comparison, lang)
    months = charts.chart_months(results)
    x, legend = t("ui.compare.axis.month", lang), t("ui.compare.legend.strategy", lang)
    strategy = get_strategy(chosen).short_label(lang)          # in brackets in the titles: no mark, no nesting
    tabs = st.tabs([t(f"ui.compare.tab.{k}", lang) for k in ("total", "lenders", "arrears", "timeline")])
    with tabs[0]:
        st.altair_chart(charts.total_balance(results, labels, months=months, title=t("ui.compare.chart.total", lang),
                                             x=x, y=t("ui.compare.axis.balance", lang), legend=legend),
                        key="compare.chart_total", width="stretch")
    result = comparison[chosen]
    with tabs[1]:
        st.altair_chart(charts.lender_balances(result, months=months, x=x, y=t("ui.compare.axis.balance", lang),
                                               title=t("ui.compare.chart.lenders", lang, strategy=strategy),
                                               legend=t("ui.compare.legend.lender", lang)),
                        key="compare.chart_lenders", width="stretch")
    with tabs[2]:
        st.altair_chart(charts.arrears_accounts(results, labels, months=months, x=x, legend=legend,
                                                title=t("ui.compare.chart.arrears", lang),
                                                y=t("ui.compare.axis.accounts", lang)),
                        key="compare.chart_arrears", width="stretch")
    with tabs[3]:
        texts = [t("ui.compare.timeline.paid", lang, month=o.payoff_month,
                   date=format_month(plan_month_date(start, o.payoff_month), lang))
                 if o.payoff_month else t("ui.compare.timeline.open", lang) for o in result.outcomes]
        st.altair_chart(charts.payoff_timeline(result, months=months, x=x, y=t("ui.compare.axis.lender", lang),
                                               title=t("ui.compare.chart.timeline", lang, strategy=strategy),
                                               paid_text=texts),
                        key="compare.chart_timeline", width="stretch")
    if months < max(r.months_run for r in results):
        st.caption(md(t, "ui.compare.chart_cut", lang, months=months))


def _schedule(debts: tuple, budget, comparison: Comparison, chosen: str, lang: str, start: date,
              order: tuple[str, ...]) -> None:
    label = get_strategy(chosen).short_label(lang)
    st.subheader(t("ui.compare.schedule", lang, strategy=label))
    table = schedule_table(comparison[chosen], lang, start=start)
    if len(table) > SCHEDULE_PREVIEW_ROWS:
        st.caption(md(t, "ui.compare.sch_rows", lang, n=SCHEDULE_PREVIEW_ROWS, total=len(table)))
    preview = table.head(SCHEDULE_PREVIEW_ROWS).copy()
    for column in preview.columns[3:]:          # the money columns (see planner.explain.SCHEDULE_COLUMNS)
        preview[column] = [format_money(v, lang) for v in preview[column]]
    cols = list(preview.columns)                  # 月份, 年月, 平台, 还款, …: lender and payment first on a phone
    st.dataframe(preview, hide_index=True, width="stretch", height=320,
                 column_order=[cols[2], cols[3], cols[0], cols[1], *cols[4:]])
    st.download_button(t("ui.compare.schedule_download", lang),
                       data=on_demand(schedule_csv, comparison[chosen], lang, start=start),   # built on click, not kept
                       file_name=t("ui.compare.schedule_file", lang, strategy=chosen), mime="text/csv",
                       on_click="ignore", key="compare.download", icon=":material/download:")


def _details(debts: tuple, budget, comparison: Comparison, lang: str, start: date, order: tuple[str, ...]) -> None:
    st.subheader(t("ui.compare.table", lang))
    st.caption(t("ui.compare.methods_line", lang))            # the short names, said once, above the table
    summary = _summary(comparison, lang, start)
    # rows are in rank order; the date, which says the same as "how long", last
    column = {k: t(f"ui.compare.col.{k}", lang) for k in SUMMARY_COLUMNS}
    st.dataframe(summary, hide_index=True, width="stretch", column_order=[column[k] for k in SUMMARY_COLUMNS],
                 column_config={column["cost"]: st.column_config.TextColumn(help=t("ui.compare.help.cost", lang)),
                                column["arrears"]: st.column_config.NumberColumn(
                                    help=t("ui.compare.help.arrears", lang))})
    for key in comparison.diverged:            # a strategy whose debt grows past any number: said, not hidden
        st.warning(t("ui.compare.diverged", lang, label=get_strategy(key).label(lang),
                     reason=t("issue.diverges", lang)))
    if st.session_state.get(state.COMPARE_STRATEGY) not in comparison.ranking:
        st.session_state[state.COMPARE_STRATEGY] = comparison.ranking[0]
    labels = _labels(comparison, lang)
    chosen = st.selectbox(t("ui.compare.choose", lang), options=list(comparison.ranking), key=state.COMPARE_STRATEGY,
                          format_func=lambda k: labels[k])
    _charts(comparison, chosen, lang, start)
    _schedule(debts, budget, comparison, chosen, lang, start, order)


def _short_answer(comparison: Comparison, notes, lang: str) -> None:
    """The budget is short: ONE recommendation (negotiate), then the fallback and who goes unpaid under it."""
    budget_codes = ("explain.dues_gap", "explain.no_interest_cover")
    for note in notes:
        if note.key in budget_codes:
            st.error(note.text)
    _negotiate_pointer(lang)
    with st.container(border=True):
        st.markdown(f"**{t('ui.compare.fallback_head', lang)}**")
        for note in notes:
            if note.key not in budget_codes:
                st.markdown(note.text)
        best = comparison.best
        unpaid = [o for o in best.outcomes if o.months_in_arrears > 0]
        if unpaid:
            names = EscapedMarkdown(("、" if lang != "en" else ", ").join(     # each name escaped here
                t("ui.compare.unpaid_item", lang, name=markdown(o.name), n=o.months_in_arrears) for o in unpaid))
            st.markdown(md(t, "ui.compare.unpaid", lang, names=names))


def _own_order(debts, lang: str) -> tuple[str, ...]:
    """The user's own priority (the model's ``custom`` strategy): lenders picked in the order to clear them."""
    names = [d.name for d in debts]
    kept = [n for n in st.session_state.get(state.COMPARE_ORDER, []) if n in names]   # a lender may be gone
    st.session_state[state.COMPARE_ORDER] = kept
    with st.expander(t("ui.compare.own_order", lang), expanded=bool(kept)):
        picked = st.multiselect(t("ui.compare.own_order_pick", lang), names, key=state.COMPARE_ORDER,
                                help=t("strategy.custom.help", lang), placeholder=t("ui.phone.choose_many", lang))
    return tuple(picked)


def render() -> None:
    lang = state.lang()
    st.title(t("ui.compare.title", lang))
    st.caption(t("ui.compare.intro", lang))
    debts, issues = state.get_debts()
    bad = {i.row for i in issues if i.is_error and i.row is not None}
    if bad:
        st.warning(t("ui.compare.bad_rows", lang, n=len(bad)))
    if not debts:
        st.info(t("ui.compare.no_debts", lang))
        st.page_link("ui/pages/debts.py", label=t("page.debts", lang), icon=":material/list_alt:")
        return
    inputs = state.get_plan_inputs()          # debts outside the plan out, budget changes and agreed terms in
    if not inputs.debts:
        st.info(t("ui.compare.no_debts", lang))
        return
    debts, budget, start = list(inputs.debts), inputs.budget, date.today()
    verdict = st.container()                 # filled below, shown above the own-order choice it depends on
    order = _own_order(debts, lang)
    comparison = cached.comparison(tuple(debts), budget, order)
    with verdict:
        line = t("ui.compare.budget_line", lang, budget=format_money(budget.first, lang),
                 due=format_money(comparison.check.total_due, lang))
        st.markdown(line + ("" if budget.is_constant else t("ui.compare.budget_line_shock", lang)))
        notes = md(explain, comparison, lang, start=start, order=order)     # lender names in the verdict: data
        if comparison.check.covers_dues:
            for note in notes:
                _SHOW[note.level](note.text)
        else:
            _short_answer(comparison, notes, lang)
    if not comparison.check.covers_dues:
        with st.expander(t("ui.compare.plans_anyway", lang)):
            _details(tuple(debts), budget, comparison, lang, start, order)
    else:
        _details(tuple(debts), budget, comparison, lang, start, order)


render()
