"""Noise vs substance on the realistic reprints in sample_articles/harbour-strike."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.comparison import compare
from reader.loading import load_article
from reader.model import Category

FOLDER = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"


@pytest.fixture(scope="module")
def comparison():
    base = load_article(str(FOLDER / "00-wire.txt"))
    names = ["01-reprint-trimmed", "02-reprint-earlier-writethrough", "03-rewrite-independent", "04-quotes-altered"]
    versions = [load_article(str(FOLDER / f"{name}.txt")) for name in names]
    return compare(base, versions)


def rows_by_base(version):
    return {row.base: row for row in version.rows if row.has_both_sides}


def substantive(row):
    return [c for c in row.changes if c.category is Category.SUBSTANTIVE]


def test_house_style_reprint_has_substance_only_in_the_dateline(comparison):
    trimmed = comparison.versions[0]
    rows = rows_by_base(trimmed)
    assert len(rows) == 16  # every kept paragraph is aligned
    for base, row in rows.items():
        if base == (2,):
            continue
        assert substantive(row) == [], (base, substantive(row))
    # The lede: only the dateline lost its date and agency credit; the house-style edits stay noise.
    (dateline,) = substantive(rows[(2,)])
    assert dateline.base_text.strip(" -:,") == "Nov 21 (Meridian)" and dateline.fact
    noise = {c.category for row in rows.values() for c in row.changes if c.category.is_noise}
    assert noise == {Category.TYPOGRAPHY, Category.STYLE, Category.SPELLING}


def test_transliterated_minister_and_us_spelling_are_spelling(comparison):
    row = rows_by_base(comparison.versions[0])[(11,)]
    assert [(c.base_text, c.other_text, c.category) for c in row.changes if c.category is Category.SPELLING] == [
        ("Labour", "Labor", Category.SPELLING),
        ("Qaddouri", "Kaddouri", Category.SPELLING),
    ]


def test_us_based_is_one_style_change(comparison):
    row = rows_by_base(comparison.versions[0])[(15,)]
    style = [(c.base_text, c.other_text) for c in row.changes if c.category is Category.STYLE]
    assert style == [("U.S.", "US")]


@pytest.mark.parametrize("base_index", [3, 12, 14])
def test_altered_reprint_paragraphs_with_only_marks_changed_are_typography(comparison, base_index):
    row = rows_by_base(comparison.versions[3])[(base_index,)]
    assert row.changes and {c.category for c in row.changes} == {Category.TYPOGRAPHY}


def test_altered_quote_word_is_exactly_one_substantive_change(comparison):
    row = rows_by_base(comparison.versions[3])[(6,)]
    assert [(c.base_text, c.other_text, c.fact) for c in substantive(row)] == [("fair", "generous", False)]


def test_editorial_insertion_is_a_small_fact_bearing_insertion(comparison):
    row = rows_by_base(comparison.versions[3])[(13,)]
    (change,) = substantive(row)
    assert change.other_text.strip() == "(Nov 25)" and change.base_text == "" and change.fact


def test_speech_verb_change_is_substantive_without_fact(comparison):
    row = rows_by_base(comparison.versions[3])[(20,)]
    assert [(c.base_text, c.other_text, c.fact) for c in substantive(row)] == [("said", "claimed", False)]


def test_stats_count_changes_by_category(comparison):
    stats = comparison.versions[0].stats
    counted = sum(1 for row in comparison.versions[0].rows for c in row.changes if c.category is Category.STYLE)
    assert stats["changes"]["style"] == counted > 0
    assert stats["substantive"] == 1


_HOUSE_STYLE = [
    ("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"), ("\u2013", "-"), ("\u2014", "--"),
    ("U.S.", "US"), ("per cent", "percent"), ("harbour", "harbor"), ("Harbour", "Harbor"), ("Labour", "Labor"),
    ("organised", "organized"), ("organisers", "organizers"), ("kilometres", "kilometers"), ("metres", "meters"),
    ("centre", "center"), ("defence", "defense"), ("neighbouring", "neighboring"), ("ageing", "aging"),
    ("Qaddouri", "Kaddouri"), ("Nov ", "Nov. "), ("10 days", "ten days"),
]


@pytest.mark.parametrize("story", ["harbour-strike", "second-story"])
def test_every_wire_paragraph_in_house_style_has_no_substantive_change(story):
    from reader.settings.profile import default_profile
    from reader.diff.words import diff_words

    base = load_article(str(FOLDER.parent / story / "00-wire.txt"))
    noise = 0
    for paragraph in base.paragraphs:
        restyled = paragraph.text
        for old, new in _HOUSE_STYLE:
            restyled = restyled.replace(old, new)
        changes = [s for s in diff_words(paragraph.text, restyled, default_profile()) if s.is_change]
        assert all(c.category.is_noise for c in changes), (paragraph.index, [c for c in changes if not c.category.is_noise])
        noise += len(changes)
    assert noise > 20
