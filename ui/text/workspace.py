"""Texts of the workspace UI: autosave status, sample note, confirmations, undo, history, "My data"."""

from planner.i18n import register

register({
    # ------------------------------------------------------------------ status and notices
    "ws.sample_note": {"zh": ":material/info: 这是**示例数据**，不是您的债务。改动任意一项或点「清空，从头录入」后，就成了您自己的数据（自动保存）。",
                       "en": ":material/info: This is **sample data**, not your debts. Change anything or choose "
                             "“Start empty” and it becomes your own data (saved automatically)."},
    "ws.saved": {"zh": ":material/cloud_done: 已自动保存（{when}）", "en": ":material/cloud_done: Saved automatically ({when})"},
    "ws.not_saved": {"zh": "无法保存您的数据：{detail}。本页的修改只在这个标签页里，关闭后会丢失。",
                     "en": "Your data cannot be saved: {detail}. Changes stay in this tab only and are lost "
                           "when it is closed."},
    "ws.conflict_load": {"zh": "载入最新数据（放弃本页未保存的修改）", "en": "Load the latest data (drop this tab's unsaved change)"},
    "ws.conflict_overwrite": {"zh": "用本页的内容覆盖（另一边的版本仍可在「恢复之前的状态」里找回）",
                              "en": "Keep this tab's version (the other one stays under “Restore an earlier state”)"},
    "ws.undo": {"zh": "撤销", "en": "Undo"},
    "ws.undo_last": {"zh": "撤销上一步", "en": "Undo the last change"},
    "ws.nothing_to_undo": {"zh": "没有可以撤销的修改。", "en": "Nothing to undo."},
    "ws.undone": {"zh": "已撤销。", "en": "Undone."},
    "ws.restored": {"zh": "已恢复到 {when} 的状态。", "en": "Restored the state of {when}."},
    "ws.done.sample": {"zh": "已载入示例数据（原来的数据可以撤销找回）。", "en": "Sample data loaded (undo brings your data back)."},
    "ws.done.start_empty": {"zh": "已清空债务表和预算。", "en": "The debt table and the budget were cleared."},
    "ws.done.delete_rows": {"zh": "已删除债务行。", "en": "Debt rows deleted."},
    "ws.done.replace_csv": {"zh": "已用上传的文件替换债务表。", "en": "The debt table was replaced by the uploaded file."},
    "ws.done.append_csv": {"zh": "已把上传文件中的债务加到表格末尾。", "en": "The uploaded debts were added to the table."},
    "ws.done.delete_incident": {"zh": "已删除一条催收记录。", "en": "An incident was deleted."},
    "ws.done.undo": {"zh": "已撤销上一步。", "en": "The last change was undone."},
    "ws.done.restore": {"zh": "已恢复之前的状态。", "en": "An earlier state was restored."},
    "ws.done.overwrite": {"zh": "已用本页的内容覆盖。", "en": "This tab's version was kept."},
    # ------------------------------------------------------------------ confirmation
    "ws.confirm.question": {"zh": "确定吗？{what}", "en": "Are you sure? {what}"},
    "ws.confirm.yes": {"zh": "确定", "en": "Yes, do it"},
    "ws.confirm.no": {"zh": "取消", "en": "Cancel"},
    "ws.confirm.undo_hint": {"zh": "之后可以用「撤销」找回。", "en": "You can undo it afterwards."},
    "ws.confirm.sample": {"zh": "示例数据会替换您现在的债务表和预算。", "en": "The sample replaces your current debts and budget."},
    "ws.confirm.start_empty": {"zh": "债务表和预算会被清空。", "en": "Your debt table and budget will be cleared."},
    "ws.confirm.delete_incident": {"zh": "这条催收记录会从记录表里删除。", "en": "This incident will be removed from the log."},
    "ws.confirm.delete_row": {"zh": "这笔债务会从债务表里删除。", "en": "This debt will be removed from your table."},
    "ws.upload.question": {"zh": "上传的文件有 {n} 笔债务，表格里已有 {m} 行。要怎么处理？",
                           "en": "The file has {n} debts and the table already has {m} rows. What should happen?"},
    "ws.upload.replace": {"zh": "替换现有表格", "en": "Replace the table"},
    "ws.upload.append": {"zh": "加到表格末尾", "en": "Add to the table"},
    "ws.upload.cancel": {"zh": "取消", "en": "Cancel"},
    # ------------------------------------------------------------------ history
    "ws.history": {"zh": "恢复之前的状态", "en": "Restore an earlier state"},
    "ws.history_intro": {"zh": "最近 {n} 次保存的状态（本地时间）。恢复也可以撤销。",
                         "en": "The last {n} saved states (local time). A restore can be undone too."},
    "ws.history_current": {"zh": "当前", "en": "current"},
    "ws.history_restore": {"zh": "恢复", "en": "Restore"},
    "ws.history_empty": {"zh": "还没有保存过的状态。", "en": "No saved state yet."},
    "ws.action.edit": {"zh": "修改", "en": "Edited"},
    "ws.action.sample": {"zh": "载入示例数据", "en": "Sample loaded"},
    "ws.action.start_empty": {"zh": "清空重新开始", "en": "Started empty"},
    "ws.action.delete_rows": {"zh": "删除债务行", "en": "Rows deleted"},
    "ws.action.replace_csv": {"zh": "上传文件替换债务表", "en": "Table replaced by a file"},
    "ws.action.append_csv": {"zh": "上传文件追加债务", "en": "Debts added from a file"},
    "ws.action.delete_incident": {"zh": "删除催收记录", "en": "Incident deleted"},
    "ws.action.undo": {"zh": "撤销", "en": "Undo"},
    "ws.action.restore": {"zh": "恢复之前的状态", "en": "Earlier state restored"},
    "ws.action.overwrite": {"zh": "覆盖另一标签页的修改", "en": "Kept over another tab's change"},
    "ws.action.open_client": {"zh": "打开客户", "en": "Client opened"},
    "ws.action.import": {"zh": "导入", "en": "Imported"},
    "ws.section.debt_rows": {"zh": "债务表", "en": "debts"},
    "ws.section.budget": {"zh": "预算", "en": "budget"},
    "ws.section.profile": {"zh": "个人信息", "en": "profile"},
    "ws.section.negotiation": {"zh": "协商", "en": "negotiation"},
    "ws.section.incidents": {"zh": "催收记录", "en": "incident log"},
    "ws.section.payments": {"zh": "还款记录", "en": "payments"},
    "ws.section.balances": {"zh": "余额记录", "en": "balances"},
    "ws.section.budget_events": {"zh": "预算变化", "en": "budget changes"},
    "ws.section.followups": {"zh": "跟进", "en": "follow-ups"},
    "ws.section.settings": {"zh": "设置", "en": "settings"},
    "ws.rows": {"zh": "{old} → {new} 条", "en": "{old} → {new}"},
    # ------------------------------------------------------------------ My data
    "ws.mydata": {"zh": "我的数据", "en": "My data"},
    "ws.where.local": {"zh": "您输入的一切都自动保存在**这台运行本工具的电脑上**（一个本地数据库文件），不会上传到任何地方。"
                             "重新打开页面、后退、新标签页或重启后都还在。",
                       "en": "Everything you enter is saved automatically **on the computer that runs this planner** "
                             "(a local database file) and is never uploaded anywhere. It is still there after a "
                             "reload, going back, a new tab or a restart."},
    "ws.where.server": {"zh": "您输入的一切都自动保存在**本机构的数据库**里，只有您的账号能看到。",
                        "en": "Everything you enter is saved automatically in **this agency's database**, visible to "
                              "your account only."},
    "ws.where.client": {"zh": "当前显示的是客户「{name}」的工作稿：所有页面的修改都自动保存到该客户的档案。",
                        "en": "You are working on the draft of client “{name}”: changes on every page are saved to "
                              "that client's file automatically."},
    "ws.details": {"zh": "技术细节（管理员）", "en": "Technical details (administrator)"},
    "ws.details_sqlite": {"zh": "数据库文件：{path}", "en": "Database file: {path}"},
    "ws.details_pg": {"zh": "数据库：PostgreSQL（DATABASE_URL）", "en": "Database: PostgreSQL (DATABASE_URL)"},
    "ws.details_version": {"zh": "工作区版本 {version}", "en": "Workspace version {version}"},
    "ws.export": {"zh": "导出全部数据（zip）", "en": "Export all my data (zip)"},
    "ws.export_help": {"zh": "client.json（完整，可导入为客户）和每张表的 CSV，包括您输入的原样债务表。",
                       "en": "client.json (complete, can be imported as a client) and a CSV per table, including "
                             "the debt table exactly as typed."},
    "ws.export_file": {"zh": "我的债务数据.zip", "en": "my-debt-data.zip"},
    "ws.delete": {"zh": "删除全部数据", "en": "Delete all my data"},
    "ws.delete_help": {"zh": "删除债务、预算、个人信息、协商、催收记录、还款记录和全部历史状态，以及本机保存的证据文件副本，"
                             "并清理数据库文件中的残留。无法撤销：需要的话先导出。",
                       "en": "Deletes debts, budget, profile, negotiation, incident log, payments and every earlier "
                             "state, the evidence copies kept here, and wipes the leftovers from the database file. "
                             "This cannot be undone: export first if you need a copy."},
    "ws.delete_confirm": {"zh": "我确认要永久删除我的全部数据", "en": "I confirm: delete all my data permanently"},
    "ws.delete_button": {"zh": "永久删除", "en": "Delete permanently"},
    "ws.deleted": {"zh": "已删除您的全部数据。", "en": "All your data was deleted."},
})

register({"page.mydata": {"zh": "我的数据", "en": "My data"}})
