"""Lender names in Plotly charts are text: Plotly turns ``<a href>`` in a label into a live link."""

from __future__ import annotations

import streamlit  # noqa: F401

from planner import Debt, compare
from ui import charts

EVIL = '<a href="http://evil/x">借呗</a><br><b>x</b> & co'


def test_lender_names_reach_plotly_escaped():
    c = compare([Debt(EVIL, balance=6_000, annual_rate=18, min_payment=300),
                 Debt("信用卡", balance=2_000, annual_rate=24, min_payment=100)], 1_000)
    months = charts.chart_months([c.best])
    stacked = charts.lender_balances(c.best, months=months, title="t", x="x", y="y", legend="l")
    timeline = charts.payoff_timeline(c.best, months=months, title="t", x="x", y="y", paid_text=["a", "b"])
    labels = [tr.name for tr in stacked.data] + list(timeline.data[0].y)
    assert '&lt;a href="http://evil/x"&gt;借呗&lt;/a&gt;&lt;br&gt;&lt;b&gt;x&lt;/b&gt; &amp; co' in labels
    assert not any("<a" in label or "<br" in label for label in labels)
    assert "信用卡" in labels                               # ordinary names are unchanged
