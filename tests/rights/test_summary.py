from planner import legal
from planner.rights import rights_summary


def test_sections_both_languages():
    zh, en = rights_summary("zh"), rights_summary("en")
    assert len(zh) == len(en) >= 8
    assert [s.source_ids for s in zh] == [s.source_ids for s in en]
    assert all(s.title and s.text for s in zh + en)
    assert zh[0].title == "谁可以被联系"


def test_citations_are_verified_sources():
    for lang in ("zh", "en"):
        for s in rights_summary(lang):
            assert all(legal.get(i).verified for i in s.source_ids)
            assert s.citation == ("; " if lang == "en" else "；").join(legal.get(i).labelled(lang) for i in s.source_ids)


def test_channels_to_confirm_and_current_regulator():
    zh = " ".join(s.text for s in rights_summary("zh"))
    en = " ".join(s.text for s in rights_summary("en"))
    assert "国家金融监督管理总局" in zh and "12378，请先核实" in zh and "银保监会" not in zh
    assert "please confirm" in en and "still runs" in en
    assert "还款仍是出路" in [s.title for s in rights_summary("zh")]
