"""A portfolio with every kind of lender (the sample plus a bank loan and an interest-bearing private loan),
a profile with account numbers, a relationship and a guarantor; golden-file helper."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from planner import Debt, read_debts_csv
from planner.documents import BorrowerProfile, FamilyContact, LenderDetails, private_rate_overrides
from planner.negotiation import propose

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
START = date(2027, 3, 1)
ON = date(2026, 12, 20)

BANK = Debt("工商银行融e借", balance=30000, annual_rate=6.5, min_payment=900, kind="bank_loan",
            official_channel="工商银行App在线客服或95588")
FRIEND = Debt("王叔借款", balance=20000, annual_rate=18, min_payment=0, kind="private_loan",
              official_channel="当面沟通")

PROFILE = BorrowerProfile(
    name="张三", phone="138-0000-0000", id_last4="1234", hardship="job_loss",
    hardship_detail="公司裁员，我三个月前失业，正在找工作。",
    lenders={"招商银行信用卡": LenderDetails(account_id="6789", legal_entity="招商银行股份有限公司信用卡中心"),
             "借呗": LenderDetails(account_id="20240501123456", legal_entity="重庆蚂蚁消费金融有限公司"),
             "表哥借款": LenderDetails(relationship="表哥"),
             "王叔借款": LenderDetails(relationship="王叔", loan_date=date(2024, 5, 10))},
    family=(FamilyContact("妈妈"), FamilyContact("姐姐", guarantor=True)))


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_text(text, "utf-8")
        if os.environ.get("UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {name} was missing and has been written: review it and re-run")
    assert text == path.read_text("utf-8"), f"{name} differs (UPDATE_GOLDEN=1 to accept)"


@pytest.fixture(scope="session")
def sample_debts():
    imp = read_debts_csv(ROOT / "sample_debts.csv")
    assert imp.ok
    return tuple(imp.debts)


@pytest.fixture(scope="session")
def portfolio(sample_debts):
    return sample_debts + (BANK, FRIEND)


@pytest.fixture(scope="session")
def plans(portfolio):
    overrides = private_rate_overrides(portfolio, PROFILE)
    return {m: propose(portfolio, 4500, m, start=START, overrides=overrides) for m in ("equal_term", "sequential")}
