"""The aligner reproduces the hand-written true alignments of the sample articles exactly."""

from pathlib import Path

import pytest

from benchmarks.truth import read_truth, truth_label
from reader.align.paragraphs import align
from reader.loading import load_article
from reader.settings.profile import default_profile

STORY = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"
VERSIONS = sorted(p for p in STORY.glob("0[1-9]-*.txt"))


@pytest.fixture(scope="module")
def base():
    return load_article(str(STORY / "00-wire.txt"))


def test_all_versions_have_truth():
    assert len(VERSIONS) >= 4
    for version in VERSIONS:
        assert version.with_suffix(".truth.yaml").exists()


@pytest.mark.parametrize("version", VERSIONS, ids=lambda p: p.stem)
@pytest.mark.parametrize("profile", [None, "default"])
def test_sample_alignment_matches_truth(base, version, profile):
    other = load_article(str(version))
    rows = align(base, other, default_profile() if profile else None)
    got = sorted(truth_label(r) for r in rows)
    want = sorted(read_truth(version.with_suffix(".truth.yaml")))
    assert got == want


@pytest.mark.parametrize("version", VERSIONS, ids=lambda p: p.stem)
def test_every_paragraph_in_exactly_one_row(base, version):
    other = load_article(str(version))
    rows = align(base, other)
    base_seen = sorted(i for r in rows for i in r.base)
    other_seen = sorted(j for r in rows for j in r.other)
    assert base_seen == list(range(len(base.paragraphs)))
    assert other_seen == list(range(len(other.paragraphs)))


def test_rewrite_partials_highlight_the_lifted_quotes(base):
    other = load_article(str(STORY / "03-rewrite-independent.txt"))
    partial = [r for r in align(base, other) if r.kind.value == "partial"]
    shared = []
    for row in partial:
        base_text, other_text = base.texts(row.base), other.texts(row.other)
        assert row.shared_spans
        for bs, be, os_, oe in row.shared_spans:
            shared.append(base_text[bs:be])
            # The span covers the same words on both sides.
            assert base_text[bs:be].split()[:3] == other_text[os_:oe].split()[:3]
    joined = " | ".join(shared)
    assert "We did not walk out for a few extra coins" in joined
    assert "does not belong to the operators, and it does not belong to the union" in joined
    assert "Every day a ship sits outside Port Alder costs us" in joined
