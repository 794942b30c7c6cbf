"""Bilingual (zh-CN default, English) message catalogue and number formatting.

Every user-facing string of the domain lives in a catalogue that maps a key to
its Chinese and English text.  Modules register their own messages with
:func:`register` so that a feature owns its words; :func:`t` renders one.

>>> t("fmt.never", "en")
'not within the horizon'
>>> format_money(12345.6, "zh")
'¥12,345.60'
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from .escape import EscapedMarkdown, markdown

LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = "zh"

_CATALOG: dict[str, dict[str, str]] = {}
_MARKDOWN_PARAMS: ContextVar[bool] = ContextVar("planner_i18n_markdown_params", default=False)


class MissingTranslation(KeyError):
    """A key that is not in the catalogue, or lacks one of the languages."""


def register(messages: Mapping[str, Mapping[str, str]]) -> None:
    """Add ``{key: {"zh": ..., "en": ...}}`` entries to the catalogue.

    Every entry must carry every language in :data:`LANGS`; re-registering a key
    with different text is an error (two modules would fight over it).
    """
    for key, texts in messages.items():
        missing = [lang for lang in LANGS if not texts.get(lang)]
        if missing:
            raise MissingTranslation(f"{key!r} lacks {', '.join(missing)}")
        old = _CATALOG.get(key)
        if old is not None and dict(old) != dict(texts):
            raise ValueError(f"message key {key!r} registered twice with different text")
        _CATALOG[key] = dict(texts)


def normalize_lang(lang: str | None) -> str:
    """Map ``zh-CN``, ``zh_Hans``, ``EN`` … to one of :data:`LANGS` (default zh)."""
    if not lang:
        return DEFAULT_LANG
    low = lang.lower()
    return "en" if low.startswith("en") else "zh"


def t(key: str, lang: str | None = DEFAULT_LANG, /, **params: object) -> str:
    """Render message ``key`` in ``lang`` with ``str.format`` parameters.

    Inside :func:`markdown_params`, every text parameter is escaped for Markdown (the template is not:
    it is ours) and the result is marked as safe Markdown.
    """
    try:
        text = _CATALOG[key][normalize_lang(lang)]
    except KeyError:
        raise MissingTranslation(key) from None
    if _MARKDOWN_PARAMS.get():
        params = {k: markdown(v) if isinstance(v, str) else v for k, v in params.items()}
        return EscapedMarkdown(text.format(**params) if params else text)
    return text.format(**params) if params else text


@contextmanager
def markdown_params() -> Iterator[None]:
    """Render messages for a Markdown sink: inside, :func:`t` escapes every text parameter with
    :func:`planner.escape.markdown` — user values (names, cells, notes, file names) are shown literally,
    never as links or images — while the message templates keep their own Markdown.  Numbers and dates
    keep their format specs; a message nested in another is escaped once.  Use it only for text that
    goes to Markdown (a table cell, a file name or a PDF would show the backslashes).

    >>> register({"doc.md_params": {"zh": "**{name}** 欠 {n:,}", "en": "**{name}** owes {n:,}"}})
    >>> with markdown_params():
    ...     print(t("doc.md_params", "en", name="[x](evil.cn)", n=1200))
    **\\[x\\]\\(evil\\.cn\\)** owes 1,200
    """
    token = _MARKDOWN_PARAMS.set(True)
    try:
        yield
    finally:
        _MARKDOWN_PARAMS.reset(token)


def has(key: str) -> bool:
    return key in _CATALOG


def catalog_keys() -> list[str]:
    return sorted(_CATALOG)


# --------------------------------------------------------------------------- formatting

HUGE_AMOUNT = 1e12   # ¥1 trillion


def format_money(amount: float | None, lang: str | None = DEFAULT_LANG, *, decimals: int = 2) -> str:
    """``¥12,345.60`` (both languages use the yuan sign; negative as ``-¥…``).

    Amounts beyond ¥1 trillion only arise when a debt compounds unpaid for decades; digits would
    mislead, so they read "over ¥1 trillion" (machine outputs such as ``--json`` keep the number).

    >>> format_money(1234.5), format_money(-0.001), format_money(2.5e22, "zh"), format_money(2.5e22, "en")
    ('¥1,234.50', '¥0.00', '超过 ¥1万亿', 'over ¥1 trillion')
    """
    if amount is None:
        return "—"
    if not math.isfinite(float(amount)) or abs(float(amount)) >= HUGE_AMOUNT:
        return ("-" if float(amount) < 0 else "") + t("fmt.huge", lang)
    value = round(float(amount), decimals)
    if value == 0:
        value = 0.0  # no "-¥0.00"
    sign = "-" if value < 0 else ""
    return f"{sign}¥{abs(value):,.{decimals}f}"


def format_pct(value: float | None, lang: str | None = DEFAULT_LANG, *, decimals: int = 2) -> str:
    if value is None:
        return "—"
    return f"{float(value):.{decimals}f}%"


def format_months(months: int | None, lang: str | None = DEFAULT_LANG) -> str:
    """``3年2个月`` / ``3 yr 2 mo``; ``None`` means not within the horizon."""
    if months is None:
        return t("fmt.never", lang)
    years, rest = divmod(int(months), 12)
    if normalize_lang(lang) == "zh":
        if years and rest:
            return f"{years}年{rest}个月"
        return f"{years}年" if years else f"{rest}个月"
    parts = []
    if years:
        parts.append(f"{years} yr")
    if rest or not years:
        parts.append(f"{rest} mo")
    return " ".join(parts)


def format_date(d: date | None, lang: str | None = DEFAULT_LANG) -> str:
    if d is None:
        return "—"
    if normalize_lang(lang) == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return d.strftime("%d %b %Y").lstrip("0")


def format_month(d: date | None, lang: str | None = DEFAULT_LANG) -> str:
    """A calendar month: ``2027年3月`` / ``Mar 2027``."""
    if d is None:
        return t("fmt.never", lang)
    if normalize_lang(lang) == "zh":
        return f"{d.year}年{d.month}月"
    return d.strftime("%b %Y")


register({
    "fmt.never": {"zh": "期限内无法还清", "en": "not within the horizon"},
    "fmt.huge": {"zh": "超过 ¥1万亿", "en": "over ¥1 trillion"},
})
