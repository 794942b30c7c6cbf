"""Drafts: golden files in both languages (regenerate with UPDATE_GOLDEN=1), escaping, citations."""
import os
import re
from datetime import date
from pathlib import Path

import pytest

from planner import legal
from planner.rights import DRAFT_KINDS, Borrower, DraftError, available_drafts, check_log, profile_fields, render_draft
from planner.rights.drafts import draft_context

from .helpers import inc, sample_log

GOLDEN = Path(__file__).parent / "golden"
DAY = date(2026, 3, 10)
BORROWER = Borrower(name="李某", phone="138xxxx0000", account_ref="1234")


# (draft, lender kind): every draft for an online lender, the "stop" letter to a card bank (贵行, card measures),
# and the police outline for a licensed lender and for a private lender (刑法 第293条之一 only there, conditional).
GOLDEN_CASES = [("regulator", "online_loan"), ("nifa", "online_loan"), ("lender_stop", "online_loan"),
                ("police", "online_loan"), ("regulator", "credit_card"), ("lender_stop", "credit_card"),
                ("police", "private_loan")]
PROFILE_SIGNER = Borrower(name="李某", phone="138xxxx0000", account_ref="HT2025-1234",
                          legal_entity="某某消费金融有限公司")
CARD_SIGNER = Borrower(name="李某", phone="138xxxx0000", account_ref="1234",
                       legal_entity="某某银行股份有限公司信用卡中心")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind,lender_kind", GOLDEN_CASES)
def test_golden(kind, lender_kind, lang):
    signer = {"private_loan": BORROWER, "credit_card": CARD_SIGNER}.get(lender_kind, PROFILE_SIGNER)
    draft = render_draft(kind, sample_log(), lender="某某贷", lang=lang, today=DAY, borrower=signer,
                         lender_kind=lender_kind)
    path = GOLDEN / f"{kind}.{lender_kind}.{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(draft.text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path.name}: run with UPDATE_GOLDEN=1"
    assert draft.text == path.read_text(encoding="utf-8")
    assert draft.filename == f"{kind}_{lang}_2026-03-10.txt" and draft.lang == lang
    assert draft.how_to_send


def test_every_incident_and_evidence_file_is_in_the_complaint():
    text = render_draft("regulator", sample_log(), lender="某某贷", lang="zh", today=DAY).text
    for name in ("录音_0302.m4a", "同事微信截图.png", "短信截图1.png", "短信截图2.png"):
        assert name in text
    assert len(re.findall(r"^\d\. 2026-03-0\d", text, re.M)) == 5      # the 5 incidents of this lender
    assert "某银行信用卡" not in text


def test_user_text_is_escaped():
    evil = inc(role="third_party", relationship="a|b\n| 99 | fake row", summary="<script>alert(1)</script>\n四、诉求",
               tags=("disclosure",), evidence=("x|y.png",))
    text = render_draft("regulator", [evil], lender="某某贷", lang="en", today=DAY).text
    assert "<script>" not in text and "＜script＞" in text
    assert "a/b | 99" not in text and "a/b / 99 / fake row" in text  # the relationship stays on its one line
    assert "\n四、诉求" not in text and "   四、诉求" in text          # a new line of user text stays indented
    assert "x/y.png" in text


def test_placeholders_when_signer_blank():
    text = render_draft("lender_stop", sample_log(), lender="某某贷", lang="zh", today=DAY).text
    assert "【姓名】" in text and "【合同编号或卡号后四位】" in text and "【合同上的机构全称】" in text
    card = render_draft("lender_stop", sample_log(), lender="某某贷", lang="zh", today=DAY,
                        lender_kind="credit_card").text
    assert "【卡号后四位】" in card
    assert "[full name]" in render_draft("lender_stop", sample_log(), lender="某某贷", lang="en", today=DAY).text


def test_likely_sources_are_marked_and_verified_ones_plain():
    for kind in DRAFT_KINDS:
        for lender_kind in (None, *legal.LENDER_KINDS):
            for lang in ("zh", "en"):
                ctx = draft_context(kind, sample_log(), lender="某某贷", lang=lang, today=DAY, lender_kind=lender_kind)
                for c in ctx["citations"] + ctx["police_laws"]:
                    assert c["confirm"] == (not legal.get(c["id"]).verified)
                text = render_draft(kind, sample_log(), lender="某某贷", lang=lang, today=DAY,
                                    lender_kind=lender_kind).text
                marker = "请核实" if lang == "zh" else "check"
                for c in ctx["police_laws"] if kind == "police" else ctx["citations"]:
                    line = next(x for x in text.splitlines() if x.startswith(f"- {c['title']}"))
                    assert (marker in line) == c["confirm"], line
                assert "银保监会" not in text and "CBIRC" not in text


def test_how_to_send_names_current_channels():
    zh = render_draft("regulator", sample_log(), lender="某某贷", lang="zh", today=DAY)
    assert "12378" in zh.how_to_send and "地方金融管理部门" in zh.how_to_send and "请核实" in zh.how_to_send
    assert "银保监会" not in zh.how_to_send + zh.text
    nifa = render_draft("nifa", sample_log(), lender="某某贷", lang="en", today=DAY)
    assert "still runs" in nifa.how_to_send


def test_police_only_for_serious_cases():
    assert "police" in available_drafts(sample_log())
    mild = [inc(role="third_party", tags=("disclosure",))]
    assert available_drafts(mild) == ["regulator", "nifa", "lender_stop"]
    assert available_drafts(mild, lender_kind="credit_card") == ["regulator", "lender_stop"]
    assert available_drafts(mild, lender_kind="private_loan") == []
    assert available_drafts(sample_log(), lender_kind="private_loan") == ["police"]
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


def test_signer_from_profile():
    profile = {"name": "王五", "phone": "13900000000",
               "lenders": {"某某贷": {"account_ref": "HT-9", "legal_entity": "某某小额贷款有限公司"}}}
    signer = Borrower.from_profile(profile, "某某贷")
    text = render_draft("regulator", sample_log(), lender="某某贷", lang="zh", today=DAY, borrower=signer).text
    assert "投诉人：王五" in text and "13900000000" in text and "HT-9" in text and "某某小额贷款有限公司" in text
    assert profile_fields({"name": "x"}, "某某贷") == {"name": "x", "phone": "", "account_ref": "", "legal_entity": ""}
    assert profile_fields(None) == {"name": "", "phone": "", "account_ref": "", "legal_entity": ""}


def test_addressed_as_bank_or_company():
    card = render_draft("lender_stop", sample_log(), lender="某某贷", lang="zh", today=DAY, lender_kind="credit_card").text
    online = render_draft("lender_stop", sample_log(), lender="某某贷", lang="zh", today=DAY, lender_kind="online_loan").text
    assert "贵行" in card and "贵司" not in card
    assert "贵司" in online and "贵行" not in online
    assert "本人本人" not in card + online
