"""Negotiation page (AppTest): proposal, feasibility, hand adjustment, what-if, APR, letters; zh and en."""

from __future__ import annotations

import pytest

from planner import BudgetPlan
from tests.ui.conftest import page_texts, run_page
from ui import state

PAGE = "ui/pages/negotiate.py"
TIGHT = {state.BUDGET_PLAN: BudgetPlan(income=3_000)}          # ¥3,000 for debt: equal term fits, pro rata doesn't


@pytest.mark.parametrize("lang, words", [
    ("zh", ("协商还款方案", "方案可行", "接受方案 vs 不协商", "月费率0.75%、分12期 ≈ 实际年化17.5%", "电话协商话术")),
    ("en", ("Negotiation plan", "The plan fits", "Accepted plan vs no deal",
            "0.75 %/month flat over 12 months ≈ 17.5 % per year effective", "Phone script")),
])
def test_renders_in_both_languages(lang, words):
    at = run_page(PAGE, lang, state=TIGHT)
    text = page_texts(at) + "\n".join(c.value for c in at.code) + "\n".join(tab.label for tab in at.tabs)
    for w in words:
        assert w in text, w
    assert len(at.code) == 3                                   # script, application, family message
    assert "招商银行信用卡" in at.code[0].value
    assert len(at.get("download_button")) == 6                 # .md and .txt for each text


def test_infeasible_method_shows_min_budget_and_binding_lender():
    at = run_page(PAGE, "en", state=TIGHT)
    at.radio(key=state.NEG_METHOD).set_value("pro_rata").run()
    errors = " ".join(e.value for e in at.error)
    assert "not enough" in errors and "¥3,090.43" in errors and "招联消费金融" in errors


def test_hand_adjustment_changes_the_plan():
    at = run_page(PAGE, "en", state=TIGHT)
    before = at.dataframe[1].value          # [0] is the adjustment editor
    editor_key = f"{state.NEG_EDITOR}.0.7"
    at.session_state[editor_key] = {"edited_rows": {1: {"months": 12}}, "added_rows": [], "deleted_rows": []}
    at.run()
    after = at.dataframe[1].value
    assert not at.exception
    months_col = "Instalments"
    assert after.loc[1, months_col] == 12 and before.loc[1, months_col] != 12


def test_bad_adjustment_is_reported_and_kept():
    at = run_page(PAGE, "zh", state=TIGHT)
    editor_key = f"{state.NEG_EDITOR}.0.7"
    at.session_state[editor_key] = {"edited_rows": {1: {"months": 5, "instalment": 100.0}}, "added_rows": [],
                                    "deleted_rows": []}
    at.run()
    assert not at.exception
    assert any("期数和每期金额只能固定其中一个" in e.value for e in at.error)


def test_what_if_refused_and_letter_language():
    at = run_page(PAGE, "en", state=TIGHT)
    at.selectbox(key=state.NEG_REFUSED).set_value("京东金条").run()
    assert len(at.dataframe) >= 2
    at.radio(key=state.NEG_LETTER_LANG).set_value("en").run()
    at.selectbox(key=state.NEG_LENDER).set_value("借呗").run()
    assert at.code[0].value.startswith("# Phone script: 借呗")
    assert "协商还款申请书" in at.code[1].value


def test_profile_text_is_escaped_in_the_letters():
    at = run_page(PAGE, "en", state=TIGHT)
    at.text_input(key=f"{state.NEG_PROFILE}.name").set_value("<b>**X**</b>").run()
    script = at.code[0].value
    assert "<b>" not in script and r"\<b\>\*\*X\*\*\</b\>" in script
