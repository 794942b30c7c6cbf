"""A rate the person did not know ("不知道") is an estimate: no letter states it to a lender as the contract's
rate, asks to "reduce it from" it, or argues about its cost.  Golden files, read as the lender would::

    UPDATE_GOLDEN=1 /work/main/.venv/bin/python -m pytest tests/documents/test_assumed_rate.py
"""

from __future__ import annotations

import pytest

from planner import read_debts_csv
from planner.documents import BorrowerProfile, LenderDetails, application, plain_text, script
from planner.negotiation import propose

from .conftest import ON, START, check_golden

CSV = ("名称,类型,余额,年利率,最低还款,最低还款比例,官方渠道\n"
       "某某分期,网络贷款,9000,不知道,900,,App内“我的-客服”\n"
       "工商银行信用卡,信用卡,15000,不知道,,不知道,工商银行App在线客服或95588\n"
       "李姐借款,民间借贷,6000,不知道,不知道,,当面沟通\n").encode("utf-8")
PROFILE = BorrowerProfile(name="张三", phone="138-0000-0000", hardship="reduced_income",
                          lenders={"李姐借款": LenderDetails(relationship="李姐")})
CASES = [("online_loan", "某某分期", "equal_term"), ("online_loan_interest_free", "某某分期", "interest_free"),
         ("credit_card", "工商银行信用卡", "equal_term"), ("private_loan", "李姐借款", "equal_term")]


@pytest.fixture(scope="module")
def debts():
    result = read_debts_csv(CSV)
    assert result.ok and all(d.is_assumed("annual_rate") for d in result.debts)
    return result.debts


def _plan(debts, mode):
    if mode == "interest_free":
        return propose(debts, 2500, "equal_term", start=START, overrides={"某某分期": {"rate_pct": 0}})
    return propose(debts, 2500, "equal_term", start=START)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case, lender, mode", CASES)
def test_application_with_an_assumed_rate(debts, case, lender, mode, lang):
    plan = _plan(debts, mode)
    line = next(ln for ln in plan.lines if ln.name == lender)
    assert line.rate_assumed
    text = plain_text(application(plan, lender, lang, PROFILE, on=ON))
    check_golden(f"application_assumed_{case}_{lang}.txt", text)
    forbidden = {"zh": ("合同约定年利率", "由", "我们约定的年利率", "内部收益率"),
                 "en": ("the contract rate is", "reduce the annual rate from", "we agreed is", "internal-rate")}[lang]
    rate_words = [w for w in forbidden if w in text and (w != "由" or "将年利率由" in text)]
    assert not rate_words, rate_words
    assert ("无法确认" in text or "记不清" in text) if lang == "zh" else \
        ("cannot confirm" in text or "don't remember" in text)
    if not line.interest_pause:        # the amounts depend on the rate: they are said to be an estimate
        assert ("估算" in text) if lang == "zh" else ("estimate of" in text)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case, lender, mode", CASES)
def test_script_with_an_assumed_rate(debts, case, lender, mode, lang):
    text = plain_text(script(_plan(debts, mode), lender, lang, PROFILE))
    check_golden(f"script_assumed_{case}_{lang}.txt", text)
    asked = {"zh": ("不确定现在的实际年利率", "记不清当时有没有约定利息"),
             "en": ("not sure of the actual annual rate", "don't remember whether we agreed any")}[lang]
    assert any(a in text for a in asked)
    assert ("从" not in text.split("年利率")[-1][:3]) if lang == "zh" else ("rate from" not in text)


def test_a_known_rate_is_still_the_contract_rate(debts):
    known = [d.replace(assumed=()) for d in debts]
    text = plain_text(application(propose(known, 2500, "equal_term", start=START), "某某分期", "zh", PROFILE, on=ON))
    assert "合同约定年利率24.00%" in text and "估算" not in text
