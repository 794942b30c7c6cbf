"""Reminders as a calendar: the plan's payments and the follow-up deadlines as an ``.ics`` file (RFC 5545).

Phones' calendars import the file; there is no server and no account. Each payment is an all-day event on
its due date (summary: amount and lender; description: amount, lender, channel), each follow-up deadline an
all-day event on its date, and every event has an alarm ``alarm_days`` days before (09:00 the day before
counts as one day: the trigger is relative to the start of the all-day event).

**Stable UIDs**: a payment's UID is derived from the lender and the calendar month, a deadline's from the
lender and the step, never from the amounts, so exporting again after re-planning gives the same events
the same UIDs and a calendar that imports the new file *replaces* them (``SEQUENCE`` grows with the export
time, which some calendars require before they accept a change). Events of months that a new plan no
longer has (a debt paid off sooner) are not removed by an import: delete them by hand, or delete the
imported calendar and import again.

>>> from datetime import date, datetime, UTC
>>> from planner import Debt
>>> from planner.month import payment_schedule
>>> pays = payment_schedule([Debt("借呗", balance=200, annual_rate=0, min_payment=100, due_day=5)], 100,
...                         today=date(2026, 12, 1))
>>> ics = build_ics(pays, stamp=datetime(2026, 12, 1, tzinfo=UTC))
>>> from icalendar import Calendar
>>> [str(e["SUMMARY"]) for e in Calendar.from_ical(ics).walk("VEVENT")]
['还款 ¥100.00 · 借呗', '还款 ¥100.00 · 借呗']
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from .i18n import format_money, normalize_lang, register, t
from .models import DebtKind, name_key
from .month import PlannedPayment

DEFAULT_ALARM_DAYS = 3
UID_DOMAIN = "debt-planner.local"
_SEQUENCE_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)

register({
    "ics.name": {"zh": "还款计划", "en": "Repayment plan"},
    "ics.pay.summary": {"zh": "还款 {amount} · {lender}", "en": "Pay {amount} to {lender}"},
    "ics.pay.description": {"zh": "金额：{amount}\n对象：{lender}\n渠道：{channel}{agreed}{official}",
                            "en": "Amount: {amount}\nLender: {lender}\nChannel: {channel}{agreed}{official}"},
    "ics.pay.official": {"zh": "\n（只通过官方渠道还款，不要转账给个人账户或催收人员。）",
                         "en": "\n(Pay only through the official channel, never to a personal account or a collector.)"},
    "ics.pay.agreed": {"zh": "\n按已达成的协议还款", "en": "\nAs agreed with the lender"},
    "ics.no_channel": {"zh": "（未填写，请用合同或App上的官方渠道）", "en": "(not given: use the official channel in the contract or app)"},
    "ics.alarm": {"zh": "{days}天后：{summary}", "en": "In {days} days: {summary}"},
})


@dataclass(frozen=True, slots=True)
class Deadline:
    """A dated reminder that is not a payment (a follow-up step): ``key`` makes its UID stable."""

    lender: str
    key: str
    day: date
    summary: str
    description: str = ""


def _uid(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@{UID_DOMAIN}"


def payment_uid(lender: str, day: date) -> str:
    """The UID of a lender's payment in a calendar month (stable across re-plans)."""
    return _uid("pay", name_key(lender), f"{day.year:04d}-{day.month:02d}")


def deadline_uid(lender: str, key: str) -> str:
    return _uid("deadline", name_key(lender), key)


def _event(uid: str, day: date, summary: str, description: str, stamp: datetime, alarm_days: int,
           lang: str) -> Event:
    ev = Event()
    ev.add("uid", uid)
    ev.add("dtstamp", stamp)
    ev.add("sequence", max(0, int((stamp - _SEQUENCE_EPOCH).total_seconds() // 60)))
    ev.add("dtstart", day)
    ev.add("dtend", day + timedelta(days=1))
    ev.add("summary", summary)
    ev.add("description", description)
    ev.add("transp", "TRANSPARENT")
    if alarm_days > 0:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(days=-alarm_days))
        alarm.add("description", t("ics.alarm", lang, days=alarm_days, summary=summary))
        ev.add_component(alarm)
    return ev


def _clean(text: str) -> str:
    """User text in a calendar property: one line, no control characters (icalendar escapes the rest)."""
    from .escape import terminal
    return " ".join(terminal(text).split())


def build_ics(payments: Iterable[PlannedPayment], deadlines: Iterable[Deadline] = (), *, lang: str = "zh",
              alarm_days: int = DEFAULT_ALARM_DAYS, stamp: datetime) -> bytes:
    """The calendar file's bytes. ``stamp`` is the export time (passed in: no clock in the planner)."""
    lang = normalize_lang(lang)
    stamp = stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", "-//debt-planner//repayment plan//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", t("ics.name", lang))
    for p in payments:
        lender = _clean(p.name)
        amount = format_money(p.amount_cents / 100, lang)
        summary = t("ics.pay.summary", lang, amount=amount, lender=lender)
        description = t("ics.pay.description", lang, amount=amount, lender=lender,
                        channel=_clean(p.channel) or t("ics.no_channel", lang),
                        agreed=t("ics.pay.agreed", lang) if p.agreed else "",
                        official="" if p.kind == DebtKind.PRIVATE_LOAN else t("ics.pay.official", lang))
        cal.add_component(_event(payment_uid(p.name, p.due_date), p.due_date, summary, description, stamp,
                                 alarm_days, lang))
    for d in deadlines:
        cal.add_component(_event(deadline_uid(d.lender, d.key), d.day, _clean(d.summary), d.description, stamp,
                                 alarm_days, lang))
    return cal.to_ical()


__all__ = ["DEFAULT_ALARM_DAYS", "Deadline", "build_ics", "deadline_uid", "payment_uid"]
