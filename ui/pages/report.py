"""Export page: the repayment plan as a PDF (``planner.build_pdf``), behind one download button.

The page only gathers the inputs (debts, budget, language, date, name…) and hands
them to the planner; the bytes are cached on those inputs, so a rerun does not
rebuild the document.  The CLI (``python -m planner report``) calls the same
function, so the same inputs give the same file.
"""

from __future__ import annotations

import re
from datetime import date

import streamlit as st

import ui.text.report  # noqa: F401  (registers this page's texts)
from planner import Budget, BudgetPlan, Debt, InvalidInput, get_strategy, strategy_names, t
from planner.negotiation import METHODS as NEGOTIATION_METHODS
from ui import state

KEY = state.REPORT          # widget keys: f"{KEY}.lang", f"{KEY}.date", …
METHODS = tuple(NEGOTIATION_METHODS)


@st.cache_data(max_entries=16, show_spinner=False)
def _pdf(debts: tuple[Debt, ...], budget: BudgetPlan | Budget, lang: str, strategy: str, method: str, today: date,
         start: date | None, profile: tuple[tuple[str, str], ...], incidents: tuple[tuple[str, str], ...],
         pseudonymise: bool) -> bytes:
    from planner import build_pdf
    from planner.rights import incidents_from_records

    records = [dict(_thaw(r)) for r in incidents]
    return build_pdf(list(debts), budget, lang=lang, strategy=strategy, method=method, today=today, start=start,
                     profile=dict(profile) or None, incidents=incidents_from_records(records) or None,
                     pseudonymise=pseudonymise)


def _freeze(record: dict) -> tuple:
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(record.items()))


def _thaw(record: tuple) -> list:
    return [(k, list(v) if isinstance(v, tuple) else v) for k, v in record]


def _profile(name: str) -> tuple[tuple[str, str], ...]:
    """The borrower profile: the name typed here plus what the negotiation page holds (read only)."""
    p = state.NEG_PROFILE
    fields = {"name": name.strip(), "contact": st.session_state.get(f"{p}.contact", ""),
              "hardship": st.session_state.get(f"{p}.hardship", ""),
              "hardship_detail": st.session_state.get(f"{p}.detail", "")}
    return tuple((k, str(v)) for k, v in fields.items() if v)


def main() -> None:
    lang = state.lang()
    st.title(t("ui.report.title", lang))
    st.caption(t("ui.report.intro", lang))
    debts, issues = state.get_debts()
    if not debts:
        st.info(t("ui.report.no_debts", lang))
        return
    bad_rows = {i.row for i in issues if i.is_error and i.row is not None}
    if bad_rows:
        st.warning(t("ui.report.skipped_rows", lang, count=len(bad_rows)))
    names = strategy_names()
    default_strategy = st.session_state.get(state.COMPARE_STRATEGY, "avalanche")
    cols = st.columns(3)
    doc_lang = cols[0].radio(t("ui.report.lang", lang), ["zh", "en"], horizontal=True, key=f"{KEY}.lang",
                             index=0 if lang == "zh" else 1, format_func=lambda c: {"zh": "中文", "en": "English"}[c])
    today = cols[1].date_input(t("ui.report.date", lang), value=date.today(), key=f"{KEY}.date")
    strategy = cols[2].selectbox(t("ui.report.strategy", lang), [n for n in names if n != "custom"],
                                 index=max(0, [n for n in names if n != "custom"].index(default_strategy))
                                 if default_strategy in names and default_strategy != "custom" else 0,
                                 key=f"{KEY}.strategy", format_func=lambda k: get_strategy(k).label(lang))
    neg_method = st.session_state.get(state.NEG_METHOD, METHODS[0])
    method = st.radio(t("ui.report.method", lang), METHODS, horizontal=True, key=f"{KEY}.method",
                      index=METHODS.index(neg_method) if neg_method in METHODS else 0,
                      format_func=lambda m: t(f"neg.method.{m}", lang))
    cols = st.columns(2)
    name = cols[0].text_input(t("ui.report.name", lang), key=f"{KEY}.name", max_chars=60,
                              value=st.session_state.get(f"{state.NEG_PROFILE}.name", ""),
                              help=t("ui.report.name_help", lang))
    pseudonymise = cols[1].checkbox(t("ui.report.pseudonymise", lang), key=f"{KEY}.pseudonymise")
    records = state.get_incident_records()
    with_log = False
    if records:
        with_log = st.checkbox(t("ui.report.incidents", lang, count=len(records)), key=f"{KEY}.incidents")
    else:
        st.caption(t("ui.report.no_incidents", lang))
    start = st.session_state.get(state.NEG_START)
    try:
        with st.spinner(t("ui.phone.working", lang)):
            data = _pdf(tuple(debts), state.get_budget_plan(), doc_lang, strategy, method, today,
                        start if isinstance(start, date) else None, _profile(name),
                        tuple(_freeze(r) for r in records) if with_log else (), pseudonymise)
    except InvalidInput as e:
        st.error(t("ui.report.error", lang) + "\n\n" + "\n".join(f"- {m}" for m in e.messages(lang)))
        return
    pages = len(re.findall(rb"/Type /Page\b(?!s)", data))
    st.success(t("ui.report.ready", lang, pages=pages, size=max(1, len(data) // 1024)))
    st.download_button(t("ui.report.download", lang), data=data, file_name=f"repayment_plan_{today:%Y%m%d}_{doc_lang}.pdf",
                       mime="application/pdf", key=f"{KEY}.download", on_click="ignore", type="primary",
                       icon=":material/picture_as_pdf:")


main()
