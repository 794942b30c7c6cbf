"""Shared sample data for the storage tests."""

from __future__ import annotations

from datetime import date

from planner import Debt, simulate
from planner.storage import PlanSummary, Repository

CLIENT_NAME = "王秀英"          # a name that must never leak into logs or a deleted database file


def debts_v1() -> list[Debt]:
    return [Debt("借呗", balance=12_000, annual_rate=18.25, min_payment=1_100, kind="online_loan"),
            Debt("花呗", balance=3_000, annual_rate=14.6, min_payment=300, kind="online_loan"),
            Debt("招商银行信用卡", balance=20_000, annual_rate=18, min_payment=1_000, kind="credit_card",
                 overdue_days=40, notes=f"{CLIENT_NAME}本人办理")]


def debts_v2() -> list[Debt]:
    # 花呗 paid off, 借呗 lower, 信用卡 accepted a lower rate, a new private loan
    return [Debt("借呗", balance=9_500, annual_rate=18.25, min_payment=1_100, kind="online_loan"),
            Debt("招商银行信用卡", balance=20_000, annual_rate=6, min_payment=800, kind="credit_card",
                 notes=f"{CLIENT_NAME}本人办理"),
            Debt("亲戚借款", balance=5_000, annual_rate=0, min_payment=500, kind="private_loan")]


def save_plan(repo: Repository, client_id: int, debts: list[Debt], budget: float, strategy: str,
              label: str, start: date = date(2025, 3, 1), **kwargs) -> int:
    result = simulate(debts, budget, strategy)
    return repo.save_plan_version(client_id, debts=debts, budget={"monthly": [budget]}, strategy=strategy,
                                  label=label, summary=PlanSummary.from_result(result, start), **kwargs)
