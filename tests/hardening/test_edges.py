"""Issue 11 items 6 (tiny rates, unknown method, dates near 9999) and 17 (a diverging strategy, the
true-cost tolerance)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from planner import Debt
from planner.apr import flat_fee_cost
from planner.cli import main
from planner.compare import compare
from planner.models import InvalidInput
from planner.negotiation import evaluate, propose
from planner.negotiation.schedule import annuity

TINY = "名称,余额,年利率,最低还款\n借呗,10000,1e-300,500\n花呗,5000,12,300\n"
# avalanche clears it in a few months; paying only the minimums lets the penalties compound past any number
DIVERGING = [Debt("A", balance=1e9, annual_rate=1000, min_payment=0, penalty_rate=1000, late_fee_pct=100,
                  overdue_days=90, arrears=1e9),
             Debt("B", balance=1e4, annual_rate=10, min_payment=1e4, penalty_rate=1000, late_fee_pct=100,
                  overdue_days=90, arrears=1e4)]


@pytest.fixture
def tiny_csv(tmp_path) -> Path:
    p = tmp_path / "tiny.csv"
    p.write_text(TINY, encoding="utf-8")
    return p


# ------------------------------------------------------------------ 6

@pytest.mark.parametrize("rate", [1e-300, 1e-20, -1e-300, 5e-324])
def test_annuity_of_a_rate_so_small_that_one_plus_i_is_one(rate):
    assert annuity(1200, rate, 12) == pytest.approx(100.0)


def test_tiny_rate_through_propose_and_report(tiny_csv, tmp_path, capsys):
    assert main(["propose", str(tiny_csv), "--budget", "2000", "--start", "2027-01-01"]) == 0
    assert main(["report", str(tiny_csv), "--budget", "2000", "--out", str(tmp_path / "p.pdf"),
                 "--date", "2026-12-01"]) == 0
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    debts = [Debt("借呗", balance=10000, annual_rate=1e-300, min_payment=500)]
    plan = propose(debts, 2000, start=date(2027, 1, 1))
    assert plan.feasible and evaluate(plan).accepted.debt_free


def test_report_unknown_method_is_a_usage_message(tiny_csv, tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["report", str(tiny_csv), "--budget", "2000", "--out", str(tmp_path / "p.pdf"), "--method", "bogus"])
    assert e.value.code == 2 and "bogus" in capsys.readouterr().err
    from planner.report import build_pdf
    with pytest.raises(InvalidInput) as err:
        build_pdf([Debt("a", balance=100, annual_rate=1, min_payment=10)], 100, lang="en", strategy="avalanche",
                  method="bogus", today=date(2026, 1, 1))
    assert "bogus" in err.value.messages("en")[0]


@pytest.mark.parametrize("args", [["--start", "9999-12-01"], ["--date", "9999-12-31"], ["--start", "0001-01-01"]])
def test_dates_near_the_end_of_the_calendar_are_input_errors(tiny_csv, tmp_path, capsys, args):
    assert main(["report", str(tiny_csv), "--budget", "2000", "--out", str(tmp_path / "p.pdf"), *args]) == 1
    assert "9999" in capsys.readouterr().err or "0001" in " ".join(args)
    assert not (tmp_path / "p.pdf").exists()


def test_propose_start_near_9999(tiny_csv, capsys):
    assert main(["propose", str(tiny_csv), "--budget", "2000", "--start", "9999-12-01"]) == 1
    assert "9999-12-01" in capsys.readouterr().err


# ------------------------------------------------------------------ 17

def test_a_diverging_strategy_is_reported_and_the_others_shown():
    c = compare(DIVERGING, 1e9, horizon=1200)
    assert c.diverged == ("minimum",) and c.ranking[0] == "avalanche" and c.best.months_to_debt_free <= 3
    assert "minimum" not in c.results


def test_compare_cli_lists_the_diverging_strategy(tmp_path, capsys):
    csv = tmp_path / "d.csv"
    csv.write_text("name,balance,annual_rate,min_payment,penalty_rate,late_fee_pct,overdue_days,arrears\n"
                   "A,1000000000,1000,0,1000,100,90,1000000000\nB,10000,10,10000,1000,100,90,10000\n",
                   encoding="utf-8")
    assert main(["compare", str(csv), "--budget", "1000000000", "--horizon", "1200", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "not compared" in out and "Best" in out
    assert main(["compare", str(csv), "--budget", "1000000000", "--horizon", "1200", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["diverged"] == ["minimum"] and doc["ranking"][0] == "avalanche"


def test_accepted_vs_no_deal_survives_a_diverging_strategy():
    plan = propose(DIVERGING, 1e9, start=date(2027, 1, 1))
    ev = evaluate(plan, horizon=1200)
    assert ev.no_deal_strategy == "avalanche" and ev.no_deal.debt_free


def test_when_every_strategy_diverges_the_message_says_so():
    with pytest.raises(InvalidInput) as e:
        compare(DIVERGING, 1e6, horizon=1200)
    assert "grows beyond" in e.value.messages("en")[0]


@pytest.mark.parametrize("principal, months", [(500000, 97), (123456.78, 83), (1000, 3), (999999, 119)])
def test_true_cost_of_a_zero_fee_quote(principal, months):
    assert flat_fee_cost(principal, 0, months).apr_pct == pytest.approx(0, abs=1e-6)
