"""Normalisation for matching only; displayed text always keeps its original characters."""

from __future__ import annotations

import re
import unicodedata

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u3000": " ",
        "\u2026": "...",
        "\u200b": "",
        "\ufeff": "",
    }
)
# Words too common to be evidence that two passages share content.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "said",
        "says",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "our",
        "their",
        "his",
        "her",
        "not",
        "but",
        "or",
    ]
)
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+", re.UNICODE)


def fold_typography(text: str) -> str:
    """Quote marks, dashes, ellipses and odd spaces to their plain ASCII form."""
    return unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)


def match_key(text: str) -> str:
    """A case-folded, typography-folded, space-collapsed form for similarity scoring."""
    return _SPACES.sub(" ", fold_typography(text)).casefold().strip()


def content_words(text: str) -> list[str]:
    """The words of ``match_key(text)`` (collapsing its spaces, which changes no word, is left out: it
    doubled the time of counting words for every version's statistics)."""
    return _TOKEN.findall(fold_typography(text).casefold())
