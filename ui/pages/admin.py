"""Agency admin page: users, assigning clients to owners and teams, the audit trail (filter, CSV export),
and the retention report.  Only for a signed-in admin with agency accounts on (ui/shell.py hides it
otherwise, and the page checks again)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

import ui.text.admin  # noqa: F401  (registers this page's texts)
from planner import settings, t
from planner.storage import Agency, StorageError
from planner.storage.accounts_schema import ACTIONS
from planner.storage.audit import to_csv
from planner.storage.retention import apply_retention
from ui import access, state
from ui.downloads import on_demand
from ui.safe import md

A = state.ADMIN                  # widget keys: f"{A}.<name>"
SHOWN = 500


def _users(agency: Agency, lang: str) -> dict[int, str]:
    st.subheader(t("adm.users", lang))
    st.caption(t("adm.users_help", lang))
    users = agency.accounts.list_users()
    st.dataframe(pd.DataFrame({
        t("adm.col.email", lang): [u.email for u in users],
        t("adm.col.role", lang): [t(f"acc.role.{u.role}", lang) for u in users],
        t("adm.col.team", lang): [u.team or "" for u in users],
        t("adm.col.disabled", lang): [u.disabled for u in users],
    }), hide_index=True, width="stretch")
    return {u.id: u.email for u in users if not u.disabled}


def _assign(agency: Agency, emails: dict[int, str], lang: str) -> None:
    st.subheader(t("adm.assign", lang))
    repo = agency.scoped(access.principal())
    clients = repo.list_clients()
    if not clients:
        return
    by_id = {c.id: c for c in clients}
    choice = st.selectbox(t("adm.client", lang), list(by_id), key=f"{A}.client",
                          format_func=lambda i: f"#{i} {by_id[i].pseudonym}")
    owner_id, team = agency.accounts.access_of(choice)
    st.caption(md(t, "adm.current", lang, owner=emails.get(owner_id, t("adm.nobody", lang)), team=team or "—"))
    owners = [None, *sorted(emails.values())]
    with st.form(f"{A}.assign"):
        owner = st.selectbox(t("adm.owner", lang), owners, key=f"{A}.owner",
                             index=owners.index(emails.get(owner_id)) if emails.get(owner_id) in owners else 0,
                             format_func=lambda e: e or t("adm.nobody", lang))
        new_team = st.text_input(t("adm.team", lang), value=team or "", key=f"{A}.team")
        if st.form_submit_button(t("adm.assign_go", lang)):
            try:
                repo.assign(choice, owner=owner, team=new_team)
            except StorageError as e:
                st.error(md(e.message, lang))
            else:
                st.success(t("adm.assigned", lang))


def _audit(agency: Agency, lang: str) -> None:
    st.subheader(t("adm.audit", lang))
    st.caption(t("adm.audit_help", lang))
    left, right = st.columns(2)
    since = left.date_input(t("adm.since", lang), value=date.today() - timedelta(days=30), key=f"{A}.since")
    action = right.selectbox(t("adm.action", lang), [None, *ACTIONS], key=f"{A}.action",
                             format_func=lambda a: a or t("adm.any", lang))
    left, right = st.columns(2)
    actor = left.text_input(t("adm.actor", lang), key=f"{A}.actor").strip()
    client_id = right.number_input(t("adm.client_id", lang), min_value=0, step=1, value=0, key=f"{A}.client_id")
    records = agency.audit.query(since=since, actor=actor or None, action=action, client_id=client_id or None)
    st.caption(t("adm.count", lang, n=len(records)))
    st.dataframe(pd.DataFrame([r.to_json() for r in records[-SHOWN:]],
                              columns=["time", "user", "action", "client_id", "detail"]),
                 hide_index=True, width="stretch")
    st.download_button(t("adm.download", lang), data=on_demand(lambda: to_csv(records).encode("utf-8-sig")),
                       file_name=f"audit-{date.today().isoformat()}.csv", mime="text/csv", key=f"{A}.download")


def _retention(agency: Agency, lang: str) -> None:
    st.subheader(t("adm.retention", lang))
    months = int(settings.get("PLANNER_RETENTION_MONTHS"))
    st.caption(t("adm.retention_rule", lang, months=months) if months else t("adm.retention_off", lang))
    due = agency.consents.due(months, date.today())
    if not due:
        st.info(t("adm.due_none", lang))
        return
    st.dataframe(pd.DataFrame({
        t("adm.col.client", lang): [d.client_id for d in due],
        t("adm.col.pseudonym", lang): [d.pseudonym for d in due],
        t("adm.col.last", lang): [d.last_activity.strftime("%Y-%m-%d") for d in due],
        t("adm.col.reason", lang): [t(f"store.retention.{d.reason}", lang) for d in due],
        t("adm.col.due", lang): [d.due_since.isoformat() for d in due],
    }), hide_index=True, width="stretch")
    if settings.get("PLANNER_RETENTION_DELETE") != "yes":
        st.caption(t("adm.delete_off", lang))
        return
    confirm = st.checkbox(t("adm.delete_confirm", lang), key=f"{A}.confirm")
    if st.button(t("adm.delete_due", lang, n=len(due)), key=f"{A}.delete", type="primary", disabled=not confirm):
        deleted = apply_retention(agency, access.principal(), due, settings.data_dir())
        st.success(t("adm.deleted", lang, n=len(deleted)))


def render() -> None:
    lang = state.lang()
    st.title(t("adm.title", lang))
    try:
        agency = access.agency_mode()
    except (StorageError, settings.SettingError):
        agency = None
    if agency is None or not access.principal().is_admin:
        st.warning(t("adm.only", lang))
        return
    emails = _users(agency, lang)
    _assign(agency, emails, lang)
    _audit(agency, lang)
    _retention(agency, lang)


render()
