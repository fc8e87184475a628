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


EMOJI_WORDS = ["👩\u200d👩\u200d👧", "❤\ufe0f", "👍🏽", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"]


def test_emoji_sequences_are_measured_as_drawn_and_never_cut_apart():
    """A ZWJ sequence and a VS16 emoji are one two-cell grapheme to Rich (what Textual draws with): a line
    holding them is as wide as it was measured, and a hard cut never falls inside one."""
    for word in EMOJI_WORDS:
        long_word = word * 7
        for width in (2, 3, 4, 5, 9):
            got = lines(f"go {long_word} now", width)
            assert "".join(got).replace(" ", "") == f"go{long_word}now"
            for line in got:
                assert cell_len(line) <= width, (line, width)
                assert not line.startswith(("\u200d", "\ufe0f", "\U0001f3fd", "\U000e0067")), (line, width)
    from reader.ui.wrapping import line_count

    text = " ".join(EMOJI_WORDS * 5)
    for width in (2, 5, 11, 30):
        assert line_count(text, width) == len(wrap(text, width))
        assert all(cell_len(line) <= width for line in lines(text, width))


async def test_pane_lines_with_emoji_changes_are_exactly_the_pane_wide(reader_private_config):
    """A version that adds VS16 to ❤ or joins 👩👩👧 with ZWJ: the change is marked inside the emoji, yet
    every drawn line is as many cells as the pane, so nothing beside it (the change map) drifts."""
    from reader.loading import article_from_text
    from reader.ui.app import ReaderApp
    from tests.conftest import wait_for_analysis

    lede = "PORT ALDER, March 3 (Meridian) - Dock workers at Port Alder walked out on Monday, the union said."
    wire = "\n\n".join(["Harbour workers walk out", lede, "Fans wrote I \u2764 Port Alder and 👩👩👧 on the gates."])
    version = wire.replace("\u2764", "\u2764\ufe0f").replace("👩👩👧", "👩\u200d👩\u200d👧")
    app = ReaderApp([article_from_text(wire, "wire.txt"), article_from_text(version, "version.txt")])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        drawn = []
        for pane in app._visible_panes():
            width = pane.scrollable_content_region.width
            for y in range(pane.scrollable_content_region.height):
                strip = pane.render_line(y)
                assert cell_len(strip.text) == width == strip.cell_length, strip.text
                drawn.append(strip.text)
        assert any("\u2764\ufe0f Port Alder" in line for line in drawn)
        assert any("👩\u200d👩\u200d👧" in line for line in drawn)
