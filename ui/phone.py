"""Phone-first layout (390 px wide and up): one stylesheet for the whole app, and the chart config.

Streamlit offers no API for a few built-in English strings (the file uploader's "Upload" button and
"5MB per file" line) nor for a label on the collapsed menu button; these are replaced in CSS only, with our
own words in the person's language (the built-in text is hidden, not removed, so screen readers still get
the widget's own aria-label).
"""

from __future__ import annotations

import streamlit as st

import ui.text.phone  # noqa: F401  (registers the texts)
from planner import t

PHONE_MAX_PX = 640       # Streamlit stacks columns below this width


def _css_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stylesheet(lang: str) -> str:
    menu, upload, limit = (t(f"ui.phone.{k}", lang) for k in ("menu", "upload", "upload_limit"))
    return f"""<style>
/* a labelled menu: the collapsed sidebar's button says what it is */
[data-testid="stExpandSidebarButton"]::after {{ content: {_css_text(menu)}; margin-left: .3rem; font-size: 1rem;
  color: rgba(49, 51, 63, .9); }}
/* the file uploader in the person's language */
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p {{
  visibility: hidden; font-size: 0; }}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p::after {{
  content: {_css_text(upload)}; visibility: visible; font-size: .875rem; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ visibility: hidden; font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {_css_text(limit)}; visibility: visible;
  font-size: .8rem; }}
/* checkbox and toggle labels wrap instead of being cut off with "…" */
[data-testid="stCheckbox"] [data-testid="stMarkdownContainer"], [data-testid="stCheckbox"] label p {{
  white-space: normal !important; text-overflow: clip !important; overflow: visible !important; }}
[data-testid="stCheckbox"] label span {{ white-space: normal !important; overflow: visible !important; }}
@media (max-width: {PHONE_MAX_PX}px) {{
  /* less white space around the page and smaller headings: more of the answer above the fold */
  [data-testid="stMainBlockContainer"] {{ padding: 3.2rem .8rem 2rem .8rem; }}
  h1 {{ font-size: 1.7rem !important; padding-top: .2rem !important; }}
  h2 {{ font-size: 1.35rem !important; }}
  h3 {{ font-size: 1.15rem !important; }}
  /* key figures two to a row instead of one per screen line */
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]):not(:has(input, textarea)) {{
    flex-wrap: wrap !important; flex-direction: row !important; gap: .6rem !important; }}
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]):not(:has(input, textarea))
    > [data-testid="stColumn"] {{
    flex: 1 1 calc(50% - .6rem) !important; min-width: calc(50% - .6rem) !important; width: calc(50% - .6rem) !important; }}
  /* a touch screen shows a table's toolbar (columns, download, search, full screen) all the time, 44 px above
     the table: keep that strip free so it never covers the heading or caption over the table */
  [data-testid="stElementContainer"]:has([data-testid="stDataFrame"]) {{ margin-top: 2.9rem; }}
  [data-testid="stMetricValue"] {{ font-size: 1.3rem !important; }}
  [data-testid="stMetricLabel"] p {{ font-size: .85rem !important; }}
}}
</style>"""


def style(lang: str) -> None:
    """Inject the stylesheet (once per run, from the shell)."""
    st.html(stylesheet(lang))
