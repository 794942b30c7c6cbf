"""Debt repayment negotiation planner: the domain package.

It never imports streamlit; the dashboard (``ui/``) and the CLI call only the
names exported here.

>>> from planner import Debt, simulate
>>> simulate([Debt("借呗", balance=1000, annual_rate=12, min_payment=100)], 100, "minimum").months_to_debt_free
11
"""

from .agreements import Agreement, agreements_from_negotiation, apply_agreements
from .budget import EXPENSE_CATEGORIES, BudgetPlan, IncomeShock
from .compare import BudgetCheck, Comparison, budget_check, compare
from .csv_io import CsvImport, cell_text, read_debts_csv, write_debts_csv
from .explain import explain, plan_month_date, portfolio_totals, schedule_csv, schedule_table
from .i18n import LANGS, format_date, format_money, format_month, format_months, format_pct, t
from .models import (Budget, Debt, DebtKind, InvalidInput, PlannerError, UnknownStrategy,
                     ValidationIssue, column_label)
from .month import MonthItem, MonthPlan, this_month
from .parsing import debt_to_record, debts_from_records, parse_amount, parse_debt_rows, parse_percent
from .results import DebtOutcome, MonthlySeries, SimulationResult
from .simulate import Case, make_case, simulate, simulate_many
from .strategies import STRATEGIES, Strategy, get_strategy, strategy_names
from .workspace import Workspace, WorkspaceFormatError

__all__ = sorted([
    "Agreement", "MonthItem", "MonthPlan", "agreements_from_negotiation", "apply_agreements", "this_month",
    "Budget", "BudgetCheck", "BudgetPlan", "Case", "Comparison", "CsvImport", "Debt", "DebtKind",
    "DebtOutcome", "EXPENSE_CATEGORIES", "IncomeShock", "InvalidInput", "LANGS", "MonthlySeries",
    "PlannerError", "STRATEGIES", "SimulationResult", "Strategy", "UnknownStrategy",
    "ValidationIssue", "budget_check", "build_pdf", "cell_text", "column_label", "compare", "debt_to_record",
    "debts_from_records", "explain", "format_date", "format_money", "format_month", "format_months",
    "format_pct", "get_strategy", "make_case", "parse_amount", "parse_debt_rows", "parse_percent",
    "plan_month_date", "portfolio_totals", "read_debts_csv", "schedule_csv", "schedule_table",
    "simulate", "simulate_many", "strategy_names", "t", "Workspace", "WorkspaceFormatError", "write_debts_csv",
])


def __getattr__(name: str):
    """Lazy exports: ``build_pdf`` loads the PDF stack (fpdf2, fontTools, matplotlib) only when used."""
    if name == "build_pdf":
        from .report import build_pdf
        return build_pdf
    raise AttributeError(f"module 'planner' has no attribute {name!r}")
