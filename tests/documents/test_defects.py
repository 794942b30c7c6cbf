"""One test per defect of issue 10 in the negotiation documents (each fails on the old text)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from planner import Debt, legal
from planner.apr import flag_cost
from planner.documents import (BorrowerProfile, LenderDetails, application, family, phases, plain_text,
                               private_rate_overrides, script, spoken_amount, token_warning)
from planner.documents.voices import VOICES
from planner.negotiation import propose
from planner.negotiation.schedule import _interest, fixed_schedule, level_schedule

from .conftest import ON, PROFILE, START

LANGS = ("zh", "en")


def docs(plan, lender, lang, profile=PROFILE):
    return plain_text(application(plan, lender, lang, profile, on=ON)), plain_text(script(plan, lender, lang, profile))


# 1. a private loan gets a personal letter and script
@pytest.mark.parametrize("lang", LANGS)
def test_1_private_loan_gets_a_personal_letter(plans, lang):
    for lender in ("表哥借款", "王叔借款"):
        for text in docs(plans["equal_term"], lender, lang):
            for word in ("贵司", "贵行", "催收机构", "App", "协议编号", "GB/T", "中国银行业协会", "collection agency",
                         "in-app", "罚息", "penalty"):
                assert word not in text, (lender, word)
    letter, talk = docs(plans["equal_term"], "表哥借款", "zh")
    assert "表哥：您好！" in letter and "您" in talk and "¥10,000.00" in letter
    assert "最高人民法院" not in letter and "第678条" in letter          # 0 %: no private-lending rules
    assert "感激" in letter                                                # no penalty lines for a 0 % loan
    high = plain_text(application(plans["equal_term"], "王叔借款", "zh", PROFILE, on=ON))
    assert "最高人民法院" in high and "2024年5月" in high and "13.80%" in high and "请核实" in high


def test_1_private_rules_only_above_the_cap_at_the_loan_date():
    loan = Debt("李姐借款", balance=10000, annual_rate=15, min_payment=0, kind="private_loan")
    within = BorrowerProfile(lenders={"李姐借款": LenderDetails(loan_date=date(2019, 9, 25))})   # LPR 4.20 → 16.8 %
    plan = propose([loan], 1000, start=START, overrides=private_rate_overrides([loan], within))
    text = plain_text(application(plan, "李姐借款", "zh", within))
    assert "最高人民法院" not in text and "15.00%" in text and plan.lines[0].proposed_rate_pct == 15
    plan = propose([loan], 1000, start=START)                                       # no date: today's 12 %
    unknown = plain_text(application(plan, "李姐借款", "zh", BorrowerProfile()))
    assert "按借款时的一年期LPR计算（请核实）" in unknown and "12.00%" in unknown


def test_1_private_plan_asks_for_the_cap_at_the_loan_date(plans):
    assert plans["equal_term"].line("王叔借款").proposed_rate_pct == 13.8
    assert "调整为13.80%" in plain_text(application(plans["equal_term"], "王叔借款", "zh", PROFILE))


# 4. the family message is conditional; a guarantor gets none
@pytest.mark.parametrize("lang", LANGS)
def test_4_family_message_is_conditional(plans, lang):
    text = plain_text(family(plans["equal_term"], lang, PROFILE))
    assert "你没有在任何借款合同上签字担保" not in text and "You never signed" not in text
    assert ("如果你没有在借款合同或担保合同上签字担保" in text) if lang == "zh" else ("If you did not sign" in text)


# 5. one policy: the first instalment only after written confirmation; reduced payments still count as overdue
@pytest.mark.parametrize("lang", LANGS)
def test_5_first_payment_after_written_confirmation(plans, lang):
    for lender in ("招商银行信用卡", "借呗", "工商银行融e借"):
        letter, talk = docs(plans["equal_term"], lender, lang)
        assert "没有书面确认之前，我会按这个方案先还第一期" not in talk
        if lang == "zh":
            assert "收到" in letter and "书面确认后" in letter and "收到书面确认以后，就按约定还第一期" in talk
            assert "仍属逾期" in letter and "仍然算逾期" in talk and "征信" in letter and "罚息" in talk
        else:
            assert "once you have confirmed this plan in writing" in letter and "still counts as overdue" in talk


# 8. wording: no 本人本人, the right 贵行/贵司, sentences not labels, no 停息挂账 in letters, no nested brackets,
#    the user's text as an attachment
@pytest.mark.parametrize("lang", LANGS)
def test_8_wording(plans, lang):
    for line in plans["equal_term"].lines:
        letter, talk = docs(plans["equal_term"], line.name, lang)
        assert "本人本人" not in letter
        assert "停息挂账" not in letter and "interest pause" not in letter
        assert not re.search(r"（[^（）]*（[^（）]*）[^（）]*）", _without_titles(letter)), line.name
        if lang == "zh" and not VOICES[line.kind].personal:
            you = VOICES[line.kind].you_zh
            assert you in letter and ({"贵行", "贵司"} - {you}).isdisjoint(letter.split("【")[0])
            assert "一笔信用卡" not in letter and "一笔消费金融/小贷" not in letter
    card = docs(plans["equal_term"], "招商银行信用卡", "zh")[0]
    assert "贵行" in card and "贵司" not in card and "个性化分期" in card
    letter = docs(plans["equal_term"], "借呗", "zh")[0]
    assert "失业（公司裁员" not in letter
    body, attachment = letter.split("附件：本人情况说明")
    assert PROFILE.hardship_detail not in body and PROFILE.hardship_detail in attachment


def _without_titles(text: str) -> str:
    """Citation titles carry their own parentheses (e.g. 《…（试行）》（2026年1月30日）): not our wording."""
    return "\n".join(line for line in text.splitlines() if not line.startswith(("- 【", "- [")))


def test_8_no_nested_brackets_in_negotiation_messages(sample_debts):
    msg = propose(sample_debts, 1500, "sequential", start=START).reason.render("zh")
    assert "（非法律规定）" not in msg and not re.search(r"（[^（）]*（", msg)


# 9. 24 % only as "高于24%，请求调整" for online loans and consumer finance; 4 × LPR at the loan date
def test_9_24_percent_is_an_argument_not_a_cap():
    costly = Debt("某消费金融", balance=10000, annual_rate=30, min_payment=500, kind="consumer_finance")
    bank = Debt("某银行贷款", balance=10000, annual_rate=30, min_payment=500, kind="bank_loan")
    plan = propose([costly, bank], 3000, start=START)
    cf = plain_text(application(plan, "某消费金融", "zh", PROFILE))
    assert "高于24%，请求贵司予以调整" in cf and "上限" not in cf.split("六、")[0]
    assert "24%" not in plain_text(application(plan, "某银行贷款", "zh", PROFILE))
    assert flag_cost(30, "bank_loan").level == "no_threshold"
    msg = flag_cost(30, "consumer_finance").message("zh")
    assert "高于24.00%，可请求调整" in msg and "不是法定上限" in msg and "综合成本上限" not in msg


# 10. account identifier and legal entity, blanks when empty
def test_10_account_and_legal_entity(plans):
    letter = docs(plans["equal_term"], "借呗", "zh")[0]
    assert "致：重庆蚂蚁消费金融有限公司" in letter and "借款合同编号：20240501123456" in letter
    card = docs(plans["equal_term"], "招商银行信用卡", "zh")[0]
    assert "信用卡卡号后四位：6789" in card and "招商银行股份有限公司信用卡中心" in card
    blank = docs(plans["equal_term"], "微粒贷", "zh")[0]
    assert "致：＿＿＿＿（请在合同中查找）" in blank and "借款合同编号：＿＿＿＿（请在合同中查找）" in blank


def test_10_a_catalogue_entity_fills_the_blank_only_when_certain(plans):
    """Nothing typed: a lender the catalogue knows for certain (same kind) is addressed by its legal entity, marked
    to be checked; a name the catalogue does not know for that kind keeps the blank; what was typed always wins."""
    empty = BorrowerProfile()
    known = docs(plans["equal_term"], "招联消费金融", "zh", empty)[0]
    assert "致：招联消费金融股份有限公司（请与合同核对）" in known
    assert "致：＿＿＿＿（请在合同中查找）" in docs(plans["equal_term"], "京东金条", "zh", empty)[0]
    typed = BorrowerProfile(lenders={"招联消费金融": LenderDetails(legal_entity="某某公司")})
    assert "致：某某公司\n" in docs(plans["equal_term"], "招联消费金融", "zh", typed)[0]


# 11. the last instalment, the phases of a sequential plan, spoken amounts, token warnings
def test_11_last_instalment_is_stated(plans):
    line = plans["equal_term"].line("借呗")
    ph = phases(line.timetable)
    assert len(ph) == 2 and ph[0].amount != ph[1].amount
    letter = docs(plans["equal_term"], "借呗", "zh")[0]
    assert f"共{line.months}期，末期¥{ph[1].amount:,.2f}" in letter
    assert "× 31期" not in letter


def test_11_sequential_phases_and_token(plans):
    plan = plans["sequential"]
    line = plan.line("京东金条")
    letter = docs(plan, "京东金条", "zh")[0]
    first = phases(line.timetable)[0]
    assert f"第1至{first.count}期" in letter and f"前{first.count}个月为先行少量还款" in letter
    assert token_warning(line) is not None and "低于按合同利率每月产生的利息" in token_warning(line).render("zh")
    assert token_warning(plan.line("招联消费金融")) is None


@pytest.mark.parametrize("amount, said", [(18600, "一万八千六百元"), (466.88, "四百六十六元八角八分"),
                                          (1005, "一千零五元"), (10, "十元"), (100010, "十万零一十元"),
                                          (20000, "两万元"), (0.05, "五分"), (1000000, "一百万元"),
                                          (10000.5, "一万元五角"), (101, "一百零一元")])
def test_11_spoken_amounts(amount, said):
    assert spoken_amount(amount) == said


def test_11_script_amounts_are_spoken(plans):
    talk = docs(plans["equal_term"], "招商银行信用卡", "zh")[1]
    assert "一万八千六百元" in talk and "¥18,600.00" not in talk


# 14. safety content: paid intermediaries, forged proof, no new cards, the credit record stays
@pytest.mark.parametrize("lang", LANGS)
def test_14_safety_content(plans, lang):
    letter, talk = docs(plans["equal_term"], "招商银行信用卡", lang)
    if lang == "zh":
        assert "代理协商" in talk and "停息挂账" in talk and "债务优化" in talk and "伪造" in talk
        assert "不再申请新的信用卡" in letter and "征信" in letter
    else:
        assert "forged" in talk and "not apply for any new credit card" in letter and "credit report" in letter
    other = docs(plans["equal_term"], "借呗", lang)[0]
    assert "信用卡" not in other.split("附件")[0].replace("招商银行信用卡", "") or lang == "en"


# 15. the doesn't-fit message quotes the longest-term instalment; overrides never above the contract; cents
def test_15_binding_lender_needs_its_longest_term_instalment(sample_debts):
    plan = propose(sample_debts, 1500, "sequential", start=START)
    assert plan.binding_lender == "借呗"
    inst = level_schedule(1_200_000, 14.6, 36)[0]
    assert inst == 41364
    assert "¥413.64" in plan.reason.render("zh") and "¥1,584.17" not in plan.reason.render("zh")


def test_15_override_never_asks_more_than_the_contract(sample_debts):
    plan = propose(sample_debts, 3000, start=START, overrides={"京东金条": {"rate_pct": 50}, "表哥借款": {"rate_pct": 11.03}})
    assert plan.line("京东金条").proposed_rate_pct == 18.0 and plan.line("表哥借款").proposed_rate_pct == 0.0
    shown = [w.render("zh") for w in plan.warnings]
    assert len(shown) == 2 and "高于合同利率" in shown[0]


def test_15_interest_is_exact_to_the_cent():
    assert _interest(348_000, 10.95) == 3176                      # 31.755 → 31.76, floats gave 31.75
    pays = fixed_schedule(348_000, 10.95, 50_000, 12)
    bal = 348_000
    for p in pays:
        bal = bal + _interest(bal, 10.95) - p
    assert bal == 0


def test_only_verified_sources_are_cited(plans):
    unverified = [s for s in legal.sources().values() if not s.verified]
    for line in plans["equal_term"].lines:
        for lang in LANGS:
            text = "".join(docs(plans["equal_term"], line.name, lang))
            for s in unverified:
                assert s.title(lang) not in text
            assert "银保监会" not in text.replace("原银保监会", "")
            assert "第293条" not in text and "293-1" not in text


def test_15_and_11_cli_propose_sequential(capsys):
    from planner.cli import main

    from .conftest import ROOT
    assert main(["propose", str(ROOT / "sample_debts.csv"), "--budget", "1500", "--method", "sequential"]) == 0
    out = capsys.readouterr().out
    assert "借呗" in out and "¥413.64" in out and "每月也要还 ¥1,584.17" not in out
    assert main(["propose", str(ROOT / "sample_debts.csv"), "--budget", "3000", "--method", "sequential",
                 "--start", "2027-01-01"]) == 0
    assert "23×¥186.00 → ¥422.31 → 4×¥3,000.00 → ¥1,899.69" in capsys.readouterr().out
