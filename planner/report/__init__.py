"""The repayment plan as a PDF (fpdf2, Noto Sans CJK SC embedded and subset).

>>> from datetime import date
>>> from planner import Debt
>>> from planner.report import build_pdf
>>> pdf = build_pdf([Debt("借呗", balance=6000, annual_rate=18, min_payment=600)], 1000,
...                 lang="en", today=date(2026, 12, 1))
>>> pdf[:5]
b'%PDF-'
"""

from .pdf import SECTIONS, build_pdf, render

__all__ = ["SECTIONS", "build_pdf", "render"]
