"""The CLI and the dashboard's Export page call the same function and give the same bytes."""

from __future__ import annotations

from datetime import date

import pytest

from planner import BudgetPlan, build_pdf
from planner.cli import main
from tests.report.helpers import SAMPLE_CSV, pdf_text, sample_debts
from ui import state

PAGE = "ui/pages/report.py"


def test_cli_writes_the_pdf_of_build_pdf(tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    rc = main(["report", str(SAMPLE_CSV), "--budget", "3000", "--out", str(out), "--lang", "en",
               "--date", "2026-12-01", "--strategy", "snowball", "--method", "sequential"])
    assert rc == 0
    assert "wrote" in capsys.readouterr().out
    expected = build_pdf(sample_debts(), 3000, lang="en", strategy="snowball", method="sequential",
                         today=date(2026, 12, 1))
    assert out.read_bytes() == expected


def test_cli_reports_bad_input_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("名称,余额,年利率,最低还款\n借呗,abc,18,600\n", encoding="utf-8")
    out = tmp_path / "plan.pdf"
    assert main(["report", str(bad), "--budget", "3000", "--out", str(out)]) == 1
    assert "abc" in capsys.readouterr().err and not out.exists()


def test_cli_appends_an_incident_log(tmp_path):
    log = tmp_path / "log.csv"
    log.write_text("机构,日期,时间,方式,被联系人,与您的关系,对方说了什么,标签\n"
                   "京东金条,2026-11-20,23:10,电话,其他第三人,同事,深夜打给我同事说我欠钱,透露欠款\n", encoding="utf-8")
    out = tmp_path / "plan.pdf"
    assert main(["report", str(SAMPLE_CSV), "--budget", "3000", "--out", str(out), "--date", "2026-12-01",
                 "--incidents", str(log), "--name", "张三丰", "--pseudonymise"]) == 0
    text = pdf_text(out.read_bytes())
    assert "催收情况记录" in text and "深夜打给我同事说我欠钱" in text
    assert "张三丰" not in text and "张**" in text


@pytest.fixture
def captured_media(monkeypatch):
    """Every file the page hands to Streamlit's media storage (download buttons, also those built on click),
    by MIME type."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):
        if isinstance(path_or_data, bytes):
            files[mimetype] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)

    # downloads built on click (ui/downloads.py): what the button would serve is what its callable returns
    from streamlit.runtime.media_file_manager import MediaFileManager
    deferred = MediaFileManager.add_deferred

    def spy_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        files[mimetype] = data_callable()
        return deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy_deferred)
    return files


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_dashboard_download_is_the_same_pdf_as_the_cli(lang, tmp_path, captured_media):
    from tests.ui.conftest import run_page

    at = run_page(PAGE, lang, state={state.BUDGET_PLAN: BudgetPlan(income=3000)})
    assert not at.download_button and "application/pdf" not in captured_media    # nothing built on a rerun
    at.date_input(key=f"{state.REPORT}.date").set_value(date(2026, 12, 1)).run()
    assert not at.download_button and "application/pdf" not in captured_media
    at.button(key=f"{state.REPORT}.build").click().run()
    assert not at.exception and at.download_button, "no download button after 'make the PDF'"
    data = captured_media["application/pdf"]
    assert data.startswith(b"%PDF-")
    out = tmp_path / "plan.pdf"
    assert main(["report", str(SAMPLE_CSV), "--budget", "3000", "--out", str(out), "--lang", lang,
                 "--date", "2026-12-01"]) == 0
    assert out.read_bytes() == data


def test_page_without_debts_says_what_to_do():
    from tests.ui.conftest import page_texts, run_page

    at = run_page(PAGE, "en", state={state.DEBT_ROWS: []})
    assert "no usable debts" in page_texts(at) and not at.download_button


def test_pdf_is_built_only_when_asked_and_never_offered_stale(captured_media):
    """Issue 10: the export page does not rebuild the PDF on every rerun; a changed input withdraws the old file."""
    from tests.ui.conftest import page_texts, run_page

    at = run_page(PAGE, "en", state={state.BUDGET_PLAN: BudgetPlan(income=3000), "ws.profile": {"name": "王五"}})
    assert at.text_input(key=f"{state.REPORT}.name").value == "王五"          # the profile's name
    assert not at.download_button and "Make the PDF" in page_texts(at) + at.button(key=f"{state.REPORT}.build").label
    at.button(key=f"{state.REPORT}.build").click().run()
    assert at.download_button
    at.radio(key=f"{state.REPORT}.lang").set_value("zh").run()
    assert not at.download_button and "changed" in page_texts(at)


def test_cli_uses_the_borrower_profile_file(tmp_path, capsys):
    profile = tmp_path / "profile.toml"
    profile.write_text('name = "王五"\nphone = "13800001111"\n', encoding="utf-8")
    out = tmp_path / "plan.pdf"
    assert main(["report", str(SAMPLE_CSV), "--budget", "6000", "--out", str(out), "--date", "2026-12-01",
                 "--profile", str(profile)]) == 0
    assert "王五" in pdf_text(out.read_bytes())
    assert main(["report", str(SAMPLE_CSV), "--budget", "6000", "--out", str(tmp_path / "x.pdf"),
                 "--profile", str(tmp_path / "missing.toml")]) != 0
    assert not (tmp_path / "x.pdf").exists()


def test_the_export_page_lists_an_agreed_lender_as_agreed(captured_media):
    """Issue 14: the lenders' answers recorded on the negotiation page reach the PDF — the lender that accepted is
    listed as agreed and gets no new application; the page says so before the PDF is made."""
    from tests.ui.conftest import page_texts, run_page

    answers = {"借呗": {"status": "accepted", "monthly": "500", "months": "24", "rate": "0"},
               "京东金条": {"status": "refused", "date": "2026-11-25"}}
    at = run_page(PAGE, "zh", state={state.BUDGET_PLAN: BudgetPlan(income=6000), "ws.negotiation": {"answers": answers}})
    assert "不再向其提出新方案：借呗" in page_texts(at)
    at.button(key=f"{state.REPORT}.build").click().run()
    assert not at.exception and at.download_button
    text = "".join(pdf_text(captured_media["application/pdf"]).split())     # lines wrap anywhere
    assert "已达成的还款协议" in text and "此前的方案已于2026年11月25日被拒绝" in text
    assert "致借呗的协商还款申请" not in text and "致京东金条的协商还款申请" in text
