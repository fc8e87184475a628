"""Load an article from a file (or other source) into an ``Article`` of typed paragraphs.

Readers for each format live in their own module and return ``RawArticle``: paragraph texts plus any
metadata the format states explicitly (wire XML names its headline and byline; a text file does not).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from reader.errors import InputError
from reader.inert import make_inert
from reader.loading.decode import decode_bytes
from reader.loading.structure import ArticleMetadata, classify, split_paragraphs
from reader.model import Article, Paragraph, ParagraphKind


@dataclass(frozen=True)
class Limits:
    """Input limits; each can be raised from the command line (see ``reader --help``)."""

    max_bytes: int = 20 * 1024 * 1024
    max_paragraphs: int = 20_000
    max_paragraph_chars: int = 200_000


@dataclass
class RawArticle:
    """What a format reader found: paragraph texts in order, plus metadata the format states."""

    paragraphs: list[str]
    encoding: str = "utf-8"
    source_format: str = "text"
    metadata: ArticleMetadata = field(default_factory=ArticleMetadata)
    # Kinds the format states for some paragraphs (e.g. <hl1> in NITF); others are classified from text.
    known_kinds: dict[int, ParagraphKind] = field(default_factory=dict)


def read_source_bytes(source: str, limits: Limits) -> bytes:
    if os.path.isdir(source):
        raise InputError(source, "is a folder, expected a file")
    try:
        size = os.path.getsize(source)
        if size > limits.max_bytes:
            raise InputError(source, f"file is {size:,} bytes, over the {limits.max_bytes:,}-byte limit (--max-bytes)")
        with open(source, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except IsADirectoryError:
        raise InputError(source, "is a folder, expected a file") from None
    except OSError as error:
        raise InputError(source, f"cannot read: {error.strerror or error}") from None
    if len(data) > limits.max_bytes:
        raise InputError(source, f"file grew past the {limits.max_bytes:,}-byte limit while being read")
    return data


def parse_text(source: str, data: bytes, source_format: str = "text") -> RawArticle:
    text, encoding = decode_bytes(source, data)
    return RawArticle(paragraphs=split_paragraphs(text), encoding=encoding, source_format=source_format)


def build_article(source: str, raw: RawArticle, data: bytes, limits: Limits) -> Article:
    texts = [make_inert(t).strip() for t in raw.paragraphs]
    texts = [t for t in texts if t]
    if not texts:
        raise InputError(source, "no text found (the file is empty or holds no paragraphs)")
    if len(texts) > limits.max_paragraphs:
        raise InputError(
            source, f"{len(texts):,} paragraphs, over the {limits.max_paragraphs:,}-paragraph limit (--max-paragraphs)"
        )
    longest = max(len(t) for t in texts)
    if longest > limits.max_paragraph_chars:
        raise InputError(
            source,
            f"a paragraph of {longest:,} characters, over the {limits.max_paragraph_chars:,}-character limit "
            "(--max-paragraph-chars)",
        )
    paragraphs, meta = classify(texts)
    if raw.known_kinds:
        paragraphs = [
            Paragraph(p.index, p.text, raw.known_kinds[p.index], 0) if p.index in raw.known_kinds else p
            for p in paragraphs
        ]
    stated = raw.metadata
    return Article(
        path=source,
        paragraphs=tuple(paragraphs),
        headline=stated.headline or meta.headline,
        byline=stated.byline or meta.byline,
        dateline=stated.dateline or meta.dateline,
        credit=stated.credit or meta.credit,
        encoding=raw.encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        source_format=raw.source_format,
    )


def load_article(source: str, limits: Limits | None = None) -> Article:
    """Load one article. Raises ``InputError`` with a one-line explanation on any problem."""
    limits = limits or Limits()
    data = read_source_bytes(source, limits)
    raw = parse_text(source, data, "markdown" if source.lower().endswith((".md", ".markdown")) else "text")
    return build_article(source, raw, data, limits)


def article_from_text(text: str, path: str = "<text>") -> Article:
    """Build an article from a string (tests, generated data)."""
    data = text.encode("utf-8")
    return build_article(path, RawArticle(paragraphs=split_paragraphs(text)), data, Limits())
