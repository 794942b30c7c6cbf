"""Texts of the agency sign-in form (ui/auth.py) and the admin page (ui/pages/admin.py)."""

from planner.i18n import register

register({
    "page.admin": {"zh": "机构管理", "en": "Agency admin"},
    # ------------------------------------------------------------------ sign-in with an account
    "acc.title": {"zh": "请用您的账号登录", "en": "Sign in with your account"},
    "acc.intro": {"zh": "每位咨询师只能看到自己负责的客户；每次查看和修改都会被记录。",
                  "en": "Each counsellor sees only the clients they are responsible for; every view and change "
                        "is recorded."},
    "acc.email": {"zh": "电子邮件", "en": "E-mail"},
    "acc.password": {"zh": "密码", "en": "Password"},
    "acc.enter": {"zh": "登录", "en": "Sign in"},
    "acc.wrong": {"zh": "电子邮件或密码不对。", "en": "Wrong e-mail or password."},
    "acc.locked": {"zh": "登录失败次数过多，此账号已暂时锁定，请在 {minutes} 分钟后再试。",
                   "en": "Too many failed sign-ins: this account is locked for now. Try again in {minutes} min."},
    "acc.not_registered": {"zh": "账号 {email} 没有开通或已停用，请联系机构管理员。",
                           "en": "The account {email} is not registered or is disabled: ask your agency's admin."},
    "acc.signed_in": {"zh": ":material/badge: {email}（{role}）", "en": ":material/badge: {email} ({role})"},
    "acc.db_error": {"zh": "无法打开账号数据库：{detail}", "en": "Cannot open the accounts database: {detail}"},
    "acc.role.admin": {"zh": "管理员", "en": "admin"},
    "acc.role.counsellor": {"zh": "咨询师", "en": "counsellor"},
    "acc.role.viewer": {"zh": "只读", "en": "viewer"},
    # ------------------------------------------------------------------ admin page
    "adm.title": {"zh": "机构管理", "en": "Agency admin"},
    "adm.only": {"zh": "只有管理员可以使用本页。", "en": "Only an admin can use this page."},
    "adm.users": {"zh": "用户", "en": "Users"},
    "adm.users_help": {"zh": "添加或停用用户：python -m planner admin users add 邮箱 --role counsellor",
                       "en": "Add or disable users: python -m planner admin users add EMAIL --role counsellor"},
    "adm.col.email": {"zh": "电子邮件", "en": "E-mail"},
    "adm.col.role": {"zh": "角色", "en": "Role"},
    "adm.col.team": {"zh": "团队", "en": "Team"},
    "adm.col.disabled": {"zh": "已停用", "en": "Disabled"},
    "adm.assign": {"zh": "分配客户", "en": "Assign a client"},
    "adm.client": {"zh": "客户", "en": "Client"},
    "adm.owner": {"zh": "负责人", "en": "Owner"},
    "adm.nobody": {"zh": "（无）", "en": "(nobody)"},
    "adm.team": {"zh": "团队（可不填）", "en": "Team (optional)"},
    "adm.assign_go": {"zh": "保存分配", "en": "Save the assignment"},
    "adm.assigned": {"zh": "已分配。", "en": "Assigned."},
    "adm.current": {"zh": "现在：负责人 {owner}，团队 {team}", "en": "Now: owner {owner}, team {team}"},
    "adm.audit": {"zh": "访问记录", "en": "Audit trail"},
    "adm.audit_help": {"zh": "每次查看、修改、导出、导入、删除客户档案的记录（不含个人信息，不能修改）。",
                       "en": "Every view, change, export, import and delete of a client file (no personal data; "
                             "records cannot be edited)."},
    "adm.since": {"zh": "从", "en": "From"},
    "adm.actor": {"zh": "用户（可不填）", "en": "User (optional)"},
    "adm.action": {"zh": "操作", "en": "Action"},
    "adm.any": {"zh": "全部", "en": "all"},
    "adm.client_id": {"zh": "客户编号（0 = 全部）", "en": "Client id (0 = all)"},
    "adm.download": {"zh": "导出 CSV", "en": "Export CSV"},
    "adm.count": {"zh": "{n} 条记录（最多显示 500 条，导出全部）", "en": "{n} records (500 shown at most; the export has all)"},
    "adm.retention": {"zh": "保存期限", "en": "Retention"},
    "adm.retention_rule": {"zh": "保存期限：最后修改后 {months} 个月；撤回同意的档案也列在这里。",
                           "en": "Retention: {months} months after the last change; files whose consent was "
                                 "withdrawn are listed too."},
    "adm.retention_off": {"zh": "未设置保存期限（PLANNER_RETENTION_MONTHS=0）；只列出撤回同意的档案。",
                          "en": "No retention period is set (PLANNER_RETENTION_MONTHS=0); only files whose consent "
                                "was withdrawn are listed."},
    "adm.due_none": {"zh": "没有到期的档案。", "en": "No file is due."},
    "adm.col.client": {"zh": "客户编号", "en": "Client id"},
    "adm.col.pseudonym": {"zh": "化名", "en": "Pseudonym"},
    "adm.col.last": {"zh": "最后修改", "en": "Last change"},
    "adm.col.reason": {"zh": "原因", "en": "Reason"},
    "adm.col.due": {"zh": "到期日", "en": "Due since"},
    "adm.delete_due": {"zh": "删除这 {n} 份到期档案", "en": "Delete these {n} files"},
    "adm.delete_confirm": {"zh": "我确认删除（不可恢复）", "en": "I confirm the deletion (cannot be undone)"},
    "adm.deleted": {"zh": "已删除 {n} 份档案。", "en": "{n} files deleted."},
    "adm.delete_off": {"zh": "自动删除未开启（PLANNER_RETENTION_DELETE=no）：请逐个核对后在客户档案页删除。",
                       "en": "Deletion is off (PLANNER_RETENTION_DELETE=no): check each file and delete it on the "
                             "clients page."},
    # ------------------------------------------------------------------ consent tab (clients page)
    "con.tab": {"zh": "同意", "en": "Consent"},
    "con.intro": {"zh": "记录客户同意了什么（向客户展示的用途说明）、何时、由哪位咨询师记录；客户可以随时撤回。",
                  "en": "Record what the client consented to (the purpose text shown to them), when, and by which "
                        "counsellor; the client can withdraw at any time."},
    "con.default_purpose": {
        "zh": "为帮助您制定还款和协商方案，本机构处理您提供的债务、收入支出和催收记录信息。"
              "这些信息只用于此目的，保存到服务结束后的保存期限为止；您可以随时要求复制或删除，也可以撤回同意。",
        "en": "To help you plan repayments and negotiate with lenders, the agency processes the information you give "
              "about your debts, income and expenses and collection incidents. It is used for this purpose only "
              "and kept until the retention period after our service ends; you can ask for a copy or deletion, "
              "and withdraw this consent, at any time."},
    "con.purpose": {"zh": "向客户展示的用途说明", "en": "Purpose text shown to the client"},
    "con.date": {"zh": "同意日期", "en": "Date of consent"},
    "con.record": {"zh": "记录同意", "en": "Record the consent"},
    "con.recorded": {"zh": "已记录。", "en": "Recorded."},
    "con.none": {"zh": "还没有同意记录。", "en": "No consent recorded yet."},
    "con.item": {"zh": "**{date}** 由 {who} 记录{withdrawn}：{purpose}", "en": "**{date}** recorded by {who}{withdrawn}: {purpose}"},
    "con.withdrawn": {"zh": "（{date} 已撤回）", "en": " (withdrawn {date})"},
    "con.withdraw": {"zh": "撤回 {date} 的同意", "en": "Withdraw the consent of {date}"},
})
