"""Helpers shared by the CLI commands: loading a portfolio, reading a budget, printing issues."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..csv_io import read_debts_csv
from ..i18n import normalize_lang, t
from ..models import Budget, Debt, InvalidInput, ValidationIssue
from ..parsing import ParseError, parse_amount

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def parse_budget(text: str) -> Budget:
    """``3000`` or a month-by-month list ``3000,3000,1500*6,3000`` (``x*n`` repeats x n times)."""
    values: list[float] = []
    for part in str(text).replace("，", ",").split(","):
        part = part.strip()
        if not part:
            continue
        amount, _, times = part.partition("*")
        try:
            n = int(times) if times else 1
            if n < 1 or n > 1200:
                raise ValueError
            values.extend([parse_amount(amount)] * n)
        except (ParseError, ValueError):
            raise InvalidInput([ValidationIssue(None, "budget", part, "not_a_number")]) from None
    return Budget.of(values) if values else Budget.of([])


def parse_order(text: str) -> list[str]:
    """``--order "京东金条，借呗"`` → names (ASCII or full-width commas; blanks dropped).

    >>> parse_order("京东金条， 借呗,,")
    ['京东金条', '借呗']
    """
    return [s.strip() for s in text.replace("，", ",").split(",") if s.strip()]


def add_portfolio_args(p: argparse.ArgumentParser, *, budget_required: bool = True) -> None:
    p.add_argument("debts", type=Path, help="portfolio CSV (zh or en headers; UTF-8, UTF-8 BOM or GBK)")
    p.add_argument("--budget", required=budget_required,
                   help="money for debt each month: 3000, or month by month: 3000,1500*6,3000")
    p.add_argument("--lang", default="zh", choices=["zh", "en"], help="language of messages and tables")


def add_plan_args(p: argparse.ArgumentParser, *, date_help: str) -> None:
    """The portfolio, a strategy (with its own order) and the plan's first month: ``month`` and ``calendar``."""
    from datetime import date

    from ..strategies import strategy_names
    add_portfolio_args(p)
    p.add_argument("--strategy", default="avalanche", choices=strategy_names())
    p.add_argument("--order", default="", help='custom order, e.g. "借呗,花呗" (with --strategy custom)')
    p.add_argument("--date", dest="today", type=date.fromisoformat, default=None, help=date_help)


def print_issues(issues: list[ValidationIssue], lang: str, stream=None) -> None:
    stream = stream or sys.stderr
    for issue in issues:
        prefix = "⚠ " if not issue.is_error else "✗ "
        print(prefix + issue.message(lang), file=stream)


def load_portfolio(path: Path, lang: str) -> list[Debt] | None:
    """Read the CSV; print every issue; ``None`` when there are errors."""
    lang = normalize_lang(lang)
    try:
        data = path.read_bytes()
    except OSError as e:
        print(t("cli.cannot_read", lang, path=str(path), reason=e.strerror or str(e)), file=sys.stderr)
        return None
    result = read_debts_csv(data)
    print_issues(result.issues, lang)
    if result.errors:
        print(t("cli.fix_and_retry", lang, count=len(result.errors)), file=sys.stderr)
        return None
    return result.debts


def dump_json(obj, stream=None) -> None:
    stream = stream or sys.stdout
    json.dump(obj, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def render_table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain text table that lines up Chinese (double-width) characters too."""
    import unicodedata

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    cols = list(zip(*([headers] + rows))) if rows else [(h,) for h in headers]
    widths = [max(width(c) for c in col) for col in cols]

    def line(cells):
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(out)


from ..i18n import register  # noqa: E402

register({
    "cli.cannot_read": {"zh": "无法读取 {path}：{reason}", "en": "cannot read {path}: {reason}"},
    "cli.fix_and_retry": {"zh": "共 {count} 处错误，请修改后重试。", "en": "{count} problem(s): fix them and try again."},
    "cli.col.strategy": {"zh": "策略", "en": "strategy"},
    "cli.col.months": {"zh": "还清用时", "en": "debt-free in"},
    "cli.col.interest": {"zh": "总利息", "en": "total interest"},
    "cli.col.penalty": {"zh": "其中罚息", "en": "of which penalty"},
    "cli.col.fees": {"zh": "违约金/滞纳金", "en": "late fees"},
    "cli.col.paid": {"zh": "总还款", "en": "total paid"},
    "cli.col.arrears": {"zh": "有逾期的月数", "en": "months with arrears"},
    "cli.col.name": {"zh": "名称", "en": "lender"},
    "cli.col.payoff": {"zh": "还清月份", "en": "paid off in month"},
    "cli.col.remaining": {"zh": "剩余欠款", "en": "remaining"},
    "cli.best": {"zh": "推荐：{label}", "en": "Best: {label}"},
    "cli.cannot_clear": {"zh": "无法还清", "en": "cannot be cleared"},
    "cli.none_clears": {
        "zh": "按每月 {budget} 的预算，不协商时没有任何还款方式能还清（欠款会持续增长）。请通过各机构官方渠道协商还款方案："
              "python -m planner propose {debts} --budget {budget_arg}",
        "en": "At a budget of {budget} a month, no way of repaying clears the debts without an agreement (they keep "
              "growing). Negotiate a repayment plan through each lender's official channel: "
              "python -m planner propose {debts} --budget {budget_arg}"},
    "cli.diverged": {"zh": "✗ {label}：欠款在期限内增长到无法计算（逾期费用不断叠加），未列入比较",
                     "en": "✗ {label}: the debt grows beyond any computable amount (late charges keep compounding); "
                           "not compared"},
    "cli.dues_gap": {"zh": "注意：每月预算 {budget} 低于首月应还合计 {due}，差 {gap}。请与各平台官方渠道协商（python -m planner propose）。",
                     "en": "Note: the monthly budget {budget} is below the first month's total due {due} (short by {gap}). Negotiate with each lender's official channel (python -m planner propose)."},
    "cli.interest_gap": {"zh": "每个平台还一点，连利息都还不上：首月利息 {interest} 已超过预算 {budget}。",
                         "en": "Paying every lender a little does not even cover the interest: month-1 interest {interest} exceeds the budget {budget}."},
})
