"""Rights toolkit: log collection misconduct, check it against the rules, draft complaints.

Public API (the dashboard, the PDF report and storage use only these names)::

    Incident, IncidentIssue, parse_incident_rows, incidents_from_records   -- the log (incidents.py)
    Incident.to_record() / Incident.from_record()                            -- stable JSON-safe records
    read_incidents_csv, write_incidents_csv, IncidentImport                 -- CSV (log_csv.py)
    check_evidence, store_evidence, stored_evidence, delete_evidence         -- local evidence files
    RULES, check_incident, check_log, summarize, RuleHit, LenderSummary      -- rule engine (rules.py)
    DRAFT_KINDS, available_drafts, render_draft, Borrower, Draft, profile_fields -- drafts (drafts.py)
    draft_document, draft_docx                                               -- a draft as Word (draft_doc.py)
    rights_summary, RightsSection                                            -- "your rights" (summary.py)

It never imports streamlit and has no clock: pass ``today`` in.
"""

from .drafts import DRAFT_KINDS, Borrower, Draft, DraftError, DraftKind, available_drafts, profile_fields, render_draft
from .draft_doc import draft_document, draft_docx
from .evidence import (MAX_EVIDENCE_BYTES, check_evidence, delete_evidence, evidence_dir, evidence_key, store_evidence,
                       stored_evidence)
from .incidents import (INCIDENT_FIELDS, Incident, IncidentIssue, IncidentRecordError, incident_to_row,
                        incidents_from_records, parse_incident_row, parse_incident_rows)
from .log_csv import IncidentImport, read_incidents_csv, write_incidents_csv
from .rules import RULES, RULES_BY_ID, LenderSummary, Rule, RuleHit, check_incident, check_log, is_serious, summarize
from .summary import RightsSection, rights_summary
from .vocab import CHANNELS, ROLES, TAGS, Term

__all__ = sorted([
    "Borrower", "CHANNELS", "DRAFT_KINDS", "Draft", "DraftError", "DraftKind", "INCIDENT_FIELDS", "Incident",
    "IncidentImport", "IncidentIssue", "IncidentRecordError", "LenderSummary", "MAX_EVIDENCE_BYTES", "ROLES",
    "RULES", "RULES_BY_ID", "RightsSection", "Rule", "RuleHit", "TAGS", "Term", "available_drafts",
    "check_evidence", "check_incident", "check_log", "delete_evidence", "draft_docx", "draft_document",
    "evidence_dir", "evidence_key", "incident_to_row", "incidents_from_records", "is_serious",
    "parse_incident_row", "parse_incident_rows", "profile_fields", "read_incidents_csv", "render_draft",
    "rights_summary",
    "store_evidence", "stored_evidence", "summarize", "write_incidents_csv",
])
