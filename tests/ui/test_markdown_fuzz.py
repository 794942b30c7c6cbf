"""Issue 11 item 8 (b): fuzzed lender names, CSV cells and headers, incident fields, client names, session notes
and plan labels never become live Markdown on a page (AppTest).

Every Markdown body the pages hand to Streamlit (markdown, captions, titles, alerts, expander and tab titles,
widget labels and help) is parsed with a CommonMark + GFM-autolink parser: no link, image or HTML may appear,
and no Streamlit directive (``:red[…]``, ``:material/…:``) or formula (``$…$``) the fuzzed text carried may
survive unescaped.  Bounded for ``make test`` (a few examples per target); a hypothesis profile with more
examples than the default (``make fuzz``) or ``MARKDOWN_FUZZ_EXAMPLES=200`` runs longer.
"""

from __future__ import annotations

from pathlib import Path

import csv
import io
import os
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st_

from planner import BudgetPlan, read_debts_csv
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import APP, TIMEOUT, run_page
from ui import state

markdown_it = pytest.importorskip("markdown_it")
MD = markdown_it.MarkdownIt("gfm-like", {"linkify": True})
# mdast-util-gfm-autolink-literal (what Streamlit's remark-gfm runs on every decoded text node): a backslash
# escape does not stop these, so they are checked on the parser's decoded text too
GFM_URL = re.compile(r"(?i)(https?://|www(?=\.))[-.\w]+[^ \t\r\n]*")
GFM_EMAIL = re.compile(r"(?<![-.\w+])[-.\w+]+@[-\w]+(?:\.[-\w]+)+")

PAYLOADS = ["![x](http://evil/p.png)", "[click](http://evil)", "<img src=http://evil/p.png>", ":red[x]",
            "$x$", "http://evil/a_b", "www.evil.com", "a@evil.com", "<http://evil>", "**bold**", "# head",
            "- item", "1. one", "`code`", ":material/home:", "[x]: http://evil", "&lt;img&gt;", "\\[x](http://e)",
            "> quote", "| a | b |", "~~s~~", "\n\n![y](http://evil/q.png)", "<script>alert(1)</script>"]
# a few examples in `make test`; a longer run when the loaded hypothesis profile asks for more than the default
# (e.g. `make fuzz`), or MARKDOWN_FUZZ_EXAMPLES=N
_PROFILE_EXAMPLES = settings.default.max_examples
EXAMPLES = int(os.environ.get("MARKDOWN_FUZZ_EXAMPLES", 3 if _PROFILE_EXAMPLES <= 100 else _PROFILE_EXAMPLES // 10))
# no shrinking: one AppTest run takes a second or two, and the failing example is printed as found
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 10, database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# A fuzzed value: payload fragments glued to arbitrary text (printable, CJK, punctuation).
fragment = st_.sampled_from(PAYLOADS) | st_.text(st_.characters(codec="utf-8", exclude_categories=("Cs",)),
                                                 max_size=6)
hostile = st_.lists(fragment, min_size=1, max_size=3).map("".join).filter(lambda s: s.strip() != "")


def _bodies(at) -> list[str]:
    """Every text the pages handed to Streamlit as Markdown (main area and sidebar)."""
    out = []
    for group in (at.markdown, at.caption, at.title, at.header, at.subheader, at.error, at.warning, at.info,
                  at.success):
        out += [str(e.value) for e in group]
    out += [e.label for e in at.expander] + [e.label for e in at.tabs]
    for kind in ("button", "checkbox", "radio", "selectbox", "multiselect", "text_input", "text_area",
                 "number_input", "date_input", "toggle"):
        for w in getattr(at, kind):
            out += [w.label, getattr(w, "help", None) or ""]
    return out


def _inline(tokens):
    for tok in tokens:
        yield tok
        yield from _inline(tok.children or [])


def assert_no_live_markup(at, values: list[str], shown: list[str] = ()) -> None:
    assert not at.exception, [e.value for e in at.exception]
    bodies = _bodies(at)
    for body in bodies:
        live = [t.type for t in _inline(MD.parse(body)) if t.type in ("link_open", "image", "html_inline",
                                                                       "html_block")]
        assert not live, (live, body)
        for tok in _inline(MD.parse(body)):                # remark-gfm also links URLs found in decoded text
            if tok.type == "text":
                found = [m.group(0) for m in (*GFM_URL.finditer(tok.content), *GFM_EMAIL.finditer(tok.content))]
                assert not [f for f in found if "evil" in f], (found, body)
        unescaped = re.sub(r"\\.", "", body)            # what is left once every escaped character is removed
        for value in values:
            if ":red[" in value:
                assert ":red[" not in unescaped, body
            if ":material/" in value:
                assert ":material/home" not in unescaped, body
            if "$" in value:
                assert "$" not in unescaped, body
    text = re.sub(r"\\(.)", r"\1", "\n".join(bodies))
    for value in shown:                                 # these values are shown (escaped), not dropped
        words = [w for w in re.split(r"[^0-9A-Za-z\u4e00-\u9fff]+", value) if len(w) >= 2]
        assert all(w in text for w in words), (value, words)


# --------------------------------------------------------------------------- targets

def _debt_row(name: str, **cells: str) -> dict[str, str]:
    row = {"name": name, "kind": "online_loan", "balance": "12000", "annual_rate": "18", "min_payment": "800"}
    return {c: cells.get(c, row.get(c, "")) for c in state.DEBT_COLUMNS}


def _debts_page(name: str, cell: str, header: str):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "balance", "annual_rate", "min_payment", header])
    writer.writerow([name, cell, "18", "800", "x"])
    imported = read_debts_csv(out.getvalue().encode("utf-8"))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["lang"] = "en"
    at.session_state[state.DEBT_ROWS] = [_debt_row(name), _debt_row(name + "2", balance=cell)]
    at.session_state[state.DEBT_VERSION] = 0
    at.run()
    at.session_state[state.DEBT_IMPORT] = imported                   # reported once, by the debts page
    return at.switch_page("ui/pages/debts.py").run()


@FUZZ
@given(name=hostile, cell=hostile, header=hostile)
def test_debts_page_errors_and_import_report(name, cell, header):
    at = _debts_page(name, cell, header)
    assert at.title[0].value == "My debts"
    assert_no_live_markup(at, [name, cell, header])


NEGOTIATE_PARTS = state.NEG_SECTIONS                # the negotiate page's parts, drawn one at a time


def _other_negotiate_views(at):
    """The negotiate page's parts after the first, then the letters' documents after the first (each drawn
    alone): the page run once per view."""
    for part in NEGOTIATE_PARTS[1:]:
        at.session_state[state.NEG_SECTION] = part
        yield at.run()
    at.session_state[state.NEG_SECTION] = "letters"
    for doc in state.NEG_DOCS[1:]:
        at.session_state[state.NEG_DOC] = doc
        yield at.run()


def _month_parts(at):
    """The month page's parts below the list (each drawn alone when opened): the page run once per part."""
    for part in state.MONTH_SECTIONS:
        at.session_state[state.MONTH_SECTION] = part
        yield at.run()


@FUZZ
@given(names=st_.lists(hostile, min_size=2, max_size=3, unique=True))
def test_compare_and_negotiate_pages_with_hostile_lender_names(names):
    rows = [_debt_row(n, balance=str(8000 + 3000 * i)) for i, n in enumerate(names)]
    for page in ("ui/pages/compare.py", "ui/pages/negotiate.py"):
        at = run_page(page, "zh", state={state.DEBT_ROWS: rows, state.DEBT_VERSION: 0,
                                          state.BUDGET_PLAN: BudgetPlan(income=2_500), "budget.version": 1})
        assert_no_live_markup(at, names)
    for view in _other_negotiate_views(at):            # the negotiate page draws one part at a time
        assert_no_live_markup(view, names)


def _incident(lender: str, summary: str, caller: str, day: int = 3) -> dict | None:
    from planner.rights import parse_incident_row
    inc, _ = parse_incident_row({"lender": lender, "date": date(2026, 11, day), "time": None, "channel": "call",
                                 "caller": caller, "contact_role": "third_party", "relationship": summary,
                                 "count": 3, "summary": summary, "tags": ["threat"], "evidence": [],
                                 "id": ""}, today=date(2026, 12, 1))
    return None if inc is None else inc.to_record()


@FUZZ
@given(lender=hostile, summary=hostile, caller=hostile)
def test_rights_page_with_hostile_incident_fields(lender, summary, caller):
    record = _incident(lender, summary, caller)
    if record is None:                                  # refused input: the page never sees it
        return
    at = run_page("ui/pages/rights.py", "en", state={state.RIGHTS_INCIDENTS: [record]})
    assert_no_live_markup(at, [lender, summary, caller], shown=[lender])


def test_every_payload_at_once_on_every_page(tmp_path, monkeypatch):
    """Deterministic: every payload as a lender name, a CSV cell and header, an incident and a client file."""
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("PLANNER_PASSWORD", raising=False)
    names = [f"{p} 平台{i}" for i, p in enumerate(PAYLOADS)]
    assert_no_live_markup(_debts_page(PAYLOADS[0], " ".join(PAYLOADS), PAYLOADS[1]), PAYLOADS)
    rows = [_debt_row(n, balance=str(5000 + 100 * i)) for i, n in enumerate(names)]
    for page in ("ui/pages/month.py", "ui/pages/compare.py", "ui/pages/negotiate.py", "ui/pages/report.py"):
        at = run_page(page, "zh", state={state.DEBT_ROWS: rows, state.DEBT_VERSION: 0,
                                          state.BUDGET_PLAN: BudgetPlan(income=9_000), "budget.version": 1})
        assert_no_live_markup(at, PAYLOADS)
        views = {"negotiate": _other_negotiate_views, "month": _month_parts}.get(Path(page).stem, lambda _: ())
        for view in views(at):
            assert_no_live_markup(view, PAYLOADS)
    records = [r for i, p in enumerate(PAYLOADS) if (r := _incident(f"{p} 平台{i}", p, p, day=1 + i % 28))]
    assert len(records) >= len(PAYLOADS) - 2
    at = run_page("ui/pages/rights.py", "zh", state={state.RIGHTS_INCIDENTS: records})
    assert_no_live_markup(at, PAYLOADS, shown=["平台1", "平台3"])

    from planner.storage import Repository, database_url
    repo = Repository.open(database_url())
    try:
        client = repo.create_client(PAYLOADS[0] + " 张三", contact_notes=" ".join(PAYLOADS))
        from planner import parse_debt_rows
        debts_a, _ = parse_debt_rows(rows[:3])
        debts_b, _ = parse_debt_rows(rows[2:6])
        budget = BudgetPlan(income=9_000).to_dict()
        repo.save_plan_version(client.id, debts=debts_a, budget=budget, strategy="avalanche", label=PAYLOADS[1],
                               expected_version=repo.get_client(client.id).version)
        repo.save_plan_version(client.id, debts=debts_b, budget=budget, strategy="snowball", label=PAYLOADS[2],
                               expected_version=repo.get_client(client.id).version)
        repo.add_session(client.id, session_date=date(2026, 11, 30), notes="\n".join(PAYLOADS),
                         expected_version=repo.get_client(client.id).version)
        version = repo.get_client(client.id).version
    finally:
        repo.close()
    at = run_page("ui/pages/clients.py", "en", state={state.CLIENT_ID: client.id, state.CLIENT_VERSION: version})
    assert_no_live_markup(at, PAYLOADS + [PAYLOADS[0] + " 张三"], shown=["张三", "平台1", "平台5"])
    bodies = "\n".join(_bodies(at))
    assert "http\\:\u2060//evil/p\\.png" in bodies        # the notes and names are shown, as text
