"""Reminders as a calendar: the plan's payments and the follow-up deadlines as an ``.ics`` file (RFC 5545).

Phones' calendars import the file; there is no server and no account. Each payment is an all-day event on
its due date (summary: amount and lender; description: amount, lender, channel), each follow-up deadline an
all-day event on its date, and every event has an alarm ``alarm_days`` days before (09:00 the day before
counts as one day: the trigger is relative to the start of the all-day event).

**Stable UIDs**: a payment's UID is derived from the lender and the calendar month, a deadline's from the
lender and the step, never from the amounts, so exporting again after re-planning gives the same events
the same UIDs and a calendar that imports the new file *replaces* them.

**What was exported last** (:func:`plan_export` with ``previous``): the dashboard remembers, in the workspace
(``settings["calendar"]``, see :func:`calendar_record`), each exported UID with its ``SEQUENCE``, ``DTSTAMP``,
date, summary and a digest of its content. On the next export

* an unchanged event keeps its ``SEQUENCE`` and ``DTSTAMP`` (exporting twice gives the same file);
* a changed event (amount, date, text, alarm) gets a higher ``SEQUENCE`` and a new ``DTSTAMP``;
* an event of the last export that the plan no longer has (a debt paid off sooner, a lender that agreed
  other terms, a follow-up step done) is included as ``STATUS:CANCELLED`` with a higher ``SEQUENCE`` and a
  summary that says it is cancelled, so the phone removes or strikes it. Events dated before the plan's
  first month (``since``) are history: they are neither cancelled nor remembered.

A new ``SEQUENCE`` is at least the number of minutes since 2026-01-01 at the export time, so it also grows
across exports that remember nothing.

**Without a workspace** (``python -m planner calendar``, or ``previous=None``) nothing is remembered: every
event gets the time-based ``SEQUENCE`` (a re-import replaces events with the same UID), but events that a
new plan no longer has cannot be cancelled — delete them by hand, or delete the imported calendar and
import the new file.

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from .i18n import format_money, normalize_lang, register, t
from .models import DebtKind, name_key
from .month import PlannedPayment

DEFAULT_ALARM_DAYS = 3
UID_DOMAIN = "debt-planner.local"
_SEQUENCE_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
RECORD_KEY = "calendar"           # settings["calendar"]: what the last export held

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
    "ics.cancelled.summary": {"zh": "已取消：{summary}", "en": "Cancelled: {summary}"},
    "ics.cancelled": {"zh": "已取消的提醒", "en": "Cancelled reminder"},
    "ics.cancelled.description": {"zh": "新的还款计划里已没有这一项（已还清、已按协议调整或这一步已完成）。",
                                  "en": "The new repayment plan no longer has this (paid off, changed by an agreement, "
                                        "or the step is done)."},
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


def _minutes(stamp: datetime) -> int:
    return max(0, int((stamp - _SEQUENCE_EPOCH).total_seconds() // 60))


def _stamp_text(stamp: datetime) -> str:
    return stamp.strftime("%Y%m%dT%H%M%SZ")


def _parse_stamp(text: object) -> datetime | None:
    try:
        return datetime.strptime(str(text), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def _parse_day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One VEVENT as it goes into the file (``cancelled``: ``STATUS:CANCELLED``, no alarm)."""

    uid: str
    day: date
    summary: str
    description: str
    sequence: int
    stamp: datetime
    cancelled: bool = False
    digest: str = ""
    original_summary: str = ""       # a cancelled event: the summary it had when it was exported


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def calendar_record(settings: Mapping[str, object] | None) -> dict[str, dict[str, object]]:
    """What the last export held, from the workspace's ``settings`` section (``settings["calendar"]``):
    ``{uid: {"seq", "stamp", "day", "summary", "digest", "cancelled"}}``; anything unreadable is left out
    (the export then treats that event as new, which only raises its SEQUENCE)."""
    section = settings.get(RECORD_KEY) if isinstance(settings, Mapping) else None
    events = section.get("events") if isinstance(section, Mapping) else None
    out: dict[str, dict[str, object]] = {}
    for uid, rec in (events.items() if isinstance(events, Mapping) else ()):
        if not isinstance(rec, Mapping):
            continue
        seq, stamp, day = rec.get("seq"), _parse_stamp(rec.get("stamp")), _parse_day(rec.get("day"))
        if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0 or stamp is None or day is None:
            continue
        out[str(uid)] = {"seq": seq, "stamp": rec.get("stamp"), "day": rec.get("day"),
                         "summary": str(rec.get("summary") or ""), "digest": str(rec.get("digest") or ""),
                         "cancelled": rec.get("cancelled") is True}
    return out


def with_calendar_record(settings: Mapping[str, object] | None, record: Mapping[str, object]) -> dict[str, object]:
    """A copy of the ``settings`` section that remembers ``record`` (:attr:`CalendarExport.record`)."""
    out = dict(settings or {})
    out[RECORD_KEY] = {"events": {uid: dict(rec) for uid, rec in record.items()}}
    return out


@dataclass(frozen=True)
class CalendarExport:
    """An export worked out but not yet serialised: the events, what to remember, and how many changed.

    :meth:`to_ics` gives the file's bytes; :attr:`record` is what the workspace should remember once the
    person downloads it. Exporting the same plan again with ``previous=record`` gives the same file."""

    events: tuple[CalendarEvent, ...]
    lang: str
    alarm_days: int
    record: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    added: int = 0
    changed: int = 0
    cancelled: int = 0

    def to_ics(self) -> bytes:
        cal = Calendar()
        cal.add("prodid", "-//debt-planner//repayment plan//ZH")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add("x-wr-calname", t("ics.name", self.lang))
        for e in self.events:
            cal.add_component(_event(e, self.alarm_days, self.lang))
        return cal.to_ical()


def _event(e: CalendarEvent, alarm_days: int, lang: str) -> Event:
    ev = Event()
    ev.add("uid", e.uid)
    ev.add("dtstamp", e.stamp)
    ev.add("sequence", e.sequence)
    ev.add("dtstart", e.day)
    ev.add("dtend", e.day + timedelta(days=1))
    ev.add("summary", e.summary)
    if e.description:
        ev.add("description", e.description)
    ev.add("status", "CANCELLED" if e.cancelled else "CONFIRMED")
    ev.add("transp", "TRANSPARENT")
    if alarm_days > 0 and not e.cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(days=-alarm_days))
        alarm.add("description", t("ics.alarm", lang, days=alarm_days, summary=e.summary))
        ev.add_component(alarm)
    return ev


def _clean(text: str) -> str:
    """User text in a calendar property: one line, no control characters (icalendar escapes the rest)."""
    from .escape import terminal
    return " ".join(terminal(text).split())


def _wanted(payments: Iterable[PlannedPayment], deadlines: Iterable[Deadline], lang: str
            ) -> list[tuple[str, date, str, str]]:
    out = []
    for p in payments:
        lender = _clean(p.name)
        amount = format_money(p.amount_cents / 100, lang)
        summary = t("ics.pay.summary", lang, amount=amount, lender=lender)
        description = t("ics.pay.description", lang, amount=amount, lender=lender,
                        channel=_clean(p.channel) or t("ics.no_channel", lang),
                        agreed=t("ics.pay.agreed", lang) if p.agreed else "",
                        official="" if p.kind == DebtKind.PRIVATE_LOAN else t("ics.pay.official", lang))
        out.append((payment_uid(p.name, p.due_date), p.due_date, summary, description))
    for d in deadlines:
        out.append((deadline_uid(d.lender, d.key), d.day, _clean(d.summary), d.description))
    return out


def plan_export(payments: Iterable[PlannedPayment], deadlines: Iterable[Deadline] = (), *, lang: str = "zh",
                alarm_days: int = DEFAULT_ALARM_DAYS, stamp: datetime,
                previous: Mapping[str, Mapping[str, object]] | None = None, since: date | None = None
                ) -> CalendarExport:
    """The export of these payments and deadlines, against what was exported last.

    ``stamp`` is the export time (passed in: no clock in the planner). ``previous``: the last export's
    :attr:`CalendarExport.record` (:func:`calendar_record`), or ``None`` when nothing is remembered (the
    CLI): then no event can be cancelled. ``since``: the first day of the plan (events of the last export
    dated before it are history, left alone and forgotten).
    """
    lang = normalize_lang(lang)
    alarm_days = max(0, int(alarm_days))
    stamp = stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    stamp = stamp.replace(microsecond=0)
    now_seq = _minutes(stamp)
    prev = dict(previous or {})
    events: list[CalendarEvent] = []
    added = changed = cancelled = 0

    def versioned(uid: str, digest: str) -> tuple[int, datetime, str]:
        """(SEQUENCE, DTSTAMP, "new" | "same" | "changed") of an event: kept when its content is the one
        exported last, otherwise a higher SEQUENCE and this export's DTSTAMP."""
        old = prev.get(uid)
        if old is None:
            return now_seq, stamp, "new"
        old_stamp = _parse_stamp(old.get("stamp"))
        if old.get("digest") == digest and old_stamp is not None:
            return int(old["seq"]), old_stamp, "same"
        return max(int(old["seq"]) + 1, now_seq), stamp, "changed"

    seen: set[str] = set()
    for uid, day, summary, description in _wanted(payments, deadlines, lang):
        if uid in seen:                                  # one event per UID (never two with the same UID)
            continue
        seen.add(uid)
        digest = _digest("event", day.isoformat(), summary, description, alarm_days, lang)
        seq, when, how = versioned(uid, digest)
        added += how == "new"
        changed += how == "changed"
        events.append(CalendarEvent(uid, day, summary, description, seq, when, False, digest, summary))
    if previous is not None:
        for uid, old in sorted(prev.items(), key=lambda kv: (str(kv[1].get("day")), kv[0])):
            day = _parse_day(old.get("day"))
            if uid in seen or day is None or (since is not None and day < since):
                continue
            original = str(old.get("summary") or "")
            summary = t("ics.cancelled.summary", lang, summary=original) if original else t("ics.cancelled", lang)
            digest = _digest("cancelled", day.isoformat(), summary)
            seq, when, how = versioned(uid, digest)
            cancelled += how == "changed"
            events.append(CalendarEvent(uid, day, summary, t("ics.cancelled.description", lang), seq, when, True,
                                        digest, original))
    record = {e.uid: {"seq": e.sequence, "stamp": _stamp_text(e.stamp), "day": e.day.isoformat(),
                      "summary": e.original_summary, "digest": e.digest, "cancelled": e.cancelled}
              for e in events}
    return CalendarExport(tuple(events), lang, alarm_days, record, added, changed, cancelled)


def build_ics(payments: Iterable[PlannedPayment], deadlines: Iterable[Deadline] = (), *, lang: str = "zh",
              alarm_days: int = DEFAULT_ALARM_DAYS, stamp: datetime,
              previous: Mapping[str, Mapping[str, object]] | None = None, since: date | None = None) -> bytes:
    """The calendar file's bytes (:func:`plan_export` serialised)."""
    return plan_export(payments, deadlines, lang=lang, alarm_days=alarm_days, stamp=stamp, previous=previous,
                       since=since).to_ics()


__all__ = ["DEFAULT_ALARM_DAYS", "RECORD_KEY", "CalendarEvent", "CalendarExport", "Deadline", "build_ics",
           "calendar_record", "deadline_uid", "payment_uid", "plan_export", "with_calendar_record"]
