"""The comparison as Markdown that also reads as plain text in an email.

Word changes are shown inline the way ``git diff --word-diff`` does: ``[-deleted-]{+inserted+}``; changes that
touch facts are also in bold. Typography and house-style changes are not shown inline (they would drown the real
edits) but are listed under the row. Article text is escaped so it cannot become links, HTML or headings.
"""

from __future__ import annotations

import re

from reader.inert import show_hidden
from reader.model import Article, Category, Comparison, Row, RowKind, Segment, VersionComparison
from reader.report import evidence as ev

# Characters that Markdown (CommonMark/GFM) would read as syntax anywhere in a line.
_INLINE_SYNTAX = re.compile(r"([\\`*_\[\]{}<|~])")
# Entity references such as &lt; or &#60; would render as other characters.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# Syntax that only counts at the start of a line: headings, quotes, lists, thematic breaks, setext underlines.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
# The "[" and "]" of a deletion mark are the only brackets left unescaped: one directly followed by "(", "["
# or ":" would make "[-old-]" a link, an image (after a "!") or a link definition.
_MARK_BEFORE_LINK = re.compile(r"-\](?=[(\[:])")


def escape_markdown(text: str, *, line_start: bool = True) -> str:
    """Make article text literal in Markdown while keeping it readable as plain text.

    ``>`` needs no escape inside a line once ``<`` is escaped (no tag or autolink can open); at the start of a
    line it would open a quote, so ``line_start`` escapes it there, with headings, list markers and the like.
    Pass ``line_start=False`` for pieces that are joined into a line later (then escape the line's start)."""
    text = _INLINE_SYNTAX.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _escape_line_starts(text) if line_start else text


def _escape_line_starts(text: str) -> str:
    return "\n".join(
        _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line) for line in text.split("\n")
    )


def _one_line(text: str) -> str:
    return " ".join(show_hidden(text).split())


def _inline(text: str) -> str:
    """Escaped article text on one line, spaces at its edges kept (paragraph joints become ' ¶ ')."""
    text = re.sub(r"[ \t]*\n\s*", " ¶ ", show_hidden(text))
    return escape_markdown(re.sub(r"[ \t]{2,}", " ", text), line_start=False)


def _code(text: str) -> str:
    """A file name in a code span (literal in Markdown); escaped text when it holds backticks itself."""
    text = _one_line(text)
    return escape_markdown(text) if "`" in text else f"`{text}`"


def _hidden(segment: Segment, show_minor: bool) -> bool:
    """Noise is not marked inline, except punctuation in a row a finding is about (a comma inside a quote)."""
    if not segment.is_change or segment.category is None or not segment.category.is_noise:
        return not segment.is_change
    return not show_minor or segment.category is not Category.PUNCTUATION


def _word_diff(segments: tuple[Segment, ...], show_minor: bool = False) -> str:
    """The version's text with substantive changes marked ``[-old-]{+new+}``; noise shows the version's form."""
    out = []
    for segment in segments:
        if _hidden(segment, show_minor):
            out.append(_inline(segment.other_text))
            continue
        marked = ""
        if segment.base_text.strip():
            marked += f"[-{_inline(segment.base_text.strip())}-]"
        if segment.other_text.strip():
            marked += f"{{+{_inline(segment.other_text.strip())}+}}"
        if not marked:  # a change of spacing only, e.g. a paragraph joint
            out.append(" ")
            continue
        texts = (segment.base_text, segment.other_text)
        lead = " " if any(t[:1].isspace() for t in texts) else ""
        trail = " " if any(t[-1:].isspace() for t in texts) else ""
        out.append(lead + (f"**{marked}**" if segment.fact else marked) + trail)
    return _MARK_BEFORE_LINK.sub(r"-]\\", re.sub(r" {2,}", " ", "".join(out)).strip())


def _noise_lines(version: VersionComparison) -> list[str]:
    summary = ev.noise_summary(version)
    if not summary:
        return []
    shown = "; ".join(
        f"{escape_markdown(old, line_start=False)} → {escape_markdown(new, line_start=False)} ({category}) ×{count}"
        for old, new, category, count in summary
    )
    return [f"Typography and house-style changes, not marked inline (most frequent first): {shown}.", ""]


def _header(comparison: Comparison) -> list[str]:
    base = comparison.base
    count = len(comparison.versions)
    lines = [
        f"# {count} version{'s' if count != 1 else ''} compared with the wire story {escape_markdown(base.name)}",
        "",
        f"Compared {ev.created_at_text(comparison)} with reader {ev.reader_version()}, "
        f'style profile "{escape_markdown(comparison.profile_name)}". Paragraph numbers (¶) count from 1.',
        "",
        "## Files compared",
        "",
    ]
    for line in ev.compared_files(comparison):
        article = line.article
        lines.append(f"- **{line.role}**: {_code(article.path)}")
        lines.append(f"  - SHA-256: `{article.sha256 or 'not recorded'}`")
        if article.headline:
            lines.append(f"  - Headline: {escape_markdown(_one_line(article.headline))}")
        if article.published:
            lines.append(f"  - Published: {escape_markdown(_one_line(article.published))}")
        if note := ev.repair_note(article):
            lines.append(f"  - Encoding: {escape_markdown(note)}")
        lines.append(
            f"  - Byline: {escape_markdown(_one_line(article.byline or '—'))}; "
            f"agency credit: {escape_markdown(ev.credit_text(article))}; {len(article.paragraphs)} paragraphs"
        )
    return lines + [""]


def _scorecard(comparison: Comparison) -> list[str]:
    lines = ["## Scorecard", ""]
    for number, version in enumerate(comparison.versions, 1):
        s = version.stats
        lines += [
            f"**{number}. {escape_markdown(version.article.name)}**",
            "",
            f"- Class: {ev.relation_text(version)}",
            f"- Share of the wire kept: {ev.share(s.get('base_kept'))}; "
            f"share of the version taken from the wire: {ev.share(s.get('taken_from_base'))}",
            f"- Paragraphs: {ev.paragraph_summary(s, version, comparison.base)}",
            f"- Substantive word changes: {ev.stat(s, 'substantive')} ({ev.stat(s, 'facts')} touching facts)",
            f"- Agency credit: {escape_markdown(ev.credit_text(version.article, version))}",
            f"- Findings: {ev.severity_summary(version.findings)}",
            "",
        ]
    return lines


def _findings(comparison: Comparison) -> list[str]:
    lines = ["## Findings", ""]
    if not any(v.findings for v in comparison.versions):
        return lines + ["No quote, attribution or credit changes were found.", ""]
    for number, version in enumerate(comparison.versions, 1):
        lines += [
            f"### {number}. {escape_markdown(version.article.name)}: {ev.severity_summary(version.findings)}",
            "",
        ]
        for _, finding in ev.sorted_findings(version):
            where = f"wire {ev.paragraph_numbers(finding.base)} → {ev.paragraph_numbers(finding.other)}"
            lines.append(
                f"- **{finding.severity.value.upper()}** {ev.human_kind(finding.kind.value)} ({where}): "
                f"{escape_markdown(_one_line(finding.message))}"
            )
            if finding.base_text is not None:
                lines.append(f"  - wire: “{escape_markdown(_one_line(finding.base_text))}”")
            if finding.other_text is not None:
                lines.append(f"  - version: “{escape_markdown(_one_line(finding.other_text))}”")
        lines.append("")
    return lines


def _spine(comparison: Comparison) -> list[str]:
    """The wire as a table: what each version did with every paragraph (GFM table, readable as plain text)."""
    count = len(comparison.versions)
    head = "| ¶ | wire paragraph | " + " | ".join(f"{n}." for n in range(1, count + 1)) + " | kept by |"
    rule = "|--:|---|" + "---|" * count + "--:|"
    lines = [
        "## The wire, paragraph by paragraph",
        "",
        "Columns 1. to " + f"{count}. are the versions numbered as above.",
        "",
        head,
        rule,
    ]
    for line in ev.wire_spine(comparison):
        paragraph = comparison.base.paragraphs[line.index]
        kind = f"({paragraph.kind.value}) " if paragraph.kind.is_metadata else ""
        cells = " | ".join(f"{cell.label} {cell.where}".strip() for cell in line.cells)
        lines.append(
            f"| ¶{line.index + 1} | {kind}{escape_markdown(ev.excerpt(paragraph.text, 60), line_start=False)} | "
            f"{cells} | {line.kept_by} of {count} |"
        )
    return lines + [""]


def _quote(text: str) -> str:
    return "> " + _escape_line_starts(text)


def _row_lines(
    number: int, position: int, row: Row, version: VersionComparison, base: Article, row_findings
) -> list[str]:
    other = version.article
    lines = [f"**{ev.row_caption(row, bool(row_findings))}**", ""]
    if row.kind is RowKind.INSERTED:
        lines.append(_quote("{+" + _inline(other.texts(row.other)) + "+}"))
    elif row.kind is RowKind.DELETED:
        lines.append(_quote("[-" + _inline(base.texts(row.base)) + "-]"))
    elif row.kind is RowKind.PARTIAL or not ev.segments_cover(row, base, other):
        lines.append(_quote("Wire: " + _inline(base.texts(row.base))))
        lines.append(">")
        lines.append(_quote("Version: " + _inline(other.texts(row.other))))
        base_text = base.texts(row.base)
        for start, end, _, _ in row.shared_spans:
            lines += ["", f"  Shared with the wire: “{_inline(base_text[start:end]).strip()}”"]
    else:
        lines.append(_quote(_word_diff(row.segments, show_minor=bool(row_findings))))
    for _, finding in row_findings:
        lines += [
            "",
            f"  ⚑ **{finding.severity.value.upper()}** {ev.human_kind(finding.kind.value)}: "
            f"{escape_markdown(_one_line(finding.message))}",
        ]
    return lines + [""]


def _version_section(number: int, version: VersionComparison, base: Article) -> list[str]:
    by_row = ev.findings_by_row(version)
    changed = [p for p, row in enumerate(version.rows) if ev.is_changed(row) or p in by_row]
    style_only = [p for p, row in enumerate(version.rows) if ev.is_style_only(row) and p not in by_row]
    same = len(version.rows) - len(changed) - len(style_only)
    lines = [
        f"## {number}. {escape_markdown(version.article.name)}: what changed",
        "",
        f"{len(changed)} of {len(version.rows)} rows changed; {same} same as the wire and {len(style_only)} changed "
        "only in typography or house style (not repeated here). "
        "Inline: [-deleted-]{+inserted+}; **bold** marks a changed fact (number, name, date, negation).",
        "",
    ]
    if style_only:
        places = "; ".join(ev.row_where(version.rows[p]) for p in style_only)
        lines += [f"Paragraphs changed only in typography or house style: {places}.", ""]
    lines += _noise_lines(version)
    for position in changed:
        lines += _row_lines(number, position, version.rows[position], version, base, by_row.get(position, []))
    return lines


def render_markdown(comparison: Comparison) -> str:
    lines = _header(comparison) + _scorecard(comparison) + _findings(comparison) + _spine(comparison)
    for number, version in enumerate(comparison.versions, 1):
        lines += _version_section(number, version, comparison.base)
    lines.append(f"---\nreader {ev.reader_version()} · {ev.created_at_text(comparison)}")
    return "\n".join(lines).rstrip() + "\n"
