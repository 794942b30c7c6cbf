"""Plotly figures of a comparison.  Pure: results and texts in, a figure out.

Every figure sets its template explicitly (after ``import streamlit`` plotly's
default template exports black bars) and uses the language's labels; the CJK
font stack lets Chinese render in the browser and in exported images.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from planner import SimulationResult
from planner.escape import plotly_text

TEMPLATE = "plotly_white"
FONT = "Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf")
DEFAULT_WINDOW = 120   # months shown when no strategy clears the debts


def chart_months(results: Sequence[SimulationResult]) -> int:
    """How many months to draw: until the slowest strategy that finishes (or 10 years)."""
    finished = [r.months_to_debt_free for r in results if r.debt_free]
    longest = max((r.months_run for r in results), default=1)
    if not finished:
        return min(longest, DEFAULT_WINDOW)
    return min(longest, max(max(finished), 1))


TITLE_WRAP = 16      # characters: a longer title breaks before its parenthesis (a 390 px phone fits ~20)


def wrap_title(title: str) -> str:
    """Long titles break onto a second line (before "（" / "(") so a phone never clips them."""
    if len(title) <= TITLE_WRAP:
        return title
    for mark in ("（", " ("):
        at = title.find(mark)
        if 0 < at:
            return title[:at] + "<br>" + title[at:].lstrip()
    return title


def _style(fig: go.Figure, title: str, x: str, y: str, legend: str | None = None) -> go.Figure:
    """Template, fonts, and a phone-safe layout: the legend below the plot (never squeezing it), margins that
    grow to fit the tick labels, titles wrapped rather than clipped."""
    two_lines = "<br>" in wrap_title(title)
    fig.update_layout(template=TEMPLATE, title={"text": wrap_title(title), "x": 0, "xanchor": "left", "xref": "paper",
                                                "font": {"size": 15}},
                      font={"family": FONT, "size": 12},
                      xaxis_title=x, yaxis_title=y, hovermode="x unified",
                      legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.18, "yanchor": "top",
                              "title": {"text": legend or "", "side": "top left"}},
                      margin={"l": 10, "r": 10, "t": 80 if two_lines else 56, "b": 10, "autoexpand": True},
                      height=460)
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def _months(n: int) -> np.ndarray:
    return np.arange(1, n + 1)


def total_balance(results: Sequence[SimulationResult], labels: Mapping[str, str], *, months: int,
                  title: str, x: str, y: str, legend: str) -> go.Figure:
    """Total owed at the end of each month, one line per strategy."""
    fig = go.Figure()
    for i, r in enumerate(results):
        series = r.series.total_balance[:months]
        fig.add_trace(go.Scatter(x=_months(len(series)), y=series.round(2), mode="lines",
                                 name=labels[r.strategy], line={"width": 3 if i == 0 else 2,
                                                                "color": PALETTE[i % len(PALETTE)]}))
    fig.update_yaxes(tickformat=",.0f", tickprefix="¥", rangemode="tozero")
    return _style(fig, title, x, y, legend)


def lender_balances(result: SimulationResult, *, months: int, title: str, x: str, y: str,
                    legend: str) -> go.Figure:
    """Each lender's balance, stacked, for one strategy."""
    fig = go.Figure()
    bal = result.series.balance[:months]
    for j, name in enumerate(result.series.names):
        fig.add_trace(go.Scatter(x=_months(bal.shape[0]), y=bal[:, j].round(2), name=plotly_text(name), mode="lines",
                                 stackgroup="one", line={"width": 0.5, "color": PALETTE[j % len(PALETTE)]}))
    fig.update_yaxes(tickformat=",.0f", tickprefix="¥", rangemode="tozero")
    return _style(fig, title, x, y, legend)


def arrears_accounts(results: Sequence[SimulationResult], labels: Mapping[str, str], *, months: int,
                     title: str, x: str, y: str, legend: str) -> go.Figure:
    """Number of accounts in arrears at the end of each month, per strategy."""
    fig = go.Figure()
    for i, r in enumerate(results):
        series = r.series.accounts_in_arrears[:months]
        fig.add_trace(go.Scatter(x=_months(len(series)), y=series, mode="lines", line_shape="hv",
                                 name=labels[r.strategy], line={"width": 2, "color": PALETTE[i % len(PALETTE)]}))
    top = max((int(r.series.accounts_in_arrears.max(initial=0)) for r in results), default=0)
    fig.update_yaxes(dtick=1, range=[-0.2, max(top, 1) + 0.5])
    return _style(fig, title, x, y, legend)


def payoff_timeline(result: SimulationResult, *, months: int, title: str, x: str, y: str,
                    paid_text: Sequence[str]) -> go.Figure:
    """One bar per lender from month 1 to its payoff month (to the window's end if never paid off)."""
    names = [plotly_text(n) for n in result.series.names]     # lender names are data, not Plotly markup
    ends = [o.payoff_month if o.payoff_month is not None else months for o in result.outcomes]
    colors = [PALETTE[j % len(PALETTE)] if o.payoff_month is not None else "#bbbbbb"
              for j, o in enumerate(result.outcomes)]
    fig = go.Figure(go.Bar(x=ends, y=names, orientation="h", marker={"color": colors}, text=list(paid_text),
                           textposition="auto", hoverinfo="text+y", showlegend=False))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, max(months, max(ends, default=1)) + 0.5])
    return _style(fig, title, x, y).update_layout(hovermode="closest", height=max(260, 70 + 45 * len(names)))


def plan_vs_actual(months, *, title: str, planned: str, reported: str, x: str, y: str, lang: str) -> go.Figure:
    """Planned total owed per month vs the reported total (``MonthProgress`` rows; cents → yuan).

    The legend sits below the plot so the chart keeps its width on a 390 px phone.
    """
    from planner import format_month
    labels = [format_month(m.month, lang) for m in months]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=labels, y=[m.planned_cents / 100 for m in months], mode="lines", name=planned,
                             line={"width": 3, "color": PALETTE[0]}))
    done = [(lab, m.reported_cents / 100) for lab, m in zip(labels, months) if m.reported_cents is not None]
    if done:
        fig.add_trace(go.Scatter(x=[d[0] for d in done], y=[d[1] for d in done], mode="lines+markers", name=reported,
                                 line={"width": 2, "color": PALETTE[1]}))
    fig.update_yaxes(tickformat=",.0f", tickprefix="¥", rangemode="tozero")
    _style(fig, title, x, y)
    return fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.25, "x": 0},
                             margin={"l": 50, "r": 10, "t": 50, "b": 90}, height=380)
