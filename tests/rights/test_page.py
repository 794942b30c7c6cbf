"""AppTest of the rights page in Chinese and English."""
from datetime import date, time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner import t
from planner.rights import evidence_dir, write_incidents_csv
from ui import state

from tests.ui.conftest import ws_section

from .helpers import sample_log

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGE = "ui/pages/rights.py"


def make_app(lang: str, records=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[state.LANG] = lang
    if records is not None:
        at.session_state[state.RIGHTS_INCIDENTS] = records
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "error", "success", "subheader", "title", "code")
             for e in getattr(at, kind)]
    parts += [e.label for e in at.expander]
    return "\n".join(map(str, parts))


def records(at) -> list[dict]:
    return list(at.session_state[state.RIGHTS_INCIDENTS]) if state.RIGHTS_INCIDENTS in at.session_state else []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_renders_with_rights_and_reminder(lang):
    at = make_app(lang)
    page = texts(at)
    assert t("ui.rights.title", lang) in page and t("ui.rights.pay_reminder", lang) in page
    assert [tab.label for tab in at.tabs] == [t(f"ui.rights.tab_{k}", lang) for k in ("log", "check", "drafts", "rights")]
    assert t("rights.sum.pay.title", lang) in page and t("rights.sum.contacts.title", lang) in page
    assert t("ui.rights.empty_log", lang) in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_add_incident_through_the_form(lang, tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path))
    at = make_app(lang)
    lender = at.selectbox(key="rights.form.lender")
    assert "借呗" in lender.options                     # lender names come from the debts page
    lender.set_value("借呗")
    at.selectbox(key="rights.form.contact_role").set_value("third_party")
    at.text_input(key="rights.form.relationship").set_value("同事")
    at.time_input(key="rights.form.time").set_value(time(23, 15))
    at.text_area(key="rights.form.summary").set_value("<b>告诉我同事我欠钱</b>")
    at.multiselect(key="rights.form.tags").set_value(["disclosure"])
    at.file_uploader(key="rights.form.files").set_value(("rec.m4a", b"audio", "audio/mp4"))
    at.checkbox(key="rights.form.keep_copy").check()
    at.button(key="rights.form.save").click().run()       # the form's submit button
    assert not at.exception
    [rec] = records(at)
    assert (rec["lender"], rec["contact_role"], rec["time"], rec["tags"]) == ("借呗", "third_party", "23:15",
                                                                            ["disclosure"])
    assert rec["evidence"] == ["rec.m4a"]
    assert (evidence_dir(tmp_path, rec["id"]) / "rec.m4a").read_bytes() == b"audio"
    page = texts(at)
    assert t("ui.rights.saved", lang) in page
    for rule in ("third_party_contact", "disclosure", "night_contact"):
        from planner.rights import RULES_BY_ID
        assert RULES_BY_ID[rule].title(lang) in str(at.dataframe[0].value.to_dict())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_form_input_is_explained_and_kept(lang):
    at = make_app(lang)
    at.selectbox(key="rights.form.lender").set_value("借呗")
    at.selectbox(key="rights.form.contact_role").set_value("agreed_contact")
    at.text_input(key="rights.form.caller").set_value("170 1234")
    at.button(key="rights.form.save").click().run()
    assert records(at) == []
    errors = "\n".join(e.value for e in at.error)
    assert t("ui.rights.not_saved", lang) in errors
    assert t("rights.issue.relationship_required", lang) in errors and t("rights.issue.required", lang) in errors
    assert at.text_input(key="rights.form.caller").value == "170 1234"     # what was typed is kept


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_import_csv_reports_future_dates(lang):
    at = make_app(lang)
    data = ("lender,date,channel,contact_role,summary\n某某贷,2026-03-01,call,borrower,ok\n"
            f"某某贷,{date.today().year + 1}-01-01,call,borrower,future\n").encode("gbk")
    at.file_uploader(key=state.RIGHTS_IMPORT).set_value(("log.csv", data, "text/csv"))
    at.run()
    at.button(key=f"{state.RIGHTS_IMPORT}.go").click().run()
    assert not at.exception
    assert [r["summary"] for r in records(at)] == ["ok"]
    errors = "\n".join(e.value for e in at.error)
    assert t("ui.rights.import_problems", lang) in errors
    assert ("不能记录未来的事" if lang == "zh" else "cannot be in the future") in errors


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_summary_and_drafts(lang):
    at = make_app(lang, [i.to_record() for i in sample_log()])
    page = texts(at)
    assert t("ui.rights.serious", lang) in page
    assert t("ui.rights.by_lender", lang) in page
    summary = at.dataframe[1].value
    assert list(summary[t("ui.rights.col_lender", lang)]) == ["某某贷", "某银行信用卡"]
    assert list(summary[t("ui.rights.col_incidents", lang)]) == [5, 1]
    kinds = at.selectbox(key="rights.draft.kind")
    assert kinds.options == [DRAFT.title(lang) for DRAFT in __import__("planner.rights", fromlist=["x"]).DRAFT_KINDS.values()]
    code = at.code[0].value
    assert "某某贷" in code and "录音_0302.m4a" in code
    at.text_input(key="rights.draft.name").set_value("王五").run()
    assert "王五" in at.code[0].value
    kinds.select_index(3).run()
    assert "110" in at.code[0].value


def test_edit_and_delete():
    at = make_app("en", [i.to_record() for i in sample_log()])
    first = records(at)[0]
    at.selectbox(key="rights.form.pick").set_value(first["id"])
    at.button(key="rights.form.edit_btn").click().run()
    assert at.text_area(key="rights.form.summary").value == first["summary"]
    at.text_area(key="rights.form.summary").set_value("changed")
    at.button(key="rights.form.save").click().run()
    recs = records(at)
    assert len(recs) == len(sample_log()) and recs[0]["summary"] == "changed" and recs[0]["id"] == first["id"]
    at.selectbox(key="rights.form.pick").set_value(first["id"])
    at.button(key="rights.form.delete_btn").click().run()
    assert first["id"] in [r["id"] for r in records(at)]          # asked first, nothing deleted yet
    at.button(key="rights.form.delete_btn.yes").click().run()
    assert first["id"] not in [r["id"] for r in records(at)]
    at.button(key="workspace.undo_notice").click().run()           # and it can be undone
    assert first["id"] in [r["id"] for r in records(at)]


def test_export_round_trips():
    log = sample_log()
    at = make_app("zh", [i.to_record() for i in log])
    assert at.get("download_button")                     # export and draft downloads are present
    assert write_incidents_csv(log).startswith("\ufeff机构".encode())


def _card_log():
    return [{**i.to_record(), "lender": "招商银行信用卡"} for i in sample_log() if i.lender == "某某贷"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_drafts_use_the_lender_kind_and_the_profile(lang):
    """Issue 10: a card lender's draft cites the card measures (never GB/T 45251), addresses 贵行, signs with the
    profile's name, shows the text rendered plus a plain copy, and offers .txt and .docx."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[state.LANG] = lang
    at.session_state[state.RIGHTS_INCIDENTS] = _card_log()
    at.session_state["ws.profile"] = {"name": "张三", "phone": "13800000000",
                                      "lenders": {"招商银行信用卡": {"account_id": "6789",
                                                                "legal_entity": "招商银行股份有限公司信用卡中心"}}}
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key="rights.draft.kind").set_value("lender_stop").run()
    at.radio(key="rights.draft.lang").set_value("zh").run()
    code = at.code[0].value
    assert "张三" in code and "6789" in code and "招商银行股份有限公司信用卡中心" in code
    assert "贵行" in code and "贵司" not in code
    assert "GB/T 45251" not in code and "第68条" in code and "293条之一" not in code
    assert "相关法律及行业规范" in code and "依据" not in code
    shown = "\n".join(str(m.value) for m in at.markdown)
    assert "张三" in shown and "\\*\\*" not in code
    at.text_input(key="rights.draft.name").set_value("李四").run()
    assert ws_section(at, "profile")["name"] == "李四"
    assert ws_section(at, "profile")["lenders"]["招商银行信用卡"]["account_id"] == "6789"
    labels = [b.label for b in at.get("download_button")]
    assert t("ui.rights.download", lang) in labels and t("ui.rights.download_docx", lang) in labels
    assert t("rights.draft.send.lender_stop", lang) in "\n".join(str(i.value) for i in at.info)
    at.selectbox(key="rights.draft.kind").set_value("regulator").run()
    assert "12378" in "\n".join(str(i.value) for i in at.info)
    assert "国家金融监督管理总局" in at.code[0].value and "银保监会" not in at.code[0].value


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rule_table_says_what_kind_of_rule_each_source_is_and_whom_it_covers(lang):
    """#10/#13: a recommended national standard is not a law — every source in the rule table carries its kind
    (法律, 推荐性国家标准 …) and the lender kinds it applies to."""
    from planner import legal
    from planner.rights import RULES
    at = make_app(lang, [i.to_record() for i in sample_log()])
    [table] = [e for e in at.expander if e.label == t("ui.rights.rule_table", lang)]
    blocks = [m.value.replace("\\", "") for m in table.markdown]
    assert len(blocks) == len(RULES)
    assert t("ui.rights.rule_table_note", lang) in [c.value for c in table.caption]
    for rule, block in zip(RULES, blocks):
        assert rule.title(lang) in block
        lines = block.splitlines()[2:]
        assert len(lines) == max(1, len(rule.sources)), block
        for source_id, line in zip(rule.sources, lines):
            src = legal.get(source_id)
            assert src.title(lang) in line and src.kind_label(lang) in line and src.applies_label(lang) in line
    gbt = next(b for r, b in zip(RULES, blocks) if r.id == "night_contact")
    if lang == "zh":
        assert "（推荐性国家标准；适用于：网络贷款、消费金融/小额贷款）" in gbt
        assert "第1033条第（一）项（法律；适用于：所有借款）" in gbt
        assert "（行业自律规范；适用于：信用卡、银行贷款、消费金融/小额贷款）" in gbt
    else:
        assert "(recommended national standard, not mandatory; applies to: online loans, consumer finance" in gbt
        assert "art. 1033(1) (law; applies to: every lender)" in gbt
    violence = next(b for r, b in zip(RULES, blocks) if r.id == "violence")
    assert t("ui.rights.rule_no_source", lang) in violence
    assert "night_contact" not in "\n".join(blocks)          # no rule ids (developer codes) on the page
