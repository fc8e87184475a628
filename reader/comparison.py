"""Build one ``Comparison``: align every version against the base, diff the rows, find attribution changes."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timezone

from reader.align.paragraphs import align
from reader.align.relation import relation_of, reuse
from reader.diff.words import diff_words
from reader.errors import ReaderError
from reader.findings.attribution import Side, find_findings
from reader.findings.credits import AgencyCredits, agency_credits
from reader.inert import visible_name
from reader.memory import paused_gc
from reader.model import (
    Article,
    Category,
    Comparison,
    FindingKind,
    Row,
    RowKind,
    VersionComparison,
)
from reader.settings.profile import Profile, default_profile
from reader.text.normalize import content_words


def diff_row(row: Row, base: Article, other: Article, profile: Profile) -> Row:
    if not row.has_both_sides:
        return row
    segments = diff_words(base.texts(row.base), other.texts(row.other), profile)
    kind = row.kind
    if kind is RowKind.EDITED and not any(s.is_change for s in segments):
        kind = RowKind.EQUAL
    return Row(kind, row.base, row.other, row.similarity, segments, row.shared_spans)


class WordCounts(dict):
    """Content words per text, each text counted once per comparison (most paragraphs recur in every
    version, and an unchanged paragraph's text is also its equal segment's)."""

    def __missing__(self, text: str) -> int:
        self[text] = count = len(content_words(text))
        return count


def body_words(article: Article, counts: WordCounts) -> int:
    """Words of the article's body paragraphs and subheads."""
    return sum(counts[p.text] for p in article.paragraphs if not p.kind.is_metadata)


def _body_rows(base: Article, other: Article, rows: list[Row]) -> list[Row]:
    """Rows of body paragraphs and subheads on both of their sides."""
    return [
        r
        for r in rows
        if not (r.base and not base.has_body(r.base) or r.other and not other.has_body(r.other))
    ]


def kept_words(rows: list[Row], counts: WordCounts) -> int:
    """Words of the version's body that are the wire's (unchanged, or changed only by noise)."""
    return sum(
        counts[s.other_text] for row in rows for s in row.segments if not s.is_change or s.category.is_noise
    )


def _share(part: int, whole: int) -> float:
    return round(min(1.0, part / whole), 4) if whole else 0.0


def version_stats(
    base: Article,
    other: Article,
    body_rows: list[Row],
    kept: int,
    findings,
    counts: WordCounts,
    credited: bool,
) -> dict:
    """``body_rows`` are ``_body_rows`` of the version, ``kept`` their ``kept_words``; ``credited``: the
    version credits the wire's agency somewhere."""
    base_words, other_words = body_words(base, counts), body_words(other, counts)
    kinds = Counter()
    categories = Counter()
    facts = 0
    for row in body_rows:
        kinds[row.kind.value] += 1
        for segment in row.segments:
            if segment.is_change:
                categories[segment.category.value] += 1
                facts += segment.fact
    altered = sum(1 for f in findings if f.kind is FindingKind.QUOTE_ALTERED)
    return {
        "base_kept": _share(kept, base_words),
        "taken_from_base": _share(kept, other_words),
        "paragraphs": len(other.paragraphs),
        "equal": kinds["equal"],
        "edited": kinds["edited"],
        "cut": kinds["deleted"],
        "added": kinds["inserted"],
        "moved": kinds["moved"],
        "split": kinds["split"],
        "merged": kinds["merged"],
        "partial": kinds["partial"],
        "changes": {c.value: categories[c.value] for c in Category},
        "substantive": categories[Category.SUBSTANTIVE.value],
        "facts": facts,
        "quotes_altered": altered,
        "findings": len(findings),
        "credit_present": credited,
    }


def compare_version(base: Side, other: Article, profile: Profile, counts: WordCounts) -> VersionComparison:
    """One version against the base, given as its ``Side`` (quotes and attributions), which ``compare``
    works out once for all versions, as it shares ``counts`` between them."""
    article = base.article
    rows = [diff_row(row, article, other, profile) for row in align(article, other, profile)]
    body_rows = _body_rows(article, other, rows)
    kept = kept_words(body_rows, counts)
    share = reuse(article, other, rows, _share(kept, body_words(article, counts)), profile)
    relation = relation_of(article, other, rows, share)
    agencies = AgencyCredits(base.agencies(profile), agency_credits(other, profile))
    findings = sorted(
        find_findings(base, other, rows, profile, relation, share, agencies), key=lambda f: f.order
    )
    credited = bool(agencies.still) if agencies.wire else other.credit is not None
    stats = version_stats(article, other, body_rows, kept, findings, counts, credited)
    return VersionComparison(other, tuple(rows), tuple(findings), stats, relation=relation)


def compare_each(
    base: Article, others: list[Article], profile: Profile, progress=None
) -> Iterator[VersionComparison]:
    """Each version against the base, as soon as it is compared (the app shows the first at once).

    ``progress(done, total, name)``, if given, is called before each version."""
    with paused_gc():
        base_side, counts = Side.of(base), WordCounts()
    for done, other in enumerate(others):
        if progress is not None:
            progress(done, len(others), other.name)
        # Like alignment, the word diffs and findings make many small objects and no cycles: with long
        # stories, the collector's full passes over them (and the caches) cost 10-35 % of the time.
        with paused_gc():
            result = compare_version(base_side, other, profile, counts)
        yield result


def pending_version(article: Article) -> VersionComparison:
    return VersionComparison(article, (), pending=True)


def comparison_time() -> str:
    """Now, in UTC to the second; or ``SOURCE_DATE_EPOCH`` when set, so that reports of the same inputs are
    byte-identical (the reproducible-builds convention). A malformed value is an error, not ignored."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        moment = datetime.now(timezone.utc)
    else:
        try:
            moment = datetime.fromtimestamp(int(epoch.strip()), timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise ReaderError(
                f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {visible_name(epoch[:40])!r}"
            ) from None
    return moment.replace(microsecond=0).isoformat()


def assemble(base: Article, versions: list[VersionComparison], profile: Profile) -> Comparison:
    return Comparison(base, tuple(versions), comparison_time(), profile.name)


def compare(
    base: Article, others: list[Article], profile: Profile | None = None, progress=None
) -> Comparison:
    """``progress(done, total, name)``, if given, is called before each version and once at the end."""
    profile = profile or default_profile()
    with paused_gc():  # across versions too: a collection between them would walk all the earlier results
        versions = list(compare_each(base, others, profile, progress))
    if progress is not None:
        progress(len(others), len(others), "")
    return assemble(base, versions, profile)
