"""Evidence files (recordings, screenshots) kept on this computer only.

The log itself stores only file names.  A user may also ask to keep a copy:
:func:`store_evidence` writes it under ``data_dir/evidence/<key>/``, the
directory the caller chooses (nothing is ever uploaded).  ``<key>`` is a hash
of the owner (a client, or ``""`` for the local working log) and the incident
id, so two different ids never share a folder (``a/b``, ``a.b`` and ``a_b``
once did) and deleting one owner's incident compares exactly the same key.
Size checks are pure (:func:`check_evidence`) so a form can refuse a huge file
before reading it.  File names are cut to :data:`MAX_FILE_NAME_BYTES` bytes of
UTF-8 (file systems allow 255), keeping the extension.

>>> [i.code for i in check_evidence("call.m4a", 30 * 2**20)]
['file_too_large']
>>> safe_file_name("../../etc/passwd"), safe_file_name("录音 3月5日.m4a")
('passwd', '录音 3月5日.m4a')
>>> len(safe_file_name("录" * 90 + ".m4a").encode()), safe_file_name("录" * 90 + ".m4a")[-4:]
(199, '.m4a')
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from .incidents import MAX_EVIDENCE_NAME_LEN, IncidentIssue

MAX_EVIDENCE_BYTES = 25 * 2**20      # one recording or screenshot
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_INVISIBLE = re.compile(r"[\x80-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_CONTENT_ID = re.compile(r"^[0-9a-f]{12}$")
MAX_FILE_NAME_BYTES = 200       # of UTF-8; file systems allow 255


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


def safe_file_name(name: str) -> str:
    """The last path part of ``name`` with characters unsafe on any OS removed ('' if nothing is left),
    at most :data:`MAX_FILE_NAME_BYTES` bytes in UTF-8 (the stem is shortened, the extension kept)."""
    base = unicodedata.normalize("NFC", str(name)).replace("\\", "/").split("/")[-1]
    base = _UNSAFE.sub("_", _INVISIBLE.sub("", base)).strip(" .")[:MAX_EVIDENCE_NAME_LEN]
    if len(base.encode("utf-8")) <= MAX_FILE_NAME_BYTES:
        return base
    stem, dot, ext = base.rpartition(".")
    if not dot or len(ext.encode("utf-8")) > 16:
        stem, dot, ext = base, "", ""
    room = MAX_FILE_NAME_BYTES - len((dot + ext).encode("utf-8"))
    stem = stem.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(" .")
    return stem + dot + ext if stem else ""


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


def evidence_key(incident_id: str, owner: str = "") -> str:
    """The folder name for one owner's incident: a hash, so distinct ids never collide.

    >>> len({evidence_key(i) for i in ("a/b", "a.b", "a_b")}), evidence_key("x", "1") != evidence_key("x", "2")
    (3, True)
    """
    digest = hashlib.sha256(f"{owner}\x00{incident_id}".encode("utf-8", "surrogatepass")).hexdigest()
    return "e" + digest[:32]


def evidence_dir(data_dir: Path, incident_id: str, owner: str = "") -> Path:
    return Path(data_dir) / "evidence" / evidence_key(str(incident_id), str(owner))


def _legacy_dir(data_dir: Path, incident_id: str) -> Path | None:
    """Where versions before the hashed keys kept an incident's copies; only content ids (12 hex
    digits) are unambiguous there, so only those are looked up (for deletion)."""
    return Path(data_dir) / "evidence" / incident_id if _CONTENT_ID.match(str(incident_id)) else None


def store_evidence(data_dir: Path, incident_id: str, name: str, data: bytes, *,
                   max_bytes: int = MAX_EVIDENCE_BYTES, owner: str = "") -> tuple[str | None, list[IncidentIssue]]:
    """Save ``data`` as ``data_dir/evidence/<key>/<safe name>``.

    Returns ``(stored file name, issues)``; the name is ``None`` when the file
    was refused or could not be written (the issue says why; never an exception).
    An existing file of the same name gets a ``-2``, ``-3`` … suffix.
    """
    issues = check_evidence(name, len(data), max_bytes=max_bytes)
    if issues:
        return None, issues
    try:
        return _write(evidence_dir(data_dir, incident_id, owner), safe_file_name(name), data), []
    except OSError as e:
        return None, [IncidentIssue(None, "evidence", safe_file_name(name)[:80], "cannot_store",
                                    (("reason", e.strerror or type(e).__name__),))]


def _write(folder: Path, base: str, data: bytes) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    target, n = folder / base, 1
    while target.exists():
        n += 1
        target = folder / (f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}")
    target.write_bytes(data)
    return target.name


def _files(folder: Path | None) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder is not None and folder.is_dir() else []


def stored_evidence(data_dir: Path, incident_id: str, owner: str = "") -> list[Path]:
    """The files kept for one incident (empty when none)."""
    return _files(evidence_dir(data_dir, incident_id, owner))


def delete_evidence(data_dir: Path, incident_id: str, owner: str = "") -> int:
    """Delete the copies kept for one incident and its folder; returns how many files were removed."""
    removed = 0
    folders = [evidence_dir(data_dir, incident_id, owner)] + ([_legacy_dir(data_dir, incident_id)] if not owner else [])
    for folder in folders:
        for f in _files(folder):
            f.unlink()
            removed += 1
        if folder is not None and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return removed
