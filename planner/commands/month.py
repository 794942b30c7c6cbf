"""``month``: this month's list — what to pay each lender, by which day, through which channel."""

from __future__ import annotations

import argparse
from datetime import date

from ..escape import terminal
from ..i18n import format_date, format_money, format_month, register, t
from ..models import InvalidInput
from ._common import EXIT_INPUT, EXIT_OK, add_plan_args, dump_json, load_plan_source, print_issues, render_table

NAME = "month"
HELP = "this month's payments per lender / 本月还款清单"

register({
    "cli.month.title": {"zh": "{month} 还款清单（预算 {budget}，{strategy}）",
                        "en": "{month}: what to pay (budget {budget}, {strategy})"},
    "cli.month.col.amount": {"zh": "本月还", "en": "pay"},
    "cli.month.col.due_date": {"zh": "还款日", "en": "by"},
    "cli.month.col.status": {"zh": "状态", "en": "status"},
    "cli.month.col.channel": {"zh": "渠道", "en": "channel"},
    "cli.month.total": {"zh": "合计 {total}", "en": "Total {total}"},
    "cli.month.assumed_flag": {"zh": "（含估计值）", "en": " (assumed values)"},
    "cli.month.next": {"zh": "下一步（{date}）：{text}", "en": "Next ({date}): {text}"},
    "cli.month.next_late": {"zh": "已到期（{date}）：{text}", "en": "Due since {date}: {text}"},
    "cli.month.unpaid": {"zh": "未能覆盖的应还金额：{amount}", "en": "Amount due that the budget does not cover: {amount}"},
})


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_plan_args(p, date_help="a day of the month to list, YYYY-MM-DD (default: today)")
    p.add_argument("--json", action="store_true", help="print the list as JSON")


def run(args: argparse.Namespace) -> int:
    from ..workspace_plan import month_of
    lang = args.lang
    source, code = load_plan_source(args, lang)
    if source is None:
        return code
    today = args.today or date.today()      # the clock is read here, at the edge
    try:
        view = month_of(source.debts, source.budget, source.strategy, today=today, order=source.order,
                        agreements=source.agreements, followups=source.followups, answers=source.answers)
    except InvalidInput as e:
        print_issues(list(e.issues), lang)
        return EXIT_INPUT
    plan = view.plan
    if args.json:
        dump_json(view.to_dict(lang))
        return EXIT_OK
    print(t("cli.month.title", lang, month=format_month(plan.month, lang),
            budget=format_money(plan.budget_cents / 100, lang), strategy=t("strategy." + plan.strategy, lang)))
    rows = [[terminal(e.item.name) + (t("cli.month.assumed_flag", lang) if e.debt.assumed else ""),
             format_money(e.item.amount_cents / 100, lang), format_date(e.item.due_date, lang),
             t(f"month.status.{e.item.status}", lang), terminal(e.item.channel)] for e in view.entries]
    print(render_table([t(k, lang) for k in ("cli.col.name", "cli.month.col.amount", "cli.month.col.due_date",
                                              "cli.month.col.status", "cli.month.col.channel")], rows))
    print()
    print(t("cli.month.total", lang, total=format_money(plan.total_cents / 100, lang)))
    for e in view.entries:
        lines = e.item.consequences(lang)
        if e.step is not None:
            key = "cli.month.next_late" if e.step.overdue else "cli.month.next"
            lines = lines + [t(key, lang, date=format_date(e.step.due, lang), text=e.step.text(e.debt, lang))]
        if not lines:
            continue
        print()
        print(("⚠ " if e.item.status == "behind" else "· ") + terminal(e.item.name))
        for line in lines:
            print("  " + line)
    if plan.unpaid_due_cents:
        print()
        print(t("cli.month.unpaid", lang, amount=format_money(plan.unpaid_due_cents / 100, lang)))
    return EXIT_OK
