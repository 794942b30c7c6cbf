"""Every session-state key of the dashboard, and the widgets that own them.

Only inputs live in session state (what the user typed or chose); anything
derived from them is recomputed (and cached in ui/cached.py).

The public interface other pages build on (names are stable):

* :func:`lang` — ``"zh"`` (default) or ``"en"``;
* :func:`get_debts` — the portfolio parsed from the table the user edits,
  ``(debts, issues)``; the raw rows as typed stay in session state, so bad input
  is kept and shown back, and bad rows are simply not in ``debts``;
* :func:`set_debts` — replace the table (e.g. a saved client is loaded);
* :func:`get_budget` — the monthly :class:`planner.Budget` (a list when an income shock is set);
* :func:`get_budget_plan` / :func:`set_budget_plan` — the household budget behind it.

Keys
----
``lang``                      the language radio (sidebar)
``debts.rows``                list of raw rows ``{field: text as typed}`` (canonical field names)
``debts.version``             bumped when the rows are replaced from outside the editor, so the
                              editor widget (``debts.editor.<version>``) starts afresh
``debts.base``                the rows the editor was mounted with (its edits are relative to them)
``debts.upload``              the CSV file uploader; ``debts.import`` what the last import reported
``budget.plan``               the :class:`planner.BudgetPlan`
``budget.version``            bumped by :func:`set_budget_plan`; budget widgets are keyed on it
``compare.strategy``          the strategy chosen for the detail charts
``rights.incidents``          the incident log: list of ``planner.rights.Incident.to_record()`` dicts
                              (see :func:`get_incident_records` / :func:`set_incident_records`)
``rights.form.*``, ``rights.edit``, ``rights.import``, ``rights.draft.*``  the rights page's widgets
``clients.open_id``, ``clients.open_version``  the open client and its version when loaded
``clients.w.*``               the clients page's widgets
``auth.ok``, ``auth.*``       the password gate (ui/auth.py)
``negotiate.*``                the negotiation page's widgets (see the NEG_* constants)
``report.*``                  the PDF export page's widgets (ui/pages/report.py, prefix REPORT)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import streamlit as st

import ui.text.shell  # noqa: F401  (registers the shell's texts)
from planner import (Budget, BudgetPlan, Debt, ValidationIssue, cell_text, debt_to_record,
                     parse_debt_rows, read_debts_csv)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CSV = ROOT / "sample_debts.csv"

LANG = "lang"
DEBT_ROWS = "debts.rows"
DEBT_VERSION = "debts.version"
DEBT_BASE = "debts.base"
DEBT_UPLOAD = "debts.upload"
DEBT_IMPORT = "debts.import"
BUDGET_PLAN = "budget.plan"
BUDGET_VERSION = "budget.version"
COMPARE_STRATEGY = "compare.strategy"
COMPARE_ORDER = "compare.order"
# rights page (ui/pages/rights.py): the incident log as Incident.to_record() dicts, the form's widget
# prefix, the id being edited, the last CSV import report, the drafts' signer fields
RIGHTS_INCIDENTS = "rights.incidents"
RIGHTS_FORM = "rights.form"
RIGHTS_EDIT = "rights.edit"
RIGHTS_IMPORT = "rights.import"
RIGHTS_DRAFT = "rights.draft"
# clients page (ui/pages/clients.py): the open client and the version it had when loaded (every write
# passes it, so a change made meanwhile in another session is a conflict, not an overwrite); widget prefix
CLIENT_ID = "clients.open_id"
CLIENT_VERSION = "clients.open_version"
CLIENT_FORM = "clients.w"
# password gate (ui/auth.py): only whether the password was given is kept, never the password
AUTH_OK = "auth.ok"
AUTH_FORM = "auth.form"
AUTH_INPUT = "auth.password"
AUTH_LOGOUT = "auth.logout"
# negotiation page (ui/pages/negotiate.py): method, first payment date, the hand-adjustment editor (keyed on
# its version, bumped by "reset"), the what-if lender, the letters' lender/language, borrower profile and
# APR calculator widget prefixes
NEG_METHOD = "negotiate.method"
NEG_START = "negotiate.start"
NEG_EDITOR_VERSION = "negotiate.editor_version"
NEG_EDITOR = "negotiate.editor"
NEG_REFUSED = "negotiate.refused"
NEG_LENDER = "negotiate.lender"
NEG_LETTER_LANG = "negotiate.letter_lang"
NEG_PROFILE = "negotiate.profile"
NEG_APR = "negotiate.apr"
# PDF export page (ui/pages/report.py): widget prefix (f"{REPORT}.lang", ".date", ".strategy", ".method",
# ".name", ".pseudonymise", ".incidents", ".download"); it reads NEG_PROFILE/NEG_METHOD/NEG_START as defaults
REPORT = "report"

# The raw table's columns (canonical field names, MODEL.md + the CSV's daily rate and notes).
DEBT_COLUMNS: tuple[str, ...] = ("name", "kind", "balance", "annual_rate", "daily_rate", "min_payment",
                                 "min_payment_pct", "penalty_rate", "late_fee_pct", "overdue_days", "arrears",
                                 "official_channel", "notes", "assumed")
# "assumed": plain text "annual_rate=18.25;min_payment_pct=10" — the values filled in for "不知道"
# (planner.parsing.assume_unknowns / assumed_fields); the debt cards (ui/debt_cards.py) write it
DEBT_VIEW = "debts.view"            # the debts page's entry view: "cards" (default, phone) or "table"

SAMPLE_PLAN = BudgetPlan(income=15_000, expenses={"rent": 2_800, "food": 1_500, "transport": 400,
                                                  "dependants": 800, "medical": 200, "other": 300},
                         buffer=500)


# --------------------------------------------------------------------------- language

def lang() -> str:
    """The user's language: ``"zh"`` (default) or ``"en"`` (``?lang=en`` in the URL sets the start value)."""
    if LANG not in st.session_state:
        wanted = st.query_params.get("lang", "zh")
        st.session_state[LANG] = "en" if wanted == "en" else "zh"
    return st.session_state[LANG]


def language_selector() -> None:
    from planner import t
    st.radio(t("shell.language", lang()), options=["zh", "en"], key=LANG, horizontal=True,
             format_func=lambda code: {"zh": "中文", "en": "English"}[code])


# --------------------------------------------------------------------------- debts

@lru_cache(maxsize=256)
def _kind_code(text: str) -> str:
    """The kind's code (``credit_card`` …) for any spelling the parser accepts (网贷, 消费金融, card …);
    text it does not recognise is returned unchanged (and reported by the validation)."""
    probe = {"name": "probe", "kind": text, "balance": "1", "annual_rate": "0", "min_payment": "0"}
    debts, _ = parse_debt_rows([probe])
    return debts[0].kind.value if debts and text.strip() else text


def normalize_row(row: Mapping[str, object]) -> dict[str, str]:
    """A raw row with every column as text; a recognised kind becomes its code (for the select box)."""
    out = {c: cell_text(row.get(c)) for c in DEBT_COLUMNS}
    out["kind"] = _kind_code(out["kind"])
    return out


def _ensure_debts() -> None:
    if DEBT_ROWS not in st.session_state:
        st.session_state[DEBT_ROWS] = [normalize_row(r) for r in read_debts_csv(SAMPLE_CSV).rows]
        st.session_state[DEBT_VERSION] = 0


def debt_rows() -> list[dict[str, str]]:
    """The table as the user typed it (a copy)."""
    _ensure_debts()
    return [dict(r) for r in st.session_state[DEBT_ROWS]]


def set_debt_rows(rows: Sequence[Mapping[str, object]], *, reset_editor: bool = True) -> None:
    """Replace the raw rows (upload, sample, start empty); the editor restarts from them."""
    _ensure_debts()
    st.session_state[DEBT_ROWS] = [normalize_row(r) for r in rows]
    if reset_editor:
        st.session_state[DEBT_VERSION] += 1


def debt_editor_key() -> str:
    _ensure_debts()
    return f"debts.editor.{st.session_state[DEBT_VERSION]}"


def debt_editor_base() -> list[dict[str, str]]:
    """The rows the editor shows; fixed while the editor widget lives (its edits are deltas on them)."""
    if debt_editor_key() not in st.session_state or DEBT_BASE not in st.session_state:
        st.session_state[DEBT_BASE] = debt_rows()
    return st.session_state[DEBT_BASE]


def get_debts() -> tuple[list[Debt], list[ValidationIssue]]:
    """The portfolio from the current table: ``(debts, issues)``; rows with errors are left out."""
    return parse_debt_rows(debt_rows())


def set_debts(debts: Sequence[Debt]) -> None:
    """Replace the table with these debts (e.g. a saved client)."""
    set_debt_rows([debt_to_record(d) for d in debts])


def load_sample() -> None:
    set_debt_rows(read_debts_csv(SAMPLE_CSV).rows)
    set_budget_plan(SAMPLE_PLAN)


def start_empty() -> None:
    set_debt_rows([])
    set_budget_plan(BudgetPlan(income=0.0))


# --------------------------------------------------------------------------- budget

def get_budget_plan() -> BudgetPlan:
    if BUDGET_PLAN not in st.session_state:
        st.session_state[BUDGET_PLAN] = SAMPLE_PLAN
        st.session_state[BUDGET_VERSION] = 0
    return st.session_state[BUDGET_PLAN]


def set_budget_plan(plan: BudgetPlan, *, reset_widgets: bool = True) -> None:
    """Replace the budget plan; the budget page's widgets restart from it."""
    get_budget_plan()
    st.session_state[BUDGET_PLAN] = plan
    if reset_widgets:
        st.session_state[BUDGET_VERSION] += 1


def budget_widget_key(name: str) -> str:
    get_budget_plan()
    return f"budget.w{st.session_state[BUDGET_VERSION]}.{name}"


def get_budget(horizon: int | None = None) -> Budget:
    """The money available for debt each month (a list when an income shock is set)."""
    plan = get_budget_plan()
    return plan.to_budget() if horizon is None else plan.to_budget(horizon)


# --------------------------------------------------------------------------- incident log (rights page)

def get_incident_records() -> list[dict]:
    """The collection-incident log as ``Incident.to_record()`` dicts (a copy; storage persists these)."""
    return [dict(r) for r in st.session_state.get(RIGHTS_INCIDENTS, [])]


def set_incident_records(records: Sequence[Mapping[str, object]]) -> None:
    """Replace the incident log (e.g. a saved client is loaded)."""
    st.session_state[RIGHTS_INCIDENTS] = [dict(r) for r in records]
