"""The lender catalogue: every entry validates; lookup by name, alias and near spelling."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from planner import DebtKind
from planner.lenders import (CatalogueError, find_lender, lenders, parse_catalogue, suggest_lenders,
                             typical_terms)

RAW = tomllib.loads(resources.files("planner.data").joinpath("lenders.toml").read_text("utf-8"))

REQUIRED_NAMES = ["花呗", "借呗", "京东白条", "京东金条", "微粒贷", "美团月付", "美团借钱", "抖音月付", "度小满",
                  "360借条", "安逸花", "招联", "分期乐", "洋钱罐"]
BANKS = ["工行", "建行", "农行", "中行", "交行", "招行", "浦发", "中信", "光大", "广发", "平安", "民生", "兴业"]


def test_catalogue_loads_and_every_entry_is_complete():
    assert len(lenders()) >= len(REQUIRED_NAMES) + len(BANKS)
    for lender in lenders():
        assert lender.kind in DebtKind
        assert lender.service("zh") and lender.service("en") and "→" in lender.service("zh")
        assert lender.entity_text("zh")            # the entity or where to find it
        assert 0 < lender.terms.annual_rate <= 36 and 0 < lender.terms.min_payment_pct <= 100
        assert lender.terms.why("zh") and lender.terms.why("en")
    ids = [lender.id for lender in lenders()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", REQUIRED_NAMES)
def test_the_common_platforms_are_there(name):
    assert find_lender(name) is not None and find_lender(name).name == name


@pytest.mark.parametrize("alias", BANKS)
def test_the_big_banks_cards_are_there(alias):
    lender = find_lender(alias)
    assert lender is not None and lender.kind is DebtKind.CREDIT_CARD and lender.entity.endswith("股份有限公司")


def test_huabei_and_jiebei_are_consumer_finance_with_their_entity():
    for name in ("花呗", "借呗"):
        lender = find_lender(name)
        assert lender.kind is DebtKind.CONSUMER_FINANCE and lender.entity == "重庆蚂蚁消费金融有限公司"
        assert lender.service("zh").startswith("支付宝")


def test_without_a_known_entity_the_contract_is_named():
    lender = find_lender("美团月付")
    assert lender.entity == ""
    assert lender.entity_text("zh") == "见合同首页/借款协议中的贷款人名称"
    assert "contract" in lender.entity_text("en")


@pytest.mark.parametrize("typed, expected", [
    ("蚂蚁花呗", "花呗"), ("HUABEI", "花呗"), ("ｊｉｅｂｅｉ", "借呗"), ("招行信用卡尾号1234", "招商银行信用卡"),
    ("建行龙卡", "建设银行信用卡"), (" 微信 借钱 ", "微粒贷"), ("有钱花", "度小满"), ("好期贷", "招联"),
    ("抖音放心借", "抖音月付"), ("交通银行信用卡", "交通银行信用卡"), ("招商信用卡", "招商银行信用卡"), ("度小蛮", "度小满"),
])
def test_lookup_by_alias_and_fuzzy_name(typed, expected):
    assert find_lender(typed).name == expected


@pytest.mark.parametrize("typed", ["", "我表哥", "张三", "房贷", "信用卡", "银行贷款", "网贷", "credit card"])
def test_no_false_match(typed):
    assert find_lender(typed) is None


def test_suggestions_for_a_prefix():
    assert [lender.name for lender in suggest_lenders("京东")] == ["京东白条", "京东金条"]
    assert {lender.name for lender in suggest_lenders("美团")} == {"美团月付", "美团借钱"}
    assert len(suggest_lenders("", limit=5)) == 5


def test_typical_terms_per_kind_and_lender():
    assert typical_terms(DebtKind.CREDIT_CARD).annual_rate == 18.25
    assert typical_terms("online_loan").annual_rate == 24.0
    assert typical_terms("nonsense") == typical_terms(DebtKind.OTHER)
    assert typical_terms("online_loan", find_lender("微粒贷")).annual_rate == 18.25


def _broken(**change):
    raw = {"kinds": dict(RAW["kinds"]), "lender": [dict(RAW["lender"][0], **change)]}
    return raw


@pytest.mark.parametrize("change, words", [
    ({"kind": "loan"}, "not a debt kind"),
    ({"service_zh": ""}, "missing"),
    ({"annual_rate": 400}, "annual_rate"),
    ({"aliases": "花呗"}, "aliases"),
    ({"colour": "blue"}, "unknown fields"),
])
def test_a_bad_entry_is_reported(change, words):
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(_broken(**change))
    assert any(words in p for p in err.value.problems)


def test_an_alias_used_twice_is_reported():
    raw = {"kinds": RAW["kinds"], "lender": [RAW["lender"][0], dict(RAW["lender"][1], aliases=["蚂蚁花呗"])]}
    with pytest.raises(CatalogueError, match="also used"):
        parse_catalogue(raw)


def test_a_missing_kind_is_reported():
    kinds = {k: v for k, v in RAW["kinds"].items() if k != "other"}
    with pytest.raises(CatalogueError, match="kinds.other: missing"):
        parse_catalogue({"kinds": kinds, "lender": []})
