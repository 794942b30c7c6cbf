"""``calendar``: the plan's payments as an .ics file for a phone's calendar (no server, no account).

Events keep their UIDs, so an import replaces them. Cancelling events that a new plan no longer has needs
to know what was exported before (:func:`planner.reminders.plan_export` with ``previous``):

* ``--workspace FILE`` (a "My data" export): the file holds what the dashboard's last calendar download held,
  so events gone since are exported as cancelled. The file is only read: this export is not remembered (a
  later export still compares with the dashboard's last download);
* DEBTS.csv + --budget: nothing is known about earlier exports, so nothing can be cancelled — delete such
  events by hand, or delete the imported calendar and import the new file.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from ..i18n import register, t
from ..models import InvalidInput
from ._common import EXIT_INPUT, EXIT_OK, add_plan_args, load_plan_source, print_issues

NAME = "calendar"
HELP = "export the payments as a calendar file (.ics) / 导出还款日历"

register({
    "cli.calendar.written": {"zh": "已写入 {path}（{count} 个还款提醒）", "en": "wrote {path} ({count} payment reminders)"},
    "cli.calendar.cannot_write": {"zh": "无法写入 {path}：{reason}", "en": "cannot write {path}: {reason}"},
})


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ..month import MAX_SCHEDULE_MONTHS
    from ..reminders import DEFAULT_ALARM_DAYS
    add_plan_args(p, date_help="a day of the plan's first month, YYYY-MM-DD (default: today)")
    p.add_argument("--months", type=int, default=MAX_SCHEDULE_MONTHS, help="months to export at most")
    p.add_argument("--alarm-days", type=int, default=DEFAULT_ALARM_DAYS, help="remind this many days before")
    p.add_argument("--out", type=Path, required=True, help="where to write the .ics file, e.g. plan.ics")
    p.epilog = ("Re-exporting replaces events with the same UID. With --workspace, events of the dashboard's last "
                "calendar download that the plan no longer has are exported as cancelled (this export itself is not "
                "remembered); from DEBTS.csv nothing is known about earlier exports, so such events cannot be "
                "cancelled: delete them by hand or re-import into an empty calendar. / 重新导出会替换同一提醒。"
                "用 --workspace 时，仪表盘上次下载的日历里、新计划已没有的提醒会标为“已取消”（本次导出不会被记住）；"
                "用 CSV 时无从得知以前导出过什么，无法取消：请手动删除，或删除已导入的日历后重新导入。")


def run(args: argparse.Namespace) -> int:
    from ..followups import deadlines, next_steps
    from ..month import month_start, payment_schedule
    from ..reminders import build_ics
    lang = args.lang
    source, code = load_plan_source(args, lang)
    if source is None:
        return code
    today = args.today or date.today()      # the clock is read here, at the edge
    try:
        pays = payment_schedule(source.debts, source.budget, source.strategy, today=today, order=source.order,
                                agreements=source.agreements, months=max(1, min(args.months, 1200)))
    except InvalidInput as e:
        print_issues(list(e.issues), lang)
        return EXIT_INPUT
    # follow-up deadlines (from the workspace's follow-ups and answers), as the dashboard's calendar has them
    steps = next_steps(source.debts, source.followups, source.answers, today=today)
    # from a workspace: what the dashboard's last download held, so events gone since come out cancelled
    previous = source.workspace.calendar if source.workspace is not None else None
    data = build_ics(pays, deadlines(steps, source.debts, lang), lang=lang, alarm_days=max(0, args.alarm_days),
                     stamp=datetime.now(UTC), previous=previous, since=month_start(today))
    try:
        args.out.write_bytes(data)
    except OSError as e:
        print(t("cli.calendar.cannot_write", lang, path=str(args.out), reason=e.strerror or str(e)), file=sys.stderr)
        return EXIT_INPUT
    print(t("cli.calendar.written", lang, path=str(args.out), count=len(pays)))
    return EXIT_OK
