"""Agency admin page: users (add, disable / re-enable, role and team, password reset — each audited, the
destructive ones confirmed), assigning clients to owners and teams, the audit trail (filter, CSV export),
and the retention report.  Only for a signed-in admin with agency accounts on (ui/shell.py hides it
otherwise, and the page checks again)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pandas as pd
import streamlit as st

import ui.text.admin  # noqa: F401  (registers this page's texts)
from planner import settings, t
from planner.storage import Agency, ScopedRepository, StorageError, User
from planner.storage.accounts_schema import ACTIONS, ROLES
from planner.storage.audit import to_csv
from planner.storage.retention import apply_retention
from ui import access, auth, state, workspace_ui
from ui.downloads import on_demand
from ui.guard import guarded
from ui.safe import md

A = state.ADMIN                  # widget keys: f"{A}.<name>"
SHOWN = 500


FLASH = f"{A}.flash"           # the last user action's outcome, shown once: (message key, params, password)
REFUSED = f"{A}.refused"       # or the StorageError that refused it
NEW = f"{A}.new"               # the add-a-user form's widgets: f"{NEW}.email", ".role", ".team", ".signin"
SIGN_IN = ("password", "oidc")


def _flash(key: str, password: str | None = None, **params: str) -> None:
    st.session_state[FLASH] = (key, params, password)


def _refused(error: StorageError, lang: str) -> None:
    st.error(t("adm.not_saved", lang) + md(error.message, lang))


def _show_flash(lang: str) -> None:
    """The last action's outcome; a generated password is shown here once and then forgotten."""
    error = st.session_state.pop(REFUSED, None)
    if error is not None:
        _refused(error, lang)
    found = st.session_state.pop(FLASH, None)
    if not found:
        return
    key, params, password = found
    st.success(md(t, key, lang, **params))
    if password:
        st.warning(md(t, "adm.password_once", lang, email=params.get("email", "")))
        st.code(password, language=None)


def _user_table(users: list[User], lang: str) -> None:
    st.dataframe(pd.DataFrame({
        t("adm.col.email", lang): [u.email for u in users],
        t("adm.col.role", lang): [t(f"acc.role.{u.role}", lang) for u in users],
        t("adm.col.team", lang): [u.team or "" for u in users],
        t("adm.col.signin", lang): [t(f"adm.signin_short.{'password' if u.has_password else 'oidc'}", lang)
                                    for u in users],
        t("adm.col.disabled", lang): [u.disabled for u in users],
        t("adm.col.id", lang): [u.id for u in users],
    }), hide_index=True, width="stretch")


def _add_form(repo: ScopedRepository, lang: str) -> None:
    """Add a user.  Bad input (an invalid or existing e-mail) is said under the form, which keeps what was
    typed; after a success the form is emptied and the generated password is shown once."""
    if st.session_state.pop(f"{NEW}.clear", False):      # before the widgets exist: the browser's copy too
        st.session_state[f"{NEW}.email"] = st.session_state[f"{NEW}.team"] = ""
    with st.form(f"{A}.add"):
        st.markdown(f"**{t('adm.add', lang)}**")
        email = st.text_input(t("adm.new_email", lang), key=f"{NEW}.email")
        left, right = st.columns(2)
        role = left.selectbox(t("adm.new_role", lang), ROLES, index=ROLES.index("counsellor"), key=f"{NEW}.role",
                              format_func=lambda r: t(f"acc.role.{r}", lang))
        team = right.text_input(t("adm.new_team", lang), key=f"{NEW}.team")
        default = SIGN_IN.index("oidc" if auth.oidc_provider() is not None else "password")
        signin = st.radio(t("adm.new_signin", lang), SIGN_IN, index=default, key=f"{NEW}.signin", horizontal=True,
                          format_func=lambda k: t(f"adm.signin.{k}", lang))
        submitted = st.form_submit_button(t("adm.add_go", lang), type="primary")
    if not submitted:
        return
    try:
        user, password = repo.add_user(email or "", role, team=team, local_password=signin == "password")
    except StorageError as e:
        _refused(e, lang)
        return
    _flash("adm.added", password, email=user.email)
    st.session_state[f"{NEW}.clear"] = True
    st.rerun()


def _account_action(action: Callable[[], object], done: str, email: str, lang: str) -> None:
    """Run an account change (from a button's callback) and say how it went on the next run."""
    try:
        result = action()
    except StorageError as e:
        st.session_state[REFUSED] = e
        return
    _flash(done, result if isinstance(result, str) else None, email=email)


def _save_user(repo: ScopedRepository, user: User, lang: str) -> None:
    role = st.session_state.get(f"{A}.role.{user.id}", user.role)
    team = st.session_state.get(f"{A}.uteam.{user.id}", user.team or "")
    _account_action(lambda: repo.change_user(user.id, role=role, team=team), "adm.saved_user", user.email, lang)


def _manage(repo: ScopedRepository, users: list[User], lang: str) -> None:
    """Change one user: role and team, disable / re-enable, reset the password (each confirmed if destructive)."""
    st.markdown(f"**{t('adm.manage', lang)}**")
    by_id = {u.id: u for u in users}
    uid = st.selectbox(t("adm.pick_user", lang), list(by_id), key=f"{A}.user", format_func=lambda i: t(
        "adm.user_option", lang, email=by_id[i].email, role=t(f"acc.role.{by_id[i].role}", lang),
        disabled=t("adm.user_option_disabled", lang) if by_id[i].disabled else ""))
    user = by_id[uid]
    left, right = st.columns(2)
    role = left.selectbox(t("adm.edit_role", lang), ROLES, index=ROLES.index(user.role), key=f"{A}.role.{uid}",
                          format_func=lambda r: t(f"acc.role.{r}", lang))
    team = right.text_input(t("adm.edit_team", lang), value=user.team or "", key=f"{A}.uteam.{uid}")
    workspace_ui.confirm_button(
        f"{A}.save.{uid}", t("adm.save_user", lang), _save_user, args=(repo, user, lang), lang=lang, undoable=False,
        what=t("adm.confirm_save", lang, email=user.email, role=t(f"acc.role.{role}", lang),
               team=" ".join(team.split()) or "—"))
    cols = st.columns(2)
    if user.disabled:
        cols[0].button(t("adm.enable", lang), key=f"{A}.enable.{uid}", on_click=guarded(_account_action),
                       args=(lambda: repo.set_user_disabled(uid, False), "adm.enabled_user", user.email, lang))
    else:
        workspace_ui.confirm_button(
            f"{A}.disable.{uid}", t("adm.disable", lang), _account_action, lang=lang, undoable=False,
            args=(lambda: repo.set_user_disabled(uid, True), "adm.disabled_user", user.email, lang),
            what=t("adm.confirm_disable", lang, email=user.email), container=cols[0])
    if user.has_password:
        workspace_ui.confirm_button(
            f"{A}.reset.{uid}", t("adm.reset", lang), _account_action, lang=lang, undoable=False,
            args=(lambda: repo.reset_password(uid), "adm.reset_done", user.email, lang),
            what=t("adm.confirm_reset", lang, email=user.email), container=cols[1])
    else:
        cols[1].caption(md(t, "adm.oidc_user", lang, email=user.email))


def _users(agency: Agency, lang: str) -> dict[int, str]:
    st.subheader(t("adm.users", lang))
    st.caption(t("adm.users_help", lang))
    repo = agency.scoped(access.principal())
    _show_flash(lang)
    users = agency.accounts.list_users()
    _user_table(users, lang)
    _add_form(repo, lang)
    if users:
        _manage(repo, users, lang)
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
                             format_func=lambda a: t(f"adm.act.{a}", lang) if a else t("adm.any", lang))
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
