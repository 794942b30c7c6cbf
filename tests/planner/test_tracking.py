"""Payments made, balances reported, plan vs actual, re-planning and plan versions."""

from __future__ import annotations

from datetime import date

import pytest

from planner import Debt, simulate
from planner.progress import PlanVersion, plan_history, progress, replan_debts, with_new_version
from planner.tracking import (Payment, ReportedBalance, parse_balances, parse_payments, read_payments_csv,
                              write_payments_csv)

DEBTS = [Debt("借呗", balance=6000, annual_rate=0, min_payment=1000, due_day=10),
         Debt("花呗", balance=3000, annual_rate=0, min_payment=500, due_day=20)]


def test_payments_csv_zh_and_en_headers_and_errors_as_data():
    zh = "还款日期,平台,还款金额,流水号,备注\n2026-12-10,借呗,1000,A1,\n2026/12/20,花 呗,500元,,按时\n".encode("gbk")
    imp = read_payments_csv(zh, DEBTS, today=date(2026, 12, 31))
    assert imp.issues == []
    assert [(p.day, p.lender, p.amount_cents) for p in imp.payments] == [
        (date(2026, 12, 10), "借呗", 100000), (date(2026, 12, 20), "花呗", 50000)]
    en = b"date,lender,amount,reference,extra\n2026-12-10,X,100,,\n2026-13-01,Jiebei,abc,,\n2027-01-01,\xe5\x80\x9f\xe5\x91\x97,5,,\n"
    imp = read_payments_csv(en, DEBTS, today=date(2026, 12, 31))
    got = {(i.row, i.column, i.value, i.code) for i in imp.issues}
    assert (None, None, "extra", "unknown_column") in got
    assert (1, "pay.lender", "X", "unknown_lender") in got
    assert (2, "pay.date", "2026-13-01", "bad_date") in got and (2, "pay.amount", "abc", "not_a_number") in got
    assert (3, "pay.date", "2027-01-01", "payment_future") in got
    assert imp.payments == [] and len(imp.rows) == 3            # what was typed is kept
    assert all(i.message("en") and i.message("zh") for i in imp.issues)
    missing = read_payments_csv(b"date,amount\n2026-12-01,5\n")
    assert [i.code for i in missing.errors] == ["missing_column"]


def test_payments_csv_ignores_blank_headers_and_keeps_short_rows():
    imp = read_payments_csv("日期,平台,金额,,,流水号\n2026-12-10,借呗,1000,,,A1\n2026-12-11,花呗,5\n".encode(),
                            DEBTS, today=date(2026, 12, 31))
    assert imp.issues == []
    assert [(p.lender, p.amount_cents, p.reference) for p in imp.payments] == [("借呗", 100000, "A1"),
                                                                                ("花呗", 500, "")]
    dup = read_payments_csv("日期,平台,金额,amount\n2026-12-10,借呗,1,2\n".encode(), DEBTS, today=date(2026, 12, 31))
    assert [(i.code, i.value) for i in dup.errors] == [("duplicate_column", "amount")]
    assert [p.amount_cents for p in dup.payments] == [100]


def test_export_escapes_formulas_and_round_trips():
    pays = [Payment(date(2026, 12, 1), "=HYPERLINK(\"x\")", 12345, "-ref", "@note")]
    data = write_payments_csv(pays, lang="en")
    assert b"'=HYPERLINK" in data and b"'-ref" in data and b"'@note" in data
    assert read_payments_csv(data).payments == pays
    assert read_payments_csv(write_payments_csv(pays)).payments == pays


def test_balances_allow_zero_and_reject_negative():
    bals, issues = parse_balances([{"date": "2026-12-20", "lender": "借呗", "balance": "0"},
                                   {"date": "2026-12-20", "lender": "借呗", "balance": "-1"}], DEBTS)
    assert [b.balance_cents for b in bals] == [0] and [(i.row, i.code) for i in issues] == [(2, "negative")]


def test_progress_on_track_behind_ahead():
    v = PlanVersion(date(2026, 12, 1), DEBTS, 1500, "minimum")
    pays = [Payment(date(2026, 12, 10), "借呗", 100000), Payment(date(2027, 1, 10), "借呗", 100000),
            Payment(date(2026, 12, 20), "花呗", 50000), Payment(date(2027, 1, 5), "花呗", 100000),
            Payment(date(2026, 11, 30), "花呗", 99999)]          # before the plan: not counted
    p = progress(v, pays, [], today=date(2027, 1, 15))
    by = {x.name: x for x in p.lenders}
    assert (by["借呗"].planned_cents, by["借呗"].paid_cents, by["借呗"].status) == (200000, 200000, "on_track")
    # 花呗's January payment (due 20 Jan) is not due yet: planned 500, paid 1500 → ahead
    assert (by["花呗"].planned_cents, by["花呗"].paid_cents, by["花呗"].status) == (50000, 150000, "ahead")
    p2 = progress(v, pays[:1], [], today=date(2027, 1, 15))
    assert {x.name: x.status for x in p2.lenders} == {"借呗": "behind", "花呗": "behind"}


def test_progress_chart_series_planned_vs_reported():
    v = PlanVersion(date(2026, 12, 1), DEBTS, 1500, "minimum")
    bals = [ReportedBalance(date(2026, 12, 25), "借呗", 520000), ReportedBalance(date(2027, 1, 25), "花呗", 200000)]
    p = progress(v, [], bals, today=date(2027, 1, 31))
    r = simulate(DEBTS, 1500, "minimum")
    assert [m.planned_cents for m in p.months] == [round(float(sum(b)) * 100) for b in r.series.balance]
    assert [m.reported_cents for m in p.months[:3]] == [520000 + 300000, 520000 + 200000, None]
    lender = {x.name: x for x in p.lenders}["借呗"]
    assert (lender.reported_cents, lender.planned_balance_cents) == (520000, 500000)


def test_replan_uses_latest_balances_and_drops_cleared_debts():
    bals = [ReportedBalance(date(2026, 12, 1), "借呗", 400000), ReportedBalance(date(2026, 12, 20), "借呗", 390000),
            ReportedBalance(date(2026, 12, 20), "花呗", 0), ReportedBalance(date(2027, 2, 1), "借呗", 1)]
    debts, cleared = replan_debts(DEBTS, bals, today=date(2026, 12, 31))
    assert [(d.name, d.balance) for d in debts] == [("借呗", 3900.0)] and cleared == ["花呗"]
    assert debts[0].due_day == 10 and debts[0].min_payment == 1000


def test_plan_versions_are_kept():
    v1 = PlanVersion(date(2026, 12, 1), DEBTS, 1500, "minimum", label="first")
    v2 = PlanVersion(date(2027, 1, 15), DEBTS[:1], [1500, 2000], "avalanche", label="re-plan")
    settings = with_new_version(with_new_version({"lang": "zh"}, v1), v2)
    hist = plan_history(settings)
    assert [h["label"] for h in hist] == ["first", "re-plan"] and settings["lang"] == "zh"
    back = PlanVersion.from_record(hist[0])
    assert back.debts == DEBTS and back.start == date(2026, 12, 1) and back.strategy == "minimum"
    assert PlanVersion.from_record(hist[1]).budget.monthly == (1500.0, 2000.0)
    import json
    json.dumps(settings)                                         # the workspace stores it as JSON
    assert plan_history({"plan_history": "junk"}) == []
