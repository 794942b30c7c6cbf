"""Applying the retention rule: delete the files due with the repository's proven delete, audited.

>>> from planner.storage import Repository, Agency, SYSTEM
>>> agency = Agency.of(Repository.open("sqlite://"))
>>> apply_retention(agency, SYSTEM, [], Path("/nonexistent"))
[]
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .access import Agency
from .accounts import Principal
from .consent import RetentionItem
from .errors import NotFound


def apply_retention(agency: Agency, principal: Principal, due: Iterable[RetentionItem], data_dir: Path) -> list[int]:
    """Delete every due file (rows, evidence copies, then compaction) as ``principal``; returns the ids deleted.

    Each delete is audited (``delete`` / ``delete_client_and_evidence``) like one from the clients page.
    """
    repo = agency.scoped(principal)
    deleted = []
    for item in due:
        try:
            repo.delete_client_and_evidence(item.client_id, data_dir)
        except NotFound:            # deleted meanwhile by someone else
            continue
        deleted.append(item.client_id)
    return deleted
