"""The command line's ``month --workspace`` (a My data export) lists what the dashboard's month page shows."""

from __future__ import annotations

import json
from datetime import date, timedelta

from planner import format_date, format_money, t
from planner.cli import main
from planner.parsing import assume_unknowns
from planner.storage import LOCAL_OWNER, Repository
from tests.ui.conftest import page_texts, run_page

PAGE = "ui/pages/month.py"


def test_cli_month_from_the_export_equals_the_page(capsys, tmp_path):
    from ui import state
    applied = (date.today() - timedelta(days=40)).isoformat()
    seed = {
        "ws.debt_rows": [assume_unknowns(r) for r in (
            {"name": "招行信用卡", "kind": "credit_card", "balance": "20000", "annual_rate": "不知道",
             "min_payment": "", "min_payment_pct": "不知道", "due_day": "5"},
            {"name": "借呗", "kind": "online_loan", "balance": "12000", "annual_rate": "14.6", "min_payment": "1120"},
            {"name": "美团月付", "kind": "consumer_finance", "balance": "6000", "annual_rate": "21",
             "min_payment": "700"},
            {"name": "房贷", "kind": "bank_loan", "balance": "300000", "annual_rate": "4", "min_payment": "2500"})],
        "ws.budget": {"income": 9000, "expenses": {"rent": 2800, "food": 1500}},
        "ws.negotiation": {"answers": {"借呗": {"status": "accepted", "monthly": "400", "rate": "0",
                                              "date": applied}}},
        "ws.followups": {"lenders": {"美团月付": {"applied": applied}}},
        "ws.settings": {"excluded_debts": ["房贷"], "strategy": "snowball"},
        "ws.budget_events": [{"kind": "extra", "month": "1", "amount": "1000"}],
    }
    at = run_page(PAGE, state=seed)
    texts = page_texts(at)
    repo = Repository.open("sqlite://")
    repo.workspaces.save(LOCAL_OWNER, at.session_state[state.WS_DATA], expected_version=0)
    path = tmp_path / "export.zip"
    path.write_bytes(repo.workspaces.export(LOCAL_OWNER))          # what the My data page serves

    assert main(["month", "--workspace", str(path), "--json"]) == 0       # today, like the page
    data = json.loads(capsys.readouterr().out)
    assert [i["name"] for i in data["items"]] == ["招行信用卡", "借呗", "美团月付"]
    assert format_money(data["budget"], "zh") in texts and data["strategy"] == "snowball"
    for item in data["items"]:
        assert f"**{item['name']}** · {t('month.status.' + item['status'], 'zh')}" in texts
        if item["amount"]:
            assert format_money(item["amount"], "zh") in texts
        if item["next_step"]:
            assert item["next_step"]["text"] in texts
            assert format_date(date.fromisoformat(item["next_step"]["date"]), "zh") in texts
    assert {i["name"]: i["status"] for i in data["items"]}["借呗"] == "agreed"
    assert format_money(data["total"], "zh") in texts
