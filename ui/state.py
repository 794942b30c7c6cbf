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
``auth.ok``, ``auth.*``       the password gate (ui/auth.py); ``auth.user`` the signed-in user name
``workspace.*``               the cache of the stored workspace (owner, version, data, conflict, …)
``negotiate.*``                the negotiation page's widgets (see the NEG_* constants)
``report.*``                  the PDF export page's widgets (ui/pages/report.py, prefix REPORT)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import copy
from datetime import date

import streamlit as st

import ui.text.shell  # noqa: F401  (registers the shell's texts)
from planner import (Budget, BudgetPlan, Debt, InvalidInput, ValidationIssue, cell_text, debt_to_record,
                     parse_debt_rows, read_debts_csv)
from planner.storage import StorageError, WorkspaceConflict, owner_for
from planner import Workspace, WorkspaceFormatError

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
                                 "official_channel", "notes")

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


# --------------------------------------------------------------------------- the workspace

def owner() -> str:
    """Whose workspace the pages show: the open client's draft, the signed-in user's, or ``local``."""
    client_id = st.session_state.get(CLIENT_ID)
    if client_id is not None:
        return owner_for(client_id=client_id)
    user = st.session_state.get(AUTH_USER)
    if not user and getattr(st.user, "is_logged_in", False):
        user = st.user.get("email") or st.user.get("sub")
    return owner_for(user=str(user) if user else None)


def _store():
    from ui import store
    repo = store.repository()
    return repo.workspaces if repo is not None else None


def _sample_workspace() -> Workspace:
    return Workspace.empty().with_changes(
        debt_rows=[normalize_row(r) for r in read_debts_csv(SAMPLE_CSV).rows], budget=SAMPLE_PLAN.to_dict(),
        is_sample=True)


def _client_draft(client_id: int) -> Workspace:
    """A client that has no draft yet: its latest saved plan and stored incident log (else empty)."""
    from ui import store
    repo = store.repository()
    ws = Workspace.empty()
    latest = repo.latest_plan_version(client_id)
    if latest is not None:
        ws = ws.with_changes(debt_rows=[normalize_row(r) for r in latest.debt_records], budget=dict(latest.budget),
                             negotiation={"method": latest.negotiation_method} if latest.negotiation_method else {},
                             settings={"strategy": latest.strategy})
    return ws.with_changes(incidents=repo.load_incidents(client_id))


def _client_exists(client_id: int) -> bool:
    from planner.storage import NotFound
    from ui import store
    try:
        store.repository().get_client(client_id)
    except NotFound:
        return False
    return True


def forget() -> None:
    """Drop the cached workspace and every page's working state from this session (sign-out): the next
    user of this browser session starts from their own stored workspace, with nothing of the previous one."""
    for key in (WS_OWNER, WS_VERSION, WS_DATA, WS_CONFLICT, WS_ERROR, WS_LAST, WS_MIRROR, WS_NO_SAMPLE,
                DEBT_ROWS, BUDGET_PLAN, RIGHTS_INCIDENTS, CLIENT_ID, CLIENT_VERSION):
        st.session_state.pop(key, None)
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(PAGE_PREFIXES)]:
        st.session_state.pop(key, None)


def _cache(ws: Workspace, version: int | None = None) -> None:
    st.session_state[WS_DATA] = ws
    if version is not None:
        st.session_state[WS_VERSION] = version
    mirror = {DEBT_ROWS: [dict(r) for r in ws.debt_rows], BUDGET_PLAN: _plan_of(ws.budget),
              RIGHTS_INCIDENTS: [dict(r) for r in ws.incidents]}
    st.session_state.update(mirror)
    st.session_state[WS_MIRROR] = mirror


def reset_widgets(*, page_state: bool = False) -> None:
    """Editors and widgets start afresh from the workspace (after a load, undo, restore);
    ``page_state`` also clears every page's working state (another workspace was opened)."""
    for key in (DEBT_VERSION, BUDGET_VERSION, NEG_EDITOR_VERSION):
        st.session_state[key] = st.session_state.get(key, 0) + 1
    for key in BOUND_WIDGETS:
        st.session_state.pop(key, None)
    if page_state:
        keep = {DEBT_VERSION, BUDGET_VERSION, NEG_EDITOR_VERSION, DEBT_ROWS, BUDGET_PLAN, RIGHTS_INCIDENTS}
        for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(PAGE_PREFIXES)]:
            if key not in keep:
                st.session_state.pop(key, None)


def load(*, reset: bool = True) -> Workspace:
    """(Re)load the current owner's workspace from storage (a first one gets the sample, marked as such)."""
    who = owner()
    first = WS_DATA not in st.session_state          # this session's first load: widgets start at version 0
    fresh = st.session_state.get(WS_OWNER) != who
    mirror = st.session_state.get(WS_MIRROR) or {}
    external = {k: st.session_state[k] for k in (DEBT_ROWS, BUDGET_PLAN, RIGHTS_INCIDENTS)
                if k in st.session_state and st.session_state[k] is not mirror.get(k)} if WS_DATA not in \
        st.session_state else {}     # set before the first load (a test, a deep link): applied on top
    st.session_state[WS_OWNER] = who
    st.session_state.pop(WS_CONFLICT, None)
    st.session_state.pop(WS_LAST, None)
    store = _store()
    if store is None:
        from ui import store as ui_store
        st.session_state[WS_ERROR] = ui_store.error(lang()) or "?"
        _cache(_sample_workspace() if not who.startswith("client:") else Workspace.empty(), 0)
        return st.session_state[WS_DATA]
    st.session_state.pop(WS_ERROR, None)
    try:
        stored = store.load(who)
    except (WorkspaceFormatError, StorageError) as e:
        st.session_state[WS_ERROR] = e.message(lang()) if isinstance(e, StorageError) else str(e)
        _cache(Workspace.empty(), None)
        st.session_state[WS_VERSION] = -1           # never written over: storage is refused below
        return st.session_state[WS_DATA]
    ws, version = stored.workspace, stored.version
    if version == 0 and who.startswith("client:") and not _client_exists(int(who.split(":", 1)[1])):
        st.session_state[CLIENT_ID] = None           # deleted meanwhile: never recreate its draft
        return load(reset=reset)
    if version == 0:
        if who.startswith("client:"):
            ws, action = _client_draft(int(who.split(":", 1)[1])), "open_client"
        elif st.session_state.get(WS_NO_SAMPLE):
            ws, action = Workspace.empty(), None
        else:
            ws, action = _sample_workspace(), "sample"
        if action is not None:
            try:
                version = store.save(who, ws, expected_version=0, action=action).version
            except WorkspaceConflict:              # another tab created it meanwhile: take theirs
                stored = store.load(who)
                ws, version = stored.workspace, stored.version
    _cache(ws, version)
    st.session_state.update(external)
    if first:
        for key in (DEBT_VERSION, BUDGET_VERSION):
            st.session_state.setdefault(key, 0)
    elif reset or fresh:
        reset_widgets(page_state=fresh)
    return ws


def _adopt_mirror(ws: Workspace) -> Workspace:
    """Legacy writers (and tests) that set the cache keys directly: their value becomes a change."""
    mirror = st.session_state.get(WS_MIRROR) or {}
    changes: dict[str, object] = {}
    rows = st.session_state.get(DEBT_ROWS)
    if DEBT_ROWS in st.session_state and rows is not mirror.get(DEBT_ROWS):
        changes["debt_rows"] = [normalize_row(r) for r in rows]
    plan = st.session_state.get(BUDGET_PLAN)
    if isinstance(plan, BudgetPlan) and plan is not mirror.get(BUDGET_PLAN):
        changes["budget"] = plan.to_dict()
    incidents = st.session_state.get(RIGHTS_INCIDENTS)
    if RIGHTS_INCIDENTS in st.session_state and incidents is not mirror.get(RIGHTS_INCIDENTS):
        changes["incidents"] = [dict(r) for r in incidents]
    changes = {k: v for k, v in changes.items() if v != getattr(ws, k)}
    if changes:
        _save(ws.with_changes(**changes), "edit")
    else:
        st.session_state[WS_MIRROR] = {k: st.session_state.get(k) for k in (DEBT_ROWS, BUDGET_PLAN, RIGHTS_INCIDENTS)}
    return st.session_state[WS_DATA]


def workspace() -> Workspace:
    """The current owner's workspace (loaded from storage once per session and owner)."""
    if st.session_state.get(WS_OWNER) != owner() or WS_DATA not in st.session_state:
        load()
    return _adopt_mirror(st.session_state[WS_DATA])


def version() -> int:
    workspace()
    return int(st.session_state.get(WS_VERSION) or 0)


def conflict() -> WorkspaceConflict | None:
    """The refused stale write of this tab, if any (cleared by :func:`load` or :func:`overwrite`)."""
    return st.session_state.get(WS_CONFLICT)


def storage_error() -> str | None:
    return st.session_state.get(WS_ERROR)


def _save(new: Workspace, action: str, *, restored_from: int | None = None) -> bool:
    """Cache ``new`` and store it; a stale version is refused (kept in this tab, flagged, not written)."""
    _cache(new)
    if action != "edit":
        st.session_state[WS_LAST] = action       # the undo notice offers to take it back …
    else:
        st.session_state.pop(WS_LAST, None)      # … until the next ordinary edit
    store = _store()
    if store is None or storage_error() or conflict() is not None:
        return False
    try:
        saved = store.save(owner(), new, expected_version=int(st.session_state.get(WS_VERSION) or 0),
                           action=action, restored_from=restored_from)
    except WorkspaceConflict as e:
        st.session_state[WS_CONFLICT] = e
        return False
    except StorageError as e:
        st.session_state[WS_ERROR] = e.message(lang())
        return False
    st.session_state[WS_VERSION] = saved.version
    return True


def update(action: str = "edit", **sections: object) -> None:
    """Replace several sections at once (one saved step, e.g. "load sample" = rows + budget)."""
    ws = workspace()
    new = ws.with_changes(**sections)
    if action == "sample":
        new = new.with_changes(is_sample=True)
    elif all(getattr(ws, k) == getattr(new, k) for k in sections):
        return                                  # nothing changed: not a save, and the sample note stays
    _save(new, action)


def get_section(name: str):
    """A deep copy of one workspace section (see :class:`planner.Workspace`)."""
    return copy.deepcopy(getattr(workspace(), name))


def set_section(name: str, value, *, action: str = "edit") -> None:
    """Replace one section and save the workspace now (autosave)."""
    update(action, **{name: value})


def overwrite() -> None:
    """After a conflict: store this tab's state over the newer one (which stays in the history)."""
    store, e = _store(), conflict()
    if store is None or e is None:
        return
    st.session_state.pop(WS_CONFLICT, None)
    st.session_state[WS_VERSION] = store.load(owner()).version
    _save(st.session_state[WS_DATA], "overwrite")


def restore(state_id: int, *, action: str = "restore") -> bool:
    """Make an earlier stored state current again (itself a new, undoable step)."""
    store = _store()
    if store is None or conflict() is not None:
        return False
    try:
        saved = store.restore(owner(), state_id, expected_version=version(), action=action)
    except WorkspaceConflict as e:
        st.session_state[WS_CONFLICT] = e
        return False
    _cache(saved.workspace, saved.version)
    st.session_state[WS_LAST] = None
    reset_widgets()
    return True


def undo() -> bool:
    """Undo the last change (persisted: works after a reload too)."""
    store = _store()
    target = store.undo_target(owner()) if store is not None else None
    return restore(target.id, action="undo") if target is not None else False


def delete_everything(data_dir) -> dict[str, int]:
    """Delete the current owner's workspace, history and evidence copies; the pages start empty."""
    store = _store()
    counts = store.delete(owner(), data_dir) if store is not None else {}
    st.session_state[WS_NO_SAMPLE] = True
    load()
    return counts


def _bound_value(key: str):
    section, field = BOUND_WIDGETS[key]
    return getattr(workspace(), section).get(field)


def restore_widgets() -> None:
    """Seed the workspace-bound widgets that are not in session state (a new session, another page)."""
    for key in BOUND_WIDGETS:
        if key not in st.session_state:
            value = _bound_value(key)
            if key == NEG_METHOD:                    # a method this version no longer offers is not seeded
                from planner.negotiation import METHODS
                value = value if value in METHODS else None
            if value is not None:
                st.session_state[key] = value


def save_widgets() -> None:
    """Write the workspace-bound widgets' values back when they changed."""
    changes: dict[str, dict] = {}
    ws = workspace()
    for key, (section, field) in BOUND_WIDGETS.items():
        if key not in st.session_state:
            continue
        value = st.session_state[key]
        value = value.isoformat() if isinstance(value, date) else copy.deepcopy(value)
        if getattr(ws, section).get(field) != value:
            changes.setdefault(section, copy.deepcopy(getattr(ws, section)))[field] = value
    if changes:
        update("edit", **changes)


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


def set_debt_rows(rows: Sequence[Mapping[str, object]], *, reset_editor: bool = True, action: str | None = None) -> None:
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

def _plan_of(section: Mapping[str, object]) -> BudgetPlan:
    if not section:
        return BudgetPlan(income=0.0)
    try:
        return BudgetPlan.from_dict(section)
    except InvalidInput:
        return BudgetPlan(income=0.0)


def get_budget_plan() -> BudgetPlan:
    workspace()
    plan = st.session_state.get(BUDGET_PLAN)
    return plan if isinstance(plan, BudgetPlan) else _plan_of(workspace().budget)


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
