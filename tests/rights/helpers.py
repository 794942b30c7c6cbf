"""Builders shared by the rights tests."""
from __future__ import annotations

from datetime import date, time

from planner.rights import Incident

TODAY = date(2026, 3, 10)


def inc(lender="某某贷", day=date(2026, 3, 5), channel="call", role="borrower", summary="催还款", *,
        at: time | None = time(10, 0), relationship="", count=1, tags=(), evidence=(), caller="") -> Incident:
    if role != "borrower" and not relationship:
        relationship = "同事"
    return Incident(lender, day, channel, role, summary, time=at, relationship=relationship, count=count,
                    tags=tuple(tags), evidence=tuple(evidence), caller=caller)


def sample_log() -> list[Incident]:
    """A small realistic log over two lenders (used by drafts' golden files)."""
    return [
        inc("某某贷", date(2026, 3, 2), "call", "borrower", "要求今天必须还清，否则“上门”", at=time(21, 30),
            caller="0571-8888xxxx", evidence=("录音_0302.m4a",)),
        inc("某某贷", date(2026, 3, 3), "call", "third_party", "打给我同事，说我欠钱不还、是老赖", at=time(23, 5),
            relationship="同事 | 张某 <b>", caller="170xxxx1234", tags=("disclosure", "claims_guarantor"),
            evidence=("同事微信截图.png",)),
        inc("某某贷", date(2026, 3, 3), "sms", "agreed_contact", "短信给我母亲：\n“再不还就起诉，派人上门”",
            at=None, relationship="母亲", tags=("disclosure", "threat"), evidence=("短信截图1.png", "短信截图2.png")),
        inc("某某贷", date(2026, 3, 4), "call", "borrower", "一天打了好几次", at=time(9, 0), count=5),
        inc("某某贷", date(2026, 3, 5), "wechat", "third_party", "自称律师，发来“律师函”", at=time(14, 0),
            relationship="表姐", tags=("impersonation", "fake_legal_document", "disclosure")),
        inc("某银行信用卡", date(2026, 3, 6), "call", "borrower", "提醒还款", at=time(10, 0)),
    ]
