"""diff_versions: what changed between two saved plans."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner import Debt, debt_to_record
from planner.storage import PlanSummary, PlanVersion, Repository, diff_versions

from .helpers import debts_v1, debts_v2, save_plan


def version(debts, budget=None, strategy="avalanche", method=None, summary=PlanSummary()) -> PlanVersion:
    return PlanVersion(0, 1, datetime(2025, 1, 1), "", tuple(debt_to_record(d) for d in debts),
                       budget or {"monthly": [4000.0]}, strategy, method, summary)


class TestDiffVersions:
    def test_identical_versions_have_no_changes(self):
        d = diff_versions(version(debts_v1()), version(debts_v1()))
        assert d.is_empty
        assert d.lines("zh") == ["两个版本没有差别。"] and d.lines("en") == ["The two versions are the same."]

    def test_added_removed_balance_and_terms(self):
        d = diff_versions(version(debts_v1()), version(debts_v2()))
        assert d.added == ("亲戚借款",)
        assert d.removed == ("花呗",)
        assert [(c.name, c.old, c.new, c.delta) for c in d.balance_changes] == [("借呗", 12000.0, 9500.0, -2500.0)]
        assert d.total_balance_change == -2500.0
        terms = {(c.where, c.field): (c.old, c.new) for c in d.term_changes}
        assert terms == {("招商银行信用卡", "annual_rate"): (18.0, 6.0),
                         ("招商银行信用卡", "min_payment"): (1000.0, 800.0),
                         ("招商银行信用卡", "overdue_days"): (40, 0)}

    def test_names_match_ignoring_case_and_spaces(self):
        a = [Debt("Card A", balance=100, annual_rate=1, min_payment=10)]
        b = [Debt("card  a", balance=100, annual_rate=1, min_payment=10)]
        d = diff_versions(version(a), version(b))
        assert d.added == () and d.removed == ()

    def test_budget_strategy_method_and_dates(self):
        a = version(debts_v1(), {"monthly": [4000.0], "income": {"salary": 8000}}, "avalanche", None,
                    PlanSummary(20, date(2026, 10, 1), 3100.5))
        b = version(debts_v1(), {"monthly": [4000.0, 3000.0], "income": {"salary": 7000}}, "snowball",
                    "installment_60", PlanSummary(23, date(2027, 1, 1), 3500.0))
        d = diff_versions(a, b)
        assert [(c.field, c.old, c.new) for c in d.budget_changes] == [
            ("income.salary", 8000, 7000), ("monthly", [4000.0], [4000.0, 3000.0])]
        assert d.strategy == ("avalanche", "snowball")
        assert d.negotiation_method == (None, "installment_60")
        assert d.debt_free_month == (date(2026, 10, 1), date(2027, 1, 1))
        assert d.debt_free_month_shift == 3
        assert d.total_cost == (3100.5, 3500.0)
        zh, en = "\n".join(d.lines("zh")), "\n".join(d.lines("en"))
        assert "2026年10月 → 2027年1月" in zh and "Oct 2026 → Jan 2027" in en
        assert "先还余额最小的" in zh and "Smallest balance first" in en
        assert "¥3,100.50 → ¥3,500.00" in en

    def test_never_debt_free_shift_is_none(self):
        a = version(debts_v1(), summary=PlanSummary(None, None, 9000.0))     # never debt-free, cost known
        b = version(debts_v1(), summary=PlanSummary(30, date(2027, 8, 1), 10.0))
        d = diff_versions(a, b)
        assert d.debt_free_month_shift is None
        assert "期限内无法还清 → 2027年8月" in "\n".join(d.lines("zh"))
        assert d.total_cost == (9000.0, 10.0)

    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_every_line_is_rendered(self, lang):
        d = diff_versions(version(debts_v1()), version(debts_v2(), strategy="snowball"))
        lines = d.lines(lang)
        assert len(lines) == 1 + 1 + 1 + 3 + 1
        assert all("{" not in line for line in lines)
        assert any("-¥2,500.00" in line for line in lines)


def test_diff_of_stored_versions(repo: Repository):
    c = repo.create_client("客户甲")
    v1 = save_plan(repo, c.id, debts_v1(), 4000, "avalanche", "一")
    v2 = save_plan(repo, c.id, debts_v2(), 4000, "avalanche", "二")
    d = diff_versions(repo.get_plan_version(v1), repo.get_plan_version(v2))
    assert d.added == ("亲戚借款",) and d.removed == ("花呗",)
    assert d.months_to_debt_free is not None and d.debt_free_month is not None
    assert d.debt_free_month_shift == d.months_to_debt_free[1] - d.months_to_debt_free[0]


def test_missing_figures_are_not_reported_as_never_debt_free():
    known = PlanSummary(20, date(2026, 10, 1), 3100.5)
    d = diff_versions(version(debts_v1(), summary=known), version(debts_v1(), summary=PlanSummary()))
    assert d.is_empty and d.debt_free_month is None and d.total_cost is None
