"""Simulation results: totals, per-debt outcomes and the monthly series."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .models import Debt

if TYPE_CHECKING:
    import pandas as pd


def cents(x: float) -> float:
    """Round money to cents for output (``-0.0`` becomes ``0.0``)."""
    v = round(float(x), 2)
    return 0.0 if v == 0 else v


@dataclass(frozen=True)
class DebtOutcome:
    name: str
    payoff_month: int | None
    months_in_arrears: int
    paid: float
    interest: float
    penalty_interest: float
    fees: float
    final_balance: float

    def to_dict(self) -> dict[str, object]:
        """The model's per-debt output keys, money rounded to cents."""
        return {"name": self.name, "payoff_month": self.payoff_month,
                "months_in_arrears": self.months_in_arrears, "paid": cents(self.paid),
                "interest": cents(self.interest), "fees": cents(self.fees)}


@dataclass(frozen=True)
class MonthlySeries:
    """Month-by-month arrays of shape ``(months, debts)``; ``budget`` is ``(months,)``."""

    names: tuple[str, ...]
    balance: np.ndarray
    payment: np.ndarray
    interest: np.ndarray
    fee: np.ndarray
    arrears: np.ndarray
    budget: np.ndarray

    @property
    def months(self) -> int:
        return int(self.balance.shape[0])

    @property
    def total_balance(self) -> np.ndarray:
        return self.balance.sum(axis=1)

    @property
    def accounts_in_arrears(self) -> np.ndarray:
        return (self.arrears > 0).sum(axis=1)

    @property
    def unspent(self) -> np.ndarray:
        return self.budget - self.payment.sum(axis=1)

    def frame(self) -> "pd.DataFrame":
        """Long table: one row per month and debt (month, name, balance, payment, interest, fee, arrears)."""
        import pandas as pd  # only when a table is wanted (keeps the CLI batch start-up light)

        T, N = self.balance.shape
        return pd.DataFrame({
            "month": np.repeat(np.arange(1, T + 1), N),
            "name": np.tile(np.array(self.names, dtype=object), T),
            "payment": self.payment.ravel().round(2),
            "interest": self.interest.ravel().round(2),
            "fee": self.fee.ravel().round(2),
            "balance": self.balance.ravel().round(2),
            "arrears": self.arrears.ravel().round(2),
        })


@dataclass(frozen=True)
class SimulationResult:
    """What one strategy does to one portfolio (docs/model.md, Outputs)."""

    strategy: str
    debts: tuple[Debt, ...]
    months_to_debt_free: int | None
    months_run: int
    total_paid: float
    total_interest: float
    total_penalty_interest: float
    total_fees: float
    unspent: float
    remaining_balance: float
    outcomes: tuple[DebtOutcome, ...]
    series: MonthlySeries | None = field(default=None, repr=False, compare=False)

    @property
    def debt_free(self) -> bool:
        return self.months_to_debt_free is not None

    @property
    def total_cost(self) -> float:
        """Interest (penalty interest included) plus fees: what the debts cost beyond the principal."""
        return self.total_interest + self.total_fees

    @property
    def starting_balance(self) -> float:
        return float(sum(d.balance for d in self.debts))

    @property
    def months_in_arrears(self) -> int:
        """Months in which at least one account ended in arrears."""
        if self.series is not None:
            return int((self.series.accounts_in_arrears > 0).sum())
        return max((o.months_in_arrears for o in self.outcomes), default=0)

    @property
    def account_months_in_arrears(self) -> int:
        return sum(o.months_in_arrears for o in self.outcomes)

    def to_dict(self) -> dict[str, object]:
        """Exactly the model's output keys, money rounded to cents."""
        return {
            "months_to_debt_free": self.months_to_debt_free,
            "total_paid": cents(self.total_paid),
            "total_interest": cents(self.total_interest),
            "total_fees": cents(self.total_fees),
            "unspent": cents(self.unspent),
            "remaining_balance": cents(self.remaining_balance),
            "debts": [o.to_dict() for o in self.outcomes],
        }

    def schedule(self) -> "pd.DataFrame":
        if self.series is None:
            raise ValueError("this result was computed without its monthly series")
        return self.series.frame()
