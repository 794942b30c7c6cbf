"""The structured document every generated text is: a title and a sequence of blocks.

A :class:`Document` holds **plain text only** — no Markdown, no HTML.  Each
renderer (:mod:`.render_text`, :mod:`.render_markdown`, :mod:`.render_docx`,
:mod:`.render_pdf`) escapes for its own sink, so a borrower's name such as
``**李** <b>`` reaches a Markdown view escaped, a ``.txt`` as typed (control
characters removed) and a ``.docx``/PDF literally.

Blocks
------
:class:`Heading`    a section title (level 1 or 2)
:class:`Paragraph`  running text, optionally with a bold lead-in ``label`` and a ``style``:
                    ``"body"``, ``"note"`` (a caution), ``"quote"`` (words to say, or the
                    borrower's own text quoted as an attachment)
:class:`Bullets`    a list, ``ordered`` or not
:class:`Table`      a header row and body rows (strings); ``align`` per column ("L"/"R")
:class:`Fields`     label–value pairs (addressee, applicant, account …); an empty value
                    prints as a blank to fill
:class:`Signature`  the closing block (label–value pairs, printed at the end, right side)

>>> doc = Document("协商还款申请书", (Paragraph("本人愿意还款。"),), lang="zh")
>>> doc.title, len(doc.blocks)
('协商还款申请书', 1)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

__all__ = ["BLANK", "BLANK_EN", "blank", "Block", "Bullets", "Document", "Fields", "Heading", "Paragraph", "Signature", "Table",
           "clean"]

#: printed for an empty field value (Chinese documents; English ones use ASCII underscores)
BLANK = "＿＿＿＿＿＿"
BLANK_EN = "__________"


def blank(lang: str) -> str:
    return BLANK if lang == "zh" else BLANK_EN

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064"
                      r"\u2066-\u2069\ufeff]")


def clean(value: object) -> str:
    """One line of text: control and bidi characters removed, whitespace runs (line breaks too) → one space.

    >>> clean("a\\n\\x1b[2Jb\\u202e  c")
    'a [2Jb c'
    """
    return " ".join(_CONTROL.sub("", "" if value is None else str(value)).split())


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""
    style: str = "body"          # "body" | "note" | "quote"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[str, ...] = ()

    def alignment(self, i: int) -> str:
        return self.align[i] if i < len(self.align) else "L"


@dataclass(frozen=True)
class Fields:
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Signature:
    items: tuple[tuple[str, str], ...]


Block = Heading | Paragraph | Bullets | Table | Fields | Signature


@dataclass(frozen=True)
class Document:
    """A generated document: ``title``, ``blocks`` in order, its language and (optionally) its date.

    ``date`` fixes the creation date written into .docx and PDF files, so the same inputs always give
    the same bytes (the dashboard's download equals the CLI's file).
    """

    title: str
    blocks: tuple[Block, ...] = ()
    lang: str = "zh"
    date: date | None = None
    kind: str = ""               # "application" | "script" | "family" | … (for file names)
    subject: str = field(default="", compare=False)   # e.g. the lender's name (for headers and file names)

    def text_blocks(self) -> list[str]:
        """Every piece of text in the document (for searching and tests)."""
        out = [self.title]
        for b in self.blocks:
            if isinstance(b, Heading):
                out.append(b.text)
            elif isinstance(b, Paragraph):
                out += [b.label, b.text]
            elif isinstance(b, Bullets):
                out += list(b.items)
            elif isinstance(b, Table):
                out += list(b.columns) + [c for row in b.rows for c in row]
            else:
                out += [x for pair in b.items for x in pair]
        return [x for x in out if x]
