"""Fuzz suite (issue 11): whatever a file or a line carries, nothing raises, nothing is lost, no exported
cell is a live formula, and a pseudonymised export imports again.  ``make fuzz`` runs it longer."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.batch import run_lines
from planner.csv_io import read_debts_csv, write_debts_csv
from planner.escape import _NUMBER, csv_cell, csv_unescape
from planner.models import Debt, DebtKind
from planner.parsing import free_text
from planner.rights import Incident, read_incidents_csv, write_incidents_csv

from .fuzz import FUZZ

pytestmark = pytest.mark.fuzz

FORMULA = ("=", "+", "-", "@", "\t", "\r")
HEADER = "名称,余额,年利率,最低还款,备注\n"
nasty_text = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(list("=+-@\t\r\n\",;'\u200b\u202e\x1b")),
                     max_size=40)
cell = st.one_of(nasty_text, st.sampled_from(["1,000", "0，5万", "1.200,50", "NaN", "-5", "1e400", "18%", ""]))


def _cells(data: bytes) -> list[str]:
    return [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")) for c in row]


def _live(c: str) -> bool:
    return c.startswith(FORMULA) and not _NUMBER.match(c)


@FUZZ
@given(st.binary(max_size=600) | st.lists(st.lists(cell, max_size=7), max_size=8).map(
    lambda rows: (HEADER + "\n".join(",".join(r) for r in rows)).encode(
        "utf-8", "surrogatepass")))
def test_csv_bytes_never_raise(data):
    result = read_debts_csv(data)
    for issue in result.issues:
        assert issue.message("zh") and issue.message("en")
    read_incidents_csv(data, today=date(2026, 3, 1))


_json_value = st.recursive(st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | nasty_text,
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(nasty_text, inner, max_size=4),
                           max_leaves=12)
_debt = st.fixed_dictionaries({"name": nasty_text, "balance": _json_value | st.floats(0, 1e6),
                               "annual_rate": st.floats(0, 40) | _json_value, "min_payment": st.floats(0, 1e4)})
_case = st.fixed_dictionaries({"id": _json_value, "debts": st.lists(_debt, max_size=4) | _json_value,
                               "budget": st.floats(0, 1e5) | _json_value})
_line = (_case.map(lambda c: json.dumps(c, ensure_ascii=False)) | nasty_text
         | st.integers(1, 5000).map(lambda n: "[" * n + "]" * n))


@FUZZ
@given(st.lists(_line, min_size=1, max_size=8))
def test_batch_gives_one_output_line_per_input_line(lines):
    lines = [ln for ln in (" ".join(x.splitlines()) for x in lines) if ln.strip()]
    out = list(run_lines(lines))
    assert len(out) == len(lines)
    for o in out:
        assert isinstance(json.loads(o), dict)


@FUZZ
@given(st.lists(st.tuples(nasty_text, nasty_text), min_size=1, max_size=5))
def test_exports_hold_no_formula_cell_and_round_trip(pairs):
    debts = []
    for k, (name, notes) in enumerate(pairs):
        debts.append(Debt(name=f"{name}#{k}", balance=100.0 + k, annual_rate=5.0, min_payment=10.0,
                          kind=DebtKind.OTHER, notes=notes, official_channel=name))
    data = write_debts_csv(debts)
    assert not any(_live(c) for c in _cells(data))
    back = read_debts_csv(data)
    assert len(back.debts) == len(debts)
    assert [d.notes for d in back.debts] == [free_text(d.notes.replace("\x00", "")) for d in debts]
    log = [Incident(f"{name}x", date(2026, 3, 1), "call", "borrower", f"{notes}y", time=None)
           for name, notes in pairs]
    data = write_incidents_csv(log)
    assert not any(_live(c) for c in _cells(data))


@FUZZ
@given(nasty_text)
def test_csv_cell_round_trip(text):
    assert csv_unescape(csv_cell(text)) == text and not _live(csv_cell(text))


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    from planner.storage import Repository
    return Repository.open(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'db.sqlite3'}")


_name = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "Zs"]) | st.sampled_from(list("an借呗")),
                min_size=1, max_size=8).filter(lambda s: s.strip())


@FUZZ
@given(name=_name, note=nasty_text)
def test_pseudonymised_export_round_trips(repo, name, note):
    c = repo.create_client(name)
    text = f"{note} {name} {name.upper()}"
    repo.add_session(c.id, date(2026, 1, 2), text)
    repo.save_plan_version(c.id, debts=[Debt(name="借呗", balance=100.0, annual_rate=5.0, min_payment=10.0,
                                             kind=DebtKind.ONLINE_LOAN, notes=text)],
                           budget={"monthly": [100.0]}, strategy="avalanche", label=text)
    repo.add_incident(c.id, {"id": "i", "lender": "借呗", "channel": "call", "summary": text})
    data = repo.export_client(c.id, pseudonymise=True)
    doc = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("client.json"))
    assert doc["plan_versions"][0]["debts"][0]["kind"] == "online_loan"
    assert doc["plan_versions"][0]["debts"][0]["name"] == "借呗"
    new_id = repo.import_client(data)
    assert repo.list_plan_versions(new_id)[0].debts[0].name == "借呗"
