"""Word wrapping by terminal cells: the same function sizes the rows and draws the lines."""

from __future__ import annotations

from rich.cells import cell_len

from reader.ui.wrapping import wrap


def lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in wrap(text, width)]


def test_wraps_at_word_boundaries_without_losing_words():
    text = "Dock workers voted on Thursday to extend their strike by another ten days."
    got = lines(text, 20)
    assert all(len(line) <= 20 for line in got)
    assert " ".join(got).split() == text.split()
    assert got[0] == "Dock workers voted"


def test_long_word_or_url_is_cut_hard_at_the_width():
    url = "https://example.org/" + "a" * 50
    got = lines(f"see {url} now", 16)
    assert got[0] == "see"
    assert all(len(line) <= 16 for line in got)
    assert "".join(got[1:-1]) + got[-1].split()[0] == url
    assert got[-1].endswith("now")


def test_wide_characters_count_two_cells():
    text = "東京の港で労働者がストライキを続けている 港湾"
    for width in (5, 8, 11):
        assert all(cell_len(line) <= width for line in lines(text, width))
    assert "".join(lines(text, 7)).replace(" ", "") == text.replace(" ", "")


def test_newlines_force_breaks_and_empty_text_has_one_line():
    assert lines("one\ntwo three", 40) == ["one", "two three"]
    assert wrap("", 10) == [(0, 0)]
    assert len(wrap("word", 0)) == 4  # width below one cell: one character per line, never a hang


def test_line_count_agrees_with_wrap():
    import random

    from reader.ui.wrapping import line_count

    rng = random.Random(3)
    words = ["a", "dock", "workers’", "東京", "https://example.org/" + "x" * 40, "strike,", "\n", "10", "—"]
    single_cell = ["a", "dock", "workers’", "strike,", "10", "—", "Zoë", "«non»", "x" * 25]
    for vocabulary in (words, single_cell):
        for _ in range(300):
            text = " ".join(rng.choice(vocabulary) for _ in range(rng.randrange(0, 40))).strip()
            for width in (1, 3, 7, 20, 25, 26, 33, 80):
                assert line_count(text, width) == len(wrap(text, width)), (text, width)
