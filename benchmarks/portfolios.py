"""Reproducible random portfolios for benchmarks and tests (seeded, realistic ranges)."""

from __future__ import annotations

import random

KINDS = ["credit_card", "online_loan", "consumer_finance", "bank_loan", "private_loan", "other"]


def random_debt(rng: random.Random, i: int) -> dict:
    kind = rng.choice(KINDS)
    balance = round(rng.uniform(500, 60_000), 2)
    rate = round(rng.choice([rng.uniform(0, 36), 18.25, 14.6, 23.5]), 3)
    d = {"name": f"debt{i}", "kind": kind, "balance": balance, "annual_rate": rate}
    if kind == "credit_card":
        d["min_payment"] = 0
        d["min_payment_pct"] = 10
        d["late_fee_pct"] = 5
    else:
        d["min_payment"] = round(balance / rng.choice([6, 12, 24, 36]), 2)
    if rng.random() < 0.25:
        d["overdue_days"] = rng.choice([15, 45, 90])
    return d


def random_case(rng: random.Random, n_debts: int, case_id: str) -> dict:
    debts = [random_debt(rng, i) for i in range(n_debts)]
    dues = sum(d["min_payment"] or d["balance"] * 0.1 for d in debts)
    budget = round(dues * rng.uniform(0.6, 1.6), 2)
    case = {"id": case_id, "debts": debts, "budget": budget,
            "strategy": rng.choice(["avalanche", "snowball", "spread", "minimum"])}
    if rng.random() < 0.1:
        case["budget"] = [budget] * 3 + [budget * 0.5] * 6 + [budget]
    return case
