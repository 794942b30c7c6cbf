"""Lender names in charts are data: shown as typed, never markup, never hidden or reordered by bidi controls."""

from __future__ import annotations

import json

from planner import Debt, compare
from ui import charts

EVIL = '<a href="http://evil/x">借呗</a><br>\u202e<b>x</b> & co'
SHOWN = '<a href="http://evil/x">借呗</a><br><b>x</b> & co'


def test_lender_names_reach_the_chart_as_plain_data():
    c = compare([Debt(EVIL, balance=6_000, annual_rate=18, min_payment=300),
                 Debt("信用卡", balance=2_000, annual_rate=24, min_payment=100)], 1_000)
    months = charts.chart_months([c.best])
    stacked = charts.lender_balances(c.best, months=months, title="t", x="x", y="y", legend="l")
    timeline = charts.payoff_timeline(c.best, months=months, title="t", x="x", y="y", paid_text=["a", "b"])
    labels = set(stacked.data["series"]) | set(timeline.data["lender"])
    assert labels == {SHOWN, "信用卡"}                     # no bidi override; ordinary names unchanged
    for chart in (stacked, timeline):                    # the name is a value (data, sort order, colour domain),
        assert not [code for code in _code(chart.to_dict()) if "evil" in code]      # never a field or an expression


CODE_KEYS = {"field", "expr", "labelExpr", "test", "calculate", "filter", "signal"}


def _code(node) -> list[str]:
    """Every string of the spec that Vega reads as a field name or an expression."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in CODE_KEYS:
                found.append(json.dumps(value, ensure_ascii=False))
            found += _code(value)
    elif isinstance(node, list):
        for value in node:
            found += _code(value)
    return found
