"""Follow-up letters, zh/en, per kind of lender: holding, no reply, reconsider, change of circumstances,
request for the contract and an itemised statement, and "I cannot keep the agreed plan".

Templates: ``planner/templates/followup/<doc>.<lang>.txt.j2`` (plain text, sharing ``_frame`` for the
heading and signature). Self-contained so it can move into the documents package: the Jinja environment
has the same rules as :mod:`planner.letters` — every value is cleaned for the sink (control and bidi
characters removed, line breaks collapsed: no injected lines) unless it is :class:`markupsafe.Markup` the
planner formatted itself (money, dates, verified citations); undefined names are errors.

Forms of address (``../shared/DOMAIN.md``): 贵行 for banks and card issuers, 贵司 for online platforms,
consumer-finance and small-loan companies, 您 and a personal letter for a private lender (no collection
agency, no app, no contract number, no industry standards, no PIPL — it does not govern a person acting
in a private capacity).

>>> from planner import Debt
>>> card = Debt("招行信用卡", kind="credit_card", balance=18600, annual_rate=18, min_payment=1860)
>>> text = render_followup("holding", card, "zh", LetterFacts(), profile={"name": "李四"})
>>> "贵行" in text and "贵司" not in text and "李四" in text
True
>>> cousin = Debt("表哥", kind="private_loan", balance=10000, annual_rate=0, min_payment=0)
>>> text = render_followup("statement", cousin, "zh", LetterFacts())
>>> "您" in text and "个人信息保护法" not in text and "贵" not in text
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup

from . import followups as _followups  # noqa: F401  (registers the fu.* texts the letters use)
from . import legal
from .documents.profile import BorrowerProfile
from .i18n import format_date, format_money, format_month, normalize_lang, register, t
from .models import MAX_TEXT_LEN, Debt, DebtKind

DOCS: tuple[str, ...] = ("holding", "no_reply", "reconsider", "change", "statement", "cannot_keep")
HARDSHIP_KEYS = ("job_loss", "illness", "business_failure", "reduced_income", "other")

register({
    "fu.letter_regulator.bank": {"zh": "国家金融监督管理总局（消费者投诉热线12378）",
                                 "en": "the National Financial Regulatory Administration (consumer hotline 12378)"},
    "fu.letter_regulator.platform": {"zh": "金融监管部门（国家金融监督管理总局消费者投诉热线12378，或小额贷款公司所在地的地方金融管理局）",
                                     "en": "the financial regulator (the NFRA consumer hotline 12378, or for a small-loan "
                                           "company the local financial regulator)"},
    "fu.contract.card": {"zh": "信用卡领用合约", "en": "cardholder agreement"},
    "fu.contract.loan": {"zh": "借款合同", "en": "loan contract"},
    "fu.hardship.job_loss": {"zh": "失业", "en": "losing my job"},
    "fu.hardship.illness": {"zh": "生病、医疗支出增加", "en": "illness and medical costs"},
    "fu.hardship.business_failure": {"zh": "经营失败", "en": "my business failing"},
    "fu.hardship.reduced_income": {"zh": "收入减少", "en": "a fall in my income"},
    "fu.hardship.other": {"zh": "家庭经济困难", "en": "financial hardship"},
})

# form of address per kind of lender (data): bank / platform / private
ADDRESS: dict[DebtKind, str] = {
    DebtKind.CREDIT_CARD: "bank", DebtKind.BANK_LOAN: "bank", DebtKind.ONLINE_LOAN: "platform",
    DebtKind.CONSUMER_FINANCE: "platform", DebtKind.OTHER: "platform", DebtKind.PRIVATE_LOAN: "private",
}
_ADDR_TEXT = {("bank", "zh"): "贵行", ("platform", "zh"): "贵司", ("private", "zh"): "您",
              ("bank", "en"): "your bank", ("platform", "en"): "your company", ("private", "en"): "you"}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064"
                      r"\u2066-\u2069\ufeff]")


def _clean(value: object) -> str:
    """Plain-text sink: control/bidi characters removed, every run of white space one space."""
    return " ".join(_CONTROL.sub("", str(value)).split())[:MAX_TEXT_LEN]


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    return _clean(value)


def _load(name: str) -> str | None:
    path = resources.files("planner").joinpath("templates", "followup", name)
    return path.read_text("utf-8") if path.is_file() else None


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FunctionLoader(_load), autoescape=False, finalize=_finalize,
                              keep_trailing_newline=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True)


@dataclass(frozen=True)
class LetterFacts:
    """The figures and dates a letter may state (money in cents; ``None`` = leave a blank to fill in)."""

    on: date | None = None               # the letter's date
    applied: date | None = None          # when the application was sent
    answered: date | None = None         # when the lender refused
    reply_by: date | None = None         # the date asked for a written answer (our default, not a legal one)
    plan_by: date | None = None          # when the borrower will send a plan (holding letter)
    monthly_cents: int | None = None     # what the borrower offers each month
    months: int | None = None
    total_cents: int | None = None
    budget_cents: int | None = None      # money for all debts each month
    lenders: int = 1                     # how many debts share that budget
    agreed_on: date | None = None        # the agreement the borrower cannot keep
    agreed_monthly_cents: int | None = None
    from_month: date | None = None       # the first month of the change


def _money(cents: int | None, lang: str) -> Markup | None:
    return Markup(format_money(cents / 100, lang)) if cents is not None else None


def _day(d: date | None, lang: str) -> Markup | None:
    return Markup(format_date(d, lang)) if d is not None else None


def _pipl(lang: str) -> list[dict[str, Markup]]:
    src = legal.get("pipl_45")
    return [{"title": Markup(legal.cite("pipl_45", lang)), "summary": Markup(src.summary(lang).rstrip("。."))}]


def letter_context(debt: Debt, lang: str, facts: LetterFacts, profile: Mapping[str, object] | None = None
                   ) -> dict[str, object]:
    lang = normalize_lang(lang)
    prof = BorrowerProfile.from_record(profile)
    form = ADDRESS[debt.kind]
    acct = prof.lender(debt.name)
    given = (profile or {}).get("hardship") if isinstance(profile, Mapping) else None
    hardship = prof.hardship if (given or "reduced_income") in HARDSHIP_KEYS else "other"   # unknown → generic wording
    regulator = t("fu.letter_regulator.bank" if form == "bank" else "fu.letter_regulator.platform", lang)
    return {
        "private": form == "private", "addr": Markup(_ADDR_TEXT[(form, lang)]), "lender": debt.name,
        "entity": acct.legal_entity or None, "account": acct.account_id or None,
        "name": prof.name or None, "contact": prof.phone or None,
        "hardship": Markup(t(f"fu.hardship.{hardship}", lang)),
        "hardship_detail": prof.hardship_detail or None,
        "channel": debt.official_channel.strip() or Markup(t("fu.channel.default", lang)),
        "regulator": Markup(regulator),
        "balance": Markup(format_money(debt.balance, lang)),
        "arrears": Markup(format_money(debt.effective_arrears, lang)) if debt.effective_arrears > 0 else None,
        "date": _day(facts.on, lang), "applied": _day(facts.applied, lang), "answered": _day(facts.answered, lang),
        "reply_by": _day(facts.reply_by, lang), "plan_by": _day(facts.plan_by, lang),
        "monthly": _money(facts.monthly_cents, lang), "months": facts.months, "total": _money(facts.total_cents, lang),
        "budget": _money(facts.budget_cents, lang), "lenders": max(1, int(facts.lenders)),
        "agreed_on": _day(facts.agreed_on, lang), "agreed_monthly": _money(facts.agreed_monthly_cents, lang),
        "from_month": Markup(format_month(facts.from_month, lang)) if facts.from_month else None,
        "pipl": [] if form == "private" else _pipl(lang),
        "contract": Markup(t("fu.contract.card" if debt.kind == DebtKind.CREDIT_CARD else "fu.contract.loan", lang)),
    }


def render_followup(doc: str, debt: Debt, lang: str = "zh", facts: LetterFacts | None = None,
                    profile: Mapping[str, object] | None = None) -> str:
    """One follow-up letter as plain text. ``profile``: the workspace's borrower profile (``name``,
    ``phone``, ``hardship``, ``hardship_detail``, ``lenders: {lender: {legal_entity, account_id}}``: a
    :class:`planner.documents.BorrowerProfile` record)."""
    if doc not in DOCS:
        raise ValueError(f"doc must be one of {DOCS}")
    lang = normalize_lang(lang)
    ctx = letter_context(debt, lang, facts or LetterFacts(), profile)
    text = _env().get_template(f"{doc}.{lang}.txt.j2").render(**ctx)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def facts_for(debt: Debt, *, today: date, followups: Mapping[str, object], answers: Mapping[str, object],
              budget_cents: int | None = None, lenders: int = 1) -> LetterFacts:
    """The letter's facts from the workspace sections: the application date (``followups``), the lender's
    answer and any agreed or offered monthly amount (``negotiation["answers"]``), the reply date asked for
    (today + the waiting-days setting: our default, not a legal deadline)."""
    from datetime import timedelta

    from .agreements import parse_date
    from .followups import answer_days
    from .models import name_key
    from .parsing import ParseError, parse_amount, parse_int

    def find(section):
        items = section.items() if isinstance(section, Mapping) else ()
        return next((v for k, v in items if name_key(k) == name_key(debt.name) and isinstance(v, Mapping)), {})

    def day(value):
        try:
            return parse_date(value) if value else None
        except ParseError:
            return None

    def cents(value):
        try:
            return round(parse_amount(value) * 100) if value not in (None, "") else None
        except ParseError:
            return None

    lenders_state = followups.get("lenders") if isinstance(followups, Mapping) else None
    state, answer = find(lenders_state), find(answers)
    days = answer_days(followups)
    accepted = answer.get("status") == "accepted"
    try:
        months = parse_int(answer.get("months")) if answer.get("months") not in (None, "") else None
    except ParseError:
        months = None
    monthly = cents(answer.get("monthly"))
    return LetterFacts(
        on=today, applied=day(state.get("applied")),
        answered=day(answer.get("date")) if answer.get("status") == "refused" else None,
        reply_by=today + timedelta(days=days), plan_by=today + timedelta(days=days),
        monthly_cents=None if accepted else monthly, months=months,
        total_cents=monthly * months if (monthly and months and not accepted) else None,
        budget_cents=budget_cents, lenders=lenders,
        agreed_on=day(answer.get("date")) if accepted else None,
        agreed_monthly_cents=monthly if accepted else None)


def letter_title(doc: str, lang: str = "zh") -> str:
    return t(f"fu.letter.{doc}", lang)


__all__ = ["ADDRESS", "DOCS", "LetterFacts", "facts_for", "letter_context", "letter_title", "render_followup"]
