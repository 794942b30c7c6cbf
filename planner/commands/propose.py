"""``propose``: instalment proposals per lender that fit the monthly budget."""

from __future__ import annotations

import argparse
from datetime import date

from ..escape import terminal
from ..i18n import format_date, format_money, format_pct, register, t
from ..models import InvalidInput
from ._common import (EXIT_INPUT, EXIT_OK, add_portfolio_args, dump_json, load_portfolio, parse_budget,
                      print_issues, render_table)

NAME = "propose"
HELP = "negotiation proposal per lender that fits the budget / 生成协商还款方案"

register({
    "cli.neg.col.lender": {"zh": "平台", "en": "lender"},
    "cli.neg.col.principal": {"zh": "欠款", "en": "owed"},
    "cli.neg.col.rate": {"zh": "年利率 原→申请", "en": "rate now→asked"},
    "cli.neg.col.waive": {"zh": "减免", "en": "waived"},
    "cli.neg.col.instalment": {"zh": "每期", "en": "instalment"},
    "cli.neg.col.months": {"zh": "期数", "en": "months"},
    "cli.neg.col.first": {"zh": "首期", "en": "first payment"},
    "cli.neg.col.total": {"zh": "合计", "en": "total"},
    "cli.neg.waive.both": {"zh": "罚息+费用", "en": "penalty+fees"},
    "cli.neg.waive.penalty": {"zh": "罚息", "en": "penalty"},
    "cli.neg.waive.fees": {"zh": "费用", "en": "fees"},
    "cli.neg.waive.none": {"zh": "—", "en": "—"},
    "cli.neg.method": {"zh": "方法：{label}", "en": "Method: {label}"},
    "cli.neg.total": {"zh": "每月合计最多 {monthly}（预算 {budget}）；总还款 {total}（欠款 {principal}）",
                      "en": "Monthly total at most {monthly} (budget {budget}); repaid in all {total} (owed {principal})"},
    "cli.neg.shown_at_min": {"zh": "（下表是按最低所需预算 {amount} 计算的方案）",
                             "en": "(the table shows the plan at the minimum budget it needs, {amount})"},
})


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ..negotiation import METHODS
    add_portfolio_args(p)
    p.add_argument("--method", default="equal_term", choices=list(METHODS), help="how the budget is shared")
    p.add_argument("--start", default=None, type=date.fromisoformat,
                   help="date of the first payment, YYYY-MM-DD (default: the 1st of next month)")
    p.add_argument("--json", action="store_true", help="print the plan as JSON")


def _default_start(today: date) -> date:
    return date(today.year + today.month // 12, today.month % 12 + 1, 1)


def _waived(line, lang: str) -> str:
    key = {(True, True): "both", (True, False): "penalty", (False, True): "fees"}.get(
        (line.penalty_waived, line.fees_waived), "none")
    return t(f"cli.neg.waive.{key}", lang)


def _instalments(line, method: str, lang: str) -> str:
    """The instalment; for a sequential plan its phases (``23×¥186.00 → ¥422.31 → 4×¥3,000.00 → …``)."""
    if method == "sequential":
        from ..documents import phase_summary
        return phase_summary(line, lang)
    return format_money(line.instalment, lang)


def run(args: argparse.Namespace) -> int:
    from ..negotiation import propose
    lang = args.lang
    debts = load_portfolio(args.debts, lang)
    if debts is None:
        return EXIT_INPUT
    start = args.start or _default_start(date.today())
    try:
        plan = propose(debts, parse_budget(args.budget), args.method, start=start)
    except InvalidInput as e:
        print_issues(list(e.issues), lang)
        return EXIT_INPUT
    if args.json:
        dump_json(plan.to_dict(lang))
        return EXIT_OK
    rows = [[ln.name, format_money(ln.principal, lang),
             f"{format_pct(ln.original_rate_pct, lang)}→{format_pct(ln.proposed_rate_pct, lang)}",
             _waived(ln, lang), _instalments(ln, plan.method, lang), str(ln.months),
             format_date(ln.first_payment, lang), format_money(ln.total_repay, lang)] for ln in plan.lines]
    heads = [t(f"cli.neg.col.{k}", lang) for k in ("lender", "principal", "rate", "waive", "instalment",
                                                     "months", "first", "total")]
    print(t("cli.neg.method", lang, label=t(f"neg.method.{plan.method}", lang)))
    print(render_table(heads, rows))
    print()
    print(t("cli.neg.total", lang, monthly=format_money(plan.total_monthly, lang),
            budget=format_money(plan.budget, lang), total=format_money(plan.total_repay, lang),
            principal=format_money(plan.total_principal, lang)))
    print(terminal(("✓ " if plan.feasible else "✗ ") + plan.reason.render(lang)))
    for warning in plan.warnings:
        print(terminal("⚠ " + warning.render(lang)))
    if not plan.feasible and plan.min_budget is not None:
        print(t("cli.neg.shown_at_min", lang, amount=format_money(plan.min_budget, lang)))
    return EXIT_OK
