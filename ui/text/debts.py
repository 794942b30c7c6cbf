"""Texts of the debts page (``ui.debts.*``)."""
from planner.i18n import register

register({
    "page.debts": {"zh": "我的债务", "en": "My debts"},
    "ui.debts.title": {"zh": "我的债务", "en": "My debts"},
    "ui.debts.intro": {
        "zh": "每笔债务（一个平台或一张卡）填一张卡片；在电脑上也可以切换到表格一次修改多笔。金额可写“1.5万”“¥3,000”，"
              "利率可写“18%”或“日利率0.05%”。不知道利率或最低还款时写“不知道”，先按常见水平估计并标明，之后可以改。",
        "en": "One card per debt (a platform or a card); on a computer you can switch to the table to edit many at once. "
              "Amounts may be written \"15000\" or \"¥3,000\", rates \"18%\" (annual) or \"0.05%/day\". If you do not know "
              "a rate or a minimum, say so (\"unknown\"): the usual level is assumed, marked, and you can change it later."},
    "ui.debts.load_sample": {"zh": "载入示例数据", "en": "Load the sample"},
    "ui.debts.start_empty": {"zh": "清空，从头录入", "en": "Start empty"},
    "ui.debts.start_empty_help": {"zh": "清空表格和预算，从零开始填写自己的情况",
                                  "en": "Clear the table and the budget and enter your own situation"},
    "ui.debts.upload": {"zh": "导入CSV文件（中文或英文表头，UTF-8或GBK）",
                        "en": "Import a CSV file (Chinese or English headers, UTF-8 or GBK)"},
    "ui.debts.upload_done": {"zh": "已导入 {n} 行（文件编码 {encoding}）。", "en": "Imported {n} rows (encoding {encoding})."},
    "ui.debts.upload_failed": {"zh": "文件没有导入，表格保持不变：", "en": "The file was not imported; the table is unchanged:"},
    "ui.debts.download": {"zh": "下载债务表（CSV）", "en": "Download the debts (CSV)"},
    "ui.debts.download_help": {"zh": "只包含没有错误的行；可用Excel打开",
                               "en": "Only rows without errors; opens in Excel"},
    "ui.debts.file_name": {"zh": "我的债务.csv", "en": "my_debts.csv"},
    "ui.debts.empty": {"zh": "还没有债务。在下面添加第一笔债务，或载入示例数据。",
                       "en": "No debts yet. Add your first debt below, or load the sample."},
    "ui.debts.bad_rows": {
        "zh": "有 {n} 行填写有误，暂不计入计算。您输入的内容已保留，请按下面的提示修改：",
        "en": "{n} rows have problems and are left out of the calculations. What you typed is kept; fix it as shown below:"},
    "ui.debts.bad_cards": {
        "zh": "有 {n} 笔债务填写有误，暂不计入计算。您输入的内容已保留，请打开标着“需要修改”的卡片修改。",
        "en": "{n} debts have problems and are left out of the calculations. What you typed is kept; open the cards "
              "marked \"needs a fix\"."},
    "ui.debts.all_ok": {"zh": "全部 {n} 笔债务都已计入计算。", "en": "All {n} debts are included in the calculations."},
    "ui.debts.metric_count": {"zh": "计入的债务", "en": "Debts counted"},
    "ui.debts.metric_balance": {"zh": "欠款合计", "en": "Total owed"},
    "ui.debts.metric_due": {"zh": "本月应还合计", "en": "Due this month"},
    "ui.debts.metric_overdue": {"zh": "已逾期的账户", "en": "Accounts overdue"},
    "ui.debts.next": {"zh": "下一步：填写收入和开支", "en": "Next: income and expenses"},
    "ui.debts.help.name": {"zh": "平台或银行名称，不能重复", "en": "Lender or platform; names must be unique"},
    "ui.debts.help.balance": {"zh": "现在还欠多少（元）", "en": "Amount owed now (yuan)"},
    "ui.debts.help.annual_rate": {"zh": "合同年利率，如 18%", "en": "Contract annual rate, e.g. 18%"},
    "ui.debts.help.daily_rate": {"zh": "如果只知道日利率，填这里，如 0.05%", "en": "If you only know a daily rate, e.g. 0.05%"},
    "ui.debts.help.min_payment": {"zh": "每月应还（分期月供或最低还款）", "en": "Amount due each month (instalment or minimum)"},
    "ui.debts.help.min_payment_pct": {"zh": "信用卡最低还款比例，如 10", "en": "Card-style minimum as % of the balance, e.g. 10"},
    "ui.debts.help.penalty_rate": {"zh": "逾期后的罚息年利率；不填按年利率×1.5",
                                   "en": "Annual penalty rate while overdue; blank means 1.5 × the annual rate"},
    "ui.debts.help.late_fee_pct": {"zh": "违约金/滞纳金，占未还部分的百分比", "en": "Late fee as % of the unpaid amount due"},
    "ui.debts.help.overdue_days": {"zh": "已经逾期多少天", "en": "Days past due today"},
    "ui.debts.help.arrears": {"zh": "已逾期未还的金额；不填则按逾期天数估算",
                              "en": "Amount past due; blank means estimated from the days overdue"},
    "ui.debts.help.official_channel": {"zh": "平台官方客服渠道（协商用）", "en": "The lender's official service channel"},
    "ui.debts.help.notes": {"zh": "备注", "en": "Notes"},
    "ui.debts.help.due_day": {"zh": "每月几号还款（1–31；不知道就留空，按月底计）",
                              "en": "Day of the month the payment is due (1–31; leave blank if unknown: end of month)"},
    "ui.debts.help.assumed": {"zh": "填“不知道”时按常见水平估计的数值（改成实际数字后标记自动消失）",
                              "en": "Values assumed where you said \"unknown\" (the mark goes once you type the real figure)"},
})
