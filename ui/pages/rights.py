"""Rights page: log collection incidents, check them against the rules, draft complaints, your rights."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

import ui.text.rights  # noqa: F401  (registers this page's texts)
from planner import escape, settings, t
from planner.rights import (CHANNELS, DRAFT_KINDS, MAX_EVIDENCE_BYTES, ROLES, RULES, TAGS, Borrower, DraftError,
                            Incident, available_drafts, check_evidence, check_log, draft_docx, incident_to_row,
                            incidents_from_records, parse_incident_row, profile_fields, read_incidents_csv,
                            render_draft, rights_summary, store_evidence, summarize, write_incidents_csv)
from ui import state, workspace_ui
from ui.registry import PAGES
from ui.downloads import on_demand
from ui.guard import guarded
from ui.safe import md

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
        _issues_box(t("ui.rights.not_saved", lang), [md(i.message, lang) for i in errors])
        return
    if v["keep_copy"]:
        for up in uploads:
            _, refused = store_evidence(_data_dir(), inc.id, up.name, up.getvalue(),
                                        max_bytes=_max_evidence_bytes())
            if refused:
                _issues_box(t("ui.rights.file_refused", lang), [md(i.message, lang) for i in refused])
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
    st.subheader(md(t, "ui.rights.form_edit", lang, id=editing) if editing else t("ui.rights.form_add", lang))
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
        st.file_uploader(md(t, "ui.rights.evidence_upload", lang, limit=f"{_max_evidence_bytes() // 2**20} MB"),
                         accept_multiple_files=True, key=f"{F}.files")
        st.checkbox(t("ui.rights.keep_copy", lang), key=f"{F}.keep_copy",      # the folder: administrators only
                    help=md(t, "ui.phone.admin_path", lang, path=str(_data_dir() / "evidence")))
        submitted = st.form_submit_button(t("ui.rights.save", lang), type="primary", key=f"{F}.save")
    if submitted:
        _submit(lang)
    if editing:
        st.button(t("ui.rights.cancel_edit", lang), on_click=guarded(_reset_form))


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
    c2.button(t("ui.rights.edit", lang), on_click=guarded(_load_for_edit), args=(picked,), key=f"{F}.edit_btn")
    workspace_ui.confirm_button(f"{F}.delete_btn", t("ui.rights.delete", lang), _delete, args=(picked,),
                                what=t("ws.confirm.delete_incident", lang), lang=lang, container=c3,
                                help=md(t, "ui.rights.delete_help", lang, dir=str(_data_dir() / "evidence")))


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
                _issues_box(t("ui.rights.import_problems", lang), [md(i.message, lang) for i in result.issues])
    with c2:
        st.download_button(t("ui.rights.export", lang), on_demand(write_incidents_csv, incidents, lang=lang),
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
    kinds = _lender_kinds()
    for inc in sorted(incidents, key=lambda i: i.moment):
        inc_hits = hits[inc.id]
        head = md(t, "ui.rights.hits_for", lang, date=inc.date.isoformat(), lender=inc.lender, who=inc.who(lang),
                 n=len(inc_hits))
        with st.expander(head, expanded=False):
            if not inc_hits:
                st.write(t("ui.rights.no_hits", lang))
            for h in inc_hits:
                rule = rules[h.rule_id]
                st.markdown(f"**{md(h.explain, lang)}**")
                st.write(rule.description(lang))
                cited = rule.citations(lang, kinds.get(inc.lender))
                if cited:
                    st.caption(t("ui.rights.cites", lang) + ": " + escape.markdown(sep.join(cited)))
                unsure = rule.to_confirm_titles(lang, kinds.get(inc.lender))
                if unsure:
                    st.caption(t("ui.rights.to_confirm", lang) + ": " + escape.markdown(sep.join(unsure)))
    _rule_table(lang)


def _rule_table(lang: str) -> None:
    """Every rule with the sources behind it, each with its kind (法律, 推荐性国家标准 …) and whom it covers:
    a list rather than a grid, so that nothing is cut off at 390 px."""
    with st.expander(t("ui.rights.rule_table", lang)):
        st.caption(t("ui.rights.rule_table_note", lang))
        for rule in RULES:
            st.markdown(md(_rule_block, rule, lang))


def _rule_block(rule, lang: str) -> str:
    """``**rule**`` then one line a source: ``- title（kind；适用于：lender kinds）`` (render inside ``md``)."""
    lines = [t("ui.rights.rule_source", lang, title=src.title(lang), kind=src.kind_label(lang),
               scope=src.applies_label(lang)) for src in rule.cited_sources()] \
        or [t("ui.rights.rule_no_source", lang)]
    return "\n\n".join([t("ui.rights.rule_head", lang, title=rule.title(lang)),
                          "\n".join(f"- {line}" for line in lines)])


def _lender_kinds() -> dict[str, str]:
    """Lender name -> its kind (``DebtKind`` value) from the debt table; unknown lenders are absent."""
    debts, _ = state.get_debts()
    return {d.name: d.kind.value for d in debts}


_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d\. [A-Z]|致：|To: |事由：|Subject: )")


def _show_rendered(text: str) -> None:
    """A plain-text draft shown as formatted text: headings in bold, line breaks kept, user text escaped."""
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.splitlines()
        if len(lines) == 1 and _HEADING.match(lines[0]):
            st.markdown(f"**{escape.markdown(lines[0])}**")
        else:
            st.markdown(escape.markdown(block, multiline=True))


def _profile_input(key: str, label: str, value: str) -> str:
    if key not in st.session_state:
        st.session_state[key] = value
    return st.text_input(label, key=key)


def _signer(lang: str, lender: str) -> Borrower:
    """The signer from the borrower profile (workspace section ``profile``); edits here update the profile."""
    D = state.RIGHTS_DRAFT
    profile = state.get_section("profile") or {}
    known = profile_fields(profile, lender)
    c1, c2 = st.columns(2)
    name = _profile_input(f"{D}.name", t("ui.rights.your_name", lang), known["name"])
    phone = _profile_input(f"{D}.phone", t("ui.rights.your_phone", lang), known["phone"])
    c1, c2 = st.columns(2)
    with c1:
        account = _profile_input(f"{D}.account.{lender}", t("ui.rights.account_ref", lang), known["account_ref"])
    with c2:
        entity = _profile_input(f"{D}.entity.{lender}", t("ui.rights.legal_entity", lang), known["legal_entity"])
    changed = (name, phone, account, entity) != (known["name"], known["phone"], known["account_ref"],
                                                 known["legal_entity"])
    if changed:
        profile = dict(profile)
        profile["name"], profile["phone"] = name, phone
        lenders = dict(profile.get("lenders") or {})
        lenders[lender] = dict(lenders.get(lender) or {}) | {"account_id": account, "legal_entity": entity}
        profile["lenders"] = lenders
        state.set_section("profile", profile)
    return Borrower(name=name, phone=phone, account_ref=account, legal_entity=entity)


def _drafts(lang: str, incidents: list[Incident], hits) -> None:
    if not incidents:
        st.info(t("ui.rights.no_drafts", lang))
        return
    D = state.RIGHTS_DRAFT
    lenders = sorted({i.lender for i in incidents})
    c1, c2 = st.columns(2)
    lender = c1.selectbox(t("ui.rights.draft_lender", lang), lenders, key=f"{D}.lender")
    lender_kind = _lender_kinds().get(lender)
    mine = [i for i in incidents if i.lender == lender]
    kinds = available_drafts(mine, {i.id: hits[i.id] for i in mine}, lender_kind=lender_kind)
    if lender_kind is None:
        st.caption(t("ui.rights.kind_unknown", lang))
    if not kinds:
        st.info(t("ui.rights.no_drafts_private", lang))
        return
    kind = c2.selectbox(t("ui.rights.draft_kind", lang), kinds, key=f"{D}.kind",
                        format_func=lambda k: DRAFT_KINDS[k].title(lang))
    draft_lang = st.radio(t("ui.rights.draft_lang", lang), ["zh", "en"], key=f"{D}.lang", horizontal=True,
                          index=0 if lang == "zh" else 1, format_func={"zh": "中文", "en": "English"}.get)
    borrower = _signer(lang, lender)
    try:
        draft = render_draft(kind, incidents, lender=lender, lang=draft_lang, today=_today(),
                             borrower=borrower, hits=hits, lender_kind=lender_kind)
    except DraftError as e:       # a lender without incidents cannot be picked; kept for safety
        st.error(escape.markdown(str(e)))
        return
    st.info(t(f"rights.draft.send.{draft.kind}", lang))
    st.caption(t("ui.rights.draft_note", lang))
    with st.container(border=True):
        _show_rendered(draft.text)
    with st.expander(t("ui.rights.plain_copy", lang)):
        st.code(draft.text, language=None, wrap_lines=True)
    c1, c2 = st.columns(2)
    base = escape.file_name(f"{draft.kind}_{lender}_{draft.lang}_{_today().isoformat()}", fallback=draft.kind)
    c1.download_button(t("ui.rights.download", lang), on_demand(draft.as_bytes), file_name=f"{base}.txt",
                       mime="text/plain", key=f"{D}.download")
    docx = _docx(draft)
    if docx:
        c2.download_button(t("ui.rights.download_docx", lang), on_demand(bytes, docx), file_name=f"{base}.docx",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           key=f"{D}.download_docx")


def _docx(draft) -> bytes:
    """The draft as .docx (through planner.documents' Word renderer)."""
    return draft_docx(draft)


def _rights(lang: str) -> None:
    for section in rights_summary(lang):
        st.subheader(section.title)
        st.write(section.text)
        if section.citation:
            st.caption(t("ui.rights.cites", lang) + ": " + escape.markdown(section.citation))


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
