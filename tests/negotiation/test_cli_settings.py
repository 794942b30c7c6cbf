"""The ``propose`` command and the settings file."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.legal import sources
from planner.negotiation import SettingsError, load_settings, parse_settings
from planner.negotiation.settings import NUMBER_SETTINGS

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = str(ROOT / "sample_debts.csv")


def test_table_default(capsys):
    assert main(["propose", SAMPLE, "--budget", "3000", "--start", "2027-01-10"]) == 0
    out = capsys.readouterr().out
    assert "招商银行信用卡" in out and "¥600.00" in out and "✓" in out


def test_json_and_method(capsys):
    assert main(["propose", SAMPLE, "--budget", "2000", "--method", "pro_rata", "--json",
                 "--start", "2027-01-10", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "pro_rata" and data["feasible"] is False
    assert data["binding_lender"] == "招联消费金融" and data["min_budget"] == 3090.43
    assert "needs at least ¥3,090.43" in data["message"]
    assert len(data["lines"]) == 7 and data["lines"][0]["timetable"][0]["date"] == "2027-01-10"


def test_infeasible_table_says_so(capsys):
    assert main(["propose", SAMPLE, "--budget", "1000", "--lang", "en", "--start", "2027-01-10"]) == 0
    out = capsys.readouterr().out
    assert "✗" in out and "minimum budget" in out


def test_bad_csv_lists_issues_and_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,balance,annual_rate,min_payment\nA,abc,12,100\nB,100,-5,10\n", "utf-8")
    assert main(["propose", str(bad), "--budget", "3000", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "row 1" in err and "abc" in err and "row 2" in err


def test_bad_method_is_usage_error():
    with pytest.raises(SystemExit) as e:
        main(["propose", SAMPLE, "--budget", "3000", "--method", "magic"])
    assert e.value.code == 2


def test_module_entry_point():
    r = subprocess.run([sys.executable, "-m", "planner", "propose", SAMPLE, "--budget", "3000", "--lang", "en"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0 and "The plan is within the budget" in r.stdout and "Each lender decides" in r.stdout


# ----------------------------------------------------------------------------- settings

def test_every_setting_is_documented_with_a_known_source():
    s = load_settings()
    known = set(sources()) | {"practice"}
    for name in NUMBER_SETTINGS:
        setting = s.numbers[name]
        assert setting.help_zh and setting.help_en and setting.source in known, name
    for rule in s.kinds.values():
        assert rule.max_term_source in known and rule.help_zh and rule.help_en


def test_card_limit_cites_art_70_and_docs_mention_settings():
    s = load_settings()
    assert s.rule("credit_card").max_term_months == 60 and s.rule("credit_card").max_term_source == "card_rules_70"
    assert s.licensed_cap_pct == 24 and s.private_cap_pct == 12
    doc = (ROOT / "docs" / "negotiation.md").read_text("utf-8")
    for name in NUMBER_SETTINGS:
        assert name in doc, f"{name} is not documented in docs/negotiation.md"


@pytest.mark.parametrize("change", [{"nope": 1}, {"licensed_cap_pct": "x"}, {"credit_card.max_term_months": 0},
                                    {"online_loan.proposed_rate": "free"}, {"max_plan_months": 0}])
def test_bad_changes_are_refused(change):
    with pytest.raises(SettingsError):
        load_settings(change)


def test_missing_kind_is_refused():
    text = (ROOT / "planner" / "data" / "negotiation_settings.toml").read_text("utf-8")
    with pytest.raises(SettingsError):
        parse_settings(re.sub(r"\[kinds\.other\][^\[]*", "", text))
