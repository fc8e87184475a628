"""The Markdown report: the same evidence as the HTML one, readable as plain text, article text kept inert."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from markdown_it import MarkdownIt

from reader import __version__
from reader.report.html_report import render_html
from reader.report.markdown_report import escape_markdown, render_markdown
from tests.report_helpers import hostile_comparison, samples_with_findings


def to_html(markdown: str) -> str:
    """How a mail client or a forge would show the report (CommonMark with tables and strikethrough)."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


@pytest.fixture(scope="module")
def sample():
    comparison = samples_with_findings()
    return comparison, render_markdown(comparison)


def _section(text: str, start: str, end: str | None = None) -> str:
    tail = text[text.index(start) :]
    return tail[: tail.index(end)] if end else tail


def test_header_names_files_hashes_time_and_version(sample):
    comparison, text = sample
    header = text[: text.index("## Scorecard")]
    for article in [comparison.base, *(v.article for v in comparison.versions)]:
        assert article.path in header and article.sha256 in header
    assert comparison.created_at[:10] in header and f"reader {__version__}" in header


def test_scorecard_per_version(sample):
    comparison, text = sample
    scorecard = _section(text, "## Scorecard", "## Findings")
    for number, version in enumerate(comparison.versions, 1):
        assert f"**{number}. {version.article.name}**" in scorecard
    assert scorecard.count("Share of the wire kept: ") == len(comparison.versions)
    assert f"Share of the wire kept: {comparison.versions[3].stats['base_kept']:.0%}" in scorecard


def test_findings_severity_first_with_their_rows(sample):
    comparison, text = sample
    findings = _section(text, "## Findings", "\n## 1. ")
    ranks = {"MAJOR": 2, "MINOR": 1, "INFO": 0}
    for number, version in enumerate(comparison.versions, 1):
        block = _section(findings, f"### {number}. ", f"### {number + 1}. " if number < 4 else None)
        severities = [ranks[s] for s in re.findall(r"^- \*\*(MAJOR|MINOR|INFO)\*\*", block, re.M)]
        assert len(severities) == len(version.findings)
        assert severities == sorted(severities, reverse=True)
    assert re.search(r"- \*\*MAJOR\*\* quote altered \(wire ¶7 → ¶7\): words changed: 'a fair offer'", findings)


def test_changed_words_inline(sample):
    _, text = sample
    version4 = _section(text, "\n## 4. 04-quotes-altered.txt: what changed")
    assert "[-fair-]{+generous+}" in version4
    assert "{+(Nov 25)+}" in version4
    assert "[-Ruth Okonjo-]{+Peter Lang+}" in version4
    # punctuation inside a quote a finding is about is shown; a change of quote-mark style never is
    assert "spoken[-,-] and" in version4
    assert "{+\"+}" not in version4 and "{+'+}" not in version4


def test_style_only_changes_are_summarised_not_marked(sample):
    _, text = sample
    version1 = _section(text, "\n## 1. 01-reprint-trimmed.txt", "\n## 2. ")
    assert "per cent → percent (style)" in version1
    assert "[-per cent-]" not in version1 and "[-harbour-]" not in version1
    assert "Paragraphs changed only in typography or house style: wire ¶" in version1
    assert "**[-, Nov 21 (Meridian) --]{+:+}**" in version1, "the dropped credit is a bold (fact) change"


def test_moves_splits_merges_and_cuts_are_named(sample):
    _, text = sample
    version2 = _section(text, "\n## 2. 02-reprint-earlier-writethrough.txt: what changed", "\n## 3. ")
    assert re.search(r"\*\*moved: wire ¶20 is ¶6 here\*\*", version2)
    assert re.search(r"\*\*split: wire ¶16 became ¶16–17\*\*", version2)
    assert re.search(r"\*\*merged: wire ¶13–14 became ¶14\*\*", version2)
    assert "> [-About 78 per cent of members" in version2


def test_renders_as_markdown_with_the_right_structure(sample):
    _, text = sample
    html = to_html(text)
    assert "<del>" not in html, "no accidental strikethrough"
    assert "<a " not in html, "no links"
    assert html.count("<h2>") == 4 + 4, "files, scorecard, findings, the wire spine, one per version"


def test_hostile_text_cannot_inject_links_html_or_headings():
    text = render_markdown(hostile_comparison())
    html = to_html(text)
    for tag in ("<script", "<img", "<u>", "<i>", "<a ", "<h1>FAKE", "<code>code", "<strong>bold</strong> <code>"):
        assert tag not in html, tag
    assert html.count("<h1>") == 1
    # and the text is still there for a reader
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "# Added heading **bold** `code` | pipe | and &gt; quote" in html
    assert "[link](https://evil.example) &lt;https://x.example&gt; ![img](http://x/y.png)" in html


def test_escape_keeps_plain_text_readable():
    assert escape_markdown("78 per cent -> 80, says U.S. official") == "78 per cent -> 80, says U.S. official"
    assert escape_markdown("# not a heading") == "\\# not a heading"
    assert escape_markdown("- not a list", line_start=False) == "- not a list"
    assert escape_markdown("a *b* [c](d) <e> `f` &amp;") == "a \\*b\\* \\[c\\](d) \\<e> \\`f\\` \\&amp;"


def test_partial_rows_quote_the_shared_passage():
    from dataclasses import replace

    from reader.model import Row, RowKind

    comparison = hostile_comparison()
    version = comparison.versions[0]
    base_text = comparison.base.paragraphs[4].text  # "Unchanged closing paragraph about the port."
    start = base_text.index("closing")
    end = start + len("closing paragraph")
    partial = Row(RowKind.PARTIAL, (4,), (4,), 0.4, (), ((start, end, start, end),))
    rows = tuple(partial if r.base == (4,) else r for r in version.rows)
    text = render_markdown(replace(comparison, versions=(replace(version, rows=rows),)))
    assert "partial: ¶5 shares only some text with wire ¶5" in text
    assert "Shared with the wire: “closing paragraph”" in text


def test_wire_spine_table_says_what_each_version_did(sample):
    comparison, text = sample
    spine = _section(text, "## The wire, paragraph by paragraph", "\n## 1. ")
    line = next(l for l in spine.splitlines() if l.startswith("| ¶20 |"))
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert cells[2:] == ["cut", "moved ¶6", "cut", "same ¶20", "2 of 4"]
    html = to_html(spine)
    assert html.count("<tr>") == len(comparison.base.paragraphs) + 1


def test_hostile_text_cannot_break_the_spine_table():
    comparison = hostile_comparison()
    html = to_html(render_markdown(comparison))
    table = html[html.index("<table>") : html.index("</table>")]
    for row in table.split("<tr>")[1:]:
        assert row.count("<td") in (0, 2 + len(comparison.versions) + 1), row
    assert "The | table ended &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;FAKE" in table


def test_publication_dates_stated_by_wire_xml_are_named_with_the_files():
    comparison = samples_with_findings()
    base = replace(comparison.base, published="2026-11-21T18:30:00Z <b>")
    dated = replace(comparison, base=base)
    assert "Published: 2026-11-21T18:30:00Z \\<b>" in render_markdown(dated)  # escaped: no HTML tag
    assert "published 2026-11-21T18:30:00Z &lt;b&gt;" in render_html(dated)
    assert "Published:" not in render_markdown(comparison)  # plain text files state no date


# Markdown viewers that render raw HTML (many do): nothing from an article may become a tag.
RAW_HTML = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# Every tag the report itself produces; anything else in the rendered HTML came from an article.
REPORT_TAGS = re.compile(
    r'</?(?:h[1-6]|p|ul|ol|li|strong|em|code|blockquote|table|thead|tbody|tr|th|td|del)(?: style="text-align:\w+")?>|<hr />'
)


def _article(path: str, texts: list[str], **metadata):
    import hashlib

    from reader.model import Article, Paragraph, ParagraphKind

    paragraphs = tuple(Paragraph(i, t, ParagraphKind.BODY) for i, t in enumerate(texts))
    return Article(path=path, paragraphs=paragraphs, sha256=hashlib.sha256("\n".join(texts).encode()).hexdigest(), **metadata)


def _assert_no_tag_from_the_articles(html: str) -> None:
    foreign = [tag for tag in re.findall(r"<[^>]*>", html) if not REPORT_TAGS.fullmatch(tag)]
    assert foreign == [], foreign
    assert "<script" not in html and "<img" not in html and "<a " not in html


def test_raw_html_in_every_field_renders_as_text_with_raw_html_allowed():
    from reader.comparison import compare
    from reader.model import Finding, FindingKind, Severity

    script, image, link = "<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "<a href=javascript:alert(3)>x</a>"
    texts = [f"Officials said {script} was found.", f"A photo {image} showed cranes.", f"Click {link} now.", "The port was calm."]
    base = _article(f"wire{script}.txt", texts, headline=f"Head {script}", byline=f"By {image}", credit=f"{link} News",
                    published=f"2026 {script}")
    other = _article(f"reprint{image}.txt", [t.replace("said", "stated") for t in texts] + [f"{script}{image}{link}"])
    comparison = compare(base, [other])
    finding = Finding(FindingKind.QUOTE_ALTERED, Severity.MAJOR, (0,), (0,), script, image, f"changed: {link}")
    comparison = replace(comparison, versions=(replace(comparison.versions[0], findings=(finding,)),),
                         profile_name=f"desk {script}")
    html = RAW_HTML.render(render_markdown(comparison))
    _assert_no_tag_from_the_articles(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # still there for a reader, as text
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in html
    assert "&lt;a href=javascript:alert(3)&gt;x&lt;/a&gt;" in html


def test_a_deletion_mark_next_to_a_parenthesis_or_colon_is_no_link():
    """"[-old-]" is the one bracket pair the report leaves unescaped; the text after it must not complete a
    link ``[-old-](url)``, an image ``![-old-](url)`` or a link definition ``[-old-]: url``."""
    from reader.comparison import compare

    base = _article("w.txt", [
        "Look!old(http://evil.example/x) today and the strike went on.",
        'bad: http://evil.example/y "title"',
        "The port said bad and the rest of it stays the same.",
        "The fourth paragraph stays as it was.",
    ])
    other = _article("o.txt", [
        "Look!(http://evil.example/x) today and the strike went on.",
        ': http://evil.example/y "title"',
        "The port said and the rest of it stays the same.",
        "The fourth paragraph stays as it was.",
    ])
    text = render_markdown(compare(base, [other]))
    assert "[-old-]" in text and "[-bad-]" in text, "the deletions are marked"
    html = RAW_HTML.render(text)
    _assert_no_tag_from_the_articles(html)
    assert "Look![-old-](http://evil.example/x) today" in html
    assert "[-bad-]: http://evil.example/y" in html


def test_file_names_in_the_report_are_valid_utf8_and_inert(tmp_path):
    from reader.loading.sources import load_sources

    name = "caf\udce9 \x1b[31m\u202eevil\n.txt"  # a byte that is not UTF-8, an escape sequence, a bidi override
    paths = []
    for file_name, text in ((name, "The strike went on today, officials said.\n\nThe port was calm.\n"),
                            ("other.txt", "The strike went on today, officials stated.\n\nThe port was calm.\n")):
        path = tmp_path / file_name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    from reader.comparison import compare

    articles = load_sources(paths)
    text = render_markdown(compare(articles[0], articles[1:]))
    text.encode("utf-8")  # strict: no lone surrogate left to become a raw byte
    assert "caf\\xe9 \u241b[31m\u27e8U+202E\u27e9evil\u240a.txt" in text
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]", text)
