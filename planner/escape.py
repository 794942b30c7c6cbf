r"""One escape helper per sink: user text is data, never markup.

Anything a person typed or a file carried passes through exactly one of these
before it reaches the sink named by the function:

* :func:`markdown` — Streamlit Markdown (``st.markdown``, ``st.error``, captions, labels, help);
* :func:`chart_text` — a label in a dashboard chart (legend entry, axis category, tooltip);
* :func:`csv_cell` / :func:`csv_unescape` — a cell of a CSV file we write / read back (formula injection);
* :func:`terminal` — text printed by the CLI (no escape sequences, no bidi overrides);
* :func:`file_name` — a component of a download or output file name.

>>> markdown("![x](http://evil/p.png) **hi**")
'\\!\\[x\\]\\(http\\:\u2060//evil/p\\.png\\) \\*\\*hi\\*\\*'
>>> csv_cell("=HYPERLINK(1)"), csv_cell("-500"), csv_cell("-x")
("'=HYPERLINK(1)", '-500', "'-x")
>>> csv_unescape(csv_cell("@SUM(A1)"))
'@SUM(A1)'
>>> terminal("借呗\x1b[2J\x1b]0;t\x07")
'借呗[2J]0;t'
>>> file_name("../借 呗/..", fallback="lender")
'借_呗'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["EscapedMarkdown", "csv_cell", "csv_unescape", "file_name", "identity", "markdown", "name_text",
           "chart_text", "terminal"]

# C0 (but tab/newline handled separately), DEL, C1, zero-width and bidi controls, line/paragraph separators
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064"
                      r"\u2066-\u2069\ufeff]")
# Every ASCII punctuation mark that Markdown, GFM autolinks (www., a@b.c), Streamlit's directives (:red[..],
# :material/x:) or KaTeX ($) reads.  ``.`` between two digits (¥1,234.50, 24.00%) and ``-``/``+`` that cannot
# make a list item, rule or heading underline (2026-12-01, -¥2,500.00, +86) stay as they are: ordinary amounts
# and dates read the same in the Markdown source as on screen.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~&\"':$=^@]|(?<!\d)\.|\.(?!\d)|(?<!\S)[-+](?=[\s+-]|$))")
# Streamlit's Markdown (remark-gfm) also links bare URLs and e-mail addresses found in the *decoded* text, so
# backslash escapes cannot stop it: an invisible WORD JOINER (U+2060) is put inside ``http://``, ``www.`` and
# after ``@`` (it shows nothing and stops the match).  User text never carries its own (see _CONTROL).
_AUTOLINK = re.compile(r"(?i)(?<=https:)(?=//)|(?<=http:)(?=//)|(?<=www)(?=\.)|(?<=@)")
_JOINER = "\u2060"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_FILE_UNSAFE = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff_-]+")
FILE_NAME_MAX_BYTES = 120


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _strip_controls(text: str) -> str:
    return _CONTROL.sub("", text)


def name_text(value: object) -> str:
    r"""A name as stored (parse time): control, zero-width, bidi characters and lone surrogates removed,
    every run of white space (tabs, line breaks) one space, stripped.  Shown as typed otherwise.

    >>> name_text(" 借\u200b呗\x1b[2J\n 2 ")
    '借呗[2J 2'
    """
    text = "" if value is None else str(value)
    if not text.isprintable():
        text = _SURROGATE.sub("", _strip_controls(text))
    return " ".join(text.split())


def identity(value: object) -> str:
    r"""The key two names are the same lender by: NFKC (full-width = half-width), no invisible
    characters, no white space, case-folded.

    >>> identity("ＡＢＣ") == identity("abc") == identity("a b\u200bc")
    True
    """
    text = "" if value is None else str(value)
    if not (text.isascii() and text.isprintable()):
        text = unicodedata.normalize("NFKC", _SURROGATE.sub("", _strip_controls(text)))
    return "".join(text.split()).casefold()


class EscapedMarkdown(str):
    """Text that is already safe Markdown: the output of :func:`markdown`, or a trusted message template
    rendered with escaped parameters (``planner.i18n.markdown_params``).  :func:`markdown` passes it through
    unchanged, so a message nested in another is never escaped twice (no stray backslashes)."""

    __slots__ = ()


def markdown(value: object, *, multiline: bool = False) -> str:
    """User text escaped for Markdown: shown literally, never a link, image, autolink (also GFM's bare
    ``http://``, ``www.`` and e-mail links), HTML, heading, list, table, Streamlit directive (``:red[…]``,
    ``:material/x:``) or formula (``$…$``).

    Line breaks are collapsed to spaces unless ``multiline`` (then each line is escaped and joined with
    Markdown hard breaks).  Already escaped text (:class:`EscapedMarkdown`) is returned as it is.

    >>> markdown(markdown("a_b")) == markdown("a_b") == "a\\\\_b"
    True
    >>> print(markdown("-¥1,234.50 on 2026-12-01 +86"), markdown("- 1. www.x.cn a@b.cn --- + x").replace(_JOINER, "|"))
    -¥1,234.50 on 2026-12-01 +86 \\- 1\\. www|\\.x\\.cn a\\@|b\\.cn \\--- \\+ x
    """
    if isinstance(value, EscapedMarkdown):
        return value
    text = _AUTOLINK.sub(_JOINER, _strip_controls("" if value is None else str(value)))
    if multiline:
        lines = [_MD_SPECIAL.sub(r"\\\1", " ".join(line.split())) for line in text.splitlines()]
        return EscapedMarkdown("  \n".join(lines))
    return EscapedMarkdown(_MD_SPECIAL.sub(r"\\\1", " ".join(text.split())))


def chart_text(value: object) -> str:
    """Text for a chart label (Vega-Lite, ui/charts.py).  Vega draws labels and tooltips as text, never as
    markup (its tooltip handler escapes HTML), so markup stays visible as typed; invisible, control and bidi
    characters are removed so a label cannot reorder or hide its neighbours.

    >>> chart_text('<a href="http://evil">借呗</a>\u202e & co')
    '<a href="http://evil">借呗</a> & co'
    """
    return name_text(value)


def csv_cell(value: object) -> str:
    """A cell for a CSV we write, neutralised against formula injection (OWASP): text that starts with
    ``= + - @``, a tab or CR gets a leading apostrophe; plain numbers (``-500``) are left as they are; a text
    that starts with an apostrophe gets a second one (so :func:`csv_unescape` restores it); NUL is dropped."""
    text = "" if value is None else str(value).replace("\x00", "")     # no reader accepts NUL in a CSV
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    if text.startswith("'"):          # an apostrophe of the user's own is doubled, so the round trip is lossless
        return "'" + text
    return text


def csv_unescape(text: str) -> str:
    """Undo :func:`csv_cell` when reading our own export back (lossless round trip).

    >>> [csv_unescape(csv_cell(v)) for v in ("'-500", "'", "''=x", "-500", "\t-1")]
    ["'-500", "'", "''=x", '-500', '\t-1']
    """
    if len(text) >= 2 and text[0] == "'" and text[1] in "'=+-@\t\r":
        return text[1:]
    return text


def terminal(value: object) -> str:
    r"""Text safe to print on a terminal: control characters (ESC, BEL, C1, bidi overrides) removed, a
    carriage return that is not part of a line break dropped (it would let text overwrite the line), and
    a lone surrogate (e.g. an undecodable file name) shown as U+FFFD instead of failing to print.

    >>> terminal("ok\rFAKE\r\nnext\udcff")
    'okFAKE\nnext\ufffd'
    """
    text = "" if value is None else str(value).replace("\t", " ")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "")
    return _SURROGATE.sub("\ufffd", _strip_controls(text))


def file_name(value: object, *, fallback: str = "file") -> str:
    """A file-name component: letters, digits, CJK, ``_`` and ``-`` only, at most 120 bytes in UTF-8."""
    text = unicodedata.normalize("NFKC", _strip_controls("" if value is None else str(value)))
    name = _FILE_UNSAFE.sub("_", text).strip("_-")
    while len(name.encode("utf-8")) > FILE_NAME_MAX_BYTES:
        name = name[:-1]
    return name or fallback
