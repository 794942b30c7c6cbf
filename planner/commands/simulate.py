"""``simulate``: one strategy, month by month."""

from __future__ import annotations

import argparse

from ..i18n import format_money, format_months, t
from ..models import InvalidInput, PlannerError
from ..strategies import strategy_names
from ._common import (EXIT_INPUT, EXIT_OK, add_portfolio_args, dump_json, load_portfolio, parse_budget, parse_order,
                      print_issues, render_table)

NAME = "simulate"
HELP = "simulate one strategy on a portfolio CSV / 按一种策略逐月模拟"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_portfolio_args(p)
    p.add_argument("--strategy", default="avalanche", choices=strategy_names())
    p.add_argument("--order", default="", help='custom order, e.g. "借呗,花呗" (with --strategy custom)')
    p.add_argument("--horizon", type=int, default=None, help="months to simulate at most (default 600)")
    p.add_argument("--json", action="store_true", help="print the model's outputs as JSON")
    p.add_argument("--schedule", action="store_true", help="also print the month-by-month schedule")


def run(args: argparse.Namespace) -> int:
    from ..simulate import simulate
    debts = load_portfolio(args.debts, args.lang)
    if debts is None:
        return EXIT_INPUT
    order = parse_order(args.order)
    try:
        result = simulate(debts, parse_budget(args.budget), args.strategy, order=order, horizon=args.horizon,
                          series=args.schedule)
    except InvalidInput as e:
        print_issues(list(e.issues), args.lang)
        return EXIT_INPUT
    except PlannerError as e:
        print(e)
        return EXIT_INPUT
    if args.json:
        dump_json(result.to_dict())
        return EXIT_OK
    lang = args.lang
    print(f"{t('cli.col.strategy', lang)}: {t('strategy.' + result.strategy, lang)}")
    print(f"{t('cli.col.months', lang)}: {format_months(result.months_to_debt_free, lang)}")
    print(f"{t('cli.col.paid', lang)}: {format_money(result.total_paid, lang)}   "
          f"{t('cli.col.interest', lang)}: {format_money(result.total_interest, lang)}   "
          f"{t('cli.col.fees', lang)}: {format_money(result.total_fees, lang)}")
    rows = [[o.name, str(o.payoff_month or "—"), format_money(o.paid, lang), format_money(o.interest, lang),
             format_money(o.fees, lang), str(o.months_in_arrears), format_money(o.final_balance, lang)]
            for o in result.outcomes]
    print(render_table([t(k, lang) for k in ("cli.col.name", "cli.col.payoff", "cli.col.paid", "cli.col.interest",
                                              "cli.col.fees", "cli.col.arrears", "cli.col.remaining")], rows))
    if args.schedule and result.series is not None:
        print()
        print(result.schedule().to_string(index=False))
    return EXIT_OK
