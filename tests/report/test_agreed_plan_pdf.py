"""The PDF shows the agreed plan when it is given the plan inputs (planner.plan_inputs)."""

from __future__ import annotations

from datetime import date
from planner import Debt, build_pdf
from planner.plan_inputs import plan_inputs
from tests.report.helpers import pdf_text


def test_pdf_schedule_uses_the_agreed_instalment():
    debts = [Debt("借呗", kind="online_loan", balance=12000, annual_rate=14.6, min_payment=1120),
             Debt("花呗", kind="online_loan", balance=3000, annual_rate=18, min_payment=300)]
    p = plan_inputs(debts, 2000, negotiation={"answers": {"借呗": {"status": "accepted", "monthly": "333.33",
                                                                  "rate": "0"}}})
    text = pdf_text(build_pdf(list(p.debts), p.budget, lang="en", today=date(2026, 12, 1)))
    assert "333.33" in text
    plain = pdf_text(build_pdf(debts, 2000, lang="en", today=date(2026, 12, 1)))
    assert "333.33" not in plain
