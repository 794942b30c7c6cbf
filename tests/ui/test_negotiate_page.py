"""Negotiation page (AppTest): proposal, feasibility, hand adjustment, what-if, APR, the profile and the
documents (rendered, plain text to copy, downloads); zh and en."""

from __future__ import annotations

import pytest

from planner import BudgetPlan, t
import ui.text.negotiate  # noqa: F401  (the page texts, for column names)
from tests.ui.conftest import deferred, page_texts, run_page, ws_section  # noqa: F401
from ui import state

PAGE = "ui/pages/negotiate.py"
TIGHT = {state.BUDGET_PLAN: BudgetPlan(income=3_000),          # ¥3,000 for debt: equal term fits, pro rata doesn't
         state.NEG_PLAIN: True}                                # the documents' plain text shown (at.code)
P = state.NEG_PROFILE
ADJUST = {**TIGHT, state.NEG_SECTION: "adjust"}


def section(at, name: str):
    """Open one of the parts below the proposal (letters is open by default)."""
    at.session_state[state.NEG_SECTION] = name
    return at.run()


def document(at, name: str):
    """Show one of the letters part's documents (the application is shown by default): its plain text is
    then ``at.code[0]``."""
    at.session_state[state.NEG_DOC] = name
    return at.run()


@pytest.mark.parametrize("lang, words, compare, apr", [
    ("zh", ("协商还款方案", "方案在预算之内", "是否接受，由各贷款方决定",
            "电话协商话术", "个性化分期还款申请书", "代理协商", "先拿到书面确认"),
     "接受方案 vs 不协商", "月费率0.75%、分12期 ≈ 实际年化17.5%"),
    ("en", ("Negotiation plan", "The plan is within the budget", "Phone script",
            "Application for a personalised instalment plan", "Get the lender's written confirmation"),
     "Accepted plan vs no deal", "0.75 %/month flat over 12 months ≈ 17.5 % per year effective"),
])
def test_renders_in_both_languages(lang, words, compare, apr):
    at = run_page(PAGE, lang, state=TIGHT)
    seg = at.get("button_group")
    text = page_texts(at) + "\n".join(c.value for c in at.code) + "\n".join(
        o.content for b in seg for o in b.proto.options)
    for w in words:
        assert w in text, w
    assert compare not in text and apr not in text              # one part at a time: the letters first
    assert len(at.code) == 1                                   # one document at a time: the application first
    assert "招商银行信用卡" in at.code[0].value
    assert len(at.get("download_button")) == 3                 # the application as .pdf .docx .txt
    rendered = "\n".join(m.value for m in at.markdown)
    assert "#### " in rendered and "| " in rendered            # shown formatted (heading, table), not as source
    plain = [at.code[0].value]
    for name in ("script", "family"):
        document(at, name)
        assert len(at.code) == 1 and len(at.get("download_button")) == 1, name      # the document as .txt
        plain.append(at.code[0].value)
    assert all("**" not in c and "\\" not in c and "|" not in c for c in plain)
    assert plain[1] != plain[0] != plain[2]
    document(at, "application")
    assert compare in page_texts(section(at, "compare"))
    assert apr in page_texts(section(at, "apr"))
    assert not at.code                                         # the letters are no longer drawn


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_plain_text_to_copy_is_drawn_when_asked_for(lang):
    at = run_page(PAGE, lang, state={state.BUDGET_PLAN: BudgetPlan(income=3_000)})
    assert not at.code and not at.exception                    # the letter is shown formatted, no copy box yet
    at.toggle(key=state.NEG_PLAIN).set_value(True).run()
    assert len(at.code) == 1 and at.code[0].value.startswith(("个性化分期还款申请书", "Application for"))
    assert len(document(at, "script").code) == 1               # the choice stays while moving between documents


def test_the_proposal_stays_on_top_whichever_part_is_open():
    at = run_page(PAGE, "zh", state=TIGHT)
    first = at.dataframe[0].value
    for name in ("adjust", "compare", "refused", "apr", "letters"):
        section(at, name)
        assert not at.exception
        assert at.dataframe[0].value.equals(first), name        # [0]: the proposal, above every part


def test_infeasible_method_shows_min_budget_and_binding_lender():
    at = run_page(PAGE, "en", state=TIGHT)
    at.radio(key=state.NEG_METHOD).set_value("pro_rata").run()
    errors = " ".join(e.value for e in at.error)
    assert "not enough" in errors and "3,090" in errors and "招联消费金融" in errors


def test_sequential_shows_phases_and_token_warning():
    at = run_page(PAGE, "zh", state=TIGHT)
    at.radio(key=state.NEG_METHOD).set_value("sequential").run()
    table = at.dataframe[0].value
    assert "还款阶段" in table.columns and table["还款阶段"].str.contains("×").any()
    assert any("低于按合同利率每月产生的利息" in w.value for w in at.warning)


def test_hand_adjustment_changes_the_plan():
    at = run_page(PAGE, "en", state=ADJUST)
    before = at.dataframe[0].value          # the proposal (the adjustment editor is below it)
    editor_key = f"{state.NEG_EDITOR}.0.7"
    at.session_state[editor_key] = {"edited_rows": {1: {"months": 12}}, "added_rows": [], "deleted_rows": []}
    at.run()
    after = at.dataframe[0].value
    assert not at.exception
    months_col = "Instalments"
    assert after.loc[1, months_col] == 12 and before.loc[1, months_col] != 12
    kept = section(at, "letters").dataframe[0].value           # the adjustment holds with the editor closed
    assert kept.loc[1, months_col] == 12 and "hand adjustments are applied" in page_texts(at)


def test_rate_above_the_contract_is_warned_and_not_asked():
    at = run_page(PAGE, "zh", state=ADJUST)
    at.session_state[f"{state.NEG_EDITOR}.0.7"] = {"edited_rows": {2: {"rate": 50.0}}, "added_rows": [],
                                                   "deleted_rows": []}
    at.run()
    assert any("高于合同利率" in w.value for w in at.warning)
    assert "18.00% → 18.00%" in at.dataframe[0].value.iloc[2].to_dict().values()


def test_bad_adjustment_is_reported_and_kept():
    at = run_page(PAGE, "zh", state=ADJUST)
    editor_key = f"{state.NEG_EDITOR}.0.7"
    at.session_state[editor_key] = {"edited_rows": {1: {"months": 5, "instalment": 100.0}}, "added_rows": [],
                                    "deleted_rows": []}
    at.run()
    assert not at.exception
    assert any("期数和每期金额只能固定其中一个" in e.value for e in at.error)


def test_what_if_refused_and_letter_language():
    at = section(run_page(PAGE, "en", state=TIGHT), "refused")
    at.selectbox(key=state.NEG_REFUSED).set_value("京东金条").run()
    assert len(at.dataframe) >= 2
    section(at, "letters")
    at.radio(key=state.NEG_LETTER_LANG).set_value("en").run()
    at.selectbox(key=state.NEG_LENDER).set_value("借呗").run()
    assert at.code[0].value.startswith("Application for a repayment arrangement")
    assert document(at, "script").code[0].value.startswith("Phone script: 借呗")


def test_profile_is_entered_once_and_stored_in_the_workspace():
    at = run_page(PAGE, "zh", state=TIGHT)
    at.text_input(key=f"{P}.name").set_value("王五").run()
    at.session_state[f"{P}.lenders.0.7"] = {"edited_rows": {1: {"account_id": "20240501", "legal_entity":
                                                                "重庆蚂蚁消费金融有限公司"}},
                                            "added_rows": [], "deleted_rows": []}
    at.run()
    stored = ws_section(at, "profile")
    assert stored["name"] == "王五" and stored["lenders"]["借呗"]["account_id"] == "20240501"
    at.selectbox(key=state.NEG_LENDER).set_value("借呗").run()
    assert "申请人：王五" in at.code[0].value and "致：重庆蚂蚁消费金融有限公司" in at.code[0].value
    assert "我是王五，合同编号是20240501" in document(at, "script").code[0].value


def test_family_guarantor_gets_no_message():
    at = run_page(PAGE, "zh", state=TIGHT)
    at.session_state[f"{P}.family.0"] = {"edited_rows": {}, "deleted_rows": [],
                                         "added_rows": [{"name": "妈妈", "guarantor": False},
                                                        {"name": "姐姐", "guarantor": True}]}
    at.run()
    assert not any("姐姐 签过担保" in w.value for w in at.warning)      # said with the family message
    document(at, "family")
    assert any("姐姐 签过担保" in w.value for w in at.warning)
    assert at.selectbox(key="negotiate.family_to").options == ["不写称呼", "妈妈"]
    assert "如果你没有在借款合同或担保合同上签字担保" in at.code[0].value


def test_profile_text_is_escaped_in_the_documents():
    at = run_page(PAGE, "en", state=TIGHT)
    at.text_input(key=f"{P}.name").set_value("<b>**X**</b>").run()
    rendered = "\n".join(m.value for m in at.markdown)
    assert "<b>**X**</b>" not in rendered and r"\<b\>\*\*X\*\*\</b\>" in rendered
    assert "<b>**X**</b>" in at.code[0].value                  # plain text keeps what was typed


def test_a_profile_already_in_the_workspace_fills_the_form_and_the_letters():
    record = {"name": "赵六", "phone": "139", "hardship": "illness",
              "lenders": {"表哥借款": {"relationship": "表哥", "loan_date": "2024-05-10"}},
              "family": [{"name": "姐姐", "guarantor": True}]}
    at = run_page(PAGE, "zh", state={**TIGHT, "ws.profile": record})
    assert at.text_input(key=f"{P}.name").value == "赵六"
    at.selectbox(key=state.NEG_LENDER).set_value("表哥借款").run()
    assert at.code[0].value.startswith("还款计划\n\n表哥：您好！") and "借款人：赵六" in at.code[0].value
    assert any("姐姐 签过担保" in w.value for w in document(at, "family").warning)


# --------------------------------------------------------------------------- recorded lender answers

ANSWERS = {"answers": {
    "借呗": {"status": "accepted", "date": "2026-11-20", "monthly": "800", "months": "15", "rate": "0",
             "waive_penalty": True, "waive_fees": True, "fold_arrears": True},
    "京东金条": {"status": "refused", "date": "2026-11-25", "monthly": "300", "months": "24"},
}}


def _tables(at, key: str, lang: str):
    """The page's tables that have the column ``ui.neg.col.<key>`` (AppTest does not expose a dataframe's key):
    ``agreed_monthly`` → the agreed lenders, ``answer`` → the proposal (with the recorded answers)."""
    column = t(f"ui.neg.col.{key}", lang)
    return [d.value for d in at.dataframe if column in d.value.columns]


def _table(at, key: str, lang: str):
    tables = _tables(at, key, lang)
    assert len(tables) == 1, key
    return tables[0]


@pytest.mark.parametrize("lang, agreed_col, refused_label, refused_note, letters_note", [
    ("zh", "协议每月", "已拒绝（2026年11月25日）", "已于2026年11月25日拒绝 — 请对方重新考虑", "已同意的平台不再需要话术和申请书：借呗"),
    ("en", "Agreed monthly", "Refused (25 Nov 2026)", "Refused on 25 Nov 2026 — ask them to reconsider",
     "No script or application for the lenders who agreed: 借呗"),
])
def test_an_accepted_lender_is_shown_as_agreed_not_proposed_again(lang, agreed_col, refused_label, refused_note,
                                                                   letters_note):
    at = run_page(PAGE, lang, state={"ws.negotiation": ANSWERS, state.NEG_PLAIN: True})
    agreed = _table(at, "agreed_monthly", lang)
    assert list(agreed.iloc[:, 0]) == ["借呗"]
    assert agreed[agreed_col].iloc[0] == "¥800.00" and agreed.iloc[0].tolist()[2] == 15
    proposal = _table(at, "answer", lang)
    lenders = list(proposal.iloc[:, 0])
    assert "借呗" not in lenders and "京东金条" in lenders and len(lenders) == 6
    answer_col = t("ui.neg.col.answer", lang)
    assert proposal.loc[lenders.index("京东金条"), answer_col] == refused_label
    assert proposal.loc[lenders.index("微粒贷"), answer_col] == "—"
    # no script or application for the agreed lender, and it is said why
    assert "借呗" not in at.selectbox(key=state.NEG_LENDER).options
    assert letters_note in page_texts(at)
    assert "借呗" not in document(at, "script").code[0].value    # the script is about another lender
    # the refused lender: the note and the reconsider letter, next to the new proposal
    assert any(refused_note.replace("(", "\\(") in w.value or refused_note in w.value for w in at.warning)
    assert at.download_button(key="negotiate.reconsider.京东金条")
    assert section(at, "refused").selectbox(key=state.NEG_REFUSED).value == "京东金条"   # "if it keeps refusing"
    assert not [d for d in at.get("download_button") if "借呗" in str(d.proto.label)]


def test_the_proposals_share_the_budget_left_after_the_agreed_payments():
    from datetime import date

    from planner import format_money, read_debts_csv, this_month
    from planner.negotiation import negotiation_inputs, propose
    from planner.plan_inputs import plan_inputs
    from tests.ui.conftest import ROOT
    lang = "en"
    at = run_page(PAGE, lang, state={"ws.negotiation": ANSWERS})
    # the same inputs as the month page (plan_inputs): the sample budget, 借呗 on its agreed terms
    debts = read_debts_csv(ROOT / "sample_debts.csv").debts
    inputs = plan_inputs(debts, state.SAMPLE_PLAN, negotiation=ANSWERS)
    today = date.today()
    month = this_month(list(inputs.contract_debts), inputs.budget, "avalanche", today=today,
                       agreements=inputs.agreements)
    agreed_now = next(i for i in month.items if i.name == "借呗").amount_cents / 100
    budget = inputs.budget.for_month(1)
    assert agreed_now == 800
    texts = page_texts(at)
    assert (f"Of this, {format_money(agreed_now, 'en')} goes this month to the lenders who agreed (借呗)"
            in texts.replace("\\", ""))
    assert f"what is left, {format_money(budget - agreed_now, 'en')}" in texts.replace("\\", "")
    start = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    n = negotiation_inputs(inputs, ANSWERS, today=today, start=start)
    expected = propose(n.open_debts, n.left, "equal_term", start=start)
    assert expected.budget == budget - agreed_now
    shown = _table(at, "answer", lang)
    assert list(shown["Instalment"]) == [format_money(ln.instalment, "en") for ln in expected.lines]
    assert f"against a budget of {format_money(budget - agreed_now, 'en')}" in texts


def test_the_reconsider_letter_carries_the_new_figures(deferred):
    from tests.ui.conftest import download_bytes
    lang = "zh"
    at = run_page(PAGE, lang, state={"ws.negotiation": ANSWERS, "ws.profile": {"name": "王五"}})
    proposal = _table(at, "answer", lang)
    row = proposal[proposal.iloc[:, 0] == "京东金条"].iloc[0]
    letter = download_bytes(at, deferred, "negotiate.reconsider.京东金条")
    assert letter.startswith("关于协商还款方案的复议请求")
    assert "贵司已于2026年11月25日答复不同意" in letter and "王五" in letter
    assert f"每月还款 {row['每期']}，共 {row['期数']} 期，合计 {row['合计还款']}" in letter


def test_every_lender_agreed_leaves_nothing_to_negotiate():
    from planner import read_debts_csv
    from tests.ui.conftest import ROOT
    names = [d.name for d in read_debts_csv(ROOT / "sample_debts.csv").debts]
    answers = {"answers": {n: {"status": "accepted", "monthly": "100"} for n in names}}
    lang = "en"
    at = run_page(PAGE, lang, state={"ws.negotiation": answers})
    assert "Every lender has agreed" in page_texts(at)
    assert len(_table(at, "agreed_monthly", lang)) == len(names)
    assert not _tables(at, "instalment", lang)
    assert not at.get("download_button")


def test_hand_adjustments_of_a_lender_who_then_agreed_are_kept():
    saved = {"借呗": {"months": 12}, "微粒贷": {"months": 8}}
    at = run_page(PAGE, "en", state={"ws.negotiation": {**ANSWERS, "overrides": saved}, state.NEG_SECTION: "adjust"})
    lenders = list(_table(at, "answer", "en").iloc[:, 0])
    assert _table(at, "answer", "en").loc[lenders.index("微粒贷"), "Instalments"] == 8
    editor = f"{state.NEG_EDITOR}.0.6"                          # six lenders left to negotiate with
    at.session_state[editor] = {"edited_rows": {0: {"months": 10}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    kept = ws_section(at, "negotiation")["overrides"]
    assert kept["借呗"] == {"months": 12} and kept["招商银行信用卡"] == {"months": 10} and kept["微粒贷"] == {"months": 8}
