"""Find direct quotations in an article's body paragraphs, with their character spans.

Handles curly, straight and mixed marks, a quote nested in the other kind of mark
(“... ‘Are you sure?’ ...”), apostrophes versus closing single quotes (``union’s``, plural
``workers’``), and multi-paragraph quotes (opened on every paragraph, closed only at the end).

A mark's role is decided from what stands on either side of it (a space before and a letter after opens;
a letter or punctuation before and a space after closes), with the mark's own shape (“ versus ”) only
breaking ties, because real copy often types ” for both or closes a curly quote with a straight mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from reader.model import Article, ParagraphKind, TextSpan
from reader.text.normalize import fold_typography

DOUBLE_MARKS = '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033'
SINGLE_MARKS = "'\u2018\u2019\u201a\u201b\u2039\u203a`"
_OPENING_SHAPES = "\u201c\u201e\u201f\u00ab\u2018\u201a\u201b\u2039"
_CLOSING_SHAPES = "\u201d\u00bb\u2019\u203a\u2033"
_OPEN_BEFORE = "([{\u2014\u2013-/:"  # characters after which a mark opens a quote
_CLOSE_AFTER = ".,;:!?)]}\u2014\u2013-\u2026"  # characters before which a mark closes a quote
_QUOTED_KINDS = (ParagraphKind.BODY,)
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s,.;:\u2026]+|[\s,.;:\u2026]+$")
# Two single marks in a row are one double mark in a house style (‘‘like this’’, ``TeX-style'').
_MARK = re.compile(f"[{re.escape(SINGLE_MARKS)}]{{2}}|[{re.escape(DOUBLE_MARKS + SINGLE_MARKS)}]")
_GUILLEMETS = "\u00ab\u00bb"
_DOUBLE_KINDS = ("double", "guillemet")  # a mark of these kinds left open still makes a quote
_PAIR_OPENING_SHAPES = "\u2018`\u201a\u201b"
# "Kenya ’s", "don ’t": a site's typesetting put a space before the apostrophe.
_SPACED_APOSTROPHE = re.compile(r"(?:s|t|re|ll|ve|d|m)\b")
_SPACED_APOSTROPHE_AFTER_WORD = re.compile(r"(?<=\w) [\u2019'](?=(?:s|t|re|ll|ve|d|m)\b)")
_INNER_MARKS = re.compile(
    f"[{re.escape(DOUBLE_MARKS)}]|(?<!\\w)[{re.escape(SINGLE_MARKS)}]|[{re.escape(SINGLE_MARKS)}](?!\\w)"
)


@dataclass(frozen=True)
class Quote:
    """One quoted stretch inside one paragraph.

    ``start``/``end`` cover the marks (the highlight); ``text`` is what stands between them. A quote of a
    multi-paragraph quotation has ``closed=False`` when its paragraph leaves it open and
    ``continued=True`` when it reopens the previous paragraph's quotation; all pieces of one quotation
    share ``group`` (the list position of its first piece).
    """

    paragraph: int
    start: int
    end: int
    text: str
    closed: bool = True
    continued: bool = False
    group: int = 0
    nested: tuple[tuple[int, int], ...] = ()

    @property
    def span(self) -> TextSpan:
        return TextSpan(self.paragraph, self.start, self.end)

    @cached_property
    def key(self) -> str:
        return quote_key(self.text)

    @cached_property
    def words(self) -> int:
        return len(self.key.split())


def comparable_text(text: str) -> str:
    """Quote text for word comparison: inner quote marks dropped, edge punctuation (the comma a
    sentence needs before ``said``) dropped, spaces collapsed. Spelling and case are kept."""
    text = _SPACED_APOSTROPHE_AFTER_WORD.sub("\u2019", text)  # "Kenya ’s" is "Kenya’s"
    text = _INNER_MARKS.sub("", text)
    return _EDGE_PUNCT.sub("", _SPACES.sub(" ", text))


@lru_cache(maxsize=16384)  # the same quotes recur in every version
def quote_key(text: str) -> str:
    """Case- and typography-folded words only: the key quotes are matched on."""
    folded = fold_typography(comparable_text(text)).casefold()
    return " ".join(re.findall(r"\w+(?:'\w+)*", folded))


def _is_space(char: str) -> bool:
    return char == "" or char.isspace()


def _double_role(text: str, i: int, width: int = 1) -> str:
    if text[i] in "\u00ab\u00bb":
        return "open" if text[i] == "\u00ab" else "close"  # guillemets often stand apart: « Oui »
    before = text[i - 1] if i else ""
    after = text[i + width] if i + width < len(text) else ""
    can_open = (_is_space(before) or before in _OPEN_BEFORE or before in SINGLE_MARKS) and not _is_space(
        after
    )
    can_close = (not _is_space(before)) and (
        _is_space(after) or after in _CLOSE_AFTER or after in SINGLE_MARKS
    )
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    char = text[i]
    if char in _OPENING_SHAPES and width == 1 or width == 2 and char in _PAIR_OPENING_SHAPES:
        return "open"
    if char in _CLOSING_SHAPES:
        return "close"
    return "either"


def _single_role(text: str, i: int) -> str:
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isalnum() and after.isalnum():
        return "apostrophe"  # union’s, isn't, rock’n’roll
    if before == " " and i >= 2 and text[i - 2].isalnum() and _SPACED_APOSTROPHE.match(text, i + 1):
        return "apostrophe"
    if (_is_space(before) or before in _OPEN_BEFORE) and re.match(r"\d0s\b|\d\d\b", text[i + 1 : i + 5]):
        return "apostrophe"  # the ’90s, class of ’98
    can_open = (_is_space(before) or before in _OPEN_BEFORE or before in DOUBLE_MARKS) and after.isalnum()
    can_close = (before.isalnum() or before in _CLOSE_AFTER) and (
        _is_space(after) or after in _CLOSE_AFTER or after in DOUBLE_MARKS
    )
    if can_open:
        return "open"
    if can_close:
        # "workers’ union": an s-final word followed by a lower-case word reads as a plural possessive.
        weak = before in "sS" and re.match(r"\s+[a-z]", text[i + 1 : i + 4]) is not None
        return "weak_close" if weak else "close"
    return "apostrophe"


def _marks(text: str, start: int) -> list[tuple[int, str, str, int]]:
    """(position, 'double'|'single', role, width) for every quote mark from ``start`` on."""
    found = []
    for match in _MARK.finditer(text, start):
        i, char = match.start(), match.group()
        if len(char) == 2:
            found.append((i, "double", _double_role(text, i, 2), 2))
        elif char in _GUILLEMETS:
            # Their own kind: «… “nested” …» nests curly marks inside guillemets.
            found.append((i, "guillemet", _double_role(text, i), 1))
        elif char in DOUBLE_MARKS:
            found.append((i, "double", _double_role(text, i), 1))
        else:
            role = _single_role(text, i)
            if role != "apostrophe":
                found.append((i, "single", role, 1))
    return found


def _quote(
    paragraph: int, text: str, opening: tuple[int, int], closing: tuple[int, int] | None, nested
) -> Quote:
    """The quote between the mark at ``opening`` and the one at ``closing``, each (position, width)."""
    open_at, open_width = opening
    if closing is None:
        end = inner_end = len(text.rstrip())
    else:
        inner_end, end = closing[0], closing[0] + closing[1]
    text_of = text[open_at + open_width : inner_end]
    return Quote(paragraph, open_at, end, text_of, closing is not None, nested=tuple(nested))


def quotes_in_text(paragraph: int, text: str, start: int = 0) -> list[Quote]:
    """The top-level quotes of one paragraph; a quote left open runs to the paragraph's end."""
    marks = _marks(text, start)
    quotes: list[Quote] = []
    outer: tuple[int, str, int] | None = None  # (position, kind, width) of the open top-level quote
    inner: int | None = None  # position of an open nested quote
    nested: list[tuple[int, int]] = []
    for n, (pos, kind, role, width) in enumerate(marks):
        if outer is None:
            if role in ("open", "either"):
                outer, nested, inner = (pos, kind, width), [], None
            continue
        outer_pos, outer_kind, outer_width = outer
        if kind == outer_kind:
            weak_and_later = role == "weak_close" and _later_close(marks, n, kind)
            if role in ("close", "either", "weak_close") and not weak_and_later:
                quotes.append(_quote(paragraph, text, (outer_pos, outer_width), (pos, width), nested))
                outer = None
            elif role == "open" and kind in _DOUBLE_KINDS:
                # A second opener before any close: the first quote was left unterminated.
                quotes.append(_unterminated(paragraph, text, (outer_pos, outer_width), pos, nested))
                outer, nested, inner = (pos, kind, width), [], None
            continue
        # The other kind of mark inside an open quote: a nested quote.
        if inner is None and role in ("open", "either"):
            inner = pos
        elif inner is not None and role in ("close", "either", "weak_close"):
            if role == "weak_close" and _later_close(marks, n, kind):
                continue
            nested.append((inner, pos + width))
            inner = None
    if outer is not None:
        outer_pos, outer_kind, outer_width = outer
        # An unclosed single mark is far more often an apostrophe than a quote running to the end.
        if outer_kind in _DOUBLE_KINDS:
            quotes.append(_quote(paragraph, text, (outer_pos, outer_width), None, nested))
    return [q for q in quotes if q.key]


def _later_close(marks: list[tuple[int, str, str, int]], n: int, kind: str) -> bool:
    """Whether a firmer closing mark of ``kind`` follows before the enclosing quote ends."""
    for _pos, other_kind, role, _width in marks[n + 1 :]:
        if other_kind == kind and role in ("close", "either"):
            return True
        if other_kind != kind and role in ("close", "either"):
            return False
    return False


def _unterminated(paragraph: int, text: str, opening: tuple[int, int], next_open: int, nested) -> Quote:
    """A quote never closed before the next one opens: it ends where the next begins."""
    open_at, width = opening
    stop = len(text[:next_open].rstrip())
    return Quote(paragraph, open_at, stop, text[open_at + width : stop], False, nested=tuple(nested))


def extract_quotes(article: Article) -> list[Quote]:
    """Every quote of the article's body paragraphs, in reading order, multi-paragraph quotes linked."""
    quotes: list[Quote] = []
    previous_open: Quote | None = None
    previous_paragraph = -2
    for paragraph in article.paragraphs:
        if paragraph.kind not in _QUOTED_KINDS:
            continue
        found = quotes_in_text(paragraph.index, paragraph.text, paragraph.body_start)
        for n, quote in enumerate(found):
            group = len(quotes)
            continued = False
            opens_paragraph = not paragraph.text[paragraph.body_start : quote.start].strip()
            if (
                n == 0
                and opens_paragraph
                and previous_open is not None
                and previous_paragraph == paragraph.index - 1
            ):
                group, continued = previous_open.group, True
            quotes.append(
                Quote(
                    quote.paragraph,
                    quote.start,
                    quote.end,
                    quote.text,
                    quote.closed,
                    continued,
                    group,
                    quote.nested,
                )
            )
        last = quotes[-1] if found else None
        previous_open = last if last is not None and not last.closed else None
        previous_paragraph = paragraph.index
    return quotes


def masked_text(text: str, quotes: list[Quote]) -> str:
    """The paragraph with every quote's inner text blanked (offsets kept), so that words inside quotes
    are never taken for attribution cues."""
    if not quotes:
        return text
    chars = list(text)
    for quote in quotes:
        inner_end = quote.end - 1 if quote.closed else quote.end
        for i in range(quote.start + 1, inner_end):
            chars[i] = "\u2591" if not chars[i].isspace() else " "
        chars[quote.start] = '"'
        if quote.closed:
            chars[quote.end - 1] = '"'
    return "".join(chars)
