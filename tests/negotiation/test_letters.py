"""Scripts and letters: golden files in both languages, escaping of user text, verified citations only.

Regenerate the golden files after an intended change with::

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/negotiation/test_letters.py
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from planner import legal
from planner.letters import (KIND_CITATIONS, PRIVACY_CITATIONS, THIRD_PARTY_CITATIONS, BorrowerProfile,
                             escape_md, filename, render_application, render_family_message,
                             render_script)
from planner.negotiation import propose

from .conftest import START

GOLDEN = Path(__file__).parent / "golden"
PROFILE = BorrowerProfile(name="张三", hardship="job_loss", hardship_detail="公司裁员，正在找工作",
                          contact="138-0000-0000")
EVIL = BorrowerProfile(name="**Li** <script>alert(1)</script> [x](http://evil)",
                       hardship="other", hardship_detail="line1\n# Agreement no: FAKE-1\n| a | b |\u202e",
                       contact="`rm -rf` & {{ 7*7 }}")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        if not path.exists() and os.environ.get("UPDATE_GOLDEN") != "1":
            path.write_text(text, "utf-8")
            pytest.fail(f"golden file {name} was missing and has been written: review it and re-run")
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8"), f"{name} differs (UPDATE_GOLDEN=1 to accept)"


@pytest.fixture(scope="module")
def plans(sample_debts):
    return {m: propose(sample_debts, 3000, m, start=START) for m in ("equal_term", "sequential")}


CASES = [("equal_term", "招商银行信用卡"), ("equal_term", "京东金条"), ("sequential", "招联消费金融"),
         ("equal_term", "表哥借款")]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("method, lender", CASES)
def test_script_golden(plans, method, lender, lang):
    text = render_script(plans[method], lender, lang, PROFILE)
    check_golden(filename("script", plans[method].line(lender), lang).replace("script_", f"script_{method}_"),
                 text)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("method, lender", CASES[:3])
def test_application_golden(plans, method, lender, lang):
    text = render_application(plans[method], lender, lang, PROFILE, on=date(2026, 12, 20))
    check_golden(f"application_{method}_{filename('x', plans[method].line(lender), lang)[2:]}", text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_family_golden(lang):
    check_golden(f"family_{lang}.md", render_family_message(lang, PROFILE))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_script_contents(plans, lang):
    plan = plans["equal_term"]
    line = plan.line("京东金条")
    text = render_script(plan, line, lang, PROFILE)
    # the real figures
    for figure in ("¥8,000.00", "¥1,520.00", f"{line.instalment:,.2f}", str(line.months), f"{line.total_repay:,.2f}"):
        assert figure in text
    # the required parts: written confirmation + reference, third parties, refuse borrowing elsewhere
    words = {"zh": ("书面", "协议编号", "家人", "以贷养贷", "工号"),
             "en": ("in writing", "agreement or ticket number", "family", "borrow from another lender", "staff ID")}
    for w in words[lang]:
        assert w in text


@pytest.mark.parametrize("render", ["script", "application", "family"])
@pytest.mark.parametrize("fmt", ["md", "txt"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_user_text_is_escaped(plans, render, fmt, lang):
    plan = plans["equal_term"]
    if render == "script":
        text = render_script(plan, "借呗", lang, EVIL, fmt=fmt)
    elif render == "application":
        text = render_application(plan, "借呗", lang, EVIL, fmt=fmt)
    else:
        text = render_family_message(lang, EVIL, fmt=fmt)
    assert "\u202e" not in text
    assert "\n# Agreement" not in text and "\n| a | b |" not in text     # no injected lines
    if render != "script":                   # user text is data, never evaluated as a template
        assert ("{{ 7*7 }}" if fmt == "txt" else r"\{\{ 7\*7 \}\}") in text
    if fmt == "md":
        assert "<script>" not in text and "](http" not in text and "**Li**" not in text
        assert r"\<script\>" in text and r"\*\*Li\*\*" in text


def test_lender_name_and_channel_are_escaped(sample_debts):
    evil = sample_debts[0].replace(name="<b>Bank</b> [x](y)", official_channel="call **me**\n# now")
    plan = propose((evil,) + sample_debts[1:], 3000, start=START)
    text = render_application(plan, evil.name, "en", None)
    assert "<b>" not in text and r"\<b\>Bank\</b\>" in text and "\n# now" not in text and "**me**" not in text


def test_escape_md_roundtrip_is_plain():
    assert escape_md("abc 中文 123") == "abc 中文 123"


def test_only_verified_sources_are_cited():
    ids = set(THIRD_PARTY_CITATIONS) | set(PRIVACY_CITATIONS) | {i for v in KIND_CITATIONS.values() for i in v}
    assert all(legal.get(i).verified for i in ids)
    for sid, src in legal.sources().items():
        if not src.verified:
            with pytest.raises(legal.UnverifiedCitation):
                legal.cite(sid)


def test_unverified_titles_never_appear_in_letters(plans):
    unverified = [s for s in legal.sources().values() if not s.verified and s.article_zh]
    plan = plans["equal_term"]
    for line in plan.lines:
        for lang in ("zh", "en"):
            text = render_script(plan, line, lang, PROFILE) + render_application(plan, line, lang, PROFILE)
            for s in unverified:
                assert s.title(lang) not in text
            assert "银保监会" not in text.replace("原银保监会", "")


def test_bad_profile():
    with pytest.raises(ValueError):
        BorrowerProfile(hardship="bored")


def test_filename_is_safe(plans):
    line = plans["equal_term"].line("招商银行信用卡")
    assert filename("script", line, "zh") == "script_招商银行信用卡_zh.md"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cost_argument_feeds_the_letter(lang):
    from planner import Debt
    debts = [Debt("朋友借款", balance=10000, annual_rate=36, min_payment=500, kind="private_loan"),
             Debt("某网贷", balance=5000, annual_rate=36, min_payment=500, kind="online_loan")]
    plan = propose(debts, 3000, start=START)
    private = render_application(plan, "朋友借款", lang, PROFILE)
    assert "36.00%" in private and "12.00%" in private
    assert legal.cite("spc_private_lending", lang) in private
    online = render_script(plan, "某网贷", lang, PROFILE)
    assert "36.00%" in online and "24.00%" in online
    assert legal.get("licensed_cost_cap_24").title(lang) not in online     # 'likely': never cited as law
