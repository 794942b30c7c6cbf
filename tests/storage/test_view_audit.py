"""Reading a client file and writing its audit record are one transaction, on SQLite and PostgreSQL:
a view (or an export) is never served without its record, and when the record cannot be written the
read fails.  The audit insert is made to fail with a database trigger, as a full disk or a broken
audit table would."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from planner.storage import Agency, Principal, Repository, owner_for, scoped
from planner.workspace import Workspace

from .helpers import CLIENT_NAME, debts_v1, save_plan

ANA = "ana@example.org"


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


def _client_file(ag: Agency):
    ag.accounts.add_user(ANA, "counsellor", team="north")
    ana = scoped(ag.repo, Principal.of(ag.accounts.get_user(ANA)))
    c = ana.create_client(CLIENT_NAME, contact_notes="微信 wx123")
    version_id = save_plan(ana, c.id, debts_v1(), 4000, "avalanche", "第一次")
    ana.record_consent(c.id, "为制定还款方案", date(2026, 1, 5))
    ana.workspaces.save(owner_for(client_id=c.id), Workspace.empty().with_changes(budget={"income": 1}),
                        expected_version=0)
    return ana, c, version_id


class Trace:
    """Every statement, BEGIN, COMMIT and ROLLBACK on the engine, with the DB-API connection it ran on."""

    def __init__(self, engine: sa.Engine):
        self.events: list[tuple[str, int, str]] = []
        self.engine = engine
        self._listeners = [("before_cursor_execute", self._sql), ("begin", self._tx("begin")),
                           ("commit", self._tx("commit")), ("rollback", self._tx("rollback"))]
        for name, fn in self._listeners:
            event.listen(engine, name, fn)

    def _sql(self, conn, cursor, statement, parameters, context, executemany):
        self.events.append(("sql", id(conn.connection.dbapi_connection), " ".join(statement.split())))

    def _tx(self, kind):
        def record(conn):
            self.events.append((kind, id(conn.connection.dbapi_connection), ""))
        return record

    def close(self):
        for name, fn in self._listeners:
            event.remove(self.engine, name, fn)

    def transaction_of_audit_insert(self) -> list[str]:
        """The statements of the transaction that inserted the (one) audit record, checking it was committed."""
        inserts = [i for i, e in enumerate(self.events) if e[0] == "sql" and e[2].startswith("INSERT INTO audit_log")]
        assert len(inserts) == 1, self.events
        at = inserts[0]
        conn = self.events[at][1]
        start = max(i for i in range(at) if self.events[i][0] in ("begin", "commit", "rollback")
                    and self.events[i][1] == conn)
        assert self.events[start][0] == "begin", self.events[start:at + 1]
        end = min(i for i in range(at, len(self.events)) if self.events[i][0] in ("commit", "rollback")
                  and self.events[i][1] == conn)
        assert self.events[end][0] == "commit"
        return [e[2] for e in self.events[start:end] if e[0] == "sql" and e[1] == conn]


READS = {   # name -> (call, a statement the read must run in the record's transaction)
    "get_client": (lambda s, c, v: s.get_client(c.id), "FROM clients"),
    "list_sessions": (lambda s, c, v: s.list_sessions(c.id), "FROM sessions"),
    "latest_plan_version": (lambda s, c, v: s.latest_plan_version(c.id), "FROM plan_versions"),
    "get_plan_version": (lambda s, c, v: s.get_plan_version(v), "FROM plan_versions"),
    "load_incidents": (lambda s, c, v: s.load_incidents(c.id), "FROM incidents"),
    "consents": (lambda s, c, v: s.consents(c.id), "FROM consents"),
    "draft.load": (lambda s, c, v: s.workspaces.load(owner_for(client_id=c.id)), "FROM workspaces"),
    "draft.history": (lambda s, c, v: s.workspaces.history(owner_for(client_id=c.id)), "FROM workspace_history"),
    "export_client": (lambda s, c, v: s.export_client(c.id), "FROM plan_versions"),
    "draft.export": (lambda s, c, v: s.workspaces.export(owner_for(client_id=c.id)), "FROM workspace_history"),
}


@pytest.mark.parametrize("name", list(READS))
def test_the_read_and_its_record_are_one_committed_transaction(agency, name):
    ana, c, version_id = _client_file(agency)
    call, statement = READS[name]
    trace = Trace(agency.repo.engine)
    try:
        result = call(ana, c, version_id)
    finally:
        trace.close()
    assert result is not None
    statements = trace.transaction_of_audit_insert()
    assert any(statement in s and s.startswith("SELECT") for s in statements), statements
    last = agency.audit.query()[-1]
    assert (last.actor, last.client_id, last.detail) == (ANA, c.id, name)
    assert last.action == ("export" if "export" in name else "view")


def _break_audit(repo: Repository) -> None:
    with repo.engine.begin() as conn:
        if repo.backend == "postgresql":
            conn.exec_driver_sql("CREATE FUNCTION audit_down() RETURNS trigger LANGUAGE plpgsql AS "
                                 "$$ BEGIN RAISE EXCEPTION 'audit store down'; END $$")
            conn.exec_driver_sql("CREATE TRIGGER audit_down BEFORE INSERT ON audit_log "
                                 "FOR EACH ROW EXECUTE FUNCTION audit_down()")
        else:
            conn.exec_driver_sql("CREATE TRIGGER audit_down BEFORE INSERT ON audit_log "
                                 "BEGIN SELECT RAISE(ABORT, 'audit store down'); END")


def _repair_audit(repo: Repository) -> None:
    with repo.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_down ON audit_log" if repo.backend == "postgresql"
                             else "DROP TRIGGER audit_down")


@pytest.mark.parametrize("name", list(READS))
def test_no_record_no_read(agency, name):
    ana, c, version_id = _client_file(agency)
    call, _ = READS[name]
    before = agency.audit.query()
    _break_audit(agency.repo)
    with pytest.raises(sa.exc.DBAPIError, match="audit store down"):
        call(ana, c, version_id)
    assert agency.audit.query() == before
    # the failed record does not count as "already recorded in this sitting": the next read records it
    _repair_audit(agency.repo)
    assert call(ana, c, version_id) is not None
    assert [(r.actor, r.client_id, r.detail) for r in agency.audit.query()[len(before):]] == [(ANA, c.id, name)]


def test_the_record_is_committed_with_the_read_or_the_read_fails(agency):
    """PostgreSQL checks a deferred constraint trigger at COMMIT: the insert itself succeeds, the commit
    fails — and the read fails with it (SQLite has no deferred triggers: the test above covers it)."""
    if agency.repo.backend != "postgresql":
        pytest.skip("deferred constraint triggers are PostgreSQL's")
    ana, c, version_id = _client_file(agency)
    before = len(agency.audit.query())
    with agency.repo.engine.begin() as conn:
        conn.exec_driver_sql("CREATE FUNCTION audit_late() RETURNS trigger LANGUAGE plpgsql AS "
                             "$$ BEGIN RAISE EXCEPTION 'audit refused at commit'; END $$")
        conn.exec_driver_sql("CREATE CONSTRAINT TRIGGER audit_late AFTER INSERT ON audit_log "
                             "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_late()")
    with pytest.raises(sa.exc.DBAPIError, match="audit refused at commit"):
        ana.get_client(c.id)
    assert len(agency.audit.query()) == before


def test_views_within_the_window_are_served_without_a_new_transaction(agency):
    ana, c, _ = _client_file(agency)
    ana.get_client(c.id)
    views = len(agency.audit.query(action="view"))
    _break_audit(agency.repo)                 # already recorded in this sitting: no record is needed
    assert ana.get_client(c.id).id == c.id
    assert len(agency.audit.query(action="view")) == views
    with pytest.raises(sa.exc.DBAPIError):     # an export always needs its own record
        ana.export_client(c.id)
