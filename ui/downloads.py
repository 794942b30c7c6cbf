"""Downloads built on demand: a file exists only after the person clicks, in their own session.

``st.download_button(data=on_demand(build, *args))`` hands Streamlit a callable (deferred download, Streamlit
≥ 1.50): nothing is built while the page renders (no export rebuilt on every rerun), and no ``/media/…`` URL
for the file exists until a signed-in session asks for it over its websocket; the file is then dropped when
no session references it any more.  An export that fails is reported like a page error (type + reference in
the log, never the message, which may carry a client's name).  See docs/security.md, "Dashboard".
"""

from __future__ import annotations

from collections.abc import Callable

from ui import guard


def on_demand(build: Callable[..., bytes | str], /, *args: object, **kwargs: object) -> Callable[[], bytes | str]:
    """A zero-argument callable for ``st.download_button(data=...)`` that runs ``build(*args, **kwargs)``
    when the person clicks (on Streamlit's worker thread: pass values, not session state)."""
    def data() -> bytes | str:
        try:
            return build(*args, **kwargs)
        except Exception as error:                    # noqa: BLE001
            ref = guard.report(error)
            raise RuntimeError(f"the export failed (ref {ref})") from None
    return data
