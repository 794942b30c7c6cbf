"""The shared workspace UI: notices (sample data, a refused stale write, undo), confirmations, the
history ("restore an earlier state") and the "My data" panel.  Pages call one function each:

* :func:`confirm_button` — a destructive button that asks first (two steps, works on a phone);
* :func:`notices` — drawn by the shell above every page;
* :func:`my_data_panel` — drawn by the shell in the sidebar;
* :func:`local_time` — a stored UTC time as the person's local time, in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import streamlit as st

import ui.text.workspace  # noqa: F401  (registers the texts)
from planner import settings, t
from planner.storage import HISTORY_KEEP, StorageError, sqlite_path
from ui import state
from ui.downloads import on_demand
from ui.guard import guarded
from ui.safe import markdown, md

CONFIRM = "workspace.confirm"      # f"{CONFIRM}.{key}": a destructive button waiting for "yes"


# --------------------------------------------------------------------------- time

def _zone():
    name = getattr(st.context, "timezone", None)
    try:
        return ZoneInfo(name) if name else None
    except (KeyError, ValueError, OSError):
        return None


def local_time(moment: datetime | None, lang: str, *, with_date: bool = True) -> str:
    """A stored (naive UTC) time in the browser's time zone (else the server's): ``12月1日 15:04`` /
    ``1 Dec 15:04``; ``今天 15:04`` / ``today 15:04`` for today."""
    if moment is None:
        return "—"
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    zone = _zone()
    local = aware.astimezone(zone) if zone is not None else aware.astimezone()
    clock = local.strftime("%H:%M")
    if not with_date:
        return clock
    today = datetime.now(local.tzinfo).date()
    if local.date() == today:
        return ("今天 " if lang == "zh" else "today ") + clock
    if lang == "zh":
        year = f"{local.year}年" if local.year != today.year else ""
        return f"{year}{local.month}月{local.day}日 {clock}"
    year = f" {local.year}" if local.year != today.year else ""
    return f"{local.day} {local.strftime('%b')}{year} {clock}"


# --------------------------------------------------------------------------- confirmation

def confirm_button(key: str, label: str, on_confirm: Callable[..., object], *, what: str, lang: str,
                   args: Sequence[object] = (), help: str | None = None, container=None, undoable: bool = True,
                   **button_kwargs) -> None:
    """A button that asks "Are you sure? <what>" with Yes / Cancel before calling ``on_confirm(*args)``.

    The question stays until answered (it survives reruns).  ``undoable``: the action can be undone with the
    workspace's undo (the question says so); pass ``False`` for one that cannot (an account change).
    """
    box = container if container is not None else st
    flag = f"{CONFIRM}.{key}"
    if not st.session_state.get(flag):
        box.button(markdown(label), key=key, help=markdown(help) if help else None, on_click=guarded(lambda: st.session_state.__setitem__(flag, True)),
                   **button_kwargs)
        return
    with box.container(border=True):
        st.warning(md(t, "ws.confirm.question", lang, what=what) + (" " + t("ws.confirm.undo_hint", lang)
                                                                    if undoable else ""))
        yes, no = st.columns(2)

        def _yes():
            st.session_state[flag] = False
            on_confirm(*args)

        yes.button(t("ws.confirm.yes", lang), key=f"{key}.yes", type="primary", on_click=guarded(_yes))
        no.button(t("ws.confirm.no", lang), key=f"{key}.no", on_click=guarded(lambda: st.session_state.__setitem__(flag, False)))


# --------------------------------------------------------------------------- notices

def _undo() -> None:
    if state.undo():
        st.session_state[state.WS_LAST] = "undo"
    else:
        st.toast(t("ws.nothing_to_undo", state.lang()))


def _load_latest() -> None:
    state.load()


def notices(lang: str) -> None:
    """Above every page: storage trouble, a refused stale write, the sample note, the undo offer."""
    state.workspace()
    error = state.storage_error()
    if error:
        st.error(md(t, "ws.not_saved", lang, detail=error))
    conflict = state.conflict()
    if conflict is not None:
        with st.container(border=True):
            st.error(md(conflict.message, lang))
            left, right = st.columns(2)
            left.button(t("ws.conflict_load", lang), key="workspace.conflict.load", type="primary",
                        on_click=guarded(_load_latest))
            right.button(t("ws.conflict_overwrite", lang), key="workspace.conflict.keep", on_click=guarded(state.overwrite))
    last = st.session_state.get(state.WS_LAST)
    if last and conflict is None:
        text, button = st.columns([4, 1], vertical_alignment="center")
        text.info(t(f"ws.done.{last}", lang))
        if last != "undo":
            button.button(t("ws.undo", lang), key="workspace.undo_notice", icon=":material/undo:", on_click=guarded(_undo))
    if state.workspace().is_sample and not state.owner().startswith("client:"):
        st.info(t("ws.sample_note", lang))


# --------------------------------------------------------------------------- history

def _changes_text(changes: dict, lang: str) -> str:
    parts = []
    for name, counts in changes.items():
        label = t(f"ws.section.{name}", lang)
        if counts:
            label += " " + t("ws.rows", lang, old=counts[0], new=counts[1])
        parts.append(label)
    return "、".join(parts) if lang == "zh" else ", ".join(parts)


def history_list(lang: str) -> None:
    """The last saved states with what changed and a "restore" button each (the first is the current one)."""
    repo = _repo()
    if repo is None:
        return
    try:
        states = repo.workspaces.history(state.owner())
    except StorageError:           # e.g. the client was reassigned: the notice above the page says why
        return
    st.caption(md(t, "ws.history_intro", lang, n=HISTORY_KEEP))
    if not states:
        st.caption(t("ws.history_empty", lang))
        return
    for i, s in enumerate(states):
        what = t(f"ws.action.{s.action}", lang)
        detail = _changes_text(s.changes, lang)
        line = f"**{markdown(local_time(s.created_at, lang))}** · {markdown(what)}" + \
            (f" · {markdown(detail)}" if detail else "")
        if i == 0:
            st.markdown(line + f" · *{t('ws.history_current', lang)}*")
            continue
        text, button = st.columns([4, 2], vertical_alignment="center")
        text.markdown(line)
        button.button(t("ws.history_restore", lang), key=f"workspace.restore.{s.id}", on_click=guarded(_restore), args=(s.id,))


def _restore(state_id: int) -> None:
    if state.restore(state_id):
        st.session_state[state.WS_LAST] = "restore"


# --------------------------------------------------------------------------- My data

def _repo():
    """The repository as the signed-in person may use it: a client's working draft (its history, its
    export) is permission-checked and audited like the rest of the client file (ScopedWorkspaces)."""
    from planner.storage import Agency
    from ui import access, store
    repo = store.repository()
    return Agency.of(repo).scoped(access.principal()) if repo is not None else None


def _client_name() -> str:
    repo, client_id = _repo(), st.session_state.get(state.CLIENT_ID)
    try:
        return repo.get_client(client_id).display_name if repo is not None else ""
    except Exception:   # noqa: BLE001  (a client deleted meanwhile: the clients page says so)
        return ""


def _delete_all() -> None:
    counts = state.delete_everything(settings.data_dir())
    st.session_state["workspace.delete_sure"] = False
    st.session_state["workspace.deleted"] = counts is not None


def my_data_panel(lang: str) -> None:
    """Where the data is kept, undo, earlier states, export everything, delete everything (the My data page)."""
    repo = _repo()
    who = state.owner()
    with st.container():
        if who.startswith("client:"):
            st.caption(md(t, "ws.where.client", lang, name=_client_name()))
        elif repo is not None and repo.backend == "postgresql":
            st.caption(t("ws.where.server", lang))
        else:
            st.caption(t("ws.where.local", lang))
        try:
            stored = repo.workspaces.load(who) if repo is not None else None
        except StorageError:       # e.g. the client was reassigned: the notice above the page says why
            stored = None
        if stored is not None and stored.version:
            st.caption(md(t, "ws.saved", lang, when=local_time(stored.updated_at, lang)))
        st.button(t("ws.undo_last", lang), key="workspace.undo", icon=":material/undo:", on_click=guarded(_undo),
                  width="stretch")
        with st.expander(t("ws.history", lang), icon=":material/history:"):
            history_list(lang)
        if repo is None:
            return
        label = t("ws.mydata", lang)
        st.download_button(t("ws.export", lang), data=on_demand(repo.workspaces.export, who, label=label),
                           file_name=t("ws.export_file", lang), mime="application/zip", help=t("ws.export_help", lang),
                           key="workspace.export", icon=":material/download:", on_click="ignore", width="stretch")
        if not who.startswith("client:"):
            st.caption(t("ws.delete_help", lang))
            sure = st.checkbox(t("ws.delete_confirm", lang), key="workspace.delete_sure")
            st.button(t("ws.delete_button", lang), key="workspace.delete", type="primary", disabled=not sure,
                      on_click=guarded(_delete_all), icon=":material/delete_forever:", width="stretch")
            if st.session_state.pop("workspace.deleted", False):
                st.success(t("ws.deleted", lang))
        with st.expander(t("ws.details", lang)):
            path = sqlite_path(repo.engine)
            st.caption(md(t, "ws.details_sqlite", lang, path=str(path)) if path is not None else t("ws.details_pg", lang))
            st.caption(md(t, "ws.details_version", lang, version=state.version()))


__all__ = ["confirm_button", "history_list", "local_time", "my_data_panel", "notices"]
