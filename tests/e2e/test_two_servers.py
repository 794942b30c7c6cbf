"""Two app processes on one PostgreSQL (the agency deployment): what one writes, the other shows, and
concurrent edits through both are refused, never lost.  Real browsers, a throwaway PostgreSQL cluster."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from planner.storage import Agency, Repository
from tests.e2e.appserver import app_server
from tests.e2e.conftest import IDLE_TIMEOUT_MS, VIEWPORT, open_page, require_chromium, wait_idle
from tests.storage.conftest import pg_server, pg_url  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

EMAIL, PASSWORD = "ana@example.org", "ana's long password"
CLIENT = "两台服务器的客户"


def sign_in(pg, base: str) -> None:
    open_page(pg, base, "debts", "en", ready="[data-testid='stForm']")
    pg.get_by_label("E-mail", exact=True).fill(EMAIL)
    pg.get_by_label("Password", exact=True).fill(PASSWORD)
    pg.get_by_role("button", name="Sign in").click()
    wait_idle(pg, "[data-testid='stSidebarNavItems']")


def to_clients(pg) -> None:
    pg.get_by_test_id("stSidebarNavItems").get_by_role("link", name="Clients").click()
    wait_idle(pg, "h1")


def test_two_app_processes_share_one_postgresql(pg_url, tmp_path, browser):  # noqa: F811
    """One sync_playwright() per process: the session's ``browser`` fixture drives both servers."""
    require_chromium()
    repo = Repository.open(pg_url)
    Agency.of(repo).accounts.add_user(EMAIL, "counsellor", team="north", password=PASSWORD)
    env = {"DATABASE_URL": pg_url, "PLANNER_ACCOUNTS": "on"}
    with app_server({**env, "PLANNER_DATA_DIR": str(tmp_path / "a")}) as (url_a, _), \
            app_server({**env, "PLANNER_DATA_DIR": str(tmp_path / "b")}) as (url_b, _):
        a = browser.new_context(viewport=VIEWPORT).new_page()
        b = browser.new_context(viewport=VIEWPORT).new_page()
        for pg in (a, b):
            pg.set_default_timeout(IDLE_TIMEOUT_MS)
        # 1. a client created through server A ...
        sign_in(a, url_a)
        to_clients(a)
        # no clients yet: the "New client" section is open
        a.get_by_role("textbox", name="Name or pseudonym").fill(CLIENT)
        a.get_by_role("button", name="Create").click()
        wait_idle(a)
        assert [c.display_name for c in repo.list_clients()] == [CLIENT]
        # ... is visible through server B
        sign_in(b, url_b)
        to_clients(b)
        box = b.get_by_role("combobox", name="Choose a client")
        shown = box.input_value() if box.evaluate("e => e.tagName") == "INPUT" else box.inner_text()
        assert CLIENT in shown
        b.get_by_role("button", name="Open (load the latest plan)").click()
        wait_idle(b)
        expect(b.locator("h3", has_text=CLIENT)).to_be_visible()
        # 2. both open the same file (version 1) and save a plan version at the same time
        client_id = repo.list_clients()[0].id
        a.get_by_role("button", name="Save new version").click()
        wait_idle(a)
        b.get_by_role("button", name="Save new version").click()
        wait_idle(b)
        expect(b.get_by_text("was changed in another session")).to_be_visible()
        assert len(repo.list_plan_versions(client_id)) == 1        # B refused, A's version kept
        # 3. B reloads and saves: nothing lost, both versions there
        b.get_by_role("button", name="Reload the client").click()
        wait_idle(b)
        b.get_by_role("button", name="Save new version").click()
        wait_idle(b)
        assert len(repo.list_plan_versions(client_id)) == 2
        # every access through both servers is in the one audit trail
        records = Agency.of(repo).audit.query(client_id=client_id)
        actions = [(r.actor, r.action) for r in records]
        saves = [r for r in records if (r.actor, r.action, r.detail) == (EMAIL, "change", "save_plan_version")]
        assert len(saves) == 2 and (EMAIL, "create") in actions
        for pg in (a, b):
            pg.context.close()
    repo.close()
