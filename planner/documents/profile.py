"""One borrower profile: entered once, used by every letter, script and family message.

Stored in the workspace section ``profile`` as :meth:`BorrowerProfile.to_record` (plain JSON types) and
read back with :meth:`BorrowerProfile.from_record`, which never raises: a bad value is dropped and
reported by :func:`profile_issues` (field, value, reason) so the page can show it and keep the rest.

>>> p = BorrowerProfile(name="张三", lenders={"借呗": LenderDetails(account_id="2027-001")},
...                     family=(FamilyContact("妈妈"), FamilyContact("表哥", guarantor=True)))
>>> BorrowerProfile.from_record(p.to_record()) == p
True
>>> p.lender("借呗").account_id, p.lender("微粒贷").account_id
('2027-001', '')
>>> [c.name for c in p.message_recipients()]
['妈妈']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..models import MAX_TEXT_LEN

__all__ = ["HARDSHIPS", "BorrowerProfile", "FamilyContact", "LenderDetails", "profile_issues"]

HARDSHIPS = ("job_loss", "illness", "business_failure", "reduced_income", "other")
SHORT_TEXT = 200


def _text(value: object, limit: int = SHORT_TEXT) -> str:
    return str(value).strip()[:limit] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class LenderDetails:
    """What the letters need about one lender beyond the debt table (all optional).

    ``account_id``: card last four digits or contract / loan number; ``legal_entity``: the company or bank
    named in the contract (e.g. 重庆蚂蚁消费金融有限公司); ``loan_date`` and ``relationship`` (表哥, a friend …)
    for a private lender.
    """

    account_id: str = ""
    legal_entity: str = ""
    loan_date: date | None = None
    relationship: str = ""

    def to_record(self) -> dict[str, Any]:
        return {"account_id": self.account_id, "legal_entity": self.legal_entity,
                "loan_date": self.loan_date.isoformat() if self.loan_date else "",
                "relationship": self.relationship}

    @classmethod
    def from_record(cls, rec: Mapping[str, Any]) -> LenderDetails:
        rec = rec if isinstance(rec, Mapping) else {}
        return cls(account_id=_text(rec.get("account_id")), legal_entity=_text(rec.get("legal_entity")),
                   loan_date=_date(rec.get("loan_date")), relationship=_text(rec.get("relationship")))


@dataclass(frozen=True)
class FamilyContact:
    """Someone who gets the family message; a ``guarantor`` signed a guarantee and gets none."""

    name: str
    guarantor: bool = False

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "guarantor": self.guarantor}


@dataclass(frozen=True)
class BorrowerProfile:
    """Who writes.  All optional; a pseudonym is fine.  Text is kept as typed (escaped by each renderer)."""

    name: str = ""
    phone: str = ""
    id_last4: str = ""
    hardship: str = "reduced_income"
    hardship_detail: str = ""
    lenders: Mapping[str, LenderDetails] = field(default_factory=dict)
    family: tuple[FamilyContact, ...] = ()

    def __post_init__(self) -> None:
        if self.hardship not in HARDSHIPS:
            raise ValueError(f"hardship must be one of {HARDSHIPS}, not {self.hardship!r}")
        object.__setattr__(self, "hardship_detail", self.hardship_detail[:MAX_TEXT_LEN])
        object.__setattr__(self, "lenders", {str(k): v if isinstance(v, LenderDetails) else LenderDetails.from_record(v)
                                             for k, v in dict(self.lenders or {}).items()})
        object.__setattr__(self, "family", tuple(
            c if isinstance(c, FamilyContact) else FamilyContact(_text(c.get("name")), c.get("guarantor") is True)
            for c in (self.family or ()) if isinstance(c, (FamilyContact, Mapping))))

    def __hash__(self) -> int:
        return hash((self.name, self.phone, self.hardship, self.hardship_detail))

    @property
    def contact(self) -> str:
        """The phone number (older name of the field)."""
        return self.phone

    def lender(self, name: str) -> LenderDetails:
        return self.lenders.get(name, LenderDetails())

    def has_guarantor(self) -> bool:
        return any(c.guarantor for c in self.family)

    def message_recipients(self) -> tuple[FamilyContact, ...]:
        """The people who get the family message: everyone not marked as guarantor."""
        return tuple(c for c in self.family if not c.guarantor)

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "phone": self.phone, "id_last4": self.id_last4, "hardship": self.hardship,
                "hardship_detail": self.hardship_detail,
                "lenders": {k: v.to_record() for k, v in sorted(self.lenders.items())},
                "family": [c.to_record() for c in self.family]}

    @classmethod
    def from_record(cls, rec: Mapping[str, Any] | None) -> BorrowerProfile:
        """Read a stored record; unknown keys are ignored and bad values dropped (never raises)."""
        rec = rec if isinstance(rec, Mapping) else {}
        hardship = rec.get("hardship") if rec.get("hardship") in HARDSHIPS else "reduced_income"
        lenders_in = rec.get("lenders") if isinstance(rec.get("lenders"), Mapping) else {}
        family_in = rec.get("family") if isinstance(rec.get("family"), list) else []
        family = tuple(FamilyContact(_text(c.get("name")), c.get("guarantor") is True)
                       for c in family_in if isinstance(c, Mapping) and _text(c.get("name")))
        return cls(name=_text(rec.get("name")), phone=_text(rec.get("phone") or rec.get("contact")),
                   id_last4=_text(rec.get("id_last4"))[:4], hardship=hardship,
                   hardship_detail=_text(rec.get("hardship_detail"), MAX_TEXT_LEN),
                   lenders={str(k): LenderDetails.from_record(v) for k, v in lenders_in.items()},
                   family=family)


def profile_issues(rec: Mapping[str, Any] | None) -> list[tuple[str, str, str]]:
    """Problems in a stored/typed record as ``(field, value, reason_code)``; empty when all is well.

    >>> profile_issues({"hardship": "x", "id_last4": "12345", "lenders": {"A": {"loan_date": "2027-13-01"}}})
    [('hardship', 'x', 'unknown'), ('id_last4', '12345', 'too_long'), ('lenders.A.loan_date', '2027-13-01', 'bad_date')]
    """
    rec = rec if isinstance(rec, Mapping) else {}
    out: list[tuple[str, str, str]] = []
    if "hardship" in rec and rec["hardship"] not in HARDSHIPS:
        out.append(("hardship", str(rec["hardship"]), "unknown"))
    if len(str(rec.get("id_last4") or "")) > 4:
        out.append(("id_last4", str(rec["id_last4"]), "too_long"))
    lenders = rec.get("lenders") if isinstance(rec.get("lenders"), Mapping) else {}
    for name, details in lenders.items():
        raw = details.get("loan_date") if isinstance(details, Mapping) else None
        if raw and _date(raw) is None:
            out.append((f"lenders.{name}.loan_date", str(raw), "bad_date"))
    return out
