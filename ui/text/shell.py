from planner.i18n import register

register({
    "shell.title": {"zh": "债务协商还款规划", "en": "Debt repayment negotiation planner"},
    "shell.language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "shell.privacy": {
        "zh": ":material/lock: 隐私：您的数据只在运行本工具的设备上处理，不会发给任何第三方，也不收集任何使用统计。",
        "en": ":material/lock: Privacy: your data is processed only on the device running this planner. Nothing is sent "
              "to anyone else and no usage statistics are collected."},
})
