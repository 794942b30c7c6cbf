"""CSV import/export: encodings, headers, round trips and every kind of bad file."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import Debt, read_debts_csv, write_debts_csv
from planner.csv_io import MAX_FILE_BYTES

ROOT = Path(__file__).resolve().parents[2]


def test_sample_portfolio_reads_cleanly():
    r = read_debts_csv(ROOT / "sample_debts.csv")
    assert r.ok and r.issues == []
    assert 6 <= len(r.debts) <= 8
    kinds = {d.kind for d in r.debts}
    assert {"credit_card", "online_loan"} <= kinds
    assert any(d.effective_arrears > 0 for d in r.debts)
    assert r.debts[0].annual_rate == pytest.approx(18.25)  # 日利率 0.05%


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_reads_excel_encodings(encoding):
    text = "名称,类型,余额,年利率,最低还款\n招商银行信用卡,信用卡,1000,18%,100\n借呗,网贷,2000,日利率0.04%,200\n"
    r = read_debts_csv(text.encode(encoding))
    assert r.ok, r.issues
    assert [d.name for d in r.debts] == ["招商银行信用卡", "借呗"]
    assert r.debts[1].annual_rate == pytest.approx(14.6)


def test_english_headers_tabs_and_units_in_headers():
    text = "Name\tType\tBalance (CNY)\tAnnual rate (%)\tMinimum payment\n借呗\tonline_loan\t2000\t18\t200\n"
    r = read_debts_csv(text.encode())
    assert r.ok and r.debts[0].balance == 2000


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zs", "Zl", "Zp"]),
                min_size=1, max_size=20).map(str.strip).filter(bool)
num = st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 4))
positive = st.floats(min_value=0.01, max_value=1e6).map(lambda x: round(x, 4))
pct = st.floats(min_value=0, max_value=1000).map(lambda x: round(x, 4))


@st.composite
def debts(draw):
    n = draw(st.integers(1, 6))
    out, seen = [], set()
    for i in range(n):
        name = draw(names)
        if name.casefold() in seen:
            name = f"{name}{i}"
        seen.add(name.casefold())
        balance = draw(positive)
        out.append(Debt(name, balance=balance, annual_rate=draw(pct),
                        min_payment=draw(num), kind=draw(st.sampled_from(["credit_card", "online_loan", "other"])),
                        penalty_rate=draw(st.none() | pct),
                        overdue_days=draw(st.integers(0, 400)),
                        arrears=draw(st.none() | st.just(round(balance / 2, 4))),
                        notes=draw(st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=30)
                                   .map(lambda s: s.strip()))))
    return out


@settings(max_examples=100, deadline=None)
@given(debts(), st.sampled_from(["zh", "en"]), st.booleans())
def test_export_round_trips_losslessly(portfolio, lang, bom):
    data = write_debts_csv(portfolio, lang=lang, bom=bom)
    back = read_debts_csv(data)
    assert back.errors == []
    assert back.debts == portfolio


def test_bad_csvs_never_raise_and_list_every_bad_row():
    bad = ("名称,余额,年利率,最低还款\n"
           "A,abc,18,100\n"       # text in a number cell
           "B,-5,18,100\n"        # negative
           "C,NaN,18,100\n"       # NaN
           "D,1e12,18,100\n"      # huge
           "A,100,18,100\n"       # duplicate name (of row 1's name)
           "E,100,18,100\n")      # fine
    r = read_debts_csv(bad.encode())
    rows = sorted({i.row for i in r.errors})
    assert rows == [1, 2, 3, 4] or rows == [1, 2, 3, 4, 5]
    assert [d.name for d in r.debts] == ["E"] or [d.name for d in r.debts] == ["A", "E"]
    assert len(r.rows) == 6 and r.rows[0]["balance"] == "abc"     # what the user typed is kept


@pytest.mark.parametrize("data,code", [
    (b"", "empty_file"),
    (b"\n\n  \n", "empty_file"),
    ("名称,余额,年利率,最低还款\n".encode(), "empty_file"),
    (b"\xff\xfe\x00\x00garbage\x00", "bad_encoding"),
    (bytes([0x81, 0x30, 0xff, 0xff]) * 10, "bad_encoding"),
    ("名称,年利率\nA,18\n".encode(), "missing_column"),
    (b"x" * (MAX_FILE_BYTES + 1), "file_too_large"),
])
def test_unreadable_files_give_one_clear_issue(data, code):
    r = read_debts_csv(data)
    assert r.debts == []
    assert code in {i.code for i in r.errors}
    for i in r.errors:
        assert i.message("zh") and i.message("en")


def test_missing_columns_are_all_named():
    r = read_debts_csv("名称,备注\nA,x\n".encode())
    msgs = " ".join(i.message("en") for i in r.errors)
    assert "balance" in msgs and "min_payment" in msgs and "annual_rate" in msgs


def test_unknown_columns_are_warnings_not_errors():
    r = read_debts_csv("名称,余额,年利率,最低还款,我的列\nA,1,1,1,x\n".encode())
    assert r.ok and [i.code for i in r.issues] == ["unknown_column"]


def test_blank_trailing_headers_are_ignored_but_a_repeated_column_is_an_error():
    # Excel often saves a sheet with empty columns after the last one (",,"): not "a duplicate column ''"
    r = read_debts_csv("名称,余额,年利率,最低还款,我的列,,\nA,1,1,1,x,,\n".encode())
    assert r.ok and [(i.code, i.value) for i in r.issues] == [("unknown_column", "我的列")]
    assert [d.name for d in r.debts] == ["A"]
    r = read_debts_csv("名称,余额,年利率,最低还款,Balance\nA,1,1,1,2\n".encode())
    assert [(i.code, i.value) for i in r.errors] == [("duplicate_column", "Balance")]
    assert r.rows[0]["balance"] == "1"                # the first column of a field wins


def test_export_writes_the_kind_in_words_and_reads_it_back():
    from planner import Debt, DebtKind
    debts = [Debt(f"d{i}", balance=100, annual_rate=10, min_payment=10, kind=k) for i, k in enumerate(DebtKind)]
    for lang, expected in (("zh", "网络贷款"), ("en", "Online loan")):
        data = write_debts_csv(debts, lang=lang)
        text = data.decode("utf-8-sig")
        assert expected in text and "online_loan" not in text and "consumer_finance" not in text
        assert read_debts_csv(data).debts == debts
