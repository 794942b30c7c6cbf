"""Line breaking for Chinese, English and mixed text, with kinsoku (禁则) rules.

Chinese may break between any two characters, English only at spaces, and
punctuation follows the typesetting rules for Chinese (GB/T 15834 practice,
the same as Japanese kinsoku shori):

* a **closing** mark (，。；：、！？）》」』】 …) never starts a line: it is
  glued to the character before it, so when it does not fit, that character
  moves down to the next line with it;
* an **opening** mark (（《「『【“ …) never ends a line: it is glued to the
  character after it;
* a run of Latin letters and digits (``¥12,345.60``, ``2027-03``, ``APR``) is
  never split unless it is wider than a whole line.

Widths come from a ``char_width`` callable (points per character, e.g. from
the PDF font at the current size), so the module is pure and testable.

>>> wrap("还款计划，共计十二个月。", 4.0, lambda ch: 1.0)   # "，" moves down with "划"
['还款计', '划，共计', '十二个', '月。']
>>> wrap("Pay the card first, then the loan.", 12.0, lambda ch: 1.0)
['Pay the card', 'first, then', 'the loan.']
"""

from __future__ import annotations

from collections.abc import Callable

# Marks that must not start a line (closing brackets, stops, pauses, iteration marks, small kana…).
CLOSING = frozenset(
    "，。．、；：！？）》」』】〉〕］｝〗〙〛”’…‥・·ー～%‰℃"
    ",.;:!?)]}>"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻"
)
# Marks that must not end a line (opening brackets, currency signs before a number).
OPENING = frozenset("（《「『【〈〔［｛〖〘〚“‘([{<¥￥$£€#")
SPACES = frozenset(" \t\u3000")

CharWidth = Callable[[str], float]


def is_wide(ch: str) -> bool:
    """A character that may be broken around on its own (CJK ideographs, kana, fullwidth forms)."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
            or 0xFE30 <= o <= 0xFE4F or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x3FFFF
            or ch in "…‥—")


def atoms(paragraph: str) -> list[str]:
    """Split a paragraph into the smallest unbreakable pieces, before gluing punctuation.

    Each wide character is an atom, each space is an atom, and each run of
    other (narrow) characters is one atom.

    >>> atoms("借呗 12,000元（APR 18%）")
    ['借', '呗', ' ', '12,000', '元', '（', 'APR', ' ', '18%', '）']
    """
    out: list[str] = []
    run = ""
    for ch in paragraph:
        if ch in SPACES or is_wide(ch):
            if run:
                out.append(run)
                run = ""
            out.append(ch)
        else:
            run += ch
    if run:
        out.append(run)
    return out


def groups(paragraph: str) -> list[str]:
    """Atoms glued by the kinsoku rules: a line may break only between two groups.

    >>> groups("（借呗）还清。")
    ['（借', '呗）', '还', '清。']
    """
    out: list[str] = []
    glue_next = False
    for atom in atoms(paragraph):
        if atom in SPACES:
            if glue_next and out:          # "（ 借" : an opening mark holds on across a space
                out[-1] += atom
            else:
                out.append(atom)
            continue
        if atom[0] in CLOSING and out and out[-1] in SPACES and any(g not in SPACES for g in out):
            spaces = ""                    # "word ." : a closing mark holds on across spaces
            while out[-1] in SPACES:
                spaces = out.pop() + spaces
            out[-1] += spaces + atom
        elif out and out[-1] not in SPACES and (glue_next or atom[0] in CLOSING):
            out[-1] += atom
        else:
            out.append(atom)
        glue_next = atom[-1] in OPENING
    return out


def _width(text: str, char_width: CharWidth) -> float:
    return sum(char_width(ch) for ch in text)


def _split_long(group: str, room: float, width: float, char_width: CharWidth) -> list[str]:
    """Break a group wider than a line at characters, still never starting a piece with a closing mark."""
    pieces: list[str] = []
    cur, cur_w, limit = "", 0.0, room
    for ch in group:
        w = char_width(ch)
        if not cur and pieces and ch in CLOSING:                 # after a dropped space: hang the mark
            pieces[-1] += ch
            continue
        if cur and cur_w + w > limit + 1e-9:
            if ch in CLOSING:
                k = len(cur.rstrip("".join(SPACES))) - 1          # the last visible character
                if k >= 1 and cur[k] not in CLOSING and cur[:k].strip():   # move it down with the mark
                    pieces.append(cur[:k].rstrip("".join(SPACES)))
                    cur = cur[k:]
                    cur_w = _width(cur, char_width)
                else:                                            # nothing to move: let the mark hang
                    cur += ch
                    cur_w += w
                    continue
            else:
                pieces.append(cur.rstrip("".join(SPACES)))
                cur, cur_w = "", 0.0
                if ch in SPACES:
                    continue
            limit = width
        cur += ch
        cur_w += w
    if cur:
        pieces.append(cur)
    return pieces


def wrap(text: str, width: float, char_width: CharWidth) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (explicit newlines are kept).

    A line is wider than ``width`` only when one closing mark hangs past the
    margin because nothing could move down with it (a line one character wide).
    Spaces at a break disappear; an empty paragraph gives an empty line.
    """
    text = str(text)
    if "\n" not in text and "\r" not in text and _width(text, char_width) <= width + 1e-9:
        return [text.strip(" \t\u3000")]            # fast path: most table cells fit on one line
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, char_width))
    return lines


def _wrap_paragraph(paragraph: str, width: float, char_width: CharWidth) -> list[str]:
    lines: list[str] = []
    cur, cur_w = "", 0.0
    for group in groups(paragraph):
        w = _width(group, char_width)
        if group in SPACES:
            if cur:
                cur += group
                cur_w += w
            continue
        if cur_w + w <= width + 1e-9:
            cur += group
            cur_w += w
            continue
        trimmed = cur.rstrip("".join(SPACES))
        if trimmed:
            lines.append(trimmed)
        cur, cur_w = "", 0.0
        if w <= width + 1e-9:
            cur, cur_w = group, w
            continue
        pieces = _split_long(group, width, width, char_width)
        lines.extend(pieces[:-1])
        cur = pieces[-1]
        cur_w = _width(cur, char_width)
    trimmed = cur.rstrip("".join(SPACES))
    if trimmed or not lines:
        lines.append(trimmed)
    return lines
