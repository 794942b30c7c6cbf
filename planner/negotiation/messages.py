"""The negotiation planner's messages (zh and en): reasons, default channels, sources."""

from ..i18n import register

register({
    # feasibility
    "neg.reason.fits": {
        "zh": "方案在预算之内：每月不超过 {budget_yuan}，{months}个月内全部还清；此方法每月最低需要 {min_budget_yuan}。"
              "是否接受，由各贷款方决定。",
        "en": "The plan is within the budget: never more than {budget_yuan} a month, everything repaid within "
              "{months} months; this method needs at least {min_budget_yuan} a month. Each lender decides whether "
              "to accept it."},
    "neg.reason.short": {
        "zh": "预算 {budget_yuan} 不够：此方法每月至少需要 {min_budget_yuan}（还差 {gap_yuan}）。"
              "卡住方案的是「{lender}」：即使分到最长 {max_term} 期，每月也要还 {lender_min_yuan}。期数上限的依据：{term_source}。",
        "en": "Budget {budget_yuan} is not enough: this method needs at least {min_budget_yuan} a month "
              "({gap_yuan} more). The lender that forces it is “{lender}”: even over its longest term of "
              "{max_term} months it needs {lender_min_yuan} a month. Source of the term limit: {term_source}."},
    "neg.reason.pinned_term": {
        "zh": "「{lender}」手动设定为 {months} 期，超过此类债务最长 {max_term} 期的上限。上限的依据：{term_source}。",
        "en": "“{lender}” was set by hand to {months} instalments, above the limit of {max_term} months for "
              "this kind of debt. Source of the limit: {term_source}."},
    "neg.reason.pinned_short": {
        "zh": "「{lender}」手动设定的每期 {instalment_yuan} 太少，无法在 {max_term} 期内还清，"
              "至少需要每期 {needed_yuan}。期数上限的依据：{term_source}。",
        "en": "The instalment of {instalment_yuan} set by hand for “{lender}” cannot repay it within "
              "{max_term} months; it needs at least {needed_yuan}. Source of the term limit: {term_source}."},
    # sources
    "neg.source.practice": {"zh": "常见做法，可调整，并非法律规定", "en": "common practice, adjustable, not a legal rule"},
    "neg.source.unconfirmed": {"zh": "{title}，待核实", "en": "{title}, to be confirmed"},
    "neg.warn.rate_above_contract": {
        "zh": "「{lender}」手动填写的年利率 {asked_pct} 高于合同利率 {contract_pct}：方案不会向贷款方要求高于合同的利率，"
              "已按合同利率 {contract_pct} 计算。",
        "en": "The rate of {asked_pct} entered by hand for “{lender}” is above its contract rate of {contract_pct}: "
              "the plan never asks a lender for more than the contract, so it uses {contract_pct}."},
    # default official channels by kind
    "neg.channel.credit_card": {
        "zh": "发卡银行官方客服（信用卡背面的客服电话或银行App在线客服），申请个性化分期",
        "en": "the issuing bank's official customer service (the hotline on the back of the card or the bank's "
              "app), asking for a personalised instalment plan"},
    "neg.channel.online_loan": {
        "zh": "借款App内的官方客服入口（“我的”→“客服”），或合同上的官方客服电话",
        "en": "the official customer-service entry in the lending app (Me → Customer service) or the hotline "
              "in the contract"},
    "neg.channel.consumer_finance": {
        "zh": "消费金融/小贷公司的官方App客服或官方客服电话（见合同）",
        "en": "the consumer-finance or small-loan company's official app or hotline (see the contract)"},
    "neg.channel.bank_loan": {
        "zh": "贷款银行的官方客服电话或网点客户经理",
        "en": "the bank's official hotline or your loan officer at the branch"},
    "neg.channel.private_loan": {
        "zh": "与出借人本人当面或书面沟通",
        "en": "the lender in person or in writing"},
    "neg.channel.other": {
        "zh": "债权人的官方客服渠道（见合同）",
        "en": "the creditor's official customer-service channel (see the contract)"},
})
