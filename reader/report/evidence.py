"""What the Markdown and HTML reports both say, computed once: files, scorecards, findings and where they sit.

Paragraph numbers shown to people ("¶3") count from 1; the JSON keeps 0-based indices.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader import __version__
from reader.model import (
    Article,
    Comparison,
    Finding,
    Relation,
    Row,
    RowKind,
    Segment,
    Severity,
    VersionComparison,
)

SEVERITY_ORDER = (Severity.MAJOR, Severity.MINOR, Severity.INFO)

ROW_LABELS = {
    RowKind.EQUAL: "same",
    RowKind.EDITED: "edited",
    RowKind.MOVED: "moved",
    RowKind.SPLIT: "split",
    RowKind.MERGED: "merged",
    RowKind.PARTIAL: "partial",
    RowKind.INSERTED: "added",
    RowKind.DELETED: "cut",
}


def human_kind(value: str) -> str:
    """``quote_to_paraphrase`` -> ``quote to paraphrase``."""
    return value.replace("_", " ")


def paragraph_numbers(indices: tuple[int, ...]) -> str:
    """``(3, 4)`` -> ``¶4–5``; ``(7,)`` -> ``¶8``; ``(1, 5)`` -> ``¶2, ¶6``."""
    if not indices:
        return "—"
    numbers = [i + 1 for i in indices]
    if len(numbers) > 1 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"¶{numbers[0]}–{numbers[-1]}"
    return ", ".join(f"¶{n}" for n in numbers)


@dataclass(frozen=True)
class FileLine:
    role: str  # "wire (base)" or "version 1"
    article: Article


def repair_note(article: Article) -> str | None:
    """What the reports and the pane header say of an article whose text was mis-encoded."""
    return f"mis-encoded text repaired ({article.repaired_encoding})" if article.repaired_encoding else None


def compared_files(comparison: Comparison) -> list[FileLine]:
    lines = [FileLine("wire (base)", comparison.base)]
    lines += [FileLine(f"version {n}", v.article) for n, v in enumerate(comparison.versions, 1)]
    return lines


def _is_body_row(row: Row, base: Article, other: Article) -> bool:
    """Counted in the scorecard's paragraph numbers (which leave out headlines, bylines and other metadata)."""

    def has_body(article: Article, indices: tuple[int, ...]) -> bool:
        return not indices or any(not article.paragraphs[i].kind.is_metadata for i in indices)

    return has_body(base, row.base) and has_body(other, row.other)


def created_at_text(comparison: Comparison) -> str:
    """``2026-11-22T05:12:03+00:00`` -> ``2026-11-22 05:12:03 UTC`` (left as given when it is something else)."""
    stamp = comparison.created_at or "unknown time"
    if stamp.endswith("+00:00") and "T" in stamp:
        return stamp[: -len("+00:00")].replace("T", " ") + " UTC"
    return stamp


def reader_version() -> str:
    return __version__


def version_anchor(number: int) -> str:
    return f"v{number}"


def row_anchor(number: int, row_position: int) -> str:
    """Anchor of the row at 0-based ``row_position`` in version ``number`` (1-based)."""
    return f"v{number}-row{row_position + 1}"


def finding_anchor(number: int, finding_position: int) -> str:
    return f"v{number}-finding{finding_position + 1}"


def sorted_findings(version: VersionComparison) -> list[tuple[int, Finding]]:
    """Findings in their one order (``Finding.order``), each with its position in the version's list."""
    return sorted(enumerate(version.findings), key=lambda item: (item[1].order, item[0]))


def findings_by_row(version: VersionComparison) -> dict[int, list[tuple[int, Finding]]]:
    table: dict[int, list[tuple[int, Finding]]] = {}
    for position, finding in sorted_findings(version):
        row = version.row_of(finding)
        if row is not None:
            table.setdefault(row, []).append((position, finding))
    return table


def severity_counts(findings: tuple[Finding, ...]) -> dict[Severity, int]:
    return {severity: sum(1 for f in findings if f.severity is severity) for severity in SEVERITY_ORDER}


def severity_summary(findings: tuple[Finding, ...]) -> str:
    counts = severity_counts(findings)
    parts = [f"{counts[s]} {s.value}" for s in SEVERITY_ORDER if counts[s]]
    return ", ".join(parts) if parts else "none"


def share(value) -> str:
    try:
        return f"{float(value):.0%}"
    except (TypeError, ValueError):
        return "—"


def stat(stats: dict, name: str, default=0):
    value = stats.get(name, default)
    return default if value is None else value


def paragraph_summary(
    stats: dict, version: VersionComparison | None = None, base: Article | None = None
) -> str:
    labels = (
        ("equal", "same"),
        ("edited", "edited"),
        ("cut", "cut"),
        ("added", "added"),
        ("moved", "moved"),
        ("split", "split"),
        ("merged", "merged"),
        ("partial", "partial"),
    )
    parts = [f"{stat(stats, key)} {label}" for key, label in labels]
    style_only = 0
    if version is not None and base is not None:
        style_only = sum(
            1 for row in version.rows if is_style_only(row) and _is_body_row(row, base, version.article)
        )
    if style_only:
        parts[1] += f" ({style_only} only in typography or style)"
    return ", ".join(parts)


_RELATION_TEXT = {
    Relation.COPY: "copy of the wire",
    Relation.WRITE_THROUGH: "copy of another write-through (its lede is rewritten; reworded quotes are minor)",
    Relation.INDEPENDENT: "independent story (judged on the quotes it lifts, not as a reprint)",
}


def relation_text(version: VersionComparison) -> str:
    return _RELATION_TEXT[version.relation]


def credit_text(article: Article, version: VersionComparison | None = None) -> str:
    """The agency credit the version's dateline or source line states; for a version, also whether it
    credits the wire's agency somewhere else (byline, copyright line)."""
    if article.credit:
        return article.credit
    if version is not None and version.stats.get("credit_present"):
        return "the wire's agency, in the byline or a credit line"
    return "none found"


def is_style_only(row: Row) -> bool:
    """An edited row whose every change is typography, punctuation, spelling or house style."""
    changes = row.changes
    return (
        row.kind is RowKind.EDITED
        and bool(changes)
        and all(s.category is not None and s.category.is_noise for s in changes)
    )


def row_label(row: Row, has_findings: bool = False) -> str:
    """The row's badge; a row a finding is about is never called "style only", even if its diff is."""
    return "style only" if is_style_only(row) and not has_findings else ROW_LABELS[row.kind]


def is_changed(row: Row) -> bool:
    """Worth an editor's attention: anything but an equal row or a row changed only in style."""
    return row.kind is not RowKind.EQUAL and not is_style_only(row)


def noise_text(text: str) -> str:
    """How a typography/style change reads in a list: spacing and paragraph joints named, not left blank."""
    if text.strip():
        return " ".join(text.split())
    if "\n" in text:
        return "paragraph break"
    return "space" if text else "nothing"


def noise_summary(version: VersionComparison, limit: int = 12) -> list[tuple[str, str, str, int]]:
    """The version's most frequent typography/style changes: (old, new, category, count), most frequent first."""
    counts: dict[tuple[str, str, str], int] = {}
    for row in version.rows:
        for segment in noise_changes(row):
            key = (noise_text(segment.base_text), noise_text(segment.other_text), segment.category.value)
            counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(old, new, category, count) for (old, new, category), count in ranked[:limit]]


def row_where(row: Row) -> str:
    """Where a row's paragraphs sit on each side: ``wire ¶20 → ¶6``."""
    if not row.base:
        return f"new {paragraph_numbers(row.other)}"
    if not row.other:
        return f"wire {paragraph_numbers(row.base)} → —"
    return f"wire {paragraph_numbers(row.base)} → {paragraph_numbers(row.other)}"


def row_caption(row: Row, has_findings: bool = False) -> str:
    """A short description of what happened to a row, for people: ``moved: wire ¶20 is ¶6 here``."""
    base, other = paragraph_numbers(row.base), paragraph_numbers(row.other)
    kind = row.kind
    if kind is RowKind.INSERTED:
        return f"added: {other} is not in the wire"
    if kind is RowKind.DELETED:
        return f"cut: wire {base} is missing"
    if kind is RowKind.MOVED:
        return f"moved: wire {base} is {other} here"
    if kind is RowKind.SPLIT:
        return f"split: wire {base} became {other}"
    if kind is RowKind.MERGED:
        return f"merged: wire {base} became {other}"
    if kind is RowKind.PARTIAL:
        return f"partial: {other} shares only some text with wire {base}"
    if kind is RowKind.EDITED:
        if is_style_only(row) and not has_findings:
            return f"style only: wire {base} → {other}"
        return f"edited: wire {base} → {other}"
    return f"same: wire {base} = {other}"


def segments_cover(row: Row, base: Article, other: Article) -> bool:
    """True when the row's word diff spells out both sides exactly (otherwise reports show plain text)."""
    if not row.segments:
        return False
    return "".join(s.base_text for s in row.segments) == base.texts(row.base) and "".join(
        s.other_text for s in row.segments
    ) == other.texts(row.other)


def noise_changes(row: Row) -> list[Segment]:
    return [s for s in row.changes if s.category is not None and s.category.is_noise]


@dataclass(frozen=True)
class SpineCell:
    """What one version did with one wire paragraph."""

    label: str  # same, style only, edited, moved, split, merged, partial, cut
    row: int | None  # position of the row in the version's rows
    where: str  # the version's paragraph numbers, or "" when cut


@dataclass(frozen=True)
class SpineLine:
    index: int  # the wire paragraph, 0-based
    cells: tuple[SpineCell, ...]  # one per version, in order

    @property
    def kept_by(self) -> int:
        """Versions that carry this paragraph whole (edited or not); partial reuse and cuts do not count."""
        return sum(1 for c in self.cells if c.label not in ("cut", "partial"))


def wire_spine(comparison: Comparison) -> list[SpineLine]:
    """The wire story as a spine: for every wire paragraph, what each version did with it."""
    per_version: list[dict[int, tuple[int, Row]]] = []
    for version in comparison.versions:
        placed: dict[int, tuple[int, Row]] = {}
        for position, row in enumerate(version.rows):
            for index in row.base:
                # A paragraph in several rows (rare) is described by the row that keeps the most of it.
                if index not in placed or (placed[index][1].kind is RowKind.DELETED and row.other):
                    placed[index] = (position, row)
        per_version.append(placed)
    lines = []
    for index in range(len(comparison.base.paragraphs)):
        cells = []
        for placed in per_version:
            if index not in placed:
                cells.append(SpineCell("cut", None, ""))
                continue
            position, row = placed[index]
            cells.append(
                SpineCell(row_label(row), position, paragraph_numbers(row.other) if row.other else "")
            )
        lines.append(SpineLine(index, tuple(cells)))
    return lines


def kept_by_every_version(comparison: Comparison) -> int:
    """Wire paragraphs every version carries whole (edited or not; partial reuse and cuts do not count):
    the one count the app's wire header and the reports' spine give."""
    count = len(comparison.versions)
    return sum(1 for line in wire_spine(comparison) if line.kept_by == count)


def excerpt(text: str, limit: int = 90) -> str:
    """The start of a paragraph, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"
