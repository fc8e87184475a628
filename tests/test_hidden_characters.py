"""Differences nobody can see: zero-width, tag and other format characters, and look-alike letters from
another script. They are never noise, messages name them, and the panes draw hidden characters as their
code point (``⟨U+200B⟩``) with every line exactly as wide as it is measured."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from rich.cells import cell_len

from reader.diff.categorize import categorize
from reader.comparison import compare
from reader.inert import hidden_characters, invisible_difference, show_hidden
from reader.loading import article_from_text
from reader.model import Category
from reader.model import FindingKind as K
from reader.model import Severity as S
from reader.settings.profile import default_profile
from tests.conftest import wait_for_analysis

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
QUOTE = "\u201cWe have waited long enough for a fair offer,\u201d said Maria Costa, the union\u2019s leader."
LEDE = (
    "PORT ALDER, March 3 (Meridian) - Dock workers at Port Alder walked out on Monday after talks on pay "
    "broke down, the union said."
)
AFTER = "The harbour master said 43 vessels were waiting at anchor on Monday, up from 29 a week earlier."


def story(quote: str = QUOTE) -> str:
    return "\n\n".join(["Harbour workers walk out over pay", LEDE, quote, AFTER])


def quote_findings(version_quote: str):
    base = article_from_text(story(), "wire.txt")
    other = article_from_text(story(version_quote), "version.txt")
    return [f for f in compare(base, [other]).versions[0].findings if f.kind is K.QUOTE_ALTERED]


def test_every_format_character_and_tag_is_shown_by_its_code_point():
    hidden = [
        chr(c) for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) == "Cf" or 0xE0000 <= c <= 0xE007F
    ]
    assert set(ZERO_WIDTH) <= set(hidden) and len(hidden) > 150
    for char in hidden:
        assert show_hidden(f"a{char}b") == f"a\u27e8U+{ord(char):04X}\u27e9b", hex(ord(char))
    assert show_hidden("plain words, “quoted” — and Zoë") == "plain words, “quoted” — and Zoë"


@pytest.mark.parametrize(
    "text",
    [
        "👩\u200d👩\u200d👧 family",  # emoji joined into one
        "❤\ufe0f\u200d🔥",
        "می\u200cخواهم",  # Persian: the non-joiner is spelling
        "क्\u200dष",  # Devanagari half form
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f flag",  # a subdivision flag's tags
    ],
)
def test_joiners_that_are_part_of_what_is_drawn_stay(text):
    assert show_hidden(text) == text
    assert hidden_characters(text) == ()


@pytest.mark.parametrize("char", ZERO_WIDTH)
def test_a_zero_width_only_change_is_substantive(char):
    profile = default_profile()
    assert categorize("company said", f"com{char}pany said", profile)[0] is Category.SUBSTANTIVE
    assert categorize("fair offer", f"fair{char} offer", profile)[0] is Category.SUBSTANTIVE
    assert categorize(f"com{char}pany", "company", profile)[0] is Category.SUBSTANTIVE  # removed, too


def test_tag_characters_are_never_punctuation():
    tags = "\U000e0041\U000e0042"
    assert categorize("offer,", f"offer{tags},", default_profile())[0] is Category.SUBSTANTIVE
    assert categorize("offer,", f"offer{tags}.", default_profile())[0] is Category.SUBSTANTIVE


def test_noise_around_hidden_characters_keeps_its_category():
    """The same hidden character on both sides is no difference: the quote mark beside it is typography."""
    profile = default_profile()
    assert categorize("com\u200bpany's", "com\u200bpany\u2019s", profile)[0] is Category.TYPOGRAPHY
    assert categorize("\u201cnow\u201d", '"now"', profile)[0] is Category.TYPOGRAPHY
    assert categorize("colour", "color", profile)[0] is Category.SPELLING


def test_tag_characters_after_a_quote_are_named_not_punctuation_only():
    tags = "\U000e0041\U000e0042"
    [finding] = quote_findings(QUOTE.replace("fair offer,", f"fair offer{tags},"))
    assert "punctuation" not in finding.message
    assert "hidden characters added (\u27e8U+E0041\u27e9\u27e8U+E0042\u27e9)" in finding.message
    assert tags not in finding.message  # nothing in the message is invisible


@pytest.mark.parametrize("char", ZERO_WIDTH)
def test_zero_width_in_a_quote_is_reported_with_its_code_point(char):
    [finding] = quote_findings(QUOTE.replace("waited", f"wai{char}ted"))
    name = f"\u27e8U+{ord(char):04X}\u27e9"
    assert finding.severity is S.MAJOR
    assert f"hidden characters added ({name})" in finding.message
    assert f"wai{name}ted" in finding.message
    assert char not in finding.message


def test_look_alike_letter_in_a_quote_is_named():
    [finding] = quote_findings(QUOTE.replace("waited", "w\u0430ited"))  # Cyrillic а
    assert "look-alike letter from another script" in finding.message
    assert "Cyrillic \"\u0430\" U+0430 among Latin letters" in finding.message


def test_a_plain_word_change_in_a_quote_gets_no_invisible_note():
    [finding] = quote_findings(QUOTE.replace("waited", "hoped"))
    assert "hidden" not in finding.message and "look-alike" not in finding.message
    assert invisible_difference("waited", "hoped") is None
    assert invisible_difference("Ωmega", "Ωmega") is None


@pytest.mark.usefixtures("reader_private_config")
async def test_panes_draw_a_zero_width_space_as_its_code_point():
    from reader.ui.app import ReaderApp

    wire = article_from_text(story(), "wire.txt")
    version = article_from_text(story().replace("harbour master", "har\u200bbour master"), "version.txt")
    app = ReaderApp([wire, version])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        drawn = []
        for pane in app._visible_panes():
            width = pane.scrollable_content_region.width
            for y in range(pane.scrollable_content_region.height):
                text = pane.render_line(y).text
                assert cell_len(text) == width, text
                drawn.append(text)
        assert any("har\u27e8U+200B\u27e9bour" in line for line in drawn)
        assert not any("\u200b" in line for line in drawn)


def test_reports_show_hidden_characters_as_code_points():
    from reader.comparison import compare
    from reader.loading import article_from_text
    from reader.report import render

    wire = "Strike goes on\n\nThe union said talks would resume on Monday, officials said."
    copy = "Strike goes on\n\nThe union said talks would resume on Mon\u200bday, officials said."
    comparison = compare(article_from_text(wire, "wire.txt"), [article_from_text(copy, "copy.txt")])
    for fmt in ("markdown", "html"):
        report = render(comparison, fmt)
        assert "\u200b" not in report and "U+200B" in report, fmt
