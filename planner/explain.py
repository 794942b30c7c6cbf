"""Plain-language explanations of a strategy comparison, in Chinese or English.

:func:`explain` turns a :class:`~planner.compare.Comparison` into a few
:class:`Note` sentences: whether the budget covers the interest and the dues,
which strategy wins for *this* portfolio and why (naming the debt it attacks
first), and what the "pay every platform a little" habit would cost instead.
Every number in a sentence comes from the results; nothing here computes money
beyond differences of the engine's totals.

Plan month ``t`` is the calendar month ``t - 1`` months after the start month
(month 1 is the first payment, in the current month — the same month the "this month" list shows):
:func:`plan_month_date`.

>>> from datetime import date
>>> from planner import Debt, compare
>>> debts = [Debt("借呗", balance=5000, annual_rate=24, min_payment=200),
...          Debt("信用卡", balance=2000, annual_rate=12, min_payment=100)]
>>> notes = explain(compare(debts, 1000), "en", start=date(2026, 1, 15))
>>> print(notes[0].text)
Fastest and cheapest: Highest rate first (avalanche) — debt-free in 8 mo (Aug 2026), interest, penalty interest and fees ¥480.71 in total.
>>> plan_month_date(date(2026, 11, 30), 3)
datetime.date(2027, 1, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:                  # pandas is imported only when a table is made (keeps `batch` start-up light)
    import pandas as pd

from .compare import BudgetCheck, Comparison, budget_check
from .i18n import format_money, format_month, format_months, format_pct, register, t
from .models import Debt
from .results import SimulationResult
from .strategies import get_strategy

LEVELS = ("error", "warning", "info", "success")


@dataclass(frozen=True, slots=True)
class Note:
    """One sentence for the user; ``level`` is one of :data:`LEVELS` (how the UI shows it)."""

    level: str
    key: str
    text: str


def plan_month_date(start: date, month: int) -> date:
    """The first day of the calendar month in which plan month ``month`` falls (month 1 = ``start``'s month)."""
    index = start.year * 12 + (start.month - 1) + month - 1
    return date(index // 12, index % 12 + 1, 1)


register({
    "explain.no_interest_cover": {
        "zh": "每月能用来还债的 {budget}，连第一个月的利息 {interest} 都不够。每个平台还一点，连利息都还不上，"
              "欠款只会越滚越多。请先通过各平台的官方渠道协商：分期、延期、分期期间免息（俗称“停息挂账”）。协商免费，不要找收费中介。",
        "en": "The {budget} a month you have for debt does not even cover the first month's interest of {interest}. "
              "Paying every platform a little will not even pay the interest: the debt only grows. "
              "Negotiate with each lender through its official channel first: instalments, extension, no interest while "
              "the plan runs. Negotiating is free; don't pay an agent."},
    "explain.dues_gap": {
        "zh": "每月预算 {budget} 比本月各平台应还合计 {due} 少 {gap}。无论怎么分配，都会有账户逾期"
              "（罚息、违约金、催收电话）。与其硬撑，不如先去协商：把应还金额降到预算以内。",
        "en": "Your monthly budget of {budget} is {gap} short of this month's total amount due, {due}. "
              "However the money is split, some account falls into arrears (penalty interest, late fees, "
              "collection calls). Rather than struggle on, negotiate first: bring the amounts due within your budget."},
    "explain.winner": {
        "zh": "最快也最省的还法：{strategy}——{months}后（{date}）还清，利息、罚息和费用合计 {cost}。",
        "en": "Fastest and cheapest: {strategy} — debt-free in {months} ({date}), interest, penalty interest "
              "and fees {cost} in total."},
    "explain.never": {
        "zh": "按现在的预算，{months}内哪种还法都还不清。最好的「{strategy}」到期末仍欠 {remaining}。",
        "en": "With this budget no strategy clears the debts within {months}. The best, {strategy}, "
              "still leaves {remaining} owing at the end."},
    "explain.never_growing": {
        "zh": "按现在的预算，哪种还法都还不清：欠款不降反升，{months}后会比现在的 {start} 还多。",
        "en": "With this budget no strategy ever clears the debts: they grow, and after {months} you would "
              "owe more than today's {start}."},
    "explain.winner_arrears": {
        "zh": "其间有 {n} 个月有账户逾期。",
        "en": "Some account is in arrears in {n} of those months."},
    "explain.why.short": {
        "zh": "原因：钱不够付全部应还款时，这种还法先保住「{target}」等排在前面的账户按时还款，"
              "逾期集中在其余账户上，总代价最低。",
        "en": "Why: when the money does not cover every amount due, this strategy keeps {target} and the next "
              "debts in its order paid on time and lets the arrears fall on the rest, which costs least overall."},
    "explain.why.avalanche": {
        "zh": "原因：多出来的钱先还年利率最高的「{target}」（{rate}），这笔每个月产生的利息最多，先还它省下的利息最多。",
        "en": "Why: the extra money goes first to {target}, the highest rate ({rate}), which costs the most "
              "interest each month, so every yuan paid there saves the most."},
    "explain.why.snowball": {
        "zh": "原因：先还清余额最小的「{target}」（{balance}），它的月供随后转去还下一家，要应付的平台数也减少得最快。",
        "en": "Why: {target}, the smallest balance ({balance}), is cleared first; its monthly payment then moves "
              "on to the next debt, and the number of lenders chasing you drops fastest."},
    "explain.why.custom": {
        "zh": "原因：按您定的顺序，多出来的钱先还「{target}」。",
        "en": "Why: in your own order the extra money goes to {target} first."},
    "explain.why.spread": {
        "zh": "在这份债务里，按比例分给每家的结果并不比集中还款差。",
        "en": "For these debts, sharing the money out in proportion does no worse than focusing it."},
    "explain.why.minimum": {
        "zh": "预算只够付应还款，没有多余的钱可以集中还某一家，所以各种还法差别不大。",
        "en": "The budget only covers the amounts due; there is no extra money to focus, so the strategies barely differ."},
    "explain.tie": {
        "zh": "在这份债务里，「{strategy}」和「{other}」的结果一样。",
        "en": "For these debts, {strategy} and {other} come out the same."},
    "explain.habit": {
        "zh": "对比：如果每个平台都还一点（平摊），要 {months}，多付 {extra}{arrears}。",
        "en": "Compare: paying every platform a little (spread) takes {months} and costs {extra} more{arrears}."},
    "explain.habit_never": {
        "zh": "对比：如果每个平台都还一点（平摊），期限内还不清{arrears}。",
        "en": "Compare: paying every platform a little (spread) does not clear the debts within the horizon{arrears}."},
    "explain.habit_arrears": {
        "zh": "，并且有 {n} 个月有账户逾期",
        "en": ", with accounts in arrears in {n} months"},
})


def budget_notes(check: BudgetCheck, lang: str = "zh") -> list[Note]:
    """What the budget cannot cover: the first month's interest, or the amounts due."""
    money = {"budget": format_money(check.budget, lang), "interest": format_money(check.total_interest, lang),
             "due": format_money(check.total_due, lang), "gap": format_money(check.dues_gap, lang)}
    if not check.covers_interest:
        return [Note("error", "explain.no_interest_cover", t("explain.no_interest_cover", lang, **money))]
    if not check.covers_dues:
        return [Note("warning", "explain.dues_gap", t("explain.dues_gap", lang, **money))]
    return []


def _first_target(result: SimulationResult, order: tuple[str, ...]) -> int:
    """Input index of the first debt (in the strategy's priority order) with something to pay."""
    perm = get_strategy(result.strategy).order(result.debts, order)
    return next((i for i in perm if result.debts[i].balance > 0), perm[0])


def _why(comparison: Comparison, lang: str, order: tuple[str, ...]) -> Note:
    best = comparison.best
    key = best.strategy
    others = [comparison[k] for k in comparison.ranking[1:]]
    runner = others[0] if others else None
    if runner is not None and _same(best, runner) and key not in ("spread", "minimum"):
        return Note("info", "explain.tie", t("explain.tie", lang, strategy=get_strategy(key).label(lang),
                                             other=get_strategy(runner.strategy).label(lang)))
    focused = key in ("avalanche", "snowball", "custom")
    if focused and not comparison.check.covers_dues:
        key = "short"     # the priority order decided who gets paid at all
    elif focused and comparison.check.budget <= comparison.check.total_due + 0.005:
        key = "minimum"   # nothing extra to focus: the priority order is not what made it win
    target = best.debts[_first_target(best, order)] if focused else None
    params = {} if target is None else {
        "target": target.name, "rate": format_pct(target.annual_rate, lang),
        "balance": format_money(target.balance, lang)}
    return Note("info", f"explain.why.{key}", t(f"explain.why.{key}", lang, **params))


def _same(a: SimulationResult, b: SimulationResult) -> bool:
    return (a.months_to_debt_free == b.months_to_debt_free and abs(a.total_cost - b.total_cost) < 0.5
            and a.months_in_arrears == b.months_in_arrears)


def _habit(comparison: Comparison, lang: str) -> Note | None:
    if "spread" not in comparison.results or comparison.best.strategy == "spread":
        return None
    best, spread = comparison.best, comparison["spread"]
    if _same(best, spread):
        return None
    arrears = t("explain.habit_arrears", lang, n=spread.months_in_arrears) if spread.months_in_arrears else ""
    if not spread.debt_free:
        return Note("warning", "explain.habit_never", t("explain.habit_never", lang, arrears=arrears))
    extra = spread.total_cost - best.total_cost
    return Note("info", "explain.habit", t("explain.habit", lang, months=format_months(spread.months_to_debt_free, lang),
                                            extra=format_money(max(0.0, extra), lang), arrears=arrears))


def explain(comparison: Comparison, lang: str = "zh", *, start: date, order: tuple[str, ...] = ()
            ) -> list[Note]:
    """Sentences about this comparison, most important first.

    ``start`` is the day the plan starts (month 1 is the following calendar month);
    ``order`` is the custom order given to :func:`planner.compare`, if any.
    """
    notes = budget_notes(comparison.check, lang)
    best = comparison.best
    label = get_strategy(best.strategy).label(lang)
    if best.debt_free:
        text = t("explain.winner", lang, strategy=label, months=format_months(best.months_to_debt_free, lang),
                 date=format_month(plan_month_date(start, best.months_to_debt_free), lang),
                 cost=format_money(best.total_cost, lang))
        if best.months_in_arrears:
            text += (" " if lang == "en" else "") + t("explain.winner_arrears", lang, n=best.months_in_arrears)
        notes.append(Note("success" if not best.months_in_arrears else "warning", "explain.winner", text))
    elif best.remaining_balance > best.starting_balance:
        notes.append(Note("error", "explain.never_growing", t(
            "explain.never_growing", lang, months=format_months(best.months_run, lang),
            start=format_money(best.starting_balance, lang))))
    else:
        notes.append(Note("warning", "explain.never", t(
            "explain.never", lang, strategy=label, months=format_months(best.months_run, lang),
            remaining=format_money(best.remaining_balance, lang))))
    if best.debt_free:
        notes.append(_why(comparison, lang, tuple(order)))
    habit = _habit(comparison, lang)
    if habit is not None:
        notes.append(habit)
    return notes


# --------------------------------------------------------------------------- tables for people

@dataclass(frozen=True, slots=True)
class PortfolioTotals:
    """Headline figures of a portfolio: how many debts, owed in total, due this month, overdue accounts."""

    count: int
    balance: float
    due: float
    overdue: int


def portfolio_totals(debts: Sequence[Debt]) -> PortfolioTotals:
    """Count, total balance, first-month dues (as :func:`planner.budget_check`), overdue accounts.

    >>> portfolio_totals([Debt("A", balance=1000, annual_rate=12, min_payment=100)])
    PortfolioTotals(count=1, balance=1000.0, due=100.0, overdue=0)
    """
    due = budget_check(debts, 0.0).total_due if debts else 0.0
    return PortfolioTotals(len(debts), float(sum(d.balance for d in debts)), round(due, 2),
                           sum(1 for d in debts if d.is_overdue))


SCHEDULE_COLUMNS = ("month", "calendar_month", "name", "payment", "interest", "fee", "balance", "arrears")

register({
    "explain.sch.month": {"zh": "月份", "en": "Month"},
    "explain.sch.calendar_month": {"zh": "年月", "en": "Calendar month"},
    "explain.sch.name": {"zh": "平台", "en": "Lender"},
    "explain.sch.payment": {"zh": "还款", "en": "Payment"},
    "explain.sch.interest": {"zh": "利息", "en": "Interest"},
    "explain.sch.fee": {"zh": "违约金", "en": "Late fee"},
    "explain.sch.balance": {"zh": "月末欠款", "en": "Balance after"},
    "explain.sch.arrears": {"zh": "逾期金额", "en": "Arrears"},
})


def schedule_table(result: SimulationResult, lang: str = "zh", *, start: date) -> pd.DataFrame:
    """The month-by-month schedule with headers in ``lang`` and a calendar-month column.

    Money stays numeric (rounded to cents) so a spreadsheet can add it up.
    """
    frame = result.schedule()
    months = sorted(set(frame["month"]))
    calendar = {m: format_month(plan_month_date(start, m), lang) for m in months}
    frame.insert(1, "calendar_month", frame["month"].map(calendar))
    return frame[list(SCHEDULE_COLUMNS)].rename(columns={c: t(f"explain.sch.{c}", lang) for c in SCHEDULE_COLUMNS})


def schedule_csv(result: SimulationResult, lang: str = "zh", *, start: date) -> bytes:
    """The schedule as CSV bytes (UTF-8 with a BOM, so Excel shows Chinese correctly)."""
    from .escape import csv_cell
    table = schedule_table(result, lang, start=start)
    for col in table.columns:
        if table[col].dtype.kind not in "iufb":     # names and months: text a spreadsheet must not run
            table[col] = table[col].map(csv_cell)
    return table.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


__all__ = ["LEVELS", "SCHEDULE_COLUMNS", "Note", "PortfolioTotals", "budget_notes", "explain",
           "plan_month_date", "portfolio_totals", "schedule_csv", "schedule_table"]
