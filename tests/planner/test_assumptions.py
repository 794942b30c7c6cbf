""""不知道" for a rate or a minimum becomes a stated, marked assumption; a card's minimum % needs no 0."""

from __future__ import annotations

import pytest

from planner import parse_debt_rows
from planner.parsing import assume_unknowns, assumed_fields, assumption_why, is_unknown

CARD = {"name": "招行信用卡", "kind": "credit_card", "balance": "20000", "annual_rate": "不知道",
        "min_payment": "", "min_payment_pct": "不知道"}


@pytest.mark.parametrize("text", ["不知道", " 不清楚 ", "?", "？", "Unknown", "don't know"])
def test_unknown_words(text):
    assert is_unknown(text)


@pytest.mark.parametrize("text", ["", "0", "18%", "知道"])
def test_not_unknown(text):
    assert not is_unknown(text)


def test_card_unknowns_take_the_typical_card_terms_and_are_marked():
    row = assume_unknowns(CARD)
    assert row["annual_rate"] == "18.25" and row["min_payment_pct"] == "10" and row["min_payment"] == ""
    assert assumed_fields(row) == {"annual_rate": "18.25", "min_payment_pct": "10"}
    assert "万分之五" in assumption_why(row, "zh") and "0.05 %" in assumption_why(row, "en")
    [debt], issues = parse_debt_rows([row])
    assert not issues and debt.annual_rate == 18.25 and debt.min_payment == 0 and debt.min_payment_pct == 10


def test_the_lender_catalogue_decides_before_the_kind():
    row = assume_unknowns({"name": "微粒贷", "kind": "", "balance": "5000", "annual_rate": "?",
                           "min_payment": "不知道"})
    assert row["annual_rate"] == "18.25"                 # WeBank's daily-rate quote, not the online-loan 24 %
    row = assume_unknowns({"name": "某网贷", "kind": "online_loan", "balance": "5000", "annual_rate": "不知道",
                           "min_payment": "300"})
    assert row["annual_rate"] == "24" and assumed_fields(row) == {"annual_rate": "24"}


def test_a_changed_value_is_no_longer_assumed():
    row = assume_unknowns(CARD)
    row["annual_rate"] = "15%"
    assert assumed_fields(row) == {"min_payment_pct": "10"}
    assert assume_unknowns(row)["assumed"] == "min_payment_pct=10"     # the stale mark is dropped


def test_a_known_daily_rate_is_used_instead_of_an_assumption():
    row = assume_unknowns({"name": "x", "balance": "100", "annual_rate": "不知道", "daily_rate": "0.05%",
                           "min_payment": "10"})
    assert row["annual_rate"] == "" and assumed_fields(row) == {}


def test_nothing_unknown_nothing_assumed():
    row = {"name": "x", "balance": "100", "annual_rate": "12", "min_payment": "10"}
    assert assume_unknowns(row) == dict(row, assumed="")


def test_a_minimum_percentage_alone_is_enough():
    [debt], issues = parse_debt_rows([{"name": "卡", "kind": "信用卡", "balance": "10000", "annual_rate": "18",
                                       "min_payment": "", "min_payment_pct": "10%"}])
    assert not issues and debt.min_payment == 0 and debt.min_payment_pct == 10


def test_without_any_minimum_the_fixed_one_is_still_required():
    _, issues = parse_debt_rows([{"name": "卡", "balance": "10000", "annual_rate": "18", "min_payment": ""}])
    assert [(i.column, i.code) for i in issues] == [("min_payment", "min_missing")]


def test_an_unresolved_unknown_is_reported_not_crashing():
    _, issues = parse_debt_rows([{"name": "卡", "balance": "10000", "annual_rate": "不知道", "min_payment": "1"}])
    assert [(i.column, i.code) for i in issues] == [("annual_rate", "not_a_number")]
