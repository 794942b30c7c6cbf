"""Markdown for the on-screen view (``st.markdown``): every piece of text escaped with
:func:`planner.escape.markdown`, the structure (headings, bold labels, tables) added here.

>>> from .model import Document, Paragraph
>>> markdown(Document("T", (Paragraph("# x", label="**y**"),)))
'#### T\\n\\n**\\\\*\\\\*y\\\\*\\\\*：** \\\\# x\\n'
"""

from __future__ import annotations

from ..escape import markdown as esc
from .model import blank, Bullets, Document, Fields, Heading, Paragraph, Signature, Table
from .render_text import colon

__all__ = ["markdown"]


def _pairs(items, lang: str) -> str:
    return "  \n".join(f"**{esc(label)}{colon(lang).strip()}** {esc(value) or blank(lang)}" for label, value in items)


def markdown(doc: Document) -> str:
    """The document as safe Markdown (user text can never become a heading, link, table or tag)."""
    parts = [f"#### {esc(doc.title)}"]
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#####' if block.level <= 1 else '######'} {esc(block.text)}")
        elif isinstance(block, Paragraph):
            text = esc(block.text)
            if block.label:
                text = f"**{esc(block.label)}{colon(doc.lang).strip()}** {text}"
            parts.append(f"> {text}" if block.style in ("quote", "note") else text)
        elif isinstance(block, Bullets):
            parts.append("\n".join(f"{i}. {esc(x)}" if block.ordered else f"- {esc(x)}"
                                   for i, x in enumerate(block.items, 1)))
        elif isinstance(block, Table):
            head = "| " + " | ".join(esc(c) for c in block.columns) + " |"
            rule = "|" + "|".join("---:" if block.alignment(i) == "R" else "---"
                                  for i in range(len(block.columns))) + "|"
            rows = ["| " + " | ".join(esc(c) for c in row) + " |" for row in block.rows]
            parts.append("\n".join([head, rule, *rows]))
        elif isinstance(block, (Fields, Signature)):
            parts.append(_pairs(block.items, doc.lang))
    return "\n\n".join(parts) + "\n"
