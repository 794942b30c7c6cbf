"""Agency accounts on both backends: roles and visibility, argon2 passwords, persisted back-off,
the append-only audit trail enforced by the scoped repository, consent and retention."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import sqlalchemy as sa

from planner.storage import (Agency, Forbidden, InvalidInputValue, Principal, Repository, scoped)
from planner.storage import access
from planner.storage.accounts import FREE_FAILURES, Accounts
from planner.storage.audit import AuditLog, to_csv

from .helpers import CLIENT_NAME, debts_v1, save_plan


class Clock:
    def __init__(self, start=datetime(2026, 1, 5, 9, 0)):
        self.now = start

    def __call__(self):
        return self.now


@pytest.fixture
def agency(db_url):
    clock = Clock()
    repo = Repository.open(db_url, clock=clock)
    ag = Agency.of(repo)
    yield ag
    repo.close()


def people(ag: Agency):
    acc = ag.accounts
    admin = Principal.of(acc.add_user("boss@example.org", "admin"))
    ana = Principal.of(acc.add_user("ana@example.org", "counsellor", team="north", password="ana's long password"))
    bo = Principal.of(acc.add_user("bo@example.org", "counsellor", team="north"))
    cy = Principal.of(acc.add_user("cy@example.org", "counsellor", team="south"))
    vi = Principal.of(acc.add_user("vi@example.org", "viewer", team="north"))
    return admin, ana, bo, cy, vi


def test_counsellors_see_their_own_and_their_teams_clients_only(agency):
    admin, ana, bo, cy, vi = people(agency)
    a = scoped(agency.repo, ana).create_client("甲")
    c = scoped(agency.repo, cy).create_client("丙")
    unassigned = agency.repo.create_client("无主")
    assert {x.id for x in scoped(agency.repo, admin).list_clients()} == {a.id, c.id, unassigned.id}
    assert [x.id for x in scoped(agency.repo, ana).list_clients()] == [a.id]
    assert [x.id for x in scoped(agency.repo, bo).list_clients()] == [a.id]      # same team
    assert [x.id for x in scoped(agency.repo, cy).list_clients()] == [c.id]
    with pytest.raises(Forbidden):
        scoped(agency.repo, cy).get_client(a.id)
    with pytest.raises(Forbidden):
        scoped(agency.repo, cy).save_incidents(a.id, [], expected_version=1)
    with pytest.raises(Forbidden):
        scoped(agency.repo, ana).get_client(unassigned.id)
    # a viewer of the team reads but never writes
    assert scoped(agency.repo, vi).get_client(a.id).id == a.id
    with pytest.raises(Forbidden):
        scoped(agency.repo, vi).rename_client(a.id, "x")
    with pytest.raises(Forbidden):
        scoped(agency.repo, vi).create_client("x")
    # only an admin assigns; reassigning moves the file
    with pytest.raises(Forbidden):
        scoped(agency.repo, ana).assign(c.id, owner="ana@example.org", team=None)
    scoped(agency.repo, admin).assign(a.id, owner="cy@example.org", team="south")
    assert [x.id for x in scoped(agency.repo, cy).list_clients()] == [a.id, c.id] or \
        {x.id for x in scoped(agency.repo, cy).list_clients()} == {a.id, c.id}
    assert scoped(agency.repo, ana).list_clients() == []


def test_disabled_role_and_email_validation(agency):
    acc = agency.accounts
    with pytest.raises(InvalidInputValue):
        acc.add_user("not-an-email", "counsellor")
    with pytest.raises(InvalidInputValue):
        acc.add_user("x@example.org", "superuser")
    acc.add_user("x@example.org", "counsellor")
    with pytest.raises(InvalidInputValue):
        acc.add_user("X@Example.org", "viewer")            # e-mails are case-insensitive
    assert acc.disable_user("x@example.org").disabled


def test_passwords_are_argon2_hashes_never_plaintext(agency):
    acc = agency.accounts
    acc.add_user("ana@example.org", "counsellor", password="correct horse battery")
    with agency.repo.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT password_hash FROM users")).scalar_one()
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    assert acc.authenticate("ana@example.org", "correct horse battery").ok
    assert acc.authenticate("ANA@example.org ", "correct horse battery").ok
    assert not acc.authenticate("ana@example.org", "wrong").ok
    with pytest.raises(InvalidInputValue):
        acc.add_user("short@example.org", "viewer", password="short")
    acc.disable_user("ana@example.org")
    assert not acc.authenticate("ana@example.org", "correct horse battery").ok


def test_lockout_is_persisted_across_processes_and_backs_off(agency, db_url):
    clock = agency.repo.clock
    agency.accounts.add_user("ana@example.org", "counsellor", password="correct horse battery")
    other = Repository.open(db_url, clock=clock)              # another app process on the same database
    other_acc = Accounts(other.engine, clock=clock)
    for i in range(FREE_FAILURES):
        acc = agency.accounts if i % 2 else other_acc
        result = acc.authenticate("ana@example.org", "guess %d" % i)
        assert not result.ok and (result.locked_until is not None) == (i == FREE_FAILURES - 1)
    # locked now: even the right password is refused, in both processes
    assert not agency.accounts.authenticate("ana@example.org", "correct horse battery").ok
    assert other_acc.locked_until("ana@example.org") == clock.now + timedelta(seconds=30)
    clock.now += timedelta(seconds=31)
    second = other_acc.authenticate("ana@example.org", "another guess")
    assert second.locked_until == clock.now + timedelta(seconds=60)       # doubled
    clock.now += timedelta(seconds=61)
    assert agency.accounts.authenticate("ana@example.org", "correct horse battery").ok
    assert agency.accounts.locked_until("ana@example.org") is None
    # unknown e-mails are locked the same way (no hint which e-mails exist)
    for _ in range(FREE_FAILURES):
        last = agency.accounts.authenticate("nobody@example.org", "x")
    assert last.locked_until is not None
    other.close()


def test_every_client_method_is_audited_with_no_personal_data(agency):
    admin, ana, *_ = people(agency)
    repo = scoped(agency.repo, ana)
    c = repo.create_client(CLIENT_NAME, contact_notes="微信 wx123")
    repo.get_client(c.id)
    save_plan(repo, c.id, debts_v1(), 4000, "avalanche", "第一次", expected_version=1)
    repo.add_session(c.id, date(2026, 1, 5), "电话", expected_version=2)
    archive = repo.export_client(c.id)
    new_id = repo.import_client(archive)
    repo.delete_client(new_id)
    records = agency.audit.query()
    assert [(r.actor, r.action, r.client_id, r.detail) for r in records] == [
        ("ana@example.org", "create", c.id, "create_client"),
        ("ana@example.org", "view", c.id, "get_client"),
        ("ana@example.org", "change", c.id, "save_plan_version"),
        ("ana@example.org", "change", c.id, "add_session"),
        ("ana@example.org", "export", c.id, "export_client"),
        ("ana@example.org", "import", new_id, "import_client"),
        ("ana@example.org", "delete", new_id, "delete_client"),
    ]
    text = repr(records) + to_csv(records)
    assert CLIENT_NAME not in text and "wx123" not in text
    # views within the window are one record; a later sitting is another
    repo.get_client(c.id)
    repo.list_sessions(c.id)
    assert len(agency.audit.query(action="view")) == 1
    agency.repo.clock.now += timedelta(minutes=11)
    repo.list_sessions(c.id)
    assert len(agency.audit.query(action="view")) == 2
    # a refused access is not recorded as done
    cy = Principal.of(agency.accounts.get_user("cy@example.org"))
    with pytest.raises(Forbidden):
        scoped(agency.repo, cy).export_client(c.id)
    assert agency.audit.query(actor="cy@example.org") == []


def test_no_repository_method_escapes_classification():
    assert access.unclassified() == []
    with pytest.raises(AttributeError):
        scoped(Repository.open("sqlite://"), Principal("x", "admin")).no_such_method  # noqa: B018


def test_audit_rows_cannot_be_updated_or_deleted(agency):
    log = agency.audit
    log.record("ana@example.org", "view", 999, "get_client")
    assert not any(hasattr(AuditLog, n) for n in ("update", "delete", "edit", "remove", "purge"))
    for statement in ("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with agency.repo.engine.begin() as conn:
                conn.exec_driver_sql(statement)
    if agency.repo.backend == "postgresql":
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with agency.repo.engine.begin() as conn:
                conn.exec_driver_sql("TRUNCATE audit_log")
    assert [r.actor for r in log.query()] == ["ana@example.org"]
    # deleting a client keeps the records about it
    c = agency.repo.create_client("x")
    scoped(agency.repo, Principal("boss@example.org", "admin")).delete_client(c.id)
    assert [r.action for r in log.query(client_id=c.id)] == ["delete"]


def test_audit_filters_and_csv_export(agency):
    log = agency.audit
    log.record("=cmd|' /C calc'!A0", "export", 3, "export_client")
    agency.repo.clock.now += timedelta(days=2)
    log.record("ana@example.org", "change", 4, "save_incidents")
    assert [r.client_id for r in log.query(since=date(2026, 1, 6))] == [4]
    assert [r.client_id for r in log.query(actor="ana@example.org")] == [4]
    assert [r.client_id for r in log.query(action="export")] == [3]
    text = to_csv(log.query())
    assert text.splitlines()[0] == "time,user,action,client_id,detail"
    assert "'=cmd" in text                                  # formula neutralised


def test_consent_recorded_withdrawn_and_retention(agency):
    admin, ana, *_ = people(agency)
    repo = scoped(agency.repo, ana)
    kept = repo.create_client("留")
    stale = repo.create_client("旧")
    gone = repo.create_client("撤")
    consent = repo.record_consent(gone.id, "为制定还款方案而处理您的债务信息", date(2026, 1, 5))
    assert (consent.counsellor, consent.active) == ("ana@example.org", True)
    with pytest.raises(InvalidInputValue):
        repo.record_consent(kept.id, "  ", date(2026, 1, 5))
    agency.repo.clock.now = datetime(2026, 8, 1, 9, 0)
    repo.rename_client(kept.id, "留下", expected_version=kept.version)                    # activity: not due
    withdrawn = repo.withdraw_consent(gone.id, consent.id, date(2026, 8, 1))
    assert withdrawn.withdrawn_on == date(2026, 8, 1)
    assert repo.withdraw_consent(gone.id, consent.id, date(2026, 9, 1)).withdrawn_on == date(2026, 8, 1)
    due = agency.consents.due(6, date(2026, 8, 1))
    assert [(d.client_id, d.reason) for d in due] == [(stale.id, "expired"), (gone.id, "withdrawn")]
    assert [d.client_id for d in agency.consents.due(0, date(2026, 8, 1))] == [gone.id]
    assert [r.detail for r in agency.audit.query(action="consent")] == ["record_consent", "withdraw_consent",
                                                                       "withdraw_consent"]
    # deleting a client deletes its consents
    scoped(agency.repo, admin).delete_client(gone.id)
    assert agency.consents.of_client(gone.id) == []


def test_a_change_and_its_audit_record_are_one_transaction(agency, monkeypatch):
    admin = scoped(agency.repo, Principal("boss@example.org", "admin"))
    c, d = admin.create_client("x"), admin.create_client("z")
    calls = []
    monkeypatch.setattr(AuditLog, "record", lambda self, *a, **k: calls.append(a))   # the after-the-fact path
    admin.rename_client(c.id, "y", expected_version=1)
    admin.delete_client(c.id)
    assert calls == []                                   # both written inside their transactions
    assert [r.action for r in agency.audit.query(client_id=c.id)] == ["create", "change", "delete"]
    # a refused write (stale version) leaves neither a change nor a record
    admin.rename_client(d.id, "z2", expected_version=1)
    from planner.storage import ConflictError
    with pytest.raises(ConflictError):
        admin.rename_client(d.id, "z3", expected_version=1)
    assert [r.action for r in agency.audit.query(client_id=d.id)] == ["create", "change"]
