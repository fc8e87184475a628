"""Turn plain text into typed paragraphs: headline, byline, dateline, captions, credits, subheads, junk.

The rules follow what real wire copy and reprints look like (see the project notes): they are
deliberately conservative, because a body paragraph mistaken for metadata is never aligned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.model import Paragraph, ParagraphKind

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")

# "PORT ALDER, Nov 21 (Meridian) -", "CITY/CITY/CITY (Agency) - ", "PORT ALDER: ", " date 2024-03-07 CITY: "
_DATELINE = re.compile(
    r"""^(?P<prefix>\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?
        (?P<place>[A-Z][A-Z'.\-]+(?:[ /][A-Z][A-Z'.\-]+)*)
        (?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)))?
        \s*(?:\((?P<credit>[A-Za-z][\w .&'\-]{0,40})\))?
        \s*(?:[-\u2013\u2014]+|:)\s*)(?=\S)""",
    re.VERBOSE,
)
_TRAILER = re.compile(
    r"^\(?\s*(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Edited|Produced)\s+by\b.*\)?$",
    re.IGNORECASE | re.DOTALL,
)
_SOURCE_LINE = re.compile(r"^Source\s*:\s*(?P<credit>.+)$", re.IGNORECASE)
_DISCLAIMER = re.compile(
    r"(?:produced by .{2,60}(?:news )?agency|has not been edited by|"
    r"auto-generated from a syndicated feed|published from a syndicated feed|©|copyright)",
    re.IGNORECASE,
)
_DISCLAIMER_CREDIT = re.compile(r"produced by (?:the )?(?P<credit>.{2,60}?)(?: news)? agency", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(
    r"(?:\b[A-Z]{2,}(?:\s[A-Z]{2,})?/[A-Z][\w.\-]+(?:\s[A-Z][\w.\-]+){0,3}\s*$|\(photo:[^)]*\)|^photo:)",
    re.IGNORECASE,
)
_JUNK = re.compile(
    r"^(?:[\W_]+|you may (?:also )?be interested in|read more|related(?: articles| stories| news)?|"
    r"share(?: this)?(?: article)?|advertisement|more on this|follow us.*|sign up.*|subscribe.*|"
    r"most read|recommended|comments?)\W*$",
    re.IGNORECASE,
)
_BYLINE_BY = re.compile(r"^By\s+\S", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\u201d\"'\u2019)]\s*$")
_WORD = re.compile(r"[\w'\u2019.\-]+")
_NAME_LIST = re.compile(
    r"^(?:[A-Z][\w'\u2019.\-]+\s+){1,3}[A-Z][\w'\u2019\-]+"
    r"(?:\s*(?:,|and|&)\s*(?:[A-Z][\w'\u2019.\-]+\s+){1,3}[A-Z][\w'\u2019\-]+)*"
)


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a text with none is split on single newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    paragraphs = []
    for block in blocks:
        joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        if joined:
            paragraphs.append(joined)
    return paragraphs


@dataclass
class ArticleMetadata:
    headline: str | None = None
    byline: str | None = None
    dateline: str | None = None
    credit: str | None = None


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_short_title(text: str, max_words: int = 25) -> bool:
    words = _words(text)
    return 0 < len(words) <= max_words and not text.rstrip().endswith((".", ":", ";", ","))


def _is_subhead(text: str) -> bool:
    words = _words(text)
    if not 0 < len(words) <= 7 or _SENTENCE_END.search(text) and text.rstrip()[-1] in ".!?":
        return False
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) >= 3:
        return True
    small = {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with", "from", "by"}
    return len(words) >= 2 and all(w[0].isupper() or w.lower() in small for w in words) and '"' not in text


def _is_byline(text: str) -> bool:
    words = _words(text)
    if not 0 < len(words) <= 16 or text.rstrip().endswith("."):
        return False
    if _BYLINE_BY.match(text):
        return True
    # "Jane Roe, John Doe and Ann Poe The Daily Example": capitalised names joined by commas/and.
    match = _NAME_LIST.match(text)
    return bool(match) and ("," in text or " and " in text) and not _DATELINE.match(text)


def dateline_of(text: str) -> re.Match[str] | None:
    match = _DATELINE.match(text)
    if not match:
        return None
    place = match.group("place")
    # A dateline place is in capitals and the match must leave a real sentence after it.
    if len(place) < 3 or not any(c.isalpha() for c in place):
        return None
    if not (match.group("date") or match.group("credit")) and not match.group("prefix").rstrip().endswith(
        (":", "-", "\u2013", "\u2014")
    ):
        return None
    return match


def classify(texts: list[str]) -> tuple[list[Paragraph], ArticleMetadata]:
    """Give each paragraph a kind and collect the article's headline, byline, dateline and credit."""
    meta = ArticleMetadata()
    kinds: list[ParagraphKind] = [ParagraphKind.BODY] * len(texts)
    body_starts = [0] * len(texts)

    for i, text in enumerate(texts):
        if _TRAILER.match(text) and text.lstrip().startswith("("):
            kinds[i] = ParagraphKind.CREDIT
        elif source := _SOURCE_LINE.match(text):
            kinds[i] = ParagraphKind.CREDIT
            meta.credit = meta.credit or source.group("credit").strip()
        elif _DISCLAIMER.search(text) and len(_words(text)) <= 40:
            kinds[i] = ParagraphKind.CREDIT
        elif _PHOTO_CREDIT.search(text) and len(_words(text)) < 80:
            kinds[i] = ParagraphKind.CAPTION
        elif _JUNK.match(text):
            kinds[i] = ParagraphKind.BOILERPLATE

    # The lede: first paragraph carrying a dateline, else the first long paragraph.
    lede = None
    for i, text in enumerate(texts):
        if kinds[i] is not ParagraphKind.BODY:
            continue
        match = dateline_of(text)
        if match and i < 8:
            lede = i
            body_starts[i] = match.end("prefix")
            place, date = match.group("place"), match.group("date")
            meta.dateline = f"{place}, {date}" if date else place
            if match.group("credit"):
                meta.credit = match.group("credit").strip()
            if body_starts[i] >= len(text.rstrip()):
                kinds[i] = ParagraphKind.DATELINE
                body_starts[i] = 0
                lede = None
            break
    if lede is None:
        lede = next(
            (i for i, t in enumerate(texts) if kinds[i] is ParagraphKind.BODY and len(_words(t)) >= 20),
            len(texts),
        )

    # Before the lede: headline first, then byline; anything else short is a subhead or metadata.
    for i in range(lede):
        if kinds[i] is not ParagraphKind.BODY:
            continue
        text = texts[i]
        if meta.byline is None and _is_byline(text):
            kinds[i] = ParagraphKind.BYLINE
            meta.byline = re.sub(r"^By\s+", "", text.strip(), flags=re.IGNORECASE)
        elif meta.headline is None and _is_short_title(text):
            kinds[i] = ParagraphKind.HEADLINE
            meta.headline = text.strip()
        elif _is_short_title(text, 12):
            kinds[i] = ParagraphKind.SUBHEAD

    # After the lede: subheads, and junk after the closing credit block.
    last_credit = max((i for i, k in enumerate(kinds) if k is ParagraphKind.CREDIT and i > lede), default=None)
    for i in range(lede + 1, len(texts)):
        if kinds[i] is not ParagraphKind.BODY:
            continue
        if last_credit is not None and i > last_credit and not _SENTENCE_END.search(texts[i]):
            kinds[i] = ParagraphKind.BOILERPLATE
        elif _is_subhead(texts[i]):
            kinds[i] = ParagraphKind.SUBHEAD

    if meta.credit is None:
        for i, text in enumerate(texts):
            if kinds[i] is ParagraphKind.CREDIT and (m := _DISCLAIMER_CREDIT.search(text)):
                meta.credit = m.group("credit").strip()
                break

    paragraphs = [
        Paragraph(index=i, text=text, kind=kinds[i], body_start=body_starts[i]) for i, text in enumerate(texts)
    ]
    return paragraphs, meta
