"""st.cache_data around planner calls: keyed on hashable inputs (tuples, frozen dataclasses).

Results are recomputed only when the inputs change, so an edit re-renders without a
visible wait; nothing derived is kept in session state.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from planner import Budget, Comparison, Debt, compare, schedule_csv


@st.cache_data(max_entries=64, show_spinner=False)
def comparison(debts: tuple[Debt, ...], budget: Budget, order: tuple[str, ...] = (),
               horizon: int | None = None) -> Comparison:
    """Every strategy on this portfolio and budget (see :func:`planner.compare`)."""
    return compare(debts, budget, order=order or None, horizon=horizon)


@st.cache_data(max_entries=32, show_spinner=False)
def schedule_bytes(debts: tuple[Debt, ...], budget: Budget, strategy: str, lang: str, start: date,
                   order: tuple[str, ...] = (), horizon: int | None = None) -> bytes:
    """The chosen strategy's month-by-month schedule as CSV bytes."""
    return schedule_csv(comparison(debts, budget, order, horizon)[strategy], lang, start=start)
