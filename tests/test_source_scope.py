"""No document cites a legal source outside its scope, for every lender kind (issue 10, defect 6).

Covers every generated text that names sources: the negotiation application and phone script per lender
(planner.documents), the complaint drafts (planner.rights) and the PDF's letters. A source's scope is data
(planner/data/legal_sources.toml); GB/T 45251 is never cited to a card bank, a bank loan or a private lender.
"""
from __future__ import annotations

from datetime import date

import pytest

from planner import Debt, DebtKind, legal
from planner.negotiation import propose

KINDS = [k for k in DebtKind]
DAY = date(2026, 12, 1)


def _portfolio() -> list[Debt]:
    rates = {DebtKind.PRIVATE_LOAN: 0.0}
    return [Debt(f"L-{k.value}", balance=10_000, annual_rate=rates.get(k, 18.0), min_payment=500, kind=k)
            for k in KINDS]


def _out_of_scope(kind: DebtKind, lang: str) -> list[str]:
    return [s.title(lang) for s in legal.sources().values() if not s.applies_to(kind.value) and not s.is_channel]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_negotiation_documents_stay_in_scope(lang):
    documents = pytest.importorskip("planner.documents")
    plan = propose(_portfolio(), 6_000, "equal_term", start=date(2027, 1, 1))
    for line in plan.lines:
        texts = [documents.plain_text(documents.application(plan, line, lang, on=DAY)),
                 documents.plain_text(documents.script(plan, line, lang))]
        for text in texts:
            for title in _out_of_scope(line.kind, lang):
                assert title not in text, (line.kind, title)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_complaint_drafts_stay_in_scope(lang):
    from planner.rights import DRAFT_KINDS, Incident, render_draft
    from planner.rights.vocab import TAGS

    for kind in KINDS:
        log = [Incident(f"L-{kind.value}", date(2026, 11, 1 + i), "call", "third_party", "说我欠钱",
                        relationship="同事", tags=(tag,)) for i, tag in enumerate(TAGS)]
        for draft in DRAFT_KINDS:
            text = render_draft(draft, log, lender=f"L-{kind.value}", lang=lang, today=DAY,
                                lender_kind=kind.value).text
            for title in _out_of_scope(kind, lang):
                assert title not in text, (kind, draft, title)
