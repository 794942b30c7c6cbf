"""Role-based access and the audit trail, enforced in one place: :class:`ScopedRepository`.

A page never gets the bare :class:`~planner.storage.Repository`: it gets ``scoped(repo, principal)``,
which has the repository's methods, checks that the principal may see (or change) the client before
each call, and appends an audit record: a change's in the change's own transaction (through
``Repository.write_hook``: both are committed or neither), and a view's or an export's in the read's own
transaction (:func:`planner.storage.db.one_transaction`: the data is returned only once its record is
committed; when the record cannot be written, the read fails).  An admin's changes to user accounts
(:meth:`ScopedRepository.add_user` …) are recorded in their own transactions too.  Every public method of the repository must be
classified in :data:`CLIENT_METHODS` or :data:`OTHER_METHODS`; one that is not is refused
(``AttributeError``), and a test fails until it is classified — a new method cannot skip the audit.

>>> from planner.storage import Repository
>>> from planner.storage.accounts import Principal
>>> repo = Repository.open("sqlite://")
>>> agency = Agency.of(repo)
>>> admin = agency.scoped(Principal("boss@example.org", "admin"))
>>> c = admin.create_client("王五")
>>> [(r.actor, r.action) for r in agency.audit.query(client_id=c.id)]
[('boss@example.org', 'create')]
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..i18n import register, t
from .accounts import Accounts, Principal, User, generate_password
from .audit import _PENDING, AuditLog
from .consent import Consents
from .db import one_transaction
from .errors import NotFound, StorageError
from .records import Client
from .repository import Repository

register({
    "store.err.forbidden": {"zh": "您没有权限{what}客户 #{client_id}（请管理员分配）。",
                            "en": "You are not allowed to {what} client #{client_id} (ask an admin to assign it)."},
    "store.err.forbidden.view": {"zh": "查看", "en": "see"},
    "store.err.forbidden.change": {"zh": "修改", "en": "change"},
    "store.err.admin_only": {"zh": "只有管理员可以管理用户。", "en": "Only an admin can manage users."},
})

# repository method -> (audit action, needs write permission); the first argument is the client id
CLIENT_METHODS: dict[str, tuple[str, bool]] = {
    "get_client": ("view", False), "list_sessions": ("view", False), "list_plan_versions": ("view", False),
    "latest_plan_version": ("view", False), "negotiation_history": ("view", False),
    "negotiation_status": ("view", False), "list_incidents": ("view", False), "load_incidents": ("view", False),
    "references_to": ("view", False),
    "update_client": ("change", True), "rename_client": ("change", True), "add_session": ("change", True),
    "save_plan_version": ("change", True), "record_negotiation": ("change", True),
    "add_incident": ("change", True), "save_incidents": ("change", True),
    "export_client": ("export", False),
    "delete_client": ("delete", True), "delete_client_and_evidence": ("delete", True),
}
# handled by ScopedRepository itself (create_client, import_client, list_clients, get_plan_version) or
# harmless (no client data): passed through
SPECIAL_METHODS = frozenset({"create_client", "import_client", "list_clients", "get_plan_version", "workspaces"})
OTHER_METHODS = frozenset({"open", "close", "backend", "engine", "clock", "incident_ids", "finish_erasing"})
# never reachable through a scoped repository
HIDDEN = frozenset({"write_hook"})


class Forbidden(StorageError, PermissionError):
    code = "store.err.forbidden"

    def __init__(self, *, client_id: int, what: str):
        self.client_id, self.what = client_id, what
        super().__init__(client_id=client_id, what=what)

    def message(self, lang: str = "zh") -> str:
        return t(self.code, lang, client_id=self.client_id, what=t(f"store.err.forbidden.{self.what}", lang))


class AdminOnly(StorageError, PermissionError):
    code = "store.err.admin_only"


@dataclass(frozen=True)
class Agency:
    """The repository with its accounts, audit log and consents (one per repository, shared by sessions)."""

    repo: Repository
    accounts: Accounts
    audit: AuditLog
    consents: Consents

    @classmethod
    def of(cls, repo: Repository) -> "Agency":
        found = _AGENCIES.get(repo)
        if found is None:
            found = cls(repo, Accounts(repo.engine, clock=repo.clock), AuditLog(repo.engine, clock=repo.clock),
                        Consents(repo.engine, clock=repo.clock))
            repo.write_hook = found.audit.in_transaction
            _AGENCIES[repo] = found
        return found

    def scoped(self, principal: Principal) -> "ScopedRepository":
        return ScopedRepository(self, principal)


_AGENCIES: "weakref.WeakKeyDictionary[Repository, Agency]" = weakref.WeakKeyDictionary()


class ScopedRepository:
    """The repository as seen by one principal: filtered, permission-checked and audited."""

    def __init__(self, agency: Agency, principal: Principal):
        self.agency, self.principal = agency, principal
        self._repo = agency.repo

    # ------------------------------------------------------------------ access checks

    def check(self, client_id: int, *, write: bool) -> None:
        p = self.principal
        if write and not p.can_write:
            raise Forbidden(client_id=client_id, what="change")
        if not self.agency.accounts.can_see(p, client_id):
            raise Forbidden(client_id=client_id, what="change" if write else "view")

    def _audit(self, action: str, client_id: int | None, detail: str) -> None:
        self.agency.audit.record(self.principal.actor, action, client_id, detail)

    def _read(self, action: str, client_id: int, detail: str, read: Callable[[], Any]) -> Any:
        """``read()`` and its audit record as one transaction: the result is returned only once the record is
        committed; if the record cannot be written, nothing is returned (the error is raised)."""
        audit, actor = self.agency.audit, self.principal.actor
        if not audit.due(actor, action, client_id):      # a view already recorded in this sitting
            return read()
        with one_transaction(self._repo.engine) as conn:
            result = read()
            audit.write(conn, actor, action, client_id, detail)
        audit.written(actor, action, client_id)
        return result

    def __getattr__(self, name: str) -> Any:
        if name in CLIENT_METHODS:
            action, write = CLIENT_METHODS[name]
            method = getattr(self._repo, name)

            @functools.wraps(method)
            def call(client_id: int, *args: Any, **kwargs: Any) -> Any:
                self.check(client_id, write=write)
                if not write:
                    return self._read(action, client_id, name, lambda: method(client_id, *args, **kwargs))
                # a write's record goes into the write's own transaction (Repository.write_hook)
                token = _PENDING.set((self.principal.actor, action, client_id, name))
                try:
                    result = method(client_id, *args, **kwargs)
                    written = _PENDING.get() is None
                finally:
                    _PENDING.reset(token)
                if not written:
                    self._audit(action, client_id, name)
                return result
            return call
        if name in OTHER_METHODS:
            return getattr(self._repo, name)
        raise AttributeError(f"{name!r} is not available on a scoped repository (classify it in "
                             "planner.storage.access)")

    # ------------------------------------------------------------------ special cases

    @property
    def workspaces(self) -> "ScopedWorkspaces":
        """The workspace store as this principal may use it (a client's draft is part of the client file)."""
        return ScopedWorkspaces(self)

    def list_clients(self) -> list[Client]:
        """The clients this principal may see (an admin: all)."""
        clients = self._repo.list_clients()
        if self.principal.is_admin:
            return clients
        owners = self.agency.accounts.ownership()
        return [c for c in clients if self.principal.can_see(*owners.get(c.id, (None, None)))]

    def plan_counts(self, clients: list[Client]) -> dict[int, int]:
        """The number of plan versions per listed client (a list's column, not a view of the files)."""
        return {c.id: len(self._repo.list_plan_versions(c.id)) for c in clients
                if self.principal.is_admin or self.agency.accounts.can_see(self.principal, c.id)}

    def _own(self, client_id: int) -> None:
        """A new client belongs to the counsellor who created it (and their team)."""
        p = self.principal
        if p.user_id is not None:
            self.agency.accounts.assign(client_id, owner=p.actor, team=p.team, by=p)

    def create_client(self, display_name: str, contact_notes: str = "") -> Client:
        if not self.principal.can_write:
            raise Forbidden(client_id=0, what="change")
        client = self._repo.create_client(display_name, contact_notes)
        self._own(client.id)
        self._audit("create", client.id, "create_client")
        return client

    def import_client(self, data: bytes) -> int:
        if not self.principal.can_write:
            raise Forbidden(client_id=0, what="change")
        new_id = self._repo.import_client(data)
        self._own(new_id)
        self._audit("import", new_id, "import_client")
        return new_id

    def get_plan_version(self, version_id: int):
        client_id = self._repo.get_plan_version(version_id).client_id     # whose it is, for the check
        self.check(client_id, write=False)

        def read():
            version = self._repo.get_plan_version(version_id)
            if version.client_id != client_id:                            # cannot happen: versions are immutable
                raise Forbidden(client_id=version.client_id, what="view")
            return version
        return self._read("view", client_id, "get_plan_version", read)

    # ------------------------------------------------------------------ agency operations

    def assign(self, client_id: int, *, owner: str | None, team: str | None) -> None:
        """Admin only: make ``owner`` / ``team`` the client's."""
        if not self.principal.is_admin:
            raise Forbidden(client_id=client_id, what="change")
        self.agency.accounts.assign(client_id, owner=owner, team=team, by=self.principal)
        self._audit("assign", client_id, "assign")

    # ------------------------------------------------------------------ user accounts (admin only)
    #
    # Each change and its audit record are one transaction.  The record is action ``account``, no client id,
    # and ``<what>:<target user id>`` as detail: who did it is the actor, the user is named by id only.

    def _admin_only(self) -> None:
        """The principal is an admin — for an account, still now (not only when this session signed in)."""
        p = self.principal
        if not p.is_admin:
            raise AdminOnly()
        if p.user_id is not None:
            user = self.agency.accounts.user_by_id(p.user_id)
            if user is None or user.disabled or user.role != "admin":
                raise AdminOnly()

    def _account_record(self, *details: str):
        audit, actor = self.agency.audit, self.principal.actor

        def write(conn, user_id: int) -> None:
            for detail in details:
                audit.write(conn, actor, "account", None, detail.format(id=user_id))
        return write

    def add_user(self, email: str, role: str, *, team: str | None = None, local_password: bool = True,
                 password: str | None = None) -> tuple[User, str | None]:
        """Add a user; with ``local_password`` a generated password (or the given ``password``: the admin CLI's
        ``--password-stdin``) is set and returned, to be shown once and never stored or logged in the clear;
        without, the user signs in through OIDC."""
        self._admin_only()
        if local_password and password is None:
            password = generate_password()
        elif not local_password:
            password = None
        user = self.agency.accounts.add_user(email, role, team=team, password=password,
                                             on_write=self._account_record("add_user:{id}"))
        return user, password

    def set_user_disabled(self, user_id: int, disabled: bool) -> User:
        """Disable (the user is signed out at their next click) or re-enable a user."""
        self._admin_only()
        return self.agency.accounts.update_user_id(
            user_id, disabled=disabled,
            on_write=self._account_record("disable_user:{id}" if disabled else "enable_user:{id}"))

    def change_user(self, user_id: int, *, role: str, team: str | None) -> User:
        """Set the user's role and team (one record per field that changes)."""
        self._admin_only()
        before = self.agency.accounts.user_by_id(user_id)
        if before is None:
            raise NotFound(what="user", id=user_id)
        new_team = " ".join(str(team or "").split()) or None
        details = ([f"set_role:{{id}}:{role}"] if role != before.role else []) + \
            (["set_team:{id}"] if new_team != before.team else [])
        if not details:
            return before
        return self.agency.accounts.update_user_id(user_id, role=role, team=team or "",
                                                   on_write=self._account_record(*details))

    def reset_password(self, user_id: int) -> str:
        """Give the user a new generated password (returned to be shown once); lifts a sign-in lock."""
        self._admin_only()
        password = generate_password()
        self.agency.accounts.update_user_id(user_id, password=password,
                                            on_write=self._account_record("reset_password:{id}"))
        return password

    def record_consent(self, client_id: int, purpose: str, consented_on) -> Any:
        self.check(client_id, write=True)
        consent = self.agency.consents.record(client_id, purpose, consented_on, self.principal.actor)
        self._audit("consent", client_id, "record_consent")
        return consent

    def withdraw_consent(self, client_id: int, consent_id: int, on) -> Any:
        self.check(client_id, write=True)
        if self.agency.consents.get(consent_id).client_id != client_id:
            raise Forbidden(client_id=client_id, what="change")
        consent = self.agency.consents.withdraw(consent_id, on)
        self._audit("consent", client_id, "withdraw_consent")
        return consent

    def consents(self, client_id: int) -> list:
        self.check(client_id, write=False)
        return self._read("view", client_id, "consents", lambda: self.agency.consents.of_client(client_id))


def scoped(repo: Repository, principal: Principal) -> ScopedRepository:
    return Agency.of(repo).scoped(principal)


def unclassified() -> list[str]:
    """Public repository methods that are neither audited nor allowed through (should be empty)."""
    public = [n for n in dir(Repository) if not n.startswith("_")]
    known = set(CLIENT_METHODS) | SPECIAL_METHODS | OTHER_METHODS | HIDDEN
    return [n for n in public if n not in known]


class ScopedWorkspaces:
    """The workspace store seen by one principal: a counsellor client's working draft (owner ``client:<id>``)
    is checked and audited like the rest of that client's file (a view or export of it in one transaction
    with its record); a signed-in user reaches only their own workspace (``user:<e-mail>``)."""

    # store method -> (audit action, needs write permission)
    METHODS: dict[str, tuple[str, bool]] = {
        "load": ("view", False), "history": ("view", False), "undo_target": ("view", False),
        "save": ("change", True), "restore": ("change", True), "undo": ("change", True),
        "export": ("export", False), "delete": ("delete", True),
    }

    def __init__(self, scoped: ScopedRepository):
        self._scoped, self._store = scoped, scoped._repo.workspaces

    def _check(self, owner: str, write: bool) -> int | None:
        p = self._scoped.principal
        if owner.startswith("client:"):
            client_id = int(owner.split(":", 1)[1])
            self._scoped.check(client_id, write=write)
            return client_id
        if owner.startswith("user:") and p.user_id is not None and owner != f"user:{p.actor}":
            raise Forbidden(client_id=0, what="change" if write else "view")
        return None

    def __getattr__(self, name: str) -> Any:
        if name not in self.METHODS:
            raise AttributeError(name)
        action, write = self.METHODS[name]
        method = getattr(self._store, name)

        @functools.wraps(method)
        def call(owner: str, *args: Any, **kwargs: Any) -> Any:
            client_id = self._check(owner, write)
            if client_id is None:
                return method(owner, *args, **kwargs)
            if not write:          # a view or export of the draft: one transaction with its record
                return self._scoped._read(action, client_id, f"draft.{name}",
                                          lambda: method(owner, *args, **kwargs))
            result = method(owner, *args, **kwargs)
            self._scoped._audit(action, client_id, f"draft.{name}")
            return result
        return call
