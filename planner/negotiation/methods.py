"""How a monthly budget is shared between lenders: a registry of methods.

Each method turns the lines' terms and a monthly capacity (cents) into every
line's payments (cents, month 1 first), never paying out more than the capacity
in any month.  It reports the line that fails (ends after its term limit or
never ends) so the plan can say who forces a larger budget.

==============  ================================================================
``equal_term``  everyone is repaid in the same, smallest feasible number of
                months N (a lender whose term limit is below N gets its limit)
``pro_rata``    each lender's instalment is its share of the budget, in
                proportion to its principal (what creditors consider fair)
``sequential``  one lender at a time (highest proposed rate first), token
                payments to the others while they wait; money freed by a
                cleared lender goes to the next
==============  ================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..i18n import register, t
from .schedule import first_interest, fixed_schedule, level_schedule
from .settings import NegotiationSettings
from .terms import LineTerms


@dataclass
class Allocation:
    """Payments (cents) per line index; ``failing`` is the index of a line that breaks its limit."""

    payments: dict[int, list[int]] = field(default_factory=dict)
    tokens: dict[int, int] = field(default_factory=dict)
    failing: int | None = None

    @property
    def ok(self) -> bool:
        return self.failing is None


AllocateFn = Callable[[Sequence[LineTerms], int, NegotiationSettings], Allocation]


@dataclass(frozen=True)
class Method:
    key: str
    allocate: AllocateFn

    def label(self, lang: str = "zh") -> str:
        return t(f"neg.method.{self.key}", lang)

    def description(self, lang: str = "zh") -> str:
        return t(f"neg.method.{self.key}.help", lang)


# ----------------------------------------------------------------------------- equal term

def _equal_term(lines: Sequence[LineTerms], cap: int, settings: NegotiationSettings) -> Allocation:
    if not lines:
        return Allocation()
    longest = max(ln.max_term for ln in lines)
    for n in range(1, longest + 1):
        scheds = {ln.index: level_schedule(ln.principal_c, ln.proposed_rate_pct, min(n, ln.max_term))
                  for ln in lines}
        if sum(inst for inst, _ in scheds.values()) <= cap:
            return Allocation({i: pays for i, (_, pays) in scheds.items()})
    worst = max(lines, key=lambda ln: (level_schedule(ln.principal_c, ln.proposed_rate_pct, ln.max_term)[0],
                                       -ln.index))
    return Allocation({ln.index: level_schedule(ln.principal_c, ln.proposed_rate_pct, ln.max_term)[1]
                       for ln in lines}, failing=worst.index)


# ----------------------------------------------------------------------------- pro rata

def _pro_rata(lines: Sequence[LineTerms], cap: int, settings: NegotiationSettings) -> Allocation:
    if not lines:
        return Allocation()
    total = sum(ln.principal_c for ln in lines)
    out, failing = Allocation(), []
    for ln in lines:
        inst = cap * ln.principal_c // total
        pays = fixed_schedule(ln.principal_c, ln.proposed_rate_pct, inst, ln.max_term)
        if pays is None:
            failing.append(ln)
            pays = level_schedule(ln.principal_c, ln.proposed_rate_pct, ln.max_term)[1]
        out.payments[ln.index] = pays
    if failing:
        # the line needing the largest budget share: its minimum instalment over its share
        out.failing = max(failing, key=lambda ln: (
            level_schedule(ln.principal_c, ln.proposed_rate_pct, ln.max_term)[0] / ln.principal_c,
            -ln.index)).index
    return out


# ----------------------------------------------------------------------------- sequential

def sequence_order(lines: Sequence[LineTerms]) -> list[LineTerms]:
    """Highest proposed rate first, then the smallest principal (fewest lenders soonest)."""
    return sorted(lines, key=lambda ln: (-ln.proposed_rate_pct, ln.principal_c, ln.index))


def token_amount(ln: LineTerms, settings: NegotiationSettings) -> int:
    """Monthly token payment (cents) while a lender waits its turn."""
    token = max(settings.token_min_yuan * 100, ln.principal_c * settings.token_pct / 100)
    return int(min(ln.principal_c, round(token)))


def _sequential(lines: Sequence[LineTerms], cap: int, settings: NegotiationSettings) -> Allocation:
    if not lines:
        return Allocation()
    order = sequence_order(lines)
    tokens = {ln.index: token_amount(ln, settings) for ln in order}
    bal = {ln.index: ln.principal_c for ln in order}
    pays: dict[int, list[int]] = {ln.index: [] for ln in order}
    deadline = {ln.index: ln.max_term for ln in order}
    horizon = max(deadline.values())
    failing = None
    for month in range(1, horizon + 1):
        open_lines = [ln for ln in order if bal[ln.index] > 0]
        if not open_lines:
            break
        due = {}
        for ln in open_lines:
            bal[ln.index] += first_interest(bal[ln.index], ln.proposed_rate_pct)
            due[ln.index] = min(bal[ln.index], tokens[ln.index])
        money = cap
        paid = {}
        for ln in open_lines:
            p = min(due[ln.index], money)
            paid[ln.index] = p
            money -= p
        for ln in open_lines:
            extra = min(bal[ln.index] - paid[ln.index], money)
            paid[ln.index] += extra
            money -= extra
        for ln in open_lines:
            bal[ln.index] -= paid[ln.index]
            pays[ln.index].append(paid[ln.index])
            if paid[ln.index] < due[ln.index] and failing is None:
                failing = ln.index               # cannot even pay the token
            if bal[ln.index] > 0 and month >= deadline[ln.index] and failing is None:
                failing = ln.index               # still open at its term limit
    if failing is None and any(b > 0 for b in bal.values()):
        failing = next(ln.index for ln in order if bal[ln.index] > 0)
    for i in pays:                               # drop trailing zero months (cleared early)
        while pays[i] and pays[i][-1] == 0:
            pays[i].pop()
    return Allocation(pays, tokens, failing)


METHODS: dict[str, Method] = {m.key: m for m in (
    Method("equal_term", _equal_term),
    Method("pro_rata", _pro_rata),
    Method("sequential", _sequential),
)}


def get_method(name: str) -> Method:
    from .errors import UnknownMethod
    try:
        return METHODS[str(name).strip().lower()]
    except KeyError:
        raise UnknownMethod(str(name), METHODS) from None


register({
    "neg.method.equal_term": {"zh": "等期还款（各家同一期数）", "en": "Equal term (same number of months for all)"},
    "neg.method.equal_term.help": {
        "zh": "每家按各自金额分期，所有平台在同样的、尽可能短的期数内还清（某类上限更短的，按其上限）。",
        "en": "Each lender gets level instalments and all are repaid in the same, shortest feasible number of "
              "months (a lender with a shorter limit gets its limit)."},
    "neg.method.pro_rata": {"zh": "按比例分配（按欠款比例）", "en": "Pro rata (shares follow the debts)"},
    "neg.method.pro_rata.help": {
        "zh": "每家每月拿到的钱占预算的比例等于其欠款占总欠款的比例，债权人通常认为这最公平。",
        "en": "Each lender's share of the monthly budget equals its share of the total debt — what creditors "
              "usually consider fair."},
    "neg.method.sequential": {"zh": "逐家还清（一次集中还一家）", "en": "Sequential (one lender at a time)"},
    "neg.method.sequential.help": {
        "zh": "先集中还清利率最高的一家，其他平台每月只付少量象征性还款；还清一家后，钱转给下一家。",
        "en": "Clear the highest-rate lender first while the others get small token payments; once one is "
              "cleared, its money goes to the next."},
})
