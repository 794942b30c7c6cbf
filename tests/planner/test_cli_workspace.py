"""``month`` / ``calendar`` / ``report`` read the dashboard's "My data" export (``--workspace FILE``) and give the
dashboard's plan: agreed terms, excluded debts, budget changes, follow-ups; bad files give a message, not a traceback."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from icalendar import Calendar

from planner import Workspace
from planner.cli import main
from planner.month import this_month
from planner.parsing import assume_unknowns
from planner.plan_inputs import plan_inputs
from planner.storage import LOCAL_OWNER, Repository
from planner.storage.archive import read_workspace
from planner.workspace_plan import budget_plan_of, month_view, workspace_plan

TODAY = date(2026, 12, 3)
ROWS = [
    {"name": "招行信用卡", "kind": "credit_card", "balance": "20000", "annual_rate": "不知道", "min_payment": "",
     "min_payment_pct": "不知道", "due_day": "5"},
    {"name": "借呗", "kind": "online_loan", "balance": "12000", "annual_rate": "14.6", "min_payment": "1120",
     "due_day": "12", "official_channel": "支付宝-借呗-在线客服"},
    {"name": "美团月付", "kind": "consumer_finance", "balance": "6000", "annual_rate": "21", "min_payment": "700"},
    {"name": "房贷", "kind": "bank_loan", "balance": "300000", "annual_rate": "4", "min_payment": "2500"},
]
ACCEPTED = {"借呗": {"status": "accepted", "monthly": "400", "months": "30", "rate": "0", "date": "2026-11-20"}}


def workspace(answers=ACCEPTED, **changes) -> Workspace:
    sections = dict(
        debt_rows=[assume_unknowns(r) for r in ROWS],                  # what the debt cards store
        budget={"income": 9000, "expenses": {"rent": 2800, "food": 1500}},
        negotiation={"answers": answers},
        followups={"lenders": {"美团月付": {"applied": "2026-11-01"}}},
        settings={"excluded_debts": ["房贷"], "strategy": "avalanche"},
        budget_events=[{"kind": "extra", "month": "1", "amount": "1000"}])
    sections.update(changes)
    return Workspace.empty().with_changes(**sections)


def export(ws: Workspace) -> bytes:
    """The bytes the My data page's download button serves (WorkspaceStore.export)."""
    repo = Repository.open("sqlite://")
    repo.workspaces.save(LOCAL_OWNER, ws, expected_version=0)
    return repo.workspaces.export(LOCAL_OWNER)


@pytest.fixture
def ws_file(tmp_path):
    path = tmp_path / "我的数据.zip"
    path.write_bytes(export(workspace()))
    return path


def run_json(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if code == 0 else None, captured.err


def test_month_equals_the_planner_month_of_the_same_workspace(capsys, ws_file):
    code, data, err = run_json(capsys, "month", "--workspace", str(ws_file), "--date", TODAY.isoformat(), "--json")
    assert code == 0
    expected = month_view(workspace_plan(read_workspace(ws_file.read_bytes())), today=TODAY).to_dict("zh")
    assert data == json.loads(json.dumps(expected, ensure_ascii=False))
    # and independently, the dashboard's month page computation (ui/pages/month.py) on the same sections
    ws = workspace()
    from planner import parse_debt_rows
    debts, _ = parse_debt_rows(ws.debt_rows)
    p = plan_inputs(debts, budget_plan_of(ws.budget), negotiation=ws.negotiation, settings=ws.settings,
                    budget_events=ws.budget_events)
    plan = this_month(list(p.contract_debts), p.budget, "avalanche", today=TODAY, agreements=p.agreements)
    assert [(i["name"], i["amount"], i["status"]) for i in data["items"]] == \
        [(i.name, i.amount_cents / 100, i.status) for i in plan.items]
    # the workspace's budget: 9000 − 2800 − 1500 − the excluded mortgage's 2500 + the one-off 1000
    assert data["budget"] == 3200 and data["month"] == "2026-12"
    assert "房贷" not in [i["name"] for i in data["items"]]
    by_name = {i["name"]: i for i in data["items"]}
    assert by_name["借呗"]["status"] == "agreed" and by_name["借呗"]["next_step"]["step"] == "keep_agreement"
    assert by_name["美团月付"]["next_step"] == {"step": "followup_letter", "date": "2026-11-16", "overdue": True,
                                              "text": by_name["美团月付"]["next_step"]["text"]}
    assert "跟进函" in by_name["美团月付"]["next_step"]["text"]
    assert by_name["招行信用卡"]["assumed"] == ["annual_rate", "min_payment_pct"]
    assert "按估计" in err and "18.25%" in err                       # the assumption is said, on stderr


def test_agreed_terms_change_the_month(capsys, tmp_path, ws_file):
    _, agreed, _ = run_json(capsys, "month", "--workspace", str(ws_file), "--date", "2026-12-03", "--json",
                            "--strategy", "minimum")
    plain = tmp_path / "plain.zip"
    plain.write_bytes(export(workspace(answers={"借呗": {"status": "refused", "date": "2026-11-20"}},
                                       followups={"lenders": {"借呗": {"applied": "2026-11-01"}}})))
    _, refused, _ = run_json(capsys, "month", "--workspace", str(plain), "--date", "2026-12-03", "--json",
                             "--strategy", "minimum")
    a = {i["name"]: i for i in agreed["items"]}
    r = {i["name"]: i for i in refused["items"]}
    assert a["借呗"]["status"] == "agreed" and a["借呗"]["amount"] == 400      # the agreed instalment
    assert r["借呗"]["status"] != "agreed" and r["借呗"]["amount"] == 1120     # the contract's minimum
    assert r["借呗"]["next_step"]["step"] == "reconsider"


def test_month_table_in_both_languages(capsys, ws_file):
    assert main(["month", "--workspace", str(ws_file), "--date", "2026-12-03"]) == 0
    out = capsys.readouterr().out
    assert "2026年12月" in out and "按协议还款" in out and "（含估计值）" in out and "发跟进函" in out
    assert main(["month", "--workspace", str(ws_file), "--date", "2026-12-03", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert "as agreed" in captured.out and "(assumed values)" in captured.out and "follow-up letter" in captured.out
    assert "assumed" in captured.err and "Basis:" in captured.err


def test_calendar_from_the_workspace_has_agreed_payments_and_follow_up_deadlines(capsys, tmp_path, ws_file):
    out = tmp_path / "plan.ics"
    assert main(["calendar", "--workspace", str(ws_file), "--date", "2026-12-03", "--out", str(out),
                 "--months", "2"]) == 0
    events = [e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    summaries = [str(e.get("summary")) for e in events]
    assert any("借呗" in s and "400" in s for s in summaries), summaries
    assert any("美团月付" in s and "跟进函" in s for s in summaries), summaries
    assert not any("房贷" in s for s in summaries)


def test_report_from_the_workspace_shows_the_agreed_plan(capsys, tmp_path, ws_file):
    from tests.report.helpers import pdf_text
    out = tmp_path / "plan.pdf"
    assert main(["report", "--workspace", str(ws_file), "--date", "2026-12-03", "--out", str(out),
                 "--lang", "en"]) == 0
    text = pdf_text(out.read_bytes())
    assert "400.00" in text and "Mortgage" not in text
    # the lender that accepted is listed as agreed — no new proposal, no letter to it
    assert "Repayment agreements already reached" in text and "What I am asking the other lenders for" in text
    assert "Repayment application to 借呗" not in text and "Repayment application to 美团月付" in text


def test_report_from_the_workspace_marks_a_refusal(tmp_path, capsys):
    from tests.report.helpers import pdf_text
    path = tmp_path / "ws.zip"
    path.write_bytes(export(workspace(answers={**ACCEPTED, "美团月付": {"status": "refused", "date": "2026-11-25"}})))
    out = tmp_path / "plan.pdf"
    assert main(["report", "--workspace", str(path), "--date", "2026-12-03", "--out", str(out)]) == 0
    text = "".join(pdf_text(out.read_bytes()).split())     # lines wrap anywhere
    assert "此前的方案已于2026年11月25日被拒绝" in text and "已达成的还款协议" in text
    assert "致借呗的协商还款申请" not in text and "致美团月付的协商还款申请" in text


@pytest.mark.parametrize("extra", [["x.csv"], ["--budget", "3000"]])
def test_workspace_with_a_csv_or_a_budget_is_refused(capsys, ws_file, extra):
    code = main(["month", "--workspace", str(ws_file), *extra])
    err = capsys.readouterr().err
    assert code == 2 and "--workspace" in err and "CSV" in err


def test_neither_csv_nor_workspace(capsys):
    assert main(["month", "--lang", "en"]) == 2
    assert "--workspace" in capsys.readouterr().err


def _zip(**files) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return buf.getvalue()


def _tampered(data: bytes) -> bytes:
    """The export with bytes of the packed client.json changed (as a damaged download would be)."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("client.json")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    b = bytearray(data)
    for k in range(start + 5, start + 40):
        b[k] ^= 0x5A
    return bytes(b)


@pytest.mark.parametrize("content, zh, en", [
    (None, "无法读取", "cannot read"),
    (b"name,balance\nA,1\n", "不是 zip", "not a zip"),
    ("tampered", "格式不对", "not in the expected format"),
    (_zip(**{"data.json": "{}"}), "没有 client.json", "no client.json"),
    (_zip(**{"client.json": json.dumps({"format": "debt-planner-client", "format_version": 1,
                                         "workspace": {"debt_rows": "oops"}})}), "格式不对", "expected format"),
    (_zip(**{"client.json": json.dumps({"format": "debt-planner-client", "format_version": 1})}),
     "没有“我的数据”", "holds no workspace"),
    (_zip(**{"client.json": json.dumps({"format": "debt-planner-client", "format_version": 99})}),
     "比本程序支持的", "newer"),
])
def test_bad_files_give_a_message_in_the_users_language(capsys, tmp_path, content, zh, en):
    path = tmp_path / "ws.zip"
    if content == "tampered":
        path.write_bytes(_tampered(export(workspace())))
    elif content is not None:
        path.write_bytes(content)
    for lang, words in (("zh", zh), ("en", en)):
        code = main(["month", "--workspace", str(path), "--lang", lang])
        err = capsys.readouterr().err
        assert code == 1 and words in err and "Traceback" not in err, err


def test_every_damaged_byte_is_a_message_not_a_crash(tmp_path):
    """Damage anywhere in the file: InvalidArchive (a message) or a readable workspace — never another error."""
    from planner.storage import InvalidArchive
    data = export(workspace())
    for i in range(0, len(data), max(1, len(data) // 300)):
        for flip in (0x01, 0xFF):
            b = bytearray(data)
            b[i] ^= flip
            try:
                read_workspace(bytes(b))
            except InvalidArchive:
                pass


def test_a_workspace_whose_rows_all_have_problems(capsys, tmp_path):
    path = tmp_path / "ws.zip"
    path.write_bytes(export(workspace(debt_rows=[{"name": "A", "balance": "abc", "annual_rate": "1",
                                                  "min_payment": "1"}])))
    assert main(["month", "--workspace", str(path), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "row 1" in err and "'abc'" in err and "holds no debts" in err


def test_calendar_from_the_workspace_cancels_what_the_last_dashboard_download_had(tmp_path):
    """The dashboard remembered its last download (settings["calendar"]); since then 借呗 agreed to ¥400 over
    30 months instead of its contract payments: the events the new plan no longer has come out cancelled."""
    from datetime import UTC, datetime

    from planner.followups import deadlines, next_steps
    from planner.month import payment_schedule
    from planner.reminders import plan_export, with_calendar_record
    before = workspace(answers={})
    wp = workspace_plan(before)
    p = wp.inputs
    pays = payment_schedule(list(p.contract_debts), p.budget, "avalanche", today=TODAY, agreements=p.agreements,
                            months=120)
    steps = next_steps(list(p.contract_debts), wp.followups, wp.answers, today=TODAY)
    last = plan_export(pays, deadlines(steps, list(p.contract_debts)), stamp=datetime(2026, 12, 1, tzinfo=UTC),
                       previous={}, since=date(2026, 12, 1))
    settings = with_calendar_record(before.settings, last.record)
    ws_file = tmp_path / "ws.zip"
    ws_file.write_bytes(export(workspace(settings=settings)))
    out = tmp_path / "plan.ics"
    assert main(["calendar", "--workspace", str(ws_file), "--date", "2026-12-03", "--out", str(out)]) == 0
    events = {str(e["uid"]): e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    cancelled = [e for e in events.values() if str(e["status"]) == "CANCELLED"]
    assert cancelled and all(str(e["summary"]).startswith("已取消：") for e in cancelled)
    old = {e.uid: e for e in last.events}
    assert all(int(e["sequence"]) > old[str(e["uid"])].sequence for e in cancelled)
    assert set(old) <= set(events)                       # everything the phone has is in the file
    # the same plan from the CSV path knows nothing of earlier downloads: nothing cancelled
    csv = tmp_path / "debts.csv"
    csv.write_text("名称,余额,年利率,最低还款\n借呗,12000,14.6,1120\n", encoding="utf-8")
    assert main(["calendar", str(csv), "--budget", "3000", "--date", "2026-12-03", "--out", str(out)]) == 0
    assert all(str(e["status"]) == "CONFIRMED" for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
