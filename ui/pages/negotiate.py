"""Negotiation page: proposal per lender, feasibility, hand adjustments, comparison, what-if, APR, letters.

All money comes from planner (propose / evaluate / what_if_refused / apr / documents); this page
only formats it and turns the adjustment table into ``overrides``.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import streamlit as st

import ui.text.negotiate  # noqa: F401  (registers this page's texts)
from planner import Budget, Debt, DebtKind, InvalidInput, format_date, format_money, format_months, format_pct, t
from planner.apr import CostInputError, flag_cost, flat_fee_cost, true_cost
from planner.documents import phase_summary, token_warning
from planner.escape import file_name
from planner.negotiation import (METHODS, AnswerNote, NegotiationInputs, NegotiationPlan, evaluate, load_settings,
                                 negotiation_inputs, propose, proposed_rate, reconsider_letter, what_if_refused)
from ui import state
from ui.downloads import on_demand
from ui.guard import guarded
from ui.negotiate_docs import documents_section
from ui.safe import md

# --------------------------------------------------------------------------- cached planner calls


@st.cache_data(max_entries=64, show_spinner=False)
def _plan(debts: tuple[Debt, ...], budget: Budget, method: str, start: date,
          overrides: tuple[tuple[str, tuple[tuple[str, object], ...]], ...]) -> NegotiationPlan:
    return propose(debts, budget, method, start=start, overrides={k: dict(v) for k, v in overrides})


@st.cache_data(max_entries=64, show_spinner=False)
def _evaluation(plan: NegotiationPlan):
    return evaluate(plan)


@st.cache_data(max_entries=64, show_spinner=False)
def _refused(plan: NegotiationPlan, lender: str) -> NegotiationPlan:
    return what_if_refused(plan, lender)


# --------------------------------------------------------------------------- tables (formatting only)

def _waived(line, lang: str) -> str:
    parts = [t(f"ui.neg.waived.{k}", lang) for k, on in (("pause", line.interest_pause),
                                                        ("penalty", line.penalty_waived),
                                                        ("fees", line.fees_waived)) if on]
    return "、".join(parts) if lang == "zh" else ", ".join(parts) or t("ui.neg.waived.none", lang)


def proposal_frame(plan: NegotiationPlan, lang: str, notes: dict[str, AnswerNote] | None = None) -> pd.DataFrame:
    """The proposal per lender; ``notes``: recorded answers (a refusal: "refused on <date> — reconsider")."""
    c = lambda k: t(f"ui.neg.col.{k}", lang)  # noqa: E731
    rows = []
    for ln in plan.lines:
        row = {c("lender"): ln.name}
        if notes:
            row[c("answer")] = notes[ln.name].label(lang) if ln.name in notes else "—"   # the full note: below
        row |= {c("kind"): ln.kind.label(lang),
               c("principal"): format_money(ln.principal, lang),
               c("arrears"): format_money(ln.arrears_folded, lang),
               c("rate"): f"{format_pct(ln.original_rate_pct, lang)}{t('assumed.mark', lang) if ln.rate_assumed else ''}"
                          f" → {format_pct(ln.proposed_rate_pct, lang)}",
               c("waived"): _waived(ln, lang) or t("ui.neg.waived.none", lang),
               c("instalment"): format_money(ln.instalment, lang)}
        if plan.method == "sequential":
            row[c("token")] = format_money(ln.token, lang)
            row[c("phases")] = phase_summary(ln, lang)
        row |= {c("months"): ln.months, c("limit"): ln.max_term_months,
                c("first"): format_date(ln.first_payment, lang), c("last"): format_date(ln.last_payment, lang),
                c("total"): format_money(ln.total_repay, lang), c("channel"): ln.channel_text(lang)}
        rows.append(row)
    return pd.DataFrame(rows)


def _verdict(plan: NegotiationPlan, lang: str) -> None:
    (st.success if plan.feasible else st.error)(md(plan.reason.render, lang))
    for warning in plan.warnings:
        st.warning(md(warning.render, lang))
    for ln in plan.lines:
        warning = token_warning(ln)
        if warning is not None:
            st.warning(md(warning.render, lang))
    if not plan.feasible and plan.min_budget is not None:
        st.caption(t("ui.neg.shown_at_min", lang, amount=format_money(plan.min_budget, lang)))


def _show_plan(plan: NegotiationPlan, lang: str, key: str, *, verdict: bool = True,
               notes: dict[str, AnswerNote] | None = None) -> None:
    if verdict:
        _verdict(plan, lang)
    frame = proposal_frame(plan, lang, notes)
    key_columns = [c for c in (t(f"ui.neg.col.{k}", lang) for k in ("lender", "answer", "instalment", "phases",
                                                                     "months", "first", "last")) if c in frame.columns]
    answer = t("ui.neg.col.answer", lang)
    st.dataframe(frame, hide_index=True, width="stretch", key=key,     # 平台, 每期, 期数, 日期 first (phones)
                 column_order=key_columns + [c for c in frame.columns if c not in key_columns],
                 column_config={answer: st.column_config.TextColumn(answer, width="medium")}
                 if answer in frame.columns else None)
    st.caption(t("ui.neg.total_line", lang, monthly=format_money(plan.total_monthly, lang),
                 budget=format_money(plan.budget, lang), total=format_money(plan.total_repay, lang),
                 principal=format_money(plan.total_principal, lang)))


def _measure(key: str, value, lang: str) -> str:
    if key in ("months_to_debt_free",):
        return format_months(value, lang)
    if key == "months_in_arrears":
        return "—" if value is None else str(value)
    return format_money(value, lang)


def comparison_frame(plan: NegotiationPlan, lang: str) -> tuple[pd.DataFrame, str]:
    ev = _evaluation(plan)
    rows = []
    for r in ev.rows():
        m = r["measure"]
        saving = r["saving"]
        rows.append({t("ui.neg.col.measure", lang): t(f"ui.neg.m.{m}", lang),
                     t("ui.neg.col.accepted", lang): _measure(m, r["accepted"], lang),
                     t("ui.neg.col.no_deal", lang): _measure(m, r["no_deal"], lang),
                     t("ui.neg.col.saving", lang): "—" if saving is None else _measure(m, saving, lang)})
    return pd.DataFrame(rows), ev.no_deal_strategy


# --------------------------------------------------------------------------- hand adjustments

_ED_COLS = ("rate", "months", "instalment", "waive_penalty", "waive_fees", "channel", "settlement")
_ED_TO_OVERRIDE = {"rate": "rate_pct", "months": "months", "instalment": "instalment",
                   "waive_penalty": "waive_penalty", "waive_fees": "waive_fees", "channel": "channel",
                   "settlement": "settlement_pct"}


def _editor_base(debts: tuple[Debt, ...]) -> pd.DataFrame:
    settings = load_settings()
    rows = []
    for d in debts:
        rule = settings.rule(d.kind)
        rows.append({"lender": d.name, "rate": proposed_rate(d, settings), "months": None, "instalment": None,
                     "waive_penalty": rule.waive_penalty, "waive_fees": rule.waive_fees,
                     "channel": d.official_channel, "settlement": 0.0})
    return pd.DataFrame(rows)


def _blank(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA


def overrides_from_editor(base: pd.DataFrame, edited: pd.DataFrame) -> dict[str, dict[str, object]]:
    """Only the cells that differ from the automatic plan become overrides."""
    out: dict[str, dict[str, object]] = {}
    for (_, b), (_, e) in zip(base.iterrows(), edited.iterrows()):
        changes = {}
        for col in _ED_COLS:
            new, old = e[col], b[col]
            if _blank(new) or (not _blank(old) and new == old):
                continue
            if col == "settlement" and new == 0:
                continue
            value = new.item() if hasattr(new, "item") else new
            changes[_ED_TO_OVERRIDE[col]] = value
        if changes:
            out[str(b["lender"])] = changes
    return out


def _with_saved(base: pd.DataFrame, saved: dict) -> pd.DataFrame:
    """The automatic plan with the hand adjustments kept in the workspace applied (what the editor shows)."""
    shown = base.copy()
    column = {v: k for k, v in _ED_TO_OVERRIDE.items()}
    for i, lender in enumerate(shown["lender"]):
        for key, value in (saved.get(str(lender)) or {}).items():
            if key in column:
                shown[column[key]] = shown[column[key]].astype(object)
                shown.at[i, column[key]] = value
    return shown


def _reset_adjustments() -> None:
    state.set_section("negotiation", {**state.get_section("negotiation"), "overrides": {}})
    st.session_state[state.NEG_EDITOR_VERSION] = st.session_state.get(state.NEG_EDITOR_VERSION, 0) + 1


def _adjust(debts: tuple[Debt, ...], lang: str) -> dict[str, dict[str, object]]:
    st.session_state.setdefault(state.NEG_EDITOR_VERSION, 0)
    auto = _editor_base(debts)
    saved = state.get_section("negotiation").get("overrides") or {}      # kept in the workspace
    base = _with_saved(auto, saved)
    with st.expander(t("ui.neg.adjust", lang)):
        st.caption(t("ui.neg.adjust_help", lang))
        c = lambda k: t(f"ui.neg.ed.{k}", lang)  # noqa: E731
        edited = st.data_editor(
            base, hide_index=True, width="stretch", num_rows="fixed",
            placeholder="", key=f"{state.NEG_EDITOR}.{st.session_state[state.NEG_EDITOR_VERSION]}.{len(debts)}",
            disabled=["lender"],
            column_config={
                "lender": st.column_config.TextColumn(t("ui.neg.col.lender", lang)),
                "rate": st.column_config.NumberColumn(c("rate"), min_value=0.0, max_value=1000.0, format="%.2f"),
                "months": st.column_config.NumberColumn(c("months"), min_value=1, max_value=600, step=1),
                "instalment": st.column_config.NumberColumn(c("instalment"), min_value=0.0, format="%.2f"),
                "waive_penalty": st.column_config.CheckboxColumn(c("waive_penalty")),
                "waive_fees": st.column_config.CheckboxColumn(c("waive_fees")),
                "channel": st.column_config.TextColumn(c("channel"), max_chars=2000),
                "settlement": st.column_config.NumberColumn(c("settlement"), min_value=0.0, max_value=99.0,
                                                            format="%.1f"),
            })
        st.button(t("ui.neg.reset", lang), key=f"{state.NEG_EDITOR}.reset", icon=":material/restart_alt:",
                  on_click=guarded(_reset_adjustments))
    overrides = overrides_from_editor(auto, edited)
    shown = {d.name for d in debts}
    kept = {k: v for k, v in saved.items() if k not in shown}      # e.g. a lender that has since agreed
    if {**kept, **overrides} != saved:
        state.set_section("negotiation", {**state.get_section("negotiation"), "overrides": {**kept, **overrides}})
    return overrides


# --------------------------------------------------------------------------- sections

def _apr_section(debts: tuple[Debt, ...], lang: str) -> None:
    st.subheader(t("ui.neg.apr", lang))
    st.info(t("ui.neg.apr_flat", lang))
    rows = []
    for d in debts:
        f = flag_cost(d.annual_rate, d.kind)
        rows.append({t("ui.neg.col.lender", lang): d.name, t("ui.neg.col.kind", lang): d.kind.label(lang),
                     t("ui.neg.col.apr", lang): format_pct(f.apr_pct, lang),
                     t("ui.neg.col.effective", lang): format_pct(f.effective_pct, lang),
                     t("ui.neg.col.cap", lang): format_pct(f.threshold_pct, lang),
                     t("ui.neg.col.flag", lang): ("⚠ " if f.over else "") + f.message(lang)})
    st.caption(t("ui.neg.apr_table", lang))
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    with st.expander(t("ui.neg.calc", lang)):
        k = state.NEG_APR
        cols = st.columns(3)
        amount = cols[0].number_input(t("ui.neg.calc.amount", lang), min_value=0.0, value=12000.0, step=1000.0,
                                      key=f"{k}.amount")
        fees = cols[1].number_input(t("ui.neg.calc.fees", lang), min_value=0.0, value=0.0, step=100.0,
                                    key=f"{k}.fees")
        months = cols[2].number_input(t("ui.neg.calc.months", lang), min_value=1, max_value=600, value=12,
                                      step=1, key=f"{k}.months")
        quote = st.radio(t("ui.neg.calc.quote", lang), ["flat", "instalment"], horizontal=True,
                         key=f"{k}.quote", format_func=lambda q: t(f"ui.neg.calc.quote.{q}", lang))
        kind = st.selectbox(t("ui.neg.calc.kind", lang), [kd.value for kd in DebtKind], index=1,
                            key=f"{k}.kind", format_func=lambda v: DebtKind(v).label(lang))
        try:
            if quote == "flat":
                pct = st.number_input(t("ui.neg.calc.flat_pct", lang), min_value=0.0, max_value=100.0, value=0.75,
                                      step=0.05, format="%.2f", key=f"{k}.flat")
                cost = flat_fee_cost(amount, pct, int(months), upfront_fees=fees)
            else:
                inst = st.number_input(t("ui.neg.calc.instalment", lang), min_value=0.0, value=1090.0, step=10.0,
                                       key=f"{k}.instalment")
                cost = true_cost(amount, [inst] * int(months), upfront_fees=fees)
        except CostInputError:
            st.warning(t("ui.neg.calc.error", lang))
            return
        st.markdown(t("ui.neg.calc.result", lang, apr=format_pct(cost.apr_pct, lang),
                      effective=format_pct(cost.effective_pct, lang), paid=format_money(cost.total_paid, lang),
                      cost=format_money(cost.total_cost, lang)))
        f = flag_cost(cost, kind)
        (st.warning if f.over else st.caption)(md(f.message, lang))


def agreed_frame(n: NegotiationInputs, lang: str) -> pd.DataFrame:
    """The lenders who agreed: their agreed terms and the dates they give (formatting only)."""
    c = lambda k: t(f"ui.neg.col.{k}", lang)  # noqa: E731
    return pd.DataFrame([{
        c("lender"): a.name, c("agreed_monthly"): format_money(a.monthly, lang), c("months"): a.months,
        c("agreed_rate"): format_pct(a.rate_pct, lang), c("agreed_on"): format_date(a.agreed_on, lang),
        c("first"): format_date(a.first_payment, lang), c("last"): format_date(a.last_payment, lang),
        c("total"): format_money(a.total, lang), c("channel"): a.channel_text(lang)}
        for a in n.agreed])


def _budget_section(n: NegotiationInputs, lang: str) -> None:
    st.markdown(t("ui.neg.budget_line", lang, budget=format_money(min(n.budget.monthly), lang))
                + ("" if n.budget.is_constant else t("ui.neg.budget_shock", lang)))
    if not n.agreed:
        return
    st.markdown(md(t, "ui.neg.agreed_budget", lang, agreed=format_money(n.agreed_this_month, lang),
                   names="、".join(n.agreed_names), left=format_money(n.left_lowest, lang)))
    if n.open_debts and n.left_lowest <= 0:
        st.warning(t("ui.neg.agreed_over", lang))
    st.subheader(t("ui.neg.agreed", lang))
    st.caption(t("ui.neg.agreed_help", lang))
    st.dataframe(agreed_frame(n, lang), hide_index=True, width="stretch", key="negotiate.agreed_table")


def _reconsider(plan: NegotiationPlan, n: NegotiationInputs, lang: str, today: date) -> None:
    """A refused lender: the note, and the "please reconsider" letter with this page's new figures."""
    refused = [ln for ln in plan.lines if ln.name in n.notes and n.notes[ln.name].reconsider]
    if not refused:
        return
    by_name = {d.name: d for d in n.open_debts}
    negotiation = state.get_section("negotiation")
    followups, profile = state.get_section("followups"), state.get_section("profile")
    answers = negotiation.get("answers") if isinstance(negotiation.get("answers"), dict) else {}
    budget, lenders = n.budget.for_month(1), len(n.contract_debts)
    for ln in refused:
        with st.container(border=True):
            st.warning(md(t, "ui.neg.reconsider", lang, lender=ln.name, note=n.notes[ln.name].text(lang),
                          monthly=format_money(ln.instalment, lang), months=ln.months,
                          total=format_money(ln.total_repay, lang)), icon=":material/replay:")
            st.download_button(
                md(t, "ui.neg.reconsider_download", lang, lender=ln.name),
                data=on_demand(reconsider_letter, by_name[ln.name], ln, lang, today=today, followups=followups,
                               answers=answers, budget=budget, lenders=lenders, profile=profile),
                file_name=f"reconsider_{file_name(ln.name, fallback='lender')}_{lang}.txt", mime="text/plain",
                key=f"negotiate.reconsider.{ln.name}", on_click="ignore", icon=":material/description:")


SECTIONS = state.NEG_SECTIONS


def _saved_overrides(debts: tuple[Debt, ...]) -> dict[str, dict[str, object]]:
    """The hand adjustments kept in the workspace, for the lenders in this plan (the editor is not drawn)."""
    names = {d.name for d in debts}
    saved = state.get_section("negotiation").get("overrides") or {}
    return {k: dict(v) for k, v in saved.items() if k in names and isinstance(v, dict)}


def _compare_section(plan: NegotiationPlan, lang: str) -> None:
    st.subheader(t("ui.neg.compare", lang))
    frame, strategy = comparison_frame(plan, lang)
    st.caption(t("ui.neg.compare_help", lang, strategy=t(f"strategy.{strategy}", lang)))
    st.table(frame.set_index(frame.columns[0]))      # five rows, four columns: wrapped to fit a phone, not cut


def _refused_section(plan: NegotiationPlan, n: NegotiationInputs, lang: str) -> None:
    st.subheader(t("ui.neg.refused", lang))
    st.caption(t("ui.neg.refused_help", lang))
    names = [ln.name for ln in plan.lines]
    if st.session_state.get(state.NEG_REFUSED) not in names:
        refusing = [name for name in names if name in n.notes and n.notes[name].reconsider]
        st.session_state[state.NEG_REFUSED] = (refusing or names)[0]
    refuser = st.selectbox(t("ui.neg.refused_pick", lang), names, key=state.NEG_REFUSED)
    _show_plan(_refused(plan, refuser), lang, key="negotiate.refused_table")


def render() -> None:
    """The answer first (budget, verdict, the proposal per lender), then its inputs, then one section at a time
    (letters by default): a phone draws only what the borrower is looking at."""
    lang = state.lang()
    st.title(t("ui.neg.title", lang))
    st.caption(t("ui.neg.intro", lang))
    debts, issues = state.get_debts()
    bad = {i.row for i in issues if i.is_error and i.row is not None}
    if bad:
        st.warning(t("ui.neg.bad_rows", lang, n=len(bad)))
    if not debts:
        st.info(t("ui.neg.no_debts", lang))
        return
    inputs = state.get_plan_inputs()       # the month page's debts, budget and agreements (and the PDF's)
    if not inputs.contract_debts:
        st.info(t("ui.neg.no_debts", lang))
        return
    budget_box = st.container()      # the budget and the agreed lenders (filled once the start date is known)
    answer = st.container()          # the verdict and the proposal, above the choices that feed them
    cols = st.columns(2)
    method = cols[0].radio(t("ui.neg.method", lang), list(METHODS), key=state.NEG_METHOD,
                           format_func=lambda m: METHODS[m].label(lang))
    st.caption(METHODS[method].description(lang))
    today = date.today()
    default_start = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    start = cols[1].date_input(t("ui.neg.start", lang), value=default_start, key=state.NEG_START)
    n = negotiation_inputs(inputs, state.get_section("negotiation"), today=today, start=start)
    with budget_box:
        _budget_section(n, lang)
    if not n.open_debts:                   # every lender agreed: nothing to propose
        with answer:
            st.success(t("ui.neg.all_agreed", lang))
        _apr_section(n.contract_debts, lang)
        return
    debts = n.open_debts
    if st.session_state.get(state.NEG_SECTION) not in SECTIONS:
        st.session_state[state.NEG_SECTION] = SECTIONS[0]
    section = st.segmented_control(t("ui.neg.section", lang), SECTIONS, key=state.NEG_SECTION,
                                   format_func=lambda k: t(f"ui.neg.section.{k}", lang)) or SECTIONS[0]
    overrides = _adjust(debts, lang) if section == "adjust" else _saved_overrides(debts)
    ov_key = tuple(sorted((k, tuple(sorted(v.items()))) for k, v in overrides.items()))
    try:
        plan = _plan(debts, n.left, method, start, ov_key)
    except InvalidInput as e:
        st.error(t("ui.neg.bad_adjust", lang) + "\n\n" + "\n".join(f"- {m}" for m in md(e.messages, lang)))
        plan = _plan(debts, n.left, method, start, ())
    with answer:
        _verdict(plan, lang)
        st.subheader(t("ui.neg.table", lang))
        _show_plan(plan, lang, key="negotiate.table", verdict=False, notes=dict(n.notes))
        if overrides and section != "adjust":
            st.caption(t("ui.neg.adjusted", lang))
        _reconsider(plan, n, lang, today)
    if section == "letters":
        documents_section(plan, lang, agreed=n.agreed_names)
    elif section == "compare":
        _compare_section(plan, lang)
    elif section == "refused":
        _refused_section(plan, n, lang)
    elif section == "apr":
        _apr_section(n.contract_debts, lang)


render()
