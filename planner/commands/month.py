"""``month``: this month's list — what to pay each lender, by which day, through which channel."""

from __future__ import annotations

import argparse
from datetime import date

from ..escape import terminal
from ..i18n import format_date, format_money, format_month, register, t
from ..models import InvalidInput
from ._common import (EXIT_INPUT, EXIT_OK, add_plan_args, dump_json, load_portfolio, parse_budget, parse_order,
                      print_issues, render_table)

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
    "cli.month.unpaid": {"zh": "未能覆盖的应还金额：{amount}", "en": "Amount due that the budget does not cover: {amount}"},
})


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_plan_args(p, date_help="a day of the month to list, YYYY-MM-DD (default: today)")
    p.add_argument("--json", action="store_true", help="print the list as JSON")


def run(args: argparse.Namespace) -> int:
    from ..month import this_month
    lang = args.lang
    debts = load_portfolio(args.debts, lang)
    if debts is None:
        return EXIT_INPUT
    today = args.today or date.today()      # the clock is read here, at the edge
    try:
        plan = this_month(debts, parse_budget(args.budget), args.strategy, today=today,
                          order=parse_order(args.order) or None)
    except InvalidInput as e:
        print_issues(list(e.issues), lang)
        return EXIT_INPUT
    if args.json:
        dump_json(plan.to_dict())
        return EXIT_OK
    print(t("cli.month.title", lang, month=format_month(plan.month, lang),
            budget=format_money(plan.budget_cents / 100, lang), strategy=t("strategy." + plan.strategy, lang)))
    rows = [[terminal(i.name), format_money(i.amount_cents / 100, lang), format_date(i.due_date, lang),
             t(f"month.status.{i.status}", lang), terminal(i.channel)] for i in plan.items]
    print(render_table([t(k, lang) for k in ("cli.col.name", "cli.month.col.amount", "cli.month.col.due_date",
                                              "cli.month.col.status", "cli.month.col.channel")], rows))
    print()
    print(t("cli.month.total", lang, total=format_money(plan.total_cents / 100, lang)))
    for item in plan.behind:
        print()
        print(f"⚠ {terminal(item.name)}")
        for line in item.consequences(lang):
            print("  " + line)
    if plan.unpaid_due_cents:
        print()
        print(t("cli.month.unpaid", lang, amount=format_money(plan.unpaid_due_cents / 100, lang)))
    return EXIT_OK
