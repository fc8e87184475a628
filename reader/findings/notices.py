"""What a copy did to the wire's headline and to its corrections, clarifications and editor's notes."""

from __future__ import annotations

import re

from reader.diff.words import diff_words
from reader.model import Article, Finding, FindingKind, ParagraphKind, Severity
from reader.settings.profile import Profile
from reader.text.wordkeys import NUMBER_PREFIX, keyer_for

_CORRECTION = re.compile(
    r"^\W*(?:correction|corrected|corrects|clarification|clarifies|editor['\u2019]?s note|note to editors)\b|"
    r"\ban earlier version of this (?:story|article|report)\b|"
    r"\bthis (?:story|article|report|version)\b.{0,40}?\b(?:has been|was) (?:corrected|clarified|amended)\b",
    re.IGNORECASE,
)


_CORRECTION_HINTS = ("correct", "clarif", "editor", "note to", "earlier version", "amended")


def is_correction(text: str) -> bool:
    """A correction, clarification or editor's note (``CORRECTION: An earlier version of this story ...``)."""
    lower = text.casefold()  # cheap test first: the pattern is slow on long paragraphs, and rarely matches
    return any(hint in lower for hint in _CORRECTION_HINTS) and _CORRECTION.search(text) is not None


def _figures(text: str, profile: Profile) -> set[str]:
    """The figures of a text as the word diff keys them: "1,800" and "1800", "$28m" and "$28 million",
    "five" and "5" are one figure each."""
    return {number for number, _unit in _figures_with_units(text, profile)}


def _headline(article: Article) -> int | None:
    return next((p.index for p in article.paragraphs if p.kind is ParagraphKind.HEADLINE), None)


def headline_findings(base: Article, other: Article, profile: Profile) -> list[Finding]:
    """A reworded headline is minor; one that states a figure the wire's story never states is major,
    whether it replaced another ("1,800 jobs" -> "2,800 jobs", "$38 million" -> "$28m") or was added
    ("recall of 26 batches" where the story says 62). A figure dropped, or added from the story's body,
    leaves it minor, and so do names: a headline says less than the story, and a name is often shortened."""
    b, o = _headline(base), _headline(other)
    if b is None or o is None:
        return []
    b_text, o_text = base.paragraphs[b].text, other.paragraphs[o].text
    changes = [s for s in diff_words(b_text, o_text, profile) if s.is_change and not s.category.is_noise]
    if not changes:
        return []
    replaced = _replaced_figures(changes, base, o_text, profile)
    if replaced:
        what = "; ".join(
            f"{_written(a, gone, profile)} became {_written(b, new, profile)}"
            if gone
            else f"{_written(b, new, profile)} added (the wire's story never states it)"
            for a, b, gone, new in replaced
        )
        severity, message = (
            Severity.MAJOR,
            f"Headline changed a figure: {what}: '{b_text.strip()}' became '{o_text.strip()}'",
        )
    else:
        severity, message = Severity.MINOR, f"Headline reworded: '{b_text.strip()}' became '{o_text.strip()}'"
    return [
        Finding(
            FindingKind.HEADLINE_CHANGED,
            severity,
            (b,),
            (o,),
            b_text,
            o_text,
            message,
            (base.whole(b),),
            (other.whole(o),),
        )
    ]


def _replaced_figures(changes, base: Article, other_headline: str, profile: Profile):
    """Changes of the headline that put a figure in the place of another that the wire's story never
    states ("for five days" -> "for three days"). A figure taken from the story's body ("rate hike to
    12.25%") is a headline that chose another fact, not a changed one."""
    wire = None
    replaced = []
    for change in changes:
        gone = _figures(change.base_text, profile) - _figures(change.other_text, profile)
        new = _figures(change.other_text, profile) - _figures(change.base_text, profile)
        if not new:
            continue
        if wire is None:  # the wire's figures, only for a headline that swapped one
            wire = {pair for p in base.paragraphs for pair in _figures_with_units(p.text, profile)}
            wire_numbers = {number for number, _unit in wire}
            headline = _figures_with_units(other_headline, profile)
        if gone and len(change.base_text.split()) == 1 and len(change.other_text.split()) == 1:
            # One figure swapped for another in the same words: the story must state it with the same
            # unit ("for three days"), not merely hold the number ("three or four doctors").
            new = {f for f in new if not any(pair in wire for pair in headline if pair[0] == f)}
        else:
            new -= wire_numbers
        if new:
            replaced.append((change.base_text, change.other_text, gone, new))
    return replaced


# Counts without a figure: "detain dozens" -> "detain hundreds" changes a headline's fact as a number does.
_COUNT_WORDS = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "billions"})


def _figures_with_units(text: str, profile: Profile) -> set[tuple[str, str]]:
    words = [t for t in keyer_for(profile).tokens(text) if t.is_word]
    return {
        (word.key, words[n + 1].key if n + 1 < len(words) else "")
        for n, word in enumerate(words)
        if word.key.startswith(NUMBER_PREFIX) or word.key in _COUNT_WORDS
    }


def _written(text: str, figures: set[str], profile: Profile) -> str:
    """The figures as the text writes them."""
    return ", ".join(dict.fromkeys(t.text for t in keyer_for(profile).tokens(text) if t.key in figures))


def correction_findings(base: Article, other: Article) -> list[Finding]:
    """A correction or editor's note of the wire that the copy carries nowhere."""
    if any(is_correction(p.text) for p in other.paragraphs):
        return []  # the copy carries one: which wording it chose is for the reader to see
    return [
        Finding(
            FindingKind.CORRECTION_REMOVED,
            Severity.MAJOR,
            (p.index,),
            (),
            p.text,
            None,
            f"Correction dropped: the wire's '{p.text.strip()[:80]}' is not in this version",
            (base.whole(p.index),),
        )
        for p in base.paragraphs
        if is_correction(p.text)
    ]


def notice_findings(base: Article, other: Article, profile: Profile) -> list[Finding]:
    return headline_findings(base, other, profile) + correction_findings(base, other)
