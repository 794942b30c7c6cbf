"""Renderers: plain text is clean, Markdown is escaped, .docx reads back, the PDF's text extracts, bytes repeat."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest

from planner.documents import (BorrowerProfile, Bullets, Document, Fields, Heading, LenderDetails, Paragraph,
                               Signature, Table, application, docx_bytes, family, lender_files, markdown,
                               pdf_bytes, plain_text, script)

from .conftest import ON, PROFILE

EVIL = BorrowerProfile(name="**Li** <script>alert(1)</script> [x](http://evil)", phone="`rm -rf` & {{ 7*7 }}",
                       hardship="other", hardship_detail="line1\n# Agreement no: FAKE-1\n| a | b |\u202e",
                       lenders={"借呗": LenderDetails(account_id="# 123", legal_entity="<b>Evil Co</b>")})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plain_text_has_no_markdown(plans, lang):
    for line in plans["sequential"].lines:
        for doc in (application(plans["sequential"], line, lang, PROFILE, on=ON),
                    script(plans["sequential"], line, lang, PROFILE), family(plans["sequential"], lang, PROFILE)):
            text = plain_text(doc)
            assert "**" not in text and "\\" not in text and "|" not in text
            assert not any(ln.startswith("#") for ln in text.splitlines())


@pytest.mark.parametrize("which", ["application", "script", "family"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_user_text_is_data(plans, which, lang):
    plan = plans["equal_term"]
    doc = {"application": lambda: application(plan, "借呗", lang, EVIL),
           "script": lambda: script(plan, "借呗", lang, EVIL), "family": lambda: family(plan, lang, EVIL)}[which]()
    text, md = plain_text(doc), markdown(doc)
    assert "\u202e" not in text and "\n# Agreement" not in text and "\n| a | b |" not in text
    assert "<script>" not in md and "](http" not in md and "**Li**" not in md and "\n# " not in md
    if which != "script":
        assert "{{ 7*7 }}" in text and r"\{\{ 7\*7 \}\}" in md           # never evaluated as a template
    if which == "application":
        assert "<b>Evil Co</b>" in text and r"\<b\>Evil Co\</b\>" in md


def test_lender_name_and_channel_are_escaped(sample_debts):
    from planner.negotiation import propose

    evil = sample_debts[0].replace(name="<b>Bank</b> [x](y)", official_channel="call **me**\n# now")
    plan = propose((evil,) + sample_debts[1:], 3000, start=ON)
    md = markdown(application(plan, evil.name, "en", None))
    assert "<b>" not in md and r"\<b\>Bank\</b\>" in md and "\n# now" not in md and "**me**" not in md


SMALL = Document("标题 **x**", (Fields((("致", "某银行"), ("卡号", ""))), Heading("一、欠款"),
                                Paragraph("正文 <b>", label="说明"), Paragraph("引用", style="quote"),
                                Bullets(("甲", "乙"), ordered=True), Bullets(("丙",)),
                                Table(("期数", "金额"), (("1", "¥10.00"), ("2", "¥9.99")), ("R", "R")),
                                Signature((("申请人（签名）", ""),))), lang="zh")


def test_docx_reads_back():
    import docx

    data = docx_bytes(SMALL)
    d = docx.Document(io.BytesIO(data))
    paras = [p.text for p in d.paragraphs]
    assert paras[0] == "标题 **x**" and "致：某银行" in paras and "卡号：＿＿＿＿＿＿" in paras
    assert "说明：正文 <b>" in paras and "甲" in paras and "申请人（签名）：＿＿＿＿＿＿" in paras
    assert [c.text for c in d.tables[0].rows[2].cells] == ["2", "¥9.99"]
    assert docx_bytes(SMALL) == data                                     # reproducible


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler not installed")
def test_pdf_text_extracts(plans, tmp_path):
    doc = application(plans["equal_term"], "借呗", "zh", PROFILE, on=ON)
    data = pdf_bytes(doc, "zh")
    assert data.startswith(b"%PDF") and pdf_bytes(doc, "zh") == data
    path = tmp_path / "a.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    last = f"¥{plans['equal_term'].line('借呗').timetable[-1].amount:,.2f}"
    for needle in ("协商还款申请书", "重庆蚂蚁消费金融有限公司", last, "申请人（签名）", "本人情况说明"):
        assert needle in text.replace(" ", ""), needle


def test_en_pdf_text_extracts(plans, tmp_path):
    doc = application(plans["equal_term"], "招商银行信用卡", "en", PROFILE, on=ON)
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf_bytes(doc, "en"))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "personalised instalment plan" in text and "Applicant (signature)" in text


def test_lender_files_are_named_safely(plans):
    from planner.negotiation import propose

    files = lender_files(plans["equal_term"], "招商银行信用卡", "zh", PROFILE, on=ON)
    assert sorted(files) == ["application_招商银行信用卡.docx", "application_招商银行信用卡.pdf",
                             "application_招商银行信用卡.txt", "script_招商银行信用卡.txt"]
    assert files["application_招商银行信用卡.txt"].decode() == plain_text(
        application(plans["equal_term"], "招商银行信用卡", "zh", PROFILE, on=ON))
    from planner import Debt
    plan = propose([Debt("../../etc/x", balance=1000, annual_rate=0, min_payment=100, kind="other")], 500,
                   start=ON)
    assert all("/" not in n and ".." not in n for n in lender_files(plan, "../../etc/x", "zh", None))
