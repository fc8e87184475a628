"""The HTML report: self-contained, complete evidence, hostile article text rendered as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from reader.report.html_report import render_html
from tests.report_helpers import HOSTILE, hostile_comparison, samples_with_findings

VOID = {"meta", "br", "col", "img", "input", "link", "hr", "wbr", "source"}


class Page(HTMLParser):
    """Collects elements, attributes and text, and checks that every element is closed in order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.problems: list[str] = []
        self.text_parts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if "id" in a}

    def named(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]


@pytest.fixture(scope="module")
def sample():
    comparison = samples_with_findings()
    html = render_html(comparison)
    return comparison, html, Page(html)


def test_markup_is_well_formed(sample):
    _, _, page = sample
    assert page.problems == [] and page.stack == []


def test_self_contained_no_scripts_no_requests(sample):
    _, html, page = sample
    assert not page.named("script") and not page.named("link") and not page.named("img")
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs["href"]
    style = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    assert "url(" not in style and "@import" not in style
    assert "@media print" in style


def test_every_internal_link_has_a_target(sample):
    _, _, page = sample
    ids = page.ids()
    targets = {a["href"][1:] for a in page.named("a")}
    assert targets and targets <= ids


def test_header_names_files_hashes_time_and_version(sample):
    comparison, _, page = sample
    from reader import __version__

    for article in [comparison.base, *(v.article for v in comparison.versions)]:
        assert article.path in page.text
        assert len(article.sha256) == 64 and article.sha256 in page.text
    assert comparison.created_at[:10] in page.text
    assert f"reader {__version__}" in page.text


def test_scorecard_per_version(sample):
    comparison, html, page = sample
    scorecard = html[html.index('id="scorecard"') : html.index('id="findings"')]
    for version in comparison.versions:
        assert version.article.name in scorecard
        assert f"{version.stats['base_kept']:.0%}" in scorecard
    assert scorecard.count("<tr>") == len(comparison.versions) + 1


def _finding_lines(html: str, number: int) -> list[tuple[str, str]]:
    """(severity, row link) of each line of version ``number``'s findings table, in order."""
    return re.findall(
        rf'<tr id="v{number}-finding\d+" class="finding-line (\w+)">.*?href="#(v{number}-row\d+)"', html
    )


def test_findings_are_listed_severity_first_and_link_to_their_rows(sample):
    comparison, html, page = sample
    ranks = {"major": 2, "minor": 1, "info": 0}
    for number, version in enumerate(comparison.versions, 1):
        lines = _finding_lines(html, number)
        assert len(lines) == len(version.findings)
        severities = [ranks[s] for s, _ in lines]
        assert severities == sorted(severities, reverse=True)
        for _, row_anchor in lines:
            assert row_anchor in page.ids()
    # The finding about the changed quote points at the row that shows "fair" struck and "generous" inserted.
    fair = next(f for f in comparison.versions[3].findings if "generous" in f.message)
    position = comparison.versions[3].findings.index(fair) + 1
    anchor = re.search(rf'id="v4-finding{position}".*?href="#(v4-row\d+)"', html).group(1)
    row_html = html[html.index(f'id="{anchor}"') :].split("</tbody>", 1)[0]
    assert "<del>fair</del>" in row_html and "<ins>generous</ins>" in row_html
    assert "quote altered" in row_html and "major" in row_html


def test_side_by_side_marks_changes_moves_splits_and_merges(sample):
    _, html, _ = sample
    version2 = html[html.index('id="v2"') : html.index('id="v3"')]
    for label in ("moved", "split", "merged", "cut", "added"):
        assert f'class="badge {label if label not in ("cut", "added") else {"cut": "deleted", "added": "inserted"}[label]}' in version2
        assert f">{label}</span>" in version2
    assert "— cut from this version —" in version2 and "— not in the wire —" in version2
    version1 = html[html.index('id="v1"') : html.index('id="v2"')]
    # house style is dimmed, not shown as a substantive change; the dropped agency credit is a real deletion
    assert re.search(r'<ins class="noise">[^<]*percent', version1)
    assert re.search(r"<del( class=\"fact\")?>[^<]*Meridian", version1)
    assert ">style only</span>" in version1


def test_fact_changes_are_emphasised(sample):
    comparison, html, _ = sample
    facts = [s for v in comparison.versions for r in v.rows for s in r.changes if s.fact and s.other_text.strip()]
    assert facts, "the samples change some facts"
    assert html.count('<ins class="fact">') >= 1


def test_non_colour_cues_in_the_stylesheet(sample):
    _, html, _ = sample
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert re.search(r"\bins \{[^}]*text-decoration: underline", style)
    assert re.search(r"\bdel \{[^}]*text-decoration: line-through", style)
    assert re.search(r"mark\.finding \{[^}]*border: 1px solid", style)


def test_hostile_article_text_renders_as_text():
    comparison = hostile_comparison()
    html = render_html(comparison)
    page = Page(html)
    assert page.problems == [] and page.stack == []
    for tag in ("script", "img", "u", "b", "i"):
        assert not page.named(tag), f"article text produced a <{tag}> element"
    assert len(page.named("h1")) == 1, "only the report's own title is a heading 1"
    for text in HOSTILE:
        assert text in page.text
    assert 'alert("x")' in page.text and "The | table ended </td></tr></table><h1>FAKE</h1>" in page.text
    assert "<i>changed</i>" in page.text, "finding texts are escaped too"
    assert 'wire<b>.txt' in page.text and "reprint\"'&.txt" in page.text, "file names are escaped too"
    # the table structure survives: each aligned row has its label cell and two sides
    aligned = html[html.index('<table class="aligned">') :]
    for body in re.findall(r"<tbody id=.*?</tbody>", aligned, re.S):
        first_row = body.split("</tr>", 1)[0]
        assert first_row.count("<td") == 3


def test_finding_spans_are_highlighted_inside_the_text():
    html = render_html(hostile_comparison())
    assert '<mark class="finding">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; wa</mark>' in html


def test_punctuation_a_finding_is_about_is_not_dimmed(sample):
    _, html, _ = sample
    version4 = html[html.index('id="v4"') :]
    row = next(body for body in re.findall(r"<tbody id=.*?</tbody>", version4, re.S) if "punctuation only" in body)
    assert "<del>,</del>" in row, "the comma dropped from the quote is a plain deletion, not grey noise"


def test_partial_rows_underline_the_shared_passage_on_both_sides():
    from dataclasses import replace

    from reader.model import Row, RowKind

    comparison = hostile_comparison()
    version = comparison.versions[0]
    base_text = comparison.base.paragraphs[4].text
    start = base_text.index("closing")
    end = start + len("closing paragraph")
    partial = Row(RowKind.PARTIAL, (4,), (4,), 0.4, (), ((start, end, start, end),))
    rows = tuple(partial if r.base == (4,) else r for r in version.rows)
    html = render_html(replace(comparison, versions=(replace(version, rows=rows),)))
    assert html.count('<span class="shared">closing paragraph</span>') == 2
    assert '<span class="badge partial">partial</span>' in html


def test_wire_spine_links_every_paragraph_to_its_row(sample):
    comparison, html, _ = sample
    spine = html[html.index('id="spine"') : html.index('id="v1"')]
    rows = re.findall(r"<tr><td class=\"num\">¶(\d+)</td>(.*?)</tr>", spine, re.S)
    assert [int(n) for n, _ in rows] == list(range(1, len(comparison.base.paragraphs) + 1))
    wire20 = dict(rows)["20"]
    assert re.search(r'<td class="fate moved"><a href="#v2-row\d+">moved ¶6</a></td>', wire20)
    assert re.search(r'<td class="fate cut"><a href="#v1-row\d+">cut</a></td>', wire20) and "2 of 4" in wire20


def test_quiet_rows_can_be_hidden_without_script(sample):
    comparison, html, page = sample
    assert page.named("input") == [{"type": "checkbox", "id": "only-changes", "class": "toggle"}]
    assert "#only-changes:checked ~ section.version tbody.quiet { display: none; }" in html
    assert html.index('id="only-changes"') < html.index('id="v1"'), "the switch precedes the sections it controls"
    version1 = html[html.index('id="v1"') : html.index('id="v2"')]
    quiet = re.findall(r'<tbody id="v1-row\d+" class="([^"]*quiet[^"]*)"', version1)
    assert quiet and all("has-finding" not in q for q in quiet)
    assert all(("kind-equal" in q) or ("kind-edited" in q) for q in quiet)
    # a row a finding is about is never hidden, even when its diff is only punctuation
    version4 = html[html.index('id="v4"') :]
    assert not re.search(r'class="[^"]*has-finding[^"]*quiet', version4)


def test_split_rows_label_each_paragraph_and_keep_inner_line_breaks():
    from reader.comparison import diff_row
    from reader.model import Article, Comparison, Paragraph, Row, RowKind, VersionComparison
    from reader.settings.profile import default_profile

    # The wire paragraph holds a line break of its own; the version split it into two paragraphs.
    base = Article("wire.txt", (Paragraph(0, "Ships wait offshore.\nLines divert cargo south, officials said."),))
    other = Article(
        "version.txt",
        (Paragraph(0, "Ships wait offshore."), Paragraph(1, "Lines divert cargo south, officials said.")),
    )
    row = diff_row(Row(RowKind.SPLIT, (0,), (0, 1), 0.9), base, other, default_profile())
    html = render_html(Comparison(base, (VersionComparison(other, (row,)),)))
    body = html[html.index('id="v1-row1"') :].split("</tbody>", 1)[0]
    base_cell, other_cell = re.findall(r'<td class="side">(.*?)</td>', body, re.S)
    assert re.findall(r'<span class="pn">¶(\d+)</span>', base_cell) == ["1"]
    assert "<br>" in base_cell, "the wire's own line break is kept inside its one paragraph"
    assert re.findall(r'<span class="pn">¶(\d+)</span>', other_cell) == ["1", "2"]
    assert "<br>" not in other_cell


def test_row_labels_read_apart_in_a_text_browser_and_number_paragraphs_only():
    import html as html_module
    import re as re_module
    from pathlib import Path

    from reader.comparison import compare
    from reader.loading import load_article
    from reader.report import render

    folder = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"
    wire, *others = [load_article(str(p)) for p in sorted(folder.glob("0*.txt"))]
    page = render(compare(wire, others), "html")
    text = html_module.unescape(re_module.sub(r"<[^>]+>", "", page))  # what a text browser without CSS shows
    assert re_module.search(r"edited · wire ¶\d+ → ¶\d+", text)
    assert not re_module.search(r"\brow \d+\b", text)  # one numbering: paragraphs, never grid rows
