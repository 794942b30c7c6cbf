"""``python -m planner admin``: agency accounts, the audit trail and retention, for servers.

Same storage and settings as the dashboard (``DATABASE_URL`` / ``PLANNER_DATA_DIR``,
``PLANNER_RETENTION_*``).  Everything printed goes through :func:`planner.escape.terminal`.

* ``admin users add EMAIL --role counsellor [--team T] [--password-stdin]``
* ``admin users list [--json]`` / ``admin users disable EMAIL`` / ``admin users enable EMAIL`` (adding,
  disabling and enabling are audited as ``admin-cli``, action ``account``; the last enabled admin cannot be
  disabled)
* ``admin audit [--since DATE] [--json]`` (JSON Lines: time, user, action, client_id, detail)
* ``admin retention [--apply]``
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from .. import settings
from ..escape import terminal
from ..storage import Agency, Principal, Repository, StorageError
from ..storage.accounts_schema import ACTIONS, ROLES
from ..storage.audit import to_json_lines
from ..storage.retention import apply_retention
from ._common import EXIT_INPUT, EXIT_OK, EXIT_USAGE, render_table

NAME = "admin"
HELP = "agency accounts, audit trail and retention (same database as the dashboard)"
CLI = Principal("admin-cli", "admin")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="admin_command", required=True, metavar="WHAT")
    users = sub.add_parser("users", help="add, list, disable or enable users")
    us = users.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    add = us.add_parser("add", help="add a user")
    add.add_argument("email")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--team", default=None, help="team name (a counsellor sees their team's clients)")
    add.add_argument("--password-stdin", action="store_true",
                     help="read a local account's password from standard input (not needed with OIDC sign-in)")
    ls = us.add_parser("list", help="list the users")
    ls.add_argument("--json", action="store_true", help="one JSON object per line")
    for verb in ("disable", "enable"):
        v = us.add_parser(verb, help=f"{verb} a user")
        v.add_argument("email")
    audit = sub.add_parser("audit", help="print the audit trail")
    audit.add_argument("--since", type=_date, help="from this date (YYYY-MM-DD, UTC)")
    audit.add_argument("--until", type=_date, help="before this date (YYYY-MM-DD, UTC)")
    audit.add_argument("--user", help="only this user")
    audit.add_argument("--action", choices=ACTIONS)
    audit.add_argument("--client", type=int, help="only this client id")
    audit.add_argument("--json", action="store_true", help="JSON Lines: time, user, action, client_id, detail")
    retention = sub.add_parser("retention", help="list the client files due for deletion")
    retention.add_argument("--apply", action="store_true",
                           help="delete them (needs PLANNER_RETENTION_DELETE=yes)")
    retention.add_argument("--json", action="store_true")


def _out(text: str) -> None:
    sys.stdout.write(terminal(text) + "\n")


def _err(text: str) -> None:
    sys.stderr.write(terminal(text) + "\n")


def _users(agency: Agency, args) -> int:
    acc, scoped = agency.accounts, agency.scoped(CLI)       # changes are audited as "admin-cli"
    if args.users_command == "add":
        password = None
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        user, _ = scoped.add_user(args.email, args.role, team=args.team, local_password=password is not None,
                                  password=password)
        _out(f"added {user.email} ({user.role}{', team ' + user.team if user.team else ''})")
    elif args.users_command == "list":
        users = acc.list_users()
        if args.json:
            for u in users:
                _out(json.dumps({"email": u.email, "role": u.role, "team": u.team, "disabled": u.disabled,
                                 "local_password": u.has_password, "created_at": u.created_at.isoformat()},
                                ensure_ascii=False))
        else:
            _out(render_table(["email", "role", "team", "disabled", "password"],
                              [[u.email, u.role, u.team or "", "yes" if u.disabled else "",
                                "local" if u.has_password else "oidc"] for u in users]))
    else:
        user = scoped.set_user_disabled(acc.get_user(args.email).id, args.users_command == "disable")
        _out(f"{user.email}: {'disabled' if user.disabled else 'enabled'}")
    return EXIT_OK


def _audit(agency: Agency, args) -> int:
    records = agency.audit.query(since=args.since, until=args.until, actor=args.user, action=args.action,
                                 client_id=args.client)
    if args.json:
        for line in to_json_lines(records).splitlines():
            _out(line)
    else:
        _out(render_table(["time", "user", "action", "client_id", "detail"],
                          [[r.at.isoformat(timespec="seconds"), r.actor, r.action,
                            "" if r.client_id is None else str(r.client_id), r.detail] for r in records]))
    return EXIT_OK


def _retention(agency: Agency, args) -> int:
    months = int(settings.get("PLANNER_RETENTION_MONTHS"))
    due = agency.consents.due(months, date.today())
    rows = [{"client_id": d.client_id, "pseudonym": d.pseudonym, "last_activity": d.last_activity.isoformat(),
             "reason": d.reason, "due_since": d.due_since.isoformat()} for d in due]
    if args.json:
        for row in rows:
            _out(json.dumps(row, ensure_ascii=False))
    else:
        _out(f"retention: {months} months after the last change" if months else
             "retention: no time limit (PLANNER_RETENTION_MONTHS=0); withdrawn consents only")
        _out(render_table(list(rows[0]) if rows else ["client_id"], [[str(v) for v in r.values()] for r in rows]))
    if not args.apply:
        return EXIT_OK
    if settings.get("PLANNER_RETENTION_DELETE") != "yes":
        _err("not deleted: set PLANNER_RETENTION_DELETE=yes to let retention --apply delete the files due")
        return EXIT_USAGE
    deleted = apply_retention(agency, CLI, due, settings.data_dir())
    _err(f"deleted {len(deleted)} client file(s): {', '.join(map(str, deleted)) or '-'}")
    return EXIT_OK


def run(args) -> int:
    try:
        repo = Repository.open()
    except (StorageError, settings.SettingError) as e:
        _err(e.message("en") if isinstance(e, StorageError) else str(e))
        return EXIT_INPUT
    try:
        agency = Agency.of(repo)
        handler = {"users": _users, "audit": _audit, "retention": _retention}[args.admin_command]
        return handler(agency, args)
    except StorageError as e:
        _err(e.message("en"))
        return EXIT_INPUT
    finally:
        repo.close()
