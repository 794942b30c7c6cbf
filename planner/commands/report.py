"""``report``: the repayment plan as a PDF (the same bytes as the dashboard's "Export PDF")."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from ..i18n import register, t
from ..models import InvalidInput
from ..strategies import strategy_names
from ..escape import terminal
from ._output import check_output, write_atomic
from ._common import EXIT_INPUT, EXIT_OK, add_portfolio_args, load_plan_source, print_issues

NAME = "report"
HELP = "write the repayment plan as a PDF / 导出还款计划PDF"

register({
    "cli.report.written": {"zh": "已写入 {path}（{pages} 页，{size} KB）", "en": "wrote {path} ({pages} pages, {size} KB)"},
})


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_portfolio_args(p, workspace=True)
    p.add_argument("--out", type=Path, required=True, help="where to write the PDF, e.g. plan.pdf")
    p.add_argument("--strategy", default=None, choices=strategy_names(),
                   help="the strategy the schedule follows (default: the workspace's choice, else avalanche)")
    from ..negotiation import METHODS
    p.add_argument("--method", default=None, choices=list(METHODS),
                   help="how the negotiation proposal shares the budget (default: the workspace's choice)")
    p.add_argument("--date", dest="today", type=date.fromisoformat, default=None,
                   help="the document's date, YYYY-MM-DD (default: today)")
    p.add_argument("--start", type=date.fromisoformat, default=None,
                   help="date of the first negotiated payment (default: the 1st of next month)")
    p.add_argument("--name", default="", help="borrower's name for the letters (optional; overrides --profile)")
    p.add_argument("--profile", type=Path, default=None,
                   help="borrower profile file (TOML or JSON: name, phone, hardship, lenders …), as for `letters`")
    p.add_argument("--pseudonymise", action="store_true",
                   help="print only the first character of the name and mask contact numbers")
    p.add_argument("--incidents", type=Path, default=None, help="collection-incident log CSV to append")


def run(args: argparse.Namespace) -> int:
    from ..report import build_pdf

    lang = args.lang
    problem = check_output(args.out, [args.debts, args.incidents, args.workspace], lang)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_INPUT
    source, code = load_plan_source(args, lang)
    if source is None:
        return code
    wp = source.workspace
    today = args.today or date.today()      # the clock is read here, at the edge, never inside planner.report
    answers = None
    if wp is not None:
        # as the dashboard's PDF page: agreed terms, excluded debts and budget changes feed the PDF, and the
        # lenders' recorded answers (agreed ones are not proposed to again, refusals are marked)
        rep = wp.report_inputs(today, args.start)
        debts, budget, answers = rep.debts, rep.budget, rep.answers
        strategy = args.strategy or (wp.strategy if wp.strategy != "custom" else "avalanche")
        method = args.method or wp.method
    else:
        debts, budget, strategy, method = source.debts, source.budget, source.strategy, args.method
    incidents = None
    if args.incidents is not None:
        incidents = _read_incidents(args.incidents, lang, today)
        if incidents is None:
            return EXIT_INPUT
    profile = _read_profile(args.profile, lang) if args.profile is not None else {}
    if profile is None:
        return EXIT_INPUT
    if wp is not None:
        profile = {**{k: v for k, v in wp.profile.items() if v not in ("", None, [], {})}, **profile}
    if args.name:
        profile["name"] = args.name
    if profile.get("phone") and not profile.get("contact"):
        profile["contact"] = profile["phone"]          # the letters' older field name
    try:
        pdf = build_pdf(list(debts), budget, lang=lang, strategy=strategy, method=method,
                        today=today, start=args.start, profile=profile or None,
                        incidents=incidents, pseudonymise=args.pseudonymise, answers=answers)
    except InvalidInput as e:
        print_issues(list(e.issues), lang)
        return EXIT_INPUT
    try:
        write_atomic(args.out, pdf)
    except OSError as e:
        print(t("cli.out.cannot_write", lang, path=terminal(str(args.out)), reason=e.strerror or str(e)),
              file=sys.stderr)
        return EXIT_INPUT
    print(t("cli.report.written", lang, path=terminal(str(args.out)), pages=len(re.findall(rb"/Type /Page\b(?!s)", pdf)),
            size=max(1, len(pdf) // 1024)))
    return EXIT_OK


def _read_profile(path: Path, lang: str) -> dict | None:
    """The borrower profile file as a dict (TOML when it ends in .toml, else JSON); None after an error."""
    import json
    import tomllib

    try:
        text = path.read_text("utf-8")
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        reason = getattr(e, "strerror", None) or str(e)
        print(t("cli.cannot_read", lang, path=str(path), reason=reason), file=sys.stderr)
        return None
    if not isinstance(data, dict):
        print(t("cli.cannot_read", lang, path=str(path), reason="not a table of fields"), file=sys.stderr)
        return None
    return {k: v for k, v in data.get("profile", data).items()}


def _read_incidents(path: Path, lang: str, today: date):
    from ..rights import read_incidents_csv

    try:
        data = path.read_bytes()
    except OSError as e:
        print(t("cli.cannot_read", lang, path=str(path), reason=e.strerror or str(e)), file=sys.stderr)
        return None
    result = read_incidents_csv(data, today=today)
    for issue in result.issues:
        print(("✗ " if issue.is_error else "⚠ ") + issue.message(lang), file=sys.stderr)
    if any(i.is_error for i in result.issues):
        return None
    return result.incidents
