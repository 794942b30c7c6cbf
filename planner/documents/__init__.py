"""Documents: the borrower profile, the templates and the renderers, in one package.

Every generated text (application letter, phone script, family message …) is a
:class:`Document` (plain-text blocks, see :mod:`.model`), rendered for its sink:

* :func:`plain_text` — "copy" and ``.txt`` (no ``#``, ``**``, ``\\*``, pipe tables);
* :func:`markdown` — the on-screen view, every piece of text escaped;
* :func:`docx_bytes` — Word (python-docx), reproducible bytes;
* :func:`pdf_bytes` — PDF with the report's embedded CJK font, reproducible bytes.
"""

from .model import BLANK, Block, Bullets, Document, Fields, Heading, Paragraph, Signature, Table, clean
from .render_docx import docx_bytes
from .render_markdown import markdown
from .render_pdf import pdf_bytes
from .render_text import plain_text

__all__ = ["BLANK", "Block", "Bullets", "Document", "Fields", "Heading", "Paragraph", "Signature", "Table",
           "clean", "docx_bytes", "markdown", "pdf_bytes", "plain_text"]
