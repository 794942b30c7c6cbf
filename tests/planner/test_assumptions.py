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


# --------------------------------------------------------------------------- the CSV / CLI path and Debt.assumed

import json  # noqa: E402

from planner import Debt, InvalidInput, debt_to_record, debts_from_records, read_debts_csv, write_debts_csv  # noqa: E402
from planner.agreements import Agreement, agreed_debt  # noqa: E402
from planner.cli import main  # noqa: E402
from planner.parsing import assumption_note  # noqa: E402

UNKNOWN_CSV = ("名称,类型,余额,年利率,最低还款,最低还款比例\n"
               "招行信用卡,信用卡,20000,不知道,,不知道\n"
               "某网贷,网贷,8000,unknown,800,\n"
               "借呗,,5000,14.6,?,\n").encode("utf-8")


def test_the_csv_accepts_unknown_with_the_dashboards_assumption():
    result = read_debts_csv(UNKNOWN_CSV)
    assert result.ok, [i.message("en") for i in result.issues]
    dashboard, _ = parse_debt_rows([assume_unknowns(r) for r in result.rows])   # what the debts page stores
    assert result.debts == dashboard
    card, loan, jiebei = result.debts
    assert (card.annual_rate, card.min_payment_pct, card.assumed) == (18.25, 10, ("annual_rate", "min_payment_pct"))
    assert (loan.annual_rate, loan.min_payment, loan.assumed) == (24, 800, ("annual_rate",))
    assert jiebei.assumed == ("min_payment_pct",) and not jiebei.is_assumed("annual_rate")
    assert result.rows[0]["annual_rate"] == "不知道"                       # the rows stay as typed


def test_the_mark_survives_csv_records_and_storage_round_trips():
    debts = read_debts_csv(UNKNOWN_CSV).debts
    for lang in ("zh", "en"):
        assert read_debts_csv(write_debts_csv(debts, lang=lang)).debts == debts
    assert debts_from_records([debt_to_record(d) for d in debts]) == debts
    assert "assumed" not in debt_to_record(Debt("x", balance=1, annual_rate=1, min_payment=1))


def test_a_debt_with_a_changed_value_is_no_longer_assumed():
    rec = debt_to_record(read_debts_csv(UNKNOWN_CSV).debts[0])
    rec["annual_rate"] = 15.5
    [debt] = debts_from_records([rec])
    assert debt.assumed == ("min_payment_pct",)


def test_an_agreed_rate_is_a_fact_an_unchanged_contract_rate_stays_assumed():
    loan = read_debts_csv(UNKNOWN_CSV).debts[1]
    assert agreed_debt(loan, Agreement(lender=loan.name, monthly=300, rate_pct=0)).assumed == ()
    assert agreed_debt(loan, Agreement(lender=loan.name, monthly=300)).assumed == ("annual_rate",)


def test_only_rates_and_minimums_can_be_assumed():
    with pytest.raises(InvalidInput):
        Debt("x", balance=1, annual_rate=1, min_payment=1, assumed=("balance",))


def test_the_note_states_value_and_basis_in_both_languages():
    card = read_debts_csv(UNKNOWN_CSV).debts[0]
    zh, en = assumption_note(card, "zh"), assumption_note(card, "en")
    assert "年利率 18.25%" in zh and "万分之五" in zh and "估计" in zh and "合同" in zh
    assert "annual rate 18.25 %" in en and "0.05 % a day" in en and "estimate" in en
    assert assumption_note(Debt("x", balance=1, annual_rate=1, min_payment=1)) == ""


@pytest.mark.parametrize("command", [["month", "--date", "2026-12-01"], ["simulate"], ["compare"]])
def test_the_cli_takes_unknown_and_says_what_it_assumed(capsys, tmp_path, command):
    path = tmp_path / "debts.csv"
    path.write_bytes(UNKNOWN_CSV)
    for lang, words in (("zh", "按估计填写（年利率 18.25%"), ("en", "assumed (annual rate 18.25 %")):
        code = main([command[0], str(path), "--budget", "6000", "--lang", lang, *command[1:]])
        err = capsys.readouterr().err
        assert code == 0 and words in err and "某网贷" in err, err


def test_month_json_marks_the_assumed_debts(capsys, tmp_path):
    path = tmp_path / "debts.csv"
    path.write_bytes(UNKNOWN_CSV)
    assert main(["month", str(path), "--budget", "6000", "--date", "2026-12-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {i["name"]: i["assumed"] for i in data["items"]} == {
        "招行信用卡": ["annual_rate", "min_payment_pct"], "某网贷": ["annual_rate"], "借呗": ["min_payment_pct"]}
