"""Texts of the budget page (``ui.budget.*``)."""
from planner.i18n import register

register({
    "page.budget": {"zh": "收入与开支", "en": "Income & expenses"},
    "ui.budget.title": {"zh": "收入与开支", "en": "Income and expenses"},
    "ui.budget.intro": {
        "zh": "先算清每月真正能拿出多少钱还债：到手收入，减去生活必需的开支，再留一点应急的安全垫。",
        "en": "First work out how much you can really put towards debt each month: take-home income, "
              "minus essential living costs, minus a small safety buffer for emergencies."},
    "ui.budget.income": {"zh": "每月到手收入（元）", "en": "Monthly take-home income (¥)"},
    "ui.budget.expenses": {"zh": "每月必要开支（元）", "en": "Essential monthly expenses (¥)"},
    "ui.budget.buffer": {"zh": "安全垫（元/月）", "en": "Safety buffer (¥ a month)"},
    "ui.budget.buffer_help": {"zh": "每月留出的应急钱，不用来还债", "en": "Money kept aside each month for emergencies, not for debt"},
    "ui.budget.available": {"zh": "每月可用于还债", "en": "Available for debt each month"},
    "ui.budget.available_shock": {"zh": "收入下降期间每月可用", "en": "Available while income is lower"},
    "ui.budget.dues": {"zh": "本月各平台应还合计", "en": "Total due this month"},
    "ui.budget.gap": {"zh": "差额 {gap}", "en": "short by {gap}"},
    "ui.budget.spare": {"zh": "多出 {spare}", "en": "{spare} to spare"},
    "ui.budget.shock": {"zh": "模拟收入下降（失业、减薪、生病）", "en": "Simulate an income drop (job loss, pay cut, illness)"},
    "ui.budget.shock_pct": {"zh": "收入减少（%）", "en": "Income lost (%)"},
    "ui.budget.shock_months": {"zh": "持续几个月", "en": "For how many months"},
    "ui.budget.shock_start": {"zh": "从第几个月开始", "en": "Starting in month"},
    "ui.budget.shock_summary": {
        "zh": "第 {start} 到第 {end} 个月收入减少 {pct}，这期间每月可用于还债 {available}。",
        "en": "From month {start} to month {end} the income is {pct} lower; {available} a month is available for debt then."},
    "ui.budget.not_saved": {"zh": "预算有误，仍使用上一次的有效预算：", "en": "The budget has problems; the last valid budget is still used:"},
    "ui.budget.below_dues": {
        "zh": "可用于还债的钱比本月应还合计少 {gap}：按合同还不上。请看“还款方案对比”和协商页。",
        "en": "The money for debt is {gap} short of this month's total amount due: the contracts cannot be kept. "
              "See the strategy comparison and the negotiation advice."},
    "ui.budget.total_expenses": {"zh": "每月必要开支合计", "en": "Essential expenses a month"},
    "ui.budget.living_gap": {
        "zh": "收入下降期间，收入连必要开支 {expenses} 都不够，每月还差 {gap}。先做这件事：先保证房租、吃饭、医疗等生活必需；"
              "在逾期之前就通过各家的官方客服说明收入下降，申请延期或分期还款（与自己的贷款机构协商是免费的，不要找收费的"
              "“债务优化”中介）；同时找家人支持、补贴或临时收入补上这 {gap}。协议达成前少还的部分仍算逾期。",
        "en": "While the income is lower it does not even cover the essential expenses of {expenses}: {gap} a month is "
              "missing. Do this first: keep paying rent, food and medical costs; before any payment is missed, tell "
              "each lender's official customer service that your income fell and ask for a deferral or an instalment "
              "plan (negotiating with your own lender is free; avoid fee-charging \"debt relief\" agents); and look for "
              "family support, benefits or temporary income to cover the {gap}. Until a written agreement exists, "
              "paying less still counts as overdue."},
    "ui.budget.to_negotiate": {"zh": "下一步：和各家协商（推荐）", "en": "Next: negotiate with each lender (recommended)"},
    "ui.budget.next": {"zh": "下一步：对比还款方案", "en": "Next: compare strategies"},
})
