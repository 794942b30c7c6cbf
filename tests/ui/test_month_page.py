"""The "本月 / This month" page (AppTest): the month list, forms, progress, calendar."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar

from planner import read_debts_csv, simulate
from tests.ui.conftest import ROOT, deferred, download_bytes, page_texts, run_page, ws_section  # noqa: F401

PAGE = "ui/pages/month.py"


SECTION = "month.section"        # ui.state.MONTH_SECTION: the part open below the list


def _form_input(at, key):
    return next(w for w in at.text_input if w.key == key)


def _open(at, part: str) -> None:
    """Tap one part of the switch below the month list."""
    at.session_state[SECTION] = part
    at.run()


def test_only_the_list_is_drawn_until_a_part_is_opened():
    """The answer (the month list) is the page; the forms and tools open one at a time (a phone draws less)."""
    at = run_page(PAGE, "en")
    assert not [w.key for w in at.text_input if (w.key or "").startswith("month.f.")]        # no form drawn
    assert not [b for b in at.get("download_button") if "calendar" in str(b.proto.label).lower()]
    assert "Records and tools" in str(at.get("button_group")[0].proto.label)
    _open(at, "pay")
    assert any(w.key == "month.f.pay.amount" for w in at.text_input)
    assert "Record a payment" in page_texts(at)


def test_month_list_matches_the_engine_and_shows_next_steps():
    at = run_page(PAGE)
    texts = page_texts(at)
    month = date.today()
    assert f"{month.year}年{month.month}月" in at.title[0].value
    debts = read_debts_csv(ROOT / "sample_debts.csv").debts
    r = simulate(debts, 8500, "avalanche", horizon=1)
    for d, paid in zip(debts, r.series.payment[0]):
        assert d.name in texts
        assert f"¥{float(paid):,.2f}" in texts if paid else "本月不需要还" in texts
    assert "下一步" not in texts          # the budget covers every due: nothing to negotiate


def test_a_short_budget_shows_who_falls_behind_and_the_next_step():
    from planner import BudgetPlan
    at = run_page(PAGE, state={"budget.plan": BudgetPlan(income=5000), "budget.version": 0})
    texts = page_texts(at)
    assert "将逾期" in texts and "罚息" in texts and "征信" in texts
    assert "下一步" in texts and "提交协商申请" in texts and "预算覆盖不了的应还金额" in texts


def test_english_and_the_first_page():
    at = run_page(PAGE, "en")
    texts = page_texts(at)
    assert "what to pay this month" in at.title[0].value and "Nothing due this month" in texts
    from ui.registry import PAGES
    assert PAGES[0][0] == PAGE


def test_record_an_acceptance_changes_the_list():
    at = run_page(PAGE, "en", state={SECTION: "answer"})
    at.selectbox(key="month.f.ans.lender").set_value("借呗")
    _form_input(at, "month.f.ans.monthly").set_value("300")
    _form_input(at, "month.f.ans.rate").set_value("0")
    at.checkbox(key="month.f.ans.waive_penalty").check()
    at.button(key="month.f.ans.submit").click()
    at.run()
    assert not at.exception
    answers = ws_section(at, "negotiation")["answers"]
    assert answers["借呗"]["status"] == "accepted" and answers["借呗"]["monthly"] == "300"
    texts = page_texts(at)
    assert "as agreed" in texts
    assert "Agreed: pay as agreed" in texts


def test_record_a_payment_and_bad_input_is_shown_and_kept():
    at = run_page(PAGE, "en", state={SECTION: "pay"})
    _form_input(at, "month.f.pay.amount").set_value("abc")
    at.button(key="month.f.pay.submit").click()
    at.run()
    assert "amount\\: \\'abc\\' is not a number" in page_texts(at)        # escaped for Markdown, no "row 1"
    assert _form_input(at, "month.f.pay.amount").value == "abc"            # what was typed is kept
    _form_input(at, "month.f.pay.amount").set_value("1,000")
    at.button(key="month.f.pay.submit").click()
    at.run()
    assert "Recorded." in page_texts(at)
    pays = ws_section(at, "payments")
    assert len(pays) == 1 and pays[0]["amount"] == "1,000"


def test_save_plan_then_progress_and_replan():
    at = run_page(PAGE, "en", state={SECTION: "progress"})
    at.button(key="month.f.start_plan").click().run()
    assert not at.exception
    hist = ws_section(at, "settings")["plan_history"]
    assert len(hist) == 1
    texts = page_texts(at)
    assert "Plan tracked" in texts and len(at.dataframe) == 1
    at.session_state["ws.balances"] = [{"date": date.today().isoformat(), "lender": "借呗", "balance": "0"}]
    at.run()
    at.button(key="month.f.replan").click().run()
    assert not at.exception
    assert len(ws_section(at, "settings")["plan_history"]) == 2
    assert "Paid off: 借呗" in page_texts(at)
    assert all(r["name"] != "借呗" for r in at.session_state["debts.rows"])


ICS = "month.f.ics"


def test_calendar_download_parses_and_matches_the_schedule(deferred):
    at = run_page(PAGE, state={SECTION: "calendar"})
    from planner.month import payment_schedule
    from planner.reminders import payment_uid
    events = list(Calendar.from_ical(download_bytes(at, deferred, ICS)).walk("VEVENT"))
    debts = read_debts_csv(ROOT / "sample_debts.csv").debts
    pays = payment_schedule(debts, 8500, today=date.today())
    uids = [str(e["uid"]) for e in events]
    assert uids[:len(pays)] == [payment_uid(p.name, p.due_date) for p in pays]
    assert [e.decoded("dtstart") for e in events[:len(pays)]] == [p.due_date for p in pays]
    assert all(str(e["status"]) == "CONFIRMED" for e in events)
    assert "calendar" not in ws_section(at, "settings")          # nothing remembered before a download


def test_calendar_redownload_after_replanning_cancels_what_is_gone(deferred):
    at = run_page(PAGE, "en", state={SECTION: "calendar"})
    first = {str(e["uid"]): e for e in Calendar.from_ical(download_bytes(at, deferred, ICS)).walk("VEVENT")}
    at.download_button(key=ICS).click().run()                        # the click records what was downloaded
    assert not at.exception
    remembered = ws_section(at, "settings")["calendar"]["events"]
    assert set(remembered) == set(first)
    assert all(remembered[u]["seq"] == int(first[u]["sequence"]) for u in first)
    assert not any("Since the calendar you last downloaded" in i.value for i in at.info)
    # re-plan from today: 借呗's app shows 0 -> it leaves the plan, the others get its money
    _open(at, "progress")
    at.button(key="month.f.start_plan").click().run()
    at.session_state["ws.balances"] = [{"date": date.today().isoformat(), "lender": "借呗", "balance": "0"}]
    at.run()
    at.button(key="month.f.replan").click().run()
    assert not at.exception and all(r["name"] != "借呗" for r in at.session_state["debts.rows"])
    _open(at, "calendar")
    assert any("will be marked cancelled" in i.value for i in at.info)
    second = {str(e["uid"]): e for e in Calendar.from_ical(download_bytes(at, deferred, ICS)).walk("VEVENT")}
    jiebei = {u for u, e in first.items() if str(e["summary"]).endswith("to 借呗")}
    assert len(jiebei) > 1
    cancelled = {u for u, e in second.items() if str(e["status"]) == "CANCELLED"}
    assert jiebei <= cancelled
    for u in cancelled:
        assert int(second[u]["sequence"]) > int(first[u]["sequence"])
        assert second[u].decoded("dtstamp") >= first[u].decoded("dtstamp")
        assert str(second[u]["summary"]) == "Cancelled: " + str(first[u]["summary"]) and not second[u].walk("VALARM")
    changed = [u for u in first if u in second and u not in cancelled
               and str(second[u]["summary"]) != str(first[u]["summary"])]
    assert changed and all(int(second[u]["sequence"]) > int(first[u]["sequence"]) for u in changed)
    unchanged = [u for u in first if u in second and str(second[u]["summary"]) == str(first[u]["summary"])]
    assert unchanged and all(second[u]["sequence"] == first[u]["sequence"] for u in unchanged)
    # downloaded again: remembered; the next render has nothing new to say and serves the same file
    data = download_bytes(at, deferred, ICS)
    at.download_button(key=ICS).click().run()
    assert all(ws_section(at, "settings")["calendar"]["events"][u]["cancelled"] is True for u in cancelled)
    assert not any("will be marked cancelled" in i.value for i in at.info)
    assert download_bytes(at, deferred, ICS) == data


def test_no_debts_points_to_the_debts_page():
    at = run_page(PAGE, "en", state={"debts.rows": [], "debts.version": 0})
    assert "No debts yet" in page_texts(at)


def test_next_step_letter_and_letters_section():
    at = run_page(PAGE, "en", state={"ws.followups": {"lenders": {"借呗": {"applied": "2026-01-01"}}}})
    texts = page_texts(at)
    assert "Due since" in texts and "No written answer" in texts
    labels = [str(b.proto.label) for b in at.get("download_button")]
    assert any("No-reply follow-up letter" in lab for lab in labels)
    _open(at, "letters")
    at.selectbox(key="month.f.letter.doc").set_value("statement").run()
    assert not at.exception
    labels = [str(b.proto.label) for b in at.get("download_button")]
    assert any("contract and an itemised statement" in lab for lab in labels)
    at.button(key="month.done.借呗.followup_letter").click().run()
    assert "followup_letter" in ws_section(at, "followups")["lenders"]["借呗"]["done"]
    assert "lender's own complaint channel" in page_texts(at)


def test_an_acceptance_feeds_the_compare_page_too():
    at = run_page("ui/pages/compare.py", "en")
    before = page_texts(at)
    at.session_state["ws.negotiation"] = {"answers": {"京东金条": {"status": "accepted", "monthly": "200",
                                                                    "rate": "0", "waive_penalty": True}}}
    at.run()
    after = page_texts(at)
    assert not at.exception and after != before


def test_saved_plan_version_carries_the_agreed_terms():
    at = run_page(PAGE, "en", state={"ws.negotiation": {"answers": {"借呗": {"status": "accepted", "monthly": "300",
                                                                               "rate": "0"}}}, SECTION: "progress"})
    at.button(key="month.f.start_plan").click().run()
    saved = {d["name"]: d for d in ws_section(at, "settings")["plan_history"][0]["debts"]}
    assert saved["借呗"]["min_payment"] == 300.0 and saved["借呗"]["annual_rate"] == 0.0


def test_the_pdf_follows_the_agreed_terms(tmp_path, monkeypatch):
    state = {"ws.negotiation": {"answers": {"借呗": {"status": "accepted", "monthly": "333.33", "rate": "0"}}}}
    at = run_page("ui/pages/report.py", "en", state=state)
    assert "listed in the PDF as agreed, on the agreed terms, with no new proposal: 借呗" in page_texts(at)
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path))      # another person's workspace: no agreement
    plain = run_page("ui/pages/report.py", "en")
    assert "listed in the PDF as agreed" not in page_texts(plain)


def test_without_a_budget_the_page_asks_for_income_first():
    """No income entered yet: not "¥0 budget, every account falls behind" but where to enter it, and the dues."""
    for lang, words in (("zh", ("先在“收入与开支”页填写每月收入", "本月各家应还合计 ¥")),
                        ("en", ("Enter your monthly income", "this month's dues total ¥"))):
        at = run_page(PAGE, lang, state={"ws.budget": {}})
        texts = page_texts(at)
        assert all(w in texts for w in words), texts
        assert "将逾期" not in texts and "will fall behind" not in texts.lower()
        assert not at.error
