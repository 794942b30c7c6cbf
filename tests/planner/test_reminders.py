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


# --------------------------------------------------------------------------- re-export: cancel what is gone

from planner.reminders import calendar_record, plan_export, with_calendar_record  # noqa: E402

TODAY = date(2026, 12, 1)


def _two_debts(balance_b: float):
    return [Debt("借呗", balance=1500, annual_rate=0, min_payment=500, due_day=10, official_channel="App"),
            Debt("金条", balance=balance_b, annual_rate=0, min_payment=300, due_day=15)]


def _by_uid(ics: bytes):
    events = _events(ics)
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids))                 # never two VEVENTs with one UID
    for e in events:                                   # what RFC 5545 asks of every VEVENT
        assert e.get("uid") and e.get("dtstamp") and e.get("dtstart") and e.get("sequence") is not None
    return {str(e["uid"]): e for e in events}


def test_reexport_cancels_events_that_the_new_plan_no_longer_has():
    first = plan_export(payment_schedule(_two_debts(1500), 800, "minimum", today=TODAY), stamp=STAMP,
                        previous={}, since=TODAY, lang="zh")
    old = _by_uid(first.to_ics())
    assert first.added == len(old) == 8 and first.cancelled == 0          # 3 + 5 monthly payments
    # re-plan: 金条 now owes 600 (two payments, not five), 借呗 unchanged
    later = STAMP + timedelta(days=2)
    second = plan_export(payment_schedule(_two_debts(600), 800, "minimum", today=TODAY), stamp=later,
                         previous=calendar_record(with_calendar_record({}, first.record)), since=TODAY)
    new = _by_uid(second.to_ics())
    assert set(new) == set(old)                         # the gone months are still in the file, cancelled
    gone = [payment_uid("金条", date(2027, m, 15)) for m in (2, 3, 4)]
    for uid in gone:
        ev = new[uid]
        assert str(ev["status"]) == "CANCELLED" and str(ev["summary"]).startswith("已取消：还款 ¥300.00 · 金条")
        assert int(ev["sequence"]) > int(old[uid]["sequence"]) and ev.decoded("dtstamp") > old[uid].decoded("dtstamp")
        assert not ev.walk("VALARM")                     # no reminder for a cancelled payment
    for uid in (payment_uid("借呗", date(2026, 12, 10)), payment_uid("金条", date(2026, 12, 15))):
        assert str(new[uid]["status"]) == "CONFIRMED"    # unchanged: same SEQUENCE and DTSTAMP
        assert int(new[uid]["sequence"]) == int(old[uid]["sequence"])
        assert new[uid].decoded("dtstamp") == old[uid].decoded("dtstamp")
    assert second.cancelled == 3 and second.changed == 0 and second.added == 0
    assert len(_events(second.to_ics())) == 8


def test_a_changed_event_gets_a_higher_sequence_and_dtstamp_and_english_cancel_text():
    debts = _two_debts(1500)
    first = plan_export(payment_schedule(debts, 800, "minimum", today=TODAY), stamp=STAMP, previous={}, lang="en")
    agreed = {"金条": Agreement("金条", monthly=750)}
    second = plan_export(payment_schedule(debts, 1250, "minimum", today=TODAY, agreements=agreed),
                         stamp=STAMP + timedelta(hours=1), previous=first.record, since=TODAY, lang="en")
    old, new = _by_uid(first.to_ics()), _by_uid(second.to_ics())
    uid = payment_uid("金条", date(2026, 12, 15))
    assert "750.00" in str(new[uid]["summary"]) and str(new[uid]["status"]) == "CONFIRMED"
    assert int(new[uid]["sequence"]) > int(old[uid]["sequence"])
    assert new[uid].decoded("dtstamp") > old[uid].decoded("dtstamp")
    cancelled = [e for e in new.values() if str(e["status"]) == "CANCELLED"]
    assert len(cancelled) == 3 and all(str(e["summary"]).startswith("Cancelled: Pay ¥300.00 to 金条") for e in cancelled)
    assert second.changed == 2 and second.cancelled == 3


def test_exporting_the_same_plan_again_gives_the_same_file():
    pays = payment_schedule(_two_debts(1500), 800, "minimum", today=TODAY)
    first = plan_export(pays, stamp=STAMP, previous={})
    shorter = plan_export(pays[:4], stamp=STAMP + timedelta(days=1), previous=first.record, since=TODAY)
    again = plan_export(pays[:4], stamp=STAMP + timedelta(days=9), previous=shorter.record, since=TODAY)
    assert again.to_ics() == shorter.to_ics() and again.record == shorter.record
    assert again.cancelled == again.changed == again.added == 0


def test_past_events_are_history_not_cancelled():
    pays = payment_schedule(_two_debts(1500), 800, "minimum", today=TODAY)
    first = plan_export(pays, stamp=STAMP, previous={})
    # two months later the plan starts in February: December and January are history
    feb = date(2027, 2, 1)
    later = plan_export([p for p in pays if p.due_date >= feb], stamp=STAMP + timedelta(days=62),
                        previous=first.record, since=feb)
    events = _by_uid(later.to_ics())
    assert all(str(e["status"]) == "CONFIRMED" for e in events.values()) and later.cancelled == 0
    assert all(date.fromisoformat(r["day"]) >= feb for r in later.record.values())


def test_an_unreadable_record_is_ignored_and_the_cli_cannot_cancel():
    settings = {"calendar": {"events": {"x@y": {"seq": "abc"}, "z@y": "junk",
                                        "ok@y": {"seq": 3, "stamp": "20261201T080000Z", "day": "2026-12-20",
                                                 "summary": "还款 · A", "digest": "d"}}}}
    assert list(calendar_record(settings)) == ["ok@y"] and calendar_record({"calendar": 5}) == {}
    ics = plan_export([], stamp=STAMP, previous=calendar_record(settings), since=TODAY).to_ics()
    assert str(_events(ics)[0]["status"]) == "CANCELLED" and int(_events(ics)[0]["sequence"]) > 3
    assert _events(build_ics([], stamp=STAMP)) == []                     # previous=None: nothing to cancel
