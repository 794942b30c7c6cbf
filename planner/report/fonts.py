"""Font provisioning for the PDF and its charts: Noto Sans CJK SC, embedded and subset.

The font comes from the ``noto-cjk-sans-otc`` package (a project dependency, so
``make setup`` brings it to a fresh machine with no system fonts).  That
package ships one OpenType *collection* (``NotoSansCJK-Regular.ttc``) holding
the Japanese, Korean, Simplified-Chinese, Traditional-Chinese and Hong Kong
faces.  We want the Simplified-Chinese face, "Noto Sans CJK SC":

* fpdf2 (≥ 2.8) opens one face of a collection directly
  (``collection_font_number``), embeds it and subsets it to the glyphs used;
* matplotlib (≥ 3.10) registers every face of a collection with ``addfont``.

Where either cannot read a collection, :func:`extracted_face` writes the SC
face once as a standalone ``.otf`` into a per-user cache directory
(``$XDG_CACHE_HOME/debt-planner`` or ``~/.cache/debt-planner``), atomically
(temporary file + ``os.replace``), and that file is used instead.

The font is licensed under the SIL Open Font License 1.1; :func:`licence_text`
returns the copy kept next to this module (``OFL.txt``).
"""

from __future__ import annotations

import inspect
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

FAMILY = "Noto Sans CJK SC"
COLLECTION_PACKAGE = "noto_cjk_sans_otc"
COLLECTION_FILE = "NotoSansCJK-Regular.ttc"
CACHE_SUBDIR = "debt-planner"
EXTRACTED_NAME = "NotoSansCJKsc-Regular.otf"


class FontUnavailable(RuntimeError):
    """The CJK font package is missing or unreadable (run ``make setup``)."""


@dataclass(frozen=True)
class FontFace:
    """One face to load: a font file and, for a collection, the face's index in it."""

    path: Path
    index: int = 0

    @property
    def is_collection(self) -> bool:
        return self.path.suffix.lower() in (".ttc", ".otc")


@cache
def collection_path() -> Path:
    """The installed Noto Sans CJK collection (``.ttc``)."""
    try:
        path = Path(str(resources.files(COLLECTION_PACKAGE).joinpath(COLLECTION_FILE)))
    except ModuleNotFoundError as exc:
        raise FontUnavailable(f"the {COLLECTION_PACKAGE!r} package is not installed: run `make setup`") from exc
    if not path.is_file():
        raise FontUnavailable(f"{path} is missing: reinstall noto-cjk-sans-otc (`make setup`)")
    return path


@cache
def sc_face() -> FontFace:
    """The collection face whose family name is :data:`FAMILY` (found by name, not by position)."""
    from fontTools.ttLib import TTCollection

    path = collection_path()
    collection = TTCollection(str(path), lazy=True)
    try:
        for index, font in enumerate(collection.fonts):
            if font["name"].getDebugName(1) == FAMILY:
                return FontFace(path, index)
    finally:
        collection.close()
    raise FontUnavailable(f"{path} has no face named {FAMILY!r}")


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/debt-planner`` (default ``~/.cache/debt-planner``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / CACHE_SUBDIR


def extracted_face(directory: Path | None = None) -> FontFace:
    """The SC face as a standalone ``.otf`` in the cache, written once and atomically.

    A concurrent writer is harmless: each writes its own temporary file and the
    last ``os.replace`` wins with identical content.  If the cache directory is
    not writable, a private temporary directory is used for this process.
    """
    target_dir = directory or cache_dir()
    target = target_dir / EXTRACTED_NAME
    if target.is_file() and target.stat().st_size > 0:
        return FontFace(target)
    face = sc_face()
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        _write_face(face, target)
    except OSError:
        fallback = Path(tempfile.mkdtemp(prefix="debt-planner-font-")) / EXTRACTED_NAME
        _write_face(face, fallback)
        return FontFace(fallback)
    return FontFace(target)


def _write_face(face: FontFace, target: Path) -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(str(face.path), fontNumber=face.index, lazy=False, recalcTimestamp=False)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".otf")
    try:
        with os.fdopen(fd, "wb") as fh:
            font.save(fh)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    finally:
        font.close()


def fpdf_reads_collections() -> bool:
    from fpdf import FPDF

    return "collection_font_number" in inspect.signature(FPDF.add_font).parameters


@cache
def pdf_face() -> FontFace:
    """The face fpdf2 loads: the collection face when fpdf2 can, else the extracted file."""
    return sc_face() if fpdf_reads_collections() else extracted_face()


def add_to_pdf(pdf, family: str = "noto", face: FontFace | None = None) -> str:
    """Register the CJK face with an ``FPDF`` document under ``family``; returns ``family``."""
    face = face or pdf_face()
    if face.is_collection:
        pdf.add_font(family, "", str(face.path), collection_font_number=face.index)
    else:
        pdf.add_font(family, "", str(face.path))
    # The subset fpdf2 embeds keeps the full font's bounding box (a valid superset) instead of
    # recomputing it from every kept glyph's outline: that recomputation was a third of the
    # document's generation time.
    for font in pdf.fonts.values():
        ttfont = getattr(font, "ttfont", None)
        if ttfont is not None:
            ttfont.recalcBBoxes = False
    return family


@cache
def matplotlib_family() -> str:
    """Register the SC face with matplotlib once; returns the family name to use."""
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(collection_path()))
    if not _matplotlib_has(FAMILY):
        font_manager.fontManager.addfont(str(extracted_face().path))
    if not _matplotlib_has(FAMILY):
        raise FontUnavailable(f"matplotlib could not register {FAMILY!r}")
    return FAMILY


def _matplotlib_has(family: str) -> bool:
    from matplotlib import font_manager

    return any(entry.name == family for entry in font_manager.fontManager.ttflist)


def licence_text() -> str:
    """The SIL Open Font License text shipped with the font (``planner/report/OFL.txt``)."""
    return resources.files(__package__).joinpath("OFL.txt").read_text("utf-8")
