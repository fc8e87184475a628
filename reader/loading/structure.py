"""Turn plain text into typed paragraphs: headline, byline, dateline, captions, credits, subheads, junk.

The rules follow what real wire copy and reprints look like (see the project notes): they are
deliberately conservative, because a body paragraph mistaken for metadata is never aligned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.loading.furniture import is_furniture, is_menu, is_timestamp
from reader.model import Paragraph, ParagraphKind

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_LINE_SPACE = " \t\u00a0"
_WRAP_WIDTH = 120
# How far down the lede's dateline is looked for: a scraped page can carry dozens of furniture lines first.
_LEDE_SEARCH = 40
# Fewer words than this after a dateline-like prefix are a masthead or label line, not a lede's sentence.
_LEDE_MIN_WORDS = 6

# "PORT ALDER, Nov 21 (Meridian) -", "CITY/CITY/CITY (Agency) - ", "PORT ALDER: ", " date 2024-03-07 CITY: "
_DATELINE = re.compile(
    r"""^(?P<prefix>\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?
        (?P<place>[A-Z][A-Z'.\-]+(?:[ /][A-Z][A-Z'.\-]+)*|(?P<titled>[A-Z][a-z'\-]+(?:[ /-][A-Z][a-z'\-]+){0,2}))
        (?:,\s*(?P<region>[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?|[A-Z]\.[A-Z]\.)(?=\s*[,(\-\u2013\u2014:]))?
        (?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?))?
        (?:\s*\((?P<credit>[A-Za-z][\w .&'\-]{0,40})\))?
        \s*(?:[-\u2013\u2014]+|:)\s*)(?=\S)""",
    re.VERBOSE,
)
# Labels that stand where a dateline would, but name no place: "FILE - In this photo...", "UPDATE -".
_NOT_PLACES = {
    "FILE",
    "PHOTO",
    "PHOTOS",
    "VIDEO",
    "WATCH",
    "LISTEN",
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "LIVE",
    "CORRECTION",
    "CLARIFICATION",
    "EDITOR'S NOTE",
    "NOTE",
    "ADVERTISEMENT",
    "SPONSORED",
    "READ",
    "MORE",
    "RELATED",
    "NEW",
    "FACT CHECK",
    "EXPLAINER",
    "UPDATES",
    "WARNING",
    "ALERT",
    "FLASH",
    "URGENT",
}
# "FILE - In this March 1, 2026, file photo, ..." / "FILE PHOTO: ...": a caption, whatever follows.
_FILE_CAPTION = re.compile(r"^\s*FILE(?:\s+PHOTO)?\s*[-\u2013\u2014:]")
_TRAILER = re.compile(
    r"^\(?\s*(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Edited|Produced)\s+by\b.*\)?$",
    re.IGNORECASE | re.DOTALL,
)
# An agency's desk slug of staff initials at the foot of the story ("fd-jm/sst/rlp" in AFP copy).
_DESK_SLUG = re.compile(r"^\s*[a-z]{2,4}(?:-[a-z]{2,4})*(?:/[a-z]{2,4}(?:-[a-z]{2,4})*)+\s*$")


def is_trailer_line(text: str) -> bool:
    """A staff credit line at the foot of a story: "(Reporting by A; Editing by B)", a desk slug,
    "Associated Press writer Jo Roe contributed to this report."."""
    return bool(_TRAILER.match(text.strip()) or _DESK_SLUG.match(text) or _CONTRIBUTED.search(text))


_SOURCE_LINE = re.compile(r"^Sources?\s*:\s*(?P<credit>.{1,80})$", re.IGNORECASE)
# "Associated Press writer Jo Roe in Eastmere contributed to this report."
_CONTRIBUTED = re.compile(
    r"\bcontributed(?: reporting)?(?: to)?(?: this)? (?:report|story|article)\W*$", re.IGNORECASE
)
# "(This story has been refiled to correct ...)", "Our Standards: ...", "Reading time: 3 minutes".
_NOTICE = re.compile(
    r"^(?:\(?\s*this (?:story|article|version) (?:has been|was) (?:refiled|corrected|updated|amended)\b.*|"
    r"our standards\s*:.*|reading time\s*:.*|\d+\s+min(?:ute)?s? read|listen to this article.*|"
    r"(?:published|updated|last updated)\s*:?\s*\d.{0,40})$",
    re.IGNORECASE,
)
# "Read more: Brennick bets on expansion", "ALSO READ | ...", "See also: ...": a link to another story.
_LINK_LINE = re.compile(
    r"^(?:read more|also read|see also|related|more|watch|listen|recommended|read next|further reading)"
    r"\s*[:|\u2013\u2014>\-]",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"(?:produced by .{2,60}(?:news )?agency|has not been edited by|"
    r"auto-generated from a syndicated feed|published from a syndicated feed|©|copyright)",
    re.IGNORECASE,
)
_DISCLAIMER_CREDIT = re.compile(r"produced by (?:the )?(?P<credit>.{2,60}?)(?: news)? agency", re.IGNORECASE)
# Case matters in the agency credit ("MERIDIAN/Jo Example", "AP Photo/Jo Roe"): ignoring it would take
# "... on his/her behalf" for a photo credit (and made this search slow on long paragraphs).
_PHOTO_CREDIT = re.compile(
    r"(?:\b[A-Z]{2,}(?:\s[A-Z]{2,})?/[A-Z][\w.\-]+(?:\s[A-Z][\w.\-]+){0,3}(?:/[A-Z][\w ]{2,20})?\)?\s*$|"
    r"(?i:\((?:photo|picture|image|pictured)s?:[^)]*\)|^(?:photo|photograph|picture|image|credit)s?\s*:)|"
    r"\b[A-Z]{2,}\s+Photo/|\b(?:via\s+)?Getty Images\s*$|\bPhotograph:\s)"
)
# Whole-line junk phrases, matched against the line without its trailing punctuation (see ``is_junk``).
_JUNK_PHRASE = re.compile(
    r"(?:you may (?:also )?(?:be interested in|like)|read more|related(?: articles| stories| news| topics)?|"
    r"share(?: this)?(?: article| story)?(?: on \w+)?|advertisement|advertising|sponsored(?: content)?|"
    r"more on this(?: story)?|follow us.*|sign up.*|subscribe.*|click here.*|"
    r"most (?:read|popular|viewed)|recommended(?: for you)?|comments?|\d+ comments?|print|email|tweet|"
    r"copy link|top stories|trending(?: now)?|more from .{1,40}|topics|tags|"
    r"(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|"
    r"continue reading(?: below| the main story)?|scroll to continue(?: with content)?|skip advertisement)",
    re.IGNORECASE,
)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_BYLINE_BY = re.compile(r"^By\s+\S", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\u201d\"'\u2019)]\s*$")
_WORD = re.compile(r"[\w'\u2019.\-]+")
_NAME_LIST = re.compile(
    r"^(?:[A-Z][\w'\u2019.\-]+\s+){1,3}[A-Z][\w'\u2019\-]+"
    r"(?:\s*(?:,|and|&)\s*(?:[A-Z][\w'\u2019.\-]+\s+){1,3}[A-Z][\w'\u2019\-]+)*"
)


def _strip_edge_blank_lines(text: str) -> str:
    """Drop whole blank lines at the start and the end (str methods: a pattern for this backtracks once per
    newline over a long blank run)."""
    body = text.lstrip(_LINE_SPACE + "\n")
    start = text.rfind("\n", 0, len(text) - len(body)) + 1
    end = text.find("\n", len(text.rstrip(_LINE_SPACE + "\n")))
    return text[start : end if end >= 0 else len(text)]


def _strip_trailing_nonword(text: str) -> str:
    """The text without the run of non-word characters (``\\W``) that ends it."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    return text[:end]


def is_junk(text: str) -> bool:
    """A line of punctuation only, or a page-furniture phrase ("Advertisement", "Read more", "Share this
    article") with at most punctuation after it. Linear: no pattern with nested quantifiers."""
    if not _LETTER_OR_DIGIT.search(text):
        return bool(text)
    return bool(_JUNK_PHRASE.fullmatch(_strip_trailing_nonword(text)))


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a text with none is split on single newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n")
    # Page breaks (form feeds, from PDF conversions) and Unicode line separators end a line.
    text = text.replace("\f", "\n").replace("\v", "\n").replace("\u2028", "\n").replace("\x85", "\n")
    # Blank lines at the very start or end do not make a single-newline text a blank-line one.
    text = _strip_edge_blank_lines(text)
    if not _BLANK_LINE.search(text):
        return [line.strip() for line in text.split("\n") if line.strip()]
    paragraphs = []
    for block in _BLANK_LINE.split(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        # Hard-wrapped paragraphs have short lines, joined back here; a line longer than any wrap width
        # means this block's lines are paragraphs (a single-newline text with a stray blank line).
        if any(len(line) > _WRAP_WIDTH for line in lines):
            paragraphs.extend(lines)
        elif lines:
            paragraphs.append(" ".join(lines))
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


# A bar, or a middle dot or bullet between spaces. Parts are stripped after the split: a pattern taking the
# spaces around the separator too would backtrack over every long run of spaces.
_BYLINE_PARTS = re.compile(r"\||(?<=\s)[\u00b7\u2022](?=\s)")


def _byline_parts(text: str) -> list[str]:
    return [part.strip() for part in _BYLINE_PARTS.split(text.strip())]


def byline_text(text: str) -> str:
    """The byline without a page timestamp printed beside it (``The Associated Press | Wednesday, ...``)
    and without its ``By``."""
    parts = [part for part in _byline_parts(text) if part and not is_timestamp(part)]
    return re.sub(r"^By\s+", "", " ".join(parts).strip(), flags=re.IGNORECASE)


_NAME_PARTICLES = {
    "and",
    "de",
    "van",
    "von",
    "da",
    "del",
    "bin",
    "al",
    "of",
    "the",
    "in",
    "la",
    "le",
    "di",
    "du",
}


def _is_byline(text: str) -> bool:
    if _BYLINE_PARTS.search(text):
        kept = [part for part in _byline_parts(text) if part and not is_timestamp(part)]
        if len(kept) == 1 and kept[0] != text.strip():
            return _is_byline(kept[0]) or bool(_AGENCY_ONLY.match(kept[0]))
    words = _words(text)
    if not 0 < len(words) <= 16 or text.rstrip().endswith("."):
        return False
    if _BYLINE_BY.match(text):
        return True
    # "Jane Roe, John Doe and Ann Poe The Daily Example": capitalised names joined by commas/and; a line
    # with more than a few lower-case words is a sentence or a headline ("Eight Baltic nations agree ...").
    match = _NAME_LIST.match(text)
    lower = [w for w in words if w[:1].islower() and w not in _NAME_PARTICLES]
    if match and ("," in text or " and " in text) and not _DATELINE.match(text) and len(lower) <= 2:
        return True
    return _is_capitals_byline(words, text)


_CAPITALS_BYLINE_JOINS = frozenset(
    {"with", "and", "in", "de", "du", "da", "di", "van", "von", "al", "el", "ben", "bin"}
)


def _is_capitals_byline(words: list[str], text: str) -> bool:
    """AFP's byline: surnames in capitals, joined by "with", maybe "in" a city ("Sana BEN AMOR with Hédi
    MANSOURI in Sfax", "Marie DUPONT"). Every word is capitalised or a joining word, and a surname in
    capitals follows a capitalised given name."""
    if len(words) > 12 or _DATELINE.match(text) or _AGENCY_ONLY.match(text):
        return False
    if any(w[:1].islower() and w not in _CAPITALS_BYLINE_JOINS for w in words):
        return False
    return any(
        words[n - 1][:1].isupper()
        and not words[n - 1].isupper()
        and words[n].isupper()
        and len(words[n]) >= 2
        for n in range(1, len(words))
    )


# A wire credit on its own line: "(Reuters)", "- AFP", "Associated Press".
_AGENCY_ONLY = re.compile(
    r"^[\-\u2013\u2014(\s]*(?:The\s+)?(?:Reuters|AP|AFP|Associated Press|Agence France-Presse|dpa|ANSA|EFE|Bloomberg|"
    r"PA Media|Press Association|Xinhua|Kyodo|Anadolu|UPI|Canadian Press|AAP)[)\s.]*$"
)

# Cheap substring tests first: these searches are slow on long paragraphs and rarely match.
_DISCLAIMER_HINTS = ("produced by", "edited by", "syndicated feed", "\u00a9", "copyright")
_CAPTION_HINTS = ("/", "photo", "picture", "image", "credit", "getty")


def _is_disclaimer(text: str) -> bool:
    lower = text.lower()
    return any(hint in lower for hint in _DISCLAIMER_HINTS) and bool(_DISCLAIMER.search(text))


def _is_caption(text: str) -> bool:
    if _FILE_CAPTION.match(text):
        return True
    lower = text.lower()
    return any(hint in lower for hint in _CAPTION_HINTS) and bool(_PHOTO_CREDIT.search(text))


def _is_bare_name(text: str) -> bool:
    """A byline printed as just the reporter's name ("Hannah Lindqvist"), right under the headline."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(
        w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words
    )


def _byline_index(texts: list[str], candidates: list[int]) -> int | None:
    """The byline among the lines before the lede: the first that names a reporter, else the first
    agency-only one (a page may print "The Associated Press | <time>" above "By JANE ROE")."""
    bylines = [i for i in candidates if _is_byline(texts[i])]
    named = [i for i in bylines if not _AGENCY_ONLY.match(byline_text(texts[i]))]
    return (named or bylines or [None])[0]


_HEADLINE_WORDS = 5  # site names and section names are shorter; headlines seldom are


def _headline_index(texts: list[str], candidates: list[int], stated: bool) -> int | None:
    """The headline among the short lines before the lede, bylines left out: the first of headline
    length (a page's site name, section names and menu lines are shorter; a standfirst under the
    headline may be longer), else the longest."""
    if stated:
        return None
    titles = [i for i in candidates if _is_short_title(texts[i]) and not _is_byline(texts[i])]
    full = [i for i in titles if len(_words(texts[i])) >= _HEADLINE_WORDS]
    if full:
        return full[0]
    return max(titles, key=lambda i: (len(_words(texts[i])), -i), default=None)


def dateline_of(text: str) -> re.Match[str] | None:
    match = _DATELINE.match(text)
    if not match:
        return None
    place = match.group("place")
    # A dateline place is in capitals (or in title case before an agency credit: "Paris (AFP) -") and the
    # match must leave a real sentence after it.
    if len(place) < 3 or not any(c.isalpha() for c in place) or place.strip(" .") in _NOT_PLACES:
        return None
    if match.group("titled") and not match.group("credit"):
        return None
    if not (match.group("date") or match.group("credit")) and not match.group("prefix").rstrip().endswith(
        (":", "-", "\u2013", "\u2014")
    ):
        return None
    return match


def classify(
    texts: list[str],
    known_kinds: dict[int, ParagraphKind] | None = None,
    stated: ArticleMetadata | None = None,
) -> tuple[list[Paragraph], ArticleMetadata]:
    """Give each paragraph a kind and collect the article's headline, byline, dateline and credit.

    ``known_kinds`` are kinds the file format states (NITF <hl1>, a Word "Title" style...) and
    ``stated`` the metadata it states; both win over what the text rules would guess."""
    known_kinds = known_kinds or {}
    stated = stated or ArticleMetadata()
    meta = ArticleMetadata(stated.headline, stated.byline, stated.dateline, stated.credit)
    count = len(texts)
    kinds: list[ParagraphKind] = [ParagraphKind.BODY] * count
    body_starts = [0] * count
    fixed = {i for i in known_kinds if 0 <= i < count}
    for i in fixed:
        kinds[i] = known_kinds[i]

    def free(i: int) -> bool:
        return i not in fixed and kinds[i] is ParagraphKind.BODY

    for i, text in enumerate(texts):
        if i in fixed:
            continue
        words = len(_words(text))
        if (
            _TRAILER.match(text)
            and (
                text.lstrip().startswith("(")
                or (i >= count - 4 and words <= 40)
                or (i >= count // 2 and words <= 25)
            )
            or i >= count - 4
            and _DESK_SLUG.match(text)
            or _CONTRIBUTED.search(text)
            and words <= 40
            and i >= count // 2
        ):  # the page's own furniture may follow the trailer
            kinds[i] = ParagraphKind.CREDIT
        elif source := _SOURCE_LINE.match(text):
            kinds[i] = ParagraphKind.CREDIT
            meta.credit = meta.credit or source.group("credit").strip()
        elif words <= 40 and _is_disclaimer(text):
            kinds[i] = ParagraphKind.CREDIT
        elif words < 80 and _is_caption(text):
            kinds[i] = ParagraphKind.CAPTION
        elif is_timestamp(text) or is_furniture(text):
            kinds[i] = ParagraphKind.BOILERPLATE  # a page timestamp is not a dateline: it names no place
        elif words <= 4 and _AGENCY_ONLY.match(text):
            kinds[i] = ParagraphKind.CREDIT
            meta.credit = meta.credit or text.strip(" -\u2013\u2014().")
        elif is_junk(text) or _NOTICE.match(text) or (_LINK_LINE.match(text) and words <= 25):
            kinds[i] = ParagraphKind.BOILERPLATE

    # The lede: first paragraph carrying a dateline, else the first long paragraph.
    lede = None
    for i, text in enumerate(texts[:_LEDE_SEARCH]):
        if not free(i):
            continue
        match = dateline_of(text)
        if match and 0 < len(_words(text[match.end("prefix") :])) < _LEDE_MIN_WORDS:
            continue  # a masthead or label line ("RIVIERA POST -- English edition"), not a lede
        if match:
            lede = i
            body_starts[i] = match.end("prefix")
            place, date = match.group("place"), match.group("date")
            if not stated.dateline:
                meta.dateline = f"{place}, {date}" if date else place
            if match.group("credit") and not stated.credit:
                meta.credit = match.group("credit").strip()
            if body_starts[i] >= len(text.rstrip()):
                kinds[i] = ParagraphKind.DATELINE
                body_starts[i] = 0
                lede = None
            break
    if lede is None:
        lede = next((i for i, t in enumerate(texts) if free(i) and len(_words(t)) >= 20), count)

    # Before the lede: the headline, the byline; short lines above the headline are the page's section
    # names and menus, below it subheads.
    top = [i for i in range(lede) if free(i)]
    byline_at = _byline_index(texts, top)
    # A site's name and tagline stand above its menu, the story's headline below it and above the byline.
    byline_or_lede = lede if byline_at is None else byline_at
    below_menu = max((i for i in range(byline_or_lede) if is_menu(texts[i])), default=-1)
    candidates = [i for i in top if i != byline_at]
    candidates = [i for i in candidates if below_menu < i < byline_or_lede] or candidates
    headline_at = _headline_index(texts, candidates, meta.headline is not None)
    for i in top:
        text = texts[i]
        has_headline = meta.headline is not None or any(k is ParagraphKind.HEADLINE for k in kinds[:i])
        if meta.byline is None and (
            i == byline_at or byline_at is None and has_headline and _is_bare_name(text)
        ):
            kinds[i] = ParagraphKind.BYLINE
            meta.byline = byline_text(text)
        elif i != byline_at and _is_byline(text):
            kinds[i] = ParagraphKind.BOILERPLATE  # a second byline line: an agency credit beside a time
        elif i == headline_at:
            kinds[i] = ParagraphKind.HEADLINE
            meta.headline = text.strip()
        elif headline_at is not None and i < headline_at and _is_short_title(text):
            kinds[i] = ParagraphKind.BOILERPLATE
        elif _is_short_title(text, 12):
            kinds[i] = ParagraphKind.SUBHEAD

    # After the lede: subheads, and junk after the closing credit block.
    last_credit = max(
        (i for i, k in enumerate(kinds) if k is ParagraphKind.CREDIT and i > lede), default=None
    )
    for i in range(lede + 1, count):
        if not free(i):
            continue
        if last_credit is not None and i > last_credit and not _SENTENCE_END.search(texts[i]):
            kinds[i] = ParagraphKind.BOILERPLATE
        elif _is_subhead(texts[i]):
            kinds[i] = ParagraphKind.SUBHEAD
    # A "subhead" with no body text after it is a related-story link or page junk.
    for i in range(count - 1, lede, -1):
        if kinds[i] is ParagraphKind.BODY:
            break
        if kinds[i] is ParagraphKind.SUBHEAD and i not in fixed:
            kinds[i] = ParagraphKind.BOILERPLATE

    if meta.headline is None:
        meta.headline = next(
            (texts[i].strip() for i in range(count) if kinds[i] is ParagraphKind.HEADLINE), None
        )
    if meta.byline is None:
        byline = next((texts[i].strip() for i in range(count) if kinds[i] is ParagraphKind.BYLINE), None)
        meta.byline = byline_text(byline) if byline else None
    if meta.credit is None:
        for i, text in enumerate(texts):
            if kinds[i] is ParagraphKind.CREDIT and (m := _DISCLAIMER_CREDIT.search(text)):
                meta.credit = m.group("credit").strip()
                break

    paragraphs = [
        Paragraph(index=i, text=text, kind=kinds[i], body_start=body_starts[i])
        for i, text in enumerate(texts)
    ]
    return paragraphs, meta
