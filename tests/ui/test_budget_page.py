"""Budget page: income, expenses, buffer → money available for debt; income shock (AppTest)."""

from __future__ import annotations

import pytest

from planner import BudgetPlan, IncomeShock
from tests.ui.conftest import metric, page_texts, run_page
from ui.state import BUDGET_PLAN

PAGE = "ui/pages/budget.py"


def number_input(at, name):
    return next(w for w in at.number_input if w.key.endswith(f".{name}"))


@pytest.mark.parametrize("lang, label", [("zh", "每月可用于还债"), ("en", "Available for debt each month")])
def test_renders_the_sample_budget(lang, label):
    at = run_page(PAGE, lang)
    assert metric(at, label) == "¥8,500.00"
    assert len(at.number_input) == 8          # income, six categories, buffer


def test_editing_income_changes_available_and_the_comparison():
    at = run_page(PAGE)
    at.switch_page("ui/pages/compare.py").run()
    before = page_texts(at)
    at.switch_page(PAGE).run()
    number_input(at, "income").set_value(20_000).run()
    assert metric(at, "每月可用于还债") == "¥13,500.00"
    assert at.session_state[BUDGET_PLAN].available() == 13_500
    at.switch_page("ui/pages/compare.py").run()
    assert not at.exception and page_texts(at) != before
    assert "¥13,500.00" in page_texts(at)


def test_expense_and_buffer_reduce_available():
    at = run_page(PAGE, "en")
    number_input(at, "exp.medical").set_value(1_200).run()
    number_input(at, "buffer").set_value(0).run()
    assert metric(at, "Available for debt each month") == "¥8,000.00"


def test_expenses_above_income_warn_and_point_to_negotiation():
    at = run_page(PAGE)
    number_input(at, "income").set_value(3_000).run()
    assert metric(at, "每月可用于还债") == "¥0.00"
    text = page_texts(at)
    assert "超过收入" in text and "按合同还不上" in text


def test_income_shock_controls():
    at = run_page(PAGE, "en")
    at.toggle[0].set_value(True).run()
    at.slider[0].set_value(50.0).run()
    plan = at.session_state[BUDGET_PLAN]
    assert plan.shock == IncomeShock(50.0, 6, 1)
    assert metric(at, "Available while income is lower") == "¥1,000.00"
    assert "From month 1 to month 6" in page_texts(at)


def test_widgets_follow_a_plan_set_from_outside():
    at = run_page(PAGE, state={BUDGET_PLAN: BudgetPlan(income=5_000, buffer=1_000), "budget.version": 3})
    assert number_input(at, "income").value == 5_000
    assert metric(at, "每月可用于还债") == "¥4,000.00"


def test_essential_expenses_are_totalled():
    at = run_page(PAGE)
    assert metric(at, "每月必要开支合计") == "¥6,000.00"          # the sample's six categories


def test_an_income_drop_below_living_costs_says_what_is_missing_and_what_to_do_first():
    plan = BudgetPlan(income=8_000, expenses={"rent": 3_000, "food": 2_000}, buffer=500,
                      shock=IncomeShock(loss_pct=50, months=3))
    at = run_page(PAGE, state={BUDGET_PLAN: plan, "budget.version": 1})
    [gap] = [e.value for e in at.error if "先做这件事" in e.value]
    assert "¥1,000.00" in gap and "¥5,000.00" in gap and "官方客服" in gap      # 5,000 costs − 4,000 income
    plain = run_page(PAGE, state={BUDGET_PLAN: plan.with_shock(IncomeShock(loss_pct=10, months=3)),
                                  "budget.version": 1})
    assert not any("先做这件事" in e.value for e in plain.error)            # 7,200 still covers 5,000


def test_key_figures_share_rows_without_inputs():
    """The phone stylesheet puts metrics two to a row only in a row with no input in it (ui/phone.py)."""
    from tests.ui.conftest import run_page
    at = run_page("ui/pages/budget.py", "zh")
    holders = [c for c in at.columns if len(c.metric) == 1 and not c.number_input]
    assert len(holders) >= 3                          # available, expenses, dues: each in a column of its own
    assert [c.metric[0].label for c in holders[:2]] == ["每月可用于还债", "每月必要开支合计"]
