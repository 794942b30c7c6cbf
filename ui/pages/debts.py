"""Debts page: the editable table of debts, CSV import/export, validation messages."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

import ui.text.debts  # noqa: F401  (registers this page's texts)
from planner import (DebtKind, column_label, format_money, portfolio_totals, read_debts_csv, t,
                     write_debts_csv)
from planner.parsing import assume_unknowns
from ui import debt_cards, state, workspace_ui
from ui.downloads import on_demand
from ui.guard import guarded
from ui.safe import md

PENDING = "debts.pending_upload"      # an uploaded file waiting for "replace or append?"


def _label(column: str, lang: str) -> str:
    text = column_label(column, lang)
    return text[:1].upper() + text[1:]


def _column_config(lang: str) -> dict[str, object]:
    config: dict[str, object] = {
        c: st.column_config.TextColumn(_label(c, lang), help=t(f"ui.debts.help.{c}", lang))
        for c in state.DEBT_COLUMNS if c != "kind"}
    config["kind"] = st.column_config.SelectboxColumn(
        _label("kind", lang), options=[k.value for k in DebtKind], default=DebtKind.OTHER.value,
        format_func=lambda v: DebtKind(v).label(lang) if v in DebtKind._value2member_map_ else str(v))
    config["assumed"] = st.column_config.TextColumn(_label("assumed", lang), disabled=True)
    return config


def _cell(value: object) -> str:
    """A cell as text; empty cells (None, NaN, pd.NA) become ''."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _on_upload() -> None:
    """Import the uploaded CSV (rows as typed, errors included): into an empty or sample table at once,
    else the person chooses replace or append (both undoable)."""
    file = st.session_state.get(state.DEBT_UPLOAD)
    if file is None:
        return
    imported = read_debts_csv(file.getvalue())
    has_own_rows = any(v for row in state.debt_rows() for v in row.values()) and not state.workspace().is_sample
    if imported.rows and has_own_rows:
        st.session_state[PENDING] = imported
        return
    if imported.rows:
        state.set_debt_rows([assume_unknowns(r) for r in imported.rows], action="replace_csv")
    st.session_state[state.DEBT_IMPORT] = imported


def _apply_upload(mode: str | None) -> None:
    imported = st.session_state.pop(PENDING, None)
    if imported is None or mode is None:
        return
    new = [assume_unknowns(r) for r in imported.rows]
    rows = new if mode == "replace" else state.debt_rows() + new
    state.set_debt_rows(rows, action=f"{mode}_csv")
    st.session_state[state.DEBT_IMPORT] = imported


def _upload_choice(lang: str) -> None:
    imported = st.session_state.get(PENDING)
    if imported is None:
        return
    with st.container(border=True):
        st.warning(t("ws.upload.question", lang, n=len(imported.rows), m=len(state.debt_rows())))
        a, b, c = st.columns(3)
        a.button(t("ws.upload.replace", lang), key="debts.upload_replace", on_click=guarded(_apply_upload), args=("replace",),
                 type="primary")
        b.button(t("ws.upload.append", lang), key="debts.upload_append", on_click=guarded(_apply_upload), args=("append",))
        c.button(t("ws.upload.cancel", lang), key="debts.upload_cancel", on_click=guarded(_apply_upload), args=(None,))


def _import_report(lang: str) -> None:
    imported = st.session_state.pop(state.DEBT_IMPORT, None)   # reported once, right after the upload
    if imported is None:
        return
    file_issues = [i for i in imported.issues if i.row is None]
    if imported.rows:
        st.success(md(t, "ui.debts.upload_done", lang, n=len(imported.rows), encoding=imported.encoding or "UTF-8"))
        for issue in file_issues:
            st.warning(md(issue.message, lang))
    else:
        st.error(t("ui.debts.upload_failed", lang) + "\n\n"
                 + "\n".join(f"- {md(i.message, lang)}" for i in file_issues))


def _table(lang: str) -> None:
    """The desktop view: the same rows as an editable table ("不知道" typed in a cell becomes an assumption).
    The read-only "assumed" column shows the assumption in words; the stored mark is kept from the rows."""
    rows_before = state.debt_editor_base()
    base = pd.DataFrame(rows_before, columns=list(state.DEBT_COLUMNS), dtype="string")
    base.index = pd.RangeIndex(1, len(base) + 1)
    marks = {i: _cell(row.get("assumed")) for i, row in enumerate(rows_before, start=1)}
    base["assumed"] = [debt_cards.assumed_cell(row, lang) for row in rows_before]
    edited = st.data_editor(base, placeholder="", key=state.debt_editor_key(), num_rows="dynamic",
                            column_config=_column_config(lang), width="stretch", hide_index=False)
    typed = [{c: _cell(rec.get(c)) for c in state.DEBT_COLUMNS} | {"assumed": marks.get(index, "")}
             for index, rec in zip(edited.index, edited.to_dict("records"))]
    rows = [assume_unknowns(r) for r in typed]
    state.set_debt_rows(rows, reset_editor=any(state.normalize_row(a) != state.normalize_row(b)
                                               for a, b in zip(rows, typed)))


def _status(lang: str) -> None:
    """The answer first: how many debts count, what is owed and due, and what is wrong."""
    rows = state.debt_rows()
    debts, issues = state.get_debts()
    errors = [i for i in issues if i.is_error]
    bad_rows = sorted({i.row for i in errors if i.row is not None})
    totals = portfolio_totals(debts)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("ui.debts.metric_count", lang), totals.count)
    c2.metric(t("ui.debts.metric_balance", lang), format_money(totals.balance, lang))
    c3.metric(t("ui.debts.metric_due", lang), format_money(totals.due, lang))
    c4.metric(t("ui.debts.metric_overdue", lang), totals.overdue)
    if not any(r for row in rows for r in row.values()):
        st.info(t("ui.debts.empty", lang))
    elif bad_rows and st.session_state.get(state.DEBT_VIEW, "cards") == "cards":
        st.error(t("ui.debts.bad_cards", lang, n=len(bad_rows)))      # each card shows its own problems
    elif bad_rows:
        st.error(t("ui.debts.bad_rows", lang, n=len(bad_rows)) + "\n\n"
                 + "\n".join(f"- {md(i.message, lang)}" for i in errors if i.row is not None))
    else:
        st.success(t("ui.debts.all_ok", lang, n=len(debts)))


def render() -> None:
    lang = state.lang()
    st.title(t("ui.debts.title", lang))
    st.caption(t("ui.debts.intro", lang))
    _import_report(lang)
    status = st.container()          # the answer on top, filled after the table applied this run's edits

    view = st.radio(t("ui.cards.view", lang), ["cards", "table"], key=state.DEBT_VIEW, horizontal=True,
                    format_func=lambda v: t(f"ui.cards.view.{v}", lang))
    if view == "table":
        _table(lang)
    else:
        debt_cards.render(lang)
    with status:
        _status(lang)

    st.page_link("ui/pages/budget.py", label=t("ui.debts.next", lang), icon=":material/arrow_forward:")
    with st.container(border=True):
        left, right = st.columns(2)
        workspace_ui.confirm_button("debts.btn_sample", t("ui.debts.load_sample", lang), state.load_sample,
                                    what=t("ws.confirm.sample", lang), lang=lang, container=left)
        workspace_ui.confirm_button("debts.btn_empty", t("ui.debts.start_empty", lang), state.start_empty,
                                    what=t("ws.confirm.start_empty", lang), lang=lang, container=right,
                                    help=t("ui.debts.start_empty_help", lang))
        st.file_uploader(t("ui.debts.upload", lang), type=["csv", "txt"], key=state.DEBT_UPLOAD,
                         on_change=guarded(_on_upload))
        _upload_choice(lang)
        debts, _ = state.get_debts()
        if debts:
            st.download_button(t("ui.debts.download", lang), data=on_demand(write_debts_csv, debts, lang=lang),
                               file_name=t("ui.debts.file_name", lang), mime="text/csv",
                               help=t("ui.debts.download_help", lang), on_click="ignore", key="debts.download")

render()
