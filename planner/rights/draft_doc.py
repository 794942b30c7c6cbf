"""A complaint draft as a structured :class:`planner.documents.Document` (for Word and PDF downloads).

The draft's plain text is the source of truth (what is copied and saved as
``.txt``); this module reads its simple layout back into blocks: the subject
line becomes the title, "一、…" / "1. The complaint" lines headings, "- " lines
bullets, everything else paragraphs (a continuation line of the borrower's own
words stays its own paragraph, so nothing is merged or lost).

>>> from datetime import date
>>> from planner.rights.incidents import Incident
>>> log = [Incident("某某贷", date(2026, 3, 5), "call", "third_party", "告诉我同事", relationship="同事",
...                 tags=("disclosure",))]
>>> from planner.rights.drafts import render_draft
>>> doc = draft_document(render_draft("regulator", log, lender="某某贷", lang="zh", today=date(2026, 3, 6)))
>>> doc.title.startswith("关于"), doc.kind
(True, 'regulator')
"""

from __future__ import annotations

import re

from ..documents import Bullets, Document, Heading, Paragraph, docx_bytes
from .drafts import Draft

_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、\S|\d\. [A-Z][^:]*$)")
_SUBJECT = re.compile(r"^(?:事由：|Subject: )")


def draft_document(draft: Draft) -> Document:
    lines = draft.text.strip().splitlines()
    title_at = next((i for i, line in enumerate(lines)
                     if line.strip() and not line.startswith(("致：", "To: "))), 0)
    title = _SUBJECT.sub("", lines[title_at].strip())
    blocks: list = []
    bullets: list[str] = []

    def flush() -> None:
        if bullets:
            blocks.append(Bullets(tuple(bullets)))
            bullets.clear()

    for i, raw in enumerate(lines):
        line = raw.strip()
        if i == title_at or not line:
            flush()
            continue
        if line.startswith("- "):
            bullets.append(line[2:])
            continue
        flush()
        if _HEADING.match(line):
            blocks.append(Heading(line, level=2))
        else:
            blocks.append(Paragraph(line, style="quote" if raw.startswith("   ") else "body"))
    flush()
    return Document(title, tuple(blocks), lang=draft.lang, kind=draft.kind, subject=draft.lender)


def draft_docx(draft: Draft) -> bytes:
    """The draft as a Word file, ready to print, sign and send."""
    return docx_bytes(draft_document(draft))
