"""The month-by-month repayment engine (docs/model.md, normative).

The core, :func:`run_batch`, simulates ``P`` portfolios of up to ``N`` debts at
once on ``(P, N)`` numpy arrays: one Python iteration per *month*, never per
debt or per portfolio.  Portfolios that finish drop out of the active set, so a
batch costs what its longest-running portfolio costs.

Columns are kept in each portfolio's priority order, which turns "pay the dues
in order, each ``min(due, money left)``" into a clipped cumulative sum:
``p_i = clip(B - Σ_{j<i} due_j, 0, due_i)``.  Padding columns (portfolios with
fewer debts) have a zero balance and stay closed.

No rounding happens here; callers round outputs to cents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CLOSE_EPS = 0.005      # a balance at or below half a cent is paid off
SHORTFALL_EPS = 0.005  # a shortfall above half a cent puts the debt in arrears


@dataclass
class BatchInput:
    """Arrays for ``P`` portfolios × ``N`` debt slots, columns in priority order.

    Money in yuan, rates in annual percent, ``min_pct`` and ``late_fee_pct`` in
    percent.  ``budget`` is ``(P, L)``; row ``p`` uses its first ``budget_len[p]``
    entries and repeats the last one.  ``extra[p]`` is False for the
    ``minimum`` strategy (dues only); ``spread`` selects proportional allocation
    for the whole batch.
    """

    balance: np.ndarray
    rate: np.ndarray
    penalty_rate: np.ndarray
    min_payment: np.ndarray
    min_pct: np.ndarray
    late_fee_pct: np.ndarray
    arrears: np.ndarray
    budget: np.ndarray
    budget_len: np.ndarray
    horizon: np.ndarray
    extra: np.ndarray
    spread: bool = False


@dataclass
class BatchOutput:
    """Per-debt totals ``(P, N)``, per-portfolio totals ``(P,)`` and, when asked for,
    the monthly series ``(P, T, N)`` (``T`` = months simulated by the longest row;
    a row's months after it stopped are zero)."""

    paid: np.ndarray
    interest: np.ndarray
    penalty_interest: np.ndarray
    fees: np.ndarray
    payoff_month: np.ndarray        # int, 0 = not paid off within the horizon
    months_in_arrears: np.ndarray   # int
    final_balance: np.ndarray
    months_to_debt_free: np.ndarray  # int, 0 = not debt-free within the horizon
    months_run: np.ndarray           # int, months simulated for the row
    unspent: np.ndarray
    series: dict[str, np.ndarray] | None = None


_SERIES = ("balance", "payment", "interest", "fee", "arrears")


def run_batch(inp: BatchInput, record: bool = False) -> BatchOutput:
    bal = np.array(inp.balance, dtype=float)
    P, N = bal.shape
    rate = np.asarray(inp.rate, dtype=float)
    pen = np.asarray(inp.penalty_rate, dtype=float)
    mp = np.asarray(inp.min_payment, dtype=float)
    mpct = np.asarray(inp.min_pct, dtype=float) / 100
    lf = np.asarray(inp.late_fee_pct, dtype=float) / 100
    arr = np.array(inp.arrears, dtype=float)
    budget = np.asarray(inp.budget, dtype=float)
    blen = np.asarray(inp.budget_len, dtype=np.int64)
    horizon = np.asarray(inp.horizon, dtype=np.int64)
    extra = np.asarray(inp.extra, dtype=bool)

    out = BatchOutput(
        paid=np.zeros((P, N)), interest=np.zeros((P, N)), penalty_interest=np.zeros((P, N)),
        fees=np.zeros((P, N)), payoff_month=np.zeros((P, N), dtype=np.int64),
        months_in_arrears=np.zeros((P, N), dtype=np.int64), final_balance=np.zeros((P, N)),
        months_to_debt_free=np.zeros(P, dtype=np.int64), months_run=np.zeros(P, dtype=np.int64),
        unspent=np.zeros(P),
    )
    hmax = int(horizon.max()) if P else 0
    series = {k: np.zeros((P, hmax, N)) for k in _SERIES} if record else None

    rows = np.arange(P)                      # original row of each active row
    acc_paid = np.zeros((P, N)); acc_int = np.zeros((P, N)); acc_pen = np.zeros((P, N))
    acc_fee = np.zeros((P, N)); acc_arrm = np.zeros((P, N), dtype=np.int64)
    payoff = np.zeros((P, N), dtype=np.int64); acc_unspent = np.zeros(P)
    any_extra = bool(extra.any())

    t = 0
    while rows.size and t < hmax:
        t += 1
        b = budget[rows, np.minimum(t, blen[rows]) - 1]
        open_ = bal > 0
        in_arrears = arr > 0
        # 1. accrue
        interest = bal * np.where(in_arrears, pen, rate) / 1200
        bal = bal + interest
        # 2. due
        due = np.minimum(bal, arr + np.maximum(mp, mpct * bal))
        # allocate
        if inp.spread:
            pay = _allocate_spread(b, bal, due)
        else:
            before = np.cumsum(due, axis=1) - due
            pay = np.minimum(np.maximum(b[:, None] - before, 0.0), due)
            if any_extra:
                left = b - pay.sum(axis=1)
                rem = bal - pay
                before = np.cumsum(rem, axis=1) - rem
                more = np.minimum(np.maximum(left[:, None] - before, 0.0), rem)
                pay = pay + np.where(extra[:, None], more, 0.0)
        # 3. settle
        bal = bal - pay
        short = due - pay
        late = short > SHORTFALL_EPS
        fee = np.where(late, lf * short, 0.0)
        bal = bal + fee
        arr = np.where(late, short, 0.0)
        closed = open_ & (bal <= CLOSE_EPS)
        if closed.any():
            bal = np.where(closed, 0.0, bal)
            arr = np.where(closed, 0.0, arr)
            payoff[closed] = t
        acc_paid += pay
        acc_int += interest
        acc_pen += np.where(in_arrears, interest, 0.0)
        acc_fee += fee
        acc_arrm += arr > 0
        acc_unspent += b - pay.sum(axis=1)
        if series is not None:
            for key, val in zip(_SERIES, (bal, pay, interest, fee, arr)):
                series[key][rows, t - 1] = val

        done = ~(bal > 0).any(axis=1)
        finished = done | (horizon[rows] <= t)
        if finished.any():
            fin = rows[finished]
            out.paid[fin] = acc_paid[finished]; out.interest[fin] = acc_int[finished]
            out.penalty_interest[fin] = acc_pen[finished]; out.fees[fin] = acc_fee[finished]
            out.payoff_month[fin] = payoff[finished]; out.months_in_arrears[fin] = acc_arrm[finished]
            out.final_balance[fin] = bal[finished]; out.unspent[fin] = acc_unspent[finished]
            out.months_run[fin] = t
            out.months_to_debt_free[fin] = np.where(done[finished], t, 0)
            keep = ~finished
            rows = rows[keep]
            bal, arr = bal[keep], arr[keep]
            rate, pen, mp, mpct, lf = rate[keep], pen[keep], mp[keep], mpct[keep], lf[keep]
            extra = extra[keep]
            acc_paid, acc_int, acc_pen, acc_fee = acc_paid[keep], acc_int[keep], acc_pen[keep], acc_fee[keep]
            acc_arrm, payoff, acc_unspent = acc_arrm[keep], payoff[keep], acc_unspent[keep]

    if rows.size:  # only when hmax == 0 (nothing simulated)
        out.final_balance[rows] = bal
    if series is not None:
        tmax = int(out.months_run.max()) if P else 0
        out.series = {k: v[:, :tmax] for k, v in series.items()}
    return out


def _allocate_spread(b: np.ndarray, bal: np.ndarray, due: np.ndarray) -> np.ndarray:
    """``spread``: dues first (pro rata when short), the rest pro rata to what remains."""
    total_due = due.sum(axis=1)
    rem = bal - due
    total_rem = rem.sum(axis=1)
    covers = b >= total_due
    extra = b - total_due
    with np.errstate(divide="ignore", invalid="ignore"):
        short_pay = np.where(total_due[:, None] > 0, b[:, None] * due / total_due[:, None], 0.0)
        shared = np.where(total_rem[:, None] > 0, due + extra[:, None] * rem / total_rem[:, None], due)
    full = (extra >= total_rem)[:, None]
    ok_pay = np.where(full, bal, shared)
    return np.where(covers[:, None], ok_pay, short_pay)
