"""Clients page (counsellor mode): client files, plan versions and their diff, negotiation status,
session notes, the incident log, consent, export / import / delete.  All storage goes through the
signed-in person's scoped repository (ui/access.py): it shows only their clients and audits every access."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

import ui.text.clients  # noqa: F401  (registers this page's texts)
from planner import (STRATEGIES, format_money, format_month, settings, t)
from planner.negotiation import METHODS
from planner import escape
from planner.storage import (STATUSES, Client, DeletionIncomplete, Forbidden, InvalidArchive, NotFound, PlanSummary,
                             ScopedRepository as Repository, StorageError, diff_versions, owner_for, sqlite_path,
                             status_label)
from ui import access, cached, state
from ui.downloads import on_demand
from ui.guard import guarded
from ui.safe import markdown, md
from ui.workspace_ui import local_time

W = state.CLIENT_FORM            # widget keys: f"{W}.<name>"
FLASH = f"{W}.flash"             # a success message shown after the rerun that refreshes the lists


def _repository(lang: str) -> Repository | None:
    """The repository as the signed-in person may see it (permission-checked and audited)."""
    return access.scoped_repository(lang)


def _where(repo: Repository, lang: str) -> str:
    """Where the files are kept, in words (the path is for an administrator: the tooltip)."""
    return t("ui.clients.where.postgresql" if repo.backend == "postgresql" else "ui.clients.where.sqlite", lang)


def _flash(message: str) -> None:
    st.session_state[FLASH] = message


def _today() -> date:
    return date.today()          # the UI owns the clock


# --------------------------------------------------------------------------- open client

def _open(repo: Repository, client: Client, lang: str) -> None:
    """Make ``client`` the open one: every page now shows its working draft (its own workspace, autosaved;
    a client without a draft starts from its latest saved plan and stored incident log, else empty)."""
    st.session_state[state.CLIENT_ID] = client.id
    st.session_state[state.CLIENT_VERSION] = client.version
    state.load()                       # owner client:<id>; every page's working state is reset to it
    latest = repo.latest_plan_version(client.id)
    if latest is None:
        _flash(md(t, "ui.clients.opened_empty", lang, name=client.display_name))
    else:
        _flash(md(t, "ui.clients.opened", lang, name=client.display_name, label=latest.label or f"#{latest.id}",
                 date=local_time(latest.created_at, lang)))


def _open_client(repo: Repository) -> Client | None:
    client_id = st.session_state.get(state.CLIENT_ID)
    if client_id is None:
        return None
    try:
        return repo.get_client(client_id)
    except (NotFound, Forbidden):
        st.session_state[state.CLIENT_ID] = None
        st.warning(t("ui.clients.gone", state.lang()))
        return None


def _write(fn, lang: str, **kwargs):
    """Run a write with the loaded version; a conflict is shown, never an overwrite.

    A write that succeeded with ``expected_version`` = v left the client at exactly v + 1.
    """
    try:
        result = fn(**kwargs, expected_version=st.session_state[state.CLIENT_VERSION])
    except StorageError as e:            # ConflictError included: nothing was written
        st.error(md(e.message, lang))
        return None
    st.session_state[state.CLIENT_VERSION] += 1
    return result


def _reload(repo: Repository, client_id: int) -> None:
    """Reload the client: its version, its working draft, and the stored incident log merged into the draft
    (records another session stored appear; this session's own records stay), so a later "save to the
    file" carries the version it really replaces."""
    st.session_state[state.CLIENT_VERSION] = repo.get_client(client_id).version
    state.load()
    stored = repo.load_incidents(client_id)
    ids = {str(r.get("id") or "") for r in stored}
    working = state.get_incident_records()
    merged = stored + [r for r in working if str(r.get("id") or "") not in ids or not r.get("id")]
    if merged != working:
        state.set_incident_records(merged, action="edit")
    _flash(t("ui.clients.reloaded", state.lang()))


def _close() -> None:
    st.session_state[state.CLIENT_ID] = None       # the next run shows this counsellor's own workspace


# --------------------------------------------------------------------------- list and create

def _client_list(repo: Repository, lang: str) -> None:
    st.subheader(t("ui.clients.list", lang))
    clients = repo.list_clients()
    if not clients:
        st.info(t("ui.clients.none", lang))
    else:
        counts = repo.plan_counts(clients)
        st.dataframe(pd.DataFrame({
            t("ui.clients.col.name", lang): [c.display_name for c in clients],
            t("ui.clients.col.pseudonym", lang): [c.pseudonym for c in clients],
            t("ui.clients.col.updated", lang): [local_time(c.updated_at, lang) for c in clients],
            t("ui.clients.col.versions", lang): [counts[c.id] for c in clients],
        }), hide_index=True, width="stretch")
        by_id = {c.id: c for c in clients}
        current = st.session_state.get(state.CLIENT_ID)
        choice = st.selectbox(t("ui.clients.choose", lang), options=list(by_id),
                              index=list(by_id).index(current) if current in by_id else 0,
                              format_func=lambda i: f"{by_id[i].display_name} ({by_id[i].pseudonym})",
                              key=f"{W}.choose")
        if st.button(t("ui.clients.open", lang), key=f"{W}.open", type="primary"):
            _open(repo, by_id[choice], lang)
            st.rerun()
    with st.expander(t("ui.clients.new", lang), expanded=not clients):
        with st.form(f"{W}.new", clear_on_submit=True):
            name = st.text_input(t("ui.clients.name", lang), help=t("ui.clients.name_help", lang), key=f"{W}.new_name")
            contact = st.text_area(t("ui.clients.contact", lang), key=f"{W}.new_contact")
            carry = st.checkbox(t("ui.clients.carry", lang), value=True, key=f"{W}.new_carry",
                                help=t("ui.clients.carry_help", lang))
            if st.form_submit_button(t("ui.clients.create", lang)):
                try:
                    client = repo.create_client(name, contact_notes=contact)
                except StorageError as e:   # Forbidden included (a viewer)
                    st.error(md(e.message, lang))
                else:
                    if carry:        # the debts, budget … typed before creating the file become its draft
                        draft = state.workspace().with_changes(is_sample=False)
                        repo.workspaces.save(owner_for(client_id=client.id), draft, expected_version=0)
                    st.session_state[state.CLIENT_ID] = client.id
                    st.session_state[state.CLIENT_VERSION] = client.version
                    state.load()
                    _flash(md(t, "ui.clients.created", lang, name=client.display_name))
                    st.rerun()          # the list above now shows the new client


# --------------------------------------------------------------------------- plan versions

def _current_plan(lang: str):
    """(debts, budget plan, strategy, summary) of the working state, or None with a message shown."""
    debts, issues = state.get_debts()
    bad = {i.row for i in issues if i.is_error and i.row is not None}
    if bad:
        st.warning(t("ui.clients.cannot_save_bad_rows", lang, n=len(bad)))
        return None
    if not debts:
        st.info(t("ui.clients.cannot_save_no_debts", lang))
        return None
    plan, budget = state.get_budget_plan(), state.get_budget()
    comparison = cached.comparison(tuple(debts), budget)
    strategy = st.session_state.get(state.COMPARE_STRATEGY)
    if strategy not in comparison.ranking:
        strategy = comparison.ranking[0]
    summary = PlanSummary.from_result(comparison[strategy], _today())
    return debts, plan, strategy, summary


def _save_version(repo: Repository, client: Client, lang: str) -> None:
    st.subheader(t("ui.clients.save_title", lang))
    current = _current_plan(lang)
    if current is None:
        return
    debts, plan, strategy, summary = current
    st.caption(t("ui.clients.save_what", lang, n=len(debts), budget=format_money(plan.available(), lang),
                 strategy=STRATEGIES[strategy].label(lang), when=format_month(summary.debt_free_month, lang)))
    methods = [None, *METHODS]
    chosen = state.get_section("negotiation").get("method")     # kept in the workspace: never resets
    with st.form(f"{W}.save"):
        label = st.text_input(t("ui.clients.label", lang), key=f"{W}.label",
                              value=t("ui.clients.label_default", lang, date=_today().isoformat()))
        method = st.selectbox(t("ui.clients.method", lang), options=methods, key=f"{W}.method",
                              index=methods.index(chosen) if chosen in methods else 0,
                              format_func=lambda m: t("ui.clients.method_none", lang) if m is None
                              else METHODS[m].label(lang))
        if st.form_submit_button(t("ui.clients.save", lang), type="primary"):
            new_id = _write(repo.save_plan_version, lang, client_id=client.id, debts=debts, budget=plan,
                            strategy=strategy, label=label, negotiation_method=method, summary=summary)
            if new_id is not None:
                if method != chosen:
                    state.set_section("negotiation", {**state.get_section("negotiation"), "method": method})
                    st.session_state.pop(state.NEG_METHOD, None)      # the negotiate page follows
                _flash(md(t, "ui.clients.saved", lang, id=new_id))
                st.rerun()          # the version counts and the list refresh


def _version_label(v, lang: str) -> str:
    return t("ui.clients.version_option", lang, id=v.id, label=v.label, date=local_time(v.created_at, lang))


def _versions(repo: Repository, client: Client, lang: str) -> None:
    st.subheader(t("ui.clients.versions", lang))
    versions = repo.list_plan_versions(client.id)
    if not versions:
        st.info(t("ui.clients.no_versions", lang))
        return
    st.dataframe(pd.DataFrame({
        t("ui.clients.col.version", lang): [f"#{v.id}" for v in versions],
        t("ui.clients.col.saved_at", lang): [local_time(v.created_at, lang) for v in versions],
        t("ui.clients.col.label", lang): [v.label for v in versions],
        t("ui.clients.col.strategy", lang): [STRATEGIES[v.strategy].label(lang) if v.strategy in STRATEGIES
                                             else v.strategy for v in versions],
        t("ui.clients.col.debts", lang): [len(v.debt_records) for v in versions],
        t("ui.clients.col.debt_free", lang): [format_month(v.summary.debt_free_month, lang) if v.summary.known
                                              else "—" for v in versions],
        t("ui.clients.col.cost", lang): [format_money(v.summary.total_cost, lang) for v in versions],
    }), hide_index=True, width="stretch")
    st.subheader(t("ui.clients.diff", lang))
    if len(versions) < 2:
        st.info(t("ui.clients.diff_need_two", lang))
        return
    by_id = {v.id: v for v in versions}
    ids = list(by_id)
    left, right = st.columns(2)
    older = left.selectbox(t("ui.clients.diff_from", lang), ids, index=len(ids) - 2, key=f"{W}.diff_a",
                           format_func=lambda i: _version_label(by_id[i], lang))
    newer = right.selectbox(t("ui.clients.diff_to", lang), ids, index=len(ids) - 1, key=f"{W}.diff_b",
                            format_func=lambda i: _version_label(by_id[i], lang))
    lines = md(diff_versions(by_id[older], by_id[newer]).lines, lang)    # lender names, labels: data
    st.markdown("\n".join(f"- {line}" for line in lines))


# --------------------------------------------------------------------------- negotiation

def _terms_text(terms: dict, lang: str) -> str:
    monthly, months = terms.get("monthly_yuan"), terms.get("months")
    if monthly and months:
        return t("ui.clients.terms_text", lang, monthly=format_money(monthly, lang), months=months)
    if monthly:
        return t("ui.clients.terms_monthly_only", lang, monthly=format_money(monthly, lang))
    if months:
        return t("ui.clients.terms_months_only", lang, months=months)
    return ""


def _negotiation(repo: Repository, client: Client, lang: str) -> None:
    st.subheader(t("ui.clients.neg_title", lang))
    latest = repo.latest_plan_version(client.id)
    debts, _ = state.get_debts()
    lenders = list(dict.fromkeys([d.name for d in debts] + [r["name"] for r in (latest.debt_records if latest else ())]))
    if not lenders:
        st.info(t("ui.clients.no_lenders", lang))
    else:
        with st.form(f"{W}.neg"):
            lender = st.selectbox(t("ui.clients.lender", lang), lenders, key=f"{W}.neg_lender")
            status = st.radio(t("ui.clients.status", lang), STATUSES, horizontal=True, key=f"{W}.neg_status",
                              format_func=lambda s: status_label(s, lang))
            when = st.date_input(t("ui.clients.status_date", lang), value=_today(), key=f"{W}.neg_date")
            left, right = st.columns(2)
            monthly = left.number_input(t("ui.clients.terms_monthly", lang), min_value=0.0, value=None,
                                        step=100.0, key=f"{W}.neg_monthly")
            months = right.number_input(t("ui.clients.terms_months", lang), min_value=0, value=None, step=1,
                                        key=f"{W}.neg_months")
            note = st.text_input(t("ui.clients.note", lang), key=f"{W}.neg_note")
            if st.form_submit_button(t("ui.clients.record", lang)):
                terms = {k: v for k, v in (("monthly_yuan", monthly), ("months", months)) if v}
                if _write(repo.record_negotiation, lang, client_id=client.id, lender=lender, status=status,
                          status_date=when, terms=terms, note=note) is not None:
                    st.success(md(t, "ui.clients.recorded", lang, lender=lender, status=status_label(status, lang)))
    _negotiation_tables(repo, client, lang)


def _negotiation_tables(repo: Repository, client: Client, lang: str) -> None:
    st.subheader(t("ui.clients.neg_latest", lang))
    history = repo.negotiation_history(client.id)
    if not history:
        st.info(t("ui.clients.neg_none", lang))
        return

    def frame(records) -> pd.DataFrame:
        return pd.DataFrame({
            t("ui.clients.col.lender", lang): [r.lender for r in records],
            t("ui.clients.col.status", lang): [r.status_label(lang) for r in records],
            t("ui.clients.col.date", lang): [r.status_date.isoformat() for r in records],
            t("ui.clients.col.terms", lang): [_terms_text(r.terms, lang) for r in records],
            t("ui.clients.col.note", lang): [r.note for r in records],
        })

    st.dataframe(frame(list(repo.negotiation_status(client.id).values())), hide_index=True, width="stretch")
    with st.expander(t("ui.clients.neg_history", lang)):
        st.dataframe(frame(history), hide_index=True, width="stretch")


# --------------------------------------------------------------------------- sessions and incidents

def _sessions(repo: Repository, client: Client, lang: str) -> None:
    with st.form(f"{W}.session", clear_on_submit=True):
        when = st.date_input(t("ui.clients.session_date", lang), value=_today(), key=f"{W}.session_date")
        notes = st.text_area(t("ui.clients.session_notes", lang), key=f"{W}.session_notes")
        if st.form_submit_button(t("ui.clients.add_session", lang)):
            if _write(repo.add_session, lang, client_id=client.id, session_date=when, notes=notes) is not None:
                st.success(t("ui.clients.session_saved", lang))
    sessions = repo.list_sessions(client.id)
    if not sessions:
        st.info(t("ui.clients.no_sessions", lang))
    for s in reversed(sessions):
        st.markdown(f"**{s.session_date.isoformat()}** — {markdown(s.notes, multiline=True)}")


def _incidents(repo: Repository, client: Client, lang: str) -> None:
    working, stored = state.get_incident_records(), repo.load_incidents(client.id)
    st.caption(t("ui.clients.inc_intro", lang, n=len(working), m=len(stored)))
    left, right = st.columns(2)
    if left.button(t("ui.clients.inc_save", lang), key=f"{W}.inc_save"):
        # replaces the stored log: carries the client version it was loaded at (a newer log is a conflict)
        if _write(repo.save_incidents, lang, client_id=client.id, records=working) is not None:
            st.success(t("ui.clients.inc_saved", lang, n=len(working)))
    if right.button(t("ui.clients.inc_load", lang), key=f"{W}.inc_load"):
        state.set_incident_records(stored)
        st.session_state[state.CLIENT_VERSION] = repo.get_client(client.id).version
        st.success(t("ui.clients.inc_loaded", lang, n=len(stored)))


# --------------------------------------------------------------------------- export, import, delete

def _data(repo: Repository, client: Client, lang: str) -> None:
    st.subheader(t("ui.clients.export", lang))
    st.caption(t("ui.clients.export_help", lang))
    pseudo = st.checkbox(t("ui.clients.pseudonymise", lang), key=f"{W}.pseudo")
    name = client.pseudonym if pseudo else client.display_name
    # built (and audited as an export) only when the button is clicked, not on every render
    st.download_button(t("ui.clients.download", lang),
                       data=on_demand(repo.export_client, client.id, pseudonymise=pseudo),
                       file_name=f"client-{client.pseudonym if pseudo else client.id}.zip",
                       mime="application/zip", key=f"{W}.download", disabled=not name)
    st.subheader(t("ui.clients.delete", lang))
    st.caption(t("ui.clients.delete_help", lang))
    confirm = st.checkbox(md(t, "ui.clients.delete_confirm", lang, name=client.display_name), key=f"{W}.confirm")
    if st.button(t("ui.clients.delete_button", lang), key=f"{W}.delete", type="primary", disabled=not confirm):
        try:
            repo.delete_client_and_evidence(client.id, settings.data_dir(),
                                            expected_version=st.session_state[state.CLIENT_VERSION])
        except DeletionIncomplete as e:          # deleted, but not yet unreadable: say so, plainly
            st.session_state[state.CLIENT_ID] = None
            st.warning(md(e.message, lang))
            return
        except StorageError as e:
            st.error(md(e.message, lang))
            return
        st.session_state[state.CLIENT_ID] = None
        _flash(t("ui.clients.deleted", lang))
        st.rerun()


def _import(repo: Repository, lang: str) -> None:
    with st.expander(t("ui.clients.import", lang)):
        upload = st.file_uploader(t("ui.clients.import", lang), type=["zip"], key=f"{W}.import",
                                  label_visibility="collapsed")
        if upload is not None and st.button(t("ui.clients.import_button", lang), key=f"{W}.import_go"):
            try:
                new_id = repo.import_client(upload.getvalue())
            except StorageError as e:      # InvalidArchive, Forbidden
                st.error(md(e.message, lang))
                return
            client = repo.get_client(new_id)
            st.session_state[state.CLIENT_ID] = client.id
            st.session_state[state.CLIENT_VERSION] = client.version
            state.load()
            _flash(md(t, "ui.clients.imported", lang, name=client.display_name))
            st.rerun()


# --------------------------------------------------------------------------- page

def _client_file(repo: Repository, client: Client, lang: str) -> None:
    st.divider()
    st.subheader(md(t, "ui.clients.current", lang, name=client.display_name, pseudonym=client.pseudonym,
                   versions=len(repo.list_plan_versions(client.id))))
    reload_col, close_col, _ = st.columns([1, 1, 3])
    reload_col.button(t("ui.clients.reload", lang), key=f"{W}.reload", on_click=guarded(_reload),
                      args=(repo, client.id))
    close_col.button(t("ui.clients.close", lang), key=f"{W}.close", on_click=guarded(_close))
    tabs = st.tabs([t(f"ui.clients.tab.{k}", lang) for k in ("plans", "negotiation", "sessions", "incidents",
                                                               "data")] + [t("con.tab", lang)])
    with tabs[0]:
        _save_version(repo, client, lang)
        _versions(repo, client, lang)
    with tabs[1]:
        _negotiation(repo, client, lang)
    with tabs[2]:
        _sessions(repo, client, lang)
    with tabs[3]:
        _incidents(repo, client, lang)
    with tabs[4]:
        _data(repo, client, lang)
    with tabs[5]:
        _consent(repo, client, lang)


def _consent(repo: Repository, client: Client, lang: str) -> None:
    st.caption(t("con.intro", lang))
    consents = repo.consents(client.id)
    if not consents:
        st.info(t("con.none", lang))
    for c in consents:
        withdrawn = t("con.withdrawn", lang, date=c.withdrawn_on.isoformat()) if c.withdrawn_on else ""
        st.markdown(t("con.item", lang, date=c.consented_on.isoformat(), who=escape.markdown(c.counsellor),
                      withdrawn=withdrawn, purpose=escape.markdown(c.purpose)))
        if c.active and st.button(t("con.withdraw", lang, date=c.consented_on.isoformat()),
                                  key=f"{W}.con_withdraw.{c.id}"):
            try:
                repo.withdraw_consent(client.id, c.id, _today())
            except StorageError as e:
                st.error(md(e.message, lang))
            else:
                st.rerun()
    with st.form(f"{W}.consent", clear_on_submit=False):
        purpose = st.text_area(t("con.purpose", lang), value=t("con.default_purpose", lang), key=f"{W}.con_purpose")
        when = st.date_input(t("con.date", lang), value=_today(), key=f"{W}.con_date")
        if st.form_submit_button(t("con.record", lang)):
            try:
                repo.record_consent(client.id, purpose, when)
            except StorageError as e:
                st.error(md(e.message, lang))
            else:
                st.success(t("con.recorded", lang))


def render() -> None:
    lang = state.lang()
    st.title(t("ui.clients.title", lang))
    repo = _repository(lang)
    if repo is None:
        return
    path = sqlite_path(repo.engine)        # the file's path is an administrator's detail: in the tooltip only
    st.caption(t("ui.clients.intro", lang, where=_where(repo, lang)),
               help=md(t, "ui.clients.where.admin", lang, path=str(path)) if path is not None else None)
    message = st.session_state.pop(FLASH, None)
    if message:
        st.success(message)
    _client_list(repo, lang)
    _import(repo, lang)
    client = _open_client(repo)
    if client is not None:
        st.session_state.setdefault(state.CLIENT_VERSION, client.version)
        _client_file(repo, client, lang)


render()
