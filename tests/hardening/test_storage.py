"""Issue 11 items 2, 3, 6 (tampered zips, data dir), 11 (pseudonymised export), 13 (directory modes,
DATABASE_URL at a device or a non-database file)."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import stat
import zipfile
from datetime import date
from pathlib import Path

import pytest

from planner import settings
from planner.models import Debt, DebtKind
from planner.rights import delete_evidence, evidence_dir, store_evidence, stored_evidence
from planner.storage import DeletionIncomplete, InvalidArchive, Repository, client_document
from planner.storage.db import create_engine

SECRET = "独一无二的名字Qx7"


def _repo(tmp_path) -> tuple[Repository, Path]:
    db = tmp_path / "data" / "planner.sqlite3"
    return Repository.open(f"sqlite:///{db}"), db


def _traces(db: Path) -> list[str]:
    found = []
    for p in (db, Path(f"{db}-wal")):
        if p.exists() and SECRET.encode() in p.read_bytes():
            found.append(p.name)
    return found


# ------------------------------------------------------------------ 2: delete while another connection reads

def test_delete_with_a_reader_reports_the_truth_then_finishes(tmp_path, monkeypatch):
    import planner.storage.db as db_module
    monkeypatch.setattr(db_module, "COMPACT_WAIT_S", 0.3)
    repo, db = _repo(tmp_path)
    c = repo.create_client(SECRET, contact_notes=SECRET)
    repo.add_session(c.id, date(2026, 1, 1), SECRET)
    repo.add_incident(c.id, {"id": "i1", "summary": SECRET})
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM clients").fetchone()        # holds a read snapshot
    with pytest.raises(DeletionIncomplete) as e:
        repo.delete_client(c.id, )
    assert e.value.counts["clients"] == 1 and "write-ahead" in e.value.message("en")
    assert repo.list_clients() == []                                  # the rows are gone all the same
    reader.execute("COMMIT")
    reader.close()
    assert repo.finish_erasing() is True
    assert _traces(db) == []


def test_delete_without_a_reader_leaves_no_readable_trace(tmp_path):
    repo, db = _repo(tmp_path)
    c = repo.create_client(SECRET, contact_notes=SECRET)
    repo.add_session(c.id, date(2026, 1, 1), SECRET)
    repo.delete_client(c.id)
    assert _traces(db) == []


def test_an_unfinished_erase_is_finished_when_the_database_is_opened_again(tmp_path, monkeypatch):
    import planner.storage.db as db_module
    monkeypatch.setattr(db_module, "COMPACT_WAIT_S", 0.1)
    repo, db = _repo(tmp_path)
    c = repo.create_client(SECRET)
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM clients").fetchone()
    with pytest.raises(DeletionIncomplete):
        repo.delete_client(c.id)
    reader.execute("COMMIT")
    reader.close()
    Repository.open(f"sqlite:///{db}")
    assert _traces(db) == []


# ------------------------------------------------------------------ 3: evidence keys

def test_incident_ids_that_once_shared_a_folder_are_kept_apart(tmp_path):
    ids = ("a/b", "a.b", "a_b")
    for i in ids:
        store_evidence(tmp_path, i, f"{i.replace('/', '-')}.png", i.encode())
    assert len({evidence_dir(tmp_path, i) for i in ids}) == 3
    assert delete_evidence(tmp_path, "a/b") == 1
    assert [p.read_bytes() for p in stored_evidence(tmp_path, "a.b")] == [b"a.b"]
    assert [p.read_bytes() for p in stored_evidence(tmp_path, "a_b")] == [b"a_b"]


def test_deleting_a_client_spares_look_alike_incident_ids_of_another(tmp_path):
    repo, _ = _repo(tmp_path)
    data = tmp_path / "data"
    gone, keep = repo.create_client("甲"), repo.create_client("乙")
    repo.save_incidents(gone.id, [{"id": "a/b", "lender": "x"}], expected_version=gone.version)
    repo.save_incidents(keep.id, [{"id": "a.b", "lender": "x"}, {"id": "a_b", "lender": "x"}], expected_version=keep.version)
    for i in ("a/b", "a.b", "a_b"):
        store_evidence(data, i, "rec.m4a", b"audio")
    counts = repo.delete_client_and_evidence(gone.id, data)
    assert counts["evidence_files"] == 1
    assert stored_evidence(data, "a/b") == []
    assert len(stored_evidence(data, "a.b")) == 1 and len(stored_evidence(data, "a_b")) == 1


def test_owner_is_part_of_the_key(tmp_path):
    store_evidence(tmp_path, "same", "x.png", b"1", owner="client-1")
    store_evidence(tmp_path, "same", "x.png", b"2", owner="client-2")
    assert delete_evidence(tmp_path, "same", owner="client-1") == 1
    assert [p.read_bytes() for p in stored_evidence(tmp_path, "same", owner="client-2")] == [b"2"]


# ------------------------------------------------------------------ 6: evidence names, data dir, tampered zips

def test_a_file_name_over_255_bytes_is_shortened_and_kept(tmp_path):
    name = "催收员威胁我的录音" * 10 + ".m4a"                 # 90 Chinese characters: 270 bytes
    stored, issues = store_evidence(tmp_path, "i1", name, b"audio")
    assert issues == [] and stored.endswith(".m4a") and len(stored.encode()) <= 255
    assert stored_evidence(tmp_path, "i1")[0].read_bytes() == b"audio"


def test_an_unwritable_evidence_folder_is_an_issue_not_an_exception(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    stored, issues = store_evidence(blocker, "i1", "a.png", b"png")
    assert stored is None and issues[0].code == "cannot_store" and "record" in issues[0].message("en")


def test_planner_data_dir_pointing_at_a_file_is_a_clear_message(tmp_path):
    f = tmp_path / "a-file"
    f.write_text("not a folder")
    from planner.storage.db import database_url
    url = database_url({"PLANNER_DATA_DIR": str(f)})
    with pytest.raises(settings.SettingError) as e:
        Repository.open(url)
    assert "is a file, not a folder" in str(e.value)


def _zip(files: dict[str, bytes | str], encrypted: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    data = bytearray(buf.getvalue())
    if encrypted:                                 # set the "encrypted" flag bit on the entry's headers
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
            info = zf.getinfo(encrypted)
        data[info.header_offset + 6] |= 0x01
        central = bytes(data).rfind(b"PK\x01\x02")
        data[central + 8] |= 0x01
    return bytes(data)


def _doc(repo: Repository, **changes) -> dict:
    c = repo.create_client("导出")
    from planner.storage import PlanSummary  # noqa: F401
    repo.save_plan_version(c.id, debts=[Debt(name="借呗", balance=100.0, annual_rate=1.0, min_payment=1.0)],
                           budget={"monthly": [100.0]}, strategy="avalanche")
    doc = client_document(repo, c.id)
    doc.update(changes)
    return doc


def test_tampered_client_zips_are_clean_import_errors(tmp_path):
    repo, _ = _repo(tmp_path)
    good = _doc(repo)
    deep = '{"format": "debt-planner-client", "format_version": 1, "client": ' + "[" * 100_000 + "]" * 100_000 + "}"
    bad_debts = json.loads(json.dumps(good))
    bad_debts["plan_versions"][0]["debts"] = ["a"]
    bad_record = json.loads(json.dumps(good))
    bad_record["incidents"] = [{"record": ["a"], "created_at": "2026-01-01T00:00:00"}]
    archives = [_zip({"client.json": deep}), _zip({"client.json": json.dumps(bad_debts)}),
                _zip({"client.json": json.dumps(bad_record)}),
                _zip({"client.json": json.dumps(good)}, encrypted="client.json")]
    before = len(repo.list_clients())
    for data in archives:
        with pytest.raises(InvalidArchive) as e:
            repo.import_client(data)
        assert e.value.message("en").startswith("Cannot import")
    assert len(repo.list_clients()) == before
    assert repo.import_client(_zip({"client.json": json.dumps(good)}))          # the untampered one imports


# ------------------------------------------------------------------ 11: pseudonymised export

@pytest.mark.parametrize("name", ["an", "借", "Zhang San", "王秀英"])
def test_pseudonymised_export_replaces_name_variants_and_still_imports(tmp_path, name):
    repo, _ = _repo(tmp_path)
    c = repo.create_client(name, contact_notes="13912345678")
    pseudonym = repo.get_client(c.id).pseudonym
    variants = {name, name.upper(), " ".join(name), "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch
                                                          for ch in name)}
    text = "；".join(f"见了{v}" for v in sorted(variants)) + "，电话 139-1234-5678"
    repo.add_session(c.id, date(2026, 1, 2), text)
    debts = [Debt(name="借呗", balance=1000.0, annual_rate=10.0, min_payment=100.0, kind=DebtKind.ONLINE_LOAN,
                  notes=text), Debt(name="bank of an", balance=500.0, annual_rate=5.0, min_payment=50.0,
                                    kind=DebtKind.BANK_LOAN)]
    repo.save_plan_version(c.id, debts=debts, budget={"monthly": [500.0]}, strategy="avalanche", label=text)
    repo.record_negotiation(c.id, "借呗", "accepted", status_date=date(2026, 1, 3), note=text)
    repo.add_incident(c.id, {"id": "i1", "lender": "借呗", "channel": "call", "contact_role": "borrower",
                             "summary": text, "tags": ["threat"]})
    data = repo.export_client(c.id, pseudonymise=True)
    doc = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("client.json"))
    free = [doc["sessions"][0]["notes"], doc["plan_versions"][0]["label"], doc["negotiation_status"][0]["note"],
            doc["incidents"][0]["record"]["summary"], doc["plan_versions"][0]["debts"][0]["notes"]]
    for field in free:
        for v in variants:
            assert f"见了{v}；" not in field + "；" and f"见了{v}，" not in field, (v, field)
        assert pseudonym in field and "139-1234-5678" not in field
    # machine fields untouched
    d = doc["plan_versions"][0]["debts"]
    assert [x["kind"] for x in d] == ["online_loan", "bank_loan"] and [x["name"] for x in d] == ["借呗", "bank of an"]
    assert doc["negotiation_status"][0]["lender"] == "借呗" and doc["negotiation_status"][0]["status"] == "accepted"
    assert doc["incidents"][0]["record"]["channel"] == "call" and doc["incidents"][0]["record"]["tags"] == ["threat"]
    new_id = repo.import_client(data)                                   # the round trip works
    assert repo.get_client(new_id).display_name == pseudonym
    assert repo.list_plan_versions(new_id)[0].debts[0].kind == DebtKind.ONLINE_LOAN


def test_report_pseudonymise_hides_name_and_phone_in_the_incident_log(tmp_path):
    from planner.report import build_pdf
    from planner.rights import Incident
    from tests.report.helpers import pdf_text, sample_debts
    inc = Incident("某某贷", date(2026, 3, 2), "call", "third_party", "打给我妈说张三丰欠钱，张三丰电话13812345678",
                   relationship="张三丰的母亲", caller="13812345678", evidence=("张三丰录音.m4a",))
    pdf = build_pdf(sample_debts(), 3000, lang="zh", strategy="avalanche", method=None, today=date(2026, 3, 10),
                    profile={"name": "张三丰", "phone": "13812345678"}, incidents=[inc], pseudonymise=True)
    text = pdf_text(pdf).replace("\n", "").replace(" ", "")
    assert "张三丰" not in text and "13812345678" not in text and "5678" in text


# ------------------------------------------------------------------ 13: directory modes, DATABASE_URL

def test_an_existing_shared_directory_keeps_its_mode(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    Repository.open(f"sqlite:///{shared / 'planner.sqlite3'}").close()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert stat.S_IMODE((shared / "planner.sqlite3").stat().st_mode) == 0o600      # the file is private


def test_directories_the_planner_creates_are_private(tmp_path):
    parent = tmp_path / "parent"
    parent.mkdir(mode=0o755)
    parent.chmod(0o755)
    Repository.open(f"sqlite:///{parent / 'new' / 'deeper' / 'planner.sqlite3'}").close()
    assert stat.S_IMODE((parent / "new").stat().st_mode) == 0o700
    assert stat.S_IMODE((parent / "new" / "deeper").stat().st_mode) == 0o700
    assert stat.S_IMODE(parent.stat().st_mode) == 0o755


def test_a_device_or_pipe_is_refused_and_its_directory_untouched(tmp_path):
    """``DATABASE_URL=sqlite:////dev/null`` once made /dev mode 0700.  Tested in a throwaway directory
    (never on /dev itself: run against the old code, this test must not damage the machine)."""
    throwaway = tmp_path / "devlike"
    throwaway.mkdir()
    throwaway.chmod(0o755)
    specials = [throwaway / "pipe"]
    os.mkfifo(specials[0])
    if os.geteuid() == 0:                                      # a real character device, like /dev/null
        os.mknod(throwaway / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        specials.append(throwaway / "null")
    for special in specials + [throwaway]:                     # a device, a pipe, a folder
        with pytest.raises(settings.SettingError) as e:
            create_engine(f"sqlite:///{special}")
        assert "not a regular file" in str(e.value)
        assert stat.S_IMODE(throwaway.stat().st_mode) == 0o755


def test_a_non_database_file_is_refused_and_kept(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("my notes")
    with pytest.raises(settings.SettingError) as e:
        Repository.open(f"sqlite:///{f}")
    assert "not a SQLite database" in str(e.value) and f.read_text() == "my notes"
