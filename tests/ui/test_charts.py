"""ui/charts.py: figures from results, with an explicit template and the given labels."""

from __future__ import annotations

import streamlit  # noqa: F401  (importing streamlit is what changes plotly's default template)

from planner import Debt, compare
from ui import charts

DEBTS = [Debt("借呗", balance=6_000, annual_rate=18, min_payment=300),
         Debt("信用卡", balance=2_000, annual_rate=24, min_payment=100)]


def _comparison(budget=1_000):
    c = compare(DEBTS, budget)
    return c, [c[k] for k in c.ranking], {k: k.upper() for k in c.ranking}


def test_every_figure_sets_a_light_template_and_labels():
    c, results, labels = _comparison()
    months = charts.chart_months(results)
    figs = [charts.total_balance(results, labels, months=months, title="总额", x="月", y="元", legend="还法"),
            charts.lender_balances(c.best, months=months, title="各平台", x="月", y="元", legend="平台"),
            charts.arrears_accounts(results, labels, months=months, title="逾期", x="月", y="个", legend="还法"),
            charts.payoff_timeline(c.best, months=months, title="时间线", x="月", y="平台", paid_text=["a", "b"])]
    for fig in figs:
        assert fig.layout.template.layout.plot_bgcolor == "white"
        assert "Noto Sans CJK SC" in fig.layout.font.family
    assert [f.layout.title.text for f in figs] == ["总额", "各平台", "逾期", "时间线"]
    assert len(figs[0].data) == len(results) and {tr.name for tr in figs[0].data} == set(labels.values())
    assert [tr.name for tr in figs[1].data] == ["借呗", "信用卡"]
    assert list(figs[3].data[0].x) == [o.payoff_month for o in c.best.outcomes]


def test_chart_window_follows_the_slowest_finishing_strategy():
    c, results, _ = _comparison()
    finished = [r.months_to_debt_free for r in results if r.debt_free]
    assert charts.chart_months(results) == max(finished)
    never = compare(DEBTS, 100, horizon=300)
    assert charts.chart_months([never[k] for k in never.ranking]) == charts.DEFAULT_WINDOW


def test_stacked_balances_add_up_to_the_total():
    c, results, labels = _comparison()
    fig = charts.lender_balances(c.best, months=5, title="", x="", y="", legend="")
    total = sum(tr.y for tr in fig.data)
    assert abs(total - c.best.series.total_balance[:5]).max() < 0.02


def test_phone_safe_layout_legend_below_and_long_titles_wrapped():
    c, results, labels = _comparison()
    fig = charts.total_balance(results, labels, months=5, title="各平台欠款（先还利率最高的（雪崩法））", x="月",
                               y="元", legend="还法")
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.y < 0      # below the plot, not beside it
    assert fig.layout.title.text == "各平台欠款<br>（先还利率最高的（雪崩法））"
    assert fig.layout.xaxis.automargin and fig.layout.yaxis.automargin
    assert charts.wrap_title("总额") == "总额"
