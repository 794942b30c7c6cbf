"""Values assumed for "不知道" are marked in the PDF (debts table, proposal table) with a footnote giving the
basis; known values are not marked; the application inside the PDF never states the estimate as the contract's."""

from __future__ import annotations

from datetime import date

import pytest

from planner import build_pdf, read_debts_csv
from tests.report.helpers import HAS_POPPLER, pdf_text, poppler_text

CSV = ("名称,类型,余额,年利率,最低还款,最低还款比例\n"
       "招行信用卡,信用卡,20000,不知道,,不知道\n"
       "某某分期,网络贷款,9000,不知道,900,\n"
       "借呗,网络贷款,12000,14.6,1120,\n").encode("utf-8")
TODAY = date(2026, 12, 3)


@pytest.fixture(scope="module")
def debts():
    result = read_debts_csv(CSV)
    assert result.ok
    return result.debts


@pytest.mark.parametrize("lang, mark, footnote, basis, contract", [
    ("zh", "（估计）", "本人不清楚这一数值", "估计依据：信用卡常见日利率万分之五", "合同约定年利率"),
    ("en", "(est.)", "I do not know this figure", "Basis of the estimate: cards commonly charge", "the contract rate is"),
])
def test_assumed_values_are_marked_with_a_footnote(debts, lang, mark, footnote, basis, contract):
    pdf = build_pdf(debts, 4000, lang=lang, today=TODAY, profile={"name": "张三"})
    text = pdf_text(pdf)
    compact = "".join(text.split())
    assert compact.count("".join(mark.split())) >= 4          # 2 rates + 1 minimum in the debts table, the proposal
    assert "".join(footnote.split()) in compact and "".join(basis.split()) in compact
    assert "".join(f"18.25%{mark}→".split()) in compact       # the proposal table: the current rate is an estimate
    assert "".join("14.60%→".split()) in compact              # a known rate carries no mark
    # the application to 借呗 (known rate) states it; those to the others do not state their estimate as a fact
    assert compact.count("".join(contract.split())) == 1
    if HAS_POPPLER:
        assert "".join(mark.split()) in "".join(poppler_text(pdf).split())


def test_no_mark_without_assumptions(debts):
    known = [d.replace(assumed=()) for d in debts]
    text = "".join(pdf_text(build_pdf(known, 4000, lang="zh", today=TODAY)).split())
    assert "（估计）" not in text and "本人不清楚这一数值" not in text
