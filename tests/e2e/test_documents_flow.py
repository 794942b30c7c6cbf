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
    page.set_viewport_size({"width": 390, "height": 844})           # phone first
    open_page(page, server, "negotiate", "zh", ready="[data-testid='stDownloadButton']")
    expect(page.get_by_role("radio", name="协商还款申请书")).to_be_checked()      # the document shown first
    expect(page.get_by_text("本人恳请贵行").first).to_be_visible()     # rendered, not Markdown source
    download = _download(page, "下载协商还款申请书（.txt）")
    assert download.suggested_filename == "application_招商银行信用卡.txt"
    text = open(download.path(), encoding="utf-8").read()
    assert text.startswith("个性化分期还款申请书") and "¥" in text and "期" in text
    assert "**" not in text and "|" not in text and "{" not in text        # clean plain text, every field filled
    pdf = _download(page, "下载协商还款申请书（.pdf）")
    data = open(pdf.path(), "rb").read()
    assert pdf.suggested_filename == "application_招商银行信用卡.pdf" and data.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", pdf.path(), "-"], capture_output=True, text=True, check=True).stdout
        assert "个性化分期还款申请书" in out and "贵行" in out
    docx = _download(page, "下载协商还款申请书（.docx）")
    assert open(docx.path(), "rb").read().startswith(b"PK")


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
