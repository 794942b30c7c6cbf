"""Rights page: log collection incidents, check them against the rules, draft complaints, your rights."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

import ui.text.rights  # noqa: F401  (registers this page's texts)
from planner import settings, t
from planner.rights import (CHANNELS, DRAFT_KINDS, MAX_EVIDENCE_BYTES, ROLES, RULES, TAGS, Borrower, DraftError,
                            Incident, available_drafts, check_evidence, check_log, incident_to_row,
                            incidents_from_records, parse_incident_row, read_incidents_csv, render_draft,
                            rights_summary, store_evidence, summarize, write_incidents_csv)
from ui import state
from ui.registry import PAGES

ROOT = Path(__file__).resolve().parent.parent.parent
NEGOTIATE_PAGE = "ui/pages/negotiate.py"
F = state.RIGHTS_FORM            # form widget keys: f"{F}.<field>"
FORM_DEFAULTS = {"lender": None, "date": None, "time": None, "channel": "call", "caller": "",
                 "contact_role": "borrower", "relationship": "", "count": 1, "summary": "", "tags": [],
                 "evidence": "", "keep_copy": False}


def _today() -> date:
    return date.today()          # the UI owns the clock; planner gets today passed in


def _max_evidence_bytes() -> int:
    """The planner's limit, or the server's upload limit when that is lower."""
    return min(MAX_EVIDENCE_BYTES, int(st.get_option("server.maxUploadSize")) * 2**20)


def _data_dir() -> Path:
    return settings.data_dir()


def _incidents() -> list[Incident]:
    return incidents_from_records(state.get_incident_records())


def _save_incidents(incidents: list[Incident]) -> None:
    state.set_incident_records([i.to_record() for i in incidents])


def _lender_options() -> list[str]:
    debts, _ = state.get_debts()
    names = [d.name for d in debts]
    return names + [i.lender for i in _incidents() if i.lender not in names]


# --------------------------------------------------------------------------- form callbacks

def _reset_form() -> None:
    for name, value in FORM_DEFAULTS.items():
        st.session_state[f"{F}.{name}"] = value if name != "date" else _today()
    st.session_state[state.RIGHTS_EDIT] = None


def _load_for_edit(incident_id: str) -> None:
    inc = next((i for i in _incidents() if i.id == incident_id), None)
    if inc is None:
        return
    values = {"lender": inc.lender, "date": inc.date, "time": inc.time, "channel": inc.channel,
              "caller": inc.caller, "contact_role": inc.contact_role, "relationship": inc.relationship,
              "count": inc.count, "summary": inc.summary, "tags": list(inc.tags),
              "evidence": "; ".join(inc.evidence), "keep_copy": False}
    for name, value in values.items():
        st.session_state[f"{F}.{name}"] = value
    st.session_state[state.RIGHTS_EDIT] = incident_id


def _delete(incident_id: str) -> None:
    _save_incidents([i for i in _incidents() if i.id != incident_id])
    if st.session_state.get(state.RIGHTS_EDIT) == incident_id:
        _reset_form()


def _issues_box(head: str, messages: list[str]) -> None:
    st.error(head + "\n\n" + "\n".join(f"- {m}" for m in messages))


def _submit(lang: str) -> None:
    """Validate the form through planner; save, or show every problem (the form keeps its values)."""
    v = {name: st.session_state.get(f"{F}.{name}") for name in FORM_DEFAULTS}
    uploads = st.session_state.get(f"{F}.files") or []
    problems = [i for up in uploads for i in check_evidence(up.name, up.size, max_bytes=_max_evidence_bytes())]
    names = [n for n in str(v["evidence"] or "").replace("；", ";").split(";") if n.strip()]
    names += [up.name for up in uploads]
    raw = {"lender": v["lender"] or "", "date": v["date"], "time": v["time"], "channel": v["channel"],
           "caller": v["caller"], "contact_role": v["contact_role"], "relationship": v["relationship"],
           "count": v["count"], "summary": v["summary"], "tags": v["tags"] or [], "evidence": names,
           "id": st.session_state.get(state.RIGHTS_EDIT) or ""}
    inc, issues = parse_incident_row(raw, today=_today())
    errors = problems + [i for i in issues if i.is_error]
    if inc is None or errors:
        _issues_box(t("ui.rights.not_saved", lang), [i.message(lang) for i in errors])
        return
    if v["keep_copy"]:
        for up in uploads:
            _, refused = store_evidence(_data_dir(), inc.id, up.name, up.getvalue(),
                                        max_bytes=_max_evidence_bytes())
            if refused:
                _issues_box(t("ui.rights.file_refused", lang), [i.message(lang) for i in refused])
    log = _incidents()
    editing = st.session_state.get(state.RIGHTS_EDIT)
    if editing:
        log = [inc if i.id == editing else i for i in log]
    elif all(i.id != inc.id for i in log):
        log.append(inc)
    _save_incidents(log)
    st.session_state[state.RIGHTS_EDIT] = None
    st.success(t("ui.rights.saved", lang))


# --------------------------------------------------------------------------- sections

def _form(lang: str) -> None:
    if f"{F}.date" not in st.session_state:
        _reset_form()
    editing = st.session_state.get(state.RIGHTS_EDIT)
    st.subheader(t("ui.rights.form_edit", lang, id=editing) if editing else t("ui.rights.form_add", lang))
    with st.form(F):
        c1, c2, c3 = st.columns(3)
        c1.selectbox(t("ui.rights.lender", lang), _lender_options(), key=f"{F}.lender", accept_new_options=True,
                     placeholder=t("ui.phone.choose_or_type", lang))
        c2.date_input(t("ui.rights.when_date", lang), key=f"{F}.date", max_value=_today())
        c3.time_input(t("ui.rights.when_time", lang), key=f"{F}.time", step=60)
        c1, c2, c3 = st.columns(3)
        c1.selectbox(t("ui.rights.channel", lang), list(CHANNELS), key=f"{F}.channel",
                     format_func=lambda c: CHANNELS[c].label(lang))
        c2.text_input(t("ui.rights.caller", lang), key=f"{F}.caller")
        c3.number_input(t("ui.rights.count", lang), min_value=1, max_value=500, step=1, key=f"{F}.count")
        c1, c2 = st.columns(2)
        c1.selectbox(t("ui.rights.role", lang), list(ROLES), key=f"{F}.contact_role",
                     format_func=lambda r: ROLES[r].label(lang))
        c2.text_input(t("ui.rights.relationship", lang), key=f"{F}.relationship")
        st.text_area(t("ui.rights.summary", lang), key=f"{F}.summary")
        st.multiselect(t("ui.rights.tags", lang), list(TAGS), key=f"{F}.tags",
                       format_func=lambda g: TAGS[g].label(lang), placeholder=t("ui.phone.choose_many", lang))
        st.text_input(t("ui.rights.evidence_names", lang), key=f"{F}.evidence")
        st.file_uploader(t("ui.rights.evidence_upload", lang, limit=f"{_max_evidence_bytes() // 2**20} MB"),
                         accept_multiple_files=True, key=f"{F}.files")
        st.checkbox(t("ui.rights.keep_copy", lang), key=f"{F}.keep_copy",      # the folder: administrators only
                    help=t("ui.phone.admin_path", lang, path=str(_data_dir() / "evidence")))
        submitted = st.form_submit_button(t("ui.rights.save", lang), type="primary", key=f"{F}.save")
    if submitted:
        _submit(lang)
    if editing:
        st.button(t("ui.rights.cancel_edit", lang), on_click=_reset_form)


def _log_table(lang: str, incidents: list[Incident], hits) -> None:
    if not incidents:
        st.info(t("ui.rights.empty_log", lang))
        return
    st.subheader(t("ui.rights.log_table", lang, n=len(incidents)))
    from planner.rights.incidents import field_label
    rows = []
    for inc in incidents:
        row = incident_to_row(inc, lang)
        row["hits"] = "；".join(h.explain(lang) for h in hits[inc.id]) if lang == "zh" else \
            "; ".join(h.explain(lang) for h in hits[inc.id])
        rows.append(row)
    cols = ["id", "lender", "date", "time", "channel", "contact_role", "relationship", "caller", "count",
            "summary", "tags", "evidence", "hits"]
    frame = pd.DataFrame(rows, columns=cols).rename(
        columns={c: field_label(c, lang) for c in cols} | {"hits": t("ui.rights.col_issues", lang)})
    st.dataframe(frame, hide_index=True, width="stretch")
    ids = [i.id for i in incidents]
    labels = {i.id: f"{i.id} · {i.date.isoformat()} · {i.lender}" for i in incidents}
    c1, c2, c3 = st.columns([3, 1, 1], vertical_alignment="bottom")
    picked = c1.selectbox(t("ui.rights.pick", lang), ids, format_func=labels.get, key=f"{F}.pick")
    c2.button(t("ui.rights.edit", lang), on_click=_load_for_edit, args=(picked,), key=f"{F}.edit_btn")
    c3.button(t("ui.rights.delete", lang), on_click=_delete, args=(picked,), key=f"{F}.delete_btn",
              help=t("ui.rights.delete_help", lang, dir=str(_data_dir() / "evidence")))


def _import_export(lang: str, incidents: list[Incident]) -> None:
    c1, c2 = st.columns(2)
    with c1:
        up = st.file_uploader(t("ui.rights.import_file", lang), type=["csv", "txt"], key=state.RIGHTS_IMPORT)
        if up is not None and st.button(t("ui.rights.import_add", lang), key=f"{state.RIGHTS_IMPORT}.go"):
            result = read_incidents_csv(up.getvalue(), today=_today())
            known = {i.id for i in incidents}
            new = [i for i in result.incidents if i.id not in known]
            _save_incidents(incidents + new)
            st.success(t("ui.rights.import_done", lang, n=len(new)))
            if result.issues:
                _issues_box(t("ui.rights.import_problems", lang), [i.message(lang) for i in result.issues])
    with c2:
        st.download_button(t("ui.rights.export", lang), write_incidents_csv(incidents, lang=lang),
                           file_name=f"incidents_{_today().isoformat()}.csv", mime="text/csv",
                           disabled=not incidents, key=f"{F}.export")


def _check(lang: str, incidents: list[Incident], hits) -> None:
    if not incidents:
        st.info(t("ui.rights.empty_log", lang))
        return
    summaries = summarize(incidents, hits)
    if any(s.serious for s in summaries):
        st.error(t("ui.rights.serious", lang))
    st.subheader(t("ui.rights.by_lender", lang))
    titles = {r.id: r.title(lang) for r in RULES}
    sep = "；" if lang == "zh" else "; "
    st.dataframe(pd.DataFrame([{
        t("ui.rights.col_lender", lang): s.lender, t("ui.rights.col_incidents", lang): s.incidents,
        t("ui.rights.col_contacts", lang): s.contacts, t("ui.rights.col_first", lang): s.first.isoformat(),
        t("ui.rights.col_last", lang): s.last.isoformat(),
        t("ui.rights.col_third", lang): sep.join(s.third_parties),
        t("ui.rights.col_rules", lang): sep.join(f"{titles[k]} ×{n}" for k, n in s.by_rule.items()),
    } for s in summaries]), hide_index=True, width="stretch")
    rules = {r.id: r for r in RULES}
    for inc in sorted(incidents, key=lambda i: i.moment):
        inc_hits = hits[inc.id]
        head = t("ui.rights.hits_for", lang, date=inc.date.isoformat(), lender=inc.lender, who=inc.who(lang),
                 n=len(inc_hits))
        with st.expander(head, expanded=False):
            if not inc_hits:
                st.write(t("ui.rights.no_hits", lang))
            for h in inc_hits:
                rule = rules[h.rule_id]
                st.markdown(f"**{h.explain(lang)}**")
                st.write(rule.description(lang))
                if rule.sources:
                    st.caption(t("ui.rights.cites", lang) + ": " + sep.join(rule.citations(lang)))
                if rule.to_confirm:
                    st.caption(t("ui.rights.to_confirm", lang) + ": " + sep.join(rule.to_confirm_titles(lang)))
    with st.expander(t("ui.rights.rule_table", lang)):
        st.dataframe(pd.DataFrame([{"id": r.id, t("ui.rights.col_rules", lang): r.title(lang),
                                    t("ui.rights.cites", lang): sep.join(r.citations(lang))} for r in RULES]),
                     hide_index=True, width="stretch")


def _drafts(lang: str, incidents: list[Incident], hits) -> None:
    if not incidents:
        st.info(t("ui.rights.no_drafts", lang))
        return
    D = state.RIGHTS_DRAFT
    lenders = sorted({i.lender for i in incidents})
    c1, c2, c3 = st.columns([2, 2, 1])
    lender = c1.selectbox(t("ui.rights.draft_lender", lang), lenders, key=f"{D}.lender")
    mine = [i for i in incidents if i.lender == lender]
    kinds = available_drafts(mine, {i.id: hits[i.id] for i in mine})
    kind = c2.selectbox(t("ui.rights.draft_kind", lang), kinds, key=f"{D}.kind",
                        format_func=lambda k: DRAFT_KINDS[k].title(lang))
    draft_lang = c3.radio(t("ui.rights.draft_lang", lang), ["zh", "en"], key=f"{D}.lang", horizontal=True,
                          index=0 if lang == "zh" else 1, format_func={"zh": "中文", "en": "English"}.get)
    c1, c2, c3 = st.columns(3)
    borrower = Borrower(name=c1.text_input(t("ui.rights.your_name", lang), key=f"{D}.name"),
                        phone=c2.text_input(t("ui.rights.your_phone", lang), key=f"{D}.phone"),
                        account_ref=c3.text_input(t("ui.rights.account_ref", lang), key=f"{D}.account"))
    try:
        draft = render_draft(kind, incidents, lender=lender, lang=draft_lang, today=_today(),
                             borrower=borrower, hits=hits)
    except DraftError as e:       # a lender without incidents cannot be picked; kept for safety
        st.error(str(e))
        return
    st.caption(t("ui.rights.draft_note", lang))
    st.code(draft.text, language=None, wrap_lines=True)
    st.download_button(t("ui.rights.download", lang), draft.as_bytes(), file_name=draft.filename,
                       mime="text/plain", key=f"{D}.download")


def _rights(lang: str) -> None:
    for section in rights_summary(lang):
        st.subheader(section.title)
        st.write(section.text)
        if section.citation:
            st.caption(t("ui.rights.cites", lang) + ": " + section.citation)


def render() -> None:
    lang = state.lang()
    st.title(t("ui.rights.title", lang))
    st.caption(t("ui.rights.intro", lang))
    st.info(t("ui.rights.pay_reminder", lang))
    if (ROOT / NEGOTIATE_PAGE).exists() and any(path == NEGOTIATE_PAGE for path, *_ in PAGES):
        st.page_link(NEGOTIATE_PAGE, label=t("ui.rights.to_negotiate", lang), icon=":material/handshake:")
    incidents = _incidents()
    hits = check_log(incidents)
    log_tab, check_tab, drafts_tab, rights_tab = st.tabs(
        [t(f"ui.rights.tab_{k}", lang) for k in ("log", "check", "drafts", "rights")])
    with log_tab:
        _form(lang)
        incidents = _incidents()          # the form may have saved one
        _import_export(lang, incidents)
        incidents = _incidents()          # … or the import added some
        hits = check_log(incidents)
        _log_table(lang, incidents, hits)
    with check_tab:
        _check(lang, incidents, hits)
    with drafts_tab:
        _drafts(lang, incidents, hits)
    with rights_tab:
        _rights(lang)


render()
