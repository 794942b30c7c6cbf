"""Charts of a comparison, as Vega-Lite (Altair) specs.  Pure: results and texts in, a chart out.

Why Vega-Lite and not Plotly: on a 2-core machine a page with one Plotly chart took 1.1–1.7 s longer to
draw in a fresh browser page than the same page without it (plotly.js is ~4.6 MB of script to evaluate);
Vega-Lite added ~0.35 s (benchmarks/bench_browser.py, README "Performance").  Borrowers mostly use phones.

Phone-safe by construction: the legend sits below the plot (it never squeezes it), long titles break onto a
second line before their parenthesis, labels are never truncated with "…", and there is no toolbar over
the plot.  Lender names are data values (never field names, never markup): Vega draws them as text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from planner import SimulationResult
from planner.escape import chart_text

FONT = "Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf")
OPEN_COLOR = "#bbbbbb"  # a lender not paid off within the window
DEFAULT_WINDOW = 120   # months shown when no strategy clears the debts
HEIGHT = 240
YUAN_LABEL = "'¥' + format(datum.value, ',.0f')"    # a Vega expression of our own, on numbers only


def chart_months(results: Sequence[SimulationResult]) -> int:
    """How many months to draw: until the slowest strategy that finishes (or 10 years)."""
    finished = [r.months_to_debt_free for r in results if r.debt_free]
    longest = max((r.months_run for r in results), default=1)
    if not finished:
        return min(longest, DEFAULT_WINDOW)
    return min(longest, max(max(finished), 1))


TITLE_WRAP = 16      # characters: a longer title breaks before its parenthesis (a 390 px phone fits ~20)


def wrap_title(title: str) -> list[str]:
    """The title's lines: a long title breaks before "（" / "(" so a phone never clips it."""
    if len(title) <= TITLE_WRAP:
        return [title]
    for mark in ("（", " ("):
        at = title.find(mark)
        if 0 < at:
            return [title[:at], title[at:].lstrip()]
    return [title]


def _legend(title: str | None, columns: int, symbol: str = "stroke") -> alt.Legend:
    return alt.Legend(title=title or None, orient="bottom", direction="horizontal", columns=columns,
                      labelLimit=0, symbolType=symbol, titleOrient="top")


def _style(chart: alt.Chart, title: str, *, height: int = HEIGHT) -> alt.Chart:
    """Title, font and size: ``height`` is the plot's own height (fit-x: the width follows the screen; title,
    axes and the legend below are added to the height instead of squeezing the plot)."""
    return (chart.properties(title=alt.TitleParams(wrap_title(title), anchor="start", fontSize=15), height=height,
                             autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
            .configure(font=FONT)
            .configure_axis(labelFontSize=12, titleFontSize=12, labelLimit=0)
            .configure_legend(labelFontSize=12, titleFontSize=12))


def _y_axis(title: str, **kw) -> alt.Axis:
    """A y axis whose title reads horizontally above the axis (a rotated Chinese title is hard to read)."""
    return alt.Axis(title=title, titleAngle=0, titleAlign="left", titleAnchor="end", titleBaseline="bottom",
                    titleX=0, titleY=-8, **kw)


def _x_month(title: str) -> alt.X:
    return alt.X("month:Q", title=title, axis=alt.Axis(format="d", tickMinStep=1))


def _y_yuan(title: str, *, stack: bool = False) -> alt.Y:
    return alt.Y("value:Q", stack="zero" if stack else None,
                 axis=_y_axis(title, labelExpr=YUAN_LABEL, tickCount=5), scale=alt.Scale(zero=True))


def _colors(domain: Sequence[str]) -> alt.Scale:
    return alt.Scale(domain=list(domain), range=[PALETTE[i % len(PALETTE)] for i in range(len(domain))])


def _money_tooltip(x: str, series: str, y: str) -> list[alt.Tooltip]:
    return [alt.Tooltip("month:Q", title=x), alt.Tooltip("series:N", title=series),
            alt.Tooltip("value:Q", title=y, format=",.2f")]


def total_balance(results: Sequence[SimulationResult], labels: Mapping[str, str], *, months: int,
                  title: str, x: str, y: str, legend: str) -> alt.Chart:
    """Total owed at the end of each month, one line per strategy (the recommended one first and thickest)."""
    order = [labels[r.strategy] for r in results]
    rows = [{"month": m + 1, "series": labels[r.strategy], "value": round(float(v), 2), "rank": i}
            for i, r in enumerate(results) for m, v in enumerate(r.series.total_balance[:months])]
    chart = alt.Chart(pd.DataFrame(rows)).mark_line().encode(
        x=_x_month(x), y=_y_yuan(y),
        color=alt.Color("series:N", sort=order, scale=_colors(order), legend=_legend(legend, 1)),
        strokeWidth=alt.condition("datum.rank == 0", alt.value(3), alt.value(2)),
        tooltip=_money_tooltip(x, legend, y))
    return _style(chart, title)


def lender_balances(result: SimulationResult, *, months: int, title: str, x: str, y: str,
                    legend: str) -> alt.Chart:
    """Each lender's balance, stacked, for one strategy."""
    names = [chart_text(n) for n in result.series.names]
    bal = result.series.balance[:months]
    rows = [{"month": m + 1, "series": names[j], "value": round(float(bal[m, j]), 2), "order": j}
            for m in range(bal.shape[0]) for j in range(bal.shape[1])]
    chart = alt.Chart(pd.DataFrame(rows)).mark_area(opacity=0.85).encode(
        x=_x_month(x), y=_y_yuan(y, stack=True),
        color=alt.Color("series:N", sort=names, scale=_colors(names), legend=_legend(legend, 2, "square")),
        order=alt.Order("order:Q"), tooltip=_money_tooltip(x, legend, y))
    return _style(chart, title)


def arrears_accounts(results: Sequence[SimulationResult], labels: Mapping[str, str], *, months: int,
                     title: str, x: str, y: str, legend: str) -> alt.Chart:
    """Number of accounts in arrears at the end of each month, per strategy."""
    order = [labels[r.strategy] for r in results]
    rows = [{"month": m + 1, "series": labels[r.strategy], "value": int(v)}
            for r in results for m, v in enumerate(r.series.accounts_in_arrears[:months])]
    top = max((int(r.series.accounts_in_arrears.max(initial=0)) for r in results), default=0)
    chart = alt.Chart(pd.DataFrame(rows)).mark_line(interpolate="step-after").encode(
        x=_x_month(x),
        y=alt.Y("value:Q", scale=alt.Scale(domain=[0, max(top, 1)]), axis=_y_axis(y, format="d", tickMinStep=1)),
        color=alt.Color("series:N", sort=order, scale=_colors(order), legend=_legend(legend, 1)),
        tooltip=[alt.Tooltip("month:Q", title=x), alt.Tooltip("series:N", title=legend),
                 alt.Tooltip("value:Q", title=y)])
    return _style(chart, title)


def payoff_timeline(result: SimulationResult, *, months: int, title: str, x: str, y: str,
                    paid_text: Sequence[str]) -> alt.Chart:
    """One bar per lender from month 1 to its payoff month (to the window's end if never paid off), with the
    payoff month written on the bar."""
    names = [chart_text(n) for n in result.series.names]
    ends = [o.payoff_month if o.payoff_month is not None else months for o in result.outcomes]
    colors = [PALETTE[j % len(PALETTE)] if o.payoff_month is not None else OPEN_COLOR
              for j, o in enumerate(result.outcomes)]
    data = pd.DataFrame({"lender": names, "end": ends, "color": colors, "text": [chart_text(s) for s in paid_text]})
    base = alt.Chart(data).encode(y=alt.Y("lender:N", sort=names, axis=_y_axis(y, labelLimit=0)))
    bars = base.mark_bar(opacity=0.45).encode(
        x=alt.X("end:Q", title=x, scale=alt.Scale(domain=[0, max(months, max(ends, default=1))]),
                axis=alt.Axis(format="d", tickMinStep=1)),
        color=alt.Color("color:N", scale=None), tooltip=[alt.Tooltip("lender:N", title=y),
                                                         alt.Tooltip("text:N", title=x)])
    text = base.mark_text(align="left", baseline="middle", dx=4, fontSize=12, color="#222").encode(
        x=alt.datum(0), text="text:N")
    return _style(alt.layer(bars, text), title, height=max(160, 42 * len(names)))


def plan_vs_actual(months, *, title: str, planned: str, reported: str, x: str, y: str, lang: str) -> alt.Chart:
    """Planned total owed per month vs the reported total (``MonthProgress`` rows; cents → yuan)."""
    from planner import format_month
    labels = [format_month(m.month, lang) for m in months]
    rows = [{"label": lab, "series": planned, "value": m.planned_cents / 100} for lab, m in zip(labels, months)]
    rows += [{"label": lab, "series": reported, "value": m.reported_cents / 100}
             for lab, m in zip(labels, months) if m.reported_cents is not None]
    chart = alt.Chart(pd.DataFrame(rows)).mark_line(point=True).encode(
        x=alt.X("label:O", title=x, sort=labels, axis=alt.Axis(labelAngle=-45)),
        y=_y_yuan(y),
        color=alt.Color("series:N", sort=[planned, reported], scale=_colors([planned, reported]),
                        legend=_legend(None, 2)),
        tooltip=[alt.Tooltip("label:O", title=x), alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("value:Q", title=y, format=",.2f")])
    return _style(chart, title)
