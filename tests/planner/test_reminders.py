"""The .ics export: parses back with icalendar and matches the schedule; UIDs are stable across re-plans."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar

from planner import Debt, read_debts_csv
from planner.agreements import Agreement
from planner.cli import main
from planner.month import payment_schedule, this_month
from planner.reminders import Deadline, build_ics, payment_uid

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_debts.csv"
STAMP = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def _events(ics: bytes):
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def test_events_parse_back_and_match_the_schedule():
    debts = read_debts_csv(SAMPLE).debts
    pays = payment_schedule(debts, 6000, "avalanche", today=date(2026, 12, 1))
    events = _events(build_ics(pays, stamp=STAMP, alarm_days=2))
    assert len(events) == len(pays) > 0
    for ev, p in zip(events, pays):
        assert ev.decoded("dtstart") == p.due_date
        assert f"{p.amount_cents / 100:,.2f}" in str(ev["summary"]) and p.name in str(ev["summary"])
        desc = str(ev["description"])
        assert p.name in desc and p.channel in desc
        alarm = ev.walk("VALARM")[0]
        assert alarm.decoded("trigger") == timedelta(days=-2)
        assert str(ev["uid"]) == payment_uid(p.name, p.due_date)
    # month 1 of the calendar is this month's list
    month = this_month(debts, 6000, "avalanche", today=date(2026, 12, 1))
    first = {p.name: p.amount_cents for p in pays if p.month == 1}
    assert first == {i.name: i.amount_cents for i in month.items if i.amount_cents}
    # every month's total stays within the budget, and the schedule clears the debts
    totals = {}
    for p in pays:
        totals[p.month] = totals.get(p.month, 0) + p.amount_cents
    assert max(totals.values()) <= 600000


def test_reexport_after_replanning_keeps_uids_and_raises_sequence():
    debts = [Debt("借呗", balance=3000, annual_rate=12, min_payment=500, due_day=10, official_channel="App")]
    old = _events(build_ics(payment_schedule(debts, 500, today=date(2026, 12, 1)), stamp=STAMP))
    agreed = {"借呗": Agreement("借呗", monthly=300, rate_pct=0)}
    new = _events(build_ics(payment_schedule(debts, 500, "minimum", today=date(2026, 12, 1), agreements=agreed),
                            stamp=STAMP + timedelta(days=3)))
    common = {str(e["uid"]) for e in old} & {str(e["uid"]) for e in new}
    assert len(common) == len(old)                      # same lender + month → same UID → replaced on import
    assert all(int(e["sequence"]) > int(old[0]["sequence"]) for e in new)
    assert "300.00" in str(new[0]["summary"]) and "协议" in str(new[0]["description"])


def test_deadlines_and_user_text_are_data():
    debts = [Debt("A\r\nBEGIN:VEVENT", balance=100, annual_rate=0, min_payment=100)]
    ics = build_ics(payment_schedule(debts, 100, today=date(2026, 12, 1)),
                    [Deadline("A", "followup_letter", date(2026, 12, 20), "寄出跟进信", "贵司未答复")],
                    stamp=STAMP, lang="en")
    events = _events(ics)
    assert len(events) == 2 and ics.splitlines().count(b"BEGIN:VEVENT") == 2
    assert events[1].decoded("dtstart") == date(2026, 12, 20)
    assert "Pay ¥100.00 to A BEGIN:VEVENT" == str(events[0]["summary"])


def test_private_lender_is_not_told_to_avoid_personal_accounts():
    debts = [Debt("表哥", kind="private_loan", balance=100, annual_rate=0, min_payment=100),
             Debt("网贷", kind="online_loan", balance=100, annual_rate=0, min_payment=100)]
    events = _events(build_ics(payment_schedule(debts, 200, today=date(2026, 12, 1)), stamp=STAMP))
    assert "个人账户" not in str(events[0]["description"]) and "个人账户" in str(events[1]["description"])


def test_cli_calendar_writes_the_file(capsys, tmp_path):
    out = tmp_path / "plan.ics"
    code = main(["calendar", str(SAMPLE), "--budget", "6000", "--date", "2026-12-01", "--out", str(out),
                 "--lang", "en"])
    assert code == 0 and "payment reminders" in capsys.readouterr().out
    events = _events(out.read_bytes())
    assert events and min(e.decoded("dtstart") for e in events) >= date(2026, 12, 1)
    code = main(["calendar", str(SAMPLE), "--budget", "abc", "--out", str(out)])
    assert code == 1
