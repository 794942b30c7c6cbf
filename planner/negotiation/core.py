"""Build a negotiation plan: :func:`propose` and :func:`what_if_refused`.

The plan is built for one monthly amount, the *lowest* month of the budget (so
an income shock later in the list never makes an instalment unaffordable).
Lines pinned by hand (an instalment or a number of months) are served first;
the method shares what is left between the other lenders.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date

from ..models import Budget, Debt, InvalidInput, check_plan_date, check_portfolio
from .methods import Allocation, get_method, sequence_order
from .plan import NegotiationPlan, Payment, ProposalLine, Reason, add_months
from .schedule import fixed_schedule, level_schedule
from .settings import NegotiationSettings, load_settings
from .terms import LineTerms, build_terms, override_warnings

REFUSED_HORIZON = 600


def _capacity_cents(budget) -> tuple[float, int]:
    b = min(Budget.of(budget).monthly)
    return b, int(math.floor(b * 100 + 1e-6))


def _upper_bound(lines: Sequence[LineTerms]) -> int:
    total = sum(ln.principal_c for ln in lines)
    top = max((ln.proposed_rate_pct for ln in lines), default=0.0)
    return int(math.ceil(total * (1 + top / 1200))) + len(lines) + 1


def min_capacity(method_key: str, lines: Sequence[LineTerms], settings: NegotiationSettings) -> int:
    """Smallest capacity (cents) with which the method fits every line within its limits."""
    if not lines:
        return 0
    allocate = get_method(method_key).allocate
    hi = _upper_bound(lines)
    while not allocate(lines, hi, settings).ok:      # safety net: the bound is normally feasible
        hi *= 2
    lo = 0
    while lo < hi:
        mid = (lo + hi) // 2
        if allocate(lines, mid, settings).ok:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _pinned_schedule(ln: LineTerms) -> tuple[list[int], Reason | None]:
    """Payments of a hand-pinned line and, if it breaks its limit, the reason."""
    name = ln.debt.name
    if ln.pin_months is not None:
        _, pays = level_schedule(ln.principal_c, ln.proposed_rate_pct, ln.pin_months)
        if len(pays) > ln.max_term:
            return pays, Reason("neg.reason.pinned_term", (
                ("lender", name), ("months", len(pays)), ("max_term", ln.max_term),
                ("term_source", ln.max_term_source)))
        return pays, None
    pays = fixed_schedule(ln.principal_c, ln.proposed_rate_pct, ln.pin_instalment_c or 0, ln.max_term)
    if pays is None:
        needed = level_schedule(ln.principal_c, ln.proposed_rate_pct, ln.max_term)[0]
        long_pays = fixed_schedule(ln.principal_c, ln.proposed_rate_pct, ln.pin_instalment_c or 0,
                                   REFUSED_HORIZON)
        return long_pays or [], Reason("neg.reason.pinned_short", (
            ("lender", name), ("instalment_yuan", (ln.pin_instalment_c or 0) / 100),
            ("needed_yuan", needed / 100), ("max_term", ln.max_term), ("term_source", ln.max_term_source)))
    return pays, None


def _refused_payments(debt: Debt) -> list[int]:
    """The debt on its original terms, paying exactly what is due each month (the same engine)."""
    from ..compare import budget_check
    from ..simulate import simulate
    due = budget_check([debt], 0).total_due
    if due <= 0:
        return []
    r = simulate([debt], due, "minimum", horizon=REFUSED_HORIZON)
    return _payments_in_cents(r.series.payment[:, 0])


def _payments_in_cents(series) -> list[int]:
    """One debt's monthly payments from the engine, in cents, up to its last payment."""
    pays = [int(round(p * 100)) for p in series]
    while pays and pays[-1] == 0:
        pays.pop()
    return pays


def _refused_with_leftover(refused: Sequence[Debt], others_c: list[int], cap_c: int) -> list[list[int]]:
    """Refusing lenders on their original terms, each month paid what the budget leaves once the
    accepted lines are paid (at least what their contracts ask): the way a borrower would use the
    money freed as the accepted plans run out.  Several refusing lenders share it by avalanche,
    with the same engine.  ``others_c[k]``: the accepted lines' payments in month k+1 (cents)."""
    from ..simulate import simulate
    months = REFUSED_HORIZON
    budget = [max(cap_c - (others_c[k] if k < len(others_c) else 0), 0) / 100 for k in range(months)]
    r = simulate(list(refused), budget, "avalanche", horizon=months)
    return [_payments_in_cents(r.series.payment[:, j]) for j in range(len(refused))]


def propose(debts: Sequence[Debt], budget, method: str = "equal_term", *, start: date,
            settings: NegotiationSettings | None = None,
            overrides: Mapping[str, Mapping[str, object]] | None = None,
            refused: Sequence[str] = ()) -> NegotiationPlan:
    """Propose instalments to every lender that fit the monthly budget.

    ``start`` is the date of the first payment; ``refused`` names lenders kept on
    their original terms (see :func:`what_if_refused`).

    >>> from datetime import date
    >>> from planner import Debt
    >>> debts = [Debt("卡", balance=12000, annual_rate=18, min_payment=1200, kind="credit_card"),
    ...          Debt("贷", balance=6000, annual_rate=36, min_payment=600, kind="online_loan")]
    >>> plan = propose(debts, 1000, start=date(2027, 1, 10))
    >>> plan.feasible, plan.months, plan.total_monthly <= 1000
    (True, 20, True)
    >>> [(ln.name, ln.proposed_rate_pct, ln.instalment) for ln in plan.lines]
    [('卡', 0.0, 600.0), ('贷', 24.0, 366.95)]
    >>> propose(debts, 300, start=date(2027, 1, 10)).reason.render("en")[:60]
    'Budget ¥300.00 is not enough: this method needs at least ¥43'
    """
    settings = settings or load_settings()
    debts = tuple(debts)
    issues = check_portfolio(debts) + check_plan_date(start, "start")
    if issues:
        raise InvalidInput(issues)
    m = get_method(method)
    budget_yuan, cap = _capacity_cents(budget)
    terms = build_terms(debts, settings, overrides)
    refused_keys = {str(n) for n in refused}
    unknown = refused_keys - {d.name for d in debts}
    if unknown:
        from .terms import _issue
        raise InvalidInput([_issue(n, "name", n, "neg_unknown_lender") for n in sorted(unknown)])

    fixed: dict[int, list[int]] = {}
    problem: Reason | None = None
    for ln in terms:
        if ln.debt.name in refused_keys:
            fixed[ln.index] = _refused_payments(ln.debt)
        elif ln.pinned:
            pays, why = _pinned_schedule(ln)
            fixed[ln.index] = pays
            problem = problem or why
    free = [ln for ln in terms if ln.index not in fixed]
    reserved = sum(max(p, default=0) for p in fixed.values())
    rest = cap - reserved
    alloc = m.allocate(free, max(rest, 0), settings)
    need = reserved + min_capacity(m.key, free, settings)
    feasible = problem is None and rest >= 0 and alloc.ok
    binding = None
    if problem is not None:
        reason = problem
        binding = dict(problem.params)["lender"]
    elif not feasible:
        shown = m.allocate(free, need - reserved, settings)
        below = m.allocate(free, need - reserved - 1, settings) if need - reserved > 0 else Allocation()
        binding_idx = below.failing
        if binding_idx is None:                 # only the pinned/refused lines exceed the budget
            binding_idx = max(fixed, key=lambda i: max(fixed[i], default=0))
        alloc = shown
        binding = debts[binding_idx].name
        bl = next(ln for ln in terms if ln.index == binding_idx)
        reason = Reason("neg.reason.short", (
            ("budget_yuan", budget_yuan), ("min_budget_yuan", need / 100), ("gap_yuan", (need - cap) / 100),
            ("lender", binding), ("lender_min_yuan", _longest_term_instalment(bl, fixed) / 100),
            ("max_term", bl.max_term), ("term_source", bl.max_term_source)))
    else:
        refused_lines = [ln for ln in terms if ln.debt.name in refused_keys]
        if refused_lines:                       # money freed by the accepted lines goes to the refusing lenders
            others: list[int] = []
            for ln in terms:
                if ln.debt.name not in refused_keys:
                    pays = _payments(ln, fixed, alloc)
                    others.extend([0] * (len(pays) - len(others)))
                    for k, c in enumerate(pays):
                        others[k] += c
            for ln, pays in zip(refused_lines, _refused_with_leftover([ln.debt for ln in refused_lines],
                                                                        others, cap)):
                fixed[ln.index] = pays
        months = max((len(p) for p in list(fixed.values()) + list(alloc.payments.values())), default=0)
        reason = Reason("neg.reason.fits", (("budget_yuan", budget_yuan), ("months", months),
                                             ("min_budget_yuan", need / 100)))
    lines = tuple(_line(ln, _payments(ln, fixed, alloc), alloc.tokens.get(ln.index, 0), start,
                        refused=ln.debt.name in refused_keys) for ln in terms)
    ov = tuple(sorted((str(k), tuple(sorted(dict(v or {}).items()))) for k, v in (overrides or {}).items()))
    return NegotiationPlan(method=m.key, lines=lines, feasible=feasible, budget=budget_yuan,
                           min_budget=None if isinstance(problem, Reason) else need / 100,
                           binding_lender=None if feasible else binding, reason=reason, start=start,
                           debts=debts, settings=settings, overrides=ov,
                           warnings=override_warnings(debts, overrides))


def _longest_term_instalment(ln: LineTerms, fixed: dict[int, list[int]]) -> int:
    """What the binding lender needs a month over its longest allowed term (cents): its level instalment over
    ``max_term`` months — not its largest payment in the method's timetable (a sequential plan pays a lender
    a token first and then much more).  A pinned or refused line: its own largest payment."""
    if ln.index in fixed:
        return max(fixed[ln.index], default=0)
    return level_schedule(ln.principal_c, ln.proposed_rate_pct, ln.max_term)[0]


def _payments(ln: LineTerms, fixed: dict[int, list[int]], alloc: Allocation) -> list[int]:
    return fixed[ln.index] if ln.index in fixed else alloc.payments.get(ln.index, [])


def _line(ln: LineTerms, pays_c: list[int], token_c: int, start: date, *, refused: bool) -> ProposalLine:
    d = ln.debt
    timetable = tuple(Payment(k, add_months(start, k - 1), c / 100) for k, c in enumerate(pays_c, start=1))
    if refused:
        return ProposalLine(
            name=d.name, kind=d.kind, principal=d.balance, arrears_folded=0.0, original_rate_pct=d.annual_rate,
            proposed_rate_pct=d.annual_rate, penalty_waived=False, fees_waived=False,
            instalment=max(pays_c, default=0) / 100, timetable=timetable, channel=ln.channel,
            max_term_months=ln.max_term, max_term_source=ln.max_term_source, refused=True,
            rate_assumed=d.is_assumed("annual_rate"))
    return ProposalLine(
        name=d.name, kind=d.kind, principal=d.balance, arrears_folded=d.effective_arrears,
        original_rate_pct=d.annual_rate, proposed_rate_pct=ln.proposed_rate_pct,
        penalty_waived=ln.waive_penalty, fees_waived=ln.waive_fees,
        instalment=max(pays_c, default=0) / 100, timetable=timetable, channel=ln.channel,
        max_term_months=ln.max_term, max_term_source=ln.max_term_source, settlement_pct=ln.settlement_pct,
        token=token_c / 100, pinned=ln.pinned, rate_assumed=d.is_assumed("annual_rate"))


def what_if_refused(plan: NegotiationPlan, lender_name: str) -> NegotiationPlan:
    """The same plan recomputed with ``lender_name`` on its original terms.

    Its first month's contractual due (arrears included) is reserved every month
    and the method shares the rest among the other lenders, keeping any hand-made
    changes.  When that fits, the refusing lender is then paid everything the
    budget leaves each month once the accepted instalments are paid (so the
    money freed as the other plans end clears it), with the same engine.
    """
    refused = {ln.name for ln in plan.lines if ln.refused} | {lender_name}
    return propose(plan.debts, plan.budget, plan.method, start=plan.start, settings=plan.settings,
                   overrides=plan.overrides_dict(), refused=sorted(refused))


def sequential_order_names(plan: NegotiationPlan) -> list[str]:
    """The order in which the sequential method clears the (unpinned, accepted) lines."""
    terms = build_terms(plan.debts, plan.settings or load_settings(), plan.overrides_dict())
    skip = {ln.name for ln in plan.lines if ln.refused or ln.pinned}
    return [ln.debt.name for ln in sequence_order([t for t in terms if t.debt.name not in skip])]
