"""One self-contained HTML file an editor can read in a browser or print: no scripts, no external requests.

Every piece of article text goes through ``html.escape``; markup is only ever built from our own constants.
Each change has a colour *and* a non-colour cue (underline, strike-through, bold, labels) so it prints in black
and white.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

from reader.inert import show_hidden
from reader.model import Article, Category, Comparison, Finding, Row, RowKind, Segment, VersionComparison
from reader.report import evidence as ev
from reader.report.html_style import STYLE


def _e(text: object) -> str:
    return escape(str(text), quote=True)


# ---------------------------------------------------------------- one side of a row, as marked-up pieces


@dataclass(frozen=True)
class _Piece:
    text: str
    tag: str = ""  # "", "del", "ins" or "shared"
    noise: bool = False
    fact: bool = False
    marked: bool = False  # inside a finding's highlighted span


def _segment_pieces(
    segments: tuple[Segment, ...], side: str, punctuation_matters: bool = False
) -> list[_Piece]:
    """Pieces of one side; in a row a finding is about, punctuation is shown as a real change (a comma in a quote)."""
    pieces = []
    for segment in segments:
        text = segment.base_text if side == "base" else segment.other_text
        if not text:
            continue
        if not segment.is_change:
            pieces.append(_Piece(text))
            continue
        noise = segment.category is not None and segment.category.is_noise
        if punctuation_matters and segment.category is Category.PUNCTUATION:
            noise = False
        pieces.append(_Piece(text, "del" if side == "base" else "ins", noise, segment.fact))
    return pieces


def _shared_pieces(text: str, spans: list[tuple[int, int]]) -> list[_Piece]:
    pieces, cursor = [], 0
    for start, end in sorted(spans):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        if start > cursor:
            pieces.append(_Piece(text[cursor:start]))
        pieces.append(_Piece(text[start:end], "shared"))
        cursor = end
    if cursor < len(text):
        pieces.append(_Piece(text[cursor:]))
    return pieces


def _joined_offsets(article: Article, indices: tuple[int, ...]) -> dict[int, int]:
    offsets, cursor = {}, 0
    for index in indices:
        offsets[index] = cursor
        cursor += len(article.paragraphs[index].text) + 1
    return offsets


def _finding_marks(
    findings: list[Finding], side: str, article: Article, indices: tuple[int, ...]
) -> list[tuple[int, int]]:
    offsets = _joined_offsets(article, indices)
    marks = []
    for finding in findings:
        for span in finding.base_spans if side == "base" else finding.other_spans:
            if span.paragraph in offsets and span.end > span.start:
                marks.append((offsets[span.paragraph] + span.start, offsets[span.paragraph] + span.end))
    return marks


def _apply_marks(pieces: list[_Piece], marks: list[tuple[int, int]]) -> list[_Piece]:
    if not marks:
        return pieces
    result, cursor = [], 0
    for piece in pieces:
        start, end = cursor, cursor + len(piece.text)
        cuts = sorted({start, end, *(p for m in marks for p in m if start < p < end)})
        for left, right in zip(cuts, cuts[1:]):
            inside = any(m_start <= left and right <= m_end for m_start, m_end in marks)
            result.append(
                _Piece(piece.text[left - start : right - start], piece.tag, piece.noise, piece.fact, inside)
            )
        cursor = end
    return result


def _piece_html(piece: _Piece) -> str:
    html = _e(show_hidden(piece.text)).replace("\n", "<br>")
    classes = " ".join(name for name, on in (("noise", piece.noise), ("fact", piece.fact)) if on)
    class_attr = f' class="{classes}"' if classes else ""
    if piece.tag in ("del", "ins"):
        return f"<{piece.tag}{class_attr}>{html}</{piece.tag}>"
    if piece.tag == "shared":
        return f'<span class="shared">{html}</span>'
    return html


def _run_html(pieces: list[_Piece]) -> str:
    """One paragraph's pieces; neighbouring pieces a finding is about share one highlight box."""
    out, marked_run = [], []
    for piece in [*pieces, None]:
        if piece is not None and piece.marked:
            marked_run.append(_piece_html(piece))
            continue
        if marked_run:
            out.append(f'<mark class="finding">{"".join(marked_run)}</mark>')
            marked_run = []
        if piece is not None:
            out.append(_piece_html(piece))
    return "".join(out)


def _paragraphs(pieces: list[_Piece], joints: set[int]) -> list[str]:
    """Cut the pieces at the joints between the paragraphs of a split or merged side (offsets of the joining
    newlines); a newline inside a paragraph stays a line break within it."""
    paragraphs: list[list[_Piece]] = [[]]
    cursor = 0
    for piece in pieces:
        start = 0
        for offset, char in enumerate(piece.text):
            if char == "\n" and cursor + offset in joints:
                if offset > start:
                    paragraphs[-1].append(replace(piece, text=piece.text[start:offset]))
                paragraphs.append([])
                start = offset + 1
        if start < len(piece.text):
            paragraphs[-1].append(replace(piece, text=piece.text[start:]))
        cursor += len(piece.text)
    return [_run_html(p) for p in paragraphs]


def _joints(article: Article, indices: tuple[int, ...]) -> set[int]:
    offsets = _joined_offsets(article, indices)
    return {offsets[i] - 1 for i in indices[1:]}


def _side_html(
    row: Row, side: str, article: Article, base: Article, other: Article, findings: list[Finding]
) -> str:
    indices = row.base if side == "base" else row.other
    if not indices:
        label = "not in the wire" if side == "base" else "cut from this version"
        return f'<td class="side gap"><span class="filler">— {label} —</span></td>'
    text = article.texts(indices)
    if row.kind is RowKind.PARTIAL and row.shared_spans:
        spans = [(s[0], s[1]) if side == "base" else (s[2], s[3]) for s in row.shared_spans]
        pieces = _shared_pieces(text, spans)
    elif row.has_both_sides and ev.segments_cover(row, base, other):
        pieces = _segment_pieces(row.segments, side, punctuation_matters=bool(findings))
    else:
        pieces = [_Piece(text)]
    pieces = _apply_marks(pieces, _finding_marks(findings, side, article, indices))
    paragraphs = _paragraphs(pieces, _joints(article, indices))
    blocks = []
    for position, html in enumerate(paragraphs):
        index = indices[position] if position < len(indices) else indices[-1]
        paragraph = article.paragraphs[index]
        kind = paragraph.kind
        kind_label = (
            f'<span class="pkind">{_e(kind.value)}</span> '
            if kind.is_metadata or kind.value == "subhead"
            else ""
        )
        css = "meta" if kind.is_metadata else kind.value
        blocks.append(f'<p class="{css}"><span class="pn">¶{index + 1}</span> {kind_label}{html}</p>')
    return f'<td class="side">{"".join(blocks)}</td>'


# ---------------------------------------------------------------- sections


def _header(comparison: Comparison) -> str:
    base = comparison.base
    count = len(comparison.versions)
    rows = []
    for line in ev.compared_files(comparison):
        article = line.article
        rows.append(
            "<tr>"
            f'<th scope="row">{_e(line.role)}</th>'
            f'<td><span class="path">{_e(article.path)}</span>'
            + (f'<br><span class="headline">{_e(article.headline)}</span>' if article.headline else "")
            + (
                f'<br><span class="published">published {_e(article.published)}</span>'
                if article.published
                else ""
            )
            + (f'<br><span class="repaired">{_e(note)}</span>' if (note := ev.repair_note(article)) else "")
            + "</td>"
            f"<td>{_e(article.byline or '—')}</td>"
            f"<td>{_e(ev.credit_text(article))}</td>"
            f"<td class=num>{len(article.paragraphs)}</td>"
            f'<td><code class="sha">{_e(article.sha256 or "not recorded")}</code></td>'
            "</tr>"
        )
    noun = "version" if count == 1 else "versions"
    return (
        "<header>"
        f"<h1>{count} {noun} compared with the wire story <span class=path>{_e(base.name)}</span></h1>"
        '<p class="meta-line">'
        f"Compared <time>{_e(ev.created_at_text(comparison))}</time> · reader {_e(ev.reader_version())} · "
        f"style profile <q>{_e(comparison.profile_name)}</q> · paragraph numbers (¶) count from 1"
        "</p>"
        '<table class="files"><caption>Files compared</caption>'
        "<thead><tr><th>role</th><th>file and headline</th><th>byline</th><th>agency credit</th>"
        "<th>paragraphs</th><th>SHA-256</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        "</header>"
    )


def _legend() -> str:
    return (
        '<aside class="legend" aria-label="How to read this report"><strong>How to read:</strong> '
        "<del>deleted from the wire</del> (struck through) · <ins>inserted by the version</ins> (underlined) · "
        '<ins class="fact">fact changed</ins> (bold: numbers, names, dates, negations) · '
        '<del class="noise">typography or house style</del> (grey, dotted) · '
        '<mark class="finding">text a finding is about</mark> (boxed) · '
        '<span class="shared">passage shared with the wire</span> (partial reuse) · '
        '<span class="badge">moved</span> labels say what happened to each row.'
        "</aside>"
    )


def _bar(value) -> str:
    try:
        width = max(0.0, min(1.0, float(value))) * 100
    except (TypeError, ValueError):
        return "—"
    return f'<span class="bar" aria-hidden="true"><span style="width:{width:.0f}%"></span></span> {ev.share(value)}'


def _scorecard(comparison: Comparison) -> str:
    rows = []
    for number, version in enumerate(comparison.versions, 1):
        s = version.stats
        counts = ev.severity_counts(version.findings)
        findings = " ".join(
            f'<span class="sev {sev.value}">{counts[sev]} {sev.value}</span>'
            for sev in ev.SEVERITY_ORDER
            if counts[sev]
        )
        rows.append(
            "<tr>"
            f'<th scope="row"><a href="#{ev.version_anchor(number)}">{number}. {_e(version.article.name)}</a></th>'
            f"<td>{_bar(s.get('base_kept'))}</td>"
            f"<td>{_bar(s.get('taken_from_base'))}</td>"
            f"<td>{_e(ev.paragraph_summary(s, version, comparison.base))}</td>"
            f"<td class=num>{_e(ev.stat(s, 'substantive'))} <span class=muted>({_e(ev.stat(s, 'facts'))} facts)</span></td>"
            f"<td>{_e(ev.credit_text(version.article, version))}</td>"
            f"<td>{findings or 'none'}</td>"
            "</tr>"
        )
    return (
        '<section id="scorecard"><h2>Scorecard</h2>'
        '<table class="scorecard"><thead><tr><th>version</th><th>share of the wire kept</th>'
        "<th>share of the version taken from the wire</th><th>paragraphs</th><th>substantive word changes</th>"
        "<th>agency credit</th><th>findings</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _quote_block(label: str, text: str | None) -> str:
    if text is None:
        return ""
    return f'<div class="evidence"><span class="who">{_e(label)}</span> <q>{_e(show_hidden(text))}</q></div>'


def _findings_section(comparison: Comparison) -> str:
    parts = ['<section id="findings"><h2>Findings</h2>']
    if not any(v.findings for v in comparison.versions):
        parts.append("<p>No quote, attribution or credit changes were found.</p>")
    for number, version in enumerate(comparison.versions, 1):
        parts.append(
            f"<h3>{number}. {_e(version.article.name)} "
            f'<span class="muted">— {_e(ev.severity_summary(version.findings))}</span></h3>'
        )
        if not version.findings:
            continue
        items = []
        for position, finding in ev.sorted_findings(version):
            row = version.row_of(finding)
            place = _e(f"wire {ev.paragraph_numbers(finding.base)} → {ev.paragraph_numbers(finding.other)}")
            where = f'<a href="#{ev.row_anchor(number, row)}">{place}</a>' if row is not None else place
            items.append(
                f'<tr id="{ev.finding_anchor(number, position)}" class="finding-line {finding.severity.value}">'
                f'<td><span class="sev {finding.severity.value}">{_e(finding.severity.value)}</span></td>'
                f"<td>{_e(ev.human_kind(finding.kind.value))}</td>"
                f"<td class=where>{where}</td>"
                f"<td>{_e(finding.message)}"
                f"{_quote_block('wire:', finding.base_text)}{_quote_block('version:', finding.other_text)}</td>"
                "</tr>"
            )
        parts.append(
            '<table class="findings"><thead><tr><th>severity</th><th>what</th><th>where</th><th>details</th></tr>'
            f"</thead><tbody>{''.join(items)}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def _spine_section(comparison: Comparison) -> str:
    count = len(comparison.versions)
    heads = "".join(
        f'<th><a class="name" href="#{ev.version_anchor(n)}">{n}. {_e(v.article.name)}</a></th>'
        for n, v in enumerate(comparison.versions, 1)
    )
    lines = []
    for line in ev.wire_spine(comparison):
        paragraph = comparison.base.paragraphs[line.index]
        cells = []
        for number, cell in enumerate(line.cells, 1):
            css = cell.label.replace(" ", "-")
            text = f"{_e(cell.label)} {_e(cell.where)}".strip()
            if cell.row is not None:
                text = f'<a href="#{ev.row_anchor(number, cell.row)}">{text}</a>'
            cells.append(f'<td class="fate {css}">{text}</td>')
        kind = f'<span class="pkind">{_e(paragraph.kind.value)}</span> ' if paragraph.kind.is_metadata else ""
        lines.append(
            f'<tr><td class="num">¶{line.index + 1}</td><td class="excerpt">{kind}{_e(ev.excerpt(paragraph.text))}</td>'
            f'{"".join(cells)}<td class="num">{line.kept_by} of {count}</td></tr>'
        )
    return (
        '<section id="spine"><h2>The wire, paragraph by paragraph</h2>'
        "<p class=muted>What each version did with every paragraph of the wire story; each entry links to its row.</p>"
        f'<table class="spine"><thead><tr><th>¶</th><th>wire paragraph</th>{heads}<th>kept by</th></tr></thead>'
        f"<tbody>{''.join(lines)}</tbody></table></section>"
    )


_SEPARATOR = '<span class="sep"> · </span>'


def _row_html(
    number: int, position: int, row: Row, version: VersionComparison, base: Article, row_findings
) -> str:
    other = version.article
    findings = [finding for _, finding in row_findings]
    label = ev.row_label(row, bool(findings))
    classes = f"row kind-{row.kind.value}" + (" has-finding" if findings else "")
    if not findings and not ev.is_changed(row):
        classes += " quiet"  # same as the wire, or changed only in style: hidden by "only changed rows"
    anchor = ev.row_anchor(number, position)
    notes = ""
    if row_findings:
        lines = "".join(
            f'<li><span class="sev {f.severity.value}">{_e(f.severity.value)}</span> '
            f"<strong>{_e(ev.human_kind(f.kind.value))}</strong> — {_e(f.message)} "
            f'<a class="back" href="#{ev.finding_anchor(number, p)}">↑ findings</a></li>'
            for p, f in row_findings
        )
        notes = f'<tr class="notes"><td></td><td colspan="2"><ul>{lines}</ul></td></tr>'
    noise = ev.noise_changes(row)
    noise_note = (
        f'<span class="noise-count">{len(noise)} typography/style change{"s" if len(noise) != 1 else ""}</span>'
        if noise
        else ""
    )
    return (
        f'<tbody id="{anchor}" class="{classes}"><tr>'
        f'<td class="label">'
        f'<span class="badge {row.kind.value}{" style" if ev.is_style_only(row) and not findings else ""}">{_e(label)}</span>'
        # The separators show where CSS does not (a text browser): "style only · wire ¶12 → ¶86 · ...".
        f'{_SEPARATOR}<a href="#{anchor}" class="caption">{_e(ev.row_where(row))}</a>'
        + (
            f'{_SEPARATOR}<span class="flag">⚑ {len(findings)} finding{"s" if len(findings) != 1 else ""}</span>'
            if findings
            else ""
        )
        + (_SEPARATOR + noise_note if noise_note else "")
        + "</td>"
        + _side_html(row, "base", base, base, other, findings)
        + _side_html(row, "other", other, base, other, findings)
        + f"</tr>{notes}</tbody>"
    )


def _version_section(number: int, version: VersionComparison, base: Article) -> str:
    s = version.stats
    by_row = ev.findings_by_row(version)
    rows = "".join(
        _row_html(number, position, row, version, base, by_row.get(position, []))
        for position, row in enumerate(version.rows)
    )
    return (
        f'<section class="version" id="{ev.version_anchor(number)}">'
        f"<h2>{number}. {_e(version.article.name)} <span class=muted>beside the wire</span></h2>"
        f'<p class="summary">{_e(ev.relation_text(version).capitalize())} · wire kept {_e(ev.share(s.get("base_kept")))} · taken from the wire '
        f"{_e(ev.share(s.get('taken_from_base')))} · paragraphs: {_e(ev.paragraph_summary(s, version, base))} · "
        f"findings: {_e(ev.severity_summary(version.findings))}</p>"
        '<table class="aligned"><colgroup><col class="c-label"><col class="c-side"><col class="c-side"></colgroup>'
        f'<thead><tr><th>row</th><th>wire: <span class="name">{_e(base.name)}</span></th>'
        f'<th>version: <span class="name">{_e(version.article.name)}</span></th></tr></thead>'
        f"{rows}</table></section>"
    )


def _contents(comparison: Comparison) -> str:
    links = "".join(
        f'<li><a href="#{ev.version_anchor(n)}">{n}. {_e(v.article.name)}</a></li>'
        for n, v in enumerate(comparison.versions, 1)
    )
    return (
        '<nav aria-label="Contents"><a href="#scorecard">Scorecard</a> · <a href="#findings">Findings</a> · '
        '<a href="#spine">The wire, paragraph by paragraph</a> · '
        f"Side by side: <ol>{links}</ol></nav>"
    )


def render_html(comparison: Comparison) -> str:
    base = comparison.base
    body = "".join(
        [
            _header(comparison),
            _contents(comparison),
            _scorecard(comparison),
            _findings_section(comparison),
            _spine_section(comparison),
            _legend(),
            # A checkbox and CSS alone (no script) hide the quiet rows; it sits before the sections it controls.
            '<input type="checkbox" id="only-changes" class="toggle">'
            '<label for="only-changes" class="toggle">Show only rows with changes or findings</label>',
            *(_version_section(n, v, base) for n, v in enumerate(comparison.versions, 1)),
            f"<footer>reader {_e(ev.reader_version())} · {_e(ev.created_at_text(comparison))}</footer>",
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # No scripts and no requests, even if some text slipped through unescaped.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>reader: {_e(base.name)} and {len(comparison.versions)} version(s)</title>"
        f"<style>{STYLE}</style></head>\n<body>{body}</body></html>\n"
    )
