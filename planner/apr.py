"""True annual cost of a loan by internal rate of return (IRR), and the cost flags.

A lender's quote can hide the cost: a "monthly fee rate" charged on the
*original* principal while the balance falls (a flat rate) costs about twice
what it looks like.  From the money actually received and every payment, the
monthly IRR ``i`` gives two annual figures:

* ``apr_pct`` — ``12 × i``: the annualised rate by IRR (the convention of
  Chinese regulators' "年化利率");
* ``effective_pct`` — ``(1 + i)^12 − 1``: the compounded effective annual rate.

>>> c = flat_fee_cost(12_000, 0.75, 12)
>>> round(c.effective_pct, 1), round(c.apr_pct, 1)
(17.5, 16.2)
>>> round(flat_fee_cost(12_000, 1.0, 12).effective_pct, 1)
23.7
>>> flag_cost(flat_fee_cost(10_000, 2.0, 12), "online_loan").over
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .i18n import register
from .models import DebtKind
from .negotiation.plan import Reason
from .negotiation.settings import NegotiationSettings, load_settings

_MAX_MONTHLY = 10.0      # 1000 % a month: beyond any real quote


class CostInputError(ValueError):
    """The schedule cannot have a rate: nothing received, no payments, or payments below what was received."""


@dataclass(frozen=True)
class TrueCost:
    amount_received: float     # the money that reached the borrower (after upfront fees)
    payments: tuple[float, ...]
    monthly_irr: float         # as a fraction (0.0135 = 1.35 % a month)

    @property
    def apr_pct(self) -> float:
        return self.monthly_irr * 1200

    @property
    def effective_pct(self) -> float:
        return ((1 + self.monthly_irr) ** 12 - 1) * 100

    @property
    def total_paid(self) -> float:
        return float(sum(self.payments))

    @property
    def total_cost(self) -> float:
        return self.total_paid - self.amount_received


def _npv(rate: float, received: float, payments: Sequence[float]) -> float:
    v, f = received, 1.0
    for p in payments:
        f /= 1 + rate
        v -= p * f
    return v


def monthly_irr(received: float, payments: Sequence[float]) -> float:
    """The monthly rate at which the payments are worth exactly the money received (bisection).

    >>> round(monthly_irr(1000, [1010]), 6)
    0.01
    """
    if not received > 0 or not payments or any((not math.isfinite(p)) or p < 0 for p in payments):
        raise CostInputError("need money received > 0 and a list of payments ≥ 0")
    if math.fsum(payments) < received * (1 - 1e-12) - 1e-9:      # relative: a float sum of 97 equal parts
        raise CostInputError(f"payments {sum(payments):.2f} are less than the amount received {received:.2f}")
    lo, hi = 0.0, 1.0
    while _npv(hi, received, payments) < 0:     # NPV rises with the rate
        hi *= 2
        if hi > _MAX_MONTHLY:
            raise CostInputError("the cost is beyond 1000 % a month")
    for _ in range(200):
        mid = (lo + hi) / 2
        if _npv(mid, received, payments) < 0:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-13:
            break
    return (lo + hi) / 2


def true_cost(amount_borrowed: float, payments: Sequence[float], *, upfront_fees: float = 0.0) -> TrueCost:
    """IRR of a schedule: ``amount_borrowed`` minus ``upfront_fees`` received, then monthly ``payments``."""
    received = float(amount_borrowed) - float(upfront_fees)
    pays = tuple(float(p) for p in payments)
    return TrueCost(received, pays, monthly_irr(received, pays))


def flat_fee_schedule(principal: float, monthly_fee_pct: float, months: int) -> list[float]:
    """Equal payments under a flat "monthly fee rate" charged on the original principal.

    >>> flat_fee_schedule(1200, 1, 12)[0]
    112.0
    """
    if months < 1:
        raise CostInputError("months must be at least 1")
    return [principal / months + principal * monthly_fee_pct / 100] * months


def flat_fee_cost(principal: float, monthly_fee_pct: float, months: int, *,
                  upfront_fees: float = 0.0) -> TrueCost:
    return true_cost(principal, flat_fee_schedule(principal, monthly_fee_pct, months), upfront_fees=upfront_fees)


def level_loan_cost(principal: float, annual_rate_pct: float, months: int, *,
                    upfront_fees: float = 0.0) -> TrueCost:
    """An equal-instalment loan at a nominal annual rate (monthly compounding)."""
    from .negotiation.schedule import annuity
    return true_cost(principal, [annuity(principal, annual_rate_pct, months)] * months,
                     upfront_fees=upfront_fees)


def nominal_cost(annual_rate_pct: float) -> TrueCost:
    """A plain nominal annual rate (e.g. a daily rate × 365), compounded monthly."""
    i = annual_rate_pct / 1200
    return TrueCost(1.0, (1 + i,), i)


@dataclass(frozen=True)
class CostFlag:
    """A cost compared with the cap that applies to the kind of lender."""

    kind: DebtKind
    apr_pct: float
    effective_pct: float
    threshold_pct: float | None
    threshold: str             # "licensed", "private" or "none"
    source_id: str | None
    level: str                 # "over", "over_compounded", "within", "no_threshold"
    reason: Reason

    @property
    def over(self) -> bool:
        return self.level in ("over", "over_compounded")

    @property
    def source_verified(self) -> bool:
        from .legal import get
        return bool(self.source_id) and get(self.source_id).verified

    def message(self, lang: str = "zh") -> str:
        return self.reason.render(lang)


_THRESHOLD_SOURCE = {"licensed": "licensed_cap_pct", "private": "private_cap_multiple"}


def flag_cost(cost: TrueCost | float, kind: DebtKind | str,
              settings: NegotiationSettings | None = None) -> CostFlag:
    """Compare a cost (a :class:`TrueCost` or a nominal annual percent) with the cap for ``kind``.

    Licensed lenders (platform and consumer-finance loans): 24 % a year; private
    loans: 4 × the one-year LPR at signing (courts do not protect the excess);
    credit cards: no cap (rates are set by contract since 2021).

    >>> f = flag_cost(36.0, "private_loan")
    >>> f.level, f.threshold_pct, f.source_id
    ('over', 12.0, 'spc_private_lending')
    >>> flag_cost(36.0, "credit_card").level
    'no_threshold'
    """
    settings = settings or load_settings()
    kind = DebtKind(kind)
    c = nominal_cost(float(cost)) if isinstance(cost, (int, float)) else cost
    which = settings.rule(kind).cost_threshold
    cap = settings.threshold_pct(kind)
    source = settings.numbers[_THRESHOLD_SOURCE[which]].source if which in _THRESHOLD_SOURCE else None
    apr, eff = round(c.apr_pct, 4), round(c.effective_pct, 4)
    if cap is None:
        level = "no_threshold"
    elif apr > cap + 1e-9:
        level = "over"
    elif eff > cap + 1e-9:
        level = "over_compounded"
    else:
        level = "within"
    params = (("kind", kind.value), ("apr_pct", apr), ("effective_pct", eff), ("cap_pct", cap),
              ("cap_source", source or "practice"))
    return CostFlag(kind, apr, eff, cap, which, source, level, Reason(f"neg.cost.{level}.{which}", params))


register({
    "neg.cost.no_threshold.none": {
        "zh": "年化成本（IRR）{apr_pct}，复利实际年化 {effective_pct}。{kind}没有统一的利率上限，以合同为准，但仍可据此请求降息。",
        "en": "Annual cost by IRR {apr_pct}, compounded {effective_pct} a year. There is no common cap for "
              "{kind}; the contract decides, but the figure still supports a request for a lower rate."},
    "neg.cost.within.licensed": {
        "zh": "年化成本（IRR）{apr_pct}，复利实际年化 {effective_pct}，不高于 {cap_pct}。",
        "en": "Annual cost by IRR {apr_pct}, compounded {effective_pct}: not above {cap_pct}."},
    "neg.cost.over.licensed": {
        "zh": "年化成本（IRR）{apr_pct}，复利实际年化 {effective_pct}，高于{cap_pct}，可请求调整。"
              "{cap_pct}是对部分持牌机构新发放贷款的监管要求，不适用于普通银行贷款和此前发放的贷款，"
              "因此只能作为协商理由，不是法定上限。来源：{cap_source}。",
        "en": "Annual cost by IRR {apr_pct}, compounded {effective_pct}: above {cap_pct}; ask for an adjustment. "
              "{cap_pct} is a supervisory expectation for new loans of some licensed lenders, not for ordinary bank "
              "loans or older loans: a negotiation argument, not a legal cap. Source: {cap_source}."},
    "neg.cost.over_compounded.licensed": {
        "zh": "年化成本（IRR）{apr_pct} 不高于 {cap_pct}，但按复利计算的实际年化 {effective_pct} 高于{cap_pct}。"
              "可作为协商理由，但说服力较弱。",
        "en": "Annual cost by IRR {apr_pct} is not above {cap_pct}, but compounded it is {effective_pct}, above it. "
              "A weaker argument, still worth raising."},
    "neg.cost.within.private": {
        "zh": "年化利率 {apr_pct}，不高于借款时一年期LPR的四倍，按 {cap_pct} 估算，请按借款时的一年期LPR核实。依据：{cap_source}。",
        "en": "Annual rate {apr_pct}: not above four times the one-year LPR at the time of the loan, estimated at "
              "{cap_pct}; check it against the LPR of the loan's month. Source: {cap_source}."},
    "neg.cost.over.private": {
        "zh": "年化利率 {apr_pct} 高于借款时一年期LPR的四倍，按 {cap_pct} 估算，请按借款时的一年期LPR核实；"
              "超出部分的利息法院不予支持。依据：{cap_source}。",
        "en": "Annual rate {apr_pct} is above four times the one-year LPR at the time of the loan, estimated at "
              "{cap_pct} (check it against the LPR of the loan's month); courts do not support the interest above "
              "it. Source: {cap_source}."},
    "neg.cost.over_compounded.private": {
        "zh": "年化利率 {apr_pct} 不高于 {cap_pct}，但按复利计算为 {effective_pct}，高于四倍LPR的估算值。依据：{cap_source}。",
        "en": "Annual rate {apr_pct} is not above {cap_pct}, but compounded it is {effective_pct}, above the "
              "estimate of four times the LPR. Source: {cap_source}."},
    "neg.cost.flat_explainer": {
        "zh": "“月费率”按最初借款本金收取，而本金每月都在减少：月费率0.75%、分12期，实际年化约17.5%；月费率1%约23.7%。",
        "en": "A “monthly fee rate” is charged on the original principal although the balance falls every month: "
              "0.75 %/month flat over 12 months ≈ 17.5 % per year effective; 1 %/month ≈ 23.7 %."},
})
