"""Issue 11 item 8 (a): no user text reaches a Streamlit Markdown sink unescaped — read from the source of ui/.

Every call of a Markdown sink (``st.markdown``/``write``/``error``/``warning``/``info``/``success``/``caption``/
``toast``/``title``/``header``/``subheader``, ``st.expander``/``tabs``/``popover`` titles, widget labels and help
texts, column-config labels, radio options) in ``app.py`` and ``ui/`` is checked: what it is given must be
*known safe*:

* a string literal, or a message ``t(key, lang)`` whose parameters are all known safe values;
* anything passed through ``md(...)`` or ``markdown(...)`` (ui/safe.py, planner.escape.markdown);
* an f-string, ``+`` or ``sep.join(...)`` made only of those;
* a local name whose every assignment is known safe, or a parameter whose every call site in the module
  passes a known safe value.

Known safe *parameters* of a message are those above plus formatted numbers and dates (``format_money``,
``format_pct``, ``format_month(s)``, ``format_date``, ``len``, ``.isoformat()``, int literals) and the labels of
our own vocabularies (``.label(lang)``, ``t(...)``).  Anything else — a lender name, a cell value, a note, a
planner message with user values (``issue.message(lang)``) — fails here until it is wrapped in ``md``/``markdown``.
The allow-list below holds the few expressions that are safe for a reason the checker cannot see; each says why.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FILES = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py"))]

# method name -> positional indexes and keywords that Streamlit reads as Markdown
TEXT_SINKS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    **{name: ((0,), ("body", "help")) for name in ("markdown", "write", "error", "warning", "info", "success",
                                                   "caption", "toast", "title", "header", "subheader",
                                                   "exception")},
    **{name: ((0,), ("label", "help")) for name in (
        "button", "download_button", "link_button", "page_link", "checkbox", "toggle", "radio", "selectbox",
        "multiselect", "select_slider", "slider", "text_input", "text_area", "number_input", "date_input",
        "time_input", "file_uploader", "camera_input", "color_picker", "form_submit_button", "expander",
        "popover", "status", "metric", "pills", "segmented_control", "feedback", "chat_input")},
    **{name: ((0,), ("label", "help")) for name in (
        "Column", "TextColumn", "NumberColumn", "CheckboxColumn", "SelectboxColumn", "DateColumn",
        "DatetimeColumn", "TimeColumn", "ListColumn", "LinkColumn", "ImageColumn", "ProgressColumn",
        "LineChartColumn", "BarChartColumn", "AreaChartColumn", "MultiselectColumn", "JsonColumn")},
}
# st.page_link("path", label=...) — its first argument is a page, not text
POSITIONAL_NOT_TEXT = {"page_link"}
# radio options are Markdown too: its format_func must return safe text
FORMAT_FUNC_SINKS = {"radio", "pills", "segmented_control"}
ESCAPERS = {"md", "markdown", "esc"}      # esc: planner.escape.markdown imported under that name
# formatted numbers and dates, and the labels of our own vocabularies (strategies, kinds, methods, rules …)
SAFE_VALUE_CALLS = {"format_money", "format_pct", "format_month", "format_months", "format_date", "len", "int",
                    "round", "max", "min", "t", "status_label", "column_label", "_label", "letter_title"}
SAFE_VALUE_METHODS = {"isoformat", "label", "short_label", "title", "description", "strftime", "citations", "to_confirm_titles"}

# (file, unparsed expression) that is safe for a reason the checker cannot see.
ALLOW: dict[tuple[str, str], str] = {
    ("ui/debt_cards.py", "_summary(row, bool(problems), lang)"): "_summary passes every user value (name, balance, "
                                                                 "an unknown kind) through markdown()",
    ("ui/workspace_state.py", "_s.lang()"): "ui.store.error(lang) is not st.error: it returns the storage error text",
    ("ui/pages/clients.py", "message"): "the FLASH message: every _flash(...) call passes md(t, …) or a t(key) without "
                                        "parameters",
    ("ui/guard.py", "t('shell.error', lang, ref=ref)"): "ref is secrets.token_hex",
    ("ui/pages/compare.py", "note.text"): "the notes come from md(explain, …): rendered with escaped parameters",
    ("ui/budget_events.py", "' · '.join((f\"{k}: {t('budget_event.' + k, lang)}\" for k in EVENT_KINDS))"):
        "EVENT_KINDS are our own vocabulary keys",
    ("ui/month_forms.py", "message"): "flash(): every _saved(...) call passes a message without user values",
    ("ui/pages/month.py", "t(key, lang, date=format_date(step.due, lang), text=step.text(debt, lang, markdown))"):
        "step.text escapes its user parts with the markdown helper it is given",
    ("ui/pages/rights.py", "section.title"): "rights_summary(): static texts of planner/rights, no user input",
    ("ui/pages/rights.py", "section.text"): "rights_summary(): static texts of planner/rights, no user input",
}
USED: set[tuple[str, str]] = set()


@dataclass
class Problem:
    file: str
    line: int
    sink: str
    expr: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} {self.sink}(...): {self.expr}"


class Module:
    def __init__(self, path: Path):
        self.rel = path.relative_to(ROOT).as_posix()
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.functions = {n.name: n for n in ast.walk(self.tree) if isinstance(n, ast.FunctionDef)}

    def scope(self, node: ast.AST) -> ast.AST:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                return node
        return self.tree

    def allowed(self, expr: ast.AST) -> bool:
        entry = (self.rel, ast.unparse(expr))
        if entry in ALLOW:
            USED.add(entry)
            return True
        return False

    # ------------------------------------------------------------------ safety of an expression
    def safe(self, expr: ast.AST, depth: int = 0) -> bool:
        if depth > 8 or expr is None:
            return False
        if self.allowed(expr):
            return True
        if isinstance(expr, ast.Constant):
            return True
        if isinstance(expr, ast.JoinedStr):
            return all(self.safe_value(v.value, depth + 1) for v in expr.values if isinstance(v, ast.FormattedValue))
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            return self.safe(expr.left, depth + 1) and self.safe(expr.right, depth + 1)
        if isinstance(expr, ast.IfExp):
            return self.safe(expr.body, depth + 1) and self.safe(expr.orelse, depth + 1)
        if isinstance(expr, (ast.List, ast.Tuple)):
            return all(self.safe(e, depth + 1) for e in expr.elts)
        if isinstance(expr, (ast.ListComp, ast.GeneratorExp)):
            return self.safe(expr.elt, depth + 1)
        if isinstance(expr, ast.Name):
            return expr.id == "lang" or self.safe_name(expr, depth + 1)
        if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Dict):      # {"zh": "中文", …}[code]
            return all(isinstance(v, ast.Constant) for v in expr.value.values)
        if isinstance(expr, ast.Call):
            name = _call_name(expr)
            if name in ESCAPERS:
                return True
            if name in SAFE_VALUE_CALLS - {"t"}:
                return True
            if isinstance(expr.func, ast.Attribute) and expr.func.attr in SAFE_VALUE_METHODS:
                return True
            if isinstance(expr.func, ast.Name):                    # c = lambda k: t(f"…{k}", lang); c("rate")
                alias = self.lambda_alias(expr.func)
                if alias is not None:
                    return self.safe(alias.body, depth + 1)
                fn = self.functions.get(expr.func.id)          # a helper of this module: all its returns safe
                if isinstance(fn, ast.FunctionDef):
                    returns = [r.value for r in ast.walk(fn) if isinstance(r, ast.Return)]
                    return bool(returns) and all(self.safe(r, depth + 1) for r in returns)
            if name == "t":
                return not any(k.arg is None for k in expr.keywords) and \
                    all(self.safe_value(k.value, depth + 1) for k in expr.keywords)
            if name == "join" and isinstance(expr.func, ast.Attribute) and expr.args:
                return self.safe(expr.func.value, depth + 1) and self.safe(expr.args[0], depth + 1)
        return False

    def lambda_alias(self, name: ast.Name) -> ast.Lambda | None:
        scope = self.scope(name)
        values = [n.value for n in ast.walk(scope) if isinstance(n, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == name.id for t in n.targets)]
        return values[0] if len(values) == 1 and isinstance(values[0], ast.Lambda) else None

    def safe_value(self, expr: ast.AST, depth: int) -> bool:
        """A message parameter / f-string field: also formatted numbers, dates and our vocabularies' labels."""
        if isinstance(expr, ast.Call):
            name = _call_name(expr)
            if name in SAFE_VALUE_CALLS and name != "t":
                return True
            if isinstance(expr.func, ast.Attribute) and expr.func.attr in SAFE_VALUE_METHODS \
                    and not self._user_record(expr.func.value):
                return True
        if isinstance(expr, ast.Constant) and not isinstance(expr.value, str):
            return True
        return self.safe(expr, depth)

    @staticmethod
    def _user_record(expr: ast.AST) -> bool:
        return False

    def safe_name(self, name: ast.Name, depth: int) -> bool:
        scope = self.scope(name)
        assigned = [n.value for n in ast.walk(scope) if isinstance(n, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == name.id for t in n.targets)]
        assigned += [n.value for n in ast.walk(scope) if isinstance(n, (ast.AnnAssign, ast.NamedExpr))
                     and isinstance(n.target, ast.Name) and n.target.id == name.id and n.value is not None]
        loops = [n for n in ast.walk(scope) if isinstance(n, (ast.For, ast.comprehension))
                 and isinstance(n.target, ast.Name) and n.target.id == name.id]
        if loops:
            return all(self.safe(loop.iter, depth) for loop in loops) and \
                all(self.safe(v, depth) for v in assigned)
        if assigned:
            return all(self.safe(v, depth) for v in assigned)
        if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return self.safe_parameter(scope, name.id, depth)
        return False

    def safe_parameter(self, fn: ast.FunctionDef, param: str, depth: int) -> bool:
        names = [a.arg for a in fn.args.posonlyargs + fn.args.args]
        if param not in names and param not in [a.arg for a in fn.args.kwonlyargs]:
            return False
        if param == "lang":
            return True
        calls = [n for n in ast.walk(self.tree) if isinstance(n, ast.Call) and _call_name(n) == fn.name]
        if not calls:
            return False
        positional = fn.args.posonlyargs + fn.args.args
        defaults = dict(zip([a.arg for a in positional[len(positional) - len(fn.args.defaults):]], fn.args.defaults))
        defaults |= {a.arg: d for a, d in zip(fn.args.kwonlyargs, fn.args.kw_defaults) if d is not None}
        for call in calls:
            arg = next((k.value for k in call.keywords if k.arg == param), None)
            if arg is None and param in names and names.index(param) < len(call.args):
                arg = call.args[names.index(param)]
            if arg is None:
                arg = defaults.get(param)
            if arg is None or not self.safe(arg, depth):
                return False
        return True

    # ------------------------------------------------------------------ the sinks
    def problems(self) -> list[Problem]:
        out = []
        for call in (n for n in ast.walk(self.tree) if isinstance(n, ast.Call)):
            sink = _sink_name(call)
            if sink is None:
                continue
            positions, keywords = TEXT_SINKS[sink]
            exprs = [] if sink in POSITIONAL_NOT_TEXT else [call.args[i] for i in positions if i < len(call.args)]
            exprs += [k.value for k in call.keywords if k.arg in keywords]
            if sink == "tabs" and call.args:
                exprs = [call.args[0]]
            if sink in FORMAT_FUNC_SINKS:
                fmt = next((k.value for k in call.keywords if k.arg == "format_func"), None)
                if isinstance(fmt, ast.Lambda):
                    exprs.append(fmt.body)
            out += [Problem(self.rel, e.lineno, sink, ast.unparse(e)) for e in exprs if not self.safe(e)]
        return out


def _call_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _sink_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        if func.attr == "tabs":
            return "tabs"
        if func.attr in TEXT_SINKS and not (isinstance(func.value, ast.Name) and func.value.id in {
                "log", "logging", "logger", "escape"}):         # escape.markdown(x) is the escaper, not a sink
            return func.attr
    if isinstance(func, (ast.IfExp, ast.Subscript)):       # (st.success if ok else st.error)(text), _SHOW[level](text)
        return "markdown"
    return None


TEXT_SINKS["tabs"] = ((0,), ())


def test_every_markdown_sink_gets_escaped_user_text():
    problems = [p for f in FILES for p in Module(f).problems()]
    assert not problems, "unescaped text reaches Markdown (wrap it in md(...) or markdown(...), ui/safe.py):\n" + \
        "\n".join(map(str, problems))
    assert set(ALLOW) <= USED, f"allow-list entries no longer in ui/ (remove them): {set(ALLOW) - USED}"


def test_the_checker_catches_the_defects_of_issue_11(tmp_path):
    """The checker itself fails on the shapes the review found (so a green run means something)."""
    bad = '''
import streamlit as st
from planner import t
from ui.safe import md, markdown

def page(lang, debts, notes, issues, lines, lender):
    st.error(t("ui.debts.bad_rows", lang, n=len(debts)) + "\\n".join(f"- {i.message(lang)}" for i in issues))
    st.markdown(f"**{notes}**")
    st.markdown("\\n".join(f"- {line}" for line in lines))
    st.info(t("x", lang, lender=lender))
    st.expander(f"{lender}")
    st.radio("x", [1], format_func=lambda k: lender)
    st.error(md(t, "x", lang, lender=lender))          # fine
    st.caption(markdown(notes, multiline=True))        # fine
    st.caption(t("x", lang, n=len(debts), amount=format_money(1, lang)))   # fine
'''
    path = tmp_path / "page.py"
    path.write_text(bad, encoding="utf-8")
    module = Module.__new__(Module)
    module.rel = "page.py"
    module.tree = ast.parse(bad)
    module.parents = {c: n for n in ast.walk(module.tree) for c in ast.iter_child_nodes(n)}
    module.functions = {}
    found = sorted(p.line for p in module.problems())
    assert found == [7, 8, 9, 10, 11, 12], module.problems()


def test_no_raw_html_and_no_cells_rendered_as_links_or_markdown():
    """Cells of st.dataframe/st.data_editor are plain text unless a column config renders them as links, images
    or Markdown; raw HTML bypasses escaping altogether.  None of that in ui/ (say why here if one is ever needed)."""
    # the one st.html: the phone stylesheet, built only from our own texts (CSS-quoted by phone._css_text)
    html_allowed = {"ui/phone.py"}
    found = []
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "html" and \
                    str(path.relative_to(ROOT)) in html_allowed:
                continue
            if isinstance(node, ast.keyword) and node.arg == "unsafe_allow_html" and \
                    not (isinstance(node.value, ast.Constant) and node.value.value is False):
                found.append(f"{path.relative_to(ROOT)}:{node.value.lineno} unsafe_allow_html")
            if isinstance(node, ast.Attribute) and node.attr in ("html", "LinkColumn", "ImageColumn", "MarkdownColumn",
                                                                 "components"):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.attr}")
    assert not found, found
