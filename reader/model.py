"""The data model shared by every stage: articles, aligned rows, word changes and findings.

Everything here is immutable. Indices are 0-based positions in ``Article.paragraphs``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property


class StrEnum(str, Enum):
    def __str__(self) -> str:
        return self.value


class ParagraphKind(StrEnum):
    BODY = "body"
    SUBHEAD = "subhead"
    HEADLINE = "headline"
    BYLINE = "byline"
    DATELINE = "dateline"
    CAPTION = "caption"
    CREDIT = "credit"
    BOILERPLATE = "boilerplate"

    @property
    def is_metadata(self) -> bool:
        return self not in (ParagraphKind.BODY, ParagraphKind.SUBHEAD)


@dataclass(frozen=True)
class Paragraph:
    index: int
    text: str
    kind: ParagraphKind = ParagraphKind.BODY
    # Where the paragraph's own text starts: a dateline or metadata glued to the lede
    # ("PORT ALDER, Nov 21 (Meridian) -Dock workers...") occupies text[:body_start].
    body_start: int = 0

    @property
    def body_text(self) -> str:
        return self.text[self.body_start :]


@dataclass(frozen=True)
class Article:
    path: str
    paragraphs: tuple[Paragraph, ...]
    headline: str | None = None
    byline: str | None = None
    dateline: str | None = None
    credit: str | None = None
    encoding: str = "utf-8"
    sha256: str = ""
    source_format: str = "text"
    # Publication date the source states (web page metadata, wire XML), ISO format when known.
    published: str | None = None
    # Mis-encoded text repaired on loading ("2 paragraphs: UTF-8 read as Windows-1252"), else None.
    repaired_encoding: str | None = None

    @property
    def name(self) -> str:
        """Short display name: the file name without folders."""
        stripped = self.path.rstrip("/")
        return stripped.rsplit("/", 1)[-1] or stripped

    def texts(self, indices: tuple[int, ...]) -> str:
        return "\n".join(self.paragraphs[i].text for i in indices)

    def has_body(self, indices: tuple[int, ...]) -> bool:
        """Whether any of these paragraphs is body text or a subhead (not metadata)."""
        return any(not self.paragraphs[i].kind.is_metadata for i in indices)

    def whole(self, index: int) -> TextSpan:
        """The span of a whole paragraph."""
        return TextSpan(index, 0, len(self.paragraphs[index].text))


class RowKind(StrEnum):
    EQUAL = "equal"
    EDITED = "edited"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    PARTIAL = "partial"
    INSERTED = "inserted"
    DELETED = "deleted"


class Category(StrEnum):
    TYPOGRAPHY = "typography"
    PUNCTUATION = "punctuation"
    SPELLING = "spelling"
    STYLE = "style"
    SUBSTANTIVE = "substantive"

    @property
    def is_noise(self) -> bool:
        return self is not Category.SUBSTANTIVE


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


@dataclass(frozen=True)
class Segment:
    """One piece of a word diff. Concatenating ``base_text`` of all segments gives the base side exactly,
    and ``other_text`` the other side. ``category`` is None for equal segments."""

    op: Op
    base_text: str
    other_text: str
    category: Category | None = None
    fact: bool = False

    @property
    def is_change(self) -> bool:
        return self.op is not Op.EQUAL


@dataclass(frozen=True)
class Row:
    """One aligned unit of a version against the base."""

    kind: RowKind
    base: tuple[int, ...]
    other: tuple[int, ...]
    similarity: float = 0.0
    segments: tuple[Segment, ...] = ()
    # For partial rows: the shared passages, as (base_start, base_end, other_start, other_end)
    # character offsets into the joined texts of the row's paragraphs.
    shared_spans: tuple[tuple[int, int, int, int], ...] = ()

    @property
    def changes(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s.is_change)

    @property
    def has_both_sides(self) -> bool:
        return bool(self.base) and bool(self.other)


class Relation(StrEnum):
    """What a version is to the wire (see ``reader.align.relation``)."""

    COPY = "copy"
    WRITE_THROUGH = "write-through"
    INDEPENDENT = "independent"


class FindingKind(StrEnum):
    QUOTE_ALTERED = "quote_altered"
    QUOTE_REMOVED = "quote_removed"
    QUOTE_ADDED = "quote_added"
    QUOTE_TO_PARAPHRASE = "quote_to_paraphrase"
    SPEAKER_CHANGED = "speaker_changed"
    ATTRIBUTION_VERB_CHANGED = "attribution_verb_changed"
    ATTRIBUTION_REMOVED = "attribution_removed"
    ATTRIBUTION_ADDED = "attribution_added"
    BYLINE_CHANGED = "byline_changed"
    BYLINE_REMOVED = "byline_removed"
    BYLINE_ADDED = "byline_added"
    CREDIT_REMOVED = "credit_removed"
    CREDIT_ADDED = "credit_added"
    DATELINE_CHANGED = "dateline_changed"
    HEADLINE_CHANGED = "headline_changed"
    CORRECTION_REMOVED = "correction_removed"


class Severity(StrEnum):
    INFO = "info"
    MINOR = "minor"
    MAJOR = "major"

    @property
    def rank(self) -> int:
        return {"info": 0, "minor": 1, "major": 2}[self.value]


@dataclass(frozen=True)
class TextSpan:
    """A highlighted stretch of one paragraph: character offsets into ``Paragraph.text``."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    severity: Severity
    base: tuple[int, ...]
    other: tuple[int, ...]
    base_text: str | None
    other_text: str | None
    message: str
    base_spans: tuple[TextSpan, ...] = ()
    other_spans: tuple[TextSpan, ...] = ()

    @property
    def order(self) -> tuple[int, int]:
        """The one order of findings (the comparison stores them so; the app, the overview and every report
        walk them as stored): most severe first, then where the version reads them (a finding with no
        version paragraph, a cut, where its wire paragraph was)."""
        return -self.severity.rank, min(self.other or self.base or (0,))


class RowLocator:
    """The rows of one version indexed by paragraph, built once, so that placing every finding (see
    ``VersionComparison.row_of``) costs the rows each finding touches rather than all the rows of the version."""

    def __init__(self, rows: tuple[Row, ...]) -> None:
        self.base: dict[int, list[int]] = {}
        self.other: dict[int, list[int]] = {}
        for position, row in enumerate(rows):
            for index in set(row.base):
                self.base.setdefault(index, []).append(position)
            for index in set(row.other):
                self.other.setdefault(index, []).append(position)

    @property
    def flagged(self) -> tuple[Finding, ...]:
        """The minor and major findings: those the app marks and stops at (an info finding, such as a quote
        lost with its cut paragraph, would hide the cut itself)."""
        return tuple(f for f in self.findings if f.severity.rank >= Severity.MINOR.rank)

    def row_of(self, finding: Finding) -> int | None:
        """The row sharing most of the finding's paragraphs, both sides counted; a row holding both sides
        of the finding beats one holding a single side; among equals, the first."""
        base_shared: dict[int, int] = {}
        other_shared: dict[int, int] = {}
        for index in set(finding.base):
            for position in self.base.get(index, ()):
                base_shared[position] = base_shared.get(position, 0) + 1
        for index in set(finding.other):
            for position in self.other.get(index, ()):
                other_shared[position] = other_shared.get(position, 0) + 1
        best, best_score = None, 0
        for position in sorted(base_shared.keys() | other_shared.keys()):
            on_base, on_other = base_shared.get(position, 0), other_shared.get(position, 0)
            score = 2 * on_base + 2 * on_other + (10 if on_base and on_other else 0)
            if score > best_score:
                best, best_score = position, score
        return best


# The last rows placed and their index: reports place every finding of a version against the same rows.


@dataclass(frozen=True)
class VersionComparison:
    article: Article
    rows: tuple[Row, ...]
    findings: tuple[Finding, ...] = ()
    stats: dict = field(default_factory=dict)
    # Not compared yet: the app shows the versions already compared while the others are (no rows).
    pending: bool = False
    relation: Relation = Relation.COPY

    @property
    def flagged(self) -> tuple[Finding, ...]:
        """The minor and major findings: those the app marks and stops at (an info finding, such as a quote
        lost with its cut paragraph, would hide the cut itself)."""
        return tuple(f for f in self.findings if f.severity.rank >= Severity.MINOR.rank)

    def row_of(self, finding: Finding) -> int | None:
        """Position in ``rows`` of the row a finding belongs to (``RowLocator.row_of``): the one place
        that decides it for the reports, the JSON and the app."""
        return self._locator.row_of(finding)

    @cached_property
    def _locator(self) -> RowLocator:
        return RowLocator(self.rows)


@dataclass(frozen=True)
class Comparison:
    base: Article
    versions: tuple[VersionComparison, ...]
    created_at: str = ""
    profile_name: str = "default"

    @property
    def complete(self) -> bool:
        return not any(v.pending for v in self.versions)

    def reaches(self, level: str) -> bool:
        """Whether any version has a finding of ``level`` ("major", "minor": minor or major) or, for "any",
        any finding or any difference from the base at all (``reader compare --fail-on``)."""
        if level == "any":
            return any(v.findings or any(r.kind is not RowKind.EQUAL for r in v.rows) for v in self.versions)
        least = Severity(level).rank
        return any(f.severity.rank >= least for v in self.versions for f in v.findings)
