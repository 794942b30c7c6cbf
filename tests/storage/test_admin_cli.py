"""``python -m planner admin``: users, audit (JSON Lines), retention — on the dashboard's database, both backends."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta

import pytest

from planner.cli import main
from planner.storage import Agency, Principal, Repository, scoped


@pytest.fixture
def env(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))
    for name in ("PLANNER_RETENTION_MONTHS", "PLANNER_RETENTION_DELETE", "PLANNER_ACCOUNTS"):
        monkeypatch.delenv(name, raising=False)
    return db_url


def run(capsys, *argv: str, stdin: str = "", monkeypatch=None) -> tuple[int, str, str]:
    if monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["admin", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_users_add_list_disable(env, capsys, monkeypatch):
    assert run(capsys, "users", "add", "Ana@Example.org", "--role", "counsellor", "--team", "north")[0] == 0
    code, _, _ = run(capsys, "users", "add", "boss@example.org", "--role", "admin", "--password-stdin",
                     stdin="a long admin password\n", monkeypatch=monkeypatch)
    assert code == 0
    code, out, _ = run(capsys, "users", "list", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["email"], r["role"], r["team"], r["local_password"]) for r in rows] == [
        ("ana@example.org", "counsellor", "north", False), ("boss@example.org", "admin", None, True)]
    assert run(capsys, "users", "disable", "ana@example.org")[0] == 0
    assert json.loads(run(capsys, "users", "list", "--json")[1].splitlines()[0])["disabled"] is True
    repo = Repository.open(env)
    assert Agency.of(repo).accounts.authenticate("boss@example.org", "a long admin password").ok
    repo.close()
    code, _, err = run(capsys, "users", "add", "ana@example.org", "--role", "viewer")
    assert code == 1 and "already exists" in err
    code, _, err = run(capsys, "users", "add", "x@example.org", "--role", "counsellor", "--password-stdin",
                       stdin="short\n", monkeypatch=monkeypatch)
    assert code == 1 and "at least" in err


def test_terminal_output_is_escaped(env, capsys):
    assert run(capsys, "users", "add", "evil\x1b]0;pwned\x07@example.org", "--role", "viewer")[0] == 0
    _, out, _ = run(capsys, "users", "list")
    assert "\x1b" not in out and "\x07" not in out and "evil" in out


def test_audit_json_lines_and_since(env, capsys):
    repo = Repository.open(env)
    agency = Agency.of(repo)
    ana = scoped(repo, Principal("ana@example.org", "admin"))
    c = ana.create_client("王秀英")
    ana.export_client(c.id)
    repo.close()
    code, out, _ = run(capsys, "audit", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(x["user"], x["action"], x["client_id"]) for x in lines] == [
        ("ana@example.org", "create", c.id), ("ana@example.org", "export", c.id)]
    assert set(lines[0]) >= {"time", "user", "action", "client_id"} and lines[0]["time"].endswith("Z")
    assert "王秀英" not in out
    tomorrow = (datetime.now() + timedelta(days=2)).date().isoformat()
    assert run(capsys, "audit", "--json", "--since", tomorrow)[1] == ""
    assert run(capsys, "audit", "--json", "--action", "export")[1].count("\n") == 1
    del agency


def test_retention_reports_and_applies_only_when_configured(env, capsys, monkeypatch):
    repo = Repository.open(env)
    ana = scoped(repo, Principal("ana@example.org", "admin"))
    keep, gone = ana.create_client("留"), ana.create_client("撤")
    consent = ana.record_consent(gone.id, "用途", datetime.now().date())
    ana.withdraw_consent(gone.id, consent.id, datetime.now().date())
    repo.close()
    code, out, _ = run(capsys, "retention", "--json")
    assert code == 0 and [json.loads(x)["client_id"] for x in out.splitlines()] == [gone.id]
    code, _, err = run(capsys, "retention", "--apply")
    assert code == 2 and "PLANNER_RETENTION_DELETE=yes" in err
    monkeypatch.setenv("PLANNER_RETENTION_DELETE", "yes")
    code, _, err = run(capsys, "retention", "--apply")
    assert code == 0 and f"deleted 1 client file(s): {gone.id}" in err
    repo = Repository.open(env)
    assert [c.id for c in repo.list_clients()] == [keep.id]
    deletes = Agency.of(repo).audit.query(action="delete")
    assert [(r.actor, r.client_id) for r in deletes] == [("admin-cli", gone.id)]
    repo.close()


def test_user_changes_are_audited_and_the_last_admin_is_kept(env, capsys, monkeypatch):
    code, _, _ = run(capsys, "users", "add", "boss@example.org", "--role", "admin", "--password-stdin",
                     stdin="a long admin password\n", monkeypatch=monkeypatch)
    assert code == 0
    assert run(capsys, "users", "add", "ana@example.org", "--role", "counsellor")[0] == 0
    assert run(capsys, "users", "disable", "ana@example.org")[0] == 0
    code, _, err = run(capsys, "users", "disable", "boss@example.org")
    assert code == 1 and "last enabled admin" in err
    repo = Repository.open(env)
    acc = Agency.of(repo).accounts
    boss, ana = acc.get_user("boss@example.org"), acc.get_user("ana@example.org")
    assert not boss.disabled and ana.disabled and ana.has_password is False
    assert acc.authenticate("boss@example.org", "a long admin password").ok
    repo.close()
    code, out, _ = run(capsys, "audit", "--json", "--action", "account")
    assert [(x["user"], x["client_id"], x["detail"]) for x in map(json.loads, out.splitlines())] == [
        ("admin-cli", None, f"add_user:{boss.id}"), ("admin-cli", None, f"add_user:{ana.id}"),
        ("admin-cli", None, f"disable_user:{ana.id}")]
    assert "@" not in out.replace("admin-cli", "")
