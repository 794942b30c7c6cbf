"""The follow-up ladder: dated steps per lender, settings, regulator per kind, calendar deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from planner import Debt
from planner.followups import (DEFAULT_ANSWER_DAYS, answer_days, deadlines, ladder, mark_done, next_step,
                               next_steps, step_text)

PLATFORM = Debt("借呗", kind="online_loan", balance=100, annual_rate=0, min_payment=10, official_channel="支付宝App")
CARD = Debt("招行卡", kind="credit_card", balance=100, annual_rate=0, min_payment=10)
COUSIN = Debt("表哥", kind="private_loan", balance=100, annual_rate=0, min_payment=0)


def test_the_ladder_walks_step_by_step_with_n_days_between():
    state = {"applied": "2026-12-01"}
    s = next_step(PLATFORM, state, status="proposed", today=date(2026, 12, 10), days=15)
    assert (s.key, s.due, s.overdue, s.letter) == ("followup_letter", date(2026, 12, 16), False, "no_reply")
    state = mark_done({"lenders": {"借呗": state}}, "借呗", "followup_letter", date(2026, 12, 18))["lenders"]["借呗"]
    s = next_step(PLATFORM, state, status="no_answer", today=date(2027, 1, 10), days=15)
    assert (s.key, s.due, s.overdue) == ("complaint", date(2027, 1, 2), True)
    state["done"]["complaint"] = "2027-01-03"
    assert next_step(PLATFORM, state, status="no_answer", today=date(2027, 1, 10), days=15).key == "regulator"
    state["done"]["regulator"] = "2027-01-20"
    s = next_step(PLATFORM, state, status="no_answer", today=date(2027, 1, 21), days=15)
    assert (s.key, s.due) == ("mediation", date(2027, 2, 4))


def test_refusal_accepted_and_not_yet_applied():
    s = next_step(CARD, {"applied": "2026-12-01"}, status="refused", today=date(2026, 12, 20),
                  answered_on=date(2026, 12, 15))
    assert (s.key, s.due, s.letter) == ("reconsider", date(2026, 12, 15), "reconsider")
    assert next_step(CARD, {"applied": "2026-12-01"}, status="accepted", today=date(2026, 12, 20)).key == \
        "keep_agreement"
    assert next_step(CARD, {}, status="proposed", today=date(2026, 12, 20)).key == "apply"


def test_private_lender_has_no_complaint_channel_or_regulator():
    assert ladder(COUSIN, "no_answer") == ("followup_letter", "mediation")
    assert "complaint" in ladder(CARD, "no_answer") and "regulator" in ladder(CARD, "refused")


@pytest.mark.parametrize("debt, want, not_want", [
    (CARD, "12378", "地方金融管理局"), (PLATFORM, "地方金融管理局", None)])
def test_regulator_by_kind(debt, want, not_want):
    text = step_text("regulator", debt, "zh")
    assert want in text and (not_want is None or not_want not in text)
    assert "人民调解" in step_text("mediation", COUSIN, "zh")
    assert "支付宝App" in step_text("complaint", PLATFORM, "zh")


def test_answer_days_setting_is_clamped_and_labelled():
    from planner import t
    assert answer_days({}) == DEFAULT_ANSWER_DAYS and answer_days({"answer_days": "x"}) == DEFAULT_ANSWER_DAYS
    assert answer_days({"answer_days": 0}) == 1 and answer_days({"answer_days": 999}) == 120
    assert "不是法定期限" in t("fu.answer_days.label", "zh") and "not a legal deadline" in t("fu.answer_days.label", "en")


def test_next_steps_from_workspace_sections_and_calendar_deadlines():
    followups = {"answer_days": 10, "lenders": {"借 呗": {"applied": "2026-12-01"}, "招行卡": {"applied": "2026-12-01"}}}
    answers = {"招行卡": {"status": "refused", "date": "2026-12-05"}, "表哥": {"status": "accepted", "monthly": "100"}}
    steps = next_steps([PLATFORM, CARD, COUSIN], followups, answers, today=date(2026, 12, 8))
    assert {k: (s.key, s.due) for k, s in steps.items()} == {
        "借呗": ("followup_letter", date(2026, 12, 11)), "招行卡": ("reconsider", date(2026, 12, 5)),
        "表哥": ("keep_agreement", date(2026, 12, 8))}
    dl = deadlines(steps, [PLATFORM, CARD, COUSIN], "en")
    assert [(d.lender, d.key, d.day) for d in dl] == [("借呗", "followup_letter", date(2026, 12, 11)),
                                                     ("招行卡", "reconsider", date(2026, 12, 5))]
    assert dl[0].summary.startswith("借呗 · ")


def test_a_recorded_proposal_dates_the_application():
    steps = next_steps([PLATFORM], {}, {"借呗": {"status": "proposed", "date": "2026-12-02"}}, today=date(2026, 12, 30))
    assert (steps["借呗"].key, steps["借呗"].due, steps["借呗"].overdue) == ("followup_letter", date(2026, 12, 17), True)
