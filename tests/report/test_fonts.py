"""Font provisioning: the SC face of the packaged collection, its extraction, matplotlib, the licence."""

from __future__ import annotations

import logging
from datetime import date

from fontTools.ttLib import TTFont

from planner.report import build_pdf, fonts
from tests.report.helpers import sample_debts


def test_the_sc_face_is_found_by_name_in_the_packaged_collection():
    face = fonts.sc_face()
    assert face.path == fonts.collection_path() and face.is_collection
    font = TTFont(str(face.path), fontNumber=face.index, lazy=True)
    assert font["name"].getDebugName(1) == "Noto Sans CJK SC"
    assert ord("债") in font.getBestCmap() and ord("，") in font.getBestCmap()


def test_extraction_writes_the_face_once_atomically(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    face = fonts.extracted_face()
    assert face.path == tmp_path / "debt-planner" / fonts.EXTRACTED_NAME and not face.is_collection
    assert TTFont(str(face.path), lazy=True)["name"].getDebugName(1) == "Noto Sans CJK SC"
    assert not list(face.path.parent.glob(".tmp-*"))          # no temporary file left behind
    mtime = face.path.stat().st_mtime_ns
    assert fonts.extracted_face().path.stat().st_mtime_ns == mtime      # the second call reuses it


def test_an_unwritable_cache_falls_back_to_a_private_directory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    face = fonts.extracted_face()
    assert face.path.is_file() and blocker not in face.path.parents


def test_the_extracted_face_makes_the_same_document_text(monkeypatch, tmp_path):
    """The fallback path (a standalone .otf) gives a valid PDF too."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(fonts, "pdf_face", lambda: fonts.extracted_face())
    data = build_pdf(sample_debts()[:2], 3000, lang="zh", today=date(2026, 12, 1))
    assert data.startswith(b"%PDF-") and b"FontFile3" in data


def test_no_character_of_the_document_is_missing_from_the_font(caplog):
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        build_pdf(sample_debts(), 6000, lang="zh", today=date(2026, 12, 1), profile={"name": "张三丰"})
        build_pdf(sample_debts(), 6000, lang="en", today=date(2026, 12, 1))
    assert not [r for r in caplog.records if "missing" in r.getMessage()]


def test_matplotlib_uses_the_same_family():
    from matplotlib import font_manager

    family = fonts.matplotlib_family()
    assert family == "Noto Sans CJK SC"
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert path.endswith((".ttc", ".otf"))


def test_the_licence_ships_with_the_font():
    text = fonts.licence_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in text and "Adobe" in text
