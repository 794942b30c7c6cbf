"""Deployment settings, as data: one entry per setting (name, default, help).

Settings come from environment variables, so the same code runs on a
borrower's laptop (nothing set: a SQLite file in ``./.planner-data/``, no
password) and in an agency (``DATABASE_URL`` to PostgreSQL, ``PLANNER_PASSWORD``).
Every setting is documented in ``docs/counsellor.md``; a test fails when one is not.

>>> get("PLANNER_DATA_DIR", env={})
'./.planner-data'
>>> get("DATABASE_URL", env={"DATABASE_URL": "postgres://u@db/planner"})
'postgresql+psycopg://u@db/planner'
>>> get("DATABASE_URL", env={"DATABASE_URL": "mysql://x"})
Traceback (most recent call last):
...
planner.settings.SettingError: DATABASE_URL: 'mysql://…' is not a PostgreSQL or SQLite URL (use postgresql+psycopg://user:password@host/dbname)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .models import PlannerError

_PG_PREFIXES = ("postgresql+psycopg://", "postgresql://", "postgres://")


class SettingError(PlannerError, ValueError):
    """A setting has a value the planner cannot use; the message says which and what to do."""


def _text(value: str) -> str:
    return value.strip()


def _database_url(value: str) -> str:
    """Normalise a database URL to a driver SQLAlchemy knows (psycopg 3 for PostgreSQL)."""
    url = value.strip()
    if not url:
        return ""
    for prefix in _PG_PREFIXES:
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    if url.startswith("sqlite://"):
        return url
    scheme = url.split(":", 1)[0]
    raise SettingError(f"DATABASE_URL: '{scheme}://…' is not a PostgreSQL or SQLite URL "
                       "(use postgresql+psycopg://user:password@host/dbname)")


def _choice(*allowed: str) -> Callable[[str], str]:
    def parse(value: str) -> str:
        word = value.strip().lower()
        if word not in allowed:
            raise SettingError(f"must be one of {', '.join(allowed)} (got {value.strip()[:20]!r})")
        return word
    return parse


def _months(value: str) -> str:
    text = value.strip()
    if not text.isdigit() or int(text) > 1200:
        raise SettingError(f"PLANNER_RETENTION_MONTHS: {text[:20]!r} is not a whole number of months (0-1200)")
    return str(int(text))


def _secret(value: str) -> str:
    # kept verbatim: a password may legitimately start or end with a space
    return value


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its environment variable, default, parser and help text (English)."""

    name: str
    default: str
    help: str
    parse: Callable[[str], str] = _text
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting("PLANNER_DATA_DIR", "./.planner-data",
            "Directory of the embedded SQLite database (planner.sqlite3). Created if missing; "
            "used only when DATABASE_URL is not set."),
    Setting("DATABASE_URL", "",
            "PostgreSQL URL (postgresql+psycopg://user:password@host:5432/dbname) for an agency "
            "with several counsellors or app replicas. Empty: the embedded SQLite file.",
            _database_url, secret=True),
    Setting("PLANNER_PASSWORD", "",
            "When set, the dashboard asks for this password before showing anything. "
            "Empty: single-user local mode.", _secret, secret=True),
    Setting("PLANNER_ACCOUNTS", "auto",
            "Agency accounts (users with roles, each counsellor sees their own clients): 'on', 'off', or "
            "'auto' = on as soon as one user exists in the database (python -m planner admin users add).",
            _choice("auto", "on", "off")),
    Setting("PLANNER_RETENTION_MONTHS", "0",
            "Retention: a client file whose last change is older than this many months (or whose consent "
            "was withdrawn) is due for deletion and shown to the admin. 0: no time limit.", _months),
    Setting("PLANNER_RETENTION_DELETE", "no",
            "'yes': `python -m planner admin retention --apply` (and the admin page) delete the files due, "
            "with the same delete as the clients page. 'no': they are only reported.", _choice("no", "yes")),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str, env: Mapping[str, str] | None = None) -> str:
    """The parsed value of setting ``name`` (from ``env``, default ``os.environ``)."""
    setting = _BY_NAME[name]
    source = os.environ if env is None else env
    raw = source.get(name)
    if raw is None or raw == "":
        return setting.default
    try:
        return setting.parse(raw)
    except SettingError as e:
        if str(e).startswith(name):
            raise
        raise SettingError(f"{name}: {e}") from None


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """``PLANNER_DATA_DIR`` as a path (``~`` expanded): the SQLite file and the kept evidence files live there."""
    return Path(get("PLANNER_DATA_DIR", env)).expanduser()


def describe(env: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    """Every setting with its current value (secrets shown only as set / not set)."""
    rows = []
    for s in SETTINGS:
        value = get(s.name, env) if not s.secret else ("(set)" if get(s.name, env) else "(not set)")
        rows.append({"name": s.name, "value": value, "default": s.default, "help": s.help})
    return rows


__all__ = ["SETTINGS", "Setting", "SettingError", "describe", "get"]
