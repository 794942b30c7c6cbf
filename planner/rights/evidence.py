"""Evidence files (recordings, screenshots) kept on this computer only.

The log itself stores only file names.  A user may also ask to keep a copy:
:func:`store_evidence` writes it under ``data_dir/evidence/<incident id>/``,
the directory the caller chooses (nothing is ever uploaded).  Size checks are
pure (:func:`check_evidence`) so a form can refuse a huge file before reading it.

>>> [i.code for i in check_evidence("call.m4a", 30 * 2**20)]
['file_too_large']
>>> safe_file_name("../../etc/passwd"), safe_file_name("录音 3月5日.m4a")
('passwd', '录音 3月5日.m4a')
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .incidents import MAX_EVIDENCE_NAME_LEN, IncidentIssue

MAX_EVIDENCE_BYTES = 25 * 2**20      # one recording or screenshot
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


def safe_file_name(name: str) -> str:
    """The last path part of ``name`` with characters unsafe on any OS removed ('' if nothing is left)."""
    base = unicodedata.normalize("NFC", str(name)).replace("\\", "/").split("/")[-1]
    base = _UNSAFE.sub("_", base).strip(" .")
    return base[:MAX_EVIDENCE_NAME_LEN]


def check_evidence(name: str, size_bytes: int, *, max_bytes: int = MAX_EVIDENCE_BYTES,
                   row: int | None = None) -> list[IncidentIssue]:
    """Issues with one evidence file (by name and size), as data."""
    issues = []
    if not safe_file_name(name):
        issues.append(IncidentIssue(row, "evidence", str(name)[:80], "bad_file_name"))
    if size_bytes > max_bytes:
        issues.append(IncidentIssue(row, "evidence", str(name)[:80], "file_too_large",
                                    (("size", _size(size_bytes)), ("limit", _size(max_bytes)))))
    elif size_bytes <= 0:
        issues.append(IncidentIssue(row, "evidence", str(name)[:80], "empty_evidence"))
    return issues


def evidence_dir(data_dir: Path, incident_id: str) -> Path:
    safe_id = re.sub(r"[^0-9A-Za-z_-]", "_", incident_id) or "unsorted"
    return Path(data_dir) / "evidence" / safe_id


def store_evidence(data_dir: Path, incident_id: str, name: str, data: bytes, *,
                   max_bytes: int = MAX_EVIDENCE_BYTES) -> tuple[str | None, list[IncidentIssue]]:
    """Save ``data`` as ``data_dir/evidence/<incident_id>/<safe name>``.

    Returns ``(stored file name, issues)``; the name is ``None`` when the file
    was refused.  An existing file of the same name gets a ``-2``, ``-3`` … suffix.
    """
    issues = check_evidence(name, len(data), max_bytes=max_bytes)
    if issues:
        return None, issues
    folder = evidence_dir(data_dir, incident_id)
    folder.mkdir(parents=True, exist_ok=True)
    base = safe_file_name(name)
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    target, n = folder / base, 1
    while target.exists():
        n += 1
        target = folder / (f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}")
    target.write_bytes(data)
    return target.name, []


def stored_evidence(data_dir: Path, incident_id: str) -> list[Path]:
    """The files kept for one incident (empty when none)."""
    folder = evidence_dir(data_dir, incident_id)
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def delete_evidence(data_dir: Path, incident_id: str) -> int:
    """Delete the copies kept for one incident and its folder; returns how many files were removed."""
    files = stored_evidence(data_dir, incident_id)
    for f in files:
        f.unlink()
    folder = evidence_dir(data_dir, incident_id)
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
    return len(files)
