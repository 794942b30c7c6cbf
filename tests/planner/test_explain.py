"""planner.explain: the plain-language verdict, built from the results."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import (Debt, compare, explain, format_money, plan_month_date, portfolio_totals, schedule_csv,
                     schedule_table, simulate)
from planner.explain import budget_notes

START = date(2026, 3, 10)
DEBTS = [Debt("借呗", balance=12_000, annual_rate=18.25, min_payment=400),
         Debt("微粒贷", balance=3_000, annual_rate=16.4, min_payment=150),
         Debt("信用卡", balance=8_000, annual_rate=24, min_payment=300)]


def keys(notes):
    return [n.key for n in notes]


class TestBudgetNotes:
    def test_budget_below_interest_says_it_plainly(self):
        c = compare(DEBTS, 200)
        notes = explain(c, "zh", start=START)
        assert notes[0].level == "error" and notes[0].key == "explain.no_interest_cover"
        assert "每个平台还一点，连利息都还不上" in notes[0].text
        assert format_money(c.check.total_interest, "zh") in notes[0].text
        assert "does not even cover" in explain(c, "en", start=START)[0].text

    def test_budget_below_dues_gives_the_gap(self):
        c = compare(DEBTS, 700)   # dues 850, interest ~ 380
        assert c.check.covers_interest and not c.check.covers_dues
        [note] = budget_notes(c.check, "en")
        assert note.key == "explain.dues_gap"
        assert format_money(c.check.dues_gap, "en") in note.text and format_money(850, "en") in note.text
        assert format_money(150, "zh") in budget_notes(c.check, "zh")[0].text

    def test_enough_budget_has_no_budget_note(self):
        assert budget_notes(compare(DEBTS, 3_000).check) == []

    def test_growing_debt_is_named(self):
        notes = explain(compare(DEBTS, 200, horizon=60), "zh", start=START)
        assert "explain.never_growing" in keys(notes)


class TestWinner:
    def test_avalanche_names_the_highest_rate_debt(self):
        c = compare(DEBTS, 2_000)
        assert c.ranking[0] == "avalanche"
        notes = explain(c, "zh", start=START)
        winner = notes[0]
        assert winner.key == "explain.winner" and winner.level == "success"
        months = c.best.months_to_debt_free
        assert f"{plan_month_date(START, months).year}年{plan_month_date(START, months).month}月" in winner.text
        assert format_money(c.best.total_cost, "zh") in winner.text
        why = notes[1]
        assert why.key == "explain.why.avalanche" and "信用卡" in why.text and "24.00%" in why.text

    def test_snowball_names_the_smallest_balance(self):
        c = compare(DEBTS, 2_000, strategies=["snowball", "spread"])
        notes = explain(c, "en", start=START)
        why = next(n for n in notes if n.key.startswith("explain.why"))
        assert why.key == "explain.why.snowball" and "微粒贷" in why.text and "¥3,000.00" in why.text

    def test_the_habit_costs_the_difference(self):
        c = compare(DEBTS, 2_000)
        habit = next(n for n in explain(c, "zh", start=START) if n.key == "explain.habit")
        extra = c["spread"].total_cost - c.best.total_cost
        assert extra > 0 and format_money(extra, "zh") in habit.text

    def test_identical_strategies_are_called_a_tie(self):
        one = [Debt("卡", balance=5_000, annual_rate=20, min_payment=200)]
        notes = explain(compare(one, 1_000, strategies=["avalanche", "snowball"]), "zh", start=START)
        assert "explain.tie" in keys(notes)

    def test_arrears_in_the_winning_plan_are_mentioned(self):
        c = compare(DEBTS, 800)
        winner = next(n for n in explain(c, "en", start=START) if n.key == "explain.winner")
        assert c.best.months_in_arrears > 0
        assert winner.level == "warning" and f"in {c.best.months_in_arrears} of those months" in winner.text

    @given(st.floats(min_value=0, max_value=20_000), st.sampled_from(["zh", "en"]))
    @settings(max_examples=40, deadline=None)
    def test_any_budget_gives_sentences_in_the_language(self, budget, lang):
        notes = explain(compare(DEBTS, budget, horizon=120), lang, start=START)
        assert notes and all(n.text and n.level in ("error", "warning", "info", "success") for n in notes)
        cjk = any("\u4e00" <= ch <= "\u9fff" for n in notes for ch in n.text.replace("借呗", "")
                  .replace("微粒贷", "").replace("信用卡", ""))
        assert cjk == (lang == "zh")


class TestDates:
    @pytest.mark.parametrize("start, month, expected", [
        (date(2026, 1, 31), 1, date(2026, 1, 1)), (date(2026, 12, 5), 2, date(2027, 1, 1)),
        (date(2026, 11, 1), 14, date(2027, 12, 1))])
    def test_examples(self, start, month, expected):
        assert plan_month_date(start, month) == expected

    @given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(1, 1200))
    def test_months_apart(self, start, month):
        """Plan month 1 is the start's own month (the "this month" list), month m is m - 1 months later."""
        d = plan_month_date(start, month)
        assert d.day == 1 and (d.year - start.year) * 12 + d.month - start.month == month - 1


class TestTables:
    def test_schedule_table_headers_and_months(self):
        r = simulate(DEBTS, 2_000)
        zh = schedule_table(r, "zh", start=START)
        assert list(zh.columns[:3]) == ["月份", "年月", "平台"] and len(zh) == r.months_run * len(DEBTS)
        assert zh.iloc[0]["年月"] == "2026年3月"
        en = schedule_table(r, "en", start=START)
        assert en.iloc[0]["Calendar month"] == "Mar 2026"

    def test_schedule_csv_sums_to_the_total_paid(self):
        r = simulate(DEBTS, 2_000)
        text = schedule_csv(r, "en", start=START).decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert sum(float(row["Payment"]) for row in rows) == pytest.approx(r.total_paid, abs=0.01 * len(rows))

    def test_portfolio_totals(self):
        totals = portfolio_totals(DEBTS + [Debt("逾期", balance=1_000, annual_rate=10, min_payment=100,
                                                overdue_days=40)])
        assert totals.count == 4 and totals.balance == 24_000 and totals.overdue == 1
        assert totals.due > 850 + 200   # arrears of 200 are due on top
        assert portfolio_totals([]) == portfolio_totals([]).__class__(0, 0.0, 0.0, 0)
