"""Removing a person's name and numbers from free text (pseudonymised exports and reports).

:func:`redact_name` finds a name however it was typed — with or without spaces, in another case,
full-width (``ＺＨＡＮＧ ｓａｎ``), with invisible characters in between — and replaces every
occurrence.  A Latin-script name only matches as a whole word (``an`` is not replaced inside
``loan``); a Chinese name matches anywhere.  It is meant for *free-text* fields only (notes,
summaries, labels): machine fields (kinds, statuses, ids, lender names) are never passed to it.

:func:`mask_numbers` masks phone, ID-card and account numbers (7 or more digits in a row, or the
usual phone groupings ``138-1234-5678``, ``0571-88881234``), keeping the last 4; dates stay.

>>> redact_name("Zhang San called; zhangsan and ＺＨＡＮＧ　ＳＡＮ too", "Zhang San", "C-1")
'C-1 called; C-1 and C-1 too'
>>> redact_name("online loan, an, An", "an", "C-1")
'online loan, C-1, C-1'
>>> redact_name("借呗说借钱要还", "借", "C-1")
'C-1呗说C-1钱要还'
>>> mask_numbers("打给我 138-1234-5678，身份证110101199001011234，2026-03-05 欠 3000 元")
'打给我 ***-****-5678，身份证**************1234，2026-03-05 欠 3000 元'
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")
_DIGIT_RUN = re.compile(r"(?<!\d)(?:\d{7,}|\d{3}[ -]\d{4}[ -]\d{4}|\d{3,4}-\d{7,8}|\+\d{2} ?\d{3}[ -]?\d{4}[ -]?\d{4})(?!\d)")


def _canonical(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).split()).casefold()


def _normalised_stream(text: str) -> tuple[str, list[int]]:
    """``text`` NFKC-normalised and case-folded without white space or invisible characters, and for
    every character of the result the index of the original character it came from."""
    chars, index = [], []
    for i, c in enumerate(text):
        if c.isspace() or _INVISIBLE.match(c):
            continue
        for n in unicodedata.normalize("NFKC", c).casefold():
            if not n.isspace():
                chars.append(n)
                index.append(i)
    return "".join(chars), index


def _is_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


def name_spans(text: str, name: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of ``text`` where ``name`` occurs in any variant (see module doc)."""
    target = _canonical(name)
    if not target or not text:
        return []
    stream, index = _normalised_stream(text)
    latin = _is_word(target[0]) or _is_word(target[-1])
    spans, pos = [], 0
    while (hit := stream.find(target, pos)) >= 0:
        end = hit + len(target)
        pos = hit + 1
        if latin and ((hit > 0 and _is_word(stream[hit - 1]) and _is_word(target[0]) and
                       _original_adjacent(text, index, hit - 1, hit))
                      or (end < len(stream) and _is_word(stream[end]) and _is_word(target[-1]) and
                          _original_adjacent(text, index, end - 1, end))):
            continue
        spans.append((index[hit], index[end - 1] + 1))
        pos = end
    return spans


def _original_adjacent(text: str, index: list[int], a: int, b: int) -> bool:
    """Are stream characters ``a`` and ``b`` joined in the original (no space between them)?"""
    return index[b] - index[a] <= 1 or not any(c.isspace() for c in text[index[a] + 1:index[b]])


def redact_name(text: str, name: str, replacement: str) -> str:
    """``text`` with every variant of ``name`` replaced by ``replacement``."""
    spans = name_spans(text, name)
    for start, end in reversed(spans):
        text = text[:start] + replacement + text[end:]
    return text


def mask_numbers(text: str, keep: int = 4) -> str:
    """Digits of every phone/ID/account number masked but the last ``keep``."""
    def mask(m: re.Match) -> str:
        run = m.group(0)
        total = sum(c.isdigit() for c in run)
        seen, out = 0, []
        for c in run:
            if c.isdigit():
                seen += 1
                out.append(c if seen > total - keep else "*")
            else:
                out.append(c)
        return "".join(out)
    return _DIGIT_RUN.sub(mask, text)


__all__ = ["mask_numbers", "name_spans", "redact_name"]
