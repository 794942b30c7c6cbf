"""Issue 10 in the PDF: defects 3, 12, 13, 14 and header cells, checked with pdftotext (CID fonts)."""

from __future__ import annotations

import subprocess

import pytest

from planner import format_money
from planner.report import build_pdf
from planner.report.layout import ReportPDF
from tests.report.conftest import TODAY
from tests.report.helpers import HAS_POPPLER, sample_debts

pytestmark = pytest.mark.skipif(not HAS_POPPLER, reason="needs poppler-utils (pdftotext)")
LOW = 1500            # nothing clears the sample portfolio without an agreement


def text(data: bytes, first: int | None = None, last: int | None = None) -> str:
    cmd = ["pdftotext", "-layout"] + (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    out = subprocess.run(cmd + ["-", "-"], input=data, capture_output=True, check=True).stdout.decode("utf-8")
    return " ".join(out.split())          # words of one phrase may wrap onto the next line


@pytest.fixture(scope="module", params=["zh", "en"])
def low(request):
    return request.param, build_pdf(sample_debts(), LOW, lang=request.param, today=TODAY,
                                    profile={"name": "王五", "phone": "13800001111"})


@pytest.fixture(scope="module", params=["zh", "en"])
def normal(request):
    return request.param, build_pdf(sample_debts(), 6000, lang=request.param, today=TODAY)


def test_low_budget_says_cannot_be_cleared_not_trillions(low):
    """#12: no "超过 ¥1万亿" interest and no 600 months in arrears in a document sent to lenders."""
    lang, data = low
    body = text(data)
    assert "万亿" not in body and "trillion" not in body
    assert " 600 " not in body
    assert ("无法还清" if lang == "zh" else "cannot be cleared") in body
    assert ("这正是本人向各机构申请协商的原因" if lang == "zh" else "That is why I am asking the lenders to negotiate") in body


def test_low_budget_leads_with_negotiation(low):
    lang, data = low
    body = text(data)
    proposal = body.index("向各机构提出的协商方案" if lang == "zh" else "What I am asking each lender for")
    comparison = body.index("以下是不与任何机构协商" if lang == "zh" else "The simulation below assumes no agreement")
    assert proposal < comparison
    cover = text(data, 1, 1)
    assert ("申请的每月还款合计" if lang == "zh" else "Monthly total I propose") in cover
    assert ("不协商时（对比）" if lang == "zh" else "Without an agreement (comparison)") in cover
    assert "王五" in cover                                     # the borrower profile


def test_no_must_and_no_plan_fits(low, normal):
    """#3: the plan is within the budget (or not) and each lender decides; never "Lenders must agree"."""
    for lang, data in (low, normal):
        body = text(data)
        for bad in ("Lenders must", "must agree", "The plan fits", "方案可行", "必须与各机构", "停息挂账（"):
            assert bad not in body, bad
        assert ("由各机构决定" if lang == "zh" else "each lender decides") in body


def test_cover_leads_with_the_proposal_and_labels_the_comparison(normal):
    """#13: one total on the cover — the proposal's; the no-deal figures are labelled as the comparison."""
    lang, data = normal
    cover = text(data, 1, 1)
    from planner.report.context import build_context
    ctx = build_context(sample_debts(), 6000, lang=lang, strategy="avalanche", method=None, today=TODAY)
    plan = ctx.negotiation
    assert format_money(plan.total_monthly, lang) in cover and format_money(plan.total_repay, lang) in cover
    assert ("在每月可还款之内" if lang == "zh" else "within my monthly budget") in cover
    assert ("作为对比" if lang == "zh" else "For comparison") in cover
    assert format_money(ctx.result.total_paid, lang) not in cover        # the no-deal total is not a headline
    assert ("还款策略" if lang == "zh" else "Repayment strategy") not in cover


def test_safety_content(normal):
    """#14: paid intermediaries, forged proof, the card plan's no-new-cards promise and the credit record."""
    lang, data = normal
    body = text(data)
    if lang == "zh":
        for needle in ("代理协商", "伪造", "不再申请新的信用卡", "征信", "未委托任何收费"):
            assert needle in body, needle
    else:
        for needle in ("negotiation agent", "forged proof", "not to apply for new credit cards", "credit report",
                       "without any fee-charging"):
            assert needle in body, needle


def test_rights_pages_label_source_kinds(normal):
    lang, data = normal
    body = text(data)
    assert ("推荐性国家标准" if lang == "zh" else "recommended national standard") in body
    assert ("相关法律及行业规范" if lang == "zh" else "Laws, regulations and industry standards") in body
    assert "293" not in body and "依据：" not in body


def test_header_cells_never_break_a_single_character(monkeypatch):
    """Every table header in both languages, at both budgets, wraps without a lone character or a cut word."""
    seen: list[tuple[ReportPDF, list[str], list[float]]] = []
    original = ReportPDF.header_widths

    def spy(self, titles, widths, pad_x):
        out = original(self, titles, widths, pad_x)
        seen.append((self, list(titles), out, pad_x, self.font_size_pt))
        return out

    monkeypatch.setattr(ReportPDF, "header_widths", spy)
    for lang in ("zh", "en"):
        for budget in (LOW, 6000):
            build_pdf(sample_debts(), budget, lang=lang, today=TODAY)
    assert seen
    for pdf, titles, widths, pad_x, size in seen:
        pdf.set_font_size(size)
        for title, w in zip(titles, widths):
            assert pdf.header_ok(title, w - 2 * pad_x), (title, [x for x in pdf.lines(title, w - 2 * pad_x)])


def test_header_ok_catches_the_old_breaks():
    pdf = ReportPDF(header_text="", footer_text="", page_label="", created=__import__("datetime").datetime(2026, 1, 1),
                    title="t", lang="en")
    pdf.add_page()
    pdf.set_font_size(8.5)
    narrow = sum(pdf.char_width(c) for c in "Ran") + 0.1
    assert not pdf.header_ok("Rank", narrow)                 # "Ran" / "k"
    assert pdf.header_ok("Rank", narrow + 5)
    assert not pdf.header_ok("有逾期的月数", sum(pdf.char_width(c) for c in "有逾期的月") + 0.1)


def test_pdf_letters_use_the_profile_and_pseudonymise_masks_nested_numbers():
    profile = {"name": "王小明", "phone": "13812345678",
               "lenders": {"借呗": {"account_id": "HT20250001234", "legal_entity": "重庆蚂蚁消费金融有限公司"}}}
    plain = text(build_pdf(sample_debts(), 6000, lang="zh", today=TODAY, profile=profile))
    assert "HT20250001234" in plain and "重庆蚂蚁消费金融有限公司" in plain and "13812345678" in plain
    masked = text(build_pdf(sample_debts(), 6000, lang="zh", today=TODAY, profile=profile, pseudonymise=True))
    assert "HT20250001234" not in masked and "13812345678" not in masked and "王小明" not in masked
    assert "1234" in masked and "5678" in masked
