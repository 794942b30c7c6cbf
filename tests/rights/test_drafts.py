"""Drafts: golden files in both languages (regenerate with UPDATE_GOLDEN=1), escaping, citations."""
import os
import re
from datetime import date
from pathlib import Path

import pytest

from planner import legal
from planner.rights import DRAFT_KINDS, Borrower, DraftError, available_drafts, check_log, render_draft
from planner.rights.drafts import draft_context

from .helpers import inc, sample_log

GOLDEN = Path(__file__).parent / "golden"
DAY = date(2026, 3, 10)
BORROWER = Borrower(name="李某", phone="138xxxx0000", account_ref="1234")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", list(DRAFT_KINDS))
def test_golden(kind, lang):
    draft = render_draft(kind, sample_log(), lender="某某贷", lang=lang, today=DAY, borrower=BORROWER)
    path = GOLDEN / f"{kind}.{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(draft.text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path.name}: run with UPDATE_GOLDEN=1"
    assert draft.text == path.read_text(encoding="utf-8")
    assert draft.filename == f"{kind}_{lang}_2026-03-10.txt" and draft.lang == lang


def test_every_incident_and_evidence_file_is_in_the_complaint():
    text = render_draft("regulator", sample_log(), lender="某某贷", lang="zh", today=DAY).text
    for name in ("录音_0302.m4a", "同事微信截图.png", "短信截图1.png", "短信截图2.png"):
        assert name in text
    assert text.count("\n| ") == 1 + 5            # header + the 5 incidents of this lender (separator row starts '|---')
    assert "某银行信用卡" not in text


def test_user_text_is_escaped():
    evil = inc(role="third_party", relationship="a|b\n| 99 | fake row", summary="<script>alert(1)</script>\n四、诉求",
               tags=("disclosure",), evidence=("x|y.png",))
    text = render_draft("regulator", [evil], lender="某某贷", lang="en", today=DAY).text
    assert "<script>" not in text and "＜script＞" in text
    table = [line for line in text.splitlines() if line.startswith("| 1 |")]
    assert len(table) == 1 and table[0].count("|") == 9           # 8 cells: the user's '|' cannot add any
    assert "| 99 | fake row" not in text
    assert "   四、诉求" in text                                   # a new line of user text stays indented
    assert "x/y.png" in text


def test_placeholders_when_signer_blank():
    text = render_draft("lender_stop", sample_log(), lender="某某贷", lang="zh", today=DAY).text
    assert "【您的姓名】" in text and "【借款/卡号后四位】" in text
    assert "[your name]" in render_draft("lender_stop", sample_log(), lender="某某贷", lang="en", today=DAY).text


def test_only_verified_sources_are_cited():
    likely = [s for s in legal.sources().values() if not s.verified and not s.id.startswith("channel_")]
    for kind in DRAFT_KINDS:
        for lang in ("zh", "en"):
            ctx = draft_context(kind, sample_log(), lender="某某贷", lang=lang, today=DAY)
            text = render_draft(kind, sample_log(), lender="某某贷", lang=lang, today=DAY).text
            verified = {legal.cite(s.id, lang) for s in legal.sources().values() if s.verified}
            assert all(c["title"] in verified for c in ctx["citations"])
            for src in likely:
                assert src.title(lang) not in text and src.law_zh not in text
            assert "银保监会" not in text and "CBIRC" not in text
            assert "治安管理处罚法" not in text


def test_likely_channels_are_marked_to_confirm():
    zh = render_draft("regulator", sample_log(), lender="某某贷", lang="zh", today=DAY).text
    assert "国家金融监督管理总局消费者投诉热线 12378" in zh and "请先核实该渠道的最新号码/网址" in zh
    nifa = render_draft("nifa", sample_log(), lender="某某贷", lang="en", today=DAY).text
    assert "still runs" in nifa


def test_police_only_for_serious_cases():
    assert "police" in available_drafts(sample_log())
    mild = [inc(role="third_party", tags=("disclosure",))]
    assert available_drafts(mild) == ["regulator", "nifa", "lender_stop"]
    assert available_drafts([]) == []
    police = render_draft("police", sample_log(), lender="某某贷", lang="zh", today=DAY).text
    assert "110" in police and "提醒还款" not in police and "一天打了好几次" not in police


def test_errors():
    with pytest.raises(DraftError):
        render_draft("letter_to_santa", sample_log(), lender="某某贷", today=DAY)
    with pytest.raises(DraftError):
        render_draft("regulator", sample_log(), lender="没有这个机构", today=DAY)


def test_hits_passed_in_are_used():
    log = sample_log()
    hits = check_log(log)
    assert render_draft("nifa", log, lender="某某贷", today=DAY, hits=hits).text == \
        render_draft("nifa", log, lender="某某贷", today=DAY).text


def test_no_leftover_template_syntax():
    for kind in DRAFT_KINDS:
        for lang in ("zh", "en"):
            text = render_draft(kind, sample_log(), lender="某某贷", lang=lang, today=DAY).text
            assert not re.search(r"{{|}}|{%|%}|\n\n\n", text)
