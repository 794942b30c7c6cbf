from datetime import date, time

from hypothesis import given, settings

from planner.rights import read_incidents_csv, write_incidents_csv

from .helpers import TODAY, inc, sample_log
from .test_incidents import incidents


def test_round_trip_both_languages():
    log = sample_log()
    for lang in ("zh", "en"):
        back = read_incidents_csv(write_incidents_csv(log, lang=lang), today=TODAY)
        assert back.issues == [] and back.incidents == log and back.encoding == "utf-8-sig"


def test_zh_headers_and_labels():
    text = write_incidents_csv([inc(tags=("threat",))], lang="zh").decode("utf-8-sig")
    assert text.splitlines()[0] == "机构,日期,时间,方式,来电号码/账号,被联系人,与您的关系,次数,对方说了什么,标签,证据文件,编号"
    assert "电话" in text and "威胁恐吓" in text and "本人（借款人）" in text


def test_gbk_file_with_alias_headers_and_no_role_column():
    data = "平台,日期,时间,方式,内容,标签\n某某贷,2026/3/5,23:30,电话,骂人,辱骂\n".encode("gbk")
    got = read_incidents_csv(data, today=TODAY)
    assert got.ok and got.encoding == "gb18030"
    [one] = got.incidents
    assert (one.contact_role, one.time, one.tags) == ("borrower", time(23, 30), ("insult",))


def test_bad_rows_reported_good_rows_kept():
    data = ("lender,date,channel,contact_role,summary\n"
            "A,2026-03-01,call,borrower,ok\n"
            "B,2099-01-01,call,borrower,future\n"
            "C,2026-03-01,fax,borrower,\n")
    got = read_incidents_csv(data, today=TODAY)
    assert [i.lender for i in got.incidents] == ["A"]
    assert [(i.row, i.column, i.code) for i in got.issues] == [       # data rows count from 1
        (2, "date", "future_date"), (3, "summary", "required"), (3, "channel", "unknown_term")]
    assert got.rows[1]["date"] == "2099-01-01"      # what was typed is kept


def test_file_level_problems():
    assert read_incidents_csv(b"\xff\xfe\x00bad", today=TODAY).issues[0].code == "bad_encoding"
    assert read_incidents_csv(b"", today=TODAY).issues[0].code == "empty_log"
    got = read_incidents_csv("lender,date,colour\nA,2026-03-01,red\n", today=TODAY)
    assert [i.code for i in got.issues] == ["unknown_column", "missing_column", "missing_column"]
    assert got.issues[0].severity == "warning"
    assert read_incidents_csv(b"a" * (5 * 2**20 + 1), today=TODAY).issues[0].code == "csv_too_large"


def test_messages_in_both_languages():
    got = read_incidents_csv("lender,date,channel,summary\nA,2099-01-01,call,x\n", today=TODAY)
    assert "2099-01-01" in got.issues[0].message("zh") and "future" in got.issues[0].message("en")


@settings(max_examples=60, deadline=None)
@given(incidents)
def test_round_trip_property(incident):
    for lang in ("zh", "en"):
        back = read_incidents_csv(write_incidents_csv([incident], lang=lang), today=TODAY)
        assert back.incidents == [incident], back.issues
