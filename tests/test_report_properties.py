"""Whatever the articles say, the reports stay well-formed and the article text stays text."""

from __future__ import annotations

import hashlib
import json

from hypothesis import HealthCheck, given, settings, strategies as st
from markdown_it import MarkdownIt

from reader.comparison import compare
from reader.model import Article, Comparison, Paragraph, ParagraphKind
from reader.report import render
from tests.test_report_html import Page

# Words mixing ordinary prose with everything HTML and Markdown could read as syntax.
WORDS = st.sampled_from(
    [
        "the", "strike", "said", "78", "per", "cent", "“quoted”", "'single'", "<b>", "</td>", "<script>",
        "&amp;", "&", "*", "_", "`", "[x](y)", "![i](j)", "#", ">", "-", "|", "{+", "-]", "\\", "~~",
        "<https://a.example>", "javascript:alert(1)", "é", "—", "…",
    ]
)
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)
PARAGRAPHS = st.lists(PARAGRAPH, min_size=1, max_size=6)


def _article(path: str, texts: list[str]) -> Article:
    paragraphs = tuple(Paragraph(i, t, ParagraphKind.BODY) for i, t in enumerate(texts))
    return Article(path, paragraphs, sha256=hashlib.sha256("\n\n".join(texts).encode()).hexdigest())


def _comparison(base: list[str], other: list[str]) -> Comparison:
    return compare(_article("wire.txt", base), [_article("version.txt", other)])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPHS, PARAGRAPHS)
def test_html_is_well_formed_and_holds_only_our_elements(base, other):
    html = render(_comparison(base, other), "html")
    page = Page(html)
    assert page.problems == [] and page.stack == []
    ours = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "time", "q", "table",
            "caption", "thead", "tbody", "tr", "th", "td", "span", "br", "code", "nav", "a", "ol", "li", "aside",
            "strong", "del", "ins", "section", "div", "colgroup", "col", "ul", "footer", "mark", "input", "label"}
    assert {tag for tag, _ in page.tags} <= ours
    assert all(a["href"].startswith("#") for a in page.named("a"))
    for text in base + other:
        for word in text.split():
            assert word in page.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPHS, PARAGRAPHS)
def test_markdown_never_turns_article_text_into_markup(base, other):
    text = render(_comparison(base, other), "markdown")
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)
    for forbidden in ("<a ", "<img", "<script", "<b>", "<del>", "<h4", "<h5", "<h6", "<code>[", "<pre"):
        assert forbidden not in html, forbidden


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPHS, PARAGRAPHS)
def test_json_round_trips_the_article_text(base, other):
    document = json.loads(render(_comparison(base, other), "json"))
    assert [p["text"] for p in document["base"]["paragraphs"]] == base
    assert [p["text"] for p in document["versions"][0]["paragraphs"]] == other
