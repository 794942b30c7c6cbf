"""``python -m planner letters``: the files, their names, the same bytes as the dashboard's downloads."""

from __future__ import annotations

from datetime import date

import pytest

from planner import read_debts_csv

from pathlib import Path

from planner.cli import main
from planner.documents import BorrowerProfile, portfolio_files, private_rate_overrides
from planner.negotiation import propose

from .conftest import ROOT

SAMPLE_LINES = (ROOT / "sample_debts.csv").read_text("utf-8").splitlines()
#: two lenders (the card and the relative) keep the PDF count, and the test time, small
SMALL_CSV = "\n".join([SAMPLE_LINES[0], SAMPLE_LINES[1], SAMPLE_LINES[-1]]) + "\n"


@pytest.fixture()
def small(tmp_path):
    path = tmp_path / "debts.csv"
    path.write_text(SMALL_CSV, "utf-8")
    return str(path)
PROFILE_TOML = '''
name = "张三"
phone = "138-0000-0000"
hardship = "job_loss"
hardship_detail = "公司裁员。"
[lenders."借呗"]
account_id = "20240501123456"
legal_entity = "重庆蚂蚁消费金融有限公司"
[lenders."表哥借款"]
relationship = "表哥"
loan_date = "2024-05-10"
[[family]]
name = "姐姐"
guarantor = true
'''


def test_letters_writes_the_same_bytes_as_the_dashboard(tmp_path, capsys, small):
    (tmp_path / "p.toml").write_text(PROFILE_TOML, "utf-8")
    out = tmp_path / "out"
    rc = main(["letters", small, "--budget", "3000", "--profile", str(tmp_path / "p.toml"), "--out", str(out),
               "--start", "2027-03-01", "--date", "2026-12-20"])
    sample_debts = tuple(read_debts_csv(Path(small)).debts)
    assert rc == 0
    printed = capsys.readouterr().out
    written = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(written) == 4 * len(sample_debts) + 1 and "family.txt" in written
    assert all(name in printed for name in written)
    import tomllib
    profile = BorrowerProfile.from_record(tomllib.loads(PROFILE_TOML))
    plan = propose(sample_debts, 3000, start=date(2027, 3, 1), overrides=private_rate_overrides(sample_debts, profile))
    assert written == portfolio_files(plan, "zh", profile, on=date(2026, 12, 20))
    assert "表哥：您好！" in written["application_表哥借款.txt"].decode()


def test_letters_name_and_english(tmp_path, capsys, small):
    rc = main(["letters", small, "--budget", "3000", "--lang", "en", "--name", "Li Wei", "--out", str(tmp_path / "o")])
    assert rc == 0 and "Wrote 9 files" in capsys.readouterr().out
    assert "Applicant: Li Wei" in (tmp_path / "o" / "application_招商银行信用卡.txt").read_text("utf-8")
    assert "Borrower: Li Wei" in (tmp_path / "o" / "application_表哥借款.txt").read_text("utf-8")


def test_bad_profile_is_reported(tmp_path, capsys, small):
    (tmp_path / "p.toml").write_text('name = "x\n', "utf-8")
    rc = main(["letters", small, "--budget", "3000", "--profile", str(tmp_path / "p.toml"), "--out", str(tmp_path)])
    assert rc == 1 and "无法读取个人资料文件" in capsys.readouterr().err
    (tmp_path / "q.toml").write_text('hardship = "bored"\n[lenders."借呗"]\nloan_date = "2027-13-01"\n', "utf-8")
    rc = main(["letters", small, "--budget", "3000", "--profile", str(tmp_path / "q.toml"), "--out",
               str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert rc == 0 and "hardship" in err and "lenders.借呗.loan_date" in err
