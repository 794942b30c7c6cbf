"""The PDF follows the lenders' recorded answers (issue 14 item 3): the agreed plan's figures, the agreed lenders
listed as agreed (no new proposal, no letter), a proposal for the others from the budget left after the agreed
payments, refusals marked — in zh and en, read back with pdftotext as a lender would read it."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from planner import Debt, Workspace, build_pdf
from planner.plan_inputs import plan_inputs
from planner.report.context import build_context
from planner.workspace_plan import workspace_plan
from tests.report.helpers import pdf_text

TODAY = date(2026, 12, 1)
ROWS = [{"name": "借呗", "kind": "online_loan", "balance": "12000", "annual_rate": "14.6", "min_payment": "1120"},
        {"name": "京东金条", "kind": "online_loan", "balance": "8000", "annual_rate": "18", "min_payment": "800"},
        {"name": "招商银行信用卡", "kind": "credit_card", "balance": "15000", "annual_rate": "18",
         "min_payment": "1500"}]
ACCEPTED = {"status": "accepted", "monthly": "500", "months": "24", "rate": "0", "date": "2026-11-20"}
REFUSED = {"status": "refused", "date": "2026-11-25"}


def plan_of(answers):
    ws = Workspace.empty().with_changes(debt_rows=ROWS, budget={"income": 9000, "expenses": {"rent": 3000,
                                                                                            "food": 2000}},
                                        negotiation={"answers": answers})
    return workspace_plan(ws).report_inputs(TODAY)


def test_pdf_schedule_uses_the_agreed_instalment():
    debts = [Debt("借呗", kind="online_loan", balance=12000, annual_rate=14.6, min_payment=1120),
             Debt("花呗", kind="online_loan", balance=3000, annual_rate=18, min_payment=300)]
    p = plan_inputs(debts, 2000, negotiation={"answers": {"借呗": {"status": "accepted", "monthly": "333.33",
                                                                  "rate": "0"}}})
    text = pdf_text(build_pdf(list(p.debts), p.budget, lang="en", today=date(2026, 12, 1)))
    assert "333.33" in text
    plain = pdf_text(build_pdf(debts, 2000, lang="en", today=date(2026, 12, 1)))
    assert "333.33" not in plain


def test_an_agreed_lender_gets_no_new_proposal_and_the_others_share_what_is_left():
    rep = plan_of({"借呗": ACCEPTED, "京东金条": REFUSED})
    assert rep.agreed == ("借呗",)
    ctx = build_context(rep.debts, rep.budget, lang="zh", strategy="avalanche", method=None, today=TODAY,
                        answers=rep.answers)
    assert [a.name for a in ctx.agreed] == ["借呗"]
    assert ctx.agreed[0].total_cents == 24 * 50000           # 24 × ¥500, to the cent
    assert [ln.name for ln in ctx.negotiation.lines] == ["京东金条", "招商银行信用卡"]
    assert set(ctx.letters) == {"京东金条", "招商银行信用卡"}
    assert ctx.left_for_others == 4000 - 500 and ctx.negotiation.budget == 3500
    assert ctx.negotiation.total_monthly <= 3500
    assert set(ctx.answer_notes) == {"京东金条"}


def test_every_lender_agreed_means_no_proposal_but_the_agreements_listed():
    rep = plan_of({name: ACCEPTED for name in ("借呗", "京东金条", "招商银行信用卡")})
    ctx = build_context(rep.debts, rep.budget, lang="en", strategy="avalanche", method=None, today=TODAY,
                        answers=rep.answers)
    assert ctx.negotiation is None and not ctx.letters and len(ctx.agreed) == 3
    text = pdf_text(build_pdf(list(rep.debts), rep.budget, lang="en", today=TODAY, answers=rep.answers))
    assert "Every lender has accepted a repayment plan" in text and "Repayment agreements already reached" in text
    assert "Repayment application to" not in text and "What I am asking" not in text


def test_without_answers_the_pdf_is_unchanged():
    rep = plan_of({})
    assert rep.answers is None and rep.agreed == ()
    plain = build_pdf(list(rep.debts), rep.budget, lang="zh", today=TODAY)
    assert build_pdf(list(rep.debts), rep.budget, lang="zh", today=TODAY, answers=rep.answers) == plain
    assert "已达成" not in pdf_text(plain)


def poppler(data: bytes, tmp_path) -> str:
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (make test installs it in CI)")
@pytest.mark.parametrize("lang, expected, absent", [
    ("zh", ["已达成的还款协议", "借呗", "¥500.00", "24 期", "2026年11月20日", "2026年12月–2028年11月", "¥12,000.00",
            "（已达成协议）", "向其余机构提出的协商方案", "扣除已达成协议的每月还款后，每月还有 ¥3,500.00",
            "此前的方案已于2026年11月25日被拒绝", "已与借呗达成还款协议", "致京东金条的协商还款申请",
            "对比：已达成的协议照常履行"],
     ["致借呗的协商还款申请", "请对方重新考虑", "“协商”页"]),
    ("en", ["Repayment agreements already reached", "¥500.00", "24 mo", "20 Nov 2026", "(agreed)",
            "What I am asking the other lenders for", "¥3,500.00 a month is left",
            "refused on 25 Nov 2026; this is the revised proposal", "Repayment application to 京东金条"],
     ["Repayment application to 借呗", "ask them to reconsider", "Negotiate page"]),
])
def test_the_pdf_reads_right_to_a_lender(tmp_path, lang, expected, absent):
    rep = plan_of({"借呗": ACCEPTED, "京东金条": REFUSED})
    text = poppler(build_pdf(list(rep.debts), rep.budget, lang=lang, today=TODAY, answers=rep.answers), tmp_path)
    flat = "".join(text.split())                 # a line break may fall anywhere in a phrase
    missing = [s for s in expected if "".join(s.split()) not in flat]
    assert not missing, missing
    assert not [s for s in absent if "".join(s.split()) in flat]
