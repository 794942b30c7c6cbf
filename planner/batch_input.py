"""Reading a batch input file as text: UTF-8 is the format; UTF-16/32 (with or without a BOM) and
GB18030/GBK are read too, with a note saying which encoding was assumed.  Anything else is a clear
file-level message, reported before any case is computed."""

from __future__ import annotations

from .i18n import normalize_lang


class InputEncodingError(Exception):
    """The batch input cannot be decoded as text (a file-level problem, reported before any work)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_input(data: bytes, lang: str = "en") -> tuple[str, str | None]:
    """The batch input as text, and a note when it was not plain UTF-8 (``None`` otherwise).

    UTF-8 (with or without BOM) is the format; UTF-16/32 with a BOM, UTF-16 without one (NUL bytes
    every other byte) and GB18030/GBK are read too, with a note saying which encoding was assumed.
    Anything else raises :class:`InputEncodingError` naming the first bad line.

    >>> decode_input('{"a": "借呗"}'.encode("utf-16"))[0]
    '{"a": "借呗"}'
    >>> decode_input('{"a": "借呗"}'.encode("gbk"))[1]
    'note: the input is not UTF-8; it was read as GB18030 (GBK).'
    """
    lang = normalize_lang(lang)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                break
            return text, (None if encoding == "utf-8-sig" else _note(encoding.upper(), lang))
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):      # UTF-16 without a BOM
        encoding = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(encoding), _note(encoding.upper(), lang)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        first_bad = data.count(b"\n", 0, e.start) + 1
    try:
        return data.decode("gb18030"), _note("GB18030 (GBK)", lang)
    except UnicodeDecodeError:
        pass
    raise InputEncodingError(f"the input is not UTF-8 text (line {first_bad}): save it as UTF-8 and try again"
                             if lang == "en" else f"输入不是 UTF-8 文本（第{first_bad}行）：请另存为 UTF-8 后重试")


def _note(encoding: str, lang: str) -> str:
    return (f"note: the input is not UTF-8; it was read as {encoding}." if lang == "en"
            else f"提示：输入不是 UTF-8，已按 {encoding} 读取。")
