"""``.docx`` (python-docx): an A4 letter ready to print, sign and send.

The bytes are reproducible: the core properties carry the document's date (or
2000-01-01) and every zip member a fixed timestamp, so the dashboard's download
and ``python -m planner letters`` write identical files.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

from .model import blank, Bullets, Document, Fields, Heading, Paragraph, Signature, Table, clean
from .render_text import colon

__all__ = ["docx_bytes"]

EAST_ASIA_FONT = "SimSun"            # 宋体: present wherever Word is used in China
LATIN_FONT = {"zh": "Times New Roman", "en": "Calibri"}
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def _set_fonts(style, lang: str) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = LATIN_FONT.get(lang, "Calibri")
    style.font.size = Pt(11)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), EAST_ASIA_FONT)


def _pairs(document, items, lang: str, *, right: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for label, value in items:
        p = document.add_paragraph()
        if right:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.add_run(clean(label) + colon(lang)).bold = True
        p.add_run(clean(value) or blank(lang))


def _table(document, block: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    for i, title in enumerate(block.columns):
        cell = table.rows[0].cells[i]
        cell.paragraphs[0].add_run(clean(title)).bold = True
    for row in block.rows:
        cells = table.add_row().cells
        for i, value in enumerate(row[:len(block.columns)]):
            para = cells[i].paragraphs[0]
            para.add_run(clean(value))
            if block.alignment(i) == "R":
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()


def _reproducible(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def docx_bytes(doc: Document) -> bytes:
    """The document as a Word file (bytes)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Quote"):
        _set_fonts(document.styles[name], doc.lang)
    title = document.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(clean(doc.title))
    document.styles["Title"].font.size = Pt(18)
    for block in doc.blocks:
        if isinstance(block, Heading):
            document.add_heading(clean(block.text), level=min(max(block.level, 1), 2))
        elif isinstance(block, Paragraph):
            p = document.add_paragraph(style="Quote" if block.style == "quote" else None)
            if block.label:
                p.add_run(clean(block.label) + colon(doc.lang)).bold = True
            run = p.add_run(clean(block.text))
            if block.style == "note":
                run.italic = True
        elif isinstance(block, Bullets):
            style = "List Number" if block.ordered else "List Bullet"
            for item in block.items:
                document.add_paragraph(clean(item), style=style)
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Fields):
            _pairs(document, block.items, doc.lang)
        elif isinstance(block, Signature):
            document.add_paragraph()
            _pairs(document, block.items, doc.lang, right=True)
    when = doc.date or datetime(2000, 1, 1).date()
    stamp = datetime(when.year, when.month, when.day, tzinfo=timezone.utc)
    props = document.core_properties
    props.title, props.author, props.last_modified_by = clean(doc.title), "", ""
    props.created = props.modified = stamp
    props.language = "zh-CN" if doc.lang == "zh" else "en-GB"
    buf = io.BytesIO()
    document.save(buf)
    return _reproducible(buf.getvalue())
