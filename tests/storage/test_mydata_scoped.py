"""The My data page of an open client file goes through the scoped repository: a counsellor whose client
was reassigned meanwhile sees neither its name nor its draft's history there any more (it used the bare
repository: unchecked and unaudited), and what it does show is audited."""

from __future__ import annotations

from tests.ui.conftest import page_texts

from .helpers import CLIENT_NAME
from .test_agency_pages import PAGE, W, agency, as_, sign_in  # noqa: F401  (agency: the fixture)

MYDATA = "ui/pages/mydata.py"


def test_my_data_of_a_client_is_checked_and_audited(agency):
    client = as_(agency, "ana@example.org").create_client(CLIENT_NAME)
    at = sign_in("ana@example.org")
    at.switch_page(PAGE).run()
    at.selectbox(key=f"{W}.choose").set_value(client.id)
    next(b for b in at.button if b.key == f"{W}.open").click().run()
    at.switch_page(MYDATA).run()
    assert not at.exception, [e.value for e in at.exception]
    assert CLIENT_NAME in page_texts(at)                     # "kept in the file of <name>"
    assert {r.detail for r in agency.audit.query(client_id=client.id, action="view")} >= {"draft.load"}
    # the admin gives the file to another counsellor: Ana's open session loses it at once
    as_(agency, "boss@example.org").assign(client.id, owner="cy@example.org", team="south")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert CLIENT_NAME not in page_texts(at)
    assert agency.audit.query(actor="ana@example.org", client_id=client.id, action="export") == []
