"""Issue 11 items 9, 10, 15, 16: formula injection in every CSV export, terminal escapes, amount
parsing, look-alike names, extra cells, mojibake and CR-only files."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

import pytest

from planner.cli import main
from planner.csv_io import read_debts_csv, write_debts_csv
from planner.escape import csv_cell, csv_unescape, name_text
from planner.models import Debt, DebtKind
from planner.parsing import ParseError, parse_amount, parse_debt_rows

EVIL = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1", "'=x", "'"]
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cells(data: bytes) -> list[str]:
    text = data.decode("utf-8-sig")
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


def _is_live_formula(cell: str) -> bool:
    from planner.escape import _NUMBER
    return cell.startswith(FORMULA) and not _NUMBER.match(cell)


# ------------------------------------------------------------------ 9: CSV formula injection

def test_debts_csv_neutralises_formulas_and_round_trips():
    debts = [Debt(name=f"{n}#{i}", balance=100.0 + i, annual_rate=10.0, min_payment=10.0, kind=DebtKind.OTHER,
                  official_channel=n, notes=n) for i, n in enumerate(EVIL)]
    data = write_debts_csv(debts)
    assert not any(_is_live_formula(c) for c in _cells(data))
    back = read_debts_csv(data)
    assert back.errors == [] and [d.name for d in back.debts] == [name_text(d.name) for d in debts]
    assert [d.notes for d in back.debts] == [d.notes.strip() for d in debts]


def test_a_negative_number_stays_a_number():
    assert csv_cell("-500") == "-500" and csv_cell(-12.5) == "-12.5"
    assert csv_unescape(csv_cell("-500")) == "-500"


@pytest.mark.parametrize("text", EVIL + ["'-500", "''=x", "plain", "", "-", "+", "借呗"])
def test_csv_cell_round_trip_is_lossless(text):
    assert csv_unescape(csv_cell(text)) == text
    assert not _is_live_formula(csv_cell(text))


def test_schedule_csv_neutralises_lender_names():
    from planner.explain import schedule_csv
    from planner.simulate import simulate
    debts = [Debt(name="=1+1", balance=100.0, annual_rate=10.0, min_payment=50.0)]
    data = schedule_csv(simulate(debts, 100.0), "en", start=date(2026, 1, 1))
    cells = _cells(data)
    assert "'=1+1" in cells and not any(_is_live_formula(c) for c in cells)


def test_incident_log_csv_neutralises_and_round_trips():
    from planner.rights import read_incidents_csv, write_incidents_csv
    from tests.rights.helpers import inc
    log = [inc(lender="=HYPERLINK(1)", summary="@SUM(A1) -x", caller="+86 170"),
           inc(lender="-借呗", summary="=2")]
    data = write_incidents_csv(log)
    assert not any(_is_live_formula(c) for c in _cells(data))
    back = read_incidents_csv(data, today=None)
    assert [i.lender for i in back.incidents] == ["=HYPERLINK(1)", "-借呗"]
    assert back.incidents[0].summary == "@SUM(A1) -x"


def test_client_zip_csvs_hold_no_formula(tmp_path):
    from planner.storage import Repository
    repo = Repository.open(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    cid = repo.create_client("=cmd|'/c calc'!A1", "@evil").id
    repo.add_session(cid, date(2026, 1, 2), "+notes")
    with zipfile.ZipFile(io.BytesIO(repo.export_client(cid))) as zf:
        for name in zf.namelist():
            if name.endswith(".csv"):
                assert not any(_is_live_formula(c) for c in _cells(zf.read(name))), name
    new_id = repo.import_client(repo.export_client(cid))
    assert repo.get_client(new_id).display_name == "=cmd|'/c calc'!A1"


# ------------------------------------------------------------------ 10: terminal escapes

def test_names_lose_control_characters_at_parse_time():
    debts, issues = parse_debt_rows([{"name": "借呗\x1b[2J\x1b]0;pwned\x07\u202e", "balance": "100",
                                      "annual_rate": "10", "min_payment": "10"}])
    assert issues == [] and debts[0].name == "借呗[2J]0;pwned"


def test_cli_text_output_has_no_escape_sequences(tmp_path, capsys):
    src = tmp_path / "d.csv"
    src.write_text("名称,余额,年利率,最低还款\n\"借呗\x1b[2J\",1000,10,100\n\"x\x1b]0;t\x07\",abc\x1b[31m,10,100\n",
                   encoding="utf-8")
    main(["simulate", str(src), "--budget", "500"])
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "\x07" not in out.out + out.err
    src.write_text("名称,余额,年利率,最低还款\n\"借呗\x1b[2J\u202e\",1000,10,100\n", encoding="utf-8")
    for cmd in (["simulate", str(src), "--budget", "500"], ["compare", str(src), "--budget", "500"],
                ["propose", str(src), "--budget", "500", "--start", "2026-01-01"]):
        assert main(cmd) == 0
        out = capsys.readouterr()
        assert ("借呗" in out.out or cmd[0] == "compare") and "\x1b" not in out.out + out.err and "\u202e" not in out.out


# ------------------------------------------------------------------ 15: amounts

@pytest.mark.parametrize("text", ["0，5万", "1.200,50", "1,2,3", "12,34", "1,2345", "1 2 3"])
def test_misplaced_thousands_separators_are_errors_naming_the_value(text):
    with pytest.raises(ParseError) as e:
        parse_amount(text)
    assert e.value.code == "bad_grouping"
    debts, issues = parse_debt_rows([{"name": "a", "balance": text, "annual_rate": "1", "min_payment": "1"}])
    assert not debts and text in issues[0].message("en") and "thousands" in issues[0].message("en")


@pytest.mark.parametrize("text, value", [("1,200.50", 1200.5), ("12,345,678", 12345678.0), ("¥3,000元", 3000.0),
                                         ("1.5万", 15000.0), ("1,000万", 1e7), ("3 000", 3000.0), ("-1,000", -1000.0)])
def test_valid_grouping_still_reads(text, value):
    assert parse_amount(text) == value


# ------------------------------------------------------------------ 16: names, cells, encodings

@pytest.mark.parametrize("first, second", [("借呗", "借\u200b呗"), ("ABC", "ＡＢＣ"), ("abc", "A B C"),
                                           ("借呗", "借呗\u2060"), ("花呗", "\ufeff花呗")])
def test_look_alike_names_are_duplicates(first, second):
    rows = [{"name": n, "balance": "100", "annual_rate": "1", "min_payment": "1"} for n in (first, second)]
    debts, issues = parse_debt_rows(rows)
    assert len(debts) == 1 and [i.code for i in issues] == ["duplicate_name"]


def test_an_invisible_name_is_missing():
    debts, issues = parse_debt_rows([{"name": "\u200b\u200d", "balance": "100", "annual_rate": "1",
                                      "min_payment": "1"}])
    assert not debts and issues[0].code == "required"


def test_batch_reports_look_alike_duplicates():
    from planner.batch import run_lines
    d = [{"name": n, "balance": 100, "annual_rate": 1, "min_payment": 1} for n in ("ABC", "ＡＢＣ")]
    out = json.loads(next(run_lines([json.dumps({"id": 1, "debts": d, "budget": 10})])))
    assert "unique" in out["error"]


def test_extra_cells_beyond_the_header_warn():
    res = read_debts_csv("名称,余额,年利率,最低还款\n借呗,1000,10,100,oops,more\n花呗,1000,10,100\n".encode())
    warn = [i for i in res.issues if i.code == "extra_cells"]
    assert len(res.debts) == 2 and len(warn) == 1 and not warn[0].is_error and "1" in warn[0].message("en")


def test_shift_jis_is_not_silently_read_as_gbk():
    text = "name,balance,annual_rate,min_payment\nアコム,1000,10,100\nプロミス,2000,10,100\nレイク,3000,10,100\n"
    res = read_debts_csv(text.encode("shift_jis"))
    assert any(i.code == "encoding_assumed" for i in res.issues)
    assert "Shift-JIS" in next(i for i in res.issues if i.code == "encoding_assumed").message("en")
    gbk = read_debts_csv("名称,余额,年利率,最低还款\n借呗,1000,10,100\n京东金条,2000,10,100\n".encode("gbk"))
    assert not any(i.code == "encoding_assumed" for i in gbk.issues) and len(gbk.debts) == 2


def test_cr_only_files_read_and_csv_errors_are_translated():
    res = read_debts_csv("名称,余额,年利率,最低还款\r借呗,1000,10,100\r花呗,1000,10,100\r".encode())
    assert res.errors == [] and len(res.debts) == 2
    bad = read_debts_csv('名称,余额,年利率,最低还款\n"借呗,1000,10,100\n'.encode())
    for i in bad.issues:
        assert "Error" not in i.message("zh") and "newline" not in i.message("zh")
    from planner.rights import read_incidents_csv
    log = read_incidents_csv("平台,日期,方式,内容\r某某贷,2026-03-01,电话,催收\r".encode(), today=None)
    assert len(log.incidents) == 1, log.issues


def test_shift_jis_incident_log_is_flagged_too():
    from planner.rights import read_incidents_csv
    text = "lender,date,channel,summary\nアコム,2026-03-01,call,ヤミ金の取り立て\nプロミス,2026-03-02,call,電話\n"
    res = read_incidents_csv(text.encode("shift_jis"), today=None)
    assert any(i.code == "encoding_assumed" and not i.is_error for i in res.issues)
