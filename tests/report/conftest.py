"""Shared fixtures: the sample portfolio's PDFs are built once per session (each build takes ~1–2 s)."""

from __future__ import annotations

from datetime import date

import pytest

from planner.report import build_pdf
from tests.report.helpers import sample_debts

TODAY = date(2026, 12, 1)
BUDGET = 6000


@pytest.fixture(scope="session")
def pdf_zh() -> bytes:
    return build_pdf(sample_debts(), BUDGET, lang="zh", strategy="avalanche", today=TODAY,
                     profile={"name": "张三丰"})


@pytest.fixture(scope="session")
def pdf_en() -> bytes:
    return build_pdf(sample_debts(), BUDGET, lang="en", strategy="snowball", method="pro_rata", today=TODAY)
