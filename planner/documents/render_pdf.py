"""PDF: the document typeset with the report's layout and its embedded Noto Sans CJK SC font.

Calls :class:`planner.report.layout.ReportPDF` (kinsoku line breaking, tables whose rows never split,
faux bold) — nothing is copied.  Reproducible bytes: the creation date is the document's date.
"""

from __future__ import annotations

from datetime import datetime, timezone

from ..i18n import normalize_lang, register, t
from .model import blank, Bullets, Document, Fields, Heading, Paragraph, Signature, Table, clean
from .render_text import colon

__all__ = ["pdf_bytes"]

register({
    "doc.pdf.footer": {"zh": "由借款人本人准备", "en": "Prepared by the borrower"},
    "doc.pdf.page": {"zh": "第 {page} / {pages} 页", "en": "Page {page} of {pages}"},
})


def pdf_bytes(doc: Document, lang: str | None = None) -> bytes:
    """The document as PDF bytes (A4, CJK font embedded and subset)."""
    from ..report.layout import GREY, Column, ReportPDF

    lang = normalize_lang(lang or doc.lang)
    when = doc.date or datetime(2000, 1, 1).date()
    pdf = ReportPDF(header_text=clean(doc.title), footer_text=t("doc.pdf.footer", lang),
                    page_label=t("doc.pdf.page", lang, page="{page}", pages="{pages}"),
                    created=datetime(when.year, when.month, when.day, tzinfo=timezone.utc),
                    title=clean(doc.title), lang=lang)
    pdf.add_page()
    pdf.heading(clean(doc.title), 0)
    sep = colon(lang)
    for block in doc.blocks:
        if isinstance(block, Heading):
            pdf.heading(clean(block.text), 2 if block.level <= 1 else 3)
        elif isinstance(block, Paragraph):
            text = clean(block.text)
            if block.label:
                text = f"{clean(block.label)}{sep}{text}"
            if block.style == "quote":
                pdf.paragraph(text, indent=6)
            elif block.style == "note":
                pdf.paragraph(text, size=9, color=GREY)
            else:
                pdf.paragraph(text)
        elif isinstance(block, Bullets):
            if block.ordered:
                for i, item in enumerate(block.items, 1):
                    pdf.paragraph(f"{i}. {clean(item)}", after=1.0)
                pdf.ln(1)
            else:
                pdf.bullets([clean(x) for x in block.items])
        elif isinstance(block, Table):
            cols = [Column(clean(c), 1.0, block.alignment(i)) for i, c in enumerate(block.columns)]
            pdf.table(cols, [[clean(c) for c in row] for row in block.rows], size=9)
        elif isinstance(block, Fields):
            for label, value in block.items:
                pdf.paragraph(f"{clean(label)}{sep}{clean(value) or blank(lang)}", after=0.8)
            pdf.ln(2)
        elif isinstance(block, Signature):
            pdf.ln(6)
            for label, value in block.items:
                pdf.paragraph(f"{clean(label)}{sep}{clean(value) or blank(lang)}", indent=pdf.content_width * 0.5,
                              after=1.5)
    return bytes(pdf.output())
