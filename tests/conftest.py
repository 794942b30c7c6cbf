"""Every test gets its own empty data directory: the dashboard autosaves each person's workspace
(planner.storage) under PLANNER_DATA_DIR, and no test may see another's data or the user's own."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path_factory.mktemp("planner-data")))
    monkeypatch.delenv("DATABASE_URL", raising=False)
