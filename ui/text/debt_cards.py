"""Texts of the debt cards (``ui.cards.*``), one card/form per debt on the debts page."""
from planner.i18n import register

register({
    "ui.cards.view": {"zh": "录入方式", "en": "Entry view"},
    "ui.cards.view.cards": {"zh": "逐笔填写（适合手机）", "en": "One card per debt (phone)"},
    "ui.cards.view.table": {"zh": "表格（适合电脑）", "en": "Table (desktop)"},
    "ui.cards.add": {"zh": "添加一笔债务", "en": "Add a debt"},
    "ui.cards.add_intro": {"zh": "每笔债务（一个平台或一张卡）填一张卡片；填完按“保存”才检查。",
                           "en": "One card per debt (a platform or a card); it is checked when you press Save."},
    "ui.cards.name": {"zh": "平台或银行", "en": "Lender or platform"},
    "ui.cards.name_placeholder": {"zh": "选择或输入名称，如 花呗、招行信用卡", "en": "Pick or type a name, e.g. Huabei"},
    "ui.cards.kind": {"zh": "类型", "en": "Kind"},
    "ui.cards.kind_auto": {"zh": "按名称自动判断", "en": "From the name"},
    "ui.cards.kinds_help": {
        "zh": "类型：信用卡＝银行发的卡；网络贷款＝App里的借款/先用后付（京东、美团、抖音等）；"
              "消费金融/小贷＝持牌消费金融公司或小贷公司（如花呗、借呗、招联、安逸花）；银行贷款＝银行直接放的贷款；"
              "民间借贷＝向个人借的钱。",
        "en": "Kinds: credit card = a bank's card; online loan = loans or pay-later in an app (JD, Meituan, Douyin …); "
              "consumer finance / small loan = a licensed consumer-finance or small-loan company (e.g. Huabei, "
              "Jiebei, Zhaolian, Anyihua); bank loan = lent by a bank directly; private loan = money from a person."},
    "ui.cards.balance": {"zh": "现在还欠多少（元）", "en": "Owed now (yuan)"},
    "ui.cards.balance_placeholder": {"zh": "如 12000 或 1.2万", "en": "e.g. 12000"},
    "ui.cards.rate": {"zh": "利率（年利率或日利率）", "en": "Rate (annual, or daily)"},
    "ui.cards.rate_placeholder": {"zh": "如 18%，或 日利率0.05%", "en": "e.g. 18%, or daily rate 0.05%/day"},
    "ui.cards.rate_unknown": {"zh": "不知道利率（先按常见水平估计，之后可改）",
                              "en": "I don't know the rate (assume the usual level; change it later)"},
    "ui.cards.min": {"zh": "每月最低还款（元）", "en": "Monthly minimum (yuan)"},
    "ui.cards.min_placeholder": {"zh": "分期月供或账单最低还款", "en": "instalment or the bill's minimum"},
    "ui.cards.min_pct": {"zh": "或：最低还款比例（%）", "en": "or: minimum as % of the balance"},
    "ui.cards.min_pct_placeholder": {"zh": "信用卡常见 10", "en": "cards: often 10"},
    "ui.cards.min_unknown": {"zh": "不知道最低还款（先按常见水平估计，之后可改）",
                             "en": "I don't know the minimum (assume the usual level; change it later)"},
    "ui.cards.min_vs_overdue": {
        "zh": "最低还款＝每月按合同应还的金额（分期月供或信用卡最低还款），不含已逾期的金额；"
              "本工具把逾期金额另外加在当月应还上（当月应还＝逾期金额＋最低还款）。",
        "en": "The minimum is what the contract asks each month (instalment or the card's minimum), without the "
              "overdue amount; the planner adds the overdue amount on top (due this month = overdue + minimum)."},
    "ui.cards.overdue_head": {"zh": "逾期情况（没有逾期可不填）", "en": "Overdue (leave blank if not overdue)"},
    "ui.cards.overdue_days": {"zh": "已逾期天数", "en": "Days overdue"},
    "ui.cards.arrears": {"zh": "逾期金额（元）", "en": "Overdue amount (yuan)"},
    "ui.cards.arrears_placeholder": {"zh": "不填则按逾期天数估算", "en": "blank: estimated from the days"},
    "ui.cards.more_head": {"zh": "其他（可不填）", "en": "More (optional)"},
    "ui.cards.channel": {"zh": "官方客服渠道", "en": "Official service channel"},
    "ui.cards.notes": {"zh": "备注", "en": "Notes"},
    "ui.cards.save": {"zh": "保存", "en": "Save"},
    "ui.cards.save_new": {"zh": "添加这笔债务", "en": "Add this debt"},
    "ui.cards.edit": {"zh": "修改", "en": "Edit"},
    "ui.cards.cancel": {"zh": "取消", "en": "Cancel"},
    "ui.cards.delete": {"zh": "删除这笔债务", "en": "Delete this debt"},
    "ui.cards.saved": {"zh": "已保存：{name}", "en": "Saved: {name}"},
    "ui.cards.saved_with_errors": {"zh": "已保存您填写的内容，但这笔债务还有问题，暂不计入计算：",
                                   "en": "What you typed is saved, but this debt has problems and is left out of "
                                         "the calculations:"},
    "ui.cards.untitled": {"zh": "（未填名称）", "en": "(no name)"},
    "ui.cards.flag_error": {"zh": "需要修改", "en": "needs a fix"},
    "ui.cards.flag_assumed": {"zh": "含估计值", "en": "assumed values"},
    "ui.cards.summary": {"zh": "{name} · {kind} · 欠 {balance}", "en": "{name} · {kind} · owes {balance}"},
    "ui.cards.assumed": {
        "zh": "按估计填写：{items}。依据：{why}。知道实际数字后请在下面改成实际数字。",
        "en": "Assumed: {items}. Basis: {why}. When you know the real figures, change them below."},
    "ui.cards.lender_info": {"zh": "{lender}：官方客服在 {service}{hotline}；贷款人（法律主体）：{entity}",
                             "en": "{lender}: official service in {service}{hotline}; lender (legal entity): {entity}"},
    "ui.cards.kind_differs": {"zh": "（常见归类：{kind}）", "en": " (usually classed as: {kind})"},
    "ui.cards.hotline": {"zh": "，客服电话 {number}", "en": ", hotline {number}"},
    "ui.cards.count": {"zh": "已录入 {n} 笔债务", "en": "{n} debts entered"},
})
