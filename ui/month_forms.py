"""The "This month" page's forms and sections: record a payment / a balance / a lender's answer,
progress against the saved plan, the calendar download, payments CSV import/export.

Everything typed is stored as typed in the workspace sections (``payments``, ``balances``,
``negotiation["answers"]``, ``settings["plan_history"]``) via ``ui.state``; planner parses it and reports
problems as data, shown here in the user's language.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import streamlit as st

from planner import Debt, InvalidInput, debt_to_record, format_date, format_money, t
from planner.agreements import STATUSES, parse_answer
from planner.escape import file_name, markdown
from planner.followups import deadlines
from planner.month import payment_schedule
from planner.parsing import ParseError
from planner.progress import PlanVersion, plan_history, progress, replan_debts, with_new_version
from planner.month import month_start
from planner.reminders import DEFAULT_ALARM_DAYS, calendar_record, plan_export, with_calendar_record
from planner.tracking import (parse_balances, parse_payments, read_payments_csv, write_payments_csv)
from ui import charts, state
from ui.downloads import on_demand
from ui.guard import guarded
from ui.safe import md

F = "month.f"                        # widget prefix of the forms


def _issues(head: str, messages: list[str]) -> None:
    st.error(head + "\n\n" + "\n".join(f"- {markdown(m)}" for m in messages))


def _form_messages(issues, lang: str) -> list[str]:
    """A single form's problems: no "row 1" (there is only one)."""
    from dataclasses import replace
    return [replace(i, row=None).message(lang) for i in issues]


FLASH = f"{F}.flash"                # a success message shown once, after the rerun that updates the list


def _saved(message: str) -> None:
    """The list above the forms was drawn before the record was saved: rerun so it shows it."""
    st.session_state[FLASH] = message
    st.rerun()


def flash() -> None:
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)


def _part(title: str):
    """One part of the page below the month list (the page draws only the part chosen in its switch)."""
    st.subheader(title)
    return st.container()


def _names(debts: list[Debt]) -> list[str]:
    return [d.name for d in debts]


# --------------------------------------------------------------------------- record a payment / a balance

def payment_form(debts: list[Debt], lang: str, today: date) -> None:
    with _part(t("ui.month.pay.title", lang)):
        with st.form(f"{F}.pay", clear_on_submit=False):
            day = st.date_input(t("ui.month.pay.date", lang), value=today, max_value=today, key=f"{F}.pay.date")
            lender = st.selectbox(t("ui.month.pay.lender", lang), _names(debts), key=f"{F}.pay.lender")
            amount = st.text_input(t("ui.month.pay.amount", lang), key=f"{F}.pay.amount")
            ref = st.text_input(t("ui.month.pay.reference", lang), key=f"{F}.pay.reference")
            note = st.text_input(t("ui.month.pay.note", lang), key=f"{F}.pay.note")
            go_ = st.form_submit_button(t("ui.month.record", lang), key=f"{F}.pay.submit")
        if go_:
            rec = {"date": day.isoformat() if day else "", "lender": lender or "", "amount": amount,
                   "reference": ref, "note": note}
            _, issues = parse_payments([rec], debts, today=today)
            if issues:
                _issues(t("ui.month.pay.not_saved", lang), _form_messages(issues, lang))
            else:
                state.set_section("payments", state.get_section("payments") + [rec])
                _saved(t("ui.month.pay.saved", lang))


def balance_form(debts: list[Debt], lang: str, today: date) -> None:
    with _part(t("ui.month.bal.title", lang)):
        with st.form(f"{F}.bal"):
            day = st.date_input(t("ui.month.pay.date", lang), value=today, max_value=today, key=f"{F}.bal.date")
            lender = st.selectbox(t("ui.month.pay.lender", lang), _names(debts), key=f"{F}.bal.lender")
            balance = st.text_input(t("ui.month.bal.balance", lang), key=f"{F}.bal.balance")
            go_ = st.form_submit_button(t("ui.month.record", lang), key=f"{F}.bal.submit")
        if go_:
            rec = {"date": day.isoformat() if day else "", "lender": lender or "", "balance": balance}
            _, issues = parse_balances([rec], debts, today=today)
            if issues:
                _issues(t("ui.month.pay.not_saved", lang), _form_messages(issues, lang))
            else:
                state.set_section("balances", state.get_section("balances") + [rec])
                _saved(t("ui.month.pay.saved", lang))


# --------------------------------------------------------------------------- a lender's answer

def answer_form(debts: list[Debt], lang: str, today: date) -> None:
    with _part(t("ui.month.ans.title", lang)):
        st.caption(t("ui.month.ans.help", lang))
        with st.form(f"{F}.ans"):
            lender = st.selectbox(t("ui.month.pay.lender", lang), _names(debts), key=f"{F}.ans.lender")
            status = st.selectbox(t("ui.month.ans.status", lang), STATUSES, index=1, key=f"{F}.ans.status",
                                  format_func=lambda s: t(f"agree.status.{s}", lang))
            day = st.date_input(t("ui.month.ans.date", lang), value=today, max_value=today, key=f"{F}.ans.date")
            monthly = st.text_input(t("ui.month.ans.monthly", lang), key=f"{F}.ans.monthly")
            months = st.text_input(t("ui.month.ans.months", lang), key=f"{F}.ans.months")
            rate = st.text_input(t("ui.month.ans.rate", lang), key=f"{F}.ans.rate")
            amount = st.text_input(t("ui.month.ans.amount", lang), key=f"{F}.ans.amount")
            waive_p = st.checkbox(t("ui.month.ans.waive_penalty", lang), key=f"{F}.ans.waive_penalty")
            waive_f = st.checkbox(t("ui.month.ans.waive_fees", lang), key=f"{F}.ans.waive_fees")
            fold = st.checkbox(t("ui.month.ans.fold", lang), value=True, key=f"{F}.ans.fold")
            go_ = st.form_submit_button(t("ui.month.record", lang), key=f"{F}.ans.submit")
        if go_ and lender:
            rec = {"status": status, "date": day.isoformat() if day else "", "monthly": monthly, "months": months,
                   "rate": rate, "amount": amount, "waive_penalty": waive_p, "waive_fees": waive_f,
                   "fold_arrears": fold, "note": ""}
            _, _, issues = parse_answer(lender, rec)
            if issues:
                _issues(t("ui.month.pay.not_saved", lang), _form_messages(issues, lang))
                return
            negotiation = state.get_section("negotiation")
            answers = dict(negotiation.get("answers") or {})
            answers[lender] = rec
            negotiation["answers"] = answers
            state.set_section("negotiation", negotiation)
            _saved(t("ui.month.ans.saved", lang))


# --------------------------------------------------------------------------- progress

def _save_version(debts: list[Debt], budget, strategy: str, today: date, lang: str) -> None:
    version = PlanVersion(today, list(debts), budget, strategy, label=t("ui.month.version_label", lang,
                                                                         day=format_date(today, lang)))
    state.set_section("settings", with_new_version(state.get_section("settings"), version))


def progress_section(debts: list[Debt], budget, strategy: str, lang: str, today: date) -> None:
    st.subheader(t("ui.month.progress", lang))
    history = plan_history(state.get_section("settings"))
    version = None
    if history:
        try:
            version = PlanVersion.from_record(history[-1])
        except (InvalidInput, ParseError, KeyError, TypeError, ValueError):
            version = None
    if version is None:
        st.caption(t("ui.month.progress.none", lang))
        if st.button(t("ui.month.progress.start", lang), key=f"{F}.start_plan"):
            _save_version(debts, budget, strategy, today, lang)
            st.rerun()
        return
    st.caption(t("ui.month.progress.version", lang, label=markdown(version.label), count=len(history),
                 start=format_date(version.start, lang)))
    payments, pay_issues = parse_payments(state.get_section("payments"), version.debts, today=today)
    balances, bal_issues = parse_balances(state.get_section("balances"), version.debts, today=today)
    if pay_issues or bal_issues:
        _issues(t("ui.month.records.issues", lang), [i.message(lang) for i in pay_issues + bal_issues][:20])
    prog = progress(version, payments, balances, today=today)
    st.altair_chart(charts.plan_vs_actual(prog.months, title=t("ui.month.progress.chart", lang),
                                          planned=t("ui.month.progress.planned", lang),
                                          reported=t("ui.month.progress.reported", lang),
                                          x=t("ui.month.progress.x", lang), y=t("ui.month.progress.y", lang), lang=lang),
                    key=f"{F}.chart", width="stretch")
    st.caption(t("ui.month.progress.note", lang))
    rows = [{t("ui.month.progress.col.lender", lang): x.name,
             t("ui.month.progress.col.planned", lang): format_money(x.planned_cents / 100, lang),
             t("ui.month.progress.col.paid", lang): format_money(x.paid_cents / 100, lang),
             t("ui.month.progress.col.status", lang): t(f"progress.status.{x.status}", lang),
             t("ui.month.progress.col.reported", lang): format_money(x.reported_cents / 100, lang)
             if x.reported_cents is not None else "—"} for x in prog.lenders]
    st.dataframe(rows, hide_index=True, width="stretch")
    if st.button(t("ui.month.replan", lang), key=f"{F}.replan"):
        new_debts, cleared = replan_debts(debts, balances, today=today)
        if new_debts:
            _save_version(new_debts, budget, strategy, today, lang)
            _update_balances(new_debts, cleared)
        # rerun: the month list and the calendar above/below were drawn from the old plan
        _saved(t("ui.month.replanned", lang, cleared=t("ui.month.cleared", lang, names=markdown("、".join(cleared)))
                 if cleared else ""))


def _update_balances(new_debts: list[Debt], cleared: list[str]) -> None:
    """The debt table takes the new balances (other cells stay as typed); cleared debts leave it."""
    new = {d.name: d for d in new_debts}
    rows = []
    for row in state.debt_rows():
        name = (row.get("name") or "").strip()
        if name in cleared:
            continue
        if name in new:
            rec = debt_to_record(new[name])
            row = dict(row, balance=f"{new[name].balance:.2f}",
                       arrears="" if rec["arrears"] is None else f"{rec['arrears']:.2f}")
        rows.append(row)
    state.set_debt_rows(rows)


# --------------------------------------------------------------------------- follow-up letters

def letter_download(debt: Debt, doc: str, lang: str, today: date, budget_cents: int, lenders: int, key: str) -> None:
    """A download button for one follow-up letter (plain text, the user's language)."""
    from planner.followup_letters import facts_for, letter_title, render_followup
    negotiation = state.get_section("negotiation")
    facts = facts_for(debt, today=today, followups=state.get_section("followups"),
                      answers=negotiation.get("answers") or {}, budget_cents=budget_cents, lenders=lenders)
    text = render_followup(doc, debt, lang, facts, state.get_section("profile"))
    st.download_button(t("ui.month.letter.download", lang, name=letter_title(doc, lang)),
                       on_demand(text.encode, "utf-8"),
                       file_name=f"{doc}_{file_name(debt.name, fallback='lender')}_{lang}.txt", mime="text/plain",
                       key=key, icon=":material/description:")


def letters_section(debts: list[Debt], lang: str, today: date, budget_cents: int) -> None:
    from planner.followup_letters import DOCS, letter_title
    with _part(t("ui.month.letters", lang)):
        st.caption(t("ui.month.letters.help", lang))
        lender = st.selectbox(t("ui.month.pay.lender", lang), _names(debts), key=f"{F}.letter.lender")
        doc = st.selectbox(t("ui.month.letters.doc", lang), DOCS, key=f"{F}.letter.doc",
                           format_func=lambda d: letter_title(d, lang))
        debt = next((d for d in debts if d.name == lender), None)
        if debt is not None:
            letter_download(debt, doc, lang, today, budget_cents, len(debts), key=f"{F}.letter.download")


# --------------------------------------------------------------------------- calendar and files

def calendar_section(debts: list[Debt], budget, strategy: str, agreements, steps, lang: str, today: date) -> None:
    st.subheader(t("ui.month.calendar", lang))
    st.caption(t("ui.month.calendar.help", lang))
    alarm = st.number_input(t("ui.month.calendar.alarm", lang), min_value=0, max_value=30, step=1,
                            value=DEFAULT_ALARM_DAYS, key=f"{F}.alarm")
    try:
        pays = payment_schedule(debts, budget, strategy, today=today,
                                order=[n for n in st.session_state.get(state.COMPARE_ORDER) or []
                                       if n in {d.name for d in debts}] or None, agreements=agreements)
    except InvalidInput:
        return
    # The export is worked out here, against what the last download held (the workspace remembers each UID's
    # SEQUENCE): events gone from the plan come back as cancelled. The file is serialised on the click (worker
    # thread: it gets the finished value), and the click's callback records what it held. Exporting the same
    # plan against that record gives the same file, so the order of the two does not matter.
    previous = calendar_record(state.get_section("settings"))
    export = plan_export(pays, deadlines(steps, debts, lang), lang=lang, alarm_days=int(alarm),
                         stamp=datetime.now(UTC), previous=previous, since=month_start(today))
    if previous and (export.changed or export.cancelled):
        st.info(md(t, "ui.month.calendar.changes", lang, changed=export.changed, cancelled=export.cancelled))
    st.download_button(t("ui.month.calendar.download", lang), on_demand(export.to_ics),
                       file_name=f"repayment_{today:%Y%m}.ics", mime="text/calendar", key=f"{F}.ics",
                       icon=":material/event:", on_click=guarded(record_calendar_export), args=(export.record,))


def record_calendar_export(record) -> None:
    """The download button's callback: the workspace remembers what the downloaded calendar held."""
    settings = state.get_section("settings")
    new = with_calendar_record(settings, record)
    if new != settings:
        state.set_section("settings", new)


def files_section(debts: list[Debt], lang: str, today: date) -> None:
    with _part(t("ui.month.files", lang)):
        up = st.file_uploader(t("ui.month.files.upload", lang), type=["csv", "txt"], key=f"{F}.upload")
        if up is not None and st.button(t("ui.month.record", lang), key=f"{F}.upload.go"):
            result = read_payments_csv(up.getvalue(), debts, today=today)
            good = [p.to_record() for p in result.payments]
            state.set_section("payments", state.get_section("payments") + good)
            st.success(t("ui.month.files.imported", lang, count=len(good)))
            if result.issues:
                _issues(t("ui.month.records.issues", lang), [i.message(lang) for i in result.issues][:50])
        payments, _ = parse_payments(state.get_section("payments"), debts, today=today)
        st.download_button(t("ui.month.files.download", lang), on_demand(write_payments_csv, payments, lang=lang),
                           file_name=f"{file_name('payments')}_{today.isoformat()}.csv", mime="text/csv",
                           disabled=not payments, key=f"{F}.export")
