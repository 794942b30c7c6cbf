"""Golden files: application and script per kind of lender × zh/en; the family message with and without a
guarantor.  Read them as their recipient would before accepting a change::

    UPDATE_GOLDEN=1 /work/main/.venv/bin/python -m pytest tests/documents/test_goldens.py
"""

from __future__ import annotations

import pytest

from planner.documents import BorrowerProfile, FamilyContact, application, family, plain_text, script

from .conftest import ON, PROFILE, check_golden

KINDS = [("credit_card", "equal_term", "招商银行信用卡"), ("online_loan", "equal_term", "借呗"),
         ("online_loan_sequential", "sequential", "京东金条"), ("consumer_finance", "equal_term", "招联消费金融"),
         ("bank_loan", "equal_term", "工商银行融e借"), ("private_loan", "equal_term", "表哥借款"),
         ("private_loan_interest", "equal_term", "王叔借款")]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind, method, lender", KINDS)
def test_application(plans, kind, method, lender, lang):
    check_golden(f"application_{kind}_{lang}.txt", plain_text(application(plans[method], lender, lang, PROFILE, on=ON)))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind, method, lender", KINDS)
def test_script(plans, kind, method, lender, lang):
    check_golden(f"script_{kind}_{lang}.txt", plain_text(script(plans[method], lender, lang, PROFILE)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_family(plans, lang):
    check_golden(f"family_{lang}.txt", plain_text(family(plans["equal_term"], lang, PROFILE)))
    check_golden(f"family_to_mum_{lang}.txt", plain_text(family(plans["equal_term"], lang, PROFILE, "妈妈")))


def test_blank_profile_shows_blanks(plans):
    text = plain_text(application(plans["equal_term"], "借呗", "zh", BorrowerProfile()))
    assert text.count("＿＿＿＿（请在合同中查找）") == 2
    assert "申请人：＿＿＿＿＿＿" in text


def test_guarantor_gets_no_family_message_and_others_do(plans):
    from planner.documents import GuarantorError
    from planner.documents.family import family_messages

    with pytest.raises(GuarantorError):
        family(plans["equal_term"], "zh", PROFILE, "姐姐")
    assert list(family_messages(plans["equal_term"], "zh", PROFILE)) == ["妈妈"]
    solo = BorrowerProfile(family=(FamilyContact("姐姐", guarantor=True),))
    assert family_messages(plans["equal_term"], "zh", solo) == {}
