"""The word diff: exact reconstruction, whole-word changes, and the right granularity of noise vs substance."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Category, Op
from reader.settings.profile import default_profile, parse_profile
from reader.diff.words import diff_words

PROFILE = default_profile()


def check_well_formed(base: str, other: str, profile=PROFILE):
    segments = diff_words(base, other, profile)
    assert "".join(s.base_text for s in segments) == base
    assert "".join(s.other_text for s in segments) == other
    for previous, segment in zip(segments, segments[1:]):
        assert not (previous.op is Op.EQUAL and segment.op is Op.EQUAL), "equal runs are joined"
    for segment in segments:
        assert segment.base_text or segment.other_text, "no empty segments"
        if segment.op is Op.EQUAL:
            assert segment.base_text == segment.other_text and segment.category is None
        else:
            assert segment.category is not None
            assert segment.op is (
                Op.REPLACE
                if segment.base_text and segment.other_text
                else Op.DELETE
                if segment.base_text
                else Op.INSERT
            )
            assert not segment.fact or segment.category is Category.SUBSTANTIVE
    return segments


def substantive(base: str, other: str) -> list[tuple[str, str]]:
    return [
        (s.base_text.strip(), s.other_text.strip())
        for s in check_well_formed(base, other)
        if s.category is Category.SUBSTANTIVE
    ]


# --- exact reconstruction ----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "the", "The", "union", "harbour", "harbor", "Qaddouri", "Kaddouri", "U.S.", "US", "us", "per cent",
        "percent", "%", "10", "ten", "40,000", "7.4", "Nov 21", "21 November", "2024-03-07", "any more",
        "anymore", "e-mail", "\u201c", "\u201d", '"', "'", "\u2019", "\u2013", "\u2014", "-", "--", "\u2026",
        "...", ",", ".", ";", ":", "(", ")", " ", "  ", "\n", "\u00a0", "not", "said", "claimed", "Mr.",
        "twenty-five", "caf\u00e9", "e\u0301", "\U0001f600", "\u0000", "\ufeff", "colour", "color",
    ]
)
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_TEXTS, _TEXTS)
def test_segments_rebuild_both_texts_exactly_on_random_texts(base, other):
    check_well_formed(base, other)


@settings(max_examples=100, deadline=None)
@given(
    _TEXTS,
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 3), _PIECES), max_size=6),
)
def test_segments_rebuild_both_texts_exactly_on_edited_copies(base, edits):
    words = base.split(" ")
    for position, removed, inserted in edits:
        position = min(position, len(words))
        words[position : position + removed] = [inserted]
    check_well_formed(base, " ".join(words))


def test_identical_and_empty_texts():
    assert diff_words("", "", PROFILE) == ()
    (segment,) = check_well_formed("Same text.", "Same text.")
    assert segment.op is Op.EQUAL
    (segment,) = check_well_formed("", "New text.")
    assert segment.op is Op.INSERT and segment.category is Category.SUBSTANTIVE
    (segment,) = check_well_formed("Old text.", "")
    assert segment.op is Op.DELETE


# --- whole words --------------------------------------------------------------------------------------


def test_a_replaced_word_is_a_whole_word_change():
    changes = [s for s in check_well_formed("Colonel Gaddafi spoke", "Colonel Qaddafi spoke") if s.is_change]
    assert [(s.base_text, s.other_text) for s in changes] == [("Gaddafi", "Qaddafi")]


def test_a_rewritten_clause_is_one_substantive_change():
    base = "The association said it would publish the offer on Friday so that the public can judge."
    other = "The association said it would publish the offer on Friday once lawyers had approved every line."
    assert substantive(base, other) == [("so that the public can judge", "once lawyers had approved every line")]


# --- granularity: noise never glued to substance --------------------------------------------------------


def test_paragraph_with_only_noise_has_no_substantive_change():
    base = (
        "\u201cThis harbour does not belong to the U.S. operators,\u201d Qaddouri said \u2013 and 78 per cent "
        "agreed on Nov. 21."
    )
    other = '"This harbor does not belong to the US operators," Kaddouri said - and 78 percent agreed on November 21.'
    segments = check_well_formed(base, other)
    assert not [s for s in segments if s.category is Category.SUBSTANTIVE]
    categories = {s.category for s in segments if s.is_change}
    assert categories == {Category.TYPOGRAPHY, Category.SPELLING, Category.STYLE}


def test_one_reworded_clause_among_noise_is_exactly_that_clause():
    base = (
        "\u201cWe have put a fair offer on the table,\u201d said Edwin Marsh, the association\u2019s chief "
        "executive, adding that the U.S. buyers were worried."
    )
    other = (
        '"We have put a fair offer on the table," said Edwin Marsh, the association\'s chief executive, '
        "adding that talks had collapsed. The US buyers were worried."
    )
    assert substantive(base, other) == [("", "talks had collapsed.")]


def test_name_variant_is_not_hidden_inside_a_reworded_clause():
    base = "He said on Wednesday that Qaddouri\u2019s new ministry planned deep cuts to the budget."
    other = "He claimed last week that Kaddouri's old office wanted deep cuts to the budget."
    segments = check_well_formed(base, other)
    spelling = [(s.base_text, s.other_text) for s in segments if s.category is Category.SPELLING]
    assert spelling == [("Qaddouri\u2019s", "Kaddouri's")]
    assert all("addouri" not in s.base_text for s in segments if s.category is Category.SUBSTANTIVE)


def test_style_equivalences_of_several_tokens_are_one_change():
    for base, other in [
        ("about 78 per cent of them", "about 78 percent of them"),
        ("they cannot wait any more now", "they cannot wait anymore now"),
        ("a 9 per cent rise", "a 9% rise"),
        ("in the United States today", "in the U.S. today"),
    ]:
        changes = [s for s in check_well_formed(base, other) if s.is_change]
        assert len(changes) == 1 and changes[0].category is Category.STYLE, (base, changes)


def test_change_texts_carry_their_own_spaces():
    segments = check_well_formed("the talks were over", "the talks were not over")
    (change,) = [s for s in segments if s.is_change]
    assert change.op is Op.INSERT and change.other_text.strip() == "not" and change.fact


def test_profile_changes_the_result():
    plain = parse_profile("extends: none", "empty profile")
    with_group = parse_profile("extends: none\nstyle:\n  - [Port Alder, PA]\n", "desk profile")
    base, other = "ships left Port Alder today", "ships left PA today"
    assert [s.category for s in diff_words(base, other, plain) if s.is_change] == [Category.SUBSTANTIVE]
    assert [s.category for s in diff_words(base, other, with_group) if s.is_change] == [Category.STYLE]


def test_paragraph_break_joined_is_typography():
    segments = check_well_formed("First part.\nSecond part.", "First part. Second part.")
    assert [s.category for s in segments if s.is_change] == [Category.TYPOGRAPHY]


def test_long_edited_paragraph_is_never_degraded_to_delete_all_insert_all():
    words = [f"word{i % 97}" for i in range(3000)]
    edited = list(words)
    for position in range(10, 3000, 100):
        edited[position] = "CHANGED"
    segments = check_well_formed(" ".join(words), " ".join(edited))
    changes = [s for s in segments if s.is_change]
    assert len(changes) == 30 and all(s.other_text == "CHANGED" for s in changes)


def test_long_unrelated_paragraphs_still_rebuild_exactly():
    base = " ".join(f"alpha{i % 37} beta{i % 11}" for i in range(1500))
    other = " ".join(f"gamma{i % 41} beta{i % 13}" for i in range(1500))
    segments = check_well_formed(base, other)
    assert any(s.category is Category.SUBSTANTIVE for s in segments)


def test_very_long_paragraphs_are_diffed_in_stretches_with_the_same_changes(monkeypatch):
    """Above the LCS size limit the diff is cut at words found once on each side; the changes stay the same."""
    import random

    from reader.diff import words as worddiff

    rng = random.Random(5)
    vocabulary = [f"w{n}" for n in range(900)] + ["the", "a", "of", "and"] * 50
    words = [rng.choice(vocabulary) for _ in range(1500)]
    edited = list(words)
    for n in range(0, len(edited), 97):
        edited[n] = "CHANGED"
    del edited[700:705]
    edited[300:300] = ["inserted", "words", "here"]
    base, other = " ".join(words), " ".join(edited)

    whole = diff_words(base, other, PROFILE)
    monkeypatch.setattr(worddiff, "_LCS_CELLS", 50 * 50)
    diff_words.cache_clear()  # the texts' diff is remembered from the call above
    stretched = diff_words(base, other, PROFILE)
    check_well_formed(base, other)
    assert "".join(s.base_text for s in stretched) == base
    assert "".join(s.other_text for s in stretched) == other

    def changed(segments):
        return sorted((s.base_text.strip(), s.other_text.strip()) for s in segments if s.op is not Op.EQUAL)

    assert len(changed(stretched)) == len(changed(whole)) >= 16
    assert changed(stretched) == changed(whole)
    diff_words.cache_clear()
