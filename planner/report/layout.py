"""Typesetting primitives on top of fpdf2: page furniture, headings, paragraphs, tables.

Every piece of text goes through :func:`planner.report.kinsoku.wrap`, so Chinese
and English wrap the same way in paragraphs and table cells, and closing
punctuation never starts a line.  Tables are drawn here (not with fpdf2's
``table()``) so that rows never split across pages, the header repeats on each
page, and cell heights follow the wrapped text.

Units are millimetres; font sizes are points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from fpdf import FPDF
from fpdf.enums import TextMode

from . import fonts
from .kinsoku import wrap

PT = 25.4 / 72            # millimetres per point
MARGIN = 18.0
FAMILY = "noto"

# A restrained palette: navy for structure, greys for furniture, one accent for the chosen row.
INK = (33, 37, 41)
NAVY = (23, 52, 93)
GREY = (108, 117, 125)
RULE = (206, 212, 218)
HEAD_FILL = (232, 238, 246)
ZEBRA = (248, 249, 250)
ACCENT_FILL = (255, 243, 205)


@dataclass(frozen=True)
class Column:
    """A table column: title, share of the table width, alignment ("L", "R" or "C")."""

    title: str
    weight: float = 1.0
    align: str = "L"


class ReportPDF(FPDF):
    """An A4 document with a running header (after the cover) and a footer on every page."""

    def __init__(self, *, header_text: str, footer_text: str, page_label: str, created: datetime,
                 title: str, lang: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        # In the CJK font curly quotes are full-width glyphs: in English text they read as gaps.
        self._translate = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}) if lang == "en" else None
        self.header_text = header_text
        self.footer_text = footer_text
        self.page_label = page_label            # "第 {page} / {pages} 页" — {pages} resolved at output
        self.set_margins(MARGIN, MARGIN + 4, MARGIN)
        self.set_auto_page_break(False)
        self.set_creation_date(created.replace(tzinfo=created.tzinfo or timezone.utc))
        self.set_title(title)
        self.set_lang("zh-CN" if lang == "zh" else "en-GB")
        self.set_creator("debt-planner")
        self.set_producer("debt-planner")
        fonts.add_to_pdf(self, FAMILY)
        self.set_font(FAMILY, size=10)
        self.alias_nb_pages("{nb}")
        self._widths: dict[tuple[str, float], float] = {}

    # ------------------------------------------------------------------ furniture
    @property
    def content_width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    @property
    def bottom(self) -> float:
        return self.h - MARGIN - 6

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FAMILY, size=7.5)
        self.set_text_color(*GREY)
        self.set_xy(self.l_margin, 9)
        self.cell(self.content_width, 5, self.header_text, align="L")
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, 15, self.w - self.r_margin, 15)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        self.set_font(FAMILY, size=7.5)
        self.set_text_color(*GREY)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        y = self.h - MARGIN + 2
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.set_xy(self.l_margin, y + 1.5)
        self.cell(self.content_width * 0.75, 5, self.footer_text, align="L")
        self.set_xy(self.l_margin + self.content_width * 0.75, y + 1.5)
        self.cell(self.content_width * 0.25, 5, self.page_label.format(page=self.page_no(), pages="{nb}"),
                  align="R")

    # ------------------------------------------------------------------ measuring
    def char_width(self, ch: str) -> float:
        key = (ch, self.font_size_pt)
        w = self._widths.get(key)
        if w is None:
            w = self._widths[key] = self.get_string_width(ch)
        return w

    def lines(self, text: str, width: float) -> list[str]:
        if self._translate:
            text = text.translate(self._translate)
        return wrap(text, width, self.char_width)

    def ensure_space(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit above the footer."""
        if self.get_y() + height > self.bottom:
            self.add_page()

    # ------------------------------------------------------------------ text blocks
    def heading(self, text: str, level: int = 1) -> None:
        size, before, after = {0: (22, 0, 4), 1: (15, 4, 3), 2: (11.5, 3, 1.5), 3: (9.8, 1.2, 0.4)}[level]
        self.ensure_space(before + size * PT * 1.4 + after + 14)   # keep a heading with what follows
        self.set_y(self.get_y() + before)
        self.set_font(FAMILY, size=size)
        self.set_text_color(*NAVY)
        for line in self.lines(text, self.content_width):
            self.set_x(self.l_margin)
            self.put(self.content_width, size * PT * 1.4, line, bold=True)
            self.ln(size * PT * 1.4)
        if level <= 1:
            self.set_draw_color(*NAVY)
            self.set_line_width(0.5 if level == 0 else 0.35)
            self.line(self.l_margin, self.get_y() + 0.5, self.l_margin + self.content_width, self.get_y() + 0.5)
            self.ln(1.5)
        self.ln(after)

    def paragraph(self, text: str, *, size: float = 10, color=INK, indent: float = 0.0,
                  leading: float = 1.55, after: float = 2.0, bold: bool = False) -> None:
        self.set_font(FAMILY, size=size)
        self.set_text_color(*color)
        h = size * PT * leading
        width = self.content_width - indent
        for line in self.lines(text, width):
            self.ensure_space(h)
            self.set_x(self.l_margin + indent)
            self.put(width, h, line, bold=bold)
            self.ln(h)
        self.ln(after)

    def bullets(self, items: Sequence[str], *, size: float = 10, marker: str = "•") -> None:
        self.set_font(FAMILY, size=size)
        h = size * PT * 1.55
        indent = 5.0
        for item in items:
            lines = self.lines(item, self.content_width - indent)
            self.ensure_space(h * min(len(lines), 2))
            self.set_text_color(*NAVY)
            self.set_x(self.l_margin)
            self.cell(indent, h, marker)
            self.set_text_color(*INK)
            for i, line in enumerate(lines):
                if i:
                    self.ensure_space(h)
                self.set_x(self.l_margin + indent)
                self.cell(self.content_width - indent, h, line)
                self.ln(h)
            self.ln(1.0)

    def key_figures(self, items: Sequence[tuple[str, str, str]], *, per_row: int = 3) -> None:
        """Boxes with a small label, a large value (shrunk to fit one line) and an optional note."""
        gap = 3.0
        w = (self.content_width - gap * (per_row - 1)) / per_row
        label_size, note_size = 8.5, 8.0
        inner = w - 7
        for start in range(0, len(items), per_row):
            row = items[start:start + per_row]
            sizes = [self._fit_size(value, inner, 14.0, 10.0) for _, value, _ in row]
            has_note = any(note for _, _, note in row)
            h = 3 + label_size * PT * 1.5 + max(sizes) * PT * 1.45 + (note_size * PT * 1.5 if has_note else 0) + 3
            self.ensure_space(h + gap)
            y = self.get_y()
            for i, ((label, value, note), size) in enumerate(zip(row, sizes)):
                x = self.l_margin + i * (w + gap)
                self.set_fill_color(*HEAD_FILL)
                self.rect(x, y, w, h, style="F")
                self.set_fill_color(*NAVY)
                self.rect(x, y, 1.2, h, style="F")
                yy = y + 3
                self.set_font(FAMILY, size=label_size)
                self.set_text_color(*GREY)
                self.set_xy(x + 4.5, yy)
                self.put(inner, label_size * PT * 1.5, label)
                yy += label_size * PT * 1.5
                self.set_font(FAMILY, size=size)
                self.set_text_color(*NAVY)
                self.set_xy(x + 4.5, yy)
                self.put(inner, max(sizes) * PT * 1.45, value, bold=True)
                yy += max(sizes) * PT * 1.45
                if note:
                    self.set_font(FAMILY, size=note_size)
                    self.set_text_color(*GREY)
                    self.set_xy(x + 4.5, yy)
                    self.put(inner, note_size * PT * 1.5, self.lines(note, inner)[0])
            self.set_y(y + h + gap)
        self.ln(1)

    def _fit_size(self, text: str, width: float, largest: float, smallest: float) -> float:
        """The largest font size (step 0.5 pt) at which ``text`` fits on one line, at least ``smallest``."""
        self.set_font(FAMILY, size=largest)
        natural = sum(self.char_width(ch) for ch in text)
        if natural <= width:
            return largest
        return max(smallest, int(largest * width / natural * 2) / 2)

    # ------------------------------------------------------------------ tables
    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, size: float = 8.5,
              highlight: Sequence[int] = (), total_rows: Sequence[int] = (), after: float = 4.0) -> None:
        """Draw a table; rows never split across pages and the header repeats on every page."""
        total_weight = sum(c.weight for c in columns)
        widths = [self.content_width * c.weight / total_weight for c in columns]
        pad_x, pad_y = 1.6, 1.1
        line_h = size * PT * 1.42
        self.set_font(FAMILY, size=size)
        widths = self.header_widths([c.title for c in columns], widths, pad_x)

        def layout(cells: Sequence[str]) -> tuple[list[list[str]], float]:
            wrapped = [self.lines(str(c), w - 2 * pad_x) for c, w in zip(cells, widths)]
            return wrapped, max(len(x) for x in wrapped) * line_h + 2 * pad_y

        head_lines, head_h = layout([c.title for c in columns])

        def draw_header() -> None:
            self._row(head_lines, widths, columns, head_h, line_h, pad_x, pad_y, fill=HEAD_FILL,
                      color=NAVY, bold=True, header=True)

        first = layout(rows[0]) if rows else ([], 0)
        self.ensure_space(head_h + first[1])
        draw_header()
        highlight, total_rows = set(highlight), set(total_rows)
        for i, row in enumerate(rows):
            wrapped, h = layout(row)
            if self.get_y() + h > self.bottom:
                self.add_page()
                self.set_font(FAMILY, size=size)
                draw_header()
            fill = ACCENT_FILL if i in highlight else (ZEBRA if i % 2 else None)
            if i in total_rows:
                fill = HEAD_FILL
            self._row(wrapped, widths, columns, h, line_h, pad_x, pad_y, fill=fill, color=INK,
                      bold=i in total_rows)
        self.set_draw_color(*NAVY)
        self.set_line_width(0.35)
        self.line(self.l_margin, self.get_y(), self.l_margin + self.content_width, self.get_y())
        self.ln(after)

    def header_ok(self, title: str, width: float) -> bool:
        """Whether ``title`` wraps in ``width`` without a lone character on a line or a word cut in two."""
        lines = [x.strip() for x in self.lines(title, width)]
        if len(lines) <= 1:
            return True
        if any(len(x) == 1 for x in lines):
            return False
        words = set(title.split())
        return not any(a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum()
                       and a.split()[-1] + b.split()[0] in words for a, b in zip(lines, lines[1:]))

    def header_widths(self, titles: Sequence[str], widths: Sequence[float], pad_x: float) -> list[float]:
        """Widen a column whose header would break badly (``排/名``, ``Ran/k``, ``月/数``) just enough, taking
        the room from the columns whose own headers still fit, in proportion to their spare width."""
        widths = list(widths)

        def smallest_ok(title: str, start: float) -> float:
            full = sum(self.char_width(ch) for ch in title) + 2 * pad_x + 0.2
            w = start
            while w < full and not self.header_ok(title, w - 2 * pad_x):
                w += 0.25
            return w

        floor = [smallest_ok(title, 2 * pad_x + 2.0) for title in titles]
        for i, title in enumerate(titles):
            need = smallest_ok(title, widths[i]) - widths[i]
            if need <= 0:
                continue
            spare = {k: widths[k] - floor[k] for k in range(len(widths)) if k != i and widths[k] > floor[k]}
            pool = sum(spare.values())
            if pool <= 0:
                continue
            take = min(need, pool)
            widths[i] += take
            for k, room in spare.items():
                widths[k] -= take * room / pool
        return widths

    def _row(self, wrapped, widths, columns, h, line_h, pad_x, pad_y, *, fill, color, bold=False,
             header=False) -> None:
        y = self.get_y()
        x = self.l_margin
        if fill:
            self.set_fill_color(*fill)
            self.rect(x, y, sum(widths), h, style="F")
        self.set_text_color(*color)
        for lines, w, col in zip(wrapped, widths, columns):
            for k, line in enumerate(lines):
                self.set_xy(x + pad_x, y + pad_y + k * line_h)
                self.put(w - 2 * pad_x, line_h, line, align=col.align, bold=bold)
            x += w
        self.set_draw_color(*(NAVY if header else RULE))
        self.set_line_width(0.35 if header else 0.15)
        if header:
            self.line(self.l_margin, y, self.l_margin + sum(widths), y)
        self.line(self.l_margin, y + h, self.l_margin + sum(widths), y + h)
        self.set_xy(self.l_margin, y + h)

    # ------------------------------------------------------------------ images
    def png(self, data: bytes, *, width: float | None = None, aspect: float = 0.5, alt: str = "") -> None:
        import io

        w = width or self.content_width
        h = w * aspect
        self.ensure_space(h + 2)
        self.image(io.BytesIO(data), x=self.l_margin + (self.content_width - w) / 2, y=self.get_y(), w=w, h=h,
                   alt_text=alt or None)
        self.set_y(self.get_y() + h + 2)

    # ------------------------------------------------------------------ helpers
    def put(self, w: float, h: float, text: str, *, align: str = "L", bold: bool = False) -> None:
        """One line of text in a box ``w`` × ``h`` at the current position (vertically centred).

        Uses fpdf2's low-level ``text()`` (one text object, no markup parsing):
        ``cell()`` was the slowest part of rendering.  ``bold`` is a faux bold
        (the CJK font ships one weight only): the glyphs are filled and stroked
        in the text colour inside a q/Q graphics state, so nothing leaks into
        the following text (fpdf2 writes the text-mode line width as is, in points).
        """
        if not text:
            return
        if self._translate:
            text = text.translate(self._translate)
        x = self.x
        if align != "L":
            tw = sum(self.char_width(ch) for ch in text)
            x = x + (w - tw) if align == "R" else x + (w - tw) / 2
        y = self.y + 0.5 * h + 0.3 * self.font_size
        if not bold:
            self.text(x, y, text)
            return
        with self.local_context(text_mode=TextMode.FILL_STROKE, line_width=round(self.font_size_pt * 0.02, 2),
                                draw_color=self.text_color):
            self.text(x, y, text)
