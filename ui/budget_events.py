"""Budget changes over time, on the budget page (called by ui/pages/budget.py): one-off extra payments,
income changes from a month on, and the include/exclude switch per debt.

Stored as typed in the workspace: ``budget_events`` (list of ``{kind, month, amount}``) and
``settings["excluded_debts"]``. Every simulation of the plan picks them up through
``state.get_plan_inputs()``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui.text.month  # noqa: F401  (registers the texts)
from planner import format_money, t
from planner.budget_events import EVENT_KINDS, parse_events
from planner.escape import markdown
from planner.i18n import register
from ui import state

KEY = "budget.events"

register({
    "ui.bev.title": {"zh": "预算随时间的变化", "en": "Budget changes over time"},
    "ui.bev.help": {"zh": "第1个月＝本月。一次性额外还款只加在那一个月；新月收入从那个月起一直有效。",
                    "en": "Month 1 = this month. A one-off extra is added in that month only; a new income "
                          "applies from that month on."},
    "ui.bev.col.kind": {"zh": "类型", "en": "Kind"},
    "ui.bev.col.month": {"zh": "第几个月", "en": "Month"},
    "ui.bev.col.amount": {"zh": "金额（元）", "en": "Amount (yuan)"},
    "ui.bev.excluded": {"zh": "不放进还款计划的债务（另外按时还，如房贷）",
                        "en": "Debts paid outside the plan (e.g. a mortgage)"},
    "ui.bev.excluded_help": {"zh": "不会删除这笔债务；它每月的还款会当作必要开支，从还债预算里扣除。",
                             "en": "The debt is not deleted; its monthly payment counts as an essential expense "
                                   "and comes out of the money for debt."},
    "ui.bev.preview": {"zh": "前几个月可用于还债：{months}", "en": "Money for debt in the first months: {months}"},
    "ui.bev.problems": {"zh": "以下变化有问题，暂未计入（原样保留）：", "en": "These changes have problems and are not applied (kept as typed):"},
})


def render(lang: str) -> None:
    with st.expander(t("ui.bev.title", lang), icon=":material/timeline:"):
        st.caption(t("ui.bev.help", lang))
        rows = state.get_section("budget_events")
        # the editor's edits are deltas on the rows it was mounted with: keep those fixed while it lives
        if f"{KEY}.editor" not in st.session_state or f"{KEY}.base" not in st.session_state:
            st.session_state[f"{KEY}.base"] = rows
        frame = pd.DataFrame(st.session_state[f"{KEY}.base"] or [], columns=["kind", "month", "amount"],
                             dtype="string")
        edited = st.data_editor(
            frame, placeholder="", num_rows="dynamic", hide_index=True, width="stretch", key=f"{KEY}.editor",
            column_config={
                "kind": st.column_config.SelectboxColumn(t("ui.bev.col.kind", lang), options=list(EVENT_KINDS),
                                                         required=True),
                "month": st.column_config.TextColumn(t("ui.bev.col.month", lang)),
                "amount": st.column_config.TextColumn(t("ui.bev.col.amount", lang))})
        typed = [{k: ("" if pd.isna(v) else str(v)) for k, v in r.items()} for r in edited.to_dict("records")]
        if typed != rows:
            state.set_section("budget_events", typed)
        _, issues = parse_events(typed)
        if issues:
            st.error(t("ui.bev.problems", lang) + "\n\n" + "\n".join(f"- {markdown(i.message(lang))}" for i in issues))
        st.caption(" · ".join(f"{k}: {t('budget_event.' + k, lang)}" for k in EVENT_KINDS))
        debts, _ = state.get_debts()
        settings = state.get_section("settings")
        names = [d.name for d in debts]
        chosen = [n for n in settings.get("excluded_debts") or [] if n in names]
        picked = st.multiselect(t("ui.bev.excluded", lang), names, default=chosen, key=f"{KEY}.excluded",
                                help=t("ui.bev.excluded_help", lang), placeholder=t("ui.phone.choose_many", lang))
        if picked != chosen:
            settings["excluded_debts"] = list(picked)
            state.set_section("settings", settings)
        budget = state.get_plan_inputs().budget
        preview = [format_money(budget.for_month(m), lang, decimals=0) for m in range(1, 7)]
        st.caption(t("ui.bev.preview", lang, months=" → ".join(preview)))
