"""``compare``: every strategy side by side."""

from __future__ import annotations

import argparse

from ..escape import terminal
from ..i18n import format_money, format_months, t
from ..models import InvalidInput
from ._common import (EXIT_INPUT, EXIT_OK, add_portfolio_args, dump_json, load_portfolio, parse_budget, parse_order,
                      print_issues, render_table)

NAME = "compare"
HELP = "compare all strategies on a portfolio CSV / 比较所有还款策略"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_portfolio_args(p)
    p.add_argument("--order", default="", help="custom order (adds the custom strategy)")
    p.add_argument("--horizon", type=int, default=None)
    p.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from ..compare import compare
    debts = load_portfolio(args.debts, args.lang)
    if debts is None:
        return EXIT_INPUT
    order = parse_order(args.order)
    try:
        comp = compare(debts, parse_budget(args.budget), order=order or None, horizon=args.horizon, series=False)
    except InvalidInput as e:
        print_issues(list(e.issues), args.lang)
        return EXIT_INPUT
    if args.json:
        dump_json({"ranking": list(comp.ranking), "diverged": list(comp.diverged),
                   "strategies": {k: comp.results[k].to_dict() for k in comp.ranking}})
        return EXIT_OK
    lang = args.lang
    rows = []
    for key in comp.ranking:
        r = comp.results[key]
        if r.debt_free:
            rows.append([t("strategy." + key, lang), format_months(r.months_to_debt_free, lang),
                         format_money(r.total_interest, lang), format_money(r.total_penalty_interest, lang),
                         format_money(r.total_fees, lang), format_money(r.total_paid, lang), str(r.months_in_arrears)])
        else:       # the debt keeps growing: interest and months in arrears over the horizon mean nothing
            rows.append([t("strategy." + key, lang), t("cli.cannot_clear", lang), "—", "—", "—", "—", "—"])
    print(render_table([t(k, lang) for k in ("cli.col.strategy", "cli.col.months", "cli.col.interest",
                                              "cli.col.penalty", "cli.col.fees", "cli.col.paid", "cli.col.arrears")],
                       rows))
    for key in comp.diverged:
        print(t("cli.diverged", lang, label=t("strategy." + key, lang)))
    print()
    check = comp.check
    if any(comp.results[k].debt_free for k in comp.ranking):
        print(t("cli.best", lang, label=t("strategy." + comp.ranking[0], lang)))
    else:
        print(t("cli.none_clears", lang, budget=format_money(check.budget, lang), debts=terminal(args.debts),
                budget_arg=terminal(args.budget)))
    if not check.covers_interest:
        print(t("cli.interest_gap", lang, interest=format_money(check.total_interest, lang),
                budget=format_money(check.budget, lang)))
    elif not check.covers_dues:
        print(t("cli.dues_gap", lang, budget=format_money(check.budget, lang), due=format_money(check.total_due, lang),
                gap=format_money(check.dues_gap, lang)))
    return EXIT_OK
