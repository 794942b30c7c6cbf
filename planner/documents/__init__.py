"""Documents: the borrower profile, the templates and the renderers, in one package.

Every generated text (application letter, phone script, family message …) is a
:class:`Document` (plain-text blocks, see :mod:`.model`), rendered for its sink:

* :func:`plain_text` — "copy" and ``.txt`` (no ``#``, ``**``, ``\\*``, pipe tables);
* :func:`markdown` — the on-screen view, every piece of text escaped;
* :func:`docx_bytes` — Word (python-docx), reproducible bytes;
* :func:`pdf_bytes` — PDF with the report's embedded CJK font, reproducible bytes.

The negotiation documents (:mod:`.negotiation`): :func:`application`, :func:`script`, :func:`family`,
and the files :func:`lender_files` / :func:`portfolio_files` (the dashboard and the CLI write the same bytes).
Texts live in ``templates/*.toml`` (zh and en); the voice per kind of lender in :mod:`.voices`.
"""

from . import texts  # noqa: F401  (registers the templates' texts)
from .family import GuarantorError
from .figures import Phase, phase_summary, phases, token_warning
from .model import BLANK, Block, Bullets, Document, Fields, Heading, Paragraph, Signature, Table, clean
from .negotiation import (FORMATS, application, application_file, family, family_file, file_stem, lender_files,
                          portfolio_files, script, script_file)
from .private import private_rate_overrides
from .profile import HARDSHIPS, BorrowerProfile, FamilyContact, LenderDetails, profile_issues
from .render_docx import docx_bytes
from .render_markdown import markdown
from .render_pdf import pdf_bytes
from .render_text import plain_text
from .spoken import spoken_amount

__all__ = ["BLANK", "FORMATS", "HARDSHIPS", "Block", "BorrowerProfile", "Bullets", "Document", "FamilyContact",
           "Fields", "GuarantorError", "Heading", "LenderDetails", "Paragraph", "Phase", "Signature", "Table", "phase_summary",
           "application", "application_file", "clean", "docx_bytes", "family", "family_file", "file_stem",
           "lender_files", "markdown", "pdf_bytes", "phases", "plain_text", "portfolio_files", "private_rate_overrides", "profile_issues",
           "script", "script_file", "spoken_amount", "token_warning"]
