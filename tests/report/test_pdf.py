"""The generated PDF: what it says (zh and en), its font, its pages, its determinism."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from planner import BudgetPlan, Debt, InvalidInput, compare, format_date, format_money, format_month, plan_month_date
from planner.report import build_pdf
from planner.report.kinsoku import CLOSING
from tests.report.conftest import BUDGET, TODAY
from tests.report.helpers import HAS_POPPLER, page_texts, pdf_text, poppler_text, sample_debts

NAMES = [d.name for d in sample_debts()]


def _expected_figures(lang: str, strategy: str) -> list[str]:
    r = compare(sample_debts(), BUDGET)[strategy]
    debt_free = format_month(plan_month_date(TODAY, r.months_to_debt_free), lang)
    return [format_money(sum(d.balance for d in sample_debts()), lang), format_money(BUDGET, lang),
            format_money(r.total_paid, lang), format_money(r.total_interest + r.total_fees, lang), debt_free,
            format_date(TODAY, lang)] + [format_money(d.balance, lang) for d in sample_debts()]


@pytest.mark.parametrize("fixture, lang, strategy, words", [
    ("pdf_zh", "zh", "avalanche", ["债务还款计划", "对比：不协商、按现有合同还款", "逐月还款计划", "向各机构提出的协商方案",
                                   "借款人的权利", "协商还款申请", "不构成法律意见", "张三丰"]),
    ("pdf_en", "en", "snowball", ["Debt repayment plan", "For comparison: repaying on the current contracts", "Month-by-month schedule",
                                  "What I am asking each lender for", "The borrower's rights", "Not legal advice"]),
])
def test_text_has_lenders_amounts_dates_and_sections(request, fixture, lang, strategy, words):
    text = pdf_text(request.getfixturevalue(fixture))
    for needle in NAMES + _expected_figures(lang, strategy) + words:
        assert needle in text, needle


@pytest.mark.parametrize("fixture", ["pdf_zh", "pdf_en"])
def test_every_page_has_the_footer_and_its_number(request, fixture):
    data = request.getfixturevalue(fixture)
    pages = page_texts(data)
    lang = "zh" if fixture == "pdf_zh" else "en"
    for n, text in enumerate(pages, start=1):
        assert ("不构成法律意见" if lang == "zh" else "Not legal advice") in text
        label = f"第 {n} / {len(pages)} 页" if lang == "zh" else f"Page {n} of {len(pages)}"
        assert label in text.replace("\n", ""), (n, label)


@pytest.mark.parametrize("fixture", ["pdf_zh", "pdf_en"])
def test_one_application_page_per_lender(request, fixture):
    pages = page_texts(request.getfixturevalue(fixture))
    title = "致{}的协商还款申请" if fixture == "pdf_zh" else "Repayment application to {}"
    for name in NAMES:
        starts = [p for p in pages if title.format(name) in p]
        assert len(starts) == 1, name


@pytest.mark.parametrize("fixture", ["pdf_zh", "pdf_en"])
def test_no_rendered_line_starts_with_closing_punctuation(request, fixture):
    for line in pdf_text(request.getfixturevalue(fixture)).splitlines():
        assert not line or line[0] not in CLOSING or len(line) == 1, line


@pytest.mark.parametrize("fixture", ["pdf_zh", "pdf_en"])
def test_font_is_embedded_and_subset(request, fixture):
    reader = PdfReader(io.BytesIO(request.getfixturevalue(fixture)))
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts, "no font"
    for base, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+NotoSansCJKsc-Regular|/[A-Z]{6}\+NotoSansCJKSC", base), base
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        embedded = [k for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in descriptor]
        assert embedded, f"{base} is not embedded"
        size = len(descriptor[embedded[0]].get_object().get_data())
        assert 1_000 < size < 2_000_000, f"{base}: {size} bytes is not a subset"


@pytest.mark.skipif(not HAS_POPPLER, reason="poppler-utils not installed")
def test_pdffonts_says_embedded_and_subset(pdf_zh, tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf_zh)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        cols = row.split()
        assert "+" in cols[0] and cols[-5:-2] == ["yes", "yes", "yes"], row     # emb sub uni


@pytest.mark.skipif(not HAS_POPPLER, reason="poppler-utils not installed")
@pytest.mark.parametrize("fixture", ["pdf_zh", "pdf_en"])
def test_poppler_reads_the_same_text(request, fixture):
    text = re.sub(r"\s+", "", poppler_text(request.getfixturevalue(fixture)))
    for name in NAMES:
        assert name in text
    assert re.sub(r"\s+", "", pdf_text(request.getfixturevalue(fixture)).splitlines()[0]) in text


@pytest.mark.skipif(not HAS_POPPLER, reason="poppler-utils not installed")
def test_page_one_renders_to_a_png(pdf_zh, tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf_zh)
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png")).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000


def test_same_inputs_give_identical_bytes(pdf_zh):
    again = build_pdf(sample_debts(), BUDGET, lang="zh", strategy="avalanche", today=TODAY,
                      profile={"name": "张三丰"})
    assert again == pdf_zh


def test_the_date_is_the_only_clock(pdf_zh):
    later = build_pdf(sample_debts(), BUDGET, lang="zh", strategy="avalanche", today=date(2027, 1, 15),
                      profile={"name": "张三丰"})
    assert later != pdf_zh
    assert b"D:20261201" in pdf_zh and b"D:20270115" in later


def test_pseudonymised_name_and_budget_plan_breakdown():
    plan = BudgetPlan(income=9_000, expenses={"rent": 2_000, "food": 1_000}, buffer=0)
    data = build_pdf(sample_debts()[:2], plan, lang="zh", today=TODAY, profile={"name": "王小明"}, pseudonymise=True)
    text = pdf_text(data)
    assert "王小明" not in text and "王**" in text
    for needle in ("每月净收入", "¥9,000.00", "房租/房贷", "-¥2,000.00", "可用于还债", "¥6,000.00"):
        assert needle in text, needle


def test_a_plan_that_never_clears_says_so():
    debts = [Debt("某贷", balance=50_000, annual_rate=36, min_payment=500)]
    text = pdf_text(build_pdf(debts, 800, lang="en", strategy="minimum", today=TODAY))
    assert "cannot be cleared" in text and "trillion" not in text


def test_bad_inputs_raise_invalid_input_with_every_issue():
    with pytest.raises(InvalidInput):
        build_pdf([], 1000, lang="zh", today=TODAY)
    with pytest.raises(InvalidInput) as exc:
        build_pdf(sample_debts(), 1000, lang="fr", today=TODAY)
    assert "fr" in exc.value.messages("en")[0]
