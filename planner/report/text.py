"""Every word the PDF prints, in Chinese and English (keys ``report.*``)."""

from ..i18n import register

register({
    # furniture
    "report.title": {"zh": "债务还款计划", "en": "Debt repayment plan"},
    "report.subtitle": {"zh": "协商还款申请附件 · 还款能力与还款安排说明",
                        "en": "Supporting document for a hardship repayment request"},
    "report.header": {"zh": "{name}债务还款计划 · 编制日期 {date}", "en": "{name}Debt repayment plan · prepared {date}"},
    "report.header_name": {"zh": "{name} · ", "en": "{name} · "},
    "report.footer": {"zh": "本文件由借款人使用债务规划工具编制，仅供协商参考，不构成法律意见。",
                      "en": "Prepared by the borrower with a debt-planning tool for negotiation. Not legal advice."},
    "report.page": {"zh": "第 {page} / {pages} 页", "en": "Page {page} of {pages}"},
    "report.prepared_for": {"zh": "借款人：{name}", "en": "Borrower: {name}"},
    "report.prepared_on": {"zh": "编制日期：{date}", "en": "Prepared on {date}"},
    "report.pseudonym_note": {"zh": "（已隐去部分个人信息）", "en": "(personal details partly withheld)"},
    "report.purpose": {
        "zh": "本人目前确有还款困难，但有还款意愿。本文件列明本人的全部债务、每月可用于还款的金额、向各机构提出的协商方案及其还款时间表，"
              "并附不协商时按现有合同还款的模拟作为对比，供各机构客服、协商团队或债务咨询人员审阅。"
              "所有金额均按各笔债务的合同利率、罚息和违约金逐月计算。",
        "en": "I am in genuine financial difficulty but willing to repay. This document lists all my debts, the money "
              "I can put towards them each month, the arrangement I am asking each lender for with its timetable, and, "
              "for comparison, what repaying on the current contracts without an agreement would mean, for review by "
              "lenders' hardship teams and debt counsellors. Every amount is computed month by month from each debt's "
              "contract rate, penalty interest and fees."},
    # cover
    "report.cover.total_owed": {"zh": "债务总额", "en": "Total owed"},
    "report.cover.budget": {"zh": "每月可还款", "en": "Monthly repayment budget"},
    "report.cover.strategy": {"zh": "还款策略", "en": "Repayment strategy"},
    "report.cover.debt_free": {"zh": "预计还清", "en": "Debt-free by"},
    "report.cover.total_cost": {"zh": "利息与费用合计", "en": "Interest and fees"},
    "report.cover.total_paid": {"zh": "还款总额", "en": "Total repaid"},
    "report.cover.lenders_value": {"zh": "共 {count} 家机构", "en": "owed to {count} lenders"},
    "report.cover.due_note": {"zh": "首月合同应还 {amount}", "en": "month-1 contractual dues {amount}"},
    "report.cover.debt_free_note": {"zh": "{months}后全部还清", "en": "all cleared in {months}"},
    "report.cover.asked_monthly": {"zh": "申请的每月还款合计", "en": "Monthly total I propose"},
    "report.cover.within_budget": {"zh": "在每月可还款之内", "en": "within my monthly budget"},
    "report.cover.over_budget": {"zh": "超出预算 {amount}", "en": "{amount} over my budget"},
    "report.cover.asked_term": {"zh": "申请的最后一期", "en": "Last payment proposed"},
    "report.cover.asked_term_note": {"zh": "最长 {n} 期", "en": "at most {n} monthly payments"},
    "report.cover.asked_total": {"zh": "按方案还款总额", "en": "Total repaid under the proposal"},
    "report.cover.asked_total_note": {"zh": "现欠本金 {amount}", "en": "owed now {amount}"},
    "report.cover.no_deal": {"zh": "不协商时（对比）", "en": "Without an agreement (comparison)"},
    "report.cover.no_deal_agreed": {"zh": "其余机构不协商时（对比）", "en": "No agreement with the others (comparison)"},
    "report.debts.agreed_mark": {"zh": "（已达成协议）", "en": "(agreed)"},
    "report.cover.no_deal_cost": {"zh": "利息与费用 {amount}", "en": "interest and fees {amount}"},
    "report.cover.no_deal_never_note": {"zh": "按现有合同", "en": "on the current contracts"},
    "report.cover.not_meaningful": {"zh": "欠款持续增长", "en": "the debt keeps growing"},
    "report.cover.verdict_within": {
        "zh": "本方案每月合计最多 {monthly}，在本人每月可用于还款的 {budget} 之内。",
        "en": "This proposal needs at most {monthly} a month, within the {budget} I can put towards my debts each month. "},
    "report.cover.verdict_over": {
        "zh": "本方案每月合计最多需要 {monthly}，比本人每月可用于还款的 {budget} 多 {gap}，因此本人还需与各机构商量更长的期限或利息减免。",
        "en": "This proposal needs up to {monthly} a month, {gap} more than the {budget} I can pay, so I also need to agree longer terms or lower interest with the lenders. "},
    "report.cover.verdict_within_agreed": {
        "zh": "本方案每月合计最多 {monthly}，在扣除已达成协议的还款后每月剩余的 {budget} 之内。",
        "en": "This proposal needs at most {monthly} a month, within the {budget} left each month after the payments already agreed. "},
    "report.cover.verdict_over_agreed": {
        "zh": "本方案每月合计最多需要 {monthly}，比扣除已达成协议的还款后每月剩余的 {budget} 多 {gap}，因此本人还需与各机构商量更长的期限或利息减免。",
        "en": "This proposal needs up to {monthly} a month, {gap} more than the {budget} left after the payments already agreed, so I also need to agree longer terms or lower interest with the lenders. "},
    "report.neg.over_agreed": {
        "zh": "按本方法，每月至少需要 {need}，比扣除已达成协议的还款后每月剩余的 {budget} 多 {gap}（最紧的是“{lender}”）。下表按各笔债务的最长期限计算；本人会与各机构商量更长的期限或利息减免。",
        "en": "With this method the plan needs at least {need} a month, {gap} more than the {budget} left after the payments already agreed (the tightest lender is “{lender}”). The table uses each debt's longest term; I will ask the lenders for longer terms or lower interest. "},
    "report.cover.agreed": {
        "zh": "已与{names}达成还款协议，按约定每月还款合计 {amount}（见“已达成的还款协议”）；以下申请只涉及其余机构。",
        "en": "Repayment agreements have been reached with {names}: {amount} a month as agreed (see “Repayment agreements already reached”); the request below concerns the other lenders only."},
    "report.cover.all_agreed": {
        "zh": "所有机构均已同意还款方案：{names}，按约定每月还款合计 {amount}（见“已达成的还款协议”）。以下数字按约定条款计算。",
        "en": "Every lender has accepted a repayment plan: {names}, {amount} a month as agreed (see “Repayment agreements already reached”). The figures below follow the agreed terms."},
    "report.cover.comparison_cleared_agreed": {
        "zh": "作为对比：已达成的协议照常履行、其余机构不协商并按现有合同以“{strategy}”还款，需要{months}才能还清，利息与费用合计 {cost}（见后文对比）。",
        "en": "For comparison: keeping the agreements reached and repaying the other lenders on their current contracts ({strategy}) takes {months} and costs {cost} in interest and fees (see the comparison below)."},
    "report.cover.comparison_never_agreed": {
        "zh": "作为对比：已达成的协议照常履行、其余机构按现有合同还款，以目前的预算无法还清（欠款会越来越多）。这正是本人申请协商的原因。",
        "en": "For comparison: keeping the agreements reached and repaying the other lenders on their current contracts, the debts cannot be cleared at this budget (they keep growing). That is why I am asking to negotiate."},
    "report.cover.lenders_decide": {
        "zh": "这是本人提出的申请：是否同意、按什么条件同意，由各机构决定。",
        "en": "It is my request: each lender decides whether, and on what terms, to agree."},
    "report.cover.comparison_cleared": {
        "zh": "作为对比：不协商、按现有合同以“{strategy}”还款，需要{months}才能还清，利息与费用合计 {cost}（见后文对比）。",
        "en": "For comparison: without any agreement, repaying on the current contracts ({strategy}) takes {months} and costs {cost} in interest and fees (see the comparison below)."},
    "report.cover.comparison_never": {
        "zh": "作为对比：不协商、按现有合同还款，以目前的预算无法还清（欠款会越来越多）。这正是本人申请协商的原因。",
        "en": "For comparison: without any agreement, the debts cannot be cleared on the current contracts at this budget (they keep growing). That is why I am asking to negotiate."},
    "report.overdue_until_agreed": {
        "zh": "本人知悉：在与各机构达成书面协议之前，按本方案少还的部分仍属逾期（罚息、征信记录照常）。",
        "en": "I understand that until a written agreement exists, paying less than the contract still counts as overdue (penalty interest and the credit report continue)."},
    "report.neg.notes": {"zh": "说明", "en": "Notes"},
    "report.neg.over": {
        "zh": "按本方法，每月至少需要 {need}，比本人每月可用于还款的 {budget} 多 {gap}（最紧的是“{lender}”）。下表按各笔债务的最长期限计算；本人会与各机构商量更长的期限或利息减免。",
        "en": "With this method the plan needs at least {need} a month, {gap} more than the {budget} I can pay (the tightest lender is “{lender}”). The table uses each debt's longest term; I will ask the lenders for longer terms or lower interest. "},
    "report.neg.note.direct": {
        "zh": "本方案由本人直接向各机构提出，未委托任何收费的“代理协商”“债务优化”“停息挂账”机构；所述困难情况属实，可按要求提供证明材料。",
        "en": "I make this proposal myself, directly to each lender, without any fee-charging “negotiation agent”, “debt optimisation” or “interest freeze” service; the hardship described is true and I can provide proof on request."},
    "report.neg.note.card": {
        "zh": "信用卡个性化分期（《商业银行信用卡业务监督管理办法》第70条）：银行可以同意，并非必须；期限最长5年；协议中本人承诺在还清前不再申请新的信用卡；逾期记录仍会保留在征信报告中。",
        "en": "Credit cards, personalised instalment plan (art. 70 of the credit card measures): the bank may agree, it is not obliged to; at most 5 years; in the agreement I promise not to apply for new credit cards until it is repaid; the overdue record stays on my credit report."},
    "report.cover.penalty_note": {"zh": "其中罚息 {amount}", "en": "of which penalty interest {amount}"},
    "report.debts.title": {"zh": "债务明细", "en": "Debts"},
    "report.debts.lender": {"zh": "机构", "en": "Lender"},
    "report.debts.kind": {"zh": "类型", "en": "Kind"},
    "report.debts.balance": {"zh": "欠款余额", "en": "Balance"},
    "report.debts.rate": {"zh": "年利率", "en": "Annual rate"},
    "report.assumed.footnote": {
        "zh": "{mark}：本人不清楚这一数值，这里按常见水平估计，不是合同上的数字；本计划中与之相关的金额也是估算，"
              "以合同和贷款方的记录为准。",
        "en": "{mark}: I do not know this figure, so the usual level is assumed here — it is not the contract's figure; "
              "the amounts in this plan that depend on it are estimates too, and the contract and the lender's "
              "records decide."},
    "report.assumed.item": {"zh": "{name}：{items}。估计依据：{why}。", "en": "{name}: {items}. Basis of the estimate: {why}."},
    "report.assumed.neg_note": {
        "zh": "{mark}：本人目前无法确认合同利率，原年利率为估计值，不是合同上的数字；请贷款方告知实际利率。",
        "en": "{mark}: I cannot confirm the contract rate; the current rate shown is an estimate, not the contract's "
              "figure. I ask each lender to tell me the actual rate."},
    "report.debts.due": {"zh": "每月应还", "en": "Due monthly"},
    "report.debts.overdue": {"zh": "逾期", "en": "Overdue"},
    "report.debts.overdue_value": {"zh": "{days}天 / {amount}", "en": "{days} days / {amount}"},
    "report.debts.pct_of_balance": {"zh": "余额的{pct}", "en": "{pct} of balance"},
    "report.total": {"zh": "合计", "en": "Total"},
    "report.dash": {"zh": "—", "en": "—"},
    # budget
    "report.budget.title": {"zh": "每月收支与还款能力", "en": "Monthly budget and capacity to pay"},
    "report.budget.item": {"zh": "项目", "en": "Item"},
    "report.budget.amount": {"zh": "每月金额", "en": "Per month"},
    "report.budget.income": {"zh": "每月净收入", "en": "Net monthly income"},
    "report.budget.buffer": {"zh": "安全垫（应急备用）", "en": "Safety buffer"},
    "report.budget.available": {"zh": "可用于还债", "en": "Available for debt"},
    "report.budget.only_number": {
        "zh": "每月可用于还款的金额为 {amount}（已扣除房租、吃饭、交通、家人等必要开支）。",
        "en": "The money available for debt each month is {amount}, after rent, food, transport, dependants and other essentials."},
    "report.budget.schedule": {"zh": "预算按月变化：{months}。", "en": "The budget changes by month: {months}."},
    "report.budget.shock": {
        "zh": "已考虑收入下降：自第{start}个月起连续{months}个月收入减少{pct}。",
        "en": "An income drop is included: {pct} less income for {months} months from month {start}."},
    "report.budget.covers": {
        "zh": "首月各笔应还款合计 {due}，预算可以全部覆盖，多出的 {extra} 按所选策略用于提前还款。",
        "en": "The first month's total due is {due}; the budget covers it, and the remaining {extra} goes to early repayment under the chosen strategy."},
    "report.budget.gap": {
        "zh": "首月各笔应还款合计 {due}，超出预算 {gap}。按现有合同无法足额还款，因此本人向各机构申请调整还款安排（见协商方案）。",
        "en": "The first month's total due is {due}, {gap} more than the budget. The contracts cannot be met as they stand, so I am asking each lender to adjust the arrangement (see the proposals)."},
    "report.budget.interest_gap": {
        "zh": "首月新增利息 {interest} 已超过预算 {budget}：若不协商，欠款只会越来越多。",
        "en": "The first month's interest alone, {interest}, exceeds the budget {budget}: without an agreement the debt keeps growing."},
    # comparison
    "report.compare.title": {"zh": "对比：不协商、按现有合同还款", "en": "For comparison: repaying on the current contracts"},
    "report.compare.intro": {
        "zh": "以下是不与任何机构协商、按现有合同和相同预算还款的模拟，仅作为上文协商方案的对比。排序依次考虑：能否还清、还清时间、利息与费用、出现逾期的月数。标黄的一行为对比所用的还款策略。",
        "en": "The simulation below assumes no agreement with any lender: the current contracts and the same budget. It is only the comparison for the proposal above. Ranked by whether it clears the debts, how soon, interest and fees, and months with arrears; the highlighted row is the strategy used for the comparison."},
    "report.compare.title_agreed": {"zh": "对比：已达成的协议照常履行，其余机构按现有合同还款",
                                    "en": "For comparison: the agreements kept, the other lenders repaid on the current contracts"},
    "report.compare.intro_agreed": {
        "zh": "以下模拟中，已达成协议的机构按约定条款还款，其余机构不协商、按现有合同还款，预算相同，仅作为上文协商方案的对比。排序依次考虑：能否还清、还清时间、利息与费用、出现逾期的月数。标黄的一行为对比所用的还款策略。",
        "en": "In the simulation below the lenders that agreed are repaid on the agreed terms and the others on their current contracts, with the same budget. It is only the comparison for the proposal above. Ranked by whether it clears the debts, how soon, interest and fees, and months with arrears; the highlighted row is the strategy used for the comparison."},
    "report.compare.none_clear": {
        "zh": "以每月 {budget} 的预算，不协商时任何还款方式都无法还清：欠款和罚息会持续增加，所以表中不列出没有意义的利息金额。这正是本人向各机构申请协商的原因（见前文方案）。",
        "en": "At a budget of {budget} a month, no way of repaying clears the debts without an agreement: the balance and penalty interest keep growing, so the table prints no meaningless interest figures. That is why I am asking the lenders to negotiate (see the proposal above)."},
    "report.compare.some_never": {
        "zh": "标为“无法还清”的方式在此预算下永远还不清（欠款持续增长），其利息金额没有意义，不再列出。",
        "en": "Ways marked “cannot be cleared” never clear the debts at this budget (the balance keeps growing); their interest figures mean nothing and are not printed."},
    "report.cannot_clear": {"zh": "无法还清", "en": "cannot be cleared"},
    "report.compare.rank": {"zh": "排名", "en": "Rank"},
    "report.compare.strategy": {"zh": "策略", "en": "Strategy"},
    "report.compare.months": {"zh": "还清用时", "en": "Debt-free in"},
    "report.compare.interest": {"zh": "利息（含罚息）", "en": "Interest (incl. penalty)"},
    "report.compare.fees": {"zh": "违约金/滞纳金", "en": "Late fees"},
    "report.compare.paid": {"zh": "还款总额", "en": "Total repaid"},
    "report.compare.arrears": {"zh": "有逾期的月数", "en": "Months in arrears"},
    "report.chart.title": {"zh": "各策略下的剩余欠款总额", "en": "Total balance owed under each strategy"},
    "report.chart.x": {"zh": "月份", "en": "Month"},
    "report.chart.y": {"zh": "剩余欠款（元）", "en": "Balance owed (yuan)"},
    "report.chart.alt": {"zh": "各还款策略下剩余欠款总额随月份变化的折线图",
                         "en": "Line chart of the total balance owed month by month under each strategy"},
    "report.chart.unit_wan": {"zh": "万", "en": "k"},
    # schedule
    "report.schedule.title": {"zh": "逐月还款计划", "en": "Month-by-month schedule"},
    "report.schedule.intro": {
        "zh": "策略：{strategy}。前{full}个月逐月列出，之后按年汇总。金额为当月实际还款，“—”表示当月无需还款或已还清。",
        "en": "Strategy: {strategy}. The first {full} months are listed one by one, then each year is summarised. Amounts are the payments made that month; “—” means nothing is paid (or the debt is cleared)."},
    "report.schedule.part": {"zh": "（续表 {part}/{parts}）", "en": "(part {part} of {parts})"},
    "report.schedule.month": {"zh": "月份", "en": "Month"},
    "report.schedule.total": {"zh": "当月还款", "en": "Paid"},
    "report.schedule.cost": {"zh": "利息与费用", "en": "Interest & fees"},
    "report.schedule.balance": {"zh": "月末欠款", "en": "Balance at end"},
    "report.schedule.year": {"zh": "第{n}年", "en": "Year {n}"},
    "report.schedule.year_span": {"zh": "第{n}年\n{first}–{last}", "en": "Year {n}\n{first}–{last}"},
    "report.schedule.cleared": {"zh": "所有债务于 {month}（第{n}个月）还清。", "en": "Every debt is cleared in {month} (month {n})."},

    "report.schedule.truncated": {"zh": "（表中只列出前{years}年。）", "en": "(Only the first {years} years are shown.)"},
    "report.payoff.title": {"zh": "各笔债务还清时间", "en": "When each debt is cleared"},
    "report.payoff.month": {"zh": "还清月份", "en": "Cleared in"},
    "report.payoff.paid": {"zh": "累计还款", "en": "Total paid"},
    "report.payoff.cost": {"zh": "利息与费用", "en": "Interest & fees"},
    "report.payoff.arrears": {"zh": "逾期月数", "en": "Months in arrears"},
    # negotiation
    "report.neg.title": {"zh": "向各机构提出的协商方案", "en": "What I am asking each lender for"},
    "report.neg.title_others": {"zh": "向其余机构提出的协商方案", "en": "What I am asking the other lenders for"},
    "report.neg.left_for_others": {
        "zh": "扣除已达成协议的每月还款后，每月还有 {amount} 可用于以下机构（按最少的一个月计算）。",
        "en": "After the agreed payments, {amount} a month is left for the lenders below (taking the lowest month)."},
    "report.neg.answer.refused": {"zh": "此前的方案已于{date}被拒绝，以上为调整后的方案，恳请重新考虑",
                                  "en": "an earlier proposal was refused on {date}; this is the revised proposal, which I ask you to reconsider"},
    "report.neg.answer.refused_undated": {"zh": "此前的方案被拒绝，以上为调整后的方案，恳请重新考虑",
                                          "en": "an earlier proposal was refused; this is the revised proposal, which I ask you to reconsider"},
    "report.neg.answer.proposed": {"zh": "已于{date}提交方案，尚未收到书面答复",
                                   "en": "proposal sent on {date}, no written answer yet"},
    "report.neg.answer.proposed_undated": {"zh": "此前已提交方案，尚未收到书面答复",
                                           "en": "proposal sent earlier, no written answer yet"},
    "report.neg.answer.no_answer": {"zh": "截至{date}尚未收到书面答复", "en": "no written answer as of {date}"},
    "report.neg.answer.no_answer_undated": {"zh": "此前已提交方案，尚未收到书面答复",
                                            "en": "proposal sent earlier, no written answer yet"},
    "report.agreed.title": {"zh": "已达成的还款协议", "en": "Repayment agreements already reached"},
    "report.agreed.intro": {
        "zh": "以下机构已同意还款方案，我将按约定按时还款，不再向其提出新的方案。",
        "en": "These lenders have accepted a repayment plan. I will pay them as agreed and am not asking them for anything further."},
    "report.agreed.monthly": {"zh": "约定每月还款", "en": "Agreed monthly"},
    "report.agreed.rate": {"zh": "约定年利率", "en": "Agreed rate"},
    "report.agreed.on": {"zh": "达成日期", "en": "Agreed on"},
    "report.agreed.total": {"zh": "按约定还款合计", "en": "Total under the agreement"},
    "report.agreed.note": {
        "zh": "还款期间和合计按约定条款计算；如与机构的书面确认不一致，以书面确认为准。",
        "en": "Period and total are computed from the agreed terms; where they differ from the lender's written confirmation, the confirmation prevails."},
    "report.neg.timetable": {"zh": "协商还款时间表", "en": "Negotiated repayment timetable"},
    "report.neg.principal": {"zh": "欠款本金", "en": "Owed"},
    "report.neg.rate": {"zh": "年利率（原→申请）", "en": "Rate (now → asked)"},
    "report.neg.instalment": {"zh": "每月还款", "en": "Monthly"},
    "report.neg.months": {"zh": "期数", "en": "Term"},
    "report.neg.period": {"zh": "还款期间", "en": "Period"},
    "report.neg.total": {"zh": "还款总额", "en": "Total repaid"},
    "report.neg.term_value": {"zh": "{n} 期", "en": "{n} mo"},
    "report.neg.asks": {"zh": "具体申请事项", "en": "What I ask of each lender"},
    "report.neg.timetable_intro": {
        "zh": "按上述方案，各机构每月收到的还款如下（前{full}期逐期列出，之后按年汇总）。",
        "en": "Under these proposals each lender receives the payments below (the first {full} payments one by one, then by year)."},
    "report.neg.ask.refused": {"zh": "按原合同还款", "en": "repay on the original terms"},
    "report.neg.ask.pause": {"zh": "分期还款期间免收利息", "en": "no interest while the instalments run"},
    "report.neg.ask.rate": {"zh": "年利率降至 {rate}", "en": "reduce the rate to {rate} a year"},
    "report.neg.ask.penalty": {"zh": "减免罚息", "en": "waive penalty interest"},
    "report.neg.ask.fees": {"zh": "减免违约金/滞纳金", "en": "waive late fees"},
    "report.neg.ask.arrears": {"zh": "逾期的 {amount} 并入分期", "en": "fold the {amount} overdue into the instalments"},
    "report.neg.ask.settlement": {"zh": "本金减免 {pct}", "en": "a {pct} discount on the principal"},
    "report.neg.ask.instalments": {"zh": "分 {months} 期，每期 {amount}", "en": "{months} monthly payments of {amount}"},
    "report.rights.based_on": {"zh": "相关法律及行业规范：{citation}", "en": "Laws, regulations and industry standards: {citation}"},
    # letters
    "report.letter.title": {"zh": "致{lender}的协商还款申请", "en": "Repayment application to {lender}"},
    # rights
    "report.rights.title": {"zh": "借款人的权利（简要）", "en": "The borrower's rights, in brief"},
    "report.rights.intro": {
        "zh": "以下列出相关法律及行业规范，并注明其性质（法律、部门规章、推荐性国家标准或行业自律规范）和适用范围，供协商时参考。如遇违规催收，请保存证据，并通过官方渠道投诉。",
        "en": "The laws, regulations and industry standards below are labelled with what they are (law, departmental rule, recommended national standard or industry self-regulation) and whom they cover, for reference in negotiation. If collection breaks the rules, keep the evidence and complain through official channels."},
    # incidents
    "report.incidents.title": {"zh": "催收情况记录", "en": "Log of collection contacts"},
    "report.incidents.intro": {"zh": "以下为本人记录的催收联系情况（共{count}条）。",
                               "en": "Collection contacts recorded by me ({count} entries)."},
    "report.incidents.when": {"zh": "时间", "en": "When"},
    "report.incidents.lender": {"zh": "机构", "en": "Lender"},
    "report.incidents.channel": {"zh": "方式", "en": "Channel"},
    "report.incidents.who": {"zh": "联系对象", "en": "Contacted"},
    "report.incidents.summary": {"zh": "经过", "en": "What happened"},
    "report.incidents.tags": {"zh": "问题", "en": "Issues"},
    # errors
    "issue.report_unknown_lang": {"zh": "不支持的语言 '{value}'（可选 zh、en）",
                                  "en": "unsupported language '{value}' (choose zh or en)"},
    "issue.report_bad_date": {"zh": "'{value}' 不是有效日期", "en": "'{value}' is not a valid date"},
})
