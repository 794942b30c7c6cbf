"""My data: where the workspace is kept, undo and earlier states, export everything, delete everything."""

from __future__ import annotations

import streamlit as st

from planner import t
from ui import state, workspace_ui

lang = state.lang()
st.title(t("ws.mydata", lang))
workspace_ui.my_data_panel(lang)
