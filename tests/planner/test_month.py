"""This month's list (planner.month): month 1 of the engine, in cents, within the budget, dated."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import Budget, Debt, debts_from_records, read_debts_csv, simulate
from planner.agreements import Agreement
from planner.cli import main
from planner.month import cents_within, due_date, this_month, to_cents
from tests.planner.strategies_st import case

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_debts.csv"


@settings(max_examples=150, deadline=None)
@given(case(), st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)))
def test_amounts_are_month_one_of_the_engine_and_fit_the_budget(c, today):
    debts = debts_from_records(c["debts"])
    m = this_month(debts, c["budget"], c["strategy"], today=today, order=c.get("order"))
    r = simulate(debts, c["budget"], c["strategy"], order=c.get("order"), horizon=1)
    budget_c = to_cents(Budget.of(c["budget"]).for_month(1))
    assert m.budget_cents == budget_c
    assert [i.name for i in m.items] == [d.name for d in debts]
    for item, paid in zip(m.items, r.series.payment[0]):
        assert isinstance(item.amount_cents, int)
        assert abs(item.amount_cents - float(paid) * 100) <= 1.0     # the engine's payment, to the cent
    assert sum(i.amount_cents for i in m.items) <= budget_c
    assert m.month == today.replace(day=1)
    for item, d in zip(m.items, debts):
        assert item.due_date.year == today.year and item.due_date.month == today.month
        assert item.status in ("pay", "behind", "paid_off")
        assert (item.status == "behind") == (item.shortfall_cents > 0)


def test_month_one_is_the_current_month_not_next():
    m = this_month([Debt("卡", balance=1000, annual_rate=12, min_payment=100, due_day=15)], 100, "minimum",
                   today=date(2026, 12, 1))
    assert m.to_dict()["month"] == "2026-12"
    assert m.items[0].due_date == date(2026, 12, 15)
    assert m.items[0].amount_cents == 10000 and m.items[0].status == "pay"


@pytest.mark.parametrize("first, day, expected", [
    (date(2027, 2, 1), 31, date(2027, 2, 28)), (date(2028, 2, 1), 30, date(2028, 2, 29)),
    (date(2026, 11, 1), 31, date(2026, 11, 30)), (date(2026, 12, 1), None, date(2026, 12, 31)),
    (date(2026, 12, 1), 1, date(2026, 12, 1))])
def test_due_date_clamps_to_the_month(first, day, expected):
    assert due_date(first, day) == expected


def test_behind_lists_the_consequences_and_unpaid_due():
    debts = [Debt("网贷", kind="online_loan", balance=5000, annual_rate=18, min_payment=1000, late_fee_pct=5),
             Debt("表哥", kind="private_loan", balance=3000, annual_rate=0, min_payment=500)]
    m = this_month(debts, 600, "minimum", today=date(2026, 12, 3))
    a, b = m.items
    assert (a.status, a.amount_cents, a.shortfall_cents) == ("behind", 60000, 40000)
    assert a.late_fee_cents == 2000                              # 5 % of the ¥400 shortfall
    assert (b.status, b.amount_cents, b.shortfall_cents) == ("behind", 0, 50000)
    assert m.unpaid_due_cents == 90000
    zh = " ".join(a.consequences("zh"))
    assert "罚息" in zh and "征信" in zh and "违约金" in zh and "¥400.00" in zh
    en = " ".join(b.consequences("en"))
    assert "Tell the lender" in en and "credit bureau" not in en      # a cousin is no collection agency


def test_paid_off_and_agreed_statuses():
    debts = [Debt("小额", balance=100, annual_rate=0, min_payment=50),
             Debt("借呗", balance=9000, annual_rate=18, min_payment=900, overdue_days=40)]
    ag = {"借呗": Agreement("借呗", monthly=500, months=18, rate_pct=0, waive_penalty=True, waive_fees=True)}
    m = this_month(debts, 1000, "avalanche", today=date(2026, 12, 9), agreements=ag)
    assert [i.status for i in m.items] == ["paid_off", "agreed"]
    assert [i.amount_cents for i in m.items] == [10000, 90000]   # extra goes to the agreed debt by avalanche order
    m2 = this_month(debts, 1000, "minimum", today=date(2026, 12, 9), agreements=ag)
    assert [i.amount_cents for i in m2.items] == [5000, 50000]


def test_cents_never_exceed_the_cap():
    assert cents_within([0.005] * 5, 2) and sum(cents_within([0.005] * 5, 2)) <= 2
    assert cents_within([10.004, 9.996], 2000) == [1000, 1000]


def test_cli_month_json_matches_the_issue_contract(capsys):
    code = main(["month", str(SAMPLE), "--budget", "6000", "--date", "2026-12-01", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["month"] == "2026-12" and data["budget"] == 6000
    for item in data["items"]:
        assert {"name", "amount", "due_date", "channel", "status"} <= set(item)
        assert item["status"] in ("pay", "behind", "paid_off", "agreed")
    debts = read_debts_csv(SAMPLE).debts
    r = simulate(debts, 6000, "avalanche", horizon=1)
    assert [round(i["amount"], 2) for i in data["items"]] == [round(float(p), 2) for p in r.series.payment[0]]
    assert round(sum(i["amount"] for i in data["items"]), 2) <= 6000
    assert data["unpaid_due"] == pytest.approx(sum(i["shortfall"] for i in data["items"]))


def test_cli_month_table_in_english_and_bad_input(capsys, tmp_path):
    code = main(["month", str(SAMPLE), "--budget", "6000", "--date", "2026-12-01", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0 and "Dec 2026" in out and "falls behind" in out and "penalty interest" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("name,balance,annual_rate,min_payment,due_day\nA,100,1,10,32\n", encoding="utf-8")
    code = main(["month", str(bad), "--budget", "100", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1 and "due day" in err and "1 to 31" in err


def test_due_day_reads_from_zh_and_en_headers_and_round_trips():
    from planner import write_debts_csv
    zh = read_debts_csv("名称,余额,年利率,最低还款,还款日\n借呗,1000,18,100,15号\n花呗,500,0,50,\n".encode())
    assert zh.ok and [d.due_day for d in zh.debts] == [15, None]
    en = read_debts_csv(b"name,balance,annual_rate,min_payment,due day\nA,100,1,10,5\n")
    assert en.ok and en.debts[0].due_day == 5
    assert read_debts_csv(write_debts_csv(zh.debts)).debts == zh.debts
    assert read_debts_csv(write_debts_csv(zh.debts, lang="en")).debts == zh.debts
    bad = read_debts_csv("名称,余额,年利率,最低还款,还款日\n借呗,1000,18,100,月底\n".encode())
    assert [(i.row, i.column, i.value) for i in bad.errors] == [(1, "due_day", "月底")]
