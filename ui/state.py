"""Every session-state key of the dashboard, the widgets that own them, and the workspace they feed.

What a person enters lives in one :class:`planner.Workspace` per owner, stored by
``planner.storage`` (SQLite under ``PLANNER_DATA_DIR`` or PostgreSQL) and saved on every
change; session state is only a cache of it (restored on reload, back/forward, a new tab,
a server restart).  Anything derived is recomputed (and cached in ui/cached.py).

The workspace API (the contract every page uses):

* :func:`get_section` ``(name)`` — a deep copy of one section (debt_rows, budget, profile,
  negotiation, incidents, payments, balances, budget_events, followups, settings);
* :func:`set_section` ``(name, value, action="edit")`` — replace it and save immediately
  (a stale tab's write is refused: :func:`conflict` then holds the message);
* :func:`workspace` — the whole :class:`planner.Workspace`; :func:`owner` — whose it is
  (``local``, ``user:<identity>``, ``client:<id>``).

The public interface other pages build on (names are stable):

* :func:`lang` — ``"zh"`` (default) or ``"en"``;
* :func:`get_debts` — the portfolio parsed from the table the user edits,
  ``(debts, issues)``; the raw rows as typed are kept (in the workspace), so bad input
  is kept and shown back, and bad rows are simply not in ``debts``;
* :func:`set_debts` — replace the table (e.g. a saved client is loaded);
* :func:`get_budget` — the monthly :class:`planner.Budget` (a list when an income shock is set);
* :func:`get_budget_plan` / :func:`set_budget_plan` — the household budget behind it.

Keys
----
``lang``                      the language radio (sidebar)
``debts.rows``                list of raw rows ``{field: text as typed}`` (canonical field names) — like
                              ``budget.plan`` and ``rights.incidents``, a read mirror of the workspace
                              (a value set here from outside is adopted as a change and saved)
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
``auth.ok``, ``auth.*``       the password gate (ui/auth.py); ``auth.user`` the signed-in user name
``workspace.*``               the cache of the stored workspace (owner, version, data, conflict, …)
``negotiate.*``                the negotiation page's widgets (see the NEG_* constants)
``report.*``                  the PDF export page's widgets (ui/pages/report.py, prefix REPORT)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import streamlit as st

import ui.text.shell  # noqa: F401  (registers the shell's texts)
from planner import (Budget, BudgetPlan, Debt, InvalidInput, ValidationIssue, cell_text, debt_to_record,
                     parse_debt_rows, read_debts_csv)
from planner.workspace_plan import budget_plan_of

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
AUTH_USER = "auth.user"          # who signed in through the password gate (the workspace owner is user:<it>)
AUTH_FORM = "auth.form"
AUTH_INPUT = "auth.password"
AUTH_LOGOUT = "auth.logout"
# agency accounts (ui/access.py): the signed-in planner.storage.Principal (never a password)
AUTH_PRINCIPAL = "auth.principal"
ADMIN = "admin"                  # admin page widget prefix (ui/pages/admin.py)
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
MONTH_SECTION = "month.section"      # which part below the month list is open (None: only the list)
MONTH_SECTIONS = ("pay", "balance", "answer", "letters", "progress", "calendar", "files")
NEG_SECTION = "negotiate.section"   # which part below the proposal is open: one of NEG_SECTIONS
NEG_SECTIONS = ("letters", "adjust", "compare", "refused", "apr")
NEG_DOC = "negotiate.doc"           # which document of the letters part is shown: one of NEG_DOCS
NEG_DOCS = ("application", "script", "family")
NEG_PLAIN = "negotiate.plain"       # the document's plain text (to copy) shown
# PDF export page (ui/pages/report.py): widget prefix (f"{REPORT}.lang", ".date", ".strategy", ".method",
# ".name", ".pseudonymise", ".incidents", ".download"); it reads NEG_PROFILE/NEG_METHOD/NEG_START as defaults
REPORT = "report"
# the workspace cache (see the module doc): whose it is, the stored version it was loaded at, the value,
# a refused stale write, why storage is unavailable, the last undoable action (for the undo notice)
WS_OWNER = "workspace.owner"
WS_VERSION = "workspace.version"
WS_DATA = "workspace.data"
WS_CONFLICT = "workspace.conflict"
WS_ERROR = "workspace.error"
WS_LAST = "workspace.last_action"
WS_MIRROR = "workspace.mirror"
WS_NO_SAMPLE = "workspace.no_sample"
# Widget values kept in the workspace: key → (section, field).  The shell seeds a missing key from the
# workspace before the page runs and writes a changed value back after (see restore_widgets / save_widgets).
BOUND_WIDGETS: dict[str, tuple[str, str]] = {
    COMPARE_STRATEGY: ("settings", "strategy"),
    COMPARE_ORDER: ("settings", "own_order"),
    NEG_METHOD: ("negotiation", "method"),
}
# Page working state reset when another workspace is opened (a client, another user): widget prefixes.
PAGE_PREFIXES: tuple[str, ...] = ("debts.", "budget.", "compare.", "negotiate.", "rights.", "report.")

# The raw table's columns (canonical field names, MODEL.md + the CSV's daily rate and notes).
DEBT_COLUMNS: tuple[str, ...] = ("name", "kind", "balance", "annual_rate", "daily_rate", "min_payment",
                                 "min_payment_pct", "penalty_rate", "late_fee_pct", "overdue_days", "arrears",
                                 "official_channel", "notes", "due_day", "assumed")
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


# --------------------------------------------------------------------------- the workspace (ui/workspace_state.py)

from ui.workspace_state import (conflict, delete_everything, forget, get_section, load, overwrite,  # noqa: E402
                                owner, reset_widgets, restore, restore_widgets, save_widgets, set_section,
                                storage_error, undo, update, version, workspace)


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


def debt_rows() -> list[dict[str, str]]:
    """The table as the user typed it (a copy)."""
    return [dict(r) for r in workspace().debt_rows]


def set_debt_rows(rows: Sequence[Mapping[str, object]], *, reset_editor: bool = True,
                  action: str | None = None) -> None:
    """Replace the raw rows (upload, sample, start empty, an edit); saved at once.

    ``action`` names the step in the history (default: ``delete_rows`` when rows disappeared, else ``edit``).
    """
    new = [normalize_row(r) for r in rows]
    old = workspace().debt_rows
    if action is None:
        action = "delete_rows" if len(new) < len(old) else "edit"
    update(action, debt_rows=new)
    if reset_editor:
        st.session_state[DEBT_VERSION] = st.session_state.get(DEBT_VERSION, 0) + 1


def debt_editor_key() -> str:
    workspace()
    return f"debts.editor.{st.session_state.setdefault(DEBT_VERSION, 0)}"


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
    set_debt_rows([debt_to_record(d) for d in debts], action="edit")


def load_sample() -> None:
    """The sample portfolio and budget (one undoable step; marked as sample data until edited)."""
    update("sample", debt_rows=[normalize_row(r) for r in read_debts_csv(SAMPLE_CSV).rows],
           budget=SAMPLE_PLAN.to_dict())
    reset_widgets()


def start_empty() -> None:
    """An empty table and budget (one undoable step)."""
    update("start_empty", debt_rows=[], budget=BudgetPlan(income=0.0).to_dict())
    reset_widgets()


# --------------------------------------------------------------------------- budget

def get_budget_plan() -> BudgetPlan:
    workspace()
    plan = st.session_state.get(BUDGET_PLAN)
    return plan if isinstance(plan, BudgetPlan) else budget_plan_of(workspace().budget)


def set_budget_plan(plan: BudgetPlan, *, reset_widgets: bool = True) -> None:
    """Replace the budget plan (saved at once); the budget page's widgets restart from it."""
    set_section("budget", plan.to_dict())
    if reset_widgets:
        st.session_state[BUDGET_VERSION] = st.session_state.get(BUDGET_VERSION, 0) + 1


def budget_widget_key(name: str) -> str:
    workspace()
    return f"budget.w{st.session_state.setdefault(BUDGET_VERSION, 0)}.{name}"


def get_budget(horizon: int | None = None) -> Budget:
    """The money available for debt each month (a list when an income shock is set)."""
    plan = get_budget_plan()
    return plan.to_budget() if horizon is None else plan.to_budget(horizon)


# --------------------------------------------------------------------------- incident log (rights page)

def get_incident_records() -> list[dict]:
    """The collection-incident log as ``Incident.to_record()`` dicts (a copy; storage persists these)."""
    return [dict(r) for r in workspace().incidents]


def set_incident_records(records: Sequence[Mapping[str, object]], *, action: str | None = None) -> None:
    """Replace the incident log (saved at once; fewer records than before is an undoable ``delete_incident``)."""
    new = [dict(r) for r in records]
    if action is None:
        action = "delete_incident" if len(new) < len(workspace().incidents) else "edit"
    update(action, incidents=new)


def get_plan_inputs():
    """Debts and budget for every simulation of the person's plan (:func:`planner.plan_inputs.plan_inputs`):
    excluded debts out (their payment an expense), budget events applied, accepted agreements applied."""
    from planner.plan_inputs import plan_inputs
    debts, _ = get_debts()
    return plan_inputs(debts, get_budget_plan(), negotiation=get_section("negotiation"),
                       settings=get_section("settings"), budget_events=get_section("budget_events"))
