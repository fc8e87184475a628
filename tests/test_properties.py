"""Property-based tests of the core (hypothesis): for any texts, alignment covers every paragraph, word
diffs rebuild both sides exactly, results are deterministic, and a text compared with itself is all equal."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.comparison import compare
from reader.errors import InputError
from reader.loading import article_from_text
from reader.model import RowKind
from reader.settings.profile import default_profile

PROFILE = default_profile()
# READER_PROPERTY_EXAMPLES=1000 for a deeper search; the default keeps the suite fast.
SETTINGS = settings(
    max_examples=int(os.environ.get("READER_PROPERTY_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

WORDS = [
    "Dock", "workers", "voted", "strike", "harbour", "harbor", "union", "said", "told", "reporters", "the", "a",
    "not", "40", "1,000", "per", "cent", "percent", "U.S.", "US", "Qaddouri", "Kaddouri", "Port", "Alder",
    "\u201cWe", "leave,\u201d", "\"We", "leave,\"", "it\u2019s", "it's", "\u2013", "-", "\u2014", "(Meridian)",
    "PORT", "ALDER", "By", "and", "Reporting", "Editing", "\u00e9t\u00e9", "caf\u00e9", "\u2026", "...", "no.",
]
word = st.sampled_from(WORDS) | st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=8
)
paragraph = st.lists(word, min_size=1, max_size=25).map(" ".join)
paragraphs = st.lists(paragraph, min_size=1, max_size=10)


def article(paras: list[str], name: str):
    try:
        return article_from_text("\n\n".join(paras), name)
    except InputError:
        assume(False)


@st.composite
def version_of(draw, base: list[str]) -> list[str]:
    """A version made the way reprints are: cuts, additions, moves and word edits of the base."""
    other = [p for p in base if draw(st.booleans()) or len(base) == 1]
    if other and draw(st.booleans()):
        i = draw(st.integers(0, len(other) - 1))
        words = other[i].split(" ")
        j = draw(st.integers(0, len(words) - 1))
        words[j] = draw(word)
        other[i] = " ".join(words)
    if draw(st.booleans()):
        other.insert(draw(st.integers(0, len(other))), draw(paragraph))
    if len(other) > 2 and draw(st.booleans()):
        other.append(other.pop(0))
    if len(other) > 1 and draw(st.booleans()):
        other[0:2] = [other[0] + " " + other[1]]
    return other or [draw(paragraph)]


pairs = paragraphs.flatmap(lambda base: st.tuples(st.just(base), version_of(base) | paragraphs))


def signature(comparison) -> list:
    return [
        [(r.kind, r.base, r.other, round(r.similarity, 9), r.segments, r.shared_spans) for r in v.rows]
        for v in comparison.versions
    ]


@SETTINGS
@given(pairs)
def test_every_paragraph_of_every_version_appears_in_the_rows(pair):
    base, other = article(pair[0], "base.txt"), article(pair[1], "other.txt")
    version = compare(base, [other], PROFILE).versions[0]
    seen_base = {i for row in version.rows for i in row.base}
    seen_other = {i for row in version.rows for i in row.other}
    assert seen_base == set(range(len(base.paragraphs)))
    assert seen_other == set(range(len(other.paragraphs)))


@SETTINGS
@given(pairs)
def test_word_diff_of_every_row_rebuilds_both_sides_exactly(pair):
    base, other = article(pair[0], "base.txt"), article(pair[1], "other.txt")
    for row in compare(base, [other], PROFILE).versions[0].rows:
        if not row.has_both_sides:
            continue
        assert "".join(s.base_text for s in row.segments) == base.texts(row.base)
        assert "".join(s.other_text for s in row.segments) == other.texts(row.other)
        for segment in row.segments:
            assert segment.is_change == (segment.category is not None)


@SETTINGS
@given(pairs)
def test_alignment_is_deterministic(pair):
    base, other = article(pair[0], "base.txt"), article(pair[1], "other.txt")
    first = compare(base, [other], PROFILE)
    again = compare(article(pair[0], "base.txt"), [article(pair[1], "other.txt")], PROFILE)
    assert signature(first) == signature(again)


@SETTINGS
@given(paragraphs)
def test_a_text_compared_with_itself_is_all_equal(paras):
    base = article(paras, "base.txt")
    copy = article(paras, "copy.txt")
    version = compare(base, [copy], PROFILE).versions[0]
    assert {row.kind for row in version.rows} == {RowKind.EQUAL}
    assert [(row.base, row.other) for row in version.rows] == [((i,), (i,)) for i in range(len(base.paragraphs))]
    assert version.findings == ()
