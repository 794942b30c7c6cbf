"""Texts of the phone layout (``ui.phone.*``): words that replace Streamlit's built-in English."""
from planner.i18n import register

register({
    "ui.phone.menu": {"zh": "菜单", "en": "Menu"},
    "ui.phone.upload": {"zh": "选择文件", "en": "Choose a file"},
    "ui.phone.working": {"zh": "正在生成……", "en": "Working…"},
    "ui.phone.choose_many": {"zh": "请选择（可多选）", "en": "Choose one or more"},
    "ui.phone.choose_or_type": {"zh": "选择或直接输入", "en": "Choose or type"},
    "ui.phone.choose_one": {"zh": "请选择", "en": "Choose one"},
    "ui.phone.admin_path": {"zh": "管理员：保存位置 {path}", "en": "Administrator: stored in {path}"},
    "ui.phone.upload_limit": {"zh": "每个文件最大 5 MB", "en": "up to 5 MB per file"},
})
