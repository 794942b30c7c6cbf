"""Strategy comparison page: table, charts, schedule, plain-language verdict (AppTest)."""

from __future__ import annotations

import pytest

from planner import BudgetPlan
from tests.ui.conftest import ROOT, page_texts, run_page
from ui.state import BUDGET_PLAN, COMPARE_ORDER, COMPARE_STRATEGY

PAGE = "ui/pages/compare.py"


def charts(at):
    return at.get("vega_lite_chart")


@pytest.mark.parametrize("lang, title, winner", [
    ("zh", "还款方案对比", "最快也最省的还法"), ("en", "Compare repayment strategies", "Fastest and cheapest")])
def test_renders_table_charts_and_verdict(lang, title, winner):
    at = run_page(PAGE, lang)
    assert at.title[0].value == title
    assert winner in at.success[0].value
    table = at.dataframe[0].value
    assert len(table) == 4                     # avalanche, snowball, spread, minimum
    assert len(charts(at)) == 4
    assert len(at.download_button) == 1
    text = page_texts(at)
    assert ("原因" in text) if lang == "zh" else ("Why" in text)


def test_budget_below_dues_points_to_negotiation():
    at = run_page(PAGE, state={BUDGET_PLAN: BudgetPlan(income=6_000), "budget.version": 1})
    text = page_texts(at)
    assert "少 ¥1,617.72" in text                 # dues ¥7,617.72 vs budget ¥6,000
    assert "协商" in text
    assert [e.label for e in at.expander][-1] == "仍然看看各种还法的结果（都会有账户逾期）"   # the plans are tucked
    assert len(at.expander) == 2                  # away, not shown as the answer (the other: own order)
    if (ROOT / "ui" / "pages" / "negotiate.py").exists():
        assert [p.proto.page for p in at.page_link] == ["negotiate"]
    else:
        assert "下一步：和各平台协商" in text


def test_budget_below_interest_says_it_plainly():
    at = run_page(PAGE, "zh", state={BUDGET_PLAN: BudgetPlan(income=800), "budget.version": 1})
    assert "每个平台还一点，连利息都还不上" in at.error[0].value


def test_choosing_a_strategy_changes_the_detail():
    at = run_page(PAGE, "en")
    assert at.session_state[COMPARE_STRATEGY] == "avalanche"
    at.selectbox(key=COMPARE_STRATEGY).set_value("spread").run()
    assert not at.exception
    assert "Month-by-month schedule (Spread)" in [s.value for s in at.subheader]


def test_shocked_budget_is_marked():
    from planner import IncomeShock
    plan = BudgetPlan(income=15_000, expenses={"rent": 2_800}, shock=IncomeShock(50, 3, 2))
    at = run_page(PAGE, "en", state={BUDGET_PLAN: plan, "budget.version": 1})
    assert "income drop applied" in page_texts(at)


def test_own_order_joins_the_comparison_and_drives_the_schedule():
    at = run_page(PAGE, "en")
    assert "Your own order" not in set(at.dataframe[0].value.iloc[:, 1])
    at.multiselect(key=COMPARE_ORDER).select("表哥借款").select("京东金条").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 5 and any("Your own order" in s for s in table.iloc[:, 1])
    at.selectbox(key=COMPARE_STRATEGY).set_value("custom").run()
    schedule = at.dataframe[1].value
    first = schedule[schedule["Month"] == 1].set_index("Lender")
    # the cousin's interest-free loan, first in my order, gets the extra money in month 1 (avalanche gives it none)
    assert first.loc["表哥借款", "Payment"] != "¥0.00"
    at.selectbox(key=COMPARE_STRATEGY).set_value("avalanche").run()
    schedule = at.dataframe[1].value
    assert schedule[schedule["Month"] == 1].set_index("Lender").loc["表哥借款", "Payment"] == "¥0.00"


def test_a_short_budget_gives_one_recommendation_and_names_the_unpaid_lenders():
    at = run_page(PAGE, state={BUDGET_PLAN: BudgetPlan(income=6_000), "budget.version": 1})
    assert not at.warning                                      # no second, competing yellow call to action
    [error] = at.error
    assert "协商" in error.value
    assert [p.label for p in at.page_link] == ["推荐：去协商页，准备和各平台协商"]   # one call to action
    text = page_texts(at)
    assert "协商谈成之前" in text and "「借呗」（5 个月）" in text and "征信" in text


def test_the_strategies_are_explained_in_one_line():
    at = run_page(PAGE, "en")
    [line] = [c.value for c in at.caption if "Avalanche = extra money to the highest rate first" in c.value]
    assert at.caption[0].value != line            # said once, next to the table of short names, not in the intro


@pytest.mark.parametrize("lang, head, best, never", [
    ("zh", ["还法", "还清需要", "利息和费用", "逾期月数"], "雪崩法（推荐）", "还不清"),
    ("en", ["Strategy", "Debt-free in", "Interest+fees", "Late"], "Avalanche (best)", "Not cleared")])
def test_the_summary_leads_with_short_names_and_the_key_figures(lang, head, best, never):
    at = run_page(PAGE, lang)
    table = at.dataframe[0]
    shown = list(table.proto.column_order)
    assert shown[:4] == head                       # what a phone shows without scrolling sideways
    rows = table.value.set_index(head[0])
    assert list(rows.index) == [best, *rows.index[1:]]
    assert set(rows.index[1:]) == ({"雪球法", "平摊", "只还最低"} if lang == "zh" else {"Snowball", "Spread",
                                                                                        "Minimums only"})
    assert rows.loc[best, head[1]] == ("10个月" if lang == "zh" else "10 mo")
    # interest+fees is the verdict's cost figure (interest, penalty interest and fees)
    assert rows.loc[best, head[2]] in at.success[0].value
    assert rows.index[-1] == ("只还最低" if lang == "zh" else "Minimums only")
    assert rows.iloc[-1][head[1]] == never                                 # minimums only never clear the debts
    assert rows.loc[best, head[3]] == 0


def test_no_bracket_inside_a_bracket_anywhere_on_the_page():
    import json
    import re
    for lang in ("zh", "en"):
        at = run_page(PAGE, lang)
        texts = [page_texts(at), *(o for o in at.selectbox(key=COMPARE_STRATEGY).options)]
        texts += [str(v) for v in at.dataframe[0].value.iloc[:, 1]]
        texts += ["".join(json.loads(c.proto.spec)["title"]["text"]) for c in charts(at)]     # chart titles
        for text in texts:
            for line in text.splitlines():
                assert not re.search(r"（[^（）]*（|\([^()]*\(", line), line        # （…（…）…） or (…(…)…)
                assert "）（" not in line and ") (" not in line, line
