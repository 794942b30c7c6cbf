"""The rule table, case by case: every rule has positive AND negative examples."""
from datetime import date, time

import pytest

from planner.rights import RULES, RULES_BY_ID, check_incident, check_log, summarize
from planner.rights.rules import RuleTableError, is_serious, parse_rules

from .helpers import inc

D1, D2 = date(2026, 3, 5), date(2026, 3, 6)

# rule id -> (logs where the FIRST incident breaks it, logs where NO incident breaks it)
CASES = {
    "third_party_contact": (
        [[inc(role="third_party", relationship="同事")]],
        [[inc(role="borrower")], [inc(role="agreed_contact", relationship="母亲")]]),
    "disclosure": (
        [[inc(role="agreed_contact", relationship="母亲", tags=("disclosure",))],
         [inc(role="third_party", tags=("disclosure",))]],
        [[inc(role="third_party", tags=("threat",))], [inc()]]),
    "mass_disclosure": (
        [[inc(role="third_party", relationship=r, tags=("disclosure",)) for r in ("同事", "母亲", "表姐")]],
        [[inc(role="third_party", relationship=r, tags=("disclosure",)) for r in ("同事", "母亲")],
         [inc(role="third_party", relationship="同事", tags=("disclosure",), day=date(2026, 3, d)) for d in (1, 2, 3)],
         [inc(role="third_party", relationship=r) for r in ("同事", "母亲", "表姐")],
         [inc(lender=lender, role="third_party", relationship=r, tags=("disclosure",))
          for lender, r in (("A", "同事"), ("A", "母亲"), ("B", "表姐"))]]),
    "night_contact": (
        [[inc(at=time(22, 0))], [inc(at=time(7, 59))], [inc(at=time(0, 30), channel="visit")],
         [inc(at=None, tags=("night",))], [inc(at=time(12, 0), tags=("night",))]],
        [[inc(at=time(21, 59))], [inc(at=time(8, 0))], [inc(at=None)], [inc(at=time(23, 0), channel="letter")]]),
    "too_many_calls": (
        [[inc(count=4)], [inc(count=2, at=time(9, 0)), inc(count=2, at=time(15, 0), summary="又打")],
         [inc(tags=("excessive_frequency",))],
         [inc(role="third_party", count=3), inc(count=1, summary="打给我")]],
        [[inc(count=3)], [inc(count=2), inc(count=2, day=D2)],
         [inc(count=2, lender="A"), inc(count=2, lender="B")], [inc(channel="sms", count=20)]]),
    "continued_after_refusal": (
        [[inc(role="agreed_contact", relationship="母亲", tags=("continued_after_refusal",))]],
        [[inc(role="agreed_contact", relationship="母亲")]]),
    "claims_guarantor": (
        [[inc(role="agreed_contact", relationship="父亲", tags=("claims_guarantor",))]],
        [[inc(role="agreed_contact", relationship="父亲", tags=("disclosure",))]]),
    "threat": ([[inc(tags=("threat",))]], [[inc(tags=("insult",))], [inc()]]),
    "insult": ([[inc(tags=("insult",))]], [[inc(tags=("threat",))]]),
    "violence": ([[inc(channel="visit", tags=("violence",))]], [[inc(channel="visit")]]),
    "home_entry": ([[inc(channel="visit", tags=("home_entry",))]], [[inc(channel="visit", tags=("violence",))]]),
    "impersonation": ([[inc(tags=("impersonation",))]], [[inc(tags=("fake_legal_document",))]]),
    "fake_legal_document": ([[inc(channel="letter", tags=("fake_legal_document",))]],
                            [[inc(channel="letter")], [inc(tags=("impersonation",))]]),
    "pressure_to_borrow": ([[inc(tags=("pressure_to_borrow",))]], [[inc()]]),
}


def test_every_rule_has_cases():
    assert set(CASES) == {r.id for r in RULES}
    assert all(pos and neg for pos, neg in CASES.values())


@pytest.mark.parametrize("rule_id,log", [(r, log) for r, (pos, _) in CASES.items() for log in pos])
def test_positive(rule_id, log):
    hits = check_log(log)
    assert rule_id in [h.rule_id for h in hits[log[0].id]]


@pytest.mark.parametrize("rule_id,log", [(r, log) for r, (_, neg) in CASES.items() for log in neg])
def test_negative(rule_id, log):
    hits = check_log(log)
    assert all(rule_id not in [h.rule_id for h in hs] for hs in hits.values())


def test_incident_level_check_ignores_log_rules():
    assert [h.rule_id for h in check_incident(inc(count=10))] == []
    assert [h.rule_id for h in check_log([inc(count=10)])[inc(count=10).id]] == ["too_many_calls"]


def test_log_hit_carries_the_figures():
    log = [inc(count=3, at=time(9, 0)), inc(count=2, at=time(11, 0), summary="x")]
    hit = check_log(log)[log[0].id][0]
    assert dict(hit.params) == {"measure": "sum_count", "value": 5, "limit": 3, "date": "2026-03-05"}
    assert hit.explain("en") == "Too many calls in one day (5 on 2026-03-05)"
    assert hit.explain("zh") == "同一天电话过多（2026-03-05 共5次）"


def test_hits_in_table_order_and_unique():
    i = inc(role="third_party", at=time(23, 0), count=5, tags=("night", "excessive_frequency", "disclosure"))
    ids = [h.rule_id for h in check_log([i])[i.id]]
    assert ids == ["third_party_contact", "disclosure", "night_contact", "too_many_calls"]


def test_severity_and_serious():
    assert is_serious(check_log([inc(tags=("threat",))]))
    assert not is_serious(check_log([inc(tags=("insult",), role="third_party")]))


def test_summary_per_lender():
    log = [inc("A", D1, role="third_party", relationship="同事", count=2, tags=("disclosure",)),
           inc("A", D2, role="third_party", relationship=" 同事 ", tags=("disclosure",)),
           inc("A", date(2026, 3, 1), role="agreed_contact", relationship="母亲"),
           inc("B", D2, tags=("threat",))]
    a, b = summarize(log)
    assert (a.lender, a.incidents, a.contacts, a.first, a.last) == ("A", 3, 4, date(2026, 3, 1), D2)
    assert a.by_rule == {"third_party_contact": 2, "disclosure": 2}
    assert a.third_parties == ("同事", "母亲") and not a.serious
    assert b.serious and b.by_rule == {"threat": 1} and b.third_parties == ()
    assert a.to_record()["first"] == "2026-03-01"


def test_every_cited_source_is_verified_and_renders():
    for rule in RULES:
        for lang in ("zh", "en"):
            assert all(rule.citations(lang)) and rule.title(lang) and rule.description(lang)
            rule.to_confirm_titles(lang)


def _table(**over):
    base = {"id": "x", "severity": "medium", "title_zh": "标题", "title_en": "t", "description_zh": "说明",
            "description_en": "d", "complaint_zh": "催收人员……", "complaint_en": "Collectors …",
            "sources": ["pipl_6"], "when": [{"tags_any": ["threat"]}]}
    return {"rule": [{**base, **over}]}


@pytest.mark.parametrize("over,needle", [
    ({"sources": ["nifa_convention_2018"]}, "not verified"),
    ({"sources": ["no_such_law"]}, "not in legal_sources"),
    ({"when": [{"tags_any": ["made_up"]}]}, "unknown ids"),
    ({"when": [{"colour": ["red"]}]}, "unknown condition"),
    ({"when": [{"hour_outside": [22, 8]}]}, "from < to"),
    ({"severity": "mild"}, "severity"),
    ({"when": []}, "no detection"),
    ({"sources": [], "channels": []}, "verified source or a channel"),
    ({"complaint_zh": ""}, "complaint"),
    ({"police": ["gbt_45251_2025"]}, "not laws"),
    ({"police": ["channel_110"]}, "not laws"),
    ({"aggregate": {"group": "week", "measure": "sum_count", "gt": 3}}, "aggregate"),
])
def test_bad_tables_are_refused(over, needle):
    with pytest.raises(RuleTableError, match=needle):
        parse_rules(_table(**over))


def test_duplicate_ids_refused():
    table = _table()
    with pytest.raises(RuleTableError, match="duplicate"):
        parse_rules({"rule": table["rule"] * 2})


def test_a_new_rule_is_one_table_entry():
    rules = parse_rules(_table(id="visit_alone", when=[{"channel_in": ["visit"], "tags_any": ["threat"]}]))
    assert [h.rule_id for h in check_incident(inc(channel="visit", tags=("threat",)), rules)] == ["visit_alone"]
    assert check_incident(inc(channel="call", tags=("threat",)), rules) == []
    assert RULES_BY_ID["threat"].severity == "high"
