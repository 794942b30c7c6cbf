"""Consent and retention (个人信息保护法: a stated purpose, consent, retention no longer than necessary).

Per client: what they consented to (the purpose text shown to them, stored verbatim), the date, the
counsellor who recorded it, and the date of withdrawal.  Retention: a file whose last activity (its
last change) is more than ``PLANNER_RETENTION_MONTHS`` months ago, or whose consent was withdrawn, is
*due*; the admin sees the report, and with ``PLANNER_RETENTION_DELETE=yes`` ``retention --apply``
deletes due files with the repository's proven delete (rows, evidence copies, compaction).

>>> add_months(date(2025, 1, 31), 1)
datetime.date(2025, 2, 28)
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..i18n import register
from .db import reading
from .errors import InvalidInputValue, NotFound
from .schema import CLIENTS, CONSENTS

PURPOSE_MAX = 4000

register({
    "store.err.bad_purpose": {"zh": "同意的用途说明不能为空，且最多 {limit} 个字",
                              "en": "the purpose consented to must not be empty and has at most {limit} characters"},
    "store.what.consent": {"zh": "同意记录", "en": "Consent record"},
    "store.retention.expired": {"zh": "超过保存期限", "en": "retention period over"},
    "store.retention.withdrawn": {"zh": "已撤回同意", "en": "consent withdrawn"},
})


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class Consent:
    id: int
    client_id: int
    purpose: str
    consented_on: date
    counsellor: str
    withdrawn_on: date | None
    created_at: datetime

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


@dataclass(frozen=True, slots=True)
class RetentionItem:
    """A file due for deletion: why (``expired`` / ``withdrawn``) and since when; no client data but its pseudonym."""

    client_id: int
    pseudonym: str
    last_activity: datetime
    reason: str
    due_since: date


class Consents:
    """Consent records of clients (deleted with the client)."""

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = _utcnow):
        self.engine, self.clock = engine, clock

    def record(self, client_id: int, purpose: str, consented_on: date, counsellor: str) -> Consent:
        text = str(purpose).strip()
        if not text or len(text) > PURPOSE_MAX:
            raise InvalidInputValue("store.err.bad_purpose", limit=PURPOSE_MAX)
        with self.engine.begin() as conn:
            if conn.execute(sa.select(CLIENTS.c.id).where(CLIENTS.c.id == client_id)).first() is None:
                raise NotFound(what="client", id=client_id)
            new_id = conn.execute(CONSENTS.insert().values(
                client_id=client_id, purpose=text, consented_on=consented_on, counsellor=str(counsellor),
                created_at=self.clock()).returning(CONSENTS.c.id)).scalar_one()
        return self.get(new_id)

    def get(self, consent_id: int) -> Consent:
        with reading(self.engine) as conn:
            row = conn.execute(sa.select(CONSENTS).where(CONSENTS.c.id == consent_id)).first()
        if row is None:
            raise NotFound(what="consent", id=consent_id)
        return Consent(**row._mapping)

    def withdraw(self, consent_id: int, on: date) -> Consent:
        """Record the withdrawal date (the first one counts; withdrawing again changes nothing)."""
        with self.engine.begin() as conn:
            conn.execute(CONSENTS.update().where(CONSENTS.c.id == consent_id)
                                .where(CONSENTS.c.withdrawn_on.is_(None)).values(withdrawn_on=on))
        return self.get(consent_id)

    def of_client(self, client_id: int) -> list[Consent]:
        with reading(self.engine) as conn:
            rows = conn.execute(sa.select(CONSENTS).where(CONSENTS.c.client_id == client_id)
                                .order_by(CONSENTS.c.consented_on, CONSENTS.c.id))
            return [Consent(**r._mapping) for r in rows]

    def due(self, months: int, today: date) -> list[RetentionItem]:
        """Files due for deletion: last activity more than ``months`` ago (``months`` ≤ 0: never), or every
        consent withdrawn.  Oldest first."""
        with reading(self.engine) as conn:
            clients = conn.execute(sa.select(CLIENTS.c.id, CLIENTS.c.pseudonym, CLIENTS.c.updated_at)).all()
            consents = conn.execute(sa.select(CONSENTS.c.client_id, CONSENTS.c.withdrawn_on,
                                              CONSENTS.c.created_at)).all()
        by_client: dict[int, list] = {}
        for c in consents:
            by_client.setdefault(c.client_id, []).append(c)
        items: list[RetentionItem] = []
        for cid, pseudonym, updated in clients:
            records = by_client.get(cid, [])
            last = max([updated, *(c.created_at for c in records)])
            withdrawn = [c.withdrawn_on for c in records]
            if records and all(w is not None for w in withdrawn):
                items.append(RetentionItem(cid, pseudonym or "", last, "withdrawn", max(withdrawn)))
            elif months > 0 and add_months(last.date(), months) <= today:
                items.append(RetentionItem(cid, pseudonym or "", last, "expired", add_months(last.date(), months)))
        return sorted(items, key=lambda i: (i.due_since, i.client_id))
