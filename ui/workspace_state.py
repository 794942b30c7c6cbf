"""The workspace behind ``ui/state.py``: load it for the current owner, cache it in session state, save every
change (optimistic concurrency), undo / restore, and the widgets whose values it keeps.

Pages use it through ``ui.state`` (``get_section``, ``set_section``, ``workspace`` …), which re-exports
these functions; the session-state keys are documented there.
"""

from __future__ import annotations

import copy
from dataclasses import fields
from datetime import date

import streamlit as st

from planner import BudgetPlan, Workspace, WorkspaceFormatError, read_debts_csv
from planner.storage import StorageError, WorkspaceConflict, owner_for
from planner.workspace_plan import budget_plan_of
from ui import state as _s


def owner() -> str:
    """Whose workspace the pages show: the open client's draft, the signed-in user's, or ``local``."""
    client_id = st.session_state.get(_s.CLIENT_ID)
    if client_id is not None:
        return owner_for(client_id=client_id)
    user = st.session_state.get(_s.AUTH_USER)
    if not user and getattr(st.user, "is_logged_in", False):
        user = st.user.get("email") or st.user.get("sub")
    return owner_for(user=str(user) if user else None)


def _scoped_repository():
    """The repository as the signed-in person sees it (permission-checked, audited), or ``None``."""
    from planner.storage import Agency
    from ui import access, store
    repo = store.repository()
    return Agency.of(repo).scoped(access.principal()) if repo is not None else None


def _store():
    """The workspace store as the signed-in person may use it: a client's draft is permission-checked and
    audited like the rest of the client file (planner.storage.ScopedWorkspaces)."""
    repo = _scoped_repository()
    return repo.workspaces if repo is not None else None


def _sample_workspace() -> Workspace:
    return Workspace.empty().with_changes(
        debt_rows=[_s.normalize_row(r) for r in read_debts_csv(_s.SAMPLE_CSV).rows],
        budget=_s.SAMPLE_PLAN.to_dict(), is_sample=True)


def _client_draft(client_id: int) -> Workspace:
    """A client that has no draft yet: its latest saved plan and stored incident log (else empty)."""
    repo = _scoped_repository()
    ws = Workspace.empty()
    latest = repo.latest_plan_version(client_id)
    if latest is not None:
        ws = ws.with_changes(debt_rows=[_s.normalize_row(r) for r in latest.debt_records],
                             budget=dict(latest.budget),
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
    for key in (_s.WS_OWNER, _s.WS_VERSION, _s.WS_DATA, _s.WS_CONFLICT, _s.WS_ERROR, _s.WS_LAST, _s.WS_MIRROR,
                _s.WS_NO_SAMPLE, _s.DEBT_ROWS, _s.BUDGET_PLAN, _s.RIGHTS_INCIDENTS, _s.CLIENT_ID, _s.CLIENT_VERSION):
        st.session_state.pop(key, None)
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(_s.PAGE_PREFIXES)]:
        st.session_state.pop(key, None)


def _cache(ws: Workspace, version: int | None = None) -> None:
    st.session_state[_s.WS_DATA] = ws
    if version is not None:
        st.session_state[_s.WS_VERSION] = version
    mirror = {_s.DEBT_ROWS: [dict(r) for r in ws.debt_rows], _s.BUDGET_PLAN: budget_plan_of(ws.budget),
              _s.RIGHTS_INCIDENTS: [dict(r) for r in ws.incidents]}
    st.session_state.update(mirror)
    st.session_state[_s.WS_MIRROR] = mirror


def reset_widgets(*, page_state: bool = False) -> None:
    """Editors and widgets start afresh from the workspace (after a load, undo, restore);
    ``page_state`` also clears every page's working state (another workspace was opened)."""
    for key in (_s.DEBT_VERSION, _s.BUDGET_VERSION, _s.NEG_EDITOR_VERSION):
        st.session_state[key] = st.session_state.get(key, 0) + 1
    for key in _s.BOUND_WIDGETS:
        st.session_state.pop(key, None)
    if page_state:
        keep = {_s.DEBT_VERSION, _s.BUDGET_VERSION, _s.NEG_EDITOR_VERSION, _s.DEBT_ROWS, _s.BUDGET_PLAN,
                _s.RIGHTS_INCIDENTS}
        for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(_s.PAGE_PREFIXES)]:
            if key not in keep:
                st.session_state.pop(key, None)


def load(*, reset: bool = True) -> Workspace:
    """(Re)load the current owner's workspace from storage (a first one gets the sample, marked as such)."""
    who = owner()
    first = _s.WS_DATA not in st.session_state          # this session's first load: widgets start at version 0
    fresh = st.session_state.get(_s.WS_OWNER) != who
    mirror = st.session_state.get(_s.WS_MIRROR) or {}
    external = {k: st.session_state[k] for k in (_s.DEBT_ROWS, _s.BUDGET_PLAN, _s.RIGHTS_INCIDENTS)
                if k in st.session_state and st.session_state[k] is not mirror.get(k)} if _s.WS_DATA not in \
        st.session_state else {}     # set before the first load (a test, a deep link): applied on top
    st.session_state[_s.WS_OWNER] = who
    st.session_state.pop(_s.WS_CONFLICT, None)
    st.session_state.pop(_s.WS_LAST, None)
    store = _store()
    if store is None:
        from ui import store as ui_store
        st.session_state[_s.WS_ERROR] = ui_store.error(_s.lang()) or "?"
        _cache(_sample_workspace() if not who.startswith("client:") else Workspace.empty(), 0)
        return st.session_state[_s.WS_DATA]
    st.session_state.pop(_s.WS_ERROR, None)
    try:
        stored = store.load(who)
    except (WorkspaceFormatError, StorageError) as e:
        st.session_state[_s.WS_ERROR] = e.message(_s.lang()) if isinstance(e, StorageError) else str(e)
        _cache(Workspace.empty(), None)
        st.session_state[_s.WS_VERSION] = -1           # never written over: storage is refused below
        return st.session_state[_s.WS_DATA]
    ws, version = stored.workspace, stored.version
    if version == 0 and who.startswith("client:") and not _client_exists(int(who.split(":", 1)[1])):
        st.session_state[_s.CLIENT_ID] = None           # deleted meanwhile: never recreate its draft
        return load(reset=reset)
    if version == 0:
        if who.startswith("client:"):
            ws, action = _client_draft(int(who.split(":", 1)[1])), "open_client"
        elif st.session_state.get(_s.WS_NO_SAMPLE):
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
        for key in (_s.DEBT_VERSION, _s.BUDGET_VERSION):
            st.session_state.setdefault(key, 0)
    elif reset or fresh:
        reset_widgets(page_state=fresh)
    return ws


SEED_PREFIX = "ws."
SECTIONS = tuple(f.name for f in fields(Workspace) if f.name != "is_sample")


def _adopt_mirror(ws: Workspace) -> Workspace:
    """Legacy writers (and tests) that set the cache keys directly: their value becomes a change."""
    mirror = st.session_state.get(_s.WS_MIRROR) or {}
    changes: dict[str, object] = {}
    rows = st.session_state.get(_s.DEBT_ROWS)
    if _s.DEBT_ROWS in st.session_state and rows is not mirror.get(_s.DEBT_ROWS):
        changes["debt_rows"] = [_s.normalize_row(r) for r in rows]
    plan = st.session_state.get(_s.BUDGET_PLAN)
    if isinstance(plan, BudgetPlan) and plan is not mirror.get(_s.BUDGET_PLAN):
        changes["budget"] = plan.to_dict()
    incidents = st.session_state.get(_s.RIGHTS_INCIDENTS)
    if _s.RIGHTS_INCIDENTS in st.session_state and incidents is not mirror.get(_s.RIGHTS_INCIDENTS):
        changes["incidents"] = [dict(r) for r in incidents]
    for name in SECTIONS:                       # ``ws.<section>`` set from outside (a test, a deep link): adopted once
        if f"{SEED_PREFIX}{name}" in st.session_state:
            changes[name] = copy.deepcopy(st.session_state.pop(f"{SEED_PREFIX}{name}"))
    changes = {k: v for k, v in changes.items() if v != getattr(ws, k)}
    if changes:
        _save(ws.with_changes(**changes), "edit")
    else:
        st.session_state[_s.WS_MIRROR] = {k: st.session_state.get(k)
                                          for k in (_s.DEBT_ROWS, _s.BUDGET_PLAN, _s.RIGHTS_INCIDENTS)}
    return st.session_state[_s.WS_DATA]


def workspace() -> Workspace:
    """The current owner's workspace (loaded from storage once per session and owner)."""
    if st.session_state.get(_s.WS_OWNER) != owner() or _s.WS_DATA not in st.session_state:
        load()
    return _adopt_mirror(st.session_state[_s.WS_DATA])


def version() -> int:
    workspace()
    return int(st.session_state.get(_s.WS_VERSION) or 0)


def conflict() -> WorkspaceConflict | None:
    """The refused stale write of this tab, if any (cleared by :func:`load` or :func:`overwrite`)."""
    return st.session_state.get(_s.WS_CONFLICT)


def storage_error() -> str | None:
    return st.session_state.get(_s.WS_ERROR)


def _save(new: Workspace, action: str, *, restored_from: int | None = None) -> bool:
    """Cache ``new`` and store it; a stale version is refused (kept in this tab, flagged, not written)."""
    _cache(new)
    if action != "edit":
        st.session_state[_s.WS_LAST] = action       # the undo notice offers to take it back …
    else:
        st.session_state.pop(_s.WS_LAST, None)      # … until the next ordinary edit
    store = _store()
    if store is None or storage_error() or conflict() is not None:
        return False
    try:
        saved = store.save(owner(), new, expected_version=int(st.session_state.get(_s.WS_VERSION) or 0),
                           action=action, restored_from=restored_from)
    except WorkspaceConflict as e:
        st.session_state[_s.WS_CONFLICT] = e
        return False
    except StorageError as e:
        st.session_state[_s.WS_ERROR] = e.message(_s.lang())
        return False
    st.session_state[_s.WS_VERSION] = saved.version
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
    st.session_state.pop(_s.WS_CONFLICT, None)
    st.session_state[_s.WS_VERSION] = store.load(owner()).version
    _save(st.session_state[_s.WS_DATA], "overwrite")


def restore(state_id: int, *, action: str = "restore") -> bool:
    """Make an earlier stored state current again (itself a new, undoable step)."""
    store = _store()
    if store is None or conflict() is not None:
        return False
    try:
        saved = store.restore(owner(), state_id, expected_version=version(), action=action)
    except WorkspaceConflict as e:
        st.session_state[_s.WS_CONFLICT] = e
        return False
    _cache(saved.workspace, saved.version)
    st.session_state[_s.WS_LAST] = None
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
    st.session_state[_s.WS_NO_SAMPLE] = True
    load()
    return counts


def _bound_value(key: str):
    section, field = _s.BOUND_WIDGETS[key]
    return getattr(workspace(), section).get(field)


def restore_widgets() -> None:
    """Seed the workspace-bound widgets that are not in session state (a new session, another page)."""
    for key in _s.BOUND_WIDGETS:
        if key not in st.session_state:
            value = _bound_value(key)
            if key == _s.NEG_METHOD:                    # a method this version no longer offers is not seeded
                from planner.negotiation import METHODS
                value = value if value in METHODS else None
            if value is not None:
                st.session_state[key] = value


def save_widgets() -> None:
    """Write the workspace-bound widgets' values back when they changed."""
    changes: dict[str, dict] = {}
    ws = workspace()
    for key, (section, field) in _s.BOUND_WIDGETS.items():
        if key not in st.session_state:
            continue
        value = st.session_state[key]
        value = value.isoformat() if isinstance(value, date) else copy.deepcopy(value)
        if getattr(ws, section).get(field) != value:
            changes.setdefault(section, copy.deepcopy(getattr(ws, section)))[field] = value
    if changes:
        update("edit", **changes)
