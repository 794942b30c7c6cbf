from planner.i18n import register

register({
    "shell.title": {"zh": "债务协商还款规划", "en": "Debt repayment negotiation planner"},
    "shell.language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "shell.privacy": {
        "zh": ":material/lock: 隐私：您的数据只在运行本工具的设备上处理，不会发给任何第三方，也不收集任何使用统计。",
        "en": ":material/lock: Privacy: your data is processed only on the device running this planner. Nothing is sent "
              "to anyone else and no usage statistics are collected."},
    "shell.error": {
        "zh": "抱歉，这一页出了意外的错误，没能显示完。您已经输入的内容没有丢失。请刷新或换一页再试；"
              "如果一再出现，请把参考编号 {ref} 告诉维护人员（编号里不含您的任何资料）。",
        "en": "Sorry, this page hit an unexpected error and could not be shown completely. Nothing you entered "
              "is lost. Reload or open another page and try again; if it keeps happening, give the maintainer "
              "the reference {ref} (it contains none of your data)."},
})
