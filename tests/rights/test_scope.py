"""Issue 10, defects 2, 6 and 7: what each document may cite, to whom, and in whose voice.

Every test here fails on the old texts: GB/T 45251 cited to card banks and private lenders,
刑法 第293条之一 in the threat/violence/home-entry rules and every draft, the police outline
listing standards, and complaints that pasted the advice written to the borrower.
"""
from datetime import date

import pytest

from planner import legal
from planner.rights import DRAFT_KINDS, RULES, render_draft, rights_summary
from planner.rights.drafts import draft_context

from .helpers import inc, sample_log

DAY = date(2026, 3, 10)
KINDS = (None, *legal.LENDER_KINDS)
NOT_LAW = ("推荐性国家标准", "行业自律")
ALL_TAGS_LOG = sample_log() + [
    inc("某某贷", date(2026, 3, 6), "visit", "borrower", "上门，推门进屋", tags=("home_entry", "violence", "insult")),
    inc("某某贷", date(2026, 3, 7), "call", "third_party", "又打给同事", relationship="同事",
        tags=("continued_after_refusal", "pressure_to_borrow")),
]


def _every_draft(lender_kind):
    for kind in DRAFT_KINDS:
        for lang in ("zh", "en"):
            yield kind, lang, render_draft(kind, ALL_TAGS_LOG, lender="某某贷", lang=lang, today=DAY,
                                           lender_kind=lender_kind).text


def test_every_source_has_a_kind_and_a_scope():
    for src in legal.sources().values():
        assert src.kind in legal.KINDS and src.scope
    assert legal.get("gbt_45251_2025").kind == "推荐性国家标准"
    assert legal.get("cba_collection_2026").kind == legal.get("nifa_convention_2018").kind == "行业自律"
    assert legal.get("card_rules_70").kind == "部门规章" and legal.get("spc_private_lending").kind == "司法解释"
    assert legal.get("channel_110").kind == "渠道"


@pytest.mark.parametrize("lender_kind", KINDS)
def test_no_document_cites_a_source_outside_its_scope(lender_kind):
    """For every lender kind, every draft in both languages names only sources in scope for it."""
    out_of_scope = [s for s in legal.sources().values() if not s.applies_to(lender_kind) and not s.is_channel]
    assert out_of_scope                                    # there is always something to keep out
    for kind, lang, text in _every_draft(lender_kind):
        for src in out_of_scope:
            assert src.title(lang) not in text, (kind, lang, lender_kind, src.id)


def test_scope_table_matches_domain():
    assert legal.in_scope(["gbt_45251_2025"], "credit_card") == []
    for kind in ("credit_card", "bank_loan", "private_loan"):
        assert not legal.get("gbt_45251_2025").applies_to(kind)
    assert legal.get("gbt_45251_2025").applies_to("online_loan")
    assert not legal.get("cba_collection_2026").applies_to("private_loan")
    assert legal.get("card_rules_68").applies_to("credit_card") and not legal.get("card_rules_68").applies_to("online_loan")
    assert legal.in_scope(["spc_private_lending"], "consumer_finance") == []
    with pytest.raises(legal.OutOfScopeCitation):
        legal.cite("gbt_45251_2025", "zh", lender_kind="credit_card")
    assert legal.cite("gbt_45251_2025", "zh")          # older callers without a lender kind still work


def test_card_complaint_cites_card_measures_not_the_standard():
    text = render_draft("regulator", sample_log(), lender="某某贷", lang="zh", today=DAY, lender_kind="credit_card").text
    assert "《商业银行信用卡业务监督管理办法》（2011）第68条" in text
    assert "GB/T 45251" not in text


@pytest.mark.parametrize("lender_kind", KINDS)
def test_standards_are_never_must_and_named_for_what_they_are(lender_kind):
    for kind, lang, text in _every_draft(lender_kind):
        for line in text.splitlines():
            if "GB/T 45251" in line:
                assert "推荐性国家标准" in line or "recommended national standard" in line
                assert "不得" not in line and " must " not in line
                assert "国家标准建议催收方" in line or "national standard says collectors should" in line
        assert "依据" not in text and "Rules and law" not in text


def test_293_1_never_for_ordinary_lenders():
    """Defect 2: 刑法 第293条之一 (collecting illegal debts) is not cited against a licensed lender's collectors."""
    for rule in RULES:
        assert "criminal_law_293_1" not in rule.sources
    for lender_kind in ("credit_card", "online_loan", "consumer_finance", "bank_loan", None):
        for kind, lang, text in _every_draft(lender_kind):
            assert "293条之一" not in text and "293-1" not in text, (kind, lang, lender_kind)
    for section in rights_summary("zh") + rights_summary("en"):
        assert "293" not in section.citation and "293" not in section.text


def test_293_1_only_conditionally_for_a_private_lender():
    text = render_draft("police", ALL_TAGS_LOG, lender="某某贷", lang="zh", today=DAY, lender_kind="private_loan").text
    line = next(x for x in text.splitlines() if "第293条之一" in x)
    assert "仅适用于催收高利放贷等产生的非法债务" in line


@pytest.mark.parametrize("lender_kind", KINDS)
def test_police_outline_lists_laws_only_and_110_is_a_channel(lender_kind):
    for lang in ("zh", "en"):
        ctx = draft_context("police", ALL_TAGS_LOG, lender="某某贷", lang=lang, today=DAY, lender_kind=lender_kind)
        ids = [c["id"] for c in ctx["police_laws"]]
        assert ids and all(legal.get(i).kind == "法律" for i in ids)
        assert {"public_security_penalties_50", "criminal_law_245", "criminal_law_246", "criminal_law_279",
                "criminal_law_293", "criminal_law_253_1"} <= set(ids)
        text = render_draft("police", ALL_TAGS_LOG, lender="某某贷", lang=lang, today=DAY,
                            lender_kind=lender_kind).text
        assert "GB/T" not in text and "银行业协会" not in text and "Banking Association" not in text
        laws = text[text.index("四、可能涉及" if lang == "zh" else "4. Laws that may apply"):]
        laws = laws[:laws.index("\n\n")]
        assert "110" not in laws                          # 110 is how to report, never a legal basis
        assert ("由公安机关依法认定" in laws) if lang == "zh" else ("for the police to decide" in laws)
        psl = next(x for x in laws.splitlines() if "治安管理处罚法" in x or "Public Security" in x)
        assert "第50条" in psl or "art. 50" in psl


def test_complaints_are_in_the_complainants_voice():
    """Defect 7: no advice written to the borrower ("您", "记录下来，不要照做") inside a complaint."""
    for rule in RULES:
        assert rule.complaint_zh and "您" not in rule.complaint_zh and "本人" in rule.complaint_zh + "本人"
        assert rule.complaint_en and " you" not in f" {rule.complaint_en.lower()}"
    for lender_kind in KINDS:
        for kind, lang, text in _every_draft(lender_kind):
            if kind == "police":
                text = text[:text.index("提示" if lang == "zh" else "Tips (for you)")]
            for rule in RULES:
                assert rule.description(lang) not in text, (kind, rule.id)
            if lang == "zh":
                assert "您" not in text, kind
            assert "记录下来，不要照做" not in text and "log it and do not do it" not in text
    zh = render_draft("regulator", sample_log(), lender="某某贷", lang="zh", today=DAY, lender_kind="online_loan").text
    assert "催收人员向本人以外的人（包括本人预留的联系人）透露了本人的欠款情况" in zh


# ---------------------------------------------------------------------------- property: any log, any lender kind

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from planner.rights import CHANNELS, ROLES, TAGS, Incident  # noqa: E402

_incident = st.builds(
    lambda day, channel, role, tags, hour: Incident(
        "某机构", date(2026, 3, day), channel, role, "催收", relationship="" if role == "borrower" else "同事",
        tags=tuple(tags), time=__import__("datetime").time(hour, 0)),
    st.integers(1, 28), st.sampled_from(list(CHANNELS)), st.sampled_from(list(ROLES)),
    st.lists(st.sampled_from(list(TAGS)), max_size=4, unique=True), st.integers(0, 23))


@settings(max_examples=40, deadline=None)
@given(st.lists(_incident, min_size=1, max_size=6), st.sampled_from(KINDS), st.sampled_from(["zh", "en"]))
def test_any_log_any_lender_kind_stays_in_scope(log, lender_kind, lang):
    out_of_scope = [s.title(lang) for s in legal.sources().values()
                    if not s.applies_to(lender_kind) and not s.is_channel]
    for kind in DRAFT_KINDS:
        text = render_draft(kind, log, lender="某机构", lang=lang, today=DAY, lender_kind=lender_kind).text
        assert not any(title in text for title in out_of_scope)
        assert "依据" not in text and "银保监会" not in text
        if lender_kind not in ("private_loan", "other"):
            assert "293条之一" not in text and "293-1" not in text
