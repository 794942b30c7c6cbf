"""Follow-up letters: golden files per document × language × kind of lender, and what each recipient
must (not) read.

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/followup/test_followup_letters.py
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from planner import Debt
from planner.followup_letters import DOCS, LetterFacts, render_followup

GOLDEN = Path(__file__).parent / "golden"
DEBTS = {
    "bank": Debt("招商银行信用卡", kind="credit_card", balance=18600, annual_rate=18.25, min_payment=1860,
                 overdue_days=40, official_channel="招商银行App“在线客服”"),
    "platform": Debt("借呗", kind="online_loan", balance=12000, annual_rate=14.6, min_payment=1120,
                     official_channel="支付宝App→借呗→“联系客服”"),
    "private": Debt("表哥", kind="private_loan", balance=10000, annual_rate=0, min_payment=0),
}
FACTS = LetterFacts(on=date(2026, 12, 20), applied=date(2026, 12, 1), answered=date(2026, 12, 15),
                    reply_by=date(2027, 1, 5), plan_by=date(2026, 12, 31), monthly_cents=50000, months=24,
                    total_cents=1200000, budget_cents=600000, lenders=3, agreed_on=date(2026, 12, 1),
                    agreed_monthly_cents=80000, from_month=date(2027, 2, 1))
PROFILE = {"name": "李四", "phone": "138 0000 0000", "hardship": "job_loss", "hardship_detail": "公司裁员，正在找工作",
           "lenders": {"招商银行信用卡": {"legal_entity": "招商银行股份有限公司", "account_id": "尾号 1234"},
                       "借呗": {"legal_entity": "重庆蚂蚁消费金融有限公司", "account_id": "合同编号 JB2025001"}}}


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        if not path.exists() and os.environ.get("UPDATE_GOLDEN") != "1":
            pytest.fail(f"{name} has no golden file (UPDATE_GOLDEN=1 to create it)")
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8"), f"{name} differs (UPDATE_GOLDEN=1 to accept)"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", list(DEBTS))
@pytest.mark.parametrize("doc", DOCS)
def test_golden(doc, kind, lang):
    _check(f"{doc}.{kind}.{lang}.txt", render_followup(doc, DEBTS[kind], lang, FACTS, PROFILE))


@pytest.mark.parametrize("doc", DOCS)
def test_forms_of_address_as_the_recipient_reads_them(doc):
    bank = render_followup(doc, DEBTS["bank"], "zh", FACTS, PROFILE)
    platform = render_followup(doc, DEBTS["platform"], "zh", FACTS, PROFILE)
    private = render_followup(doc, DEBTS["private"], "zh", FACTS, PROFILE)
    assert "贵行" in bank and "贵司" not in bank and "招商银行股份有限公司" in bank and "尾号 1234" in bank
    assert "贵司" in platform and "贵行" not in platform and "重庆蚂蚁消费金融有限公司" in platform
    assert "本人" in bank and "本人" in platform
    assert "您" in private and "贵行" not in private and "贵司" not in private
    for word in ("催收机构", "App", "协议编号", "国家标准", "个人信息保护法", "12378", "此致"):
        assert word not in private, (doc, word)
    for text in (bank, platform, private):
        assert "银保监会" not in text and "停息挂账" not in text and "\n\n\n" not in text
        if doc in ("reconsider", "change", "cannot_keep", "no_reply"):
            assert "¥500.00" in text                      # the figures the borrower offers


def test_regulator_and_pipl_scopes():
    bank = render_followup("no_reply", DEBTS["bank"], "zh", FACTS)
    platform = render_followup("no_reply", DEBTS["platform"], "zh", FACTS)
    assert "12378" in bank and "地方金融管理局" not in bank
    assert "12378" in platform and "地方金融管理局" in platform
    st = render_followup("statement", DEBTS["platform"], "en", FACTS)
    assert "Personal Information Protection Law of the PRC, art. 45" in st and "loan contract" in st
    assert "cardholder agreement" in render_followup("statement", DEBTS["bank"], "en", FACTS)


def test_blanks_when_nothing_is_known_and_user_text_cannot_inject_lines():
    text = render_followup("holding", DEBTS["platform"], "zh", LetterFacts(),
                           {"name": "王五\n\n此致\n敬礼\x1b[2J", "hardship": "nonsense"})
    assert "＿＿＿＿＿＿" in text and "王五 此致 敬礼[2J" in text and "\x1b" not in text
    assert "家庭经济困难" in text            # unknown hardship → the generic wording
    en = render_followup("cannot_keep", DEBTS["bank"], "en", LetterFacts())
    assert "______" in en and "____-__-__" in en


def test_unknown_doc_is_refused():
    with pytest.raises(ValueError):
        render_followup("threat", DEBTS["bank"])


def test_facts_from_the_workspace_sections():
    from planner.followup_letters import facts_for
    f = facts_for(DEBTS["platform"], today=date(2026, 12, 20), followups={"answer_days": 10,
                  "lenders": {"借呗": {"applied": "2026-12-01"}}},
                  answers={"借呗": {"status": "refused", "date": "2026-12-15", "monthly": "500", "months": "24"}},
                  budget_cents=600000, lenders=3)
    assert (f.applied, f.answered, f.reply_by, f.monthly_cents, f.total_cents) == (
        date(2026, 12, 1), date(2026, 12, 15), date(2026, 12, 30), 50000, 1200000)
    g = facts_for(DEBTS["platform"], today=date(2026, 12, 20), followups={},
                  answers={"借呗": {"status": "accepted", "date": "2026-12-02", "monthly": "800"}})
    assert (g.agreed_on, g.agreed_monthly_cents, g.monthly_cents) == (date(2026, 12, 2), 80000, None)
    text = render_followup("cannot_keep", DEBTS["platform"], "zh", g)
    assert "2026年12月2日" in text and "¥800.00" in text
