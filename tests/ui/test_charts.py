"""ui/charts.py: Vega-Lite specs from results, with the given labels, phone-safe legends and exact data."""

from __future__ import annotations

import pandas as pd

from planner import Debt, compare
from ui import charts

DEBTS = [Debt("借呗", balance=6_000, annual_rate=18, min_payment=300),
         Debt("信用卡", balance=2_000, annual_rate=24, min_payment=100)]


def _comparison(budget=1_000):
    c = compare(DEBTS, budget)
    return c, [c[k] for k in c.ranking], {k: k.upper() for k in c.ranking}


def _spec(chart) -> dict:
    return chart.to_dict()


def _data(chart) -> pd.DataFrame:
    layers = chart.layer if hasattr(chart, "layer") and chart.layer else [chart]
    data = chart.data if isinstance(chart.data, pd.DataFrame) else layers[0].data
    return data


def _legends(spec: dict) -> list[dict]:
    encodings = [spec.get("encoding", {})] + [layer.get("encoding", {}) for layer in spec.get("layer", [])]
    return [e["color"]["legend"] for e in encodings if "color" in e and e["color"].get("legend")]


def test_every_chart_has_its_title_font_and_labels():
    c, results, labels = _comparison()
    months = charts.chart_months(results)
    made = [charts.total_balance(results, labels, months=months, title="总额", x="月", y="元", legend="还法"),
            charts.lender_balances(c.best, months=months, title="各平台", x="月", y="元", legend="平台"),
            charts.arrears_accounts(results, labels, months=months, title="逾期", x="月", y="个", legend="还法"),
            charts.payoff_timeline(c.best, months=months, title="时间线", x="月", y="平台", paid_text=["a", "b"])]
    specs = [_spec(ch) for ch in made]
    assert [s["title"]["text"] for s in specs] == [["总额"], ["各平台"], ["逾期"], ["时间线"]]
    for s in specs:
        assert "Noto Sans CJK SC" in s["config"]["font"]
    total = _data(made[0])
    assert set(total["series"]) == set(labels.values())
    for r in results:                    # each strategy until it is debt-free (its last point is ¥0) or the window ends
        drawn = len(r.series.total_balance[:months])
        assert list(total[total["series"] == labels[r.strategy]]["month"]) == list(range(1, drawn + 1))
    assert list(_data(made[1])["series"].unique()) == ["借呗", "信用卡"]
    timeline = _data(made[3])
    assert list(timeline["end"]) == [o.payoff_month for o in c.best.outcomes]
    assert list(timeline["text"]) == ["a", "b"]


def test_chart_window_follows_the_slowest_finishing_strategy():
    c, results, _ = _comparison()
    finished = [r.months_to_debt_free for r in results if r.debt_free]
    assert charts.chart_months(results) == max(finished)
    never = compare(DEBTS, 100, horizon=300)
    assert charts.chart_months([never[k] for k in never.ranking]) == charts.DEFAULT_WINDOW


def test_stacked_balances_add_up_to_the_total():
    c, results, labels = _comparison()
    data = _data(charts.lender_balances(c.best, months=5, title="", x="", y="", legend=""))
    per_month = data.groupby("month")["value"].sum().to_numpy()
    assert len(per_month) == 5
    assert abs(per_month - c.best.series.total_balance[:5]).max() < 0.02


def test_total_balance_values_are_the_engines_series():
    c, results, labels = _comparison()
    data = _data(charts.total_balance(results, labels, months=4, title="", x="", y="", legend=""))
    for r in results:
        got = data[data["series"] == labels[r.strategy]]["value"].to_numpy()
        assert abs(got - r.series.total_balance[:4]).max() < 0.006


def test_phone_safe_layout_legend_below_and_long_titles_wrapped():
    c, results, labels = _comparison()
    spec = _spec(charts.total_balance(results, labels, months=5, title="各平台欠款（先还利率最高的（雪崩法））", x="月",
                                      y="元", legend="还法"))
    legend = _legends(spec)[0]
    assert legend["orient"] == "bottom" and legend["labelLimit"] == 0     # below the plot, labels never cut
    assert spec["title"]["text"] == ["各平台欠款", "（先还利率最高的（雪崩法））"]
    assert charts.wrap_title("总额") == ["总额"]


def test_plan_vs_actual_keeps_month_order_and_only_reported_points():
    from datetime import date

    from planner.progress import MonthProgress
    rows = [MonthProgress(month=date(2026, 12, 1), planned_cents=10_000_00, reported_cents=9_900_00, paid_cents=0),
            MonthProgress(month=date(2027, 1, 1), planned_cents=9_000_00, reported_cents=None, paid_cents=0)]
    chart = charts.plan_vs_actual(rows, title="进度", planned="计划", reported="实际", x="月", y="元", lang="zh")
    data = _data(chart)
    assert list(data[data["series"] == "计划"]["value"]) == [10_000.0, 9_000.0]
    assert list(data[data["series"] == "实际"]["value"]) == [9_900.0]
    assert _spec(chart)["encoding"]["x"]["sort"] == list(data[data["series"] == "计划"]["label"])
