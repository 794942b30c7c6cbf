"""The documents a borrower takes away, downloaded in a real browser: a lender's written application
(negotiation page) and the repayment plan PDF (export page)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_page, wait_idle

pytestmark = pytest.mark.e2e


def _download(page, button: str):
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return info.value


def test_application_letter_for_a_lender_downloads_with_the_plan_figures(server, page):
    open_page(page, server, "negotiate", "zh", ready="[data-testid='stTabs']")
    expect(page.get_by_text("电话协商话术").first).to_be_visible()
    page.get_by_role("tab", name="协商还款申请书").click()
    wait_idle(page)
    download = _download(page, "下载 协商还款申请书（.txt）")
    assert download.suggested_filename.endswith(".txt")
    text = open(download.path(), encoding="utf-8").read()
    assert "协商还款申请书" in text
    assert "¥" in text and "期" in text                  # the timetable with the real figures
    assert "{{" not in text and "}}" not in text          # every template field filled


def test_english_pdf_downloads_from_the_export_page(server, page):
    open_page(page, server, "report", "en", ready="[data-testid='stButton']")
    expect(page.get_by_role("button", name="Download PDF")).to_have_count(0)     # not built on page load
    page.get_by_role("button", name="Make the PDF").click()
    expect(page.get_by_text("Ready:", exact=False)).to_be_visible(timeout=60_000)
    download = _download(page, "Download PDF")
    data = open(download.path(), "rb").read()
    assert data.startswith(b"%PDF") and len(data) > 50_000
    if shutil.which("pdftotext"):                         # poppler-utils (installed in CI)
        text = subprocess.run(["pdftotext", "-layout", download.path(), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Not legal advice" in text and "借呗" in text   # English document, Chinese lender names embedded
