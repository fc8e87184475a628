"""Every hand-labelled finding of the sample versions is found, with its severity, and nothing else of weight."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reader.comparison import compare
from reader.loading import load_article
from reader.model import Category, Finding, Severity

STORY = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"
VERSIONS = sorted(STORY.glob("0[1-9]-*.txt"))


def labels(version: Path) -> list[dict]:
    data = yaml.safe_load(version.with_suffix(".findings.yaml").read_text(encoding="utf-8"))
    return data["findings"]


def fits(label: dict, finding: Finding) -> bool:
    return (
        finding.kind.value == label["kind"]
        and finding.severity.value == label["severity"]
        and set(finding.base) == set(label["base"])
        and set(finding.other) == set(label["other"])
    )


def pair_up(wanted: list[dict], found: list[Finding]) -> tuple[list[dict], list[Finding]]:
    """Labels with no finding, findings with no label (each finding answers at most one label)."""
    free = list(found)
    missing = []
    for label in wanted:
        hit = next((f for f in free if fits(label, f)), None)
        if hit is None:
            missing.append(label)
        else:
            free.remove(hit)
    return missing, free


@pytest.fixture(scope="module")
def comparison():
    base = load_article(str(STORY / "00-wire.txt"))
    return compare(base, [load_article(str(v)) for v in VERSIONS])


def _version(comparison, path: Path):
    return next(v for v in comparison.versions if v.article.path == str(path))


@pytest.mark.parametrize("path", VERSIONS, ids=lambda p: p.stem)
def test_every_labelled_finding_is_found_with_its_severity(comparison, path):
    found = list(_version(comparison, path).findings)
    missing, _extra = pair_up(labels(path), found)
    assert not missing, "\n".join(f"{m['kind']} {m['severity']} {m['base']}->{m['other']}: {m['note']}" for m in missing)


@pytest.mark.parametrize("path", VERSIONS, ids=lambda p: p.stem)
def test_no_unlabelled_finding_of_weight(comparison, path):
    found = list(_version(comparison, path).findings)
    _missing, extra = pair_up(labels(path), found)
    weighty = [f for f in extra if f.severity is not Severity.INFO]
    assert not weighty, "\n".join(f"{f.kind} {f.severity} {f.base}->{f.other}: {f.message}" for f in weighty)


@pytest.mark.parametrize("path", VERSIONS, ids=lambda p: p.stem)
def test_typography_only_paragraphs_raise_nothing(comparison, path):
    version = _version(comparison, path)
    quiet = set()
    for row in version.rows:
        changes = row.changes
        if row.has_both_sides and len(row.base) == 1 and changes and all(
            c.category is Category.TYPOGRAPHY for c in changes
        ):
            quiet.add(row.base[0])
    touched = [f for f in version.findings if quiet & set(f.base)]
    assert not touched, [f.message for f in touched]


def test_quote_mark_only_paragraphs_of_the_tampered_version_are_quiet(comparison):
    # The sample README: paragraphs 3, 12 and 14 of 04 differ from the wire only by quote marks/dashes.
    version = _version(comparison, STORY / "04-quotes-altered.txt")
    assert not [f.message for f in version.findings if {3, 12, 14} & set(f.base)]


def test_every_finding_points_at_text_on_some_side(comparison):
    for version in comparison.versions:
        for finding in version.findings:
            assert finding.base_spans or finding.other_spans, finding.message
            for span, article in [(s, comparison.base) for s in finding.base_spans] + [
                (s, version.article) for s in finding.other_spans
            ]:
                text = article.paragraphs[span.paragraph].text
                assert 0 <= span.start < span.end <= len(text), finding.message
            assert finding.message and "\n" not in finding.message
