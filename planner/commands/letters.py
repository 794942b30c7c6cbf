"""``letters``: every negotiation document of a portfolio, written to a directory.

Per lender ``application_<lender>.txt/.docx/.pdf`` and ``script_<lender>.txt``, and one ``family.txt``
(:func:`planner.documents.portfolio_files`: the same bytes as the dashboard's downloads for the same
inputs and date).  ``--profile profile.toml`` holds the borrower profile (the keys of
:meth:`planner.documents.BorrowerProfile.to_record`)::

    name = "张三"
    phone = "138-0000-0000"
    hardship = "job_loss"            # job_loss | illness | business_failure | reduced_income | other
    hardship_detail = "公司裁员，正在找工作。"
    [lenders."借呗"]
    account_id = "20240501123456"
    legal_entity = "重庆蚂蚁消费金融有限公司"
    [lenders."表哥借款"]
    relationship = "表哥"
    loan_date = "2024-05-10"
    [[family]]
    name = "妈妈"
    [[family]]
    name = "姐姐"
    guarantor = true
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from datetime import date
from pathlib import Path

from ..escape import terminal
from ..i18n import register, t
from ..models import InvalidInput
from ._common import EXIT_INPUT, EXIT_OK, add_portfolio_args, load_portfolio, parse_budget, print_issues

NAME = "letters"
HELP = "write every negotiation letter, script and family message / 生成全部协商文书"

register({
    "cli.letters.wrote": {"zh": "已写入 {n} 个文件到 {dir}：", "en": "Wrote {n} files to {dir}:"},
    "cli.letters.profile_unreadable": {"zh": "无法读取个人资料文件 {path}：{error}",
                                       "en": "Cannot read the profile file {path}: {error}"},
    "cli.letters.profile_issue": {"zh": "个人资料中 {field} 的值 “{value}” 无效（{reason}），已忽略。",
                                  "en": "The profile's {field} value “{value}” is invalid ({reason}) and was ignored."},
    "cli.letters.out_unwritable": {"zh": "无法写入目录 {dir}：{error}", "en": "Cannot write to {dir}: {error}"},
    "cli.letters.infeasible": {"zh": "注意：方案超出预算，文书按最低所需预算生成。{message}",
                               "en": "Note: the plan is above the budget; the documents show it at the minimum budget "
                                     "it needs. {message}"},
})


def add_arguments(p: argparse.ArgumentParser) -> None:
    from ..negotiation import METHODS
    add_portfolio_args(p)
    p.add_argument("--method", default="equal_term", choices=list(METHODS), help="how the budget is shared")
    p.add_argument("--name", default=None, help="borrower's name (overrides the profile's)")
    p.add_argument("--profile", type=Path, default=None, help="borrower profile (TOML: name, phone, id_last4, hardship, hardship_detail, [lenders.\"<name>\"] account_id, legal_entity, relationship, loan_date, [[family]] name, guarantor; see docs/negotiation.md)")
    p.add_argument("--start", default=None, type=date.fromisoformat,
                   help="date of the first payment, YYYY-MM-DD (default: the 1st of next month)")
    p.add_argument("--date", dest="on", default=None, type=date.fromisoformat,
                   help="date printed on the letters, YYYY-MM-DD (default: today)")
    p.add_argument("--out", type=Path, required=True, help="directory to write the files to (created if missing)")


def load_profile(path: Path | None, lang: str):
    """The profile from a TOML file (``None`` → empty profile); problems printed, bad values dropped."""
    from ..documents import BorrowerProfile, profile_issues
    if path is None:
        return BorrowerProfile()
    try:
        record = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        print(terminal(t("cli.letters.profile_unreadable", lang, path=path, error=exc)), file=sys.stderr)
        return None
    for field, value, reason in profile_issues(record):
        print(terminal("⚠ " + t("cli.letters.profile_issue", lang, field=field, value=value, reason=reason)),
              file=sys.stderr)
    return BorrowerProfile.from_record(record)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..documents import portfolio_files, private_rate_overrides
    from ..negotiation import propose
    from .propose import _default_start
    lang = args.lang
    debts = load_portfolio(args.debts, lang)
    if debts is None:
        return EXIT_INPUT
    profile = load_profile(args.profile, lang)
    if profile is None:
        return EXIT_INPUT
    if args.name is not None:
        profile = replace(profile, name=args.name.strip())
    today = date.today()
    try:
        plan = propose(debts, parse_budget(args.budget), args.method, start=args.start or _default_start(today),
                       overrides=private_rate_overrides(debts, profile))
    except InvalidInput as e:
        print_issues(list(e.issues), lang)
        return EXIT_INPUT
    if not plan.feasible:
        print(terminal(t("cli.letters.infeasible", lang, message=plan.reason.render(lang))), file=sys.stderr)
    files = portfolio_files(plan, lang, profile, on=args.on or today)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (args.out / name).write_bytes(data)
    except OSError as exc:
        print(terminal(t("cli.letters.out_unwritable", lang, dir=args.out, error=exc)), file=sys.stderr)
        return EXIT_INPUT
    print(terminal(t("cli.letters.wrote", lang, n=len(files), dir=args.out)))
    for name in files:
        print("  " + terminal(name))
    return EXIT_OK
