"""Export page: the repayment plan as a PDF (``planner.build_pdf``), built when asked for.

The page only gathers the inputs (debts, budget, language, date, the borrower
profile…) and hands them to the planner when the person presses "make the PDF";
a rerun of the page never rebuilds it.  The bytes are kept with the inputs they
were made from: when an input changes, the old file is no longer offered.  The
CLI (``python -m planner report``) calls the same function, so the same inputs
give the same file.
"""

from __future__ import annotations

import json
import re
from datetime import date

import streamlit as st

import ui.text.month  # noqa: F401  (ui.report.agreed)
import ui.text.report  # noqa: F401  (registers this page's texts)
from planner import Budget, BudgetPlan, Debt, InvalidInput, get_strategy, strategy_names, t
from planner.escape import markdown
from planner.negotiation import METHODS as NEGOTIATION_METHODS
from planner.negotiation import NegotiationInputs
from planner.workspace_plan import workspace_plan
from ui import state
from ui.downloads import on_demand
from ui.safe import md

KEY = state.REPORT          # widget keys: f"{KEY}.lang", f"{KEY}.date", …
METHODS = tuple(NEGOTIATION_METHODS)


@st.cache_data(max_entries=16, show_spinner=False)
def _pdf(debts: tuple[Debt, ...], budget: BudgetPlan | Budget, lang: str, strategy: str, method: str, today: date,
         start: date | None, profile: str, incidents: tuple[tuple[str, str], ...],
         pseudonymise: bool, answers: NegotiationInputs | None = None) -> bytes:
    from planner import build_pdf
    from planner.rights import incidents_from_records

    records = [dict(_thaw(r)) for r in incidents]
    return build_pdf(list(debts), budget, lang=lang, strategy=strategy, method=method, today=today, start=start,
                     profile=json.loads(profile) or None, incidents=incidents_from_records(records) or None,
                     pseudonymise=pseudonymise, answers=answers)


def _freeze(record: dict) -> tuple:
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(record.items()))


def _thaw(record: tuple) -> list:
    return [(k, list(v) if isinstance(v, tuple) else v) for k, v in record]


def _profile(name: str) -> str:
    """The borrower profile (workspace section ``profile``, entered once on the negotiation page) with the
    name as typed here, frozen as JSON (a cache key).  ``contact`` repeats the phone for older letter code."""
    profile = dict(state.get_section("profile") or {})
    profile["name"] = name.strip()
    if profile.get("phone") and not profile.get("contact"):
        profile["contact"] = profile["phone"]
    return json.dumps({k: v for k, v in profile.items() if v not in ("", None, [], {})}, ensure_ascii=False,
                      sort_keys=True, default=str)


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
    if f"{KEY}.name" not in st.session_state:
        st.session_state[f"{KEY}.name"] = str((state.get_section("profile") or {}).get("name", "") or "")
    name = cols[0].text_input(t("ui.report.name", lang), key=f"{KEY}.name", max_chars=60,
                              help=t("ui.report.name_help", lang))
    pseudonymise = cols[1].checkbox(t("ui.report.pseudonymise", lang), key=f"{KEY}.pseudonymise")
    records = state.get_incident_records()
    with_log = False
    if records:
        with_log = st.checkbox(t("ui.report.incidents", lang, count=len(records)), key=f"{KEY}.incidents")
    else:
        st.caption(t("ui.report.no_incidents", lang))
    start = st.session_state.get(state.NEG_START)
    start = start if isinstance(start, date) else None
    # agreed terms, debts outside the plan and budget changes (month page / budget page) feed the PDF too, and
    # the lenders' answers: an agreed lender is listed as agreed (no new proposal), a refusal is marked
    rep = workspace_plan(state.workspace()).report_inputs(today, start)
    if rep.agreed:
        st.caption(t("ui.report.agreed", lang, names=markdown("、".join(rep.agreed))))
    inputs = (rep.debts, rep.budget, doc_lang, strategy, method, today, start, _profile(name),
              tuple(_freeze(r) for r in records) if with_log else (), pseudonymise, rep.answers)
    if st.button(t("ui.report.build", lang), key=f"{KEY}.build", type="primary", icon=":material/picture_as_pdf:"):
        try:
            with st.spinner(t("ui.report.building", lang)):
                st.session_state[f"{KEY}.made"] = (repr(inputs), _pdf(*inputs))
        except InvalidInput as e:
            st.session_state.pop(f"{KEY}.made", None)
            st.error(t("ui.report.error", lang) + "\n\n" + "\n".join(f"- {m}" for m in md(e.messages, lang)))
            return
    made = st.session_state.get(f"{KEY}.made")
    if made is None:
        st.caption(t("ui.report.press_build", lang))
        return
    if made[0] != repr(inputs):
        st.info(t("ui.report.stale", lang))
        return
    data = made[1]
    pages = len(re.findall(rb"/Type /Page\b(?!s)", data))
    st.success(t("ui.report.ready", lang, pages=pages, size=max(1, len(data) // 1024)))
    st.download_button(t("ui.report.download", lang), data=on_demand(bytes, data),   # served on click only
                       file_name=f"repayment_plan_{today:%Y%m%d}_{doc_lang}.pdf",
                       mime="application/pdf", key=f"{KEY}.download", on_click="ignore",
                       icon=":material/download:")


main()
