"""planner.budget: the household budget behind the money available for debt."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import EXPENSE_CATEGORIES, Budget, BudgetPlan, IncomeShock, InvalidInput
from planner.budget import plan_from_dict

money = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
shocks = st.none() | st.builds(IncomeShock, loss_pct=st.floats(0, 100), months=st.integers(1, 60),
                               start_month=st.integers(1, 60))
plans = st.builds(BudgetPlan, income=money, expenses=st.dictionaries(st.sampled_from(EXPENSE_CATEGORIES), money),
                  buffer=money, shock=shocks)


class TestAvailable:
    def test_income_minus_expenses_minus_buffer(self):
        plan = BudgetPlan(income=12_000, expenses={"rent": 3_000, "food": 2_000, "medical": 500}, buffer=1_000)
        assert plan.total_expenses == 5_500
        assert plan.available() == 5_500

    def test_never_negative_and_warns(self):
        plan = BudgetPlan(income=3_000, expenses={"rent": 2_500, "food": 800}, buffer=200)
        assert plan.available() == 0
        assert plan.shortfall() == 500
        [warning] = plan.warnings()
        assert not warning.is_error and warning.code == "expenses_exceed_income"
        assert "¥3,500.00" in warning.message("zh") and "exceed" in warning.message("en")

    def test_no_warning_when_income_covers(self):
        assert BudgetPlan(income=5_000, expenses={"rent": 1_000}).warnings() == []

    def test_every_category_is_stored_in_order(self):
        plan = BudgetPlan(income=1, expenses={"other": 2, "rent": 1})
        assert [c for c, _ in plan.expenses] == list(EXPENSE_CATEGORIES)
        assert plan.expense("rent") == 1 and plan.expense("food") == 0

    @given(plans)
    @settings(max_examples=100)
    def test_available_matches_definition(self, plan):
        expected = max(0.0, plan.income - sum(v for _, v in plan.expenses) - plan.buffer)
        assert plan.available() == pytest.approx(expected)
        assert plan.available() >= 0


class TestShock:
    def test_budget_list_with_shock(self):
        plan = BudgetPlan(income=10_000, expenses={"rent": 4_000}, shock=IncomeShock(40, months=3, start_month=2))
        assert plan.to_budget().monthly == (6_000.0, 2_000.0, 2_000.0, 2_000.0, 6_000.0)

    def test_shock_deeper_than_the_budget_gives_zero(self):
        plan = BudgetPlan(income=10_000, expenses={"rent": 4_000}, shock=IncomeShock(100, months=1, start_month=1))
        assert plan.to_budget().monthly == (0.0, 6_000.0)

    def test_no_shock_is_a_constant_budget(self):
        assert BudgetPlan(income=8_000, buffer=500).to_budget() == Budget.of(7_500)
        zero = BudgetPlan(income=8_000, shock=IncomeShock(0, months=5, start_month=1))
        assert zero.to_budget() == Budget.of(8_000)

    def test_horizon_truncates(self):
        plan = BudgetPlan(income=1_000, shock=IncomeShock(50, months=12, start_month=10))
        assert len(plan.to_budget(horizon=5).monthly) == 5

    @given(plans, st.integers(1, 150))
    @settings(max_examples=100)
    def test_budget_list_follows_the_shock_month_by_month(self, plan, month):
        budget = plan.to_budget()
        assert budget.for_month(month) == pytest.approx(plan.available(month))


class TestValidation:
    @pytest.mark.parametrize("kwargs, column, code", [
        ({"income": -1}, "income", "negative"),
        ({"income": float("nan")}, "income", "not_finite"),
        ({"income": "abc"}, "income", "not_a_number"),
        ({"income": 1, "buffer": 2e9}, "buffer", "too_large"),
        ({"income": 1, "expenses": {"rent": -5}}, "expense.rent", "negative"),
        ({"income": 1, "shock": IncomeShock(120, 3, 1)}, "shock_pct", "pct_range"),
        ({"income": 1, "shock": IncomeShock(10, 0, 1)}, "shock_months", "horizon_range"),
        ({"income": 1, "shock": IncomeShock(10, 3, 0)}, "shock_start", "shock_start_range"),
    ])
    def test_bad_values_raise_with_issues(self, kwargs, column, code):
        with pytest.raises(InvalidInput) as info:
            BudgetPlan(**kwargs)
        [issue] = info.value.issues
        assert (issue.column, issue.code) == (column, code)
        assert issue.message("zh") != issue.message("en")

    def test_unknown_category(self):
        with pytest.raises(InvalidInput) as info:
            BudgetPlan(income=1, expenses={"holiday": 5})
        assert info.value.issues[0].code == "unknown_expense"

    def test_messages_name_the_field_in_both_languages(self):
        with pytest.raises(InvalidInput) as info:
            BudgetPlan(income=-3)
        assert "每月净收入" in info.value.messages("zh")[0]
        assert "monthly net income" in info.value.messages("en")[0]

    def test_every_error_is_collected(self):
        with pytest.raises(InvalidInput) as info:
            BudgetPlan(income=-1, buffer=-1, expenses={"food": -1})
        assert {i.column for i in info.value.issues} == {"income", "buffer", "expense.food"}


class TestDict:
    @given(plans)
    @settings(max_examples=100)
    def test_round_trip_through_json(self, plan):
        data = json.loads(json.dumps(plan.to_dict()))
        assert BudgetPlan.from_dict(data) == plan

    def test_bad_dict_gives_issues_not_exceptions(self):
        plan, issues = plan_from_dict({"income": "lots", "expenses": {"rent": -1}})
        assert plan is None and {i.column for i in issues} == {"income", "expense.rent"}
        assert plan_from_dict({"income": 1, "shock": "soon"})[0] is None
        assert plan_from_dict([1, 2])[0] is None
        with pytest.raises(InvalidInput):
            BudgetPlan.from_dict({"income": -1})

    def test_plans_are_hashable(self):
        a = BudgetPlan(income=1, expenses={"rent": 1})
        assert hash(a) == hash(BudgetPlan(income=1.0, expenses=(("rent", 1.0),)))
