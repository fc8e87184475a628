"""Word tokens for the word diff, and the key each token is compared by.

Tokens cover the text exactly (joining them gives it back): words (with inner apostrophes),
abbreviations (``U.S.``), numbers (``40,000``, ``7.4``), dates (``Nov 21``, ``21 November 2024``),
profile phrases (``per cent``, ``any more``), space runs and single punctuation marks.

A token's key is what the diff compares: noise differences are folded away so variants line up as
aligned pairs, which the categoriser then labels. Keys carry their kind in a prefix:
``\\x01style:<group>`` / ``\\x01spelling:<group>`` (profile groups and US/UK spelling rules),
``\\x02#<number>``, ``\\x02date:<month>-<day>[-<year>]``, ``\\x03"`` (any quote mark), ``\\x03-``
(any dash), and plain case-folded text for everything else.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from anyascii import anyascii

from reader.settings.profile import Profile, default_profile
from reader.text.normalize import fold_typography

STYLE_PREFIX = "\x01style:"
SPELLING_PREFIX = "\x01spelling:"
NUMBER_PREFIX = "\x02#"
DATE_PREFIX = "\x02date:"
QUOTE_KEY = '\x03"'
DASH_KEY = "\x03-"
ELLIPSIS_KEY = "\x03..."
SPACE_KEY = " "
UNIT_JOIN = "\x00"  # joins the keys of a number and its glued unit ("2pm")
_NUMBER_WITH_UNIT = re.compile(r"(\d(?:[\d.,]*\d)?)(?!st$|nd$|rd$|th$|s$)([^\W\d_]+)")

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_MONTH}[ \u00a0]{_DAY}(?:,?[ \u00a0][12]\d{{3}})?|{_DAY}[ \u00a0]{_MONTH}(?:,?[ \u00a0][12]\d{{3}})?"
    r"|[12]\d{3}-[01]\d-[0-3]\d)(?![\w-])"
)
_DATE_RE = re.compile(_DATE)
_DATE_PARTS = re.compile(r"(?P<y>[12]\d{3})-(?P<m>[01]\d)-(?P<d>[0-3]\d)|(?P<word>[^\W\d_]+)|(?P<num>\d+)")

_NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
# Scale words that multiply the number before them: "1.5 million" is 1,500,000. "m" and "k" count only
# glued to a sum of money ("$5m"); alone, "5m" may be metres.
_SCALES = {
    "hundred": 10**2,
    "thousand": 10**3,
    "million": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
_MONEY_SCALES = {**_SCALES, "m": 10**6, "b": 10**9, "k": 10**3}
_CURRENCY_SIGNS = frozenset("$£€¥₹")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TENS_SET = frozenset(_TENS.split("|"))
_UNITS_SET = frozenset(_UNITS.split("|"))

_ABBREVIATION = r"(?:[^\W\d_]\.){2,}"  # U.S., a.m.
_ABBREVIATION_RE = re.compile(_ABBREVIATION)
_BASE_TOKEN = (
    r"\s+"  # first: spaces are the most common token, and trying them first halves tokenizing time
    rf"|{_ABBREVIATION}"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\w.,])"  # 40 000 with a space, thin or no-break space
    r"|\d+(?:[.,]\d+)+[^\W\d_]+(?!\w)"  # a decimal with a glued unit: 1.5bn  2.5km
    r"|\d(?:[\d.,]*\d)?(?:st|nd|rd|th|s)?(?!\w)"  # numbers: 40,000  7.4  3rd  1990s
    r"|\w+(?:['\u2019\u02bc]\w+)*"  # words, with inner apostrophes: union's, isn't
    r"|\.{2,}|-{2,}"
    r"|[^\w\s]"
)

# Quantities, dates and negations make a substantive change fact-bearing (names are found by capitals).
QUANTITY_WORDS = frozenset(
    {*_NUMBER_WORDS, *_ORDINAL_WORDS}
    | {
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "trillions",
        "dozen",
        "dozens",
        "half",
        "quarter",
        "once",
        "twice",
        "thrice",
        "several",
        "few",
        "many",
        "most",
        "least",
        "more",
        "less",
        "fewer",
        "all",
        "none",
        "some",
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "approximately",
        "percent",
        "cent",
        "majority",
        "minority",
        "double",
        "triple",
        "score",
        "scores",
    }
)
DATE_WORDS = frozenset(
    {*_MONTHS}
    | {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "decade",
        "decades",
        "hour",
        "hours",
        "minute",
        "minutes",
    }
)
WEEKDAYS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
)
NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot", "nowhere"}
)
# Capitalised words that are not names even in the middle of a sentence, or at its start.
_NOT_NAMES = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "although",
        "am",
        "an",
        "and",
        "another",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "even",
        "every",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "like",
        "many",
        "may",
        "me",
        "meanwhile",
        "might",
        "more",
        "most",
        "much",
        "must",
        "my",
        "neither",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "one",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "perhaps",
        "same",
        "she",
        "should",
        "since",
        "so",
        "some",
        "still",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "through",
        "thus",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yes",
        "yet",
        "you",
        "your",
        "yours",
        "yourself",
        "also",
        "according",
        "after",
        "asked",
        "despite",
        "earlier",
        "later",
        "last",
        "next",
        "many",
        "mr",
        "mrs",
        "ms",
        "dr",
        "officials",
        "some",
        "several",
    ]
)

_US_UK_RULES = (
    # (pattern on the case-folded word, replacement): maps British forms onto American ones.
    (re.compile(r"^(\w{2,}[^aeiou\W])is(e|ed|es|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^(\w{2,})ys(e|ed|es|ing)$"), r"\1yz\2"),
    (
        re.compile(r"^(\w{2,})our(s|ed|ing|able|ably|ite|ites|hood|hoods|er|ers|ful|less|ism|al|ist|ists)?$"),
        r"\1or\2",
    ),
    (re.compile(r"^(\w{3,}[^aeiou\W])re(s|d)?$"), r"\1er\2"),
    (re.compile(r"^(\w{3,})ence(s)?$"), r"\1ense\2"),
    (re.compile(r"^(\w{3,})ell(ed|ing|er|ers|or|ors)$"), r"\1el\2"),
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2"),
)
_ANY_US_UK_RULE = re.compile("|".join(pattern.pattern for pattern, _ in _US_UK_RULES))


@lru_cache(maxsize=65536)
def fold_letters(text: str) -> str:
    """Latin letters with accents and special forms written in ASCII (``Søren`` -> ``Soren``, ``Łukasz``
    -> ``Lukasz``, ``ı`` -> ``i``, ``ß`` -> ``ss``), by anyascii's maintained tables; other scripts and
    every non-letter stay as they are."""
    if text.isascii():
        return text  # most words: nothing to fold
    return "".join(
        anyascii(c) if not c.isascii() and c.isalpha() and unicodedata.name(c, "").startswith("LATIN") else c
        for c in text
    )


def us_spelling(word: str) -> str:
    """A case-folded word with British spelling endings turned American (``colour`` -> ``color``)."""
    if len(word) < 5 or word in _NUMBER_WORDS or word in _ORDINAL_WORDS or not _ANY_US_UK_RULE.match(word):
        return word  # most words match no rule: one regex test instead of one per rule
    for pattern, replacement in _US_UK_RULES:
        changed = pattern.sub(replacement, word)
        if changed != word:
            return changed
    return word


def _number_key(folded: str) -> str:
    digits = folded
    if " " in digits:
        digits = digits.replace(" ", "")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:st|nd|rd|th|s)?", digits):
        digits = digits.replace(",", "")
    return NUMBER_PREFIX + digits


def _date_key(folded: str) -> str:
    day = month = year = None
    for match in _DATE_PARTS.finditer(folded):
        if match.group("y"):
            year, month, day = match.group("y"), int(match.group("m")), int(match.group("d"))
        elif match.group("word"):
            word = match.group("word").casefold()
            if word in _MONTHS:
                month = _MONTHS[word]
        elif match.group("num"):
            value = match.group("num")
            if len(value) == 4:
                year = value
            else:
                day = int(value)
    return f"{DATE_PREFIX}{month}-{day}" + (f"-{year}" if year else "")


@dataclass(frozen=True)
class Token:
    text: str
    key: str
    # A word, number, date or profile phrase (not a space or a punctuation mark).
    is_word: bool
    # Bears a fact when changed: a number, date, quantity, negation or (capitalised) name.
    is_fact: bool


_TOKEN_RE = re.compile(_BASE_TOKEN, re.UNICODE)
_MONTH_TOKENS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ]
)
_DAY_TOKEN = re.compile(r"[0-3]?\d(?:st|nd|rd|th)?")
_YEAR_TOKEN = re.compile(r"[12]\d{3}")
_DATE_SPACES = (" ", "\u00a0")
_ISO_DATE = re.compile(r"[12]\d{3}-[01]\d-[0-3]\d")


def _norm_piece(token: str) -> str:
    return " " if token.isspace() else token.casefold()


class Keyer:
    """Tokenizer and token keys for one profile; memoised, since the same words recur all the time."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        # Profile spellings that are several base tokens ("per cent", "al-Qaeda", "Mr."), by first token.
        self._phrases: dict[str, list[tuple[str, ...]]] = {}
        for spelling in profile.spellings:
            pieces = tuple(_norm_piece(t) for t in _TOKEN_RE.findall(spelling))
            if len(pieces) > 1:
                self._phrases.setdefault(pieces[0], []).append(pieces)
        for options in self._phrases.values():
            options.sort(key=len, reverse=True)
        triggers = {
            *self._phrases,
            *(m.casefold() for m in _MONTH_TOKENS),
            *_TENS_SET,
            *_SCALES,
            *_CURRENCY_SIGNS,
        }
        self._triggers = frozenset(triggers)
        # Tokens as written that may start a joined token, for a quick set test on the raw tokens.
        self._written_triggers = frozenset(
            {*triggers, *(t.title() for t in triggers), *(t.upper() for t in triggers), *_MONTH_TOKENS}
        )
        self._keys: dict[str, str] = {}
        self._tokens: dict[str, Token] = {}

    def tokenize(self, text: str) -> list[str]:
        """Base tokens, with dates, profile phrases and compound numerals joined into one token each."""
        raw = _TOKEN_RE.findall(text)
        triggers = self._triggers
        if self._written_triggers.isdisjoint(raw) and not _ISO_DATE.search(text):
            return raw
        out: list[str] = []
        i, n = 0, len(raw)
        while i < n:
            token = raw[i]
            size = 1
            low = token.casefold()
            if token in _MONTH_TOKENS:
                month = _month_size(raw, i)
                if len(out) >= 2 and out[-1] in _DATE_SPACES and _DAY_TOKEN.fullmatch(out[-2]):
                    # Day first, "21 November 2024": the day and the space are already out.
                    end = i + month + _year_size(raw, i + month)
                    space, day = out.pop(), out.pop()
                    out.append(day + space + "".join(raw[i:end]))
                    i = end
                    continue
                size = _date_size(raw, i)
            if size == 1 and low in triggers:
                size = self._joined_size(raw, i, low)
            elif _YEAR_TOKEN.fullmatch(token) and i + 4 < n and raw[i + 1] == "-" and raw[i + 3] == "-":
                if _ISO_DATE.fullmatch("".join(raw[i : i + 5])):
                    size = 5  # ISO date 2024-03-07
            if size == 1 and low in _SCALES and _joins_scale(out):
                # "1.5 million", "two hundred": the number and the space are already out.
                space, number = out.pop(), out.pop()
                out.append(number + space + token)
                i += 1
                continue
            if token in _CURRENCY_SIGNS and i + 1 < n and raw[i + 1][:1].isdigit():
                size = 2  # "$5m", "£1,500,000"
            out.append("".join(raw[i : i + size]) if size > 1 else token)
            i += size
        return out

    def _joined_size(self, raw: list[str], i: int, low: str) -> int:
        for pieces in self._phrases.get(low, ()):
            size = len(pieces)
            if tuple(_norm_piece(t) for t in raw[i : i + size]) == pieces:
                return size
        if (
            low in _TENS_SET
            and i + 2 < len(raw)
            and raw[i + 1] == "-"
            and raw[i + 2].casefold() in _UNITS_SET
        ):
            return 3
        return 1

    def key(self, token: str) -> str:
        key = self._keys.get(token)
        if key is None:
            key = self._keys[token] = self._compute_key(token)
        return key

    def _compute_key(self, token: str) -> str:
        if token.isspace():
            return SPACE_KEY
        folded = fold_typography(token)
        if folded and not folded.strip("'\""):
            return QUOTE_KEY
        if folded and not folded.strip("-"):
            return DASH_KEY
        if folded == "...":
            return ELLIPSIS_KEY
        spaced = " ".join(folded.split())  # a joined token (date, phrase) with its spaces made plain
        group = self.profile.group_of(folded) or (self.profile.group_of(spaced) if spaced != folded else None)
        if group is not None:
            table, group_id = group
            return (STYLE_PREFIX if table == "style" else SPELLING_PREFIX) + str(group_id)
        amount = _amount_key(folded)
        if amount is not None:
            return amount if folded[:1] not in _CURRENCY_SIGNS else amount + UNIT_JOIN + self.key(folded[0])
        if folded[:1].isdigit():
            if _DATE_RE.fullmatch(folded):
                return _date_key(folded)
            unit = _NUMBER_WITH_UNIT.fullmatch(folded)
            if unit is not None:
                # "2pm" is "2 p.m.", "5km" is "5 km": the categoriser splits keys at UNIT_JOIN.
                return _number_key(unit.group(1)) + UNIT_JOIN + self.key(unit.group(2))
            return _number_key(folded)
        if folded[:1].isalpha() and _DATE_RE.fullmatch(folded):
            return _date_key(folded)
        lower = folded.casefold()
        if _ABBREVIATION_RE.fullmatch(folded):
            return lower.replace(".", "")  # "N.Y." is "NY" (as "TALKS" is "talks")
        number = _NUMBER_WORDS.get(lower)
        if number is not None:
            return f"{NUMBER_PREFIX}{number}"
        if lower in _ORDINAL_WORDS:
            return f"{NUMBER_PREFIX}{_ORDINAL_WORDS[lower]}{_ordinal_suffix(_ORDINAL_WORDS[lower])}"
        if "-" in lower and lower.split("-")[0] in _NUMBER_WORDS:
            tens, units = lower.split("-", 1)
            return f"{NUMBER_PREFIX}{_NUMBER_WORDS[tens] + _NUMBER_WORDS.get(units, 0)}"
        if "'" in folded:
            stem, _, suffix = folded.rpartition("'")
            if suffix.casefold() in ("s", "") and stem:
                return self.key(stem) + "'" + suffix.casefold()
        # Accents and British endings fold away; equal keys with different letters are spelling variants.
        return us_spelling(fold_letters(lower))

    def is_word(self, token: str, key: str) -> bool:
        if key[:1] in ("\x01", "\x02"):
            return True
        return any(c.isalnum() for c in token)

    def token(self, text: str) -> Token:
        token = self._tokens.get(text)
        if token is None:
            key = self.key(text)
            is_word = self.is_word(text, key)
            token = self._tokens[text] = Token(text, key, is_word, is_word and _is_fact(text, key))
        return token

    def tokens(self, text: str) -> tuple[Token, ...]:
        cache, make = self._tokens, self.token
        return tuple([cache.get(t) or make(t) for t in self.tokenize(text)])


def _joins_scale(out: list[str]) -> bool:
    """Whether the tokens before a scale word end with a number and one space ("1.5 ", "two ")."""
    if len(out) < 2 or out[-1] not in _DATE_SPACES:
        return False
    number = out[-2].casefold().lstrip("".join(_CURRENCY_SIGNS))
    return bool(re.fullmatch(r"\d(?:[\d.,]*\d)?", number)) or _spoken_number(number) is not None


def _spoken_number(word: str) -> int | None:
    """The value of a number written in words ("two", "twenty-five"), or None."""
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    tens, _, units = word.partition("-")
    if tens in _TENS_SET and units in _UNITS_SET:
        return _NUMBER_WORDS[tens] + _NUMBER_WORDS[units]
    return None


def _amount_key(folded: str) -> str | None:
    """The number key of a scaled number or a sum of money ("1.5 million", "two hundred", "$5m",
    "£1,500,000"), by value, so every way of writing one amount shares a key; None for other tokens."""
    text = folded.casefold()
    money = text[:1] in _CURRENCY_SIGNS
    if money:
        text = text[1:]
    scales = _MONEY_SCALES if money else _SCALES
    number, _, scale = text.partition(" ")
    if not scale:
        glued = re.fullmatch(r"(\d(?:[\d.,]*\d)?)([a-z]+)", number)
        if glued is not None and glued.group(2) in scales:
            number, scale = glued.groups()
        elif not money:
            return None
    if scale and scale not in scales:
        return None
    factor = scales.get(scale, 1)
    spoken = _spoken_number(number)
    if spoken is not None:
        value = Decimal(spoken)
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", number):
        value = Decimal(number.replace(",", ""))
    else:
        return None
    return NUMBER_PREFIX + format((value * factor).normalize(), "f")


def _month_size(raw: list[str], i: int) -> int:
    """Tokens of a month name at ``raw[i]``: 1, or 2 with its abbreviation point ("Nov" "."); the full
    stop after a full name ("21 November.") ends the sentence."""
    if raw[i] not in _MONTH_TOKENS:
        return 0
    abbreviated = len(raw[i]) <= 4 and raw[i] not in ("May", "June", "July")
    return 2 if abbreviated and i + 1 < len(raw) and raw[i + 1] == "." else 1


def _year_size(raw: list[str], i: int) -> int:
    """Tokens of an optional year after a date at ``raw[i]``: ", 2024" or " 2024"."""
    if i + 1 < len(raw) and raw[i] in _DATE_SPACES and _YEAR_TOKEN.fullmatch(raw[i + 1]):
        return 2
    if (
        i + 2 < len(raw)
        and raw[i] == ","
        and raw[i + 1] in _DATE_SPACES
        and _YEAR_TOKEN.fullmatch(raw[i + 2])
    ):
        return 3
    return 0


def _date_size(raw: list[str], i: int) -> int:
    """Tokens of a month-first date at ``raw[i]`` ("Nov 21", "Nov. 21, 2024"), or 1 when there is none."""
    month = _month_size(raw, i)
    j = i + month
    if j + 1 < len(raw) and raw[j] in _DATE_SPACES and _DAY_TOKEN.fullmatch(raw[j + 1]):
        return month + 2 + _year_size(raw, j + 2)
    return 1


def _ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def is_negation(token: str) -> bool:
    lower = fold_typography(token).casefold()
    return lower in NEGATIONS or lower.endswith("n't")


def _is_fact(token: str, key: str) -> bool:
    if key.startswith(NUMBER_PREFIX) or key.startswith(DATE_PREFIX):
        return True
    lower = fold_typography(token).casefold()
    if lower in QUANTITY_WORDS or lower in DATE_WORDS or lower in NEGATIONS or lower.endswith("n't"):
        return True
    if token[:1].isupper():
        if sum(c.isupper() for c in token) >= 2:
            return True  # acronyms and capitals: US, UN, PORT ALDER
        # Sentence-initial capitals count too: "Qaddouri said" starts sentences as often as "The" does.
        return lower.split("'")[0].rstrip(".") not in _NOT_NAMES
    return False


# Letter changes that transliteration explains, as rewrites to one canonical form. A name variant is
# noise only when these (or the profile's transliteration sets, or folded accents) explain every letter
# that differs; any other change of a name (Vance/Vince, Putin/Patin, Leavitt/Levitt) is a fact.
_TRANSLITERATION_RULES = (
    (re.compile(r"ph"), "f"),  # Mustapha / Mustafa
    (re.compile(r"(?<=[kdg])h"), ""),  # kh, dh, gh as marks: Qadhi / Qadi (not John / Jon)
    (re.compile(r"ck|q"), "k"),  # Arabic qaf: Qaddouri / Kaddouri
    (re.compile(r"ou|oo"), "u"),  # Youssef / Yussef
    (re.compile(r"(?:iy|yy|ii|ij)$"), "y"),  # Slavic endings: Zelenskiy / Zelenskyy / Zelensky
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters: Mohammed / Mohamed
)


@lru_cache(maxsize=16384)
def name_key(word: str) -> str | None:
    """The canonical transliteration form of a capitalised name (``Kaddouri`` and ``Qaddouri`` share
    one); None for words that are not capitalised names."""
    stem = fold_typography(word).split("'")[0]
    if len(stem) < 4 or not stem[:1].isupper() or not stem.isalpha() or stem.isupper():
        return None
    return transliteration_key(stem.casefold())


def transliteration_key(word: str) -> str:
    """A case-folded word with its letters folded and the transliteration rules applied."""
    key = fold_letters(word)
    for pattern, replacement in _TRANSLITERATION_RULES:
        key = pattern.sub(replacement, key)
    return key


def names_alike(a: str, b: str) -> bool:
    """Two different spellings of one capitalised name that transliteration explains."""
    key = name_key(a)
    if key is None or key != name_key(b):
        return False
    return fold_typography(a).split("'")[0] != fold_typography(b).split("'")[0]


@lru_cache(maxsize=32)
def keyer_for(profile: Profile) -> Keyer:
    return Keyer(profile)


# --- Matching words: the same keys, for alignment, quote matching and reuse ------------------------


@lru_cache(maxsize=65536)
def match_tokens(
    text: str, profile: Profile | None = None
) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """The words of ``text`` as the word diff keys them (so a paragraph that differs only by noise is
    the same words to the aligner as to the diff), with each word's character span. A number with a
    glued unit ("2pm") is two words, like "2 p.m."."""
    keyer = keyer_for(profile if profile is not None else default_profile())
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for token in keyer.tokens(text):
        end = at + len(token.text)
        if token.is_word:
            for part in token.key.split(UNIT_JOIN):
                words.append(part)
                spans.append((at, end))
        at = end
    return tuple(words), tuple(spans)


def match_words(text: str, profile: Profile | None = None) -> tuple[str, ...]:
    return match_tokens(text, profile)[0]


def match_spans(text: str, profile: Profile | None = None) -> tuple[tuple[int, int], ...]:
    return match_tokens(text, profile)[1]
