"""Budget changes over time on the budget page (AppTest): events and the include/exclude switch feed the plan."""

from __future__ import annotations

from tests.ui.conftest import page_texts, run_page

PAGE = "ui/pages/budget.py"


def test_events_and_exclusion_feed_the_month_list():
    events = [{"kind": "extra", "month": "1", "amount": "10000"}, {"kind": "income_change", "month": "3",
                                                                   "amount": "20000"}]
    at = run_page(PAGE, "en", state={"ws.budget_events": events})
    texts = page_texts(at)
    assert "Money for debt in the first months: ¥18,500 → ¥8,500 → ¥13,500" in texts
    at.multiselect(key="budget.events.excluded").set_value(["表哥借款", "招联消费金融"]).run()
    assert at.session_state["ws.settings"]["excluded_debts"] == ["表哥借款", "招联消费金融"]
    assert "¥17,680 → ¥7,680" in page_texts(at)          # 招联's ¥820 a month is now an expense
    at.switch_page("ui/pages/month.py").run()
    month = page_texts(at)
    assert not at.exception and "招联消费金融" not in month and "表哥借款" not in month
    assert "budget ¥17,680.00" in month


def test_bad_event_is_shown_not_applied():
    at = run_page(PAGE, "zh", state={"ws.budget_events": [{"kind": "extra", "month": "x", "amount": "5"}]})
    texts = page_texts(at)
    assert "暂未计入" in texts and "¥8,500 → ¥8,500" in texts
