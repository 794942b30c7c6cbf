"""Budget page: income, essential expenses, buffer → money available for debt; income shock."""

from __future__ import annotations

import streamlit as st

import ui.text.budget  # noqa: F401  (registers this page's texts)
from planner import (EXPENSE_CATEGORIES, BudgetPlan, IncomeShock, InvalidInput, budget_check, format_money,
                     format_pct, portfolio_totals, t)
from ui import budget_events, state
from ui.safe import md

MONEY_MAX = 1e9


def _init_widgets(plan: BudgetPlan) -> None:
    """Seed the widgets from the stored plan when they are (re)created."""
    shock = plan.shock
    seeds = {"income": plan.income, "buffer": plan.buffer,
             **{f"exp.{c}": plan.expense(c) for c in EXPENSE_CATEGORIES},
             "shock_on": shock is not None, "shock_pct": float(shock.loss_pct) if shock else 30.0,
             "shock_months": shock.months if shock else 6, "shock_start": shock.start_month if shock else 1}
    for name, value in seeds.items():
        key = state.budget_widget_key(name)
        if key not in st.session_state:
            st.session_state[key] = value


def _money_input(label: str, name: str, help: str | None = None) -> float:
    return st.number_input(label, min_value=0.0, max_value=MONEY_MAX, step=100.0, format="%.0f",
                           key=state.budget_widget_key(name), help=help)


def _read_plan(lang: str) -> BudgetPlan | None:
    w = state.budget_widget_key
    shock = None
    if st.session_state[w("shock_on")]:
        shock = IncomeShock(loss_pct=float(st.session_state[w("shock_pct")]),
                            months=int(st.session_state[w("shock_months")]),
                            start_month=int(st.session_state[w("shock_start")]))
    try:
        return BudgetPlan(income=st.session_state[w("income")], buffer=st.session_state[w("buffer")],
                          expenses={c: st.session_state[w(f"exp.{c}")] for c in EXPENSE_CATEGORIES}, shock=shock)
    except InvalidInput as e:
        st.error(t("ui.budget.not_saved", lang) + "\n\n" + "\n".join(f"- {m}" for m in md(e.messages, lang)))
        return None


def _inputs(lang: str) -> None:
    _money_input(t("ui.budget.income", lang), "income")
    st.subheader(t("ui.budget.expenses", lang))
    for first in range(0, len(EXPENSE_CATEGORIES), 3):          # row by row: the same order when stacked
        for col, cat in zip(st.columns(3), EXPENSE_CATEGORIES[first:first + 3]):
            with col:
                _money_input(t(f"budget.cat.{cat}", lang), f"exp.{cat}")
    _money_input(t("ui.budget.buffer", lang), "buffer", help=t("ui.budget.buffer_help", lang))
    st.toggle(t("ui.budget.shock", lang), key=state.budget_widget_key("shock_on"))
    if st.session_state[state.budget_widget_key("shock_on")]:
        s1, s2, s3 = st.columns(3)
        s1.slider(t("ui.budget.shock_pct", lang), 0.0, 100.0, step=5.0, key=state.budget_widget_key("shock_pct"))
        s2.number_input(t("ui.budget.shock_months", lang), min_value=1, max_value=120, step=1,
                        key=state.budget_widget_key("shock_months"))
        s3.number_input(t("ui.budget.shock_start", lang), min_value=1, max_value=600, step=1,
                        key=state.budget_widget_key("shock_start"))
    budget_events.render(lang)        # extras, income changes, debts outside the plan (ui/budget_events.py)


def _results(plan: BudgetPlan, lang: str) -> None:
    """The answer: money for debt, essential expenses, dues; what to do first when it is short."""
    debts, _ = state.get_debts()
    shocked = plan.shock is not None and plan.shock.loss_pct > 0
    figures = [("ui.budget.available", format_money(plan.available(), lang)),
               ("ui.budget.total_expenses", format_money(plan.total_expenses, lang))]
    if shocked:
        figures.append(("ui.budget.available_shock", format_money(plan.available(plan.shock.start_month), lang)))
    if debts:
        figures.append(("ui.budget.dues", format_money(portfolio_totals(debts).due, lang)))
    # the key figures in a row of their own (no inputs in it): the phone stylesheet puts them two to a row
    for row in (figures[:2], figures[2:]):
        for col, (key, value) in zip(st.columns(2) if row else (), row):
            col.metric(t(key, lang), value)
    if shocked:
        month = plan.shock.start_month
        low = plan.available(month)
        st.caption(md(t, "ui.budget.shock_summary", lang, start=month, end=month + plan.shock.months - 1,
                     pct=format_pct(plan.shock.loss_pct, lang, decimals=0), available=format_money(low, lang)))
        gap = plan.living_gap(month)
        if gap > 0:
            st.error(t("ui.budget.living_gap", lang, gap=format_money(gap, lang),
                       expenses=format_money(plan.total_expenses, lang)))
    for issue in plan.warnings():
        st.warning(md(issue.message, lang))
    check = budget_check(debts, state.get_budget()) if debts else None
    if check is not None and not check.covers_dues:
        st.error(t("ui.budget.below_dues", lang, gap=format_money(check.dues_gap, lang)))
        st.page_link("ui/pages/negotiate.py", label=t("ui.budget.to_negotiate", lang), icon=":material/handshake:")
    st.page_link("ui/pages/compare.py", label=t("ui.budget.next", lang), icon=":material/arrow_forward:")


def render() -> None:
    lang = state.lang()
    st.title(t("ui.budget.title", lang))
    st.caption(t("ui.budget.intro", lang))
    _init_widgets(state.get_budget_plan())
    results, inputs = st.columns([2, 3], gap="medium")    # the answer first (above the inputs on a phone)
    with inputs:
        _inputs(lang)
    plan = _read_plan(lang)
    if plan is not None:
        state.set_budget_plan(plan, reset_widgets=False)
    with results:
        _results(state.get_budget_plan(), lang)

render()
