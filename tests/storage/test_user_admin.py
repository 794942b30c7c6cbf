"""An admin manages user accounts through the scoped repository, on SQLite and PostgreSQL: add (with a
generated password shown once, or for OIDC sign-in), disable / re-enable, change role and team, reset a
password.  Each change and its audit record are one transaction (action ``account``, the target's user id
only); the last enabled admin cannot be disabled or demoted, not even by two admins at the same moment."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
import sqlalchemy as sa

from planner.storage import (AdminOnly, Agency, InvalidInputValue, NotFound, Principal, Repository, StorageError,
                             scoped)
from planner.storage.accounts import FREE_FAILURES, PASSWORD_ALPHABET, generate_password

from .test_view_audit import _break_audit, _repair_audit


class Clock:
    def __init__(self):
        self.now = datetime(2026, 1, 5, 9, 0)

    def __call__(self):
        return self.now


@pytest.fixture
def agency(db_url):
    repo = Repository.open(db_url, clock=Clock())
    ag = Agency.of(repo)
    yield ag
    repo.close()


def as_(ag: Agency, email: str):
    return scoped(ag.repo, Principal.of(ag.accounts.get_user(email)))


def records(ag: Agency):
    return [(r.actor, r.action, r.client_id, r.detail) for r in ag.audit.query()]


def test_generated_passwords_are_random_and_long_enough():
    seen = {generate_password() for _ in range(200)}
    assert len(seen) == 200
    assert all(set(p.replace("-", "")) <= set(PASSWORD_ALPHABET) and len(p) == 23 for p in seen)


def test_admin_adds_users_with_a_generated_password_or_for_oidc(agency):
    agency.accounts.add_user("boss@example.org", "admin")
    boss = as_(agency, "boss@example.org")
    ana, password = boss.add_user(" Ana@Example.org ", "counsellor", team=" north  side ")
    assert (ana.email, ana.role, ana.team, ana.has_password, ana.disabled) == (
        "ana@example.org", "counsellor", "north side", True, False)
    assert agency.accounts.authenticate("ana@example.org", password).ok
    oidc, none = boss.add_user("vi@example.org", "viewer", local_password=False)
    assert none is None and not oidc.has_password
    with agency.repo.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT password_hash FROM users WHERE email = 'ana@example.org'")).scalar()
    assert stored.startswith("$argon2id$") and password not in stored
    assert records(agency) == [("boss@example.org", "account", None, f"add_user:{ana.id}"),
                               ("boss@example.org", "account", None, f"add_user:{oidc.id}")]
    text = repr(agency.audit.query())
    assert "ana@example.org" not in text and password not in text


def test_bad_or_duplicate_input_is_refused_and_not_recorded(agency):
    agency.accounts.add_user("boss@example.org", "admin")
    boss = as_(agency, "boss@example.org")
    boss.add_user("ana@example.org", "counsellor")
    for email, role, code in [("ana@example", "viewer", "store.err.bad_email"),
                              ("ANA@example.org", "viewer", "store.err.user_exists"),
                              ("bo@example.org", "superuser", "store.err.bad_role")]:
        with pytest.raises(InvalidInputValue) as e:
            boss.add_user(email, role)
        assert e.value.code == code
    assert [u.email for u in agency.accounts.list_users()] == ["ana@example.org", "boss@example.org"]
    assert len(agency.audit.query()) == 1


def test_only_an_admin_manages_users(agency):
    agency.accounts.add_user("boss@example.org", "admin")
    ana = agency.accounts.add_user("ana@example.org", "counsellor")
    agency.accounts.add_user("vi@example.org", "viewer")
    for who in ("ana@example.org", "vi@example.org"):
        s = as_(agency, who)
        for act in (lambda: s.add_user("x@example.org", "admin"), lambda: s.set_user_disabled(ana.id, True),
                    lambda: s.change_user(ana.id, role="admin", team=None), lambda: s.reset_password(ana.id)):
            with pytest.raises(AdminOnly):
                act()
    assert agency.accounts.get_user("ana@example.org") == ana and agency.audit.query() == []
    assert AdminOnly().message("zh") == "只有管理员可以管理用户。"


def test_disable_enable_change_and_reset_are_recorded(agency):
    agency.accounts.add_user("boss@example.org", "admin")
    boss = as_(agency, "boss@example.org")
    ana, first = boss.add_user("ana@example.org", "counsellor", team="north")
    assert boss.set_user_disabled(ana.id, True).disabled
    assert not agency.accounts.authenticate("ana@example.org", first).ok
    assert not boss.set_user_disabled(ana.id, False).disabled
    changed = boss.change_user(ana.id, role="viewer", team="south")
    assert (changed.role, changed.team) == ("viewer", "south")
    assert boss.change_user(ana.id, role="viewer", team=" south ") == changed        # nothing changed: no record
    assert boss.change_user(ana.id, role="viewer", team="").team is None
    for i in range(FREE_FAILURES):                                                   # locked out …
        agency.accounts.authenticate("ana@example.org", f"guess {i}")
    assert agency.accounts.locked_until("ana@example.org") is not None
    second = boss.reset_password(ana.id)
    assert second != first and agency.accounts.locked_until("ana@example.org") is None   # … the reset lifts it
    assert agency.accounts.authenticate("ana@example.org", second).ok
    assert not agency.accounts.authenticate("ana@example.org", first).ok
    assert [d for _, _, _, d in records(agency)] == [
        f"add_user:{ana.id}", f"disable_user:{ana.id}", f"enable_user:{ana.id}", f"set_role:{ana.id}:viewer",
        f"set_team:{ana.id}", f"set_team:{ana.id}", f"reset_password:{ana.id}"]
    assert {(a, c) for a, _, c, _ in records(agency)} == {("boss@example.org", None)}
    with pytest.raises(NotFound):
        boss.set_user_disabled(9999, True)


def test_the_last_enabled_admin_cannot_be_disabled_or_demoted(agency):
    boss_user = agency.accounts.add_user("boss@example.org", "admin")
    boss = as_(agency, "boss@example.org")
    for act in (lambda: boss.set_user_disabled(boss_user.id, True),
                lambda: boss.change_user(boss_user.id, role="counsellor", team=None)):
        with pytest.raises(InvalidInputValue) as e:
            act()
        assert e.value.code == "store.err.last_admin"
        assert "boss@example.org" in e.value.message("en")
    with pytest.raises(InvalidInputValue):                      # nor through the admin CLI's path
        agency.accounts.disable_user("boss@example.org")
    # a disabled admin does not count; a second enabled one does
    other, _ = boss.add_user("deputy@example.org", "admin")
    boss.set_user_disabled(other.id, True)
    with pytest.raises(InvalidInputValue):
        boss.change_user(boss_user.id, role="viewer", team=None)
    boss.set_user_disabled(other.id, False)
    assert boss.change_user(boss_user.id, role="counsellor", team=None).role == "counsellor"   # may step down
    deputy = as_(agency, "deputy@example.org")
    with pytest.raises(InvalidInputValue):
        deputy.set_user_disabled(other.id, True)
    with pytest.raises(AdminOnly):                 # a session signed in as admin, demoted since: refused
        boss.set_user_disabled(other.id, True)
    assert agency.accounts.get_user("boss@example.org").role == "counsellor"
    assert [d.split(":")[0] for _, _, _, d in records(agency)] == [
        "add_user", "disable_user", "enable_user", "set_role"]


def test_two_admins_demoting_each_other_at_once_leave_one_admin(agency, db_url):
    a = agency.accounts.add_user("a@example.org", "admin")
    b = agency.accounts.add_user("b@example.org", "admin")
    other = Repository.open(db_url, clock=agency.repo.clock)          # another app process
    pa = scoped(agency.repo, Principal.of(a))
    pb = scoped(other, Principal.of(b))
    barrier, outcomes = threading.Barrier(2), []

    def demote(who, target):
        barrier.wait()
        try:
            who.change_user(target, role="viewer", team=None)
            outcomes.append("done")
        except StorageError as e:            # the last admin kept, or the other was demoted first
            outcomes.append(e.code)

    threads = [threading.Thread(target=demote, args=(pa, b.id)), threading.Thread(target=demote, args=(pb, a.id))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    other.close()
    assert len(outcomes) == 2 and outcomes.count("done") == 1
    assert set(outcomes) - {"done"} <= {"store.err.last_admin", "store.err.admin_only"}
    assert [u.role for u in agency.accounts.list_users()].count("admin") == 1


def test_an_account_change_and_its_record_are_one_transaction(agency):
    agency.accounts.add_user("boss@example.org", "admin")
    boss = as_(agency, "boss@example.org")
    ana, password = boss.add_user("ana@example.org", "counsellor")
    _break_audit(agency.repo)
    with pytest.raises(sa.exc.DBAPIError, match="audit store down"):
        boss.add_user("bo@example.org", "counsellor")
    with pytest.raises(sa.exc.DBAPIError, match="audit store down"):
        boss.set_user_disabled(ana.id, True)
    with pytest.raises(sa.exc.DBAPIError, match="audit store down"):
        boss.reset_password(ana.id)
    _repair_audit(agency.repo)
    assert agency.accounts.find_user("bo@example.org") is None
    assert not agency.accounts.get_user("ana@example.org").disabled
    assert agency.accounts.authenticate("ana@example.org", password).ok          # the old password still works
    assert len(agency.audit.query()) == 1
