"""An independent, deliberately naive implementation of docs/model.md.

Written from the model text alone, with plain Python floats and dicts, one debt
at a time, so that the production engine (numba kernel over arrays, plus the
batch fast path) can be checked against it to the cent.  It shares no code with
``planner`` — not even the priority orders or the defaults.
"""

from __future__ import annotations

import math


def _defaults(d: dict) -> dict:
    d = dict(d)
    if d.get("annual_rate") is None:
        d["annual_rate"] = d["daily_rate"] * 365
    d.setdefault("min_payment_pct", 0.0)
    d.setdefault("late_fee_pct", 0.0)
    d.setdefault("overdue_days", 0)
    if d.get("penalty_rate") is None:
        d["penalty_rate"] = 1.5 * d["annual_rate"]
    if d.get("arrears") is None:
        d["arrears"] = min(d["balance"], d["min_payment"] * math.ceil(d["overdue_days"] / 30))
    return d


def _priority(debts: list[dict], strategy: str, order: list[str]) -> list[int]:
    idx = list(range(len(debts)))
    if strategy == "avalanche":
        return sorted(idx, key=lambda i: (-debts[i]["annual_rate"], debts[i]["balance"], i))
    if strategy == "snowball":
        return sorted(idx, key=lambda i: (debts[i]["balance"], -debts[i]["annual_rate"], i))
    if strategy == "custom":
        named = []
        for name in order:
            for i in idx:
                if debts[i]["name"] == name and i not in named:
                    named.append(i)
        return named + [i for i in idx if i not in named]
    return idx


def reference_simulate(raw_debts: list[dict], budget, strategy: str, order=(), horizon: int = 600) -> dict:
    debts = [_defaults(d) for d in raw_debts]
    n = len(debts)
    budgets = list(budget) if isinstance(budget, (list, tuple)) else [budget]
    state = [{"balance": d["balance"], "arrears": d["arrears"], "paid": 0.0, "interest": 0.0, "fees": 0.0,
              "payoff": None, "arr_months": 0} for d in debts]
    prio = _priority(debts, strategy, list(order))
    unspent = 0.0
    debt_free = None
    for t in range(1, horizon + 1):
        B = budgets[t - 1] if t <= len(budgets) else budgets[-1]
        due = [0.0] * n
        for i, (d, s) in enumerate(zip(debts, state)):
            if s["balance"] > 0:
                r = d["penalty_rate"] if s["arrears"] > 0 else d["annual_rate"]
                interest = s["balance"] * r / 1200
                s["balance"] += interest
                s["interest"] += interest
                due[i] = min(s["balance"], s["arrears"] + max(d["min_payment"], d["min_payment_pct"] / 100 * s["balance"]))
        pay = [0.0] * n
        if strategy == "spread":
            total_due = sum(due)
            if B >= total_due:
                E = B - total_due
                rest = [s["balance"] - due[i] for i, s in enumerate(state)]
                if E >= sum(rest):
                    pay = [s["balance"] for s in state]
                else:
                    pay = [due[i] + E * rest[i] / sum(rest) for i in range(n)]
            else:
                pay = [B * due[i] / total_due for i in range(n)]
        else:
            seq = list(range(n)) if strategy == "minimum" else prio
            money = B
            for i in seq:
                pay[i] = min(due[i], money)
                money -= pay[i]
            if strategy != "minimum":
                for i in seq:
                    extra = min(state[i]["balance"] - pay[i], money)
                    if extra > 0:
                        pay[i] += extra
                        money -= extra
        unspent += B - sum(pay)
        for i, (d, s) in enumerate(zip(debts, state)):
            was_open = s["balance"] > 0
            s["balance"] -= pay[i]
            s["paid"] += pay[i]
            shortfall = due[i] - pay[i]
            if shortfall > 0.005:
                fee = d["late_fee_pct"] / 100 * shortfall
                s["balance"] += fee
                s["fees"] += fee
                s["arrears"] = shortfall
            else:
                s["arrears"] = 0.0
            if was_open and s["balance"] <= 0.005:
                s["balance"] = 0.0
                s["arrears"] = 0.0
                s["payoff"] = t
            if s["arrears"] > 0:
                s["arr_months"] += 1
        if all(s["balance"] <= 0 for s in state):
            debt_free = t
            break

    def c(x):
        return round(x, 2) + 0.0

    return {
        "months_to_debt_free": debt_free,
        "total_paid": c(sum(s["paid"] for s in state)),
        "total_interest": c(sum(s["interest"] for s in state)),
        "total_fees": c(sum(s["fees"] for s in state)),
        "unspent": c(unspent),
        "remaining_balance": c(sum(s["balance"] for s in state)),
        "debts": [{"name": d["name"], "payoff_month": s["payoff"], "months_in_arrears": s["arr_months"],
                   "paid": c(s["paid"]), "interest": c(s["interest"]), "fees": c(s["fees"])}
                  for d, s in zip(debts, state)],
    }
