"""Agency accounts: users and roles, local passwords (argon2), a persisted sign-in back-off, client ownership.

Roles: ``admin`` sees and changes every client, assigns owners and teams, reads the audit log;
``counsellor`` sees and changes the clients they own and their team's; ``viewer`` sees those
read-only.  A :class:`Principal` is who is signed in (``local`` and ``password`` are the single-user
modes, which see everything, as before).

Passwords are hashed with argon2id (``argon2-cffi``); the password itself is never stored.  After
:data:`FREE_FAILURES` failed sign-ins for an e-mail, it is locked for 30 s, doubling with every further
failure up to 15 min; the counter lives in the database, so every app process sees it.

>>> from planner.storage import Repository
>>> acc = Accounts(Repository.open("sqlite://").engine)
>>> acc.add_user("Li.Na@Example.org", "counsellor", team="north", password="correct horse").email
'li.na@example.org'
>>> acc.authenticate("li.na@example.org", "correct horse").ok
True
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Connection, Engine

from ..i18n import register
from .accounts_schema import EMAIL_MAX, ROLES, TEAM_MAX
from .errors import InvalidInputValue, NotFound
from .schema import CLIENT_ACCESS, CLIENTS, LOGIN_FAILURES, USERS

FREE_FAILURES = 5
FIRST_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(minutes=15)
PASSWORD_MIN = 10

register({
    "store.err.bad_email": {"zh": "“{value}” 不是有效的电子邮件地址", "en": "'{value}' is not an e-mail address"},
    "store.err.bad_role": {"zh": "“{value}” 不是有效的角色（{choices}）", "en": "'{value}' is not a role ({choices})"},
    "store.err.user_exists": {"zh": "用户 {email} 已存在", "en": "the user {email} already exists"},
    "store.err.short_password": {"zh": "密码至少 {limit} 个字符", "en": "a password has at least {limit} characters"},
    "store.err.bad_team": {"zh": "团队名称最多 {limit} 个字", "en": "a team name has at most {limit} characters"},
    "store.what.user": {"zh": "用户", "en": "User"},
    "store.err.last_admin": {"zh": "{email} 是最后一位启用的管理员：不能停用或降级。请先添加或启用另一位管理员。",
                             "en": "{email} is the last enabled admin: it cannot be disabled or demoted. Add or "
                                   "enable another admin first."},
})

# a hook called as ``on_write(conn, user_id)`` inside an account change's transaction (the audit record)
OnWrite = Callable[[Connection, int], None]
# generated passwords: no look-alikes (0/O, 1/l/I), groups of 5 for reading aloud or typing from paper
PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_GROUPS = 4

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a password of anyone")   # verified for unknown e-mails: same timing


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def normalize_email(value: str) -> str:
    email = str(value).strip().lower()
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain or len(email) > EMAIL_MAX or any(c.isspace() for c in email):
        raise InvalidInputValue("store.err.bad_email", value=str(value)[:80])
    return email


def generate_password() -> str:
    """A random password for a new or reset local account (about 114 bits: 4 groups of 5 characters).

    >>> p = generate_password()
    >>> len(p), p.count("-"), len(p) >= PASSWORD_MIN
    (23, 3, True)
    """
    return "-".join("".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(5)) for _ in range(PASSWORD_GROUPS))


def _team(value: str | None) -> str | None:
    team = " ".join(str(value or "").split())
    if len(team) > TEAM_MAX:
        raise InvalidInputValue("store.err.bad_team", limit=TEAM_MAX)
    return team or None


@dataclass(frozen=True, slots=True)
class User:
    id: int
    email: str
    role: str
    team: str | None
    disabled: bool
    created_at: datetime
    has_password: bool


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is signed in.  ``actor`` is what the audit log records (an e-mail, ``local``, ``password``…)."""

    actor: str
    role: str
    user_id: int | None = None
    team: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def can_write(self) -> bool:
        return self.role in ("admin", "counsellor")

    def can_see(self, owner_id: int | None, team: str | None) -> bool:
        if self.is_admin:
            return True
        return (self.user_id is not None and owner_id == self.user_id) or (
            self.team is not None and team == self.team)

    @classmethod
    def of(cls, user: User) -> "Principal":
        return cls(actor=user.email, role=user.role, user_id=user.id, team=user.team)


LOCAL = Principal("local", "admin")          # single-user local mode: the person at this computer
SHARED_PASSWORD = Principal("password", "admin")   # PLANNER_PASSWORD mode: one shared identity
SYSTEM = Principal("system", "admin")        # the admin CLI and retention


@dataclass(frozen=True, slots=True)
class LoginResult:
    """``user`` when the sign-in succeeded; otherwise ``locked_until`` tells whether it is locked."""

    user: User | None = None
    locked_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.user is not None


def _user(row: sa.Row) -> User:
    m = row._mapping
    return User(id=m["id"], email=m["email"], role=m["role"], team=m["team"], disabled=bool(m["disabled"]),
                created_at=m["created_at"], has_password=bool(m["password_hash"]))


class Accounts:
    """Users, sign-in and client ownership on the planner database (same engine as the repository)."""

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = _utcnow):
        self.engine, self.clock = engine, clock

    # ------------------------------------------------------------------ users

    def any_users(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(USERS.c.id).limit(1)).first() is not None

    def add_user(self, email: str, role: str, *, team: str | None = None, password: str | None = None,
                 on_write: OnWrite | None = None) -> User:
        email = normalize_email(email)
        if role not in ROLES:
            raise InvalidInputValue("store.err.bad_role", value=role, choices=", ".join(ROLES))
        values = dict(email=email, role=role, team=_team(team), disabled=False, created_at=self.clock(),
                      password_hash=self._hash(password) if password is not None else None)
        with self.engine.begin() as conn:
            if conn.execute(sa.select(USERS.c.id).where(USERS.c.email == email)).first() is not None:
                raise InvalidInputValue("store.err.user_exists", email=email)
            try:
                new_id = conn.execute(USERS.insert().values(**values).returning(USERS.c.id)).scalar_one()
            except sa.exc.IntegrityError:      # the same e-mail added at the same moment elsewhere
                raise InvalidInputValue("store.err.user_exists", email=email) from None
            if on_write is not None:
                on_write(conn, new_id)
        return self.get_user(email)

    def get_user(self, email: str) -> User:
        email = str(email).strip().lower()
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(USERS).where(USERS.c.email == email)).first()
        if row is None:
            raise NotFound(what="user", id=email)
        return _user(row)

    def find_user(self, email: str) -> User | None:
        try:
            return self.get_user(email)
        except NotFound:
            return None

    def user_by_id(self, user_id: int) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(USERS).where(USERS.c.id == user_id)).first()
        return _user(row) if row is not None else None

    def list_users(self) -> list[User]:
        with self.engine.connect() as conn:
            return [_user(r) for r in conn.execute(sa.select(USERS).order_by(USERS.c.email))]

    def update_user(self, email: str, *, role: str | None = None, team: str | None = None,
                    disabled: bool | None = None, password: str | None = None,
                    on_write: OnWrite | None = None) -> User:
        """Change a user (by e-mail); see :meth:`update_user_id`."""
        return self.update_user_id(self.get_user(email).id, role=role, team=team, disabled=disabled,
                                   password=password, on_write=on_write)

    def update_user_id(self, user_id: int, *, role: str | None = None, team: str | None = None,
                       disabled: bool | None = None, password: str | None = None,
                       on_write: OnWrite | None = None) -> User:
        """Change role, team, the disabled flag or the password (one transaction, with ``on_write``).

        The last enabled admin cannot be disabled or demoted (``store.err.last_admin``): the enabled admins'
        rows are locked first (PostgreSQL ``FOR UPDATE``; SQLite's write lock is taken at BEGIN), so two
        admins demoting each other at the same moment cannot both succeed.  A new password also lifts a
        sign-in lock of the account.
        """
        changes: dict[str, object] = {}
        if role is not None:
            if role not in ROLES:
                raise InvalidInputValue("store.err.bad_role", value=role, choices=", ".join(ROLES))
            changes["role"] = role
        if team is not None:
            changes["team"] = _team(team)
        if disabled is not None:
            changes["disabled"] = bool(disabled)
        if password is not None:
            changes["password_hash"] = self._hash(password)
        with self.engine.begin() as conn:
            admins = conn.execute(sa.select(USERS.c.id).where(USERS.c.role == "admin", sa.not_(USERS.c.disabled))
                                  .order_by(USERS.c.id).with_for_update()).scalars().all()
            row = conn.execute(sa.select(USERS).where(USERS.c.id == user_id)).first()
            if row is None:
                raise NotFound(what="user", id=user_id)
            demoted = changes.get("role", "admin") != "admin" or changes.get("disabled") is True
            if demoted and user_id in admins and len(admins) == 1:
                raise InvalidInputValue("store.err.last_admin", email=row.email)
            if changes:
                conn.execute(USERS.update().where(USERS.c.id == user_id).values(**changes))
                if password is not None:
                    conn.execute(LOGIN_FAILURES.delete().where(LOGIN_FAILURES.c.email == row.email))
                if on_write is not None:
                    on_write(conn, user_id)
        return self.user_by_id(user_id)

    def disable_user(self, email: str) -> User:
        return self.update_user(email, disabled=True)

    @staticmethod
    def _hash(password: str) -> str:
        if len(password) < PASSWORD_MIN:
            raise InvalidInputValue("store.err.short_password", limit=PASSWORD_MIN)
        return _hasher.hash(password)

    # ------------------------------------------------------------------ sign-in

    def locked_until(self, email: str) -> datetime | None:
        with self.engine.connect() as conn:
            until = conn.execute(sa.select(LOGIN_FAILURES.c.locked_until)
                                 .where(LOGIN_FAILURES.c.email == str(email).strip().lower())).scalar()
        return until if until is not None and until > self.clock() else None

    def authenticate(self, email: str, password: str) -> LoginResult:
        """Check a local account's password, with the persisted back-off.

        A locked e-mail is refused without checking the password; an unknown e-mail, a disabled
        account or a wrong password all count as a failure (and look the same to the caller).
        """
        key = str(email).strip().lower()[:EMAIL_MAX]
        locked = self.locked_until(key)
        if locked is not None:
            return LoginResult(locked_until=locked)
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(USERS).where(USERS.c.email == key)).first()
        stored = row._mapping["password_hash"] if row is not None else None
        try:
            good = _hasher.verify(stored or _DUMMY_HASH, str(password)) and stored is not None
        except (VerificationError, InvalidHashError):
            good = False
        if good and not row._mapping["disabled"]:
            with self.engine.begin() as conn:
                conn.execute(LOGIN_FAILURES.delete().where(LOGIN_FAILURES.c.email == key))
                if _hasher.check_needs_rehash(stored):
                    conn.execute(USERS.update().where(USERS.c.id == row.id)
                                 .values(password_hash=_hasher.hash(str(password))))
            return LoginResult(user=_user(row))
        return LoginResult(locked_until=self._fail(key))

    def _fail(self, key: str) -> datetime | None:
        now = self.clock()
        with self.engine.begin() as conn:
            failures = (conn.execute(sa.select(LOGIN_FAILURES.c.failures)
                                     .where(LOGIN_FAILURES.c.email == key)).scalar() or 0) + 1
            over = failures - FREE_FAILURES + 1
            until = now + min(FIRST_LOCK * (2 ** (over - 1)), MAX_LOCK) if over > 0 else None
            values = dict(failures=failures, last_failure_at=now, locked_until=until)
            if failures == 1:
                conn.execute(LOGIN_FAILURES.insert().values(email=key, **values))
            else:
                conn.execute(LOGIN_FAILURES.update().where(LOGIN_FAILURES.c.email == key).values(**values))
        return until

    # ------------------------------------------------------------------ client ownership

    def assign(self, client_id: int, *, owner: str | None, team: str | None, by: Principal) -> None:
        """Make ``owner`` (an e-mail, or ``None``) and ``team`` the client's; replaces the previous assignment."""
        owner_id = self.get_user(owner).id if owner else None
        values = dict(owner_id=owner_id, team=_team(team), assigned_at=self.clock(), assigned_by=by.actor)
        with self.engine.begin() as conn:
            if conn.execute(sa.select(CLIENTS.c.id).where(CLIENTS.c.id == client_id)).first() is None:
                raise NotFound(what="client", id=client_id)
            done = conn.execute(CLIENT_ACCESS.update().where(CLIENT_ACCESS.c.client_id == client_id)
                                .values(**values)).rowcount
            if not done:
                conn.execute(CLIENT_ACCESS.insert().values(client_id=client_id, **values))

    def access_of(self, client_id: int) -> tuple[int | None, str | None]:
        """``(owner user id, team)`` of the client; ``(None, None)`` when never assigned."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(CLIENT_ACCESS.c.owner_id, CLIENT_ACCESS.c.team)
                               .where(CLIENT_ACCESS.c.client_id == client_id)).first()
        return (row.owner_id, row.team) if row is not None else (None, None)

    def ownership(self) -> dict[int, tuple[int | None, str | None]]:
        """Every assigned client: ``{client id: (owner id, team)}``."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(CLIENT_ACCESS.c.client_id, CLIENT_ACCESS.c.owner_id, CLIENT_ACCESS.c.team))
            return {r.client_id: (r.owner_id, r.team) for r in rows}

    def can_see(self, principal: Principal, client_id: int) -> bool:
        return principal.is_admin or principal.can_see(*self.access_of(client_id))
