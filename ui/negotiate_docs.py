"""The negotiation page's documents: the borrower profile (entered once, stored in the workspace section
``profile``) and, per lender, the application, the script and the family message — shown formatted, as
copyable plain text, and as downloads (.pdf and .docx built only when the button is clicked).

Everything comes from :mod:`planner.documents`; this module only lays it out.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

import ui.text.negotiate  # noqa: F401  (registers this page's texts)
from planner import t
from planner.documents import (FORMATS, HARDSHIPS, BorrowerProfile, FamilyContact, GuarantorError, LenderDetails,
                               application, family, file_stem, markdown, plain_text, script)
from planner.escape import markdown as esc
from planner.negotiation import NegotiationPlan
from ui import state
from ui.downloads import on_demand
from ui.safe import md

P = state.NEG_PROFILE                 # widget prefix: f"{P}.name", f"{P}.lenders.<version>", …
_TEXT_FIELDS = ("name", "phone", "id_last4", "hardship_detail")


def _lender_frame(profile: BorrowerProfile, lines) -> pd.DataFrame:
    rows = []
    for ln in lines:
        d = profile.lender(ln.name)
        rows.append({"lender": ln.name, "account_id": d.account_id, "legal_entity": d.legal_entity,
                     "relationship": d.relationship, "loan_date": d.loan_date})
    return pd.DataFrame(rows)


def _family_frame(profile: BorrowerProfile) -> pd.DataFrame:
    return pd.DataFrame([{"name": c.name, "guarantor": c.guarantor} for c in profile.family]
                        or [], columns=["name", "guarantor"])


def _cell(v) -> str:
    return "" if v is None or (isinstance(v, float) and v != v) or v is pd.NA else str(v).strip()


def _date_cell(v) -> date | None:
    if v is None or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if hasattr(v, "date") and not isinstance(v, date):
        return v.date()
    return v if isinstance(v, date) else None


def profile_form(plan: NegotiationPlan, lang: str) -> BorrowerProfile:
    """The profile editor; writes the workspace section ``profile`` when something changed."""
    stored = BorrowerProfile.from_record(state.get_section("profile"))
    synced = st.session_state.get(f"{P}.synced")
    if synced != stored.to_record():
        # first run, or the workspace was replaced (a client loaded): the widgets start from the stored profile
        for f in _TEXT_FIELDS:
            st.session_state[f"{P}.{f}"] = getattr(stored, f)
        st.session_state[f"{P}.hardship"] = stored.hardship
        st.session_state[f"{P}.version"] = st.session_state.get(f"{P}.version", -1) + 1
        st.session_state[f"{P}.synced"] = stored.to_record()
    version = st.session_state[f"{P}.version"]
    with st.expander(t("ui.neg.profile", lang), expanded=not stored.name):
        st.caption(t("ui.neg.profile_help", lang))
        cols = st.columns(2)
        cols[0].text_input(t("ui.neg.profile.name", lang), key=f"{P}.name", max_chars=60)
        cols[1].text_input(t("ui.neg.profile.phone", lang), key=f"{P}.phone", max_chars=40)
        cols = st.columns(2)
        cols[0].text_input(t("ui.neg.profile.id_last4", lang), key=f"{P}.id_last4", max_chars=4)
        cols[1].selectbox(t("ui.neg.profile.hardship", lang), list(HARDSHIPS), key=f"{P}.hardship",
                          format_func=lambda h: t(f"doc.hardship_label.{h}", lang))
        st.text_area(t("ui.neg.profile.detail", lang), key=f"{P}.hardship_detail", max_chars=1000,
                     help=t("ui.neg.profile.detail_help", lang))
        st.markdown("**" + t("ui.neg.profile.lenders", lang) + "**")
        st.caption(t("ui.neg.profile.lenders_help", lang))
        lender_key = f"{P}.lenders.{version}.{len(plan.lines)}"
        base_key = f"{lender_key}.base"
        if base_key not in st.session_state:
            st.session_state[base_key] = _lender_frame(stored, plan.lines)
        c = lambda k: t(f"ui.neg.pf.{k}", lang)  # noqa: E731
        lenders = st.data_editor(
            st.session_state[base_key], placeholder="", key=lender_key, hide_index=True, width="stretch",
            num_rows="fixed",
            disabled=["lender"],
            column_config={"lender": st.column_config.TextColumn(t("ui.neg.col.lender", lang)),
                           "account_id": st.column_config.TextColumn(c("account_id"), max_chars=60),
                           "legal_entity": st.column_config.TextColumn(c("legal_entity"), max_chars=100),
                           "relationship": st.column_config.TextColumn(c("relationship"), max_chars=30),
                           "loan_date": st.column_config.DateColumn(c("loan_date"), format="YYYY-MM-DD")})
        st.markdown("**" + t("ui.neg.profile.family", lang) + "**")
        st.caption(t("ui.neg.profile.family_help", lang))
        fam_key = f"{P}.family.{version}"
        if f"{fam_key}.base" not in st.session_state:
            st.session_state[f"{fam_key}.base"] = _family_frame(stored)
        fam = st.data_editor(
            st.session_state[f"{fam_key}.base"], placeholder="", key=fam_key, hide_index=True, width="stretch",
            num_rows="dynamic",
            column_config={"name": st.column_config.TextColumn(c("family_name"), max_chars=30),
                           "guarantor": st.column_config.CheckboxColumn(c("guarantor"), default=False)})
    details = {str(r["lender"]): LenderDetails(account_id=_cell(r["account_id"]), legal_entity=_cell(r["legal_entity"]),
                                               relationship=_cell(r["relationship"]),
                                               loan_date=_date_cell(r["loan_date"]))
               for _, r in lenders.iterrows()}
    kept = {k: v for k, v in stored.lenders.items() if k not in details}        # lenders not in this portfolio
    profile = BorrowerProfile(
        name=st.session_state[f"{P}.name"].strip(), phone=st.session_state[f"{P}.phone"].strip(),
        id_last4=st.session_state[f"{P}.id_last4"].strip(), hardship=st.session_state[f"{P}.hardship"],
        hardship_detail=st.session_state[f"{P}.hardship_detail"],
        lenders={**kept, **{k: v for k, v in details.items() if v != LenderDetails()}},
        family=tuple(FamilyContact(_cell(r["name"]), bool(r["guarantor"]) if r["guarantor"] == r["guarantor"]
                                   else False) for _, r in fam.iterrows() if _cell(r["name"])))
    if profile.to_record() != stored.to_record():
        state.set_section("profile", profile.to_record())
        st.session_state[f"{P}.synced"] = profile.to_record()
    return profile


def _downloads(plan, line, letter_lang: str, profile: BorrowerProfile, on: date, lang: str, key: str) -> None:
    doc_label = t("ui.neg.doc.application", lang)
    cols = st.columns(3)
    for col, fmt in zip(cols, ("pdf", "docx", "txt")):
        render = FORMATS[fmt]
        col.download_button(
            md(t, "ui.neg.download", lang, doc=doc_label, fmt=fmt), key=f"{key}.{fmt}", on_click="ignore",
            data=on_demand(lambda render=render: render(application(plan, line, letter_lang, profile, on=on))),
            file_name=f"{file_stem('application', line.name)}.{fmt}", icon=":material/download:",
            mime={"pdf": "application/pdf", "txt": "text/plain",
                  "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}[fmt])


def _show(doc, lang: str, key: str) -> None:
    with st.container(border=True):
        st.markdown(markdown(doc))
    # drawn when asked for: the copy box costs a phone more than the whole letter above it
    if st.toggle(t("ui.neg.plain", lang), key=state.NEG_PLAIN):
        st.caption(t("ui.neg.copy_hint", lang))
        st.code(plain_text(doc), language=None, wrap_lines=True)


def documents_section(plan: NegotiationPlan, lang: str, *, agreed: tuple[str, ...] = ()) -> None:
    """``agreed``: lenders who accepted (not in ``plan``): no script or application for them, said so."""
    st.subheader(t("ui.neg.letters", lang))
    st.warning(t("ui.neg.no_agents", lang))
    if agreed:
        st.info(md(t, "ui.neg.letters_agreed", lang, names="、".join(agreed)))
    if not plan.feasible:
        st.warning(t("ui.neg.infeasible_letters", lang))
    profile = profile_form(plan, lang)
    cols = st.columns(2)
    names = [ln.name for ln in plan.lines]
    if st.session_state.get(state.NEG_LENDER) not in names:
        st.session_state[state.NEG_LENDER] = names[0]
    lender = cols[0].selectbox(t("ui.neg.lender", lang), names, key=state.NEG_LENDER)
    st.session_state.setdefault(state.NEG_LETTER_LANG, lang)        # the texts start in the page's language
    letter_lang = cols[1].radio(t("ui.neg.letter_lang", lang), ["zh", "en"], horizontal=True,
                                key=state.NEG_LETTER_LANG, format_func=lambda c: {"zh": "中文", "en": "English"}[c])
    line = plan.line(lender)
    on = date.today()
    st.info(t("ui.neg.policy", lang))
    # one document drawn at a time (a phone draws only what is read; each one is long)
    if st.session_state.get(state.NEG_DOC) not in state.NEG_DOCS:
        st.session_state[state.NEG_DOC] = state.NEG_DOCS[0]
    kind = st.segmented_control(t("ui.neg.doc_choice", lang), state.NEG_DOCS, key=state.NEG_DOC,
                                format_func=lambda d: t(f"ui.neg.doc.{d}", lang)) or state.NEG_DOCS[0]
    if kind == "application":
        _downloads(plan, line, letter_lang, profile, on, lang, key="negotiate.dl.application")
        _show(application(plan, line, letter_lang, profile, on=on), lang, "application")
    elif kind == "script":
        doc = script(plan, line, letter_lang, profile)
        st.download_button(t("ui.neg.download", lang, doc=t("ui.neg.doc.script", lang), fmt="txt"),
                           data=on_demand(plain_text(doc).encode, "utf-8"),
                           file_name=f"{file_stem('script', line.name)}.txt",
                           mime="text/plain", key="negotiate.dl.script.txt", on_click="ignore",
                           icon=":material/download:")
        _show(doc, lang, "script")
    else:
        guarantors = [c.name for c in profile.family if c.guarantor]
        if guarantors:
            st.warning(t("ui.neg.guarantor_note", lang, names="、".join(esc(n) for n in guarantors)))
        recipients = [c.name for c in profile.message_recipients()]
        who = None
        if recipients:
            who = st.selectbox(t("ui.neg.family_to", lang), [""] + recipients, key="negotiate.family_to",
                               format_func=lambda n: n or t("ui.neg.family_anyone", lang))
        doc = family(plan, letter_lang, profile, who or None)
        st.download_button(t("ui.neg.download", lang, doc=t("ui.neg.doc.family", lang), fmt="txt"),
                           data=on_demand(plain_text(doc).encode, "utf-8"),
                           file_name=f"{file_stem('family', who) if who else 'family'}.txt", mime="text/plain",
                           key="negotiate.dl.family.txt", on_click="ignore", icon=":material/download:")
        _show(doc, lang, "family")


__all__ = ["GuarantorError", "documents_section", "profile_form"]
