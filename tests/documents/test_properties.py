"""Properties: spoken amounts read back to the same number; negotiated timetables clear to the cent."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from planner.documents.spoken import spoken_amount, spoken_integer
from planner.negotiation.schedule import _interest, fixed_schedule, level_schedule

DIGIT = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}


def read_integer(text: str) -> int:
    """A plain reader of Chinese numerals (independent of the writer)."""
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in DIGIT:
            digit = DIGIT[ch]
        elif ch in SMALL:
            section += (1 if digit is None else digit) * SMALL[ch]
            digit = None
        elif ch in BIG:
            section += digit or 0
            if ch == "万" and total % 100_000_000 == 0 and total:      # 万 after 亿 (一亿二千万)
                total += section * BIG[ch]
            else:
                total = (total + section) * BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def read_amount(text: str) -> Decimal:
    yuan, _, rest = text.partition("元")
    if not _:
        yuan, rest = "", text
    value = Decimal(read_integer(yuan)) if yuan else Decimal(0)
    if "角" in rest:
        j, _, rest = rest.partition("角")
        value += Decimal(DIGIT[j[-1]]) / 10
    if "分" in rest:
        value += Decimal(DIGIT[rest.replace("分", "")[-1]]) / 100
    return value


@given(st.integers(min_value=0, max_value=99_999_999))
def test_spoken_integers_read_back(n):
    text = spoken_integer(n)
    assert read_integer(text) == n
    assert "零零" not in text and (n == 0 or not text.endswith("零"))


@given(st.integers(min_value=1, max_value=9_999_999_99))
def test_spoken_amounts_read_back(fen):
    amount = Decimal(fen) / 100
    assert read_amount(spoken_amount(amount)) == amount


@given(principal=st.integers(min_value=1, max_value=50_000_000),
       rate=st.decimals(min_value=0, max_value=36, places=2),
       months=st.integers(min_value=1, max_value=120))
def test_level_schedule_clears_to_the_cent(principal, rate, months):
    inst, pays = level_schedule(principal, float(rate), months)
    bal = principal
    for pay in pays:
        bal += _interest(bal, float(rate))
        assert 0 < pay <= bal
        bal -= pay
    assert bal == 0 and len(pays) <= months and all(p == inst for p in pays[:-1]) and pays[-1] <= inst


@given(balance=st.integers(min_value=0, max_value=10**9), rate=st.decimals(min_value=0, max_value=36, places=2))
def test_interest_is_exact_half_up(balance, rate):
    exact = Decimal(balance) * rate / 1200
    expected = int(exact.quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    assert _interest(balance, float(rate)) == expected


def test_fixed_schedule_refuses_what_cannot_clear():
    assert fixed_schedule(1_000_000, 24.0, 10_000, 600) is None        # ¥100 a month never covers ¥200 interest


# ------------------------------------------------------------------ renderers and figures

import re  # noqa: E402

from planner.documents import Document, Paragraph, Table, clean, markdown, plain_text  # noqa: E402
from planner.documents.figures import phases  # noqa: E402
from planner.negotiation.plan import Payment  # noqa: E402

SPECIAL = set("\\`*_{}[]()<>#+-.!|~&\"':$=^@")


def _harmless(body: str, i: int) -> bool:
    """The unescaped marks planner.escape.markdown leaves: ``.`` between digits (¥1,234.50), ``-``/``+`` that
    cannot start a list item or rule (2026-12-01, -¥5, +86)."""
    c, before, after = body[i], body[i - 1] if i else " ", body[i + 1] if i + 1 < len(body) else ""
    if c == ".":
        return before.isdigit() and after.isdigit()
    if c in "-+":
        return not before.isspace() or (after != "" and not after.isspace() and after not in "+-")
    return False


@given(st.text(max_size=80))
def test_markdown_escapes_every_special_character(text):
    body = markdown(Document("T", (Paragraph(text),))).split("\n\n", 1)[1].rstrip("\n")
    body = body.replace("\u2060", "")        # the invisible joiner that stops bare-URL autolinks
    i = 0
    while i < len(body):
        if body[i] == "\\":
            assert i + 1 < len(body) and body[i + 1] in SPECIAL
            i += 2
            continue
        assert (body[i] not in SPECIAL or _harmless(body, i)) and body[i] != "\n"
        i += 1


@given(st.text(max_size=80), st.text(max_size=20))
def test_plain_text_is_one_clean_line_per_value(text, cell):
    out = plain_text(Document("T", (Paragraph(text), Table(("a",), ((cell,),)))))
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", out)
    lines = out.splitlines()
    if clean(text):
        assert clean(text) in lines                     # one line, never split into blocks or headings
    if clean(cell):
        assert clean(cell) in [ln.strip() for ln in lines]


@given(st.lists(st.integers(min_value=1, max_value=500_000), min_size=1, max_size=60))
def test_phases_cover_the_timetable(cents_list):
    from datetime import date
    tt = [Payment(k, date(2027, 1, 1), c / 100) for k, c in enumerate(cents_list, start=1)]
    ph = phases(tt)
    assert sum(p.count for p in ph) == len(tt)
    assert sum(p.amount * p.count for p in ph) == sum(Decimal(c) / 100 for c in cents_list)
    assert all(a.amount != b.amount for a, b in zip(ph, ph[1:]))
