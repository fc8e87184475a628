"""Normalisation for matching only; displayed text always keeps its original characters."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u2007": " ", "\u3000": " ",
        "\u2026": "...",
        "\u200b": "", "\ufeff": "",
    }
)
# Words too common to be evidence that two passages share content.
STOP_WORDS = frozenset(
    "a an and the of in on at to by for from with as is was were be been has have had it its this that "
    "said says he she they we i you our their his her not but or".split()
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


# --- Matching tokens (alignment) -------------------------------------------------------------------
# A token is a run of word characters (or a percent sign, so "9%" and "9 per cent" can meet);
# each keeps its character span in the original text so shared passages can be highlighted.
_MATCH_TOKEN = re.compile(r"\w+|%", re.UNICODE)


def _token_key(token: str) -> str:
    return unicodedata.normalize("NFKC", token).casefold()


@lru_cache(maxsize=8)
def _variant_phrases(profile) -> tuple[dict[tuple[str, ...], str], int, frozenset[str]]:
    """Profile spellings as token tuples -> one canonical token per equivalence group; also the
    longest phrase and the set of first tokens (most words start no phrase: a cheap test)."""
    phrases: dict[tuple[str, ...], str] = {}
    if profile is not None:
        for table in (profile.style, profile.transliterations, profile.spelling):
            for spelling, group in table.items():
                tokens = tuple(_token_key(t) for t in _MATCH_TOKEN.findall(spelling))
                if tokens:
                    phrases.setdefault(tokens, f"\u00a7{group}")
    longest = max((len(p) for p in phrases), default=0)
    return phrases, longest, frozenset(p[0] for p in phrases)


def _fold_phrases(keys: list[str], spans: list[tuple[int, int]] | None, profile):
    phrases, longest, starts = _variant_phrases(profile)
    if not phrases or starts.isdisjoint(keys):
        return keys, spans
    out_keys: list[str] = []
    out_spans: list[tuple[int, int]] = []
    done = 0  # keys[:done] are copied or folded
    for i in [i for i, key in enumerate(keys) if key in starts]:
        if i < done:
            continue
        for size in range(min(longest, len(keys) - i), 0, -1):
            canonical = phrases.get(tuple(keys[i : i + size]))
            if canonical is not None:
                out_keys.extend(keys[done:i])
                out_keys.append(canonical)
                if spans is not None:
                    out_spans.extend(spans[done:i])
                    out_spans.append((spans[i][0], spans[i + size - 1][1]))
                done = i + size
                break
    out_keys.extend(keys[done:])
    if spans is not None:
        out_spans.extend(spans[done:])
    return out_keys, (out_spans if spans is not None else None)


@lru_cache(maxsize=65536)
def match_words(text: str, profile=None) -> tuple[str, ...]:
    """Words of ``text`` normalised for matching: NFKC, case-folded, and the house-style and spelling
    variants of ``profile`` (a ``reader.profile.Profile``) mapped to one token per group."""
    folded = text.casefold()
    if len(folded) == len(text) and unicodedata.is_normalized("NFKC", text):
        keys = _MATCH_TOKEN.findall(folded)  # fast path: one regex pass over the whole text
    else:
        keys = [_token_key(token) for token in _MATCH_TOKEN.findall(text)]
    return tuple(_fold_phrases(keys, None, profile)[0])


def match_spans(text: str, profile=None) -> tuple[tuple[int, int], ...]:
    """Character span in ``text`` of each word of ``match_words(text, profile)``, or () if they disagree."""
    keys: list[str] = []
    spans: list[tuple[int, int]] = []
    for match in _MATCH_TOKEN.finditer(text):
        keys.append(_token_key(match.group()))
        spans.append(match.span())
    keys, spans = _fold_phrases(keys, spans, profile)
    return tuple(spans) if len(spans) == len(match_words(text, profile)) else ()


def match_tokens(text: str, profile=None) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """``match_words`` and ``match_spans`` together."""
    return match_words(text, profile), match_spans(text, profile)
