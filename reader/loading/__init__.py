"""Load an article from a file, standard input or a URL into an ``Article`` of typed paragraphs.

Readers for each format live in their own module and return ``RawArticle``: paragraph texts plus any
metadata the format states explicitly (wire XML names its headline and byline; a text file does not).
``build_article`` then makes the text inert, enforces the limits and classifies the paragraphs.

Formats: plain text and Markdown (``text_file``), saved web pages (``html_page``), NITF and NewsML-G2
(``wire_xml``), Word .docx (``word``). ``sniff`` picks the reader from the content, then the name.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field

from reader.errors import InputError
from reader.inert import make_inert_line, visible_name
from reader.loading.decode import decode_bytes
from reader.loading.mojibake import repair
from reader.loading.read import read_file_bytes, read_stream_bytes
from reader.loading.sniff import detect_format
from reader.loading.structure import ArticleMetadata, classify, split_paragraphs
from reader.model import Article, ParagraphKind
from reader.settings.limits import Limits

STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass
class RawArticle:
    """What a format reader found: paragraph texts in order, plus metadata the format states."""

    paragraphs: list[str]
    encoding: str = "utf-8"
    source_format: str = "text"
    metadata: ArticleMetadata = field(default_factory=ArticleMetadata)
    # Kinds the format states for some paragraphs (e.g. <hl1> in NITF); others are classified from text.
    known_kinds: dict[int, ParagraphKind] = field(default_factory=dict)
    published: str | None = None
    # Web pages: paragraphs the text rules take for page furniture ("Read more: ...", "Advertisement")
    # are dropped, as they are not part of the article; text files keep every block as a paragraph.
    drop_furniture: bool = False


def read_source_bytes(source: str, limits: Limits) -> bytes:
    return read_file_bytes(source, limits.max_bytes)


def parse_text(
    source: str,
    data: bytes,
    source_format: str = "text",
    forced_encoding: str | None = None,
    limits: Limits | None = None,
) -> RawArticle:
    text, encoding = decode_bytes(source, data, forced=forced_encoding)
    if source_format == "markdown":
        from reader.loading.markdown import parse_markdown

        paragraphs, kinds = parse_markdown(text, source, limits)
        return RawArticle(paragraphs, encoding=encoding, source_format="markdown", known_kinds=kinds)
    return RawArticle(paragraphs=split_paragraphs(text), encoding=encoding, source_format=source_format)


def parse_bytes(source: str, data: bytes, limits: Limits, content_type: str | None = None) -> RawArticle:
    """Pick the reader for these bytes and run it."""
    fmt = detect_format(source, data, content_type)
    if fmt == "docx":
        from reader.loading.word import parse_docx

        return parse_docx(source, data, limits.max_bytes, limits.max_paragraphs)
    if fmt == "xml":
        from reader.loading.wire_xml import parse_wire_xml

        raw = parse_wire_xml(source, data, limits.encoding)
        if raw is not None:
            return raw
        fmt = "html"  # XHTML
    if fmt == "html":
        from reader.loading.html_page import parse_html

        return parse_html(source, data, limits.encoding, limits)
    return parse_text(source, data, fmt, limits.encoding, limits)


# A headline, byline, dateline, credit or date is one line of a pane or report, never a document: a 12 MB
# attribute would otherwise be copied whole into every report.
MAX_METADATA_CHARS = 1_000


def _inert_meta(value: str | None) -> str | None:
    """A stated or found metadata value made inert and bounded (cut at a word boundary, marked "…")."""
    if not value:
        return None
    text = make_inert_line(value.strip()[: 4 * MAX_METADATA_CHARS]).strip()
    if len(text) <= MAX_METADATA_CHARS:
        return text or None
    cut = text[: MAX_METADATA_CHARS - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_METADATA_CHARS // 2 else cut).rstrip() + "\u2026"


def build_article(source: str, raw: RawArticle, data: bytes, limits: Limits) -> Article:
    if len(raw.paragraphs) > limits.max_paragraphs:
        raise InputError(
            source,
            f"{len(raw.paragraphs):,} paragraphs, over the {limits.max_paragraphs:,}-paragraph limit "
            "(raise it with --max-paragraphs)",
        )
    longest = max((len(t) for t in raw.paragraphs), default=0)
    if longest > limits.max_paragraph_chars:
        raise InputError(
            source,
            f"a paragraph of {longest:,} characters, over the {limits.max_paragraph_chars:,}-character limit "
            "(raise it with --max-paragraph-chars)",
        )
    texts, repaired = repair(raw.paragraphs)
    kept: list[str] = []
    known: dict[int, ParagraphKind] = {}
    for index, text in enumerate(texts):
        text = make_inert_line(text).strip()
        if text:
            if index in raw.known_kinds:
                known[len(kept)] = raw.known_kinds[index]
            kept.append(text)
    if not kept:
        raise InputError(source, "no text found (the file is empty or holds only blank space)")
    stated = raw.metadata
    stated = ArticleMetadata(
        headline=_inert_meta(stated.headline),
        byline=_inert_meta(stated.byline),
        dateline=_inert_meta(stated.dateline),
        credit=_inert_meta(stated.credit),
    )
    paragraphs, meta = classify(kept, known, stated)
    if raw.drop_furniture and any(p.kind is ParagraphKind.BOILERPLATE for p in paragraphs):
        article_only = [p for p in paragraphs if p.kind is not ParagraphKind.BOILERPLATE]
        if article_only:
            known = {new: known[p.index] for new, p in enumerate(article_only) if p.index in known}
            paragraphs, meta = classify([p.text for p in article_only], known, stated)
    return Article(
        path=visible_name(source),
        paragraphs=tuple(paragraphs),
        headline=_inert_meta(meta.headline),
        byline=_inert_meta(meta.byline),
        dateline=_inert_meta(meta.dateline),
        credit=_inert_meta(meta.credit),
        encoding=raw.encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        source_format=raw.source_format,
        published=_inert_meta(raw.published),
        repaired_encoding=repaired,
    )


def load_bytes(
    source: str, data: bytes, limits: Limits | None = None, content_type: str | None = None
) -> Article:
    limits = limits or Limits()
    if not data:
        raise InputError(source, "is empty")
    return build_article(source, parse_bytes(source, data, limits, content_type), data, limits)


def load_article(source: str, limits: Limits | None = None) -> Article:
    """Load one article: a file path, ``-`` for standard input, or an http(s) URL.

    Raises ``InputError`` with a one-line explanation on any problem."""
    from reader.loading.fetch import fetch_url, is_url

    limits = limits or Limits()
    if source == STDIN:
        return load_bytes(
            STDIN_NAME, read_stream_bytes(sys.stdin.buffer, STDIN_NAME, limits.max_bytes), limits
        )
    if is_url(source):
        fetched = fetch_url(source, limits.max_bytes, limits.timeout)
        return load_bytes(source, fetched.data, limits, fetched.content_type)
    return load_bytes(source, read_file_bytes(source, limits.max_bytes), limits)


def article_from_text(text: str, path: str = "<text>") -> Article:
    """Build an article from a string (tests, generated data)."""
    data = text.encode("utf-8")
    return build_article(path, RawArticle(paragraphs=split_paragraphs(text)), data, Limits())
