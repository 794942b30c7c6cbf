from planner.i18n import register

register({
    "page.report": {"zh": "导出PDF", "en": "Export PDF"},
    "ui.report.title": {"zh": "导出还款计划PDF", "en": "Export the repayment plan as PDF"},
    "ui.report.intro": {
        "zh": "生成一份可以交给债务咨询人员、或随协商申请一并提交给各机构的PDF：债务明细、收支预算、策略比较与图表、"
              "各机构的协商方案和时间表、逐月还款计划、给每家机构的书面申请、权利须知。PDF在运行本工具的设备上生成，不会上传。",
        "en": "Create one PDF to hand to a debt counsellor or send with your negotiation letters: your debts, budget, "
              "the strategy comparison and chart, the proposal and timetable per lender, the month-by-month schedule, "
              "a written application to each lender and a summary of your rights. The PDF is made on the "
              "device running this planner and never uploaded."},
    "ui.report.no_debts": {"zh": "还没有可用的债务。请先在“我的债务”页面填写或导入。",
                           "en": "There are no usable debts yet. Enter or import them on the “My debts” page first."},
    "ui.report.skipped_rows": {"zh": "有 {count} 行债务填写有误，未包含在PDF中（请到“我的债务”页面修改）。",
                               "en": "{count} debt row(s) have problems and are left out of the PDF (fix them on the “My debts” page)."},
    "ui.report.lang": {"zh": "PDF语言", "en": "PDF language"},
    "ui.report.date": {"zh": "文件日期", "en": "Document date"},
    "ui.report.strategy": {"zh": "还款策略", "en": "Repayment strategy"},
    "ui.report.method": {"zh": "协商方案的分配方法", "en": "How the proposal shares the budget"},
    "ui.report.name": {"zh": "借款人姓名（可不填）", "en": "Borrower's name (optional)"},
    "ui.report.name_help": {"zh": "默认取自“协商还款”页面填写的借款人信息；只用于PDF和申请书署名。",
                            "en": "Taken from the borrower details on the negotiation page; used only to sign the PDF and letters."},
    "ui.report.pseudonymise": {"zh": "隐去部分个人信息（姓名只保留第一个字，号码只保留后4位）",
                               "en": "Withhold personal details (first letter of the name only, last 4 digits of numbers)"},
    "ui.report.incidents": {"zh": "附上催收情况记录（{count} 条）", "en": "Append the collection log ({count} entries)"},
    "ui.report.no_incidents": {"zh": "没有催收记录可附（可在“催收维权”页面记录）。",
                               "en": "No collection log to append (record contacts on the “Collection rights” page)."},
    "ui.report.download": {"zh": "下载PDF", "en": "Download PDF"},
    "ui.report.build": {"zh": "生成PDF", "en": "Make the PDF"},
    "ui.report.building": {"zh": "正在生成PDF…", "en": "Making the PDF…"},
    "ui.report.press_build": {"zh": "选好上面的选项后，点“生成PDF”。", "en": "Choose the options above, then press “Make the PDF”."},
    "ui.report.stale": {"zh": "选项或数据已改变：请重新点“生成PDF”。", "en": "The options or data changed: press “Make the PDF” again."},
    "ui.report.ready": {"zh": "已生成：{pages} 页，{size} KB。", "en": "Ready: {pages} pages, {size} KB."},
    "ui.report.error": {"zh": "无法生成PDF：", "en": "The PDF could not be made:"},
    "ui.report.cli": {"zh": "命令行可生成完全相同的文件：", "en": "The command line makes the very same file:"},
})
