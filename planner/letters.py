"""Compatibility layer: the negotiation documents now live in :mod:`planner.documents`.

``render_*`` return the document as escaped Markdown (``fmt="md"``, for ``st.markdown``) or as clean plain
text (``fmt="txt"``).  New code should build a :class:`planner.documents.Document` with
:func:`planner.documents.application` / :func:`~planner.documents.script` / :func:`~planner.documents.family`
and render it with :func:`~planner.documents.plain_text`, :func:`~planner.documents.markdown`,
:func:`~planner.documents.docx_bytes` or :func:`~planner.documents.pdf_bytes`.

>>> from datetime import date
>>> from planner import Debt
>>> from planner.negotiation import propose
>>> plan = propose([Debt("借呗", balance=6000, annual_rate=18, min_payment=600, kind="online_loan")],
...                1000, start=date(2027, 3, 1))
>>> text = render_script(plan, "借呗", "en", BorrowerProfile(name="**Li** <b>"))
>>> "\\\\*\\\\*Li\\\\*\\\\* \\\\<b\\\\>" in text, "<b>" in text
(True, False)
"""

from __future__ import annotations

from datetime import date

from . import documents
from .documents import HARDSHIPS, BorrowerProfile, LenderDetails
from .escape import markdown as escape_md
from .i18n import normalize_lang, register
from .negotiation.plan import NegotiationPlan, ProposalLine

__all__ = ["FORMATS", "HARDSHIPS", "BorrowerProfile", "LenderDetails", "escape_md", "filename",
           "render_application", "render_family_message", "render_script"]

FORMATS = ("md", "txt")

register({
    "neg.hardship.job_loss": {"zh": "失业", "en": "job loss"},
    "neg.hardship.illness": {"zh": "生病/医疗支出", "en": "illness and medical costs"},
    "neg.hardship.business_failure": {"zh": "经营失败", "en": "business failure"},
    "neg.hardship.reduced_income": {"zh": "收入减少", "en": "reduced income"},
    "neg.hardship.other": {"zh": "其他原因", "en": "other reasons"},
    "neg.doc.script": {"zh": "电话协商话术", "en": "Phone script"},
    "neg.doc.application": {"zh": "协商还款申请书", "en": "Repayment negotiation application"},
    "neg.doc.family": {"zh": "给家人朋友的说明", "en": "Message to family and friends"},
})


def _out(doc: documents.Document, fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}")
    return documents.markdown(doc) if fmt == "md" else documents.plain_text(doc)


def render_script(plan: NegotiationPlan, line: ProposalLine | str, lang: str = "zh",
                  profile: BorrowerProfile | None = None, *, fmt: str = "md") -> str:
    return _out(documents.script(plan, line, normalize_lang(lang), profile), fmt)


def render_application(plan: NegotiationPlan, line: ProposalLine | str, lang: str = "zh",
                       profile: BorrowerProfile | None = None, *, fmt: str = "md", on: date | None = None) -> str:
    return _out(documents.application(plan, line, normalize_lang(lang), profile, on=on), fmt)


def render_family_message(lang: str = "zh", profile: BorrowerProfile | None = None, *, fmt: str = "md",
                          plan: NegotiationPlan | None = None) -> str:
    return _out(documents.family(plan, normalize_lang(lang), profile), fmt)


def filename(doc: str, line: ProposalLine | None, lang: str, fmt: str = "md") -> str:
    """A safe download name: ``script_借呗_zh.md`` (the lender's name through :func:`planner.escape.file_name`)."""
    return f"{documents.file_stem(doc, None if line is None else line.name)}_{normalize_lang(lang)}.{fmt}"
