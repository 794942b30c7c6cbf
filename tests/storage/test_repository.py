"""The repository API on every backend (SQLite always, PostgreSQL when available)."""

from __future__ import annotations

from datetime import date

import pytest

from planner import Debt
from planner.storage import ConflictError, InvalidInputValue, NotFound, Repository

from .helpers import CLIENT_NAME, debts_v1, debts_v2, save_plan


class TestClients:
    def test_create_list_rename_delete(self, repo: Repository):
        a = repo.create_client(CLIENT_NAME, contact_notes="微信 wxid_123")
        b = repo.create_client("  Li   Lei ")
        assert (a.version, b.display_name) == (1, "Li Lei")
        assert a.pseudonym.startswith("C-") and a.pseudonym != b.pseudonym
        assert {c.id for c in repo.list_clients()} == {a.id, b.id}
        renamed = repo.rename_client(a.id, "王女士", expected_version=1)
        assert (renamed.display_name, renamed.version, renamed.pseudonym) == ("王女士", 2, a.pseudonym)
        assert repo.list_clients()[0].id == a.id          # most recently changed first
        repo.delete_client(b.id)
        assert [c.id for c in repo.list_clients()] == [a.id]
        with pytest.raises(NotFound) as e:
            repo.get_client(b.id)
        assert "找不到客户" in e.value.message("zh") and "Client" in e.value.message("en")

    def test_stale_version_raises_conflict_and_writes_nothing(self, repo: Repository):
        c = repo.create_client("甲")
        repo.update_client(c.id, contact_notes="first", expected_version=1)
        with pytest.raises(ConflictError) as e:
            repo.update_client(c.id, contact_notes="second", expected_version=1)
        assert (e.value.expected, e.value.actual) == (1, 2)
        assert "另一个会话" in e.value.message("zh") and "NOT saved" in e.value.message("en")
        assert repo.get_client(c.id).contact_notes == "first"
        with pytest.raises(ConflictError):
            save_plan(repo, c.id, debts_v1(), 4000, "avalanche", "stale", expected_version=1)
        assert repo.list_plan_versions(c.id) == []

    @pytest.mark.parametrize("name", ["", "   ", "x" * 121])
    def test_bad_names_are_refused(self, repo: Repository, name: str):
        with pytest.raises(InvalidInputValue) as e:
            repo.create_client(name)
        assert "120" in e.value.message("en")
        assert repo.list_clients() == []

    def test_writes_to_a_missing_client_raise_not_found(self, repo: Repository):
        with pytest.raises(NotFound):
            repo.add_session(999, date(2025, 1, 1))
        with pytest.raises(NotFound):
            repo.rename_client(999, "x", expected_version=1)


class TestPlanVersions:
    def test_versions_are_immutable_and_ordered(self, repo: Repository):
        c = repo.create_client(CLIENT_NAME)
        v1 = save_plan(repo, c.id, debts_v1(), 4000, "avalanche", "第一次", expected_version=1)
        v2 = save_plan(repo, c.id, debts_v2(), 4500, "snowball", "第二次", expected_version=2)
        versions = repo.list_plan_versions(c.id)
        assert [v.id for v in versions] == [v1, v2]
        first = repo.get_plan_version(v1)
        assert first.debts == debts_v1()                 # Debt objects round-trip exactly
        assert first.budget == {"monthly": [4000.0]} and first.strategy == "avalanche"
        assert first.summary.months_to_debt_free is not None
        assert first.summary.debt_free_month.day == 1
        assert repo.latest_plan_version(c.id).id == v2
        assert repo.get_client(c.id).version == 3
        assert not hasattr(repo, "update_plan_version")

    def test_budget_object_with_to_record(self, repo: Repository):
        class Plan:
            def to_record(self):
                return {"income": 9000, "essentials": [{"name": "房租", "amount": 2500}]}

        c = repo.create_client("乙")
        vid = repo.save_plan_version(c.id, debts=debts_v1(), budget=Plan(), strategy="avalanche")
        assert repo.get_plan_version(vid).budget == Plan().to_record()

    def test_no_version_yet(self, repo: Repository):
        c = repo.create_client("丙")
        assert repo.latest_plan_version(c.id) is None
        with pytest.raises(NotFound):
            repo.get_plan_version(12345)


class TestNegotiationAndIncidents:
    def test_latest_status_per_lender(self, repo: Repository):
        c = repo.create_client("丁")
        repo.record_negotiation(c.id, "借呗", "proposed", status_date=date(2025, 3, 1),
                                terms={"monthly": 800, "months": 24})
        repo.record_negotiation(c.id, "招商银行信用卡", "refused", status_date=date(2025, 3, 5), note="要求全额")
        repo.record_negotiation(c.id, "借呗", "accepted", status_date=date(2025, 3, 9),
                                terms={"monthly": 800, "months": 24, "waive_penalty": True})
        latest = repo.negotiation_status(c.id)
        assert {k: v.status for k, v in latest.items()} == {"借呗": "accepted", "招商银行信用卡": "refused"}
        assert latest["借呗"].terms["waive_penalty"] is True
        assert latest["借呗"].status_label("zh") == "已同意"
        assert len(repo.negotiation_history(c.id)) == 3

    def test_unknown_status_is_refused(self, repo: Repository):
        c = repo.create_client("戊")
        with pytest.raises(InvalidInputValue) as e:
            repo.record_negotiation(c.id, "借呗", "maybe", status_date=date(2025, 1, 1))
        assert "maybe" in e.value.message("zh") and "no_answer" in e.value.message("en")
        assert repo.negotiation_history(c.id) == []

    def test_incidents_are_opaque_records(self, repo: Repository):
        c = repo.create_client("己")
        record = {"when": "2025-03-02T21:30:00", "lender": "某网贷", "kind": "call_contacts",
                  "details": {"calls": 12, "contacts": ["母亲", "同事"]}}
        first = repo.add_incident(c.id, record)
        assert repo.load_incidents(c.id) == [record]
        with pytest.raises(TypeError):       # a whole-log replacement must say which version it replaces
            repo.save_incidents(c.id, [record])
        repo.save_incidents(c.id, [record, {**record, "kind": "threat"}], expected_version=repo.get_client(c.id).version)
        loaded = repo.list_incidents(c.id)
        assert [i.record["kind"] for i in loaded] == ["call_contacts", "threat"]
        assert first not in {i.id for i in loaded}

    def test_sessions(self, repo: Repository):
        c = repo.create_client("庚")
        repo.add_session(c.id, date(2025, 3, 8), "第二次面谈")
        repo.add_session(c.id, date(2025, 3, 1), "第一次面谈")
        assert [s.notes for s in repo.list_sessions(c.id)] == ["第一次面谈", "第二次面谈"]


def test_delete_removes_every_row_of_that_client_only(repo: Repository):
    keep, gone = repo.create_client("保留"), repo.create_client(CLIENT_NAME)
    for c in (keep, gone):
        save_plan(repo, c.id, debts_v1(), 4000, "avalanche", "v1")
        repo.add_session(c.id, date(2025, 3, 1), "notes")
        repo.record_negotiation(c.id, "借呗", "proposed", status_date=date(2025, 3, 1))
        repo.add_incident(c.id, {"kind": "call"})
    counts = repo.delete_client(gone.id)
    assert counts == {"sessions": 1, "plan_versions": 1, "negotiation_status": 1, "incidents": 1, "clients": 1,
                      "workspaces": 0, "workspace_history": 0}
    assert set(repo.references_to(gone.id).values()) == {0}
    assert repo.references_to(keep.id) == {"sessions": 1, "plan_versions": 1, "negotiation_status": 1,
                                           "incidents": 1, "clients": 1, "workspaces": 0, "workspace_history": 0}


def test_foreign_keys_are_enforced(repo: Repository):
    import sqlalchemy as sa
    from datetime import datetime
    from planner.storage.schema import SESSIONS
    with pytest.raises(sa.exc.IntegrityError):
        with repo.engine.begin() as conn:
            conn.execute(SESSIONS.insert().values(client_id=4242, session_date=date(2025, 1, 1), notes="",
                                                  created_at=datetime(2025, 1, 1)))


def test_backend_is_what_the_url_says(repo: Repository, db_url: str):
    assert repo.backend == ("postgresql" if db_url.startswith("postgresql") else "sqlite")


def test_debt_names_survive_as_given(repo: Repository):
    c = repo.create_client("辛")
    debts = [Debt("Card A", balance=1.5, annual_rate=0, min_payment=0.01)]
    vid = repo.save_plan_version(c.id, debts=debts, budget={}, strategy="minimum")
    assert repo.get_plan_version(vid).debts == debts


def test_ids_of_deleted_clients_are_never_reused(repo: Repository):
    """A session still holding a deleted client's id must not open someone else."""
    first = repo.create_client("甲")
    repo.delete_client(first.id)
    assert repo.create_client("乙").id != first.id


def test_deleting_a_client_deletes_its_evidence_copies_but_not_shared_ones(repo: Repository, tmp_path):
    from planner.rights import evidence_dir, store_evidence, stored_evidence
    data = tmp_path / "evidence-root"
    keep, gone = repo.create_client("保留"), repo.create_client(CLIENT_NAME)
    repo.save_incidents(gone.id, [{"id": "own1", "lender": "某网贷"}, {"id": "shared", "lender": "某网贷"}],
                        expected_version=1)
    repo.save_incidents(keep.id, [{"id": "shared", "lender": "某网贷"}], expected_version=1)
    for incident in ("own1", "shared"):
        store_evidence(data, incident, "通话录音.m4a", b"audio")
        store_evidence(data, incident, "截图.png", b"png")
    store_evidence(data, "unrelated", "x.png", b"png")              # the working log of someone else
    counts = repo.delete_client_and_evidence(gone.id, data)
    assert counts["evidence_files"] == 2 and counts["clients"] == 1
    assert stored_evidence(data, "own1") == [] and not evidence_dir(data, "own1").exists()
    assert len(stored_evidence(data, "shared")) == 2                # the other client still refers to it
    assert len(stored_evidence(data, "unrelated")) == 1
    assert repo.incident_ids() == {"shared"}
