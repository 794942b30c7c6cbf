from dataclasses import replace
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.rights import (INCIDENT_FIELDS, TAGS, Incident, IncidentRecordError, incidents_from_records,
                            parse_incident_row, parse_incident_rows)
from planner.rights.incidents import MAX_SUMMARY_LEN, free_text

from .helpers import TODAY, inc

GOOD = {"lender": "某某贷", "date": "2026-03-05", "time": "23:10", "channel": "电话", "caller": "95xxx",
        "contact_role": "其他第三人", "relationship": "同事", "count": "2", "summary": "告诉我同事我欠钱",
        "tags": "透露欠款；威胁恐吓", "evidence": "rec 1.m4a; shot,2.png"}


class TestParseRow:
    def test_good_row(self):
        got, issues = parse_incident_row(GOOD, 1, today=TODAY)
        assert issues == []
        assert got.date == date(2026, 3, 5) and got.time == time(23, 10)
        assert (got.channel, got.contact_role, got.count) == ("call", "third_party", 2)
        assert got.tags == ("disclosure", "threat")
        assert got.evidence == ("rec 1.m4a", "shot,2.png")

    @pytest.mark.parametrize("value", ["2026/3/5", "2026年3月5日", "2026.03.05", "20260305"])
    def test_date_spellings(self, value):
        got, _ = parse_incident_row({**GOOD, "date": value}, today=TODAY)
        assert got.date == date(2026, 3, 5)

    @pytest.mark.parametrize("value,expected", [("23:10", time(23, 10)), ("7点", time(7, 0)),
                                                ("23：05", time(23, 5)), ("08:00:59", time(8, 0)), ("", None)])
    def test_time_spellings(self, value, expected):
        got, _ = parse_incident_row({**GOOD, "time": value}, today=TODAY)
        assert got.time == expected

    def test_date_and_time_in_one_cell(self):
        got, _ = parse_incident_row({**GOOD, "date": "2026-03-05 22:30", "time": ""}, today=TODAY)
        assert (got.date, got.time) == (date(2026, 3, 5), time(22, 30))

    def test_english_labels_and_ids(self):
        got, issues = parse_incident_row({**GOOD, "channel": "WeChat", "contact_role": "agreed_contact",
                                          "tags": "Threat, insult"}, today=TODAY)
        assert issues == [] and got.channel == "wechat" and got.tags == ("threat", "insult")

    def test_free_text_kept_as_typed(self):
        got, _ = parse_incident_row({**GOOD, "summary": "他说：“不还钱，就去你单位！”"}, today=TODAY)
        assert got.summary == "他说：“不还钱，就去你单位！”"     # full-width punctuation not normalised


class TestValidation:
    def codes(self, **changes):
        got, issues = parse_incident_row({**GOOD, **changes}, 7, today=TODAY)
        return got, [(i.column, i.code) for i in issues]

    def test_future_date(self):
        got, codes = self.codes(date="2026-03-11")
        assert got is None and codes == [("date", "future_date")]

    def test_today_is_not_future(self):
        assert self.codes(date=TODAY.isoformat())[1] == []

    def test_future_message_both_languages(self):
        _, issues = parse_incident_row({**GOOD, "date": "2027-01-01"}, 7, today=TODAY)
        assert issues[0].message("zh") == "第7行 日期：'2027-01-01' 在今天（2026-03-10）之后，不能记录未来的事"
        assert issues[0].message("en") == \
            "row 7 date: '2027-01-01' is after today (2026-03-10): an incident cannot be in the future"

    @pytest.mark.parametrize("column", ["lender", "date", "channel", "contact_role", "summary"])
    def test_required(self, column):
        got, codes = self.codes(**{column: "  "})
        assert got is None and (column, "required") in codes

    def test_too_long_summary(self):
        got, codes = self.codes(summary="骂" * (MAX_SUMMARY_LEN + 1))
        assert got is None and codes == [("summary", "too_long")]
        assert self.codes(summary="骂" * MAX_SUMMARY_LEN)[1] == []

    def test_unknown_channel_and_tag(self):
        got, codes = self.codes(channel="飞鸽传书", tags="威胁；乱七八糟")
        assert got is None and codes == [("channel", "unknown_term"), ("tags", "unknown_term")]

    def test_relationship_required_for_others(self):
        assert self.codes(relationship="")[1] == [("relationship", "relationship_required")]
        assert self.codes(relationship="", contact_role="本人")[1] == []

    @pytest.mark.parametrize("count", ["0", "501", "2.5", "many"])
    def test_count_range(self, count):
        assert self.codes(count=count)[1] == [("count", "count_range")]

    @pytest.mark.parametrize("value", ["2026-02-30", "yesterday", "05/03/2026"])
    def test_bad_date(self, value):
        assert self.codes(date=value)[1] == [("date", "bad_date")]

    @pytest.mark.parametrize("value", ["25:00", "12:61", "noon"])
    def test_bad_time(self, value):
        assert self.codes(time=value)[1] == [("time", "bad_time")]

    def test_every_problem_at_once(self):
        got, codes = self.codes(date="2030-01-01", channel="?", summary="", relationship="")
        assert got is None and len(codes) == 4


class TestRows:
    def test_blank_rows_skipped_and_rows_numbered(self):
        rows = [GOOD, {k: "" for k in GOOD}, {**GOOD, "date": "2099-01-01"}]
        got, issues = parse_incident_rows(rows, today=TODAY)
        assert len(got) == 1 and [(i.row, i.code) for i in issues] == [(3, "future_date")]

    def test_duplicate_is_a_warning(self):
        got, issues = parse_incident_rows([GOOD, GOOD], today=TODAY)
        assert len(got) == 1 and [(i.code, i.severity) for i in issues] == [("duplicate_incident", "warning")]


class TestRecords:
    def test_record_is_json_safe_and_stable(self):
        import json
        rec = inc(tags=("threat", "disclosure"), evidence=("a.png",)).to_record()
        assert list(rec) == ["id", "lender", "date", "time", "channel", "caller", "contact_role",
                             "relationship", "count", "summary", "tags", "evidence"]
        assert set(rec) == set(INCIDENT_FIELDS)
        assert json.loads(json.dumps(rec)) == rec
        assert rec["tags"] == ["disclosure", "threat"]          # registry order

    def test_content_id_is_deterministic(self):
        assert inc().id == inc().id and len(inc().id) == 12
        assert inc().id != inc(summary="别的").id
        assert replace(inc(), id="custom").id == "custom"

    def test_from_record_strict(self):
        with pytest.raises(IncidentRecordError) as e:
            Incident.from_record({**inc().to_record(), "channel": "pigeon"})
        assert e.value.issues[0].code == "unknown_term"
        with pytest.raises(IncidentRecordError):
            incidents_from_records([inc().to_record(), {"lender": ""}])

    def test_from_record_keeps_future_dates_of_stored_data(self):
        rec = inc(day=date(2030, 1, 1)).to_record()
        assert Incident.from_record(rec).date == date(2030, 1, 1)
        with pytest.raises(IncidentRecordError):
            Incident.from_record(rec, today=TODAY)


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).map(str.strip).filter(bool)
incidents = st.builds(
    Incident,
    lender=st.sampled_from(["某某贷", "借呗", "Bank A"]),
    date=st.dates(date(2020, 1, 1), TODAY),
    channel=st.sampled_from(["call", "sms", "wechat", "visit", "letter", "other"]),
    contact_role=st.just("third_party"),
    summary=texts.map(free_text).filter(bool),
    time=st.one_of(st.none(), st.times().map(lambda x: x.replace(second=0, microsecond=0))),
    relationship=texts.map(lambda s: " ".join(free_text(s).split())).filter(bool),
    count=st.integers(1, 500),
    tags=st.lists(st.sampled_from(list(TAGS)), unique=True).map(tuple),
)


@settings(max_examples=100, deadline=None)
@given(incidents)
def test_record_round_trip(incident):
    assert Incident.from_record(incident.to_record(), today=TODAY) == incident
