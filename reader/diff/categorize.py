"""Give each word-level change one category, and mark substantive changes that touch facts.

Categories, weakest noise first: typography (quote marks, apostrophes, dashes, spaces, ellipses),
punctuation, style (house-style equivalences, numerals vs words, date formats, capitals, hyphenation),
spelling (US/UK, transliterations, a small edit inside a proper name), and substantive. A changed number
or date is always substantive and fact-bearing; a changed quote mark is never substantive. Hidden
characters added or removed (zero-width, tag and other format characters, see ``reader.inert``) are never
noise: they make two texts that look the same differ, so such a change is substantive, and messages name
them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reader.inert import hidden_characters
from reader.model import Category
from reader.settings.profile import Profile
from reader.text.normalize import fold_typography
from reader.text.wordkeys import (
    DASH_KEY,
    DATE_PREFIX,
    ELLIPSIS_KEY,
    NUMBER_PREFIX,
    QUOTE_KEY,
    SPACE_KEY,
    STYLE_PREFIX,
    UNIT_JOIN,
    Token,
    is_negation,
    keyer_for,
    names_alike,
    us_spelling,
)

# When one change mixes noise of several kinds, it takes the strongest.
NOISE_ORDER = (Category.TYPOGRAPHY, Category.PUNCTUATION, Category.STYLE, Category.SPELLING)
_RANK = {category: rank for rank, category in enumerate(NOISE_ORDER)}
_TYPOGRAPHIC_KEYS = frozenset({SPACE_KEY, QUOTE_KEY, DASH_KEY, ELLIPSIS_KEY})
_INNER_HYPHEN = re.compile(r"(?<=\w)[-\u2010\u2011](?=\w)")
_SPACES = re.compile(r"\s+")
_DIGIT_GROUPING = re.compile(r"(?<=\d)[ ,](?=\d{3}\b)")
_POSSESSIVE_S = re.compile(r"(?<=s)'s?(?!\w)")
_SERIAL_CONJUNCTIONS = frozenset({"and", "or"})
_SPACED_APOSTROPHE = re.compile(r"(?<=\w) '(?=(?:s|t|re|ll|ve|d|m)\b)")


def strongest(categories: Sequence[Category]) -> Category:
    return max(categories, key=_RANK.__getitem__, default=Category.TYPOGRAPHY)


def _hidden_differ(base_text: str, other_text: str) -> bool:
    if base_text.isascii() and other_text.isascii():
        return False
    return hidden_characters(base_text) != hidden_characters(other_text)


def pair_category(base_token: str, other_token: str, key: str) -> Category:
    """The category of two different tokens that share a key (a noise variant pair)."""
    if _hidden_differ(base_token, other_token):
        return Category.SUBSTANTIVE
    folded_a, folded_b = fold_typography(base_token), fold_typography(other_token)
    if folded_a == folded_b or key in _TYPOGRAPHIC_KEYS:
        return Category.TYPOGRAPHY
    if key.startswith(NUMBER_PREFIX) and _DIGIT_GROUPING.sub("", folded_a) == _DIGIT_GROUPING.sub(
        "", folded_b
    ):
        return Category.TYPOGRAPHY  # "10 000" / "10,000": how the digits are grouped
    if folded_a.casefold().replace(".", "") == folded_b.casefold().replace(".", ""):
        return Category.STYLE  # capitals and points: "Labour"/"labour", "N.Y."/"NY"
    if key.startswith((STYLE_PREFIX, NUMBER_PREFIX, DATE_PREFIX)) and us_spelling(
        folded_a.casefold()
    ) != us_spelling(folded_b.casefold()):
        return Category.STYLE  # "kilometres"/"km" is style, "kilometres"/"kilometers" spelling
    # Spelling groups, US/UK endings, accents and matched name variants.
    return Category.SPELLING


def _has_spaced_apostrophe(*sides: Sequence[Token]) -> bool:
    return any(t.text in ("'", "\u2019") for side in sides for t in side)


def _plain(tokens: Sequence[Token]) -> str:
    return _SPACES.sub(" ", fold_typography("".join(t.text for t in tokens))).strip()


def _squash(tokens: Sequence[Token]) -> str:
    return _SPACES.sub(" ", fold_typography("".join(t.text for t in tokens))).strip().casefold()


def _is_hyphenation(base: Sequence[Token], other: Sequence[Token]) -> bool:
    """``well-known``/``well known`` and ``e-mail``/``email``."""
    if not any(t.key == DASH_KEY for t in base) and not any(t.key == DASH_KEY for t in other):
        return False
    a, b = _squash(base), _squash(other)
    if _INNER_HYPHEN.search(a) is None and _INNER_HYPHEN.search(b) is None:
        return False
    return _INNER_HYPHEN.sub(" ", a) == _INNER_HYPHEN.sub(" ", b) or _INNER_HYPHEN.sub(
        "", a
    ) == _INNER_HYPHEN.sub("", b)


def _facts(words: Sequence[Token]) -> Counter:
    # Every negation counts alike: "do not" -> "don't" keeps the fact, "can" -> "cannot" changes it.
    return Counter("\x04not" if is_negation(t.text) else t.key for t in words if t.is_fact)


def _keys(words: Sequence[Token]) -> list[str]:
    """Word keys, with a number and its glued unit ("2pm") as two keys, like "2 p.m."."""
    return [part for t in words for part in t.key.split(UNIT_JOIN)]


def _numbers(keys: list[str]) -> list[str]:
    return sorted(k for k in keys if k.startswith((NUMBER_PREFIX, DATE_PREFIX)))


def categorize_tokens(base: Sequence[Token], other: Sequence[Token]) -> tuple[Category, bool]:
    """(category, fact) of one change: the base tokens it removes and the other tokens it puts instead.
    ``fact`` is only ever True for substantive changes."""
    category, fact = _categorize_visible(base, other)
    if category.is_noise and _hidden_differ("".join(t.text for t in base), "".join(t.text for t in other)):
        return Category.SUBSTANTIVE, False  # looks like noise (or like nothing), but hides characters
    return category, fact


def _categorize_visible(base: Sequence[Token], other: Sequence[Token]) -> tuple[Category, bool]:
    words_a = [t for t in base if t.is_word]
    words_b = [t for t in other if t.is_word]
    marks_a = [t.key for t in base if not t.is_word and t.key != SPACE_KEY]
    marks_b = [t.key for t in other if not t.is_word and t.key != SPACE_KEY]
    if not words_a and not words_b:
        if marks_a == marks_b and all(k in _TYPOGRAPHIC_KEYS for k in marks_a):
            return Category.TYPOGRAPHY, False
        return Category.PUNCTUATION, False
    if _has_spaced_apostrophe(base, other) and _SPACED_APOSTROPHE.sub(
        "'", _plain(base)
    ) == _SPACED_APOSTROPHE.sub("'", _plain(other)):
        return Category.TYPOGRAPHY, False  # "Kenya ’s": a site's typesetting spaced the apostrophe
    keys_a, keys_b = _keys(words_a), _keys(words_b)
    if _numbers(keys_a) != _numbers(keys_b):
        return Category.SUBSTANTIVE, True  # a changed number is never noise
    if _is_hyphenation(base, other):
        return Category.STYLE, False
    if keys_a == keys_b and len(words_a) != len(words_b):
        return Category.STYLE, False  # "2pm"/"2 p.m."
    if keys_a == keys_b or (
        len(words_a) == len(words_b)
        and all(x.key == y.key or names_alike(x.text, y.text) for x, y in zip(words_a, words_b))
    ):
        categories = [
            pair_category(x.text, y.text, x.key) for x, y in zip(words_a, words_b) if x.text != y.text
        ]
        categories.append(Category.PUNCTUATION if marks_a != marks_b else Category.TYPOGRAPHY)
        return strongest(categories), False
    if _POSSESSIVE_S.sub("", _plain(base)) == _POSSESSIVE_S.sub("", _plain(other)):
        return Category.STYLE, False  # "Jones'"/"Jones's"
    if "'" in _plain(base) + _plain(other) and not _expansions(_plain(base)).isdisjoint(
        _expansions(_plain(other))
    ):
        return Category.STYLE, False  # "I've"/"I have", "won't"/"will not": the same words, contracted
    return Category.SUBSTANTIVE, _facts(words_a) != _facts(words_b)


_CONTRACTIONS = (
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"(?<=\w)n't\b"), " not"),
    (re.compile(r"(?<=\w)'ve\b"), " have"),
    (re.compile(r"(?<=\w)'re\b"), " are"),
    (re.compile(r"(?<=\w)'ll\b"), " will"),
    (re.compile(r"\bi'm\b"), "i am"),
)
_WOULD_OR_HAD = re.compile(r"(?<=\w)'d\b")
# "'s" is "is" or "has" only after a pronoun; elsewhere it is a possessive.
_IS_OR_HAS = re.compile(r"\b(it|he|she|that|there|what|who|here|where)'s\b")


def _expansions(text: str) -> set[str]:
    """The text with its contractions written out; "'d" and "'s" in each of the two ways they can be
    read (for comparison only)."""
    text = text.casefold()
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return {
        " ".join(_IS_OR_HAS.sub(rf"\1 {s}", _WOULD_OR_HAD.sub(f" {d}", text)).split())
        for d in ("would", "had")
        for s in ("is", "has")
    }


def is_serial_comma(tokens: Sequence[Token], start: int, end: int) -> bool:
    """True when ``tokens[start:end]`` is a lone comma before the ``and``/``or`` that ends a list
    (``red, white, and blue``): whether to write it is house style."""
    marks = [t for t in tokens[start:end] if t.key != SPACE_KEY]
    if len(marks) != 1 or marks[0].text != ",":
        return False
    following = next((t for t in tokens[end:] if t.key != SPACE_KEY), None)
    if following is None or following.text.casefold() not in _SERIAL_CONJUNCTIONS:
        return False
    for token in reversed(tokens[max(0, start - 16) : start]):
        if token.text in (".", "!", "?", ";", ":"):
            return False
        if token.text == ",":
            return True
    return False


def categorize(base_text: str, other_text: str, profile: Profile) -> tuple[Category, bool]:
    """Return (category, fact) for one change given as the two texts."""
    keyer = keyer_for(profile)
    return categorize_tokens(keyer.tokens(base_text), keyer.tokens(other_text))
