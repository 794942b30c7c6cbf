"""Line breaking: kinsoku rules as properties (hypothesis) and worked examples."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.report.kinsoku import CLOSING, OPENING, SPACES, atoms, groups, wrap


def unit(ch: str) -> float:
    """Wide characters 2 units, narrow ones 1 (like a real CJK + Latin font)."""
    return 2.0 if ord(ch) > 0x2E80 else 1.0


ALPHABET = st.sampled_from(list("还款计划借呗京东金条申请本人每月协商") + list("，。；：、！？）》」』】…")
                           + list("（《「『【“") + list("abcXYZ0129.,%¥-") + [" ", " ", "\u3000"])
TEXT = st.text(ALPHABET, min_size=0, max_size=120)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=2, max_value=40))
def test_no_line_starts_with_closing_punctuation(text, width):
    lines = wrap(text, float(width), unit)
    for line in lines[1:]:
        assert not line or line[0] not in CLOSING, (text, width, lines)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=4, max_value=40))
def test_no_line_ends_with_opening_punctuation_unless_forced(text, width):
    lines = wrap(text, float(width), unit)
    for line in lines[:-1]:
        if line and line[-1] in OPENING:
            # only when the opening mark's group was wider than a whole line and had to be split
            assert any(len(g) > 1 and sum(unit(c) for c in g) > width for g in groups(text)), (text, lines)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=2, max_value=40))
def test_nothing_is_lost_but_spaces_at_breaks(text, width):
    lines = wrap(text, float(width), unit)
    squeeze = lambda s: "".join(ch for ch in s if ch not in SPACES)  # noqa: E731
    assert squeeze("".join(lines)) == squeeze(text)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=3, max_value=40))
def test_lines_fit_except_a_hanging_mark(text, width):
    for line in wrap(text, float(width), unit):
        w = sum(unit(c) for c in line)
        if w > width:
            # overflow is allowed only by closing marks hanging after one character that could not move
            body = line.rstrip("".join(CLOSING))
            assert sum(unit(c) for c in body) <= width or not body.strip(), (line, width)


def test_the_comma_moves_down_with_the_character_before_it():
    assert wrap("还款计划，共计十二个月。", 4.0, lambda c: 1.0) == ["还款计", "划，共计", "十二个", "月。"]


def test_closing_bracket_and_full_stop_never_open_a_line():
    lines = wrap("本人申请（个性化分期）。", 5.0, lambda c: 1.0)
    assert all(line[0] not in CLOSING for line in lines[1:]) and "".join(lines) == "本人申请（个性化分期）。"


def test_latin_words_and_amounts_stay_whole():
    assert atoms("借呗 ¥12,000.00元") == ["借", "呗", " ", "¥12,000.00", "元"]
    lines = wrap("每月还款¥1,240.00，共15期", 10.0, lambda c: 1.0)
    assert "¥1,240.00，" in lines


def test_english_wraps_at_spaces():
    assert wrap("Pay the card first, then the loan.", 12.0, lambda c: 1.0) == ["Pay the card", "first, then",
                                                                                 "the loan."]


def test_newlines_are_kept_and_empty_text_is_one_empty_line():
    assert wrap("一\n\n二", 10.0, lambda c: 1.0) == ["一", "", "二"]
    assert wrap("", 10.0, lambda c: 1.0) == [""]


def test_a_word_longer_than_the_line_is_split():
    assert wrap("abcdefghij", 4.0, lambda c: 1.0) == ["abcd", "efgh", "ij"]
