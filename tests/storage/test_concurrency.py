"""Two writers at once: different clients never lose data; the same client gets a clear conflict."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from planner.storage import ConflictError, Repository

from .helpers import debts_v1

WRITES = 25


def run_together(*targets) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(len(targets))

    def wrap(fn):
        def go():
            try:
                start.wait()
                fn()
            except BaseException as e:  # noqa: BLE001 - collected and re-raised by the test
                errors.append(e)
        return go

    threads = [threading.Thread(target=wrap(t)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return errors


def test_two_sessions_on_different_clients_lose_nothing(db_url):
    # two repositories = two engines = two app sessions / replicas on one database
    a, b = Repository.open(db_url), Repository.open(db_url)
    ca, cb = a.create_client("甲"), b.create_client("乙")

    def writer(repo: Repository, client_id: int):
        def go():
            version = repo.get_client(client_id).version
            for i in range(WRITES):
                repo.update_client(client_id, contact_notes=f"note {i}", expected_version=version)
                repo.save_plan_version(client_id, debts=debts_v1(), budget={"monthly": [4000 + i]},
                                       strategy="avalanche", label=f"v{i}", expected_version=version + 1)
                repo.record_negotiation(client_id, "借呗", "proposed", status_date=date(2025, 1, 1 + i % 28),
                                        expected_version=version + 2)
                version += 3
        return go

    assert run_together(writer(a, ca.id), writer(b, cb.id)) == []
    for repo, c in ((a, ca), (b, cb)):
        assert repo.get_client(c.id).version == 1 + 3 * WRITES
        assert repo.get_client(c.id).contact_notes == f"note {WRITES - 1}"
        versions = repo.list_plan_versions(c.id)
        assert [v.budget["monthly"][0] for v in versions] == [4000 + i for i in range(WRITES)]
        assert len(repo.negotiation_history(c.id)) == WRITES
    a.close(), b.close()


def test_two_sessions_on_the_same_client_conflict_instead_of_overwriting(db_url):
    a, b = Repository.open(db_url), Repository.open(db_url)
    c = a.create_client("丙")
    loaded_a, loaded_b = a.get_client(c.id), b.get_client(c.id)      # both open version 1
    a.update_client(c.id, contact_notes="A's notes", expected_version=loaded_a.version)
    with pytest.raises(ConflictError) as e:
        b.update_client(c.id, contact_notes="B's notes", expected_version=loaded_b.version)
    assert (e.value.expected, e.value.actual) == (1, 2)
    assert b.get_client(c.id).contact_notes == "A's notes"
    a.close(), b.close()


def test_racing_writers_on_one_client_serialise_with_retries(db_url):
    """Read-modify-write from two threads: every increment lands exactly once, conflicts are reported."""
    a, b = Repository.open(db_url), Repository.open(db_url)
    c = a.create_client("0")
    conflicts = []

    def incrementer(repo: Repository):
        def go():
            done = 0
            while done < WRITES:
                current = repo.get_client(c.id)
                try:
                    repo.rename_client(c.id, str(int(current.display_name) + 1), expected_version=current.version)
                    done += 1
                except ConflictError:
                    conflicts.append(1)
        return go

    assert run_together(incrementer(a), incrementer(b)) == []
    final = a.get_client(c.id)
    assert int(final.display_name) == 2 * WRITES
    assert final.version == 1 + 2 * WRITES
    a.close(), b.close()
