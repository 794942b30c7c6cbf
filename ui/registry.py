"""The dashboard's pages, as data: one entry per page, in menu order.

Each entry: (script path relative to the repo root, title message key, icon, url path).
Adding a page is one line here plus its script under ui/pages/ and its texts under ui/text/.
"""

PAGES: list[tuple[str, str, str, str]] = [
    # ("ui/pages/debts.py", "page.debts", ":material/list_alt:", "debts"),
]
