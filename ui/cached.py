"""st.cache_data around planner calls: keyed on hashable inputs (tuples, frozen dataclasses).

Results are recomputed only when the inputs change, so an edit re-renders without a
visible wait; nothing derived is kept in session state.  Export files are not cached here: they are built
when the person clicks (ui/downloads.py) and not kept after the download.
"""

from __future__ import annotations

import streamlit as st

from planner import Budget, Comparison, Debt, compare


@st.cache_data(max_entries=64, show_spinner=False)
def comparison(debts: tuple[Debt, ...], budget: Budget, order: tuple[str, ...] = (),
               horizon: int | None = None) -> Comparison:
    """Every strategy on this portfolio and budget (see :func:`planner.compare`)."""
    return compare(debts, budget, order=order or None, horizon=horizon)

