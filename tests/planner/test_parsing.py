"""Reading what people type: amounts, rates, kinds, and errors as data in zh/en."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import Debt, InvalidInput, parse_amount, parse_debt_rows, parse_percent
from planner.parsing import ParseError, parse_int, parse_kind


@pytest.mark.parametrize("text,expected", [
    ("18", 18.0), ("18%", 18.0), ("18 %", 18.0), ("１８％", 18.0), ("年化18%", 18.0), ("APR 18%", 18.0),
    ("日利率 0.05%", 18.25), ("日息0.05%", 18.25), ("0.05%/天", 18.25), ("daily 0.05%", 18.25),
    ("月利率1%", 12.0), ("1%/month", 12.0), (24, 24.0), (0.5, 0.5),
])
def test_parse_percent(text, expected):
    assert parse_percent(text) == pytest.approx(expected)


def test_daily_column_means_daily():
    assert parse_percent("0.05", default_period="day") == pytest.approx(18.25)


@pytest.mark.parametrize("text,expected", [
    ("3000", 3000.0), ("3,000.50", 3000.5), ("¥3000", 3000.0), ("￥3,000", 3000.0), ("3000元", 3000.0),
    ("1.5万", 15000.0), ("３０００", 3000.0), (" 12 ", 12.0), (1e3, 1000.0),
])
def test_parse_amount(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text,code", [("abc", "not_a_number"), ("nan", "not_finite"), ("inf", "not_finite"),
                                       ("1.2.3", "not_a_number"), (float("nan"), "not_finite"), (True, "not_a_number")])
def test_parse_amount_rejects(text, code):
    with pytest.raises(ParseError) as e:
        parse_amount(text)
    assert e.value.code == code


def test_parse_int_and_kind():
    assert parse_int("45天") == 45 and parse_int(45.0) == 45
    with pytest.raises(ParseError):
        parse_int("4.5")
    assert parse_kind("信用卡") == "credit_card" and parse_kind("网贷") == "online_loan"
    assert parse_kind("") == "other" and parse_kind("Consumer finance / small loan") == "consumer_finance"
    with pytest.raises(ParseError):
        parse_kind("水电费")


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_amount_round_trips_through_text(x):
    assert parse_amount(repr(x)) == x


def test_every_problem_of_a_row_is_reported_with_row_column_value_reason():
    rows = [
        {"name": "借呗", "balance": "12000", "annual_rate": "18%", "min_payment": "1000"},
        {"name": "京东金条", "balance": "-500", "annual_rate": "abc", "min_payment": "100"},
        {"name": "", "balance": "1e99", "daily_rate": "0.05%", "min_payment": "x"},
        {"name": "借呗", "balance": "1", "annual_rate": "1", "min_payment": "1"},
        {"name": "", "balance": "", "annual_rate": "", "min_payment": ""},   # blank row: skipped
    ]
    debts, issues = parse_debt_rows(rows)
    assert [d.name for d in debts] == ["借呗"]
    zh = [i.message("zh") for i in issues]
    en = [i.message("en") for i in issues]
    assert "第2行 余额：'-500' 不能为负" in zh
    assert "row 2 balance: '-500' must not be negative" in en
    assert "row 2 annual rate: 'abc' is not a number" in en
    assert any(i.row == 3 and i.column == "name" and i.code == "required" for i in issues)
    assert any(i.row == 3 and i.column == "balance" and i.code == "too_large" for i in issues)
    assert any(i.row == 3 and i.column == "min_payment" and i.code == "not_a_number" for i in issues)
    assert any(i.row == 4 and i.code == "duplicate_name" for i in issues)
    assert all(i.row != 5 for i in issues)


def test_conflicting_rates_and_missing_rate():
    _, issues = parse_debt_rows([{"name": "a", "balance": "1", "annual_rate": "18", "daily_rate": "0.1",
                                  "min_payment": "1"},
                                 {"name": "b", "balance": "1", "min_payment": "1"}])
    assert [i.code for i in issues] == ["rate_conflict", "rate_missing"]


def test_arrears_cannot_exceed_balance_and_pct_range():
    _, issues = parse_debt_rows([{"name": "a", "balance": "100", "annual_rate": "1", "min_payment": "1",
                                  "arrears": "200", "min_payment_pct": "150"}])
    assert {i.code for i in issues} == {"arrears_above_balance", "pct_range"}


@pytest.mark.parametrize("balance", ["八千", "", "-5"])
def test_unreadable_balance_reports_only_the_balance(balance):
    """A balance that did not parse is one problem; arrears are not compared with a stand-in value."""
    _, issues = parse_debt_rows([{"name": "a", "balance": balance, "annual_rate": "18", "min_payment": "100",
                                  "arrears": "300"}])
    assert [(i.column, i.value) for i in issues] == [("balance", balance)]


def test_debt_constructor_validates():
    with pytest.raises(InvalidInput) as e:
        Debt("x", balance=math.nan, annual_rate=-1, min_payment=0)
    assert {i.column for i in e.value.issues} == {"balance", "annual_rate"}
    assert "不是有效数字" in e.value.messages("zh")[0]


def test_empty_input():
    debts, issues = parse_debt_rows([])
    assert debts == [] and issues[0].code == "no_debts"
    assert issues[0].message("en") == "no debts: add at least one"
