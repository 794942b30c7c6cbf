"""The dashboard's pages, as data: one entry per page, in menu order.

Each entry: (script path relative to the repo root, title message key, icon, url path).
Adding a page is one line here plus its script under ui/pages/ and its texts under ui/text/.
"""

PAGES: list[tuple[str, str, str, str]] = [
    ("ui/pages/month.py", "page.month", ":material/today:", "month"),      # first once debts exist (ui/shell.py)
    ("ui/pages/debts.py", "page.debts", ":material/list_alt:", "debts"),
    ("ui/pages/budget.py", "page.budget", ":material/account_balance_wallet:", "budget"),
    ("ui/pages/compare.py", "page.compare", ":material/compare_arrows:", "compare"),
    ("ui/pages/negotiate.py", "page.negotiate", ":material/handshake:", "negotiate"),
    ("ui/pages/rights.py", "page.rights", ":material/gavel:", "rights"),
    ("ui/pages/report.py", "page.report", ":material/picture_as_pdf:", "report"),
    ("ui/pages/clients.py", "page.clients", ":material/folder_shared:", "clients"),
    ("ui/pages/mydata.py", "page.mydata", ":material/folder_managed:", "mydata"),
    ("ui/pages/admin.py", "page.admin", ":material/admin_panel_settings:", "admin"),
]

# Pages shown only to a signed-in admin with agency accounts on (by url path).
ADMIN_PAGES: frozenset[str] = frozenset({"admin"})
