"""本月 / This month: what to pay each lender this month, the next step with each, progress, reminders.

Reads the workspace sections ``payments``, ``balances``, ``negotiation`` (answers), ``followups`` and
``settings`` (plan history) through ``ui.state.get_section`` / ``set_section``; every figure comes from
planner (this_month, next_steps, progress, build_ics).
"""

from __future__ import annotations

from datetime import date

import streamlit as st

import ui.text.month  # noqa: F401  (registers this page's texts)
from planner import InvalidInput, format_date, format_money, format_month, t, this_month
from planner.escape import markdown
from planner.followups import STEP_LETTERS, answer_days, mark_done, next_steps, step_to_show
from planner.tracking import paid_between, parse_payments
from ui import month_forms, state
from ui.guard import guarded
from ui.safe import md

MONTH = "month"                     # widget prefix of this page
STATUS_ICONS = {"pay": ":material/payments:", "behind": ":material/warning:", "paid_off": ":material/celebration:",
                "agreed": ":material/handshake:"}


def strategy() -> str:
    return st.session_state.get(state.COMPARE_STRATEGY) or "avalanche"


def _order(debts) -> list[str] | None:
    """The compare page's own order, without lenders that are no longer in the plan."""
    names = {d.name for d in debts}
    return [n for n in st.session_state.get(state.COMPARE_ORDER) or [] if n in names] or None


def _item(item, debt, step, paid_c: int, lang: str, today: date, budget_c: int, lenders: int) -> None:
    with st.container(border=True):
        st.markdown(f"**{markdown(item.name)}** · {t(f'month.status.{item.status}', lang)}")
        if item.amount_cents == 0 and item.status == "pay":
            st.markdown(t("ui.month.nothing_due", lang))
        else:
            st.markdown(t("ui.month.pay_by", lang, amount=format_money(item.amount_cents / 100, lang),
                          date=format_date(item.due_date, lang)))
        st.caption(t("ui.month.channel", lang, channel=markdown(item.channel)) if item.channel.strip()
                   else t("ui.month.no_channel", lang))
        if paid_c:
            st.caption(t("ui.month.paid_so_far", lang, amount=format_money(paid_c / 100, lang)))
        for line in md(item.consequences, lang):            # lender names: data
            st.warning(line, icon=":material/warning:")
        # a lender paid as the contract asks needs no negotiation step; one that falls behind does
        step = step_to_show(step, item.status)
        if step is not None:
            key = "ui.month.next_late" if step.overdue else "ui.month.next"
            st.info(t(key, lang, date=format_date(step.due, lang), text=step.text(debt, lang, markdown)))
            if STEP_LETTERS.get(step.key):
                month_forms.letter_download(debt, STEP_LETTERS[step.key], lang, today, budget_c, lenders,
                                            key=f"{MONTH}.letter.{item.name}.{step.key}")
            if step.key != "keep_agreement" and st.button(t("ui.month.mark_done", lang),
                                                          key=f"{MONTH}.done.{item.name}.{step.key}"):
                state.set_section("followups", mark_done(state.get_section("followups"), item.name, step.key, today))
                st.rerun()


def render() -> None:
    lang = state.lang()
    today = date.today()                     # the clock is read here, at the edge
    debts, _ = state.get_debts()
    if not debts:
        st.title(t("page.month", lang))
        st.info(t("ui.month.no_debts", lang))
        st.page_link("ui/pages/debts.py", label=t("ui.month.go_debts", lang), icon=":material/arrow_forward:")
        return
    negotiation = state.get_section("negotiation")
    inputs = state.get_plan_inputs()           # excluded debts out, budget events and agreements applied
    debts, budget, agreements = list(inputs.contract_debts), inputs.budget, inputs.agreements
    if not debts:
        st.title(t("page.month", lang))
        st.info(t("ui.month.no_debts", lang))
        return
    try:
        plan = this_month(debts, budget, strategy(), today=today, order=_order(debts), agreements=agreements)
    except InvalidInput as e:
        st.title(t("page.month", lang))
        st.error(t("ui.month.fix", lang) + "\n\n" + "\n".join(f"- {m}" for m in md(e.messages, lang)))
        return
    st.title(t("ui.month.title", lang, month=format_month(plan.month, lang)))
    if not state.get_section("budget"):
        # no income entered yet: "¥0 budget, every account falls behind" would be a wrong answer — ask for it first
        st.info(t("ui.month.no_budget", lang, due=format_money(plan.due_cents / 100, lang)))
        st.page_link("ui/pages/budget.py", label=t("ui.month.go_budget", lang), icon=":material/arrow_forward:")
        return
    st.caption(t("ui.month.intro", lang, strategy=t("strategy." + plan.strategy, lang),
                 budget=format_money(plan.budget_cents / 100, lang)))
    followups = state.get_section("followups")
    answers = negotiation.get("answers") if isinstance(negotiation.get("answers"), dict) else {}
    steps = next_steps(debts, followups, answers, today=today)
    payments, _ = parse_payments(state.get_section("payments"), debts, today=today)
    paid = paid_between(payments, plan.month, today)
    by_name = {d.name: d for d in debts}
    from planner.models import name_key
    # the answer first (on a phone the list below is several screens long): the month's total, and what the
    # budget leaves unpaid
    st.markdown(t("ui.month.total", lang, total=format_money(plan.total_cents / 100, lang),
                  budget=format_money(plan.budget_cents / 100, lang)))
    if plan.unpaid_due_cents:
        st.error(t("ui.month.unpaid", lang, amount=format_money(plan.unpaid_due_cents / 100, lang)))
    for item in plan.items:
        _item(item, by_name[item.name], steps.get(item.name), paid.get(name_key(item.name), 0), lang, today,
              plan.budget_cents, len(debts))
    st.number_input(t("ui.month.answer_days", lang), min_value=1, max_value=120, step=1,
                    value=answer_days(followups), key=f"{MONTH}.answer_days", on_change=guarded(_save_answer_days))

    month_forms.flash()
    # one part at a time below the list (a phone draws only what the borrower opened; the list is the answer)
    if st.session_state.get(state.MONTH_SECTION) not in (None, *state.MONTH_SECTIONS):
        st.session_state[state.MONTH_SECTION] = None
    section = st.segmented_control(t("ui.month.section", lang), state.MONTH_SECTIONS, key=state.MONTH_SECTION,
                                   format_func=lambda k: t(f"ui.month.section.{k}", lang))
    if section == "pay":
        month_forms.payment_form(debts, lang, today)
    elif section == "balance":
        month_forms.balance_form(debts, lang, today)
    elif section == "answer":
        month_forms.answer_form(debts, lang, today)
    elif section == "letters":
        month_forms.letters_section(debts, lang, today, plan.budget_cents)
    elif section == "progress":
        month_forms.progress_section(list(inputs.debts), budget, strategy(), lang, today)   # agreed terms baked in
    elif section == "calendar":
        month_forms.calendar_section(debts, budget, strategy(), agreements, steps, lang, today)
    elif section == "files":
        month_forms.files_section(debts, lang, today)


def _save_answer_days() -> None:
    followups = state.get_section("followups")
    followups["answer_days"] = int(st.session_state[f"{MONTH}.answer_days"])
    state.set_section("followups", followups)


render()
