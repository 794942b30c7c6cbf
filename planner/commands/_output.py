"""Every file a CLI command writes goes through here: checked before any work, written atomically.

* :func:`check_output` — before computing anything: the output is not one of the inputs (same
  resolved path or same inode), is not a directory, and its folder exists and is writable.
  Returns a translated message, or ``None`` when the output is fine.
* :func:`write_atomic` — the bytes go to a temporary file in the same folder, are flushed to disk,
  then renamed over the target: a crash or a full disk never leaves a half-written file, and an
  input is never emptied before it has been read.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); f = d / "a.txt"; _ = f.write_text("x")
>>> check_output(f, [f], "en")[:34]
'the output file is the input file '
>>> write_atomic(d / "b.txt", b"ok"); (d / "b.txt").read_bytes()
b'ok'
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..escape import terminal
from ..i18n import register, t

register({
    "cli.out.same_as_input": {"zh": "输出文件就是输入文件 {path}：已拒绝，以免覆盖输入。请换一个输出文件名。",
                              "en": "the output file is the input file {path}: refused so the input is not "
                                    "overwritten. Choose another output file."},
    "cli.out.is_dir": {"zh": "{path} 是一个文件夹，不能作为输出文件。", "en": "{path} is a folder, not a file."},
    "cli.out.no_dir": {"zh": "无法写入 {path}：文件夹 {folder} 不存在。",
                       "en": "cannot write {path}: the folder {folder} does not exist."},
    "cli.out.not_writable": {"zh": "无法写入 {path}：没有写入权限。", "en": "cannot write {path}: permission denied."},
    "cli.out.cannot_write": {"zh": "无法写入 {path}：{reason}", "en": "cannot write {path}: {reason}"},
})


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
    except (OSError, RuntimeError):
        pass
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output(out: Path, inputs: Iterable[Path | None], lang: str) -> str | None:
    """Why ``out`` cannot be written (a message for the user), or ``None``."""
    out = Path(out)
    shown = terminal(str(out))
    for source in inputs:
        if source is not None and _same_file(out, Path(source)):
            return t("cli.out.same_as_input", lang, path=shown)
    if out.is_dir():
        return t("cli.out.is_dir", lang, path=shown)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        return t("cli.out.no_dir", lang, path=shown, folder=terminal(str(folder)))
    if not os.access(folder, os.W_OK | os.X_OK) or (out.exists() and not os.access(out, os.W_OK)):
        return t("cli.out.not_writable", lang, path=shown)
    return None


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or chunks of bytes) to ``path`` via a temporary file and an atomic rename.

    An existing file keeps its permission bits.  Raises ``OSError``; on error the target is untouched
    and the temporary file is removed.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, (bytes, bytearray, memoryview)):
                f.write(data)
            else:
                for chunk in data:
                    f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
