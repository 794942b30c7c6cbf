"""Plain text: what "copy" and ``.txt`` give — no ``#``, ``**``, backslashes or pipe tables.

Tables become aligned columns (East-Asian wide characters count double); a
label is followed by a colon; quotes are indented; blanks stay blanks.

>>> from .model import Document, Fields, Heading, Paragraph, Table
>>> print(plain_text(Document("标题", (Heading("一、欠款"), Fields((("致", "某银行"), ("日期", ""))),
...       Paragraph("**不是加粗**"), Table(("期", "金额"), (("1", "¥10.00"),), ("R", "R"))), lang="zh")))
标题
<BLANKLINE>
一、欠款
<BLANKLINE>
致：某银行
日期：＿＿＿＿＿＿
<BLANKLINE>
**不是加粗**
<BLANKLINE>
期    金额
--  ------
 1  ¥10.00
<BLANKLINE>
"""

from __future__ import annotations

import unicodedata

from .model import blank, Bullets, Document, Fields, Heading, Paragraph, Signature, Table, clean

__all__ = ["colon", "plain_text", "width"]


def colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def width(text: str) -> int:
    """Display width: wide/full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, w: int, align: str) -> str:
    gap = " " * max(0, w - width(text))
    return gap + text if align == "R" else text + gap


def _table(block: Table) -> list[str]:
    rows = [[clean(c) for c in block.columns]] + [[clean(c) for c in row] for row in block.rows]
    widths = [max(width(r[i]) for r in rows if i < len(r)) for i in range(len(block.columns))]
    out = []
    for k, row in enumerate(rows):
        cells = [_pad(row[i] if i < len(row) else "", widths[i], block.alignment(i))
                 for i in range(len(widths))]
        out.append("  ".join(cells).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def _pairs(items, lang: str, indent: str = "") -> list[str]:
    return [f"{indent}{clean(label)}{colon(lang)}{clean(value) or blank(lang)}" for label, value in items]


def plain_text(doc: Document) -> str:
    """The document as clean plain text (UTF-8, ``\\n`` line ends, one blank line between blocks)."""
    parts: list[str] = [clean(doc.title)]
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines = [clean(block.text)]
        elif isinstance(block, Paragraph):
            text = clean(block.text)
            if block.label:
                text = f"{clean(block.label)}{colon(doc.lang)}{text}"
            lines = [("    " + text) if block.style == "quote" else text]
        elif isinstance(block, Bullets):
            lines = [f"{i}. {clean(x)}" if block.ordered else f"- {clean(x)}"
                     for i, x in enumerate(block.items, 1)]
        elif isinstance(block, Table):
            lines = _table(block)
        elif isinstance(block, Fields):
            lines = _pairs(block.items, doc.lang)
        elif isinstance(block, Signature):
            lines = _pairs(block.items, doc.lang, indent=" " * 20)
        else:                                           # pragma: no cover - exhaustive
            raise TypeError(type(block))
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
