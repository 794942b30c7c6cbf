"""The storage layer's exceptions, each carrying the numbers and a zh/en message.

::

    PlannerError
     └── StorageError          (anything the storage layer refuses)
          ├── ConflictError    (another session changed the client since you loaded it)
          │    └── WorkspaceConflict (another tab or device saved the workspace since this one loaded it)
          ├── NotFound         (no such client / plan version)
          ├── Unavailable      (the database cannot be reached or opened)
          └── InvalidArchive   (an import zip that is not a planner export, or is damaged)

They carry no client data (names, notes): only ids, versions and codes, so they
are safe to log.

>>> e = ConflictError(client_id=3, expected=2, actual=4)
>>> e.message("en")
'Client #3 was changed in another session (you loaded version 2, it is now version 4). Your change was NOT saved: reload the client and apply it again.'
"""

from __future__ import annotations

from ..i18n import register, t
from ..models import PlannerError

register({
    "store.err.conflict": {
        "zh": "客户 #{client_id} 已在另一个会话中被修改（您载入的是第 {expected} 版，现在是第 {actual} 版）。"
              "您的修改没有保存：请重新载入该客户后再操作一次。",
        "en": "Client #{client_id} was changed in another session (you loaded version {expected}, "
              "it is now version {actual}). Your change was NOT saved: reload the client and apply it again."},
    "store.err.ws_conflict": {
        "zh": "您的数据已在另一个标签页或设备上被修改（本页载入的是第 {expected} 版，现在是第 {actual} 版）。"
              "本页的这次修改没有保存，也没有覆盖另一边的修改：请先载入最新数据，再改一次。",
        "en": "Your data was changed in another tab or on another device (this page loaded version {expected}, "
              "it is now version {actual}). This change was NOT saved and did not overwrite the other one: "
              "load the latest data, then make the change again."},
    "store.err.not_found": {"zh": "找不到{what} #{id}（可能已被删除）。",
                            "en": "{what} #{id} was not found (it may have been deleted)."},
    "store.what.client": {"zh": "客户", "en": "Client"},
    "store.what.plan_version": {"zh": "方案版本", "en": "Plan version"},
    "store.err.invalid_archive": {"zh": "无法导入：{detail}", "en": "Cannot import: {detail}"},
    "store.archive.not_zip": {"zh": "文件不是 zip 压缩包", "en": "the file is not a zip archive"},
    "store.archive.no_manifest": {"zh": "压缩包里没有 client.json，不是本工具导出的文件",
                                  "en": "the archive has no client.json: it is not an export of this planner"},
    "store.archive.bad_format": {"zh": "client.json 格式不对（{where}）",
                                 "en": "client.json is not in the expected format ({where})"},
    "store.archive.newer": {"zh": "导出文件的格式版本 {found} 比本程序支持的 {supported} 新，请先升级程序",
                            "en": "the export's format version {found} is newer than this program's "
                                  "{supported}: upgrade the program first"},
    "store.archive.too_large": {"zh": "压缩包解压后过大（上限 {limit}）",
                                "en": "the archive is too large when unpacked (limit {limit})"},
    "store.archive.no_workspace": {"zh": "这个导出文件里没有“我的数据”（债务、预算等），请在“我的数据”页面重新导出",
                                   "en": "this export holds no workspace (debts, budget …): export it again from "
                                         "the My data page"},
    "store.archive.bad_debts": {"zh": "方案版本 {label} 中的债务无效：{detail}",
                                "en": "the debts of plan version {label} are invalid: {detail}"},
    "store.err.unavailable": {"zh": "无法连接数据库（{detail}）。请检查 DATABASE_URL / PLANNER_DATA_DIR。",
                              "en": "The database cannot be reached ({detail}). Check DATABASE_URL / PLANNER_DATA_DIR."},
    "store.err.deletion_incomplete": {
        "zh": "客户 #{client_id} 已删除，但数据库的预写日志里可能还留有旧内容，因为另一个窗口或程序正在读取数据库。"
              "请关闭本工具的其他窗口并重新启动本工具：启动时会完成清除。",
        "en": "Client #{client_id} was deleted, but old content may still be readable in the database's write-ahead "
              "log, because another window or program is reading the database. Close the planner's other windows "
              "and restart it: erasing is finished when it starts."},
    "store.err.bad_status": {"zh": "'{value}' 不是有效的协商状态（{choices}）",
                             "en": "'{value}' is not a negotiation status ({choices})"},
    "store.err.bad_name": {"zh": "客户名称不能为空，且最多 {limit} 个字",
                           "en": "a client name must not be empty and has at most {limit} characters"},
})


class StorageError(PlannerError):
    """Base of the storage exceptions: ``code`` selects the message, ``params`` fill it."""

    code = "store.err.invalid_archive"

    def __init__(self, **params: object):
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        return t(self.code, lang, **self.params)


class ConflictError(StorageError):
    """An update carried a stale client version: nothing was written."""

    code = "store.err.conflict"

    def __init__(self, *, client_id: int, expected: int, actual: int):
        self.client_id, self.expected, self.actual = client_id, expected, actual
        super().__init__(client_id=client_id, expected=expected, actual=actual)


class WorkspaceConflict(ConflictError):
    """A workspace write carried a stale version (another tab or device saved meanwhile): nothing was written.

    Carries no owner (an owner string may be an e-mail address): only the versions.

    >>> WorkspaceConflict(expected=3, actual=5).message("en").startswith("Your data was changed in another tab")
    True
    """

    code = "store.err.ws_conflict"

    def __init__(self, *, expected: int, actual: int):
        self.client_id, self.expected, self.actual = None, expected, actual
        StorageError.__init__(self, expected=expected, actual=actual)


class NotFound(StorageError, LookupError):
    code = "store.err.not_found"

    def __init__(self, *, what: str, id: int):  # noqa: A002  (the message's own word)
        self.what, self.id = what, id
        super().__init__(what=what, id=id)

    def message(self, lang: str = "zh") -> str:
        return t(self.code, lang, what=t(f"store.what.{self.what}", lang), id=self.id)


class Unavailable(StorageError):
    """The database cannot be opened; ``detail`` is the driver's first line (no client data in it)."""

    code = "store.err.unavailable"

    def __init__(self, *, detail: str):
        self.detail = detail
        super().__init__(detail=detail)


class DeletionIncomplete(StorageError):
    """The rows are deleted, but the promise "no readable trace" is not kept yet: the SQLite write-ahead
    log could not be emptied because another connection holds a read transaction.  ``counts`` are the rows
    deleted per table; :meth:`planner.storage.Repository.finish_erasing` retries."""

    code = "store.err.deletion_incomplete"

    def __init__(self, *, client_id: int, counts: dict[str, int] | None = None):
        self.client_id, self.counts = client_id, dict(counts or {})
        super().__init__(client_id=client_id)


class InvalidInputValue(StorageError, ValueError):
    """A value the user gave that storage refuses (a status word, an empty name)."""

    def __init__(self, code: str, **params: object):
        self.code = code
        super().__init__(**params)


class InvalidArchive(StorageError, ValueError):
    """An import that is not a planner export, or is damaged; ``reason`` is a message key."""

    code = "store.err.invalid_archive"

    def __init__(self, reason: str, **params: object):
        self.reason, self.reason_params = reason, params
        super().__init__()

    def message(self, lang: str = "zh") -> str:
        detail = t(self.reason, lang, **self.reason_params)
        return t(self.code, lang, detail=detail)
