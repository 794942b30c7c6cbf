"""Helpers shared by the CLI commands: loading a portfolio, reading a budget, printing issues."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
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


def add_portfolio_args(p: argparse.ArgumentParser, *, budget_required: bool = True, workspace: bool = False) -> None:
    """DEBTS.csv, --budget and --lang; with ``workspace`` also ``--workspace FILE`` (then DEBTS.csv and
    --budget are optional here and checked by :func:`load_plan_source`)."""
    csv_help = "portfolio CSV (zh or en headers; UTF-8, UTF-8 BOM or GBK); 不知道/unknown for a rate or a " \
               "minimum is filled in with the typical terms and marked as assumed"
    if workspace:
        p.add_argument("debts", type=Path, nargs="?", default=None, help=csv_help + " (not with --workspace)")
        p.add_argument("--budget", default=None, help="money for debt each month: 3000, or month by month: "
                                                      "3000,1500*6,3000 (not with --workspace)")
        p.add_argument("--workspace", type=Path, default=None, metavar="FILE",
                       help="the file the dashboard's My data page exports (.zip): its debts, budget, budget "
                            "changes, excluded debts, agreed terms and follow-ups, exactly as the dashboard "
                            "uses them; replaces DEBTS.csv and --budget")
    else:
        p.add_argument("debts", type=Path, help=csv_help)
        p.add_argument("--budget", required=budget_required,
                       help="money for debt each month: 3000, or month by month: 3000,1500*6,3000")
    p.add_argument("--lang", default="zh", choices=["zh", "en"], help="language of messages and tables")


def add_plan_args(p: argparse.ArgumentParser, *, date_help: str) -> None:
    """The portfolio (a CSV and a budget, or a workspace file), a strategy (with its own order) and the plan's
    first month: ``month`` and ``calendar``."""
    from datetime import date

    from ..strategies import strategy_names
    add_portfolio_args(p, workspace=True)
    p.add_argument("--strategy", default=None, choices=strategy_names(),
                   help="default: the one chosen in the workspace, else avalanche")
    p.add_argument("--order", default="", help='custom order, e.g. "借呗,花呗" (with --strategy custom)')
    p.add_argument("--date", dest="today", type=date.fromisoformat, default=None, help=date_help)


def print_issues(issues: list[ValidationIssue], lang: str, stream=None) -> None:
    stream = stream or sys.stderr
    for issue in issues:
        prefix = "⚠ " if not issue.is_error else "✗ "
        print(prefix + issue.message(lang), file=stream)


def print_assumptions(debts, lang: str, stream=None) -> None:
    """One note per debt whose rate or minimum was assumed for "不知道" (to stderr: JSON output stays clean)."""
    from ..parsing import assumption_note
    stream = stream or sys.stderr
    for d in debts:
        if d.assumed:
            print("⚠ " + assumption_note(d, lang), file=stream)


def _read_bytes(path: Path, lang: str) -> bytes | None:
    """The file's bytes, or ``None`` after saying in the user's language why it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as e:
        print(t("cli.cannot_read", lang, path=str(path), reason=e.strerror or str(e)), file=sys.stderr)
        return None


def load_portfolio(path: Path, lang: str) -> list[Debt] | None:
    """Read the CSV; print every issue and every assumption made for "不知道"; ``None`` when there are errors."""
    lang = normalize_lang(lang)
    data = _read_bytes(path, lang)
    if data is None:
        return None
    result = read_debts_csv(data)
    print_issues(result.issues, lang)
    if result.errors:
        print(t("cli.fix_and_retry", lang, count=len(result.errors)), file=sys.stderr)
        return None
    print_assumptions(result.debts, lang)
    return result.debts


def load_workspace(path: Path, lang: str):
    """The :class:`planner.workspace_plan.WorkspacePlan` of a "My data" export; every problem printed in the
    user's language (never a traceback); ``None`` when it cannot be used."""
    from ..storage.archive import read_workspace
    from ..storage.errors import InvalidArchive
    from ..workspace_plan import workspace_plan
    lang = normalize_lang(lang)
    data = _read_bytes(path, lang)
    if data is None:
        return None
    try:
        ws = read_workspace(data)
    except InvalidArchive as e:
        print(t("cli.cannot_read", lang, path=str(path), reason=t(e.reason, lang, **e.reason_params)),
              file=sys.stderr)
        return None
    wp = workspace_plan(ws)
    issues = [i for i in wp.issues if i.code != "no_debts"] + list(wp.inputs.issues)
    print_issues(issues, lang)
    if any(i.is_error for i in wp.issues if i.code != "no_debts"):
        print(t("cli.workspace.rows_left_out", lang), file=sys.stderr)
    if not wp.inputs.contract_debts:
        print(t("cli.workspace.no_debts", lang, path=str(path)), file=sys.stderr)
        return None
    print_assumptions(wp.debts, lang)
    return wp


@dataclass(frozen=True)
class PlanSource:
    """The inputs of ``month``, ``calendar`` (and ``report``): from DEBTS.csv + --budget, or from a workspace."""

    debts: list[Debt]                 # on their contract terms (agreements are applied by the planner)
    budget: object                    # Budget (CSV path) or the workspace's budget with its changes
    strategy: str
    order: list[str] | None
    agreements: Mapping[str, object] | None = None
    followups: Mapping[str, object] = field(default_factory=dict)
    answers: Mapping[str, object] = field(default_factory=dict)
    workspace: object = None          # the WorkspacePlan, when read from --workspace


def load_plan_source(args: argparse.Namespace, lang: str) -> tuple[PlanSource | None, int]:
    """DEBTS.csv + --budget, or --workspace FILE (not both: the workspace already holds the debts and the
    budget).  ``--strategy``/``--order`` given on the command line override the workspace's choice."""
    workspace = getattr(args, "workspace", None)
    if workspace is not None:
        if args.debts is not None or args.budget is not None:
            print(t("cli.workspace.conflict", lang), file=sys.stderr)
            return None, EXIT_USAGE
        wp = load_workspace(workspace, lang)
        if wp is None:
            return None, EXIT_INPUT
        p = wp.inputs
        order = parse_order(getattr(args, "order", "") or "")
        return PlanSource(list(p.contract_debts), p.budget, getattr(args, "strategy", None) or wp.strategy,
                          order or wp.order, p.agreements, wp.followups, wp.answers, wp), EXIT_OK
    if args.debts is None or args.budget is None:
        print(t("cli.workspace.need_input", lang), file=sys.stderr)
        return None, EXIT_USAGE
    debts = load_portfolio(args.debts, lang)
    if debts is None:
        return None, EXIT_INPUT
    try:
        budget = parse_budget(args.budget)
    except InvalidInput as e:
        print_issues(list(e.issues), lang)
        return None, EXIT_INPUT
    return PlanSource(debts, budget, getattr(args, "strategy", None) or "avalanche",
                      parse_order(getattr(args, "order", "") or "") or None), EXIT_OK


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
    "cli.workspace.conflict": {
        "zh": "--workspace 文件里已经有债务和预算：请不要同时给出债务 CSV 或 --budget（要改数字，请在网页版里改后重新导出，"
              "或者只用 CSV 和 --budget）。",
        "en": "the --workspace file already holds the debts and the budget: do not also give a debts CSV or --budget "
              "(change the figures in the dashboard and export again, or use only a CSV and --budget)."},
    "cli.workspace.need_input": {
        "zh": "请给出债务 CSV 和 --budget，或者给出 --workspace 文件（网页版“我的数据”页面导出的文件）。",
        "en": "give a debts CSV and --budget, or a --workspace file (exported from the dashboard's My data page)."},
    "cli.workspace.rows_left_out": {
        "zh": "有问题的债务行没有计入（和网页版一样）；请在网页版里改正。",
        "en": "rows with problems are left out (as on the dashboard); correct them in the dashboard."},
    "cli.workspace.no_debts": {"zh": "{path} 里没有可以计算的债务（全部有问题、不在计划内，或者没有录入）。",
                               "en": "{path} holds no debts to plan (all have problems, are outside the plan, "
                                     "or none were entered)."},
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
