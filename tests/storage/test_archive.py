"""Export everything about a client (JSON + CSV zip), delete, import: nothing lost."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

import pytest

from planner.storage import InvalidArchive, Repository, client_document
from planner.storage.archive import FORMAT_VERSION, MAX_UNPACKED_BYTES

from .helpers import CLIENT_NAME, debts_v1, debts_v2, save_plan

TABLES = {"client.json", "client.csv", "sessions.csv", "plan_versions.csv", "debts.csv",
          "negotiation_status.csv", "incidents.csv"}


def full_client(repo: Repository) -> int:
    c = repo.create_client(CLIENT_NAME, contact_notes="手机 13800000000")
    repo.add_session(c.id, date(2025, 3, 1), f"{CLIENT_NAME}带来了账单")
    save_plan(repo, c.id, debts_v1(), 4000, "avalanche", "第一次")
    save_plan(repo, c.id, debts_v2(), 4500, "snowball", "第二次", negotiation_method="installment")
    repo.record_negotiation(c.id, "借呗", "accepted", status_date=date(2025, 3, 9), terms={"months": 24})
    repo.record_negotiation(c.id, "招商银行信用卡", "refused", status_date=date(2025, 3, 10), note="要求全额")
    repo.add_incident(c.id, {"kind": "call_contacts", "note": f"催收员给{CLIENT_NAME}的母亲打电话"})
    return c.id


def comparable(doc: dict) -> dict:
    doc = json.loads(json.dumps(doc))
    doc.pop("exported_at")
    doc["client"].pop("updated_at")
    return doc


def test_export_zip_has_json_and_csv_tables(repo: Repository):
    client_id = full_client(repo)
    zf = zipfile.ZipFile(io.BytesIO(repo.export_client(client_id)))
    assert set(zf.namelist()) == TABLES
    doc = json.loads(zf.read("client.json"))
    assert doc["format_version"] == FORMAT_VERSION and doc["client"]["display_name"] == CLIENT_NAME
    assert len(doc["plan_versions"]) == 2 and len(doc["negotiation_status"]) == 2
    debts = list(csv.DictReader(io.StringIO(zf.read("debts.csv").decode("utf-8-sig"))))
    assert [(r["version"], r["name"]) for r in debts][:2] == [("1", "借呗"), ("1", "花呗")]
    assert len(debts) == len(debts_v1()) + len(debts_v2())
    assert zf.read("negotiation_status.csv").startswith("\ufeff".encode())


def test_export_delete_import_round_trip(repo: Repository):
    client_id = full_client(repo)
    before = client_document(repo, client_id)
    data = repo.export_client(client_id)
    repo.delete_client(client_id)
    assert set(repo.references_to(client_id).values()) == {0}
    new_id = repo.import_client(data)
    assert new_id != client_id
    assert comparable(client_document(repo, new_id)) == comparable(before)
    versions = repo.list_plan_versions(new_id)
    assert versions[0].debts == debts_v1() and versions[1].debts == debts_v2()
    assert repo.negotiation_status(new_id)["借呗"].terms == {"months": 24}


def test_pseudonymised_export_carries_no_name_or_contact(repo: Repository):
    client_id = full_client(repo)
    pseudonym = repo.get_client(client_id).pseudonym
    data = repo.export_client(client_id, pseudonymise=True)
    zf = zipfile.ZipFile(io.BytesIO(data))
    for name in zf.namelist():
        text = zf.read(name).decode("utf-8-sig")
        assert CLIENT_NAME not in text and "13800000000" not in text, name
    doc = json.loads(zf.read("client.json"))
    assert doc["pseudonymised"] is True and doc["client"]["display_name"] == pseudonym
    assert doc["incidents"][0]["record"]["note"] == f"催收员给{pseudonym}的母亲打电话"
    # stable per client: a second export, after a rename, uses the same pseudonym
    repo.rename_client(client_id, "改名后", expected_version=repo.get_client(client_id).version)
    assert json.loads(zipfile.ZipFile(io.BytesIO(repo.export_client(client_id, pseudonymise=True)))
                      .read("client.json"))["client"]["display_name"] == pseudonym


def _zip(files: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buf.getvalue()


def _doc_with(repo: Repository, **changes) -> bytes:
    client_id = full_client(repo)
    doc = client_document(repo, client_id)
    for path, value in changes.items():
        target = doc
        *parents, leaf = path.split("__")
        for p in parents:
            target = target[int(p)] if p.isdigit() else target[p]
        target[int(leaf) if leaf.isdigit() else leaf] = value
    return _zip({"client.json": json.dumps(doc, ensure_ascii=False)})


@pytest.mark.parametrize("make, reason", [
    (lambda repo: b"not a zip at all", "store.archive.not_zip"),
    (lambda repo: _zip({"other.txt": "x"}), "store.archive.no_manifest"),
    (lambda repo: _zip({"client.json": "{broken"}), "store.archive.bad_format"),
    (lambda repo: _zip({"client.json": json.dumps({"format": "something-else"})}), "store.archive.no_manifest"),
    (lambda repo: _doc_with(repo, format_version=FORMAT_VERSION + 1), "store.archive.newer"),
    (lambda repo: _doc_with(repo, plan_versions__0__debts__0__balance=-5), "store.archive.bad_debts"),
    (lambda repo: _doc_with(repo, negotiation_status__0__status="maybe"), "store.archive.bad_format"),
    (lambda repo: _doc_with(repo, sessions__0__session_date="yesterday"), "store.archive.bad_format"),
    (lambda repo: _doc_with(repo, client__display_name=""), "store.archive.bad_format"),
])
def test_bad_archives_are_refused_with_a_reason_and_write_nothing(repo: Repository, make, reason):
    data = make(repo)
    before = len(repo.list_clients())
    with pytest.raises(InvalidArchive) as e:
        repo.import_client(data)
    assert e.value.reason == reason
    zh, en = e.value.message("zh"), e.value.message("en")
    assert zh.startswith("无法导入") and en.startswith("Cannot import") and "{" not in zh + en
    assert len(repo.list_clients()) == before


def test_zip_bomb_is_refused_before_unpacking(sqlite_repo: Repository):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("client.json", b" " * (MAX_UNPACKED_BYTES + 1))
    with pytest.raises(InvalidArchive) as e:
        sqlite_repo.import_client(buf.getvalue())
    assert e.value.reason == "store.archive.too_large"
