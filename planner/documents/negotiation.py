"""The negotiation documents for a plan: per lender an application and a script, per portfolio a family
message; and the files the dashboard offers and ``python -m planner letters`` writes (same bytes).

>>> from datetime import date
>>> from planner import Debt
>>> from planner.negotiation import propose
>>> plan = propose([Debt("借呗", balance=6000, annual_rate=18, min_payment=600, kind="online_loan")],
...                1000, start=date(2027, 3, 1))
>>> from planner.documents import plain_text, BorrowerProfile
>>> doc = application(plan, "借呗", "zh", BorrowerProfile(name="张三"))
>>> "贵司" in plain_text(doc), "贵行" in plain_text(doc)
(True, False)
>>> sorted(lender_files(plan, "借呗", "zh", BorrowerProfile()))
['application_借呗.docx', 'application_借呗.pdf', 'application_借呗.txt', 'script_借呗.txt']
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..escape import file_name
from ..negotiation.plan import NegotiationPlan, ProposalLine
from . import family as _family
from . import institution, private
from .common import resolve
from .model import Document
from .profile import BorrowerProfile
from .render_docx import docx_bytes
from .render_pdf import pdf_bytes
from .render_text import plain_text
from .voices import voice

__all__ = ["FORMATS", "application", "application_file", "family", "family_file", "file_stem", "lender_files",
           "portfolio_files", "script", "script_file"]

#: which builders write to which kind of lender (personal = a private lender)
BUILDERS: dict[bool, tuple[Callable[..., Document], Callable[..., Document]]] = {
    False: (institution.application, institution.script),
    True: (private.private_application, private.private_script),
}

#: file suffix → renderer (bytes)
FORMATS: dict[str, Callable[[Document], bytes]] = {
    "txt": lambda doc: plain_text(doc).encode("utf-8"),
    "docx": docx_bytes,
    "pdf": lambda doc: pdf_bytes(doc, doc.lang),
}


def application(plan: NegotiationPlan, line: ProposalLine | str, lang: str = "zh",
                profile: BorrowerProfile | None = None, *, on: date | None = None) -> Document:
    """The written application to one lender (a personal letter for a private lender); ``on`` dates it."""
    line = resolve(plan, line)
    return BUILDERS[voice(line.kind).personal][0](plan, line, lang, profile or BorrowerProfile(), on)


def script(plan: NegotiationPlan, line: ProposalLine | str, lang: str = "zh",
           profile: BorrowerProfile | None = None) -> Document:
    """What to say on the phone (or in person, to a private lender)."""
    line = resolve(plan, line)
    return BUILDERS[voice(line.kind).personal][1](plan, line, lang, profile or BorrowerProfile())


def family(plan: NegotiationPlan | None, lang: str = "zh", profile: BorrowerProfile | None = None,
           recipient: str | None = None) -> Document:
    """The message to family and friends (raises ``GuarantorError`` for a person marked as guarantor)."""
    return _family.family_message(plan, lang, profile or BorrowerProfile(), recipient)


def file_stem(kind: str, lender: str | None = None) -> str:
    """``application_借呗`` — the lender's name through :func:`planner.escape.file_name`."""
    return kind if lender is None else f"{kind}_{file_name(lender, fallback='lender')}"


def application_file(plan, line, lang, profile, fmt: str, *, on: date | None = None) -> tuple[str, bytes]:
    line = resolve(plan, line)
    return f"{file_stem('application', line.name)}.{fmt}", FORMATS[fmt](application(plan, line, lang, profile, on=on))


def script_file(plan, line, lang, profile) -> tuple[str, bytes]:
    line = resolve(plan, line)
    return f"{file_stem('script', line.name)}.txt", FORMATS["txt"](script(plan, line, lang, profile))


def family_file(plan, lang, profile, recipient: str | None = None) -> tuple[str, bytes]:
    stem = "family" if recipient is None else file_stem("family", recipient)
    return f"{stem}.txt", FORMATS["txt"](family(plan, lang, profile, recipient))


def lender_files(plan: NegotiationPlan, line: ProposalLine | str, lang: str, profile: BorrowerProfile | None,
                 *, on: date | None = None) -> dict[str, bytes]:
    """``application_<lender>.txt/.docx/.pdf`` and ``script_<lender>.txt``."""
    profile = profile or BorrowerProfile()
    line = resolve(plan, line)
    doc = application(plan, line, lang, profile, on=on)
    out = {f"{file_stem('application', line.name)}.{fmt}": render(doc) for fmt, render in FORMATS.items()}
    out.update([script_file(plan, line, lang, profile)])
    return out


def portfolio_files(plan: NegotiationPlan, lang: str, profile: BorrowerProfile | None,
                    *, on: date | None = None) -> dict[str, bytes]:
    """Every lender's files plus ``family.txt`` (two lenders whose names clean to the same stem get ``_2``)."""
    profile = profile or BorrowerProfile()
    out: dict[str, bytes] = {}
    for line in plan.lines:
        for name, data in lender_files(plan, line, lang, profile, on=on).items():
            stem, _, ext = name.rpartition(".")
            k, candidate = 2, name
            while candidate in out:
                candidate, k = f"{stem}_{k}.{ext}", k + 1
            out[candidate] = data
    out.update([family_file(plan, lang, profile)])
    return out
