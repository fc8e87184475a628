"""Give each word-level change one category, and mark substantive changes that touch facts."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from reader.model import Category
from reader.normalize import fold_typography
from reader.profile import Profile

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_SPACES = re.compile(r"\s+")
_NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
    "million", "millions", "billion", "billions", "trillion", "dozen", "dozens", "half", "quarter", "first",
    "second", "third", "fourth", "fifth", "tenth", "once", "twice", "several", "few", "many", "most",
    "least", "more", "less", "fewer", "all", "none", "some", "nearly", "almost", "about", "around",
    "percent", "cent",
}
_DATE_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tomorrow", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "week", "month", "year", "weeks", "months", "years", "morning", "evening", "night",
}
_NEGATIONS = {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot"}
_WORDS = re.compile(r"[\w'\u2019]+")
_NUMERALS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split()
)}


def _squash(text: str) -> str:
    return _SPACES.sub(" ", fold_typography(text)).strip()


def _is_number_style(a: str, b: str) -> bool:
    a, b = a.strip().casefold(), b.strip().casefold()
    return _NUMERALS.get(a, a) == _NUMERALS.get(b, b) and a != b


def _looks_like_name_variant(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    if " " in a or " " in b or not a[:1].isupper() or not b[:1].isupper() or min(len(a), len(b)) < 4:
        return False
    return Levenshtein.normalized_similarity(a.casefold(), b.casefold()) >= 0.7


def touches_fact(text: str) -> bool:
    """True when the text holds a number, date, name or negation."""
    if any(c.isdigit() for c in text):
        return True
    for word in _WORDS.findall(text):
        lower = word.casefold().replace("\u2019", "'")
        if lower in _NUMBER_WORDS or lower in _DATE_WORDS or lower in _NEGATIONS or lower.endswith("n't"):
            return True
        if word[:1].isupper() and lower not in {"i", "the", "a", "an", "he", "she", "it", "we", "they"}:
            return True
    return False


def categorize(base_text: str, other_text: str, profile: Profile) -> tuple[Category, bool]:
    """Return (category, fact) for one change; ``fact`` is only ever True for substantive changes."""
    if _squash(base_text) == _squash(other_text):
        return Category.TYPOGRAPHY, False
    plain_a, plain_b = _squash(base_text), _squash(other_text)
    if profile.is_style_variant(plain_a, plain_b) or _is_number_style(plain_a, plain_b):
        return Category.STYLE, False
    if profile.is_spelling_variant(plain_a.strip(".,;:"), plain_b.strip(".,;:")):
        return Category.SPELLING, False
    words_a = _NOT_WORD.sub(" ", plain_a).split()
    words_b = _NOT_WORD.sub(" ", plain_b).split()
    if words_a == words_b:
        return Category.PUNCTUATION, False
    if [w.casefold() for w in words_a] == [w.casefold() for w in words_b]:
        return Category.STYLE, False
    if _looks_like_name_variant(plain_a, plain_b) and not touches_fact(
        "".join(c for c in plain_a + plain_b if c.isdigit())
    ):
        return Category.SPELLING, False
    return Category.SUBSTANTIVE, touches_fact(base_text) or touches_fact(other_text)
