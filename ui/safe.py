"""User text is data, never markup: how the dashboard hands text to a Markdown sink.

Streamlit reads Markdown in ``st.markdown``/``st.write``, ``st.error``/``warning``/``info``/``success``,
captions, titles, widget labels and help texts, radio options, expander and tab titles, metric labels.
Anything a person typed or a file carried must reach those only escaped — through the ONE helper,
:func:`planner.escape.markdown` — so a lender called ``![x](http://evil/p.png)`` shows those characters and
the browser fetches nothing.

* ``markdown(value)`` — a bare user value (a name, a note; ``multiline=True`` keeps its lines);
* ``md(t, key, lang, name=…)`` — a message whose *parameters* carry user values: the template keeps its own
  Markdown, every text parameter is escaped (``planner.i18n.markdown_params``);
* ``md(issue.message, lang)``, ``md(plan.reason.render, lang)``, ``md(diff.lines, lang)`` … — the same for a
  message a planner object renders itself.

``tests/ui/test_markdown_sinks.py`` reads ui/ and fails on a sink fed anything else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from planner.escape import markdown
from planner.i18n import markdown_params

__all__ = ["markdown", "md"]

P = ParamSpec("P")
R = TypeVar("R")


def md(render: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """``render(*args, **kwargs)`` with every text parameter of the messages it renders escaped for Markdown."""
    with markdown_params():
        return render(*args, **kwargs)
