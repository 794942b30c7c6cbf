"""Reading the generated PDFs back in tests (pypdf), and the sample portfolio.

pypdf's ``extract_text`` reads fpdf2's CID-keyed CFF fonts one byte at a time
(it does not apply the embedded code→CID CMap fpdf2 writes as ``/Encoding``),
so :func:`pdf_text` decodes the text operators itself: 2-byte codes through each
font's ``/ToUnicode`` CMap.  Poppler's ``pdftotext`` reads the same files
correctly; :func:`poppler_text` is used as a cross-check where it is installed.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

from planner import read_debts_csv

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CSV = ROOT / "sample_debts.csv"
HAS_POPPLER = bool(shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("pdffonts"))


@cache
def sample_debts():
    result = read_debts_csv(SAMPLE_CSV.read_bytes())
    assert not result.errors
    return tuple(result.debts)


def _to_unicode(font) -> dict[int, str]:
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    out: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, start in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(int(start, 16) + k)
    return out


def page_texts(data: bytes) -> list[str]:
    """The text of every page: one line per text-showing operator."""
    reader = PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        fonts = {name: _to_unicode(ref.get_object())
                 for name, ref in page["/Resources"]["/Font"].items()}
        current: dict[int, str] = {}
        lines = []
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"Tf":
                current = fonts.get(operands[0], {})
            elif op in (b"Tj", b"TJ"):
                parts = operands[0] if op == b"TJ" else [operands[0]]
                raw = b"".join(p.original_bytes if hasattr(p, "original_bytes") else bytes(p)
                               for p in parts if not isinstance(p, (int, float)))
                lines.append("".join(current.get(int.from_bytes(raw[i:i + 2], "big"), "\ufffd")
                                     for i in range(0, len(raw) - 1, 2)))
        pages.append("\n".join(lines))
    return pages


def pdf_text(data: bytes) -> str:
    return "\n".join(page_texts(data))


def poppler_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
                          ).stdout.decode("utf-8")
