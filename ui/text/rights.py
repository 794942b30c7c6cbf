"""Texts of the rights page (``ui.rights.*``)."""
from planner.i18n import register

register({
    "page.rights": {"zh": "催收维权", "en": "Collection rights"},
    "ui.rights.title": {"zh": "记录违规催收、了解您的权利", "en": "Log abusive collection, know your rights"},
    "ui.rights.intro": {
        "zh": "把每一次催收记下来（时间、号码、对方原话、联系了谁），工具会对照催收规则找出违规之处，"
              "并生成给监管部门、行业协会、机构官方渠道的投诉材料。所有内容只保存在运行本工具的设备上。",
        "en": "Log every collection contact (time, number, the exact words, who was contacted). The tool checks "
              "it against the collection rules and drafts complaints to the regulator, the industry association "
              "and the lender's official channel. Everything stays on the device running this planner."},
    "ui.rights.pay_reminder": {
        "zh": "维权是为了让催收回到合规的轨道，还款仍然是摆脱债务的出路：请同时通过官方渠道协商还款方案。",
        "en": "Standing up for your rights puts collection back within the rules; paying is still the way out of "
              "debt, so negotiate a repayment plan through the official channel as well."},
    "ui.rights.to_negotiate": {"zh": "去协商还款 →", "en": "Negotiate repayment →"},
    "ui.rights.tab_log": {"zh": "催收记录", "en": "Incident log"},
    "ui.rights.tab_check": {"zh": "违规检查", "en": "Rule check"},
    "ui.rights.tab_drafts": {"zh": "投诉材料", "en": "Complaint drafts"},
    "ui.rights.tab_rights": {"zh": "您的权利", "en": "Your rights"},
    "ui.rights.form_add": {"zh": "新增一条记录", "en": "Add an incident"},
    "ui.rights.form_edit": {"zh": "修改记录 {id}", "en": "Edit incident {id}"},
    "ui.rights.lender": {"zh": "机构（可从债务列表选择，也可直接输入）", "en": "Lender (pick from your debts or type a name)"},
    "ui.rights.when_date": {"zh": "日期", "en": "Date"},
    "ui.rights.when_time": {"zh": "时间（不清楚可留空）", "en": "Time (leave empty if unknown)"},
    "ui.rights.channel": {"zh": "方式", "en": "Channel"},
    "ui.rights.caller": {"zh": "对方号码或账号", "en": "Number or account used"},
    "ui.rights.role": {"zh": "联系了谁", "en": "Who was contacted"},
    "ui.rights.relationship": {"zh": "对方与您的关系（联系的是他人时必填）",
                               "en": "Their relationship to you (required when someone else was contacted)"},
    "ui.rights.count": {"zh": "次数（同一天同类联系可合并记录）", "en": "Count (same-day contacts may share one entry)"},
    "ui.rights.summary": {"zh": "对方说了什么（尽量写原话）", "en": "What was said (the exact words if you can)"},
    "ui.rights.tags": {"zh": "问题标签", "en": "Tags"},
    "ui.rights.evidence_names": {"zh": "证据文件名（多个用 ; 分隔，如 录音0305.m4a）",
                                 "en": "Evidence file names (separate with ;, e.g. call_0305.m4a)"},
    "ui.rights.evidence_upload": {"zh": "或选择证据文件（最大 {limit}）", "en": "Or pick the evidence files (at most {limit} each)"},
    "ui.rights.keep_copy": {"zh": "在运行本工具的设备上保存文件副本",
                            "en": "Keep a copy of the files on the device running this planner"},
    "ui.rights.save": {"zh": "保存记录", "en": "Save incident"},
    "ui.rights.cancel_edit": {"zh": "取消修改", "en": "Cancel editing"},
    "ui.rights.not_saved": {"zh": "记录未保存，请修改以下问题（您填写的内容仍保留在表单中）：",
                            "en": "Not saved; please fix the following (what you typed is still in the form):"},
    "ui.rights.saved": {"zh": "已保存。", "en": "Saved."},
    "ui.rights.empty_log": {"zh": "还没有记录。用上面的表单添加，或导入CSV。",
                            "en": "No incidents yet. Add one with the form above, or import a CSV."},
    "ui.rights.log_table": {"zh": "全部记录（{n}条）", "en": "All incidents ({n})"},
    "ui.rights.pick": {"zh": "选择一条记录", "en": "Pick an incident"},
    "ui.rights.edit": {"zh": "修改", "en": "Edit"},
    "ui.rights.delete": {"zh": "删除", "en": "Delete"},
    "ui.rights.delete_help": {
        "zh": "只删除这条记录。证据文件副本仍保留在 {dir}（证据不会因误删记录而丢失）；不再需要时请手动删除，"
              "或在客户档案中删除整个客户。",
        "en": "Deletes this entry only. Kept copies of its evidence stay in {dir} (a mistaken delete never loses "
              "evidence); remove them by hand when no longer needed, or delete the whole client in Clients."},
    "ui.rights.import": {"zh": "导入CSV", "en": "Import CSV"},
    "ui.rights.import_file": {"zh": "选择催收记录CSV（UTF-8 或 GBK）", "en": "Choose an incident-log CSV (UTF-8 or GBK)"},
    "ui.rights.import_add": {"zh": "加入记录", "en": "Add to the log"},
    "ui.rights.import_done": {"zh": "已导入 {n} 条记录。", "en": "Imported {n} incidents."},
    "ui.rights.import_problems": {"zh": "以下行有问题，未导入：", "en": "These rows have problems and were not imported:"},
    "ui.rights.export": {"zh": "导出CSV", "en": "Export CSV"},
    "ui.rights.no_hits": {"zh": "这条记录没有发现违规。", "en": "No rule broken in this incident."},
    "ui.rights.hits_for": {"zh": "{date} {lender} · {who}：{n}项", "en": "{date} {lender} · {who}: {n}"},
    "ui.rights.cites": {"zh": "相关法律及行业规范", "en": "Laws, regulations and industry standards"},
    "ui.rights.to_confirm": {"zh": "待核实（文书中会标注“请核实”）", "en": "To be confirmed (marked “check” in drafts)"},
    "ui.rights.by_lender": {"zh": "按机构汇总", "en": "Summary by lender"},
    "ui.rights.col_lender": {"zh": "机构", "en": "Lender"},
    "ui.rights.col_incidents": {"zh": "记录数", "en": "Incidents"},
    "ui.rights.col_contacts": {"zh": "联系次数", "en": "Contacts"},
    "ui.rights.col_first": {"zh": "首次", "en": "First"},
    "ui.rights.col_last": {"zh": "最近", "en": "Last"},
    "ui.rights.col_third": {"zh": "被联系的他人", "en": "Third parties contacted"},
    "ui.rights.col_rules": {"zh": "违规情况", "en": "Rules broken"},
    "ui.rights.col_issues": {"zh": "违规", "en": "Rules broken"},
    "ui.rights.serious": {"zh": "存在威胁、暴力、冒充公检法或大范围透露欠款等严重情况：可以报警（110）。",
                          "en": "Serious conduct (threats, violence, impersonation or disclosure to many people): "
                                "you can report it to the police (110)."},
    "ui.rights.rule_table": {"zh": "检查所用的规则", "en": "The rules checked"},
    "ui.rights.rule_table_note": {
        "zh": "每条依据都注明了类别和适用对象：法律、部门规章、规范性文件和司法解释有约束力；"
              "推荐性国家标准不是强制性的；行业自律规范约束的是其成员机构。",
        "en": "Each source says what kind of rule it is and whom it covers: laws, departmental rules, regulatory "
              "notices and judicial interpretations bind; a recommended national standard is not mandatory; "
              "industry self-regulation binds its member institutions."},
    "ui.rights.rule_head": {"zh": "**{title}**", "en": "**{title}**"},
    "ui.rights.rule_source": {"zh": "{title}（{kind}；适用于：{scope}）", "en": "{title} ({kind}; applies to: {scope})"},
    "ui.rights.rule_no_source": {"zh": "这里不引用具体条文（仍可投诉；严重时可报警）",
                                 "en": "No provision cited here (you can still complain; in serious cases call the police)"},
    "ui.rights.draft_lender": {"zh": "针对哪个机构", "en": "Which lender"},
    "ui.rights.draft_kind": {"zh": "材料类型", "en": "Draft"},
    "ui.rights.draft_lang": {"zh": "语言", "en": "Language"},
    "ui.rights.your_name": {"zh": "您的姓名（可留空，稍后手填）", "en": "Your name (may be left empty and filled in later)"},
    "ui.rights.your_phone": {"zh": "您的电话（可留空）", "en": "Your phone (optional)"},
    "ui.rights.account_ref": {"zh": "合同编号或卡号后四位（可留空）",
                              "en": "Contract number or last 4 digits of the card (optional)"},
    "ui.rights.legal_entity": {"zh": "机构全称（见合同，如：重庆蚂蚁消费金融有限公司；可留空）",
                               "en": "Lender's legal name (see the contract, e.g. 重庆蚂蚁消费金融有限公司; optional)"},
    "ui.rights.plain_copy": {"zh": "纯文本（复制用）", "en": "Plain text (to copy)"},
    "ui.rights.download_docx": {"zh": "下载 Word（.docx）", "en": "Download Word (.docx)"},
    "ui.rights.kind_unknown": {
        "zh": "这家机构不在您的债务表中，类型未知：材料只引用对所有机构都适用的法律。把它加入债务表（选好类型）可引用更具体的规定。",
        "en": "This lender is not in your debt table, so its kind is unknown: the drafts cite only laws that apply "
              "to every lender. Add it to the debt table (with its kind) for more specific rules."},
    "ui.rights.no_drafts_private": {
        "zh": "对个人出借人（民间借贷）不提供向监管部门或行业协会的投诉材料；如遇威胁、暴力、骚扰，可记录后使用报警提纲（严重情况时出现）。",
        "en": "For a private lender there is no regulator or association complaint; for threats, violence or "
              "harassment, log them and use the police outline (offered for serious cases)."},
    "ui.rights.draft_note": {"zh": "请逐项核对，补全【】中的内容后再提交。可复制纯文本，或下载 .txt / Word 文件。",
                             "en": "Check every item and fill in the [ ] blanks before sending. Copy the plain text, or download it as .txt or Word."},
    "ui.rights.download": {"zh": "下载纯文本（.txt）", "en": "Download plain text (.txt)"},
    "ui.rights.no_drafts": {"zh": "先添加催收记录，才能生成投诉材料。", "en": "Log some incidents first to draft a complaint."},
    "ui.rights.file_refused": {"zh": "文件未保存：", "en": "File not kept:"},
})
