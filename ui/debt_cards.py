"""Debt entry as one card (a form) per debt — the phone-first view of the same raw rows the table edits.

Each card is checked when the person presses Save (``st.form``), never per keystroke; what they typed is
kept even when it has problems (the row is stored and left out of the calculations, its problems shown in
the card).  The name autocompletes from the lender catalogue (``planner.lenders``), which also gives the
kind, where the lender's own customer service is, and the typical terms behind "不知道"
(``planner.parsing.assume_unknowns``), shown as a marked assumption the person can change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

import streamlit as st

import ui.text.debt_cards  # noqa: F401  (registers the cards' texts)
from planner import DebtKind, format_money, parse_amount, t
from planner.escape import markdown
from planner.lenders import find_lender, lenders
from planner.parsing import (ASSUMED_FIELD, assume_unknowns, assumed_fields, assumption_why,
                             clean_text, is_blank)
from ui import state, workspace_ui
from ui.guard import guarded

PREFIX = "debts.card"
FLASH = "debts.card.flash"          # (row index, name) of the card saved last, reported once
EDITING = "debts.card.editing"      # the card whose form is open: a row index, NEW, or absent (only one form is
NEW = "new"                         # drawn at a time: a page of forms would be slow on a phone)
AUTO_KIND = ""
_TEXT_FIELDS = ("balance", "min_payment", "min_payment_pct", "overdue_days", "arrears", "penalty_rate",
                "late_fee_pct", "official_channel", "notes")


def _signature(value: object) -> str:
    """Widgets are keyed on the row's content: a row replaced from outside (upload, sample, another card's
    save) gets fresh widgets initialised from it, never stale ones."""
    return hashlib.md5(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:10]


def _names() -> list[str]:
    return [lender.name for lender in lenders()]


def _name_label(lang: str):
    by_name = {lender.name: lender for lender in lenders()}

    def label(name: str) -> str:
        lender = by_name.get(name)
        return f"{name} · {lender.name_en}" if lender is not None and lang == "en" else str(name)
    return label


def _kind_label(lang: str):
    return lambda code: t("ui.cards.kind_auto", lang) if code == AUTO_KIND else DebtKind(code).label(lang)


def _rate_text(row: Mapping[str, str], lang: str) -> str:
    if not is_blank(row.get("annual_rate")):
        return row["annual_rate"]
    daily = clean_text(row.get("daily_rate")).rstrip("%")
    return (f"日利率{daily}%" if lang != "en" else f"{daily}%/day") if daily else ""


def _build_row(old: Mapping[str, str], key: str, lang: str) -> dict[str, str]:
    """The raw row from the card's widgets (read in the submit callback)."""
    ss = st.session_state
    row = dict(old)
    name = clean_text(ss.get(f"{key}.name") or "")
    row["name"] = name
    kind = ss.get(f"{key}.kind", AUTO_KIND)
    lender = find_lender(name)
    row["kind"] = kind if kind != AUTO_KIND else (lender.kind.value if lender else "")
    for field in _TEXT_FIELDS:
        row[field] = ss.get(f"{key}.{field}", row.get(field, "")) or ""
    row["annual_rate"], row["daily_rate"] = ss.get(f"{key}.annual_rate", "") or "", ""
    row[ASSUMED_FIELD] = ""                                   # marks only where "不知道" is ticked now
    if ss.get(f"{key}.rate_unknown"):
        row["annual_rate"] = "不知道"
    if ss.get(f"{key}.min_unknown"):
        row["min_payment"], row["min_payment_pct"] = "不知道", ""
    if is_blank(row["official_channel"]) and lender is not None:
        row["official_channel"] = lender.service(lang)
    return state.normalize_row(assume_unknowns(row))


def _save(index: int | None, key: str, lang: str) -> None:
    rows = state.debt_rows()
    row = _build_row(rows[index] if index is not None else {}, key, lang)
    if index is None:
        rows.append(row)
        index = len(rows) - 1
    else:
        rows[index] = row
    state.set_debt_rows(rows)
    st.session_state[FLASH] = (index, row["name"])
    st.session_state.pop(EDITING, None)


def _delete(index: int) -> None:
    rows = state.debt_rows()
    if 0 <= index < len(rows):
        del rows[index]
        state.set_debt_rows(rows)
    st.session_state.pop(FLASH, None)
    st.session_state.pop(EDITING, None)


def _edit(which: int | str | None) -> None:
    if which is None:
        st.session_state.pop(EDITING, None)
    else:
        st.session_state[EDITING] = which


def _money(text: str, lang: str) -> str:
    try:
        return format_money(parse_amount(text), lang)
    except ValueError:
        return text or "—"


def _summary(row: Mapping[str, str], has_errors: bool, lang: str) -> str:
    kind = row.get("kind") or ""
    kind_text = DebtKind(kind).label(lang) if kind in DebtKind._value2member_map_ else markdown(kind)
    text = t("ui.cards.summary", lang, name=markdown(row.get("name") or t("ui.cards.untitled", lang)),
             kind=kind_text, balance=markdown(_money(row.get("balance", ""), lang)))
    if has_errors:
        text = f"⚠ {t('ui.cards.flag_error', lang)} · " + text     # no colour directive: titles hold user text
    elif assumed_fields(row):
        text += f" · {t('ui.cards.flag_assumed', lang)}"
    return text


def assumption_note(row: Mapping[str, str], lang: str) -> str:
    """"Assumed: annual rate 18.25 %, minimum 10 % of the balance. Basis: …" ('' when nothing is assumed)."""
    marks = assumed_fields(row)
    if not marks:
        return ""
    from planner import column_label
    items = "、".join(f"{column_label(f, lang)} {v}%" for f, v in marks.items()) if lang != "en" else \
        ", ".join(f"{column_label(f, lang)} {v} %" for f, v in marks.items())
    return t("ui.cards.assumed", lang, items=items, why=assumption_why(row, lang))


def assumed_cell(row: Mapping[str, str], lang: str) -> str:
    """The table view's "assumed" cell in words ("年利率 18.25%（估计）"), never the stored mark's codes."""
    marks = assumed_fields(row)
    if not marks:
        return ""
    from planner import column_label
    sep = "、" if lang != "en" else ", "
    return sep.join(f"{column_label(f, lang)} {v}%" for f, v in marks.items()) + t("assumed.mark", lang)


def _lender_info(row: Mapping[str, str], lang: str) -> str:
    lender = find_lender(row.get("name", ""))
    if lender is None:
        return ""
    hotline = t("ui.cards.hotline", lang, number=lender.hotline) if lender.hotline else ""
    text = t("ui.cards.lender_info", lang, lender=lender.label(lang), service=lender.service(lang),
             hotline=hotline, entity=lender.entity_text(lang))
    if row.get("kind") and row.get("kind") != lender.kind.value:
        text += t("ui.cards.kind_differs", lang, kind=lender.kind.label(lang))
    return text


def _form(row: Mapping[str, str], index: int | None, key: str, lang: str) -> None:
    """The card's fields; checked only when saved."""
    names = _names()
    name = row.get("name", "")
    options = names if not name or name in names else [name, *names]
    marks = assumed_fields(row)
    with st.form(key, border=False):
        st.selectbox(t("ui.cards.name", lang), options, index=options.index(name) if name else None,
                     key=f"{key}.name", accept_new_options=True, format_func=_name_label(lang),
                     placeholder=t("ui.cards.name_placeholder", lang))
        kinds = [AUTO_KIND, *(k.value for k in DebtKind)]
        kind = row.get("kind", "")
        st.selectbox(t("ui.cards.kind", lang), kinds, index=kinds.index(kind) if kind in kinds else 0,
                     key=f"{key}.kind", format_func=_kind_label(lang), help=t("ui.cards.kinds_help", lang),
                     placeholder=t("ui.phone.choose_one", lang))
        st.text_input(t("ui.cards.balance", lang), row.get("balance", ""), key=f"{key}.balance",
                      placeholder=t("ui.cards.balance_placeholder", lang))
        st.text_input(t("ui.cards.rate", lang), _rate_text(row, lang), key=f"{key}.annual_rate",
                      placeholder=t("ui.cards.rate_placeholder", lang))
        st.checkbox(t("ui.cards.rate_unknown", lang), "annual_rate" in marks, key=f"{key}.rate_unknown")
        left, right = st.columns(2)
        left.text_input(t("ui.cards.min", lang), row.get("min_payment", ""), key=f"{key}.min_payment",
                        placeholder=t("ui.cards.min_placeholder", lang))
        right.text_input(t("ui.cards.min_pct", lang), row.get("min_payment_pct", ""), key=f"{key}.min_payment_pct",
                         placeholder=t("ui.cards.min_pct_placeholder", lang))
        st.checkbox(t("ui.cards.min_unknown", lang), "min_payment_pct" in marks, key=f"{key}.min_unknown")
        st.caption(t("ui.cards.min_vs_overdue", lang))
        st.markdown(f"**{t('ui.cards.overdue_head', lang)}**")
        left, right = st.columns(2)
        left.text_input(t("ui.cards.overdue_days", lang), row.get("overdue_days", ""), key=f"{key}.overdue_days")
        right.text_input(t("ui.cards.arrears", lang), row.get("arrears", ""), key=f"{key}.arrears",
                         placeholder=t("ui.cards.arrears_placeholder", lang))
        st.markdown(f"**{t('ui.cards.more_head', lang)}**")
        left, right = st.columns(2)
        from planner import column_label
        left.text_input(column_label("penalty_rate", lang), row.get("penalty_rate", ""), key=f"{key}.penalty_rate",
                        help=t("ui.debts.help.penalty_rate", lang))
        right.text_input(column_label("late_fee_pct", lang), row.get("late_fee_pct", ""), key=f"{key}.late_fee_pct",
                         help=t("ui.debts.help.late_fee_pct", lang))
        st.text_input(t("ui.cards.channel", lang), row.get("official_channel", ""), key=f"{key}.official_channel")
        st.text_input(t("ui.cards.notes", lang), row.get("notes", ""), key=f"{key}.notes")
        st.form_submit_button(t("ui.cards.save" if index is not None else "ui.cards.save_new", lang),
                              type="primary", on_click=guarded(_save), args=(index, key, lang), width="stretch")


def render(lang: str) -> None:
    """Every debt as a card, then a card to add one."""
    rows = state.debt_rows()
    _, issues = state.get_debts()
    by_row: dict[int, list] = {}
    for issue in issues:
        if issue.is_error and issue.row is not None:
            by_row.setdefault(issue.row - 1, []).append(issue)
    flash = st.session_state.pop(FLASH, None)
    editing = st.session_state.get(EDITING)
    for index, row in enumerate(rows):
        if all(is_blank(v) for k, v in row.items() if k != ASSUMED_FIELD):
            continue
        problems = by_row.get(index, [])
        just_saved = flash is not None and flash[0] == index
        key = f"{PREFIX}.{_signature(row)}.{index}"
        with st.expander(_summary(row, bool(problems), lang),
                         expanded=bool(problems) or just_saved or editing == index):
            if just_saved and problems:
                st.error(t("ui.cards.saved_with_errors", lang) + "\n\n"
                         + "\n".join(f"- {markdown(i.message(lang))}" for i in problems))
            elif problems:
                st.error("\n".join(f"- {markdown(i.message(lang))}" for i in problems))
            elif just_saved:
                st.success(t("ui.cards.saved", lang, name=markdown(row.get("name", ""))))
            note = assumption_note(row, lang)
            if note:
                st.info(markdown(note))
            info = _lender_info(row, lang)
            if info:
                st.caption(markdown(info))
            if editing == index:
                _form(row, index, key, lang)
                st.button(t("ui.cards.cancel", lang), key=f"{key}.cancel", on_click=guarded(_edit), args=(None,))
            else:
                st.button(t("ui.cards.edit", lang), key=f"{key}.edit", on_click=guarded(_edit), args=(index,),
                          icon=":material/edit:", type="primary" if problems else "secondary")
            workspace_ui.confirm_button(f"{key}.delete", t("ui.cards.delete", lang), _delete, args=(index,),
                                        what=t("ws.confirm.delete_row", lang), lang=lang, icon=":material/delete:")
    if not rows or editing == NEW:
        with st.container(border=True):
            st.markdown(f"**{t('ui.cards.add', lang)}**")
            st.caption(t("ui.cards.add_intro", lang))
            _form({}, None, f"{PREFIX}.new.{_signature(rows)}", lang)
            if rows:
                st.button(t("ui.cards.cancel", lang), key=f"{PREFIX}.new.cancel", on_click=guarded(_edit), args=(None,))
    else:
        st.button(t("ui.cards.add", lang), key=f"{PREFIX}.add", on_click=guarded(_edit), args=(NEW,),
                  icon=":material/add_circle:", type="primary", width="stretch")
