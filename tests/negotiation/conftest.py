"""Shared fixtures: the sample portfolio and a fixed first-payment date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planner import read_debts_csv

ROOT = Path(__file__).resolve().parents[2]
START = date(2027, 1, 10)


@pytest.fixture(scope="session")
def sample_debts():
    imp = read_debts_csv(ROOT / "sample_debts.csv")
    assert imp.ok
    return tuple(imp.debts)
