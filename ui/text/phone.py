"""Texts of the phone layout (``ui.phone.*``): words that replace Streamlit's built-in English."""
from planner.i18n import register

register({
    "ui.phone.menu": {"zh": "菜单", "en": "Menu"},
    "ui.phone.upload": {"zh": "选择文件", "en": "Choose a file"},
    "ui.phone.working": {"zh": "正在生成……", "en": "Working…"},
    "ui.phone.upload_limit": {"zh": "每个文件最大 5MB", "en": "up to 5 MB per file"},
})
