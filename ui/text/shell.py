from planner.i18n import register

register({
    "shell.title": {"zh": "债务协商还款规划", "en": "Debt repayment negotiation planner"},
    "shell.language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "shell.privacy": {
        "zh": ":material/lock: 隐私：您的数据只在这台电脑上处理，不会上传，也不收集任何使用统计。",
        "en": ":material/lock: Privacy: your data is processed only on this computer. Nothing is uploaded and no usage statistics are collected."},
})
