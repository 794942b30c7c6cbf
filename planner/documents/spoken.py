"""Amounts the way they are said on the phone: ``一万八千六百元``, ``四百六十六元八角八分``.

Letters print ``¥18,600.00``; a phone script prints what the borrower reads aloud.

>>> spoken_amount(18600)
'一万八千六百元'
>>> spoken_amount("466.88"), spoken_amount(1005), spoken_amount(10), spoken_amount(100010)
('四百六十六元八角八分', '一千零五元', '十元', '十万零一十元')
>>> spoken_amount("0.50"), spoken_amount("120000000.07"), spoken_amount(18600, "en")
('五角', '一亿二千万元零七分', '18,600 yuan')
>>> spoken_amount(20000), spoken_amount(2357), spoken_amount(200), spoken_amount(22000)
('两万元', '两千三百五十七元', '二百元', '两万二千元')
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["spoken_amount", "spoken_count", "spoken_integer"]

DIGITS = "零一二三四五六七八九"
SMALL_UNITS = ("", "十", "百", "千")
BIG_UNITS = ("", "万", "亿", "万亿")


def _group(n: int) -> str:
    """0 < n < 10000, with inner zeros read as one 零 and no trailing zeros."""
    out, zero = [], False
    for pos in range(3, -1, -1):
        d = n // 10 ** pos % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[d] + SMALL_UNITS[pos])
    return "".join(out)


def spoken_integer(n: int) -> str:
    """A non-negative integer in Chinese numerals as spoken (``10`` → ``十``, ``10010`` → ``一万零一十``)."""
    if n < 0:
        return "负" + spoken_integer(-n)
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out, pending_zero = [], False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or g < 1000):
            out.append("零")
        out.append(_group(g) + BIG_UNITS[i])
        pending_zero = False
    text = "".join(out)
    if text.startswith("一十"):
        return text[1:]
    if text.startswith("二") and len(text) > 1 and text[1] in "千万亿":
        return "两" + text[1:]          # 两万, 两千 (but 二十, 二百)
    return text


def spoken_count(n: int) -> str:
    """A count before a measure word: ``2`` → ``两`` (两个月, 两期), otherwise :func:`spoken_integer`.

    >>> spoken_count(2), spoken_count(12), spoken_count(22)
    ('两', '十二', '二十二')
    """
    return "两" if n == 2 else spoken_integer(n)


def spoken_amount(amount: object, lang: str = "zh") -> str:
    """Yuan (a number, a decimal string or a Decimal) written as spoken, rounded to the fen."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if lang == "en":
        whole = f"{value:,.2f}".removesuffix(".00")
        return f"{whole} yuan"
    sign = "负" if value < 0 else ""
    value = abs(value)
    fen_total = int(value * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    parts = []
    if yuan:
        parts.append(spoken_integer(yuan) + "元")
    if jiao:
        parts.append(DIGITS[jiao] + "角")
    if fen:
        parts.append(("零" if yuan and not jiao else "") + DIGITS[fen] + "分")
    return sign + ("".join(parts) or "零元")
