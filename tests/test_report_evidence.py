"""What both reports compute: paragraph numbers for people, where a finding sits, severity order, style-only rows."""

from __future__ import annotations

from reader.model import (
    Category,
    Finding,
    FindingKind,
    Op,
    Row,
    RowKind,
    Segment,
    Severity,
    VersionComparison,
    Article,
)
from reader.report import evidence as ev, format_for_output


def _finding(severity: Severity, base=(), other=(), kind=FindingKind.QUOTE_ALTERED) -> Finding:
    return Finding(kind, severity, tuple(base), tuple(other), None, None, f"{severity.value} finding")


def test_paragraph_numbers_count_from_one():
    assert ev.paragraph_numbers((0,)) == "¶1"
    assert ev.paragraph_numbers((12, 13)) == "¶13–14"
    assert ev.paragraph_numbers((1, 5)) == "¶2, ¶6"
    assert ev.paragraph_numbers(()) == "—"


def test_finding_sits_on_the_row_holding_both_of_its_sides():
    rows = (
        Row(RowKind.DELETED, (3,), ()),
        Row(RowKind.INSERTED, (), (3,)),
        Row(RowKind.MOVED, (3,), (7,)),
        Row(RowKind.SPLIT, (5,), (8, 9)),
    )
    version = VersionComparison(Article("v.txt", ()), rows)
    assert version.row_of(_finding(Severity.MAJOR, (3,), (7,))) == 2
    assert version.row_of(_finding(Severity.MAJOR, (5,), (9,))) == 3
    assert version.row_of(_finding(Severity.INFO, (), (3,))) == 1
    assert version.row_of(_finding(Severity.INFO, (40,), ())) is None


def test_findings_sorted_severity_first_then_reading_order():
    findings = (
        _finding(Severity.INFO, (1,), (1,)),
        _finding(Severity.MAJOR, (9,), (9,)),
        _finding(Severity.MINOR, (2,), (2,)),
        _finding(Severity.MAJOR, (4,), (4,)),
    )
    version = VersionComparison(Article("v.txt", ()), (), findings)
    order = [position for position, _ in ev.sorted_findings(version)]
    assert order == [3, 1, 2, 0]
    assert ev.severity_summary(findings) == "2 major, 1 minor, 1 info"
    assert ev.severity_summary(()) == "none"


def test_style_only_rows_and_noise_summary():
    style = Row(
        RowKind.EDITED,
        (0,),
        (0,),
        segments=(
            Segment(Op.EQUAL, "About 78 ", "About 78 "),
            Segment(Op.REPLACE, "per cent", "percent", Category.STYLE),
            Segment(Op.EQUAL, " backed it", " backed it"),
        ),
    )
    real = Row(
        RowKind.EDITED,
        (1,),
        (1,),
        segments=(
            Segment(Op.REPLACE, "per cent", "percent", Category.STYLE),
            Segment(Op.REPLACE, "fair", "generous", Category.SUBSTANTIVE),
        ),
    )
    assert ev.is_style_only(style) and not ev.is_changed(style)
    assert not ev.is_style_only(real) and ev.is_changed(real)
    assert ev.row_label(style) == "style only" and ev.row_label(style, has_findings=True) == "edited"
    version = VersionComparison(Article("v.txt", ()), (style, real))
    assert ev.noise_summary(version) == [("per cent", "percent", "style", 2)]


def test_noise_text_names_invisible_changes():
    assert ev.noise_text("\n") == "paragraph break"
    assert ev.noise_text(" ") == "space"
    assert ev.noise_text("") == "nothing"


def test_format_follows_file_name():
    assert format_for_output("Report.HTML") == "html"
    assert format_for_output("notes.md") == "markdown"
    assert format_for_output("out.json") == "json"
    assert format_for_output("out.txt") == "json" and format_for_output(None) == "json"


def test_the_app_the_reports_and_the_comparison_walk_findings_in_one_order():
    from pathlib import Path

    from reader.comparison import compare
    from reader.loading import load_article
    from reader.report.json_report import render_json
    import json

    folder = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"
    wire, *others = [load_article(str(p)) for p in sorted(folder.glob("0*.txt"))]
    comparison = compare(wire, others)
    report = json.loads(render_json(comparison))
    for version, reported in zip(comparison.versions, report["versions"]):
        stored = list(version.findings)
        assert [f for _, f in ev.sorted_findings(version)] == stored  # Markdown and HTML lists
        assert [f["message"] for f in reported["findings"]] == [f.message for f in stored]  # JSON
        assert stored == sorted(stored, key=lambda f: f.order)  # the app's f / F walk them as stored


def test_the_wire_header_and_the_spine_count_kept_by_every_version_alike():
    from pathlib import Path

    from reader.comparison import compare
    from reader.loading import load_article

    folder = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"
    wire, *others = [load_article(str(p)) for p in sorted(folder.glob("0*.txt"))]
    comparison = compare(wire, others)
    spine_full = sum(1 for line in ev.wire_spine(comparison) if line.kept_by == len(comparison.versions))
    assert ev.kept_by_every_version(comparison) == spine_full == 0  # the rewrite keeps no paragraph whole
