"""Agreed terms feed the plan: an accepted answer = a debt with those terms, everywhere."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import Debt, simulate
from planner.agreements import (agreed_debt, agreements_from_negotiation, apply_agreements, parse_answer,
                                parse_answers)

DEBTS = [Debt("借呗", kind="online_loan", balance=9000, annual_rate=18.25, min_payment=900, overdue_days=45,
              late_fee_pct=5, due_day=10, official_channel="支付宝App"),
         Debt("招行信用卡", kind="credit_card", balance=18600, annual_rate=18.25, min_payment=0, min_payment_pct=10),
         Debt("表哥", kind="private_loan", balance=10000, annual_rate=0, min_payment=0)]


def _same(a, b):
    assert a.months_to_debt_free == b.months_to_debt_free
    assert np.allclose(a.series.payment, b.series.payment, atol=1e-9)
    assert np.allclose(a.series.balance, b.series.balance, atol=1e-9)
    assert a.total_interest == pytest.approx(b.total_interest, abs=1e-9)


def test_simulation_with_an_agreement_equals_a_debt_with_those_terms():
    answers = {"借呗": {"status": "accepted", "monthly": "500", "months": "18", "rate": "0",
                       "waive_penalty": True, "waive_fees": True, "fold_arrears": True}}
    agreements, issues = parse_answers(answers, DEBTS)
    assert issues == []
    by_hand = [Debt("借呗", kind="online_loan", balance=9000, annual_rate=0, min_payment=500, penalty_rate=0,
                    late_fee_pct=0, overdue_days=0, arrears=0, due_day=10, official_channel="支付宝App"),
               DEBTS[1], DEBTS[2]]
    for strategy in ("avalanche", "snowball", "spread", "minimum"):
        _same(simulate(apply_agreements(DEBTS, agreements), 3000, strategy),
              simulate(by_hand, 3000, strategy))
    # and it is not the contract: the contract debt pays penalty interest on its arrears
    assert simulate(DEBTS, 3000, "minimum").total_interest > simulate(by_hand, 3000, "minimum").total_interest


@settings(max_examples=60, deadline=None)
@given(monthly=st.floats(10, 5000).map(lambda x: round(x, 2)), rate=st.one_of(st.none(), st.floats(0, 36)),
       amount=st.one_of(st.none(), st.floats(100, 20000).map(lambda x: round(x, 2))),
       waive_penalty=st.booleans(), waive_fees=st.booleans(), fold=st.booleans(), budget=st.floats(0, 5000))
def test_agreement_equals_a_debt_with_its_terms_property(monthly, rate, amount, waive_penalty, waive_fees,
                                                          fold, budget):
    rec = {"status": "accepted", "monthly": monthly, "rate": "" if rate is None else rate,
           "amount": "" if amount is None else amount, "waive_penalty": waive_penalty,
           "waive_fees": waive_fees, "fold_arrears": fold}
    _, ag, issues = parse_answer("借呗", rec)
    assert issues == [] and ag is not None
    d = DEBTS[0]
    r = rate if rate is not None else d.annual_rate
    bal = amount if amount is not None else d.balance
    expected = Debt("借呗", kind=d.kind, balance=bal, annual_rate=r, min_payment=monthly,
                    penalty_rate=r if waive_penalty else max(d.effective_penalty_rate, r),
                    late_fee_pct=0 if waive_fees else d.late_fee_pct,
                    overdue_days=0 if fold else d.overdue_days,
                    arrears=0 if fold else min(d.effective_arrears, bal), due_day=d.due_day,
                    official_channel=d.official_channel)
    assert agreed_debt(d, ag) == expected
    _same(simulate(apply_agreements(DEBTS, {"借呗": ag}), budget, "avalanche", horizon=120),
          simulate([expected, DEBTS[1], DEBTS[2]], budget, "avalanche", horizon=120))


@pytest.mark.parametrize("status", ["proposed", "refused", "no_answer"])
def test_refused_or_unanswered_keeps_the_contract(status):
    agreements, issues = parse_answers({"借呗": {"status": status, "monthly": "500"}}, DEBTS)
    assert agreements == {} and issues == []
    assert apply_agreements(DEBTS, agreements) == DEBTS


def test_bad_answers_are_data_and_keep_the_contract():
    answers = {"借呗": {"status": "accepted", "monthly": "五百", "date": "明天"},
               "花呗": {"status": "accepted", "monthly": "100"},
               "表哥": {"status": "maybe"},
               "招行信用卡": {"status": "accepted", "monthly": ""}}
    agreements, issues = parse_answers(answers, DEBTS)
    assert agreements == {}
    found = {(i.row, i.column, i.code, i.severity) for i in issues}
    assert (1, "agreement.monthly", "not_a_number", "error") in found
    assert (1, "agreement.date", "bad_date", "error") in found
    assert (2, "name", "unknown_lender", "warning") in found
    assert (3, "agreement.status", "unknown_status", "error") in found
    assert (4, "agreement.monthly", "agreed_monthly_missing", "error") in found
    assert all(i.message("zh") and i.message("en") for i in issues)
    assert "每月还款" in [i for i in issues if i.row == 1][0].message("zh")


def test_names_match_ignoring_case_and_spaces_and_negotiation_section():
    ags, _ = agreements_from_negotiation({"answers": {" 借 呗": {"status": "accepted", "monthly": "1,000",
                                                                 "date": "2026年12月5日"}}}, DEBTS)
    assert list(ags) == ["借呗"] and ags["借呗"].monthly == 1000 and ags["借呗"].agreed_on == date(2026, 12, 5)
    assert agreements_from_negotiation({}, DEBTS) == ({}, [])


def test_counsellor_records_become_answers():
    from types import SimpleNamespace

    from planner.agreements import answers_from_records
    recs = [SimpleNamespace(lender="借呗", status="accepted", terms={"monthly_yuan": 450.0, "months": 24},
                            status_date=date(2026, 12, 2)),
            SimpleNamespace(lender="表哥", status="refused", terms={}, status_date=date(2026, 12, 3))]
    answers = answers_from_records(recs)
    agreements, issues = parse_answers(answers, DEBTS)
    assert issues == [] and list(agreements) == ["借呗"]
    assert (agreements["借呗"].monthly, agreements["借呗"].months) == (450.0, 24)
