"""Document.text_blocks covers every block kind (a Heading has no label)."""

from planner.documents.model import Bullets, Document, Heading, Paragraph, Signature, Table


def test_text_blocks_with_every_block_kind():
    doc = Document(title="T", blocks=(Heading("H"), Paragraph("P"), Bullets(("b",)),
                                      Table(("c",), (("r",),)), Signature((("借款人", "张三"),))), lang="zh")
    assert doc.text_blocks() == ["T", "H", "P", "b", "c", "r", "借款人", "张三"]
