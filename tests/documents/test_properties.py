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
