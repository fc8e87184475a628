"""Quotes, speakers and credits: findings about who said what and who is credited.

Quotes are matched by content across the whole article (see ``reader.findings.quote_match``), so a moved or
lifted quote is still the same quote. Each matched pair is checked for altered words and for a changed
speaker, cue verb or hedge; an unmatched wire quote is looked for, without its marks, at the same place
of the version's corresponding paragraph (paraphrase) before it is reported removed. Reported
statements (``X said the talks failed``, ``according to X``) are followed by their text, so a dropped
``a source familiar with the talks said`` is found even though no quote is involved.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

from reader.align.relation import Reuse, lifts_substantially
from reader.diff.words import diff_words
from reader.findings.credits import (
    AgencyCredits,
    agencies_named,
    agency_credits,
    article_findings,
    lift_findings,
)
from reader.findings.notices import notice_findings
from reader.findings.quote_match import QuoteIndex, QuoteMatch, match_quotes
from reader.findings.quotes import Quote, comparable_text, extract_quotes, masked_text, quote_key
from reader.findings.speakers import (
    PRONOUNS,
    Attribution,
    attribute_quotes,
    extract_attributions,
    has_cue,
    is_description,
    name_words,
    offices,
    same_speaker,
)
from reader.inert import hidden_characters, invisible_difference, show_hidden
from reader.loading.structure import is_trailer_line
from reader.model import (
    Article,
    Category,
    Finding,
    FindingKind,
    Op,
    ParagraphKind,
    Relation,
    Row,
    Severity,
    TextSpan,
)
from reader.settings.profile import Profile
from reader.text.normalize import STOP_WORDS, fold_typography

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
_SHOWN = 60  # characters of a quote shown in a message
_LIFTED_WORDS = 6  # a wire quote this long is looked for without its marks anywhere in the version


@dataclass
class Side:
    """One article's quotes and attributions, with each quote's attribution."""

    article: Article
    quotes: list[Quote]
    attributions: list[Attribution]
    speaker_of: list[Attribution | None]
    _triples_by_text: dict[str, frozenset[tuple[str, str, str]]] = field(
        default_factory=dict, init=False, repr=False
    )
    _agencies: dict[Profile, dict[str, str]] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def of(cls, article: Article) -> Side:
        quotes = extract_quotes(article)
        attributions = extract_attributions(article, quotes)
        return cls(article, quotes, attributions, attribute_quotes(article, quotes, attributions))

    def text(self, paragraph: int) -> str:
        return self.article.paragraphs[paragraph].text

    def agencies(self, profile: Profile) -> dict[str, str]:
        """``agency_credits`` of the article, worked out once per profile (every version asks for the wire's)."""
        found = self._agencies.get(profile)
        if found is None:
            found = self._agencies[profile] = agency_credits(self.article, profile)
        return found

    @cached_property
    def offices(self) -> dict[str, set[str]]:
        """``speakers.offices`` of the article's attributions (the wire's, worked out once for all versions)."""
        return offices(self.attributions)

    def quotes_in(self, paragraph: int) -> tuple[int, ...]:
        """Indices (into ``quotes``) of the paragraph's quotes."""
        return self._quotes_by_paragraph.get(paragraph, ())

    @cached_property
    def _quotes_by_paragraph(self) -> dict[int, tuple[int, ...]]:
        by_paragraph: dict[int, list[int]] = {}
        for n, quote in enumerate(self.quotes):
            by_paragraph.setdefault(quote.paragraph, []).append(n)
        return {paragraph: tuple(indices) for paragraph, indices in by_paragraph.items()}

    @cached_property
    def quote_index(self) -> QuoteIndex:
        """The quotes indexed for ``match_quotes``, once: a version's are matched against the wire's and
        then, for each removed quote that has matched siblings, against those siblings."""
        return QuoteIndex(self.quotes)

    @cached_property
    def long_quote_triples(self) -> frozenset[tuple[str, str, str]]:
        """Word triples of the quotes long enough to be looked for without their marks."""
        return frozenset(t for q in self.quotes if q.words >= _LIFTED_WORDS for t in _triples(q.key.split()))

    def long_quote_triples_in(self, text: str) -> frozenset[tuple[str, str, str]]:
        """The ``long_quote_triples`` that ``text`` holds. Remembered by text: the versions compared with
        this side share most of their paragraphs."""
        found = self._triples_by_text.get(text)
        if found is None:
            found = self._triples_by_text[text] = frozenset(_triples(_words(text)) & self.long_quote_triples)
        return found


@lru_cache(maxsize=8192)
def _verbatim_in(words: str, text: str) -> tuple[int, int] | None:
    """Where ``words`` stand in ``text``, at least 95 % alike (rapidfuzz's best window), or None.
    Remembered: a recurring quote cut from several versions is looked for in the same paragraphs."""
    alignment = fuzz.partial_ratio_alignment(words, text, score_cutoff=95)
    return None if alignment is None else (alignment.dest_start, alignment.dest_end)


def _triples(words: list[str]) -> set[tuple[str, str, str]]:
    return set(zip(words, words[1:], words[2:]))


def short(text: str, limit: int = _SHOWN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _by(attribution: Attribution | None) -> str:
    """ " by Maria Velasquez" for a message; nothing when nobody, or nobody for sure, is credited."""
    if attribution is None or not attribution.sure:
        return ""
    who = attribution.who
    return f" by {who[0].lower()}{who[1:]}" if re.match(r"(?:The|A|An)\s", who) else f" by {who}"


def _written(attribution: Attribution) -> str:
    """The speaker for a message: the name when sure, else as written ("he")."""
    return attribution.who if attribution.sure else attribution.speaker


def _credited_to(attribution: Attribution) -> str:
    return f" to {attribution.who}" if attribution.sure else ""


def _counterparts(rows: list[Row]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    base_to_other: dict[int, list[int]] = {}
    other_to_base: dict[int, list[int]] = {}
    for row in rows:
        if not row.has_both_sides:
            continue
        for b in row.base:
            base_to_other.setdefault(b, []).extend(row.other)
        for o in row.other:
            other_to_base.setdefault(o, []).extend(row.base)
    return base_to_other, other_to_base


# ---------------------------------------------------------------------------------------------- quotes


def _change_message(segments) -> tuple[Severity | None, str]:
    """Severity of a quote's word changes and a short description of the first one that matters."""
    changes = [(n, s) for n, s in enumerate(segments) if s.is_change and not s.category.is_noise]
    # Between quote marks only the marks themselves are noise: punctuation, house style ("any more" /
    # "anymore") and spelling mean the quote no longer reproduces what was said, word for word.
    punctuation = [
        (n, s)
        for n, s in enumerate(segments)
        if s.is_change and s.category.is_noise and s.category is not Category.TYPOGRAPHY
    ]
    if changes:
        severity = Severity.MAJOR
        n, segment = changes[0]
    elif punctuation:
        severity = Severity.MINOR
        n, segment = punctuation[0]
    else:
        return None, ""
    before = _edge_words(segments[:n], last=True)
    after = _edge_words(segments[n + 1 :], last=False)
    if segment.op is Op.INSERT and segment.category is not Category.PUNCTUATION:
        what = f'"{short(segment.other_text.strip())}" inserted' + (
            f' after "{before.strip()}"' if before.strip() else ""
        )
    elif segment.op is Op.DELETE and segment.category is not Category.PUNCTUATION:
        what = f'"{short(segment.base_text.strip())}" cut' + (
            f' after "{before.strip()}"' if before.strip() else ""
        )
    else:
        old = " ".join((before + segment.base_text + after).split())
        new = " ".join((before + segment.other_text + after).split())
        what = f'"{short(old)}" became "{short(new)}"'
    more = len(changes or punctuation) - 1
    if more > 0:
        what += f" (+{more} more change{'s' if more > 1 else ''})"
    what = show_hidden(what)
    unseen = next(filter(None, (invisible_difference(s.base_text, s.other_text) for _n, s in changes)), None)
    if unseen:
        what = f"{unseen}: {what}"  # the two texts look alike: say what differs
    if severity is Severity.MINOR:
        kinds = sorted({str(s.category) for _n, s in punctuation})
        what = f"{' and '.join(kinds)} only: " + what
    return severity, what


def _edge_words(segments, last: bool) -> str:
    text = "".join(s.base_text for s in segments)
    words = text.split(" ")
    if last:
        tail = words[-2:] if len(words) >= 2 else words
        return " ".join(tail)
    return " ".join(words[:2])


def _quote_text(side: Side, indices: tuple[int, ...]) -> str:
    return " ".join(comparable_text(side.quotes[i].text) for i in indices)


def _spans(side: Side, indices) -> list[TextSpan]:
    return [side.quotes[i].span for i in indices]


def _paragraphs(side: Side, indices) -> list[int]:
    return sorted({side.quotes[i].paragraph for i in indices})


def _altered(base: Side, other: Side, match: QuoteMatch, profile: Profile) -> Finding | None:
    if [base.quotes[i].text for i in match.base] == [other.quotes[j].text for j in match.other]:
        return None  # word for word the same (most quotes of a reprint)
    base_text, other_text = _quote_text(base, match.base), _quote_text(other, match.other)
    if fold_typography(base_text) == fold_typography(other_text) and hidden_characters(
        base_text
    ) == hidden_characters(other_text):
        return None
    who = base.speaker_of[match.base[0]]
    kept = _whole_sentences_kept(base_text, other_text)
    if kept is not None:
        # Selective quoting: what is quoted is still word for word what was said.
        return Finding(
            FindingKind.QUOTE_ALTERED,
            Severity.INFO,
            tuple(_paragraphs(base, match.base)),
            tuple(_paragraphs(other, match.other)),
            base_text,
            other_text,
            f"Quote{_by(who)} shortened: {kept} kept word for word",
            tuple(_spans(base, match.base)),
            tuple(_spans(other, match.other)),
        )
    severity, what = _change_message(diff_words(base_text, other_text, profile))
    if severity is None:
        return None
    if severity is Severity.MINOR and (len(match.base) > 1 or len(match.other) > 1):
        return None  # joining or splitting a quote moves its punctuation; the words are the same
    return Finding(
        FindingKind.QUOTE_ALTERED,
        severity,
        tuple(_paragraphs(base, match.base)),
        tuple(_paragraphs(other, match.other)),
        base_text,
        other_text,
        f"Quote{_by(who)} altered: {what}",
        tuple(_spans(base, match.base)),
        tuple(_spans(other, match.other)),
    )


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=\S)")


def _whole_sentences_kept(base_text: str, other_text: str) -> str | None:
    """ "2 of 3 sentences" when the version quotes a run of the wire quote's whole sentences, word for
    word, and nothing else; else None."""
    sentences = [quote_key(part) for part in _SENTENCE_BREAK.split(base_text)]
    target = quote_key(other_text)
    if len(sentences) < 2 or not target:
        return None
    for start in range(len(sentences)):
        for end in range(start + 1, len(sentences) + 1):
            if (end - start) < len(sentences) and " ".join(sentences[start:end]) == target:
                return f"{end - start} of {len(sentences)} sentences"
    return None


@dataclass(frozen=True)
class _Place:
    """Where a wire quote's words stand in the version's corresponding paragraph."""

    paragraph: int
    start: int
    end: int
    quote: int | None  # index of a version quote overlapping that place


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(fold_typography(text))]


def _words(text: str) -> list[str]:
    """The words of ``_tokens(text)`` without their offsets."""
    return [word.casefold() for word in _WORD.findall(fold_typography(text))]


# A removed quote whose content words stand, this share of them, unquoted in its paragraph's counterpart
# was reworded there (quotes of fewer content words are too short to tell).
_REWORDED_SHARE = 0.6
_REWORDED_MIN_WORDS = 4
_ANCHOR_WORDS = 3  # matched words just before a quote (and the one after it) that place it in a version


def _place_of(base: Side, quote: Quote, other: Side, paragraph: int) -> _Place | None:
    """Map the quote's words through a word alignment of the two paragraphs, anchored on the
    unquoted words around it. None when the surrounding words are not there."""
    b_tokens = _tokens(base.text(quote.paragraph))
    o_tokens = _tokens(other.text(paragraph))
    inside = [k for k, (_w, a, _b) in enumerate(b_tokens) if quote.start <= a < quote.end]
    if not inside or not o_tokens:
        return None
    first, last = inside[0], inside[-1] + 1
    outside_count = len(b_tokens) - len(inside)
    if outside_count < 3:
        return None
    matcher = SequenceMatcher(None, [t[0] for t in b_tokens], [t[0] for t in o_tokens], autojunk=False)
    mapping: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapping[block.a + k] = block.b + k
    matched_outside = sum(1 for k in mapping if k < first or k >= last)
    # The words right around the quote anchor it too: "X, who ..., said the players had to 'look in the
    # mirror'" trimmed to "X said the players had to look in the mirror" keeps its place.
    hugged = all(k in mapping for k in range(max(0, first - _ANCHOR_WORDS), first)) and (
        last >= len(b_tokens) or last in mapping
    )
    if matched_outside < 0.5 * outside_count and not (first >= _ANCHOR_WORDS and hugged):
        return None
    before = [mapping[k] for k in range(first) if k in mapping]
    after = [mapping[k] for k in range(last, len(b_tokens)) if k in mapping]
    if first > 0 and not before or last < len(b_tokens) and not after:
        return None
    o_first = before[-1] + 1 if before else 0
    o_last = after[0] if after else len(o_tokens)
    if o_last <= o_first:
        return _Place(paragraph, 0, 0, None)
    start, end = o_tokens[o_first][1], o_tokens[o_last - 1][2]
    overlapping = next(
        (
            n
            for n in other.quotes_in(paragraph)
            if other.quotes[n].start < end and start < other.quotes[n].end
        ),
        None,
    )
    return _Place(paragraph, start, end, overlapping)


def _region_words(other: Side, place: _Place) -> list[str]:
    return _words(other.text(place.paragraph)[place.start : place.end])


# --------------------------------------------------------------------------------------- attributions


def _statement_text(side: Side, attribution: Attribution) -> str:
    a, b = attribution.statement
    if b <= a:
        return ""
    quotes = [side.quotes[n] for n in side.quotes_in(attribution.paragraph)]
    text = masked_text(side.text(attribution.paragraph), quotes)[a:b]
    return " ".join(w for w in text.replace("\u2591", " ").replace('"', " ").split())


# Verbs that only say that words were spoken: "said" -> "added" or "noted" is the copy's rhythm, not news.
_PLAIN_SPEECH = frozenset({"say", "add", "note", "state", "continue", "explain"})


def _verb_change(b: Attribution, o: Attribution) -> tuple[Severity, str] | None:
    if b.hedge and not o.hedge:
        return Severity.MAJOR, f'hedge dropped: "{b.cue}" became "{o.cue}"'
    if b.lemma != o.lemma and not {b.lemma, o.lemma} <= _PLAIN_SPEECH:
        loaded = b.is_loaded or o.is_loaded
        severity = Severity.MAJOR if loaded else Severity.MINOR
        if {b.lemma, o.lemma} == {"say", "according to"}:
            severity = Severity.INFO
        note = " (loaded verb)" if loaded else ""
        return severity, f'"{_written(b)} {b.cue}" became "{_written(o)} {o.cue}"{note}'
    if o.hedge and not b.hedge:
        return Severity.MINOR, f'hedge added: "{b.cue}" became "{o.cue}"'
    if _cue_detail(b) != _cue_detail(o):
        # "said" -> "said in a separate interview", "told reporters" -> "told state television"
        return (
            Severity.MINOR,
            f'sourcing detail changed: "{_written(b)} {b.cue}" became "{_written(o)} {o.cue}"',
        )
    return None


def _cue_detail(attribution: Attribution) -> str:
    """What the cue says besides its verb: "in a separate interview", "reporters", "on Facebook"."""
    return " ".join(fold_typography(attribution.verb).casefold().split()[1:])


def _mentions(text: str, speaker: str) -> bool:
    """Whether ``text`` names the speaker's surname (the last word of the name)."""
    words = name_words(speaker)
    return bool(words) and words[-1] in {
        w.replace(".", "") for w in re.findall(r"[\w'.-]+", fold_typography(text).casefold())
    }


def _compare_attributions(
    b: Attribution,
    o: Attribution,
    about: str,
    texts: tuple[str, str],
    profile: Profile,
    offices: dict[str, set[str]],
) -> list[Finding]:
    """``texts``: the base attribution's paragraph and the version attribution's; ``offices``: the office
    words both stories give each named speaker (``speakers.offices``). A speaker change is
    said only when sure: each side names its speaker, or a pronoun for an earlier cue's speaker, and
    neither paragraph names the other side's (a paragraph naming both people may have been misread)."""
    # One name on both sides (most attributions of a reprint) is never another speaker.
    same = True if b.who == o.who else same_speaker(b.who, o.who, profile)
    if same is False and (
        b.title and same_speaker(b.title, o.who, profile) or o.title and same_speaker(b.who, o.title, profile)
    ):
        same = True  # "said Edwin Marsh, the association's chief executive" / "said the chief executive"
    if same is False and is_description(b.who) != is_description(o.who):
        # "the governor said" -> "Markham said": the same person when the stories call Markham governor,
        # somebody else when they give Markham another office, and unknown when they give none.
        role, name = (b.who, o.who) if is_description(b.who) else (o.who, b.who)
        held = offices.get((name_words(name) or [""])[-1], set()) - STOP_WORDS
        same = True if set(name_words(role)) & held else (False if held else None)
    if same is False and (
        not b.sure
        or not o.sure  # "he said" for a name merely mentioned before: a guess
        # "she said" on both sides: the copy kept the words; only our reading of "she" differs
        or b.speaker.casefold() in PRONOUNS
        and fold_typography(_phrase(b)).casefold() == fold_typography(_phrase(o)).casefold()
        or _mentions(texts[1], b.who)
        or _mentions(texts[0], o.who)
    ):
        same = None
    if same is False:
        # The changed speaker is the change; a verb changed with it ("X told reporters" -> "Y said") is
        # part of the same rewritten attribution, said in the message rather than as a second finding.
        return [
            Finding(
                FindingKind.SPEAKER_CHANGED,
                Severity.MAJOR,
                (b.paragraph,),
                (o.paragraph,),
                _phrase(b),
                _phrase(o),
                f'Speaker changed{about}: {b.who} became {o.who} ("{_phrase(b)}" -> "{_phrase(o)}")',
                (b.span,),
                (o.span,),
            )
        ]
    return _verb_findings(b, o, about)


_SAME_STATEMENT = 95  # token-set ratio from which two reported statements are the same words


def _verb_findings(b: Attribution, o: Attribution, about: str) -> list[Finding]:
    change = _verb_change(b, o)
    if change is None:
        return []
    severity, what = change
    return [
        Finding(
            FindingKind.ATTRIBUTION_VERB_CHANGED,
            severity,
            (b.paragraph,),
            (o.paragraph,),
            _phrase(b),
            _phrase(o),
            f"Attribution verb changed{about}: {what}",
            (b.span,),
            (o.span,),
        )
    ]


def _phrase(attribution: Attribution) -> str:
    return attribution.phrase or f"{attribution.speaker} {attribution.cue}"


class _Comparer:
    def __init__(
        self, base: Side, other: Side, rows: list[Row], profile: Profile, independent: bool = False
    ) -> None:
        self.base, self.other = base, other
        # An independent story is not a reprint: a wire quote it does not carry was not cut from it (even
        # when it quotes another sentence of the same paragraph); its attributions are worded its own way.
        self.independent = independent
        self.rows, self.profile = rows, profile
        self.base_to_other, self.other_to_base = _counterparts(rows)
        self.findings: list[Finding] = []
        self.pairs: dict[tuple[int, int], Attribution | None] = {}  # base attribution -> version attribution
        self.paired_other: set[tuple[int, int]] = set()
        # What attribution findings already said: one paragraph's "X said ... and urged" is one change.
        self._said: set[tuple] = set()
        self._speaker_changes: dict[tuple, int] = {}  # (version paragraph, old, new surname) -> finding
        self._trigrams: dict[tuple[str, ...], set[int]] | None = None
        self._triples_of: dict[int, frozenset[tuple[str, str, str]]] = {}  # per body paragraph

    # -- quotes
    def quotes(self) -> None:
        base, other = self.base, self.other
        matches = match_quotes(base.quotes, other.quotes, other.quote_index)
        matched_base = {i for m in matches for i in m.base}
        matched_other = {j for m in matches for j in m.other}
        for match in matches:
            altered = _altered(base, other, match, self.profile)
            if altered:
                self.findings.append(altered)
            first, j = self._attributed(base, match.base), self._attributed(other, match.other)
            self._pair_quote_attribution(first, j)
            for n in self._other_speakers(match.base, first):
                # Another person's quote joined onto this one (two paragraphs merged into one quote): whether
                # the version still credits it to that person is a question of its own.
                self._pair_quote_attribution(n, j)
        for i, quote in enumerate(base.quotes):
            if i in matched_base:
                continue
            place = self._find_place(quote, matched_base)
            if place is not None and place.quote is not None and place.quote not in matched_other:
                match = QuoteMatch((i,), (place.quote,), 0.0)
                finding = _altered(base, other, match, self.profile)
                if finding:
                    self.findings.append(finding)
                matched_other.add(place.quote)
                self._pair_quote_attribution(i, place.quote)
                continue
            if place is not None and place.quote is None and place.end > place.start:
                if self._paraphrase(i, quote, place):
                    continue
            if (verbatim := self._unquoted_anywhere(quote)) is not None:
                if self._paraphrase(i, quote, verbatim):
                    continue
            if self._reworded_in_counterpart(i, quote):
                continue
            self._removed(i, quote, place, matched_base)
        matched_keys = {other.quotes[n].key for n in matched_other}
        for j, quote in enumerate(other.quotes):
            if j not in matched_other:
                self._added(j, quote, matched_other, matched_keys)

    def _other_speakers(self, pieces: tuple[int, ...], first: int) -> list[int]:
        """Pieces of a base match spoken by someone surely other than the ``first`` piece's speaker."""
        lead = self.base.speaker_of[first]
        if lead is None:
            return []
        found = []
        for n in pieces:
            a = self.base.speaker_of[n]
            if a is not None and a.sure and same_speaker(a.who, lead.who, self.profile) is False:
                found.append(n)
        return found

    @staticmethod
    def _attributed(side: Side, indices: tuple[int, ...]) -> int:
        """The piece of a (possibly multi-piece) match that carries an attribution, else the first."""
        return next((n for n in indices if side.speaker_of[n] is not None), indices[0])

    def _find_place(self, quote: Quote, matched_base: set[int]) -> _Place | None:
        candidates = list(dict.fromkeys(self.base_to_other.get(quote.paragraph, [])))
        for paragraph in candidates:
            place = _place_of(self.base, quote, self.other, paragraph)
            if place is not None:
                return place
        return None

    def _unquoted_anywhere(self, quote: Quote) -> _Place | None:
        """A long wire quote standing word for word, without quote marks, anywhere in the version
        (a rewrite lifting it as its own prose)."""
        if quote.words < _LIFTED_WORDS:
            return None
        words = comparable_text(quote.text)
        for index in self._paragraphs_sharing_words(quote.key):
            paragraph = self.other.article.paragraphs[index]
            found = _verbatim_in(words, paragraph.text)
            if found is None:
                continue
            start, end = found
            if any(
                self.other.quotes[n].start < end and start < self.other.quotes[n].end
                for n in self.other.quotes_in(paragraph.index)
            ):
                continue
            return _Place(paragraph.index, start, end, None)
        return None

    def _paragraphs_sharing_words(self, key: str) -> list[int]:
        """Version body paragraphs holding most of the word triples of ``key``, a long wire quote's
        (cheap pre-filter). Only the triples of such quotes are indexed."""
        if self._trigrams is None:
            self._trigrams = {}
            for paragraph in self.other.article.paragraphs:
                if paragraph.kind is ParagraphKind.BODY:
                    held = self._triples_of[paragraph.index] = self.base.long_quote_triples_in(paragraph.text)
                    for triple in held:
                        self._trigrams.setdefault(triple, set()).add(paragraph.index)
        triples = _triples(key.split())
        needed = math.ceil(0.6 * len(triples))
        if not needed:
            return []
        # A paragraph holding ``needed`` of the triples holds one of any ``len - needed + 1`` of them: only
        # the rarest are looked up (a recurring sentence's triples stand in many paragraphs), and each
        # paragraph found is then counted exactly.
        postings = sorted((self._trigrams.get(t, ()) for t in triples), key=len)[: len(triples) - needed + 1]
        found = set().union(*postings)
        return sorted(i for i in found if len(triples & self._triples_of[i]) >= needed)

    def _paraphrase(self, i: int, quote: Quote, place: _Place) -> bool:
        quote_words = _words(comparable_text(quote.text))
        region = _region_words(self.other, place)
        if not region or len(region) > 2 * len(quote_words) + 4:
            return False
        shared = sum(1 for w in set(quote_words) if w in region) / max(1, len(set(quote_words)))
        if shared < 0.3:
            return False
        kept = region == quote_words
        region_text = self.other.text(place.paragraph)[place.start : place.end]
        who = self.base.speaker_of[i]
        severity = Severity.MINOR if kept else Severity.MAJOR
        how = "quote marks removed, words kept" if kept else "reworded without quote marks"
        self.findings.append(
            Finding(
                FindingKind.QUOTE_TO_PARAPHRASE,
                severity,
                (quote.paragraph,),
                (place.paragraph,),
                quote.text,
                region_text,
                f'Quote{_by(who)} turned into paraphrase ({how}): "{short(quote.text)}" became "{short(region_text)}"',
                (quote.span,),
                (TextSpan(place.paragraph, place.start, place.end),),
            )
        )
        return True

    def _reworded_in_counterpart(self, i: int, quote: Quote) -> bool:
        """The quote's words, most of them, stand unquoted in the paragraph the wire's became: "'This is
        the governor drawing a line in the sand,' she said" -> "she said the governor had drawn a line in
        the sand". Its marks are gone and its words changed: a major quote_to_paraphrase, not a cut."""
        content = {w for w in _words(quote.text) if w not in STOP_WORDS and len(w) > 2}
        if len(content) < _REWORDED_MIN_WORDS:
            return False
        counterparts = bool(self.base_to_other.get(quote.paragraph))
        for paragraph in self._retelling_candidates(i, quote, content):
            text = self.other.text(paragraph)
            words = set(
                _words(masked_text(text, [self.other.quotes[n] for n in self.other.quotes_in(paragraph)]))
            )
            if not counterparts or len(content & words) >= _REWORDED_SHARE * len(content):
                who = self.base.speaker_of[i]
                self.findings.append(
                    Finding(
                        FindingKind.QUOTE_TO_PARAPHRASE,
                        Severity.MAJOR,
                        (quote.paragraph,),
                        (paragraph,),
                        quote.text,
                        text,
                        f'Quote{_by(who)} turned into paraphrase (reworded without quote marks): "{short(quote.text)}"',
                        (quote.span,),
                        (TextSpan(paragraph, 0, len(text)),),
                    )
                )
                return True
        return False

    def _retelling_candidates(self, i: int, quote: Quote, content: set[str]) -> list[int]:
        """Where a quote's words may stand reworded: the paragraphs its own became; or, when its paragraph
        has none in a reprint (a retelling the aligner could not pair), a paragraph of the version's own
        that names the quote's speaker and holds most of its words."""
        counterparts = list(dict.fromkeys(self.base_to_other.get(quote.paragraph, ())))
        who = self.base.speaker_of[i]
        if counterparts or self.independent or who is None or not who.sure:
            return counterparts
        found: set[int] = set()
        # A retelling may tell one sentence of a long quote: each sentence of it is looked for.
        for sentence in re.split(r"(?<=[.!?])\s+", quote.text):
            words = {w for w in _words(sentence) if w not in STOP_WORDS and len(w) > 2}
            if len(words) < _REWORDED_MIN_WORDS:
                continue
            counts: dict[int, int] = {}
            for word in words:
                for paragraph in self._unpaired_words.get(word, ()):
                    counts[paragraph] = counts.get(paragraph, 0) + 1
            found.update(p for p, count in counts.items() if count >= _REWORDED_SHARE * len(words))
        return [p for p in sorted(found) if _mentions(self.other.text(p), who.who)]

    @cached_property
    def _unpaired_words(self) -> dict[str, set[int]]:
        """The version's body paragraphs that pair with no wire paragraph, by word."""
        index: dict[str, set[int]] = {}
        for paragraph in self.other.article.paragraphs:
            if paragraph.kind is ParagraphKind.BODY and paragraph.index not in self.other_to_base:
                for word in set(_words(paragraph.text)):
                    index.setdefault(word, set()).add(paragraph.index)
        return index

    def _removed(self, i: int, quote: Quote, place: _Place | None, matched_base: set[int]) -> None:
        siblings = [n for n in self.base.quotes_in(quote.paragraph) if n != i and n in matched_base]
        counterpart = list(dict.fromkeys(self.base_to_other.get(quote.paragraph, [])))
        # An independent story quoting one sentence of a wire paragraph chose what to quote; it cut nothing.
        kept = not self.independent and (bool(siblings) or bool(counterpart))
        who = self.base.speaker_of[i]
        other_paragraphs: tuple[int, ...] = ()
        if counterpart or siblings:
            other_paragraphs = tuple(counterpart)
            if not other_paragraphs:
                siblings_quotes = [self.base.quotes[n] for n in siblings]
                matches = match_quotes(siblings_quotes, self.other.quotes, self.other.quote_index)
                other_paragraphs = tuple(
                    sorted({self.other.quotes[j].paragraph for m in matches for j in m.other})
                )
        where = (
            ""
            if kept
            else (
                " (an independent story: it lifts what it chooses)"
                if counterpart or siblings
                else " (its paragraph is not in this version)"
            )
        )
        self.findings.append(
            Finding(
                FindingKind.QUOTE_REMOVED,
                Severity.MINOR if kept else Severity.INFO,
                (quote.paragraph,),
                other_paragraphs,
                quote.text,
                None,
                f'Quote{_by(who)} removed{where}: "{short(quote.text)}"',
                (quote.span,),
                (),
            )
        )

    def _added(self, j: int, quote: Quote, matched_other: set[int], matched_keys: set) -> None:
        if quote.key in matched_keys:
            return  # the page repeats a quote it carries elsewhere (a teaser, a pull quote, share text)
        siblings = [n for n in self.other.quotes_in(quote.paragraph) if n != j and n in matched_other]
        counterpart = list(dict.fromkeys(self.other_to_base.get(quote.paragraph, [])))
        in_wire_paragraph = bool(counterpart) or bool(siblings)
        who = self.other.speaker_of[j]
        unquoted = self._unquoted_in_wire(quote, counterpart) if quote.words >= 3 else None
        if unquoted is not None:
            paragraph, start, end = unquoted
            self.findings.append(
                Finding(
                    FindingKind.QUOTE_ADDED,
                    Severity.MAJOR,
                    (paragraph,),
                    (quote.paragraph,),
                    self.base.text(paragraph)[start:end],
                    quote.text,
                    f'Words now in quote marks{_by(who)}: "{short(quote.text)}" (not a quote in the wire)',
                    (TextSpan(paragraph, start, end),),
                    (quote.span,),
                )
            )
            return
        where = " to a wire paragraph" if in_wire_paragraph else ""
        # An independent story mixes its own quotes into what it lifts: only a reprint's inserted quote weighs.
        inserted = in_wire_paragraph and not self.independent
        self.findings.append(
            Finding(
                FindingKind.QUOTE_ADDED,
                Severity.MINOR if inserted else Severity.INFO,
                tuple(counterpart),
                (quote.paragraph,),
                None,
                quote.text,
                f'Quote{_by(who)} added{where}: "{short(quote.text)}"',
                (),
                (quote.span,),
            )
        )

    def _unquoted_in_wire(self, quote: Quote, counterpart: list[int]) -> tuple[int, int, int] | None:
        """Where the quote's words stand, outside any quote, in the wire's corresponding paragraph."""
        words = comparable_text(quote.text)
        for paragraph in counterpart:
            text = self.base.text(paragraph)
            alignment = fuzz.partial_ratio_alignment(words, text)
            if alignment is None or alignment.score < 90:
                continue
            start, end = alignment.dest_start, alignment.dest_end
            if any(
                q.start < end and start < q.end
                for q in (self.base.quotes[n] for n in self.base.quotes_in(paragraph))
            ):
                continue
            return paragraph, start, end
        return None

    # -- attributions
    def _pair_quote_attribution(self, i: int, j: int) -> None:
        b, o = self.base.speaker_of[i], self.other.speaker_of[j]
        quote = self.base.quotes[i]
        about = f' (quote "{short(quote.text, 40)}")'
        if b is None and o is None:
            return
        if b is None:
            key = (o.paragraph, o.start)
            if (
                key in self.paired_other
                or o.inherited
                or self._attributed_somehow(self.base, quote.paragraph, o)
            ):
                return
            self.paired_other.add(key)
            self.findings.append(
                Finding(
                    FindingKind.ATTRIBUTION_ADDED,
                    Severity.MINOR,
                    (quote.paragraph,),
                    (o.paragraph,),
                    None,
                    _phrase(o),
                    f'Attribution added{about}: now credited{_credited_to(o)} ("{_phrase(o)}")',
                    (quote.span,),
                    (o.span, self.other.quotes[j].span),
                )
            )
            return
        key = (b.paragraph, b.start)
        if key in self.pairs:
            return
        self.pairs[key] = o
        other_quote = self.other.quotes[j]
        if o is None and self._attributed_somehow(self.other, other_quote.paragraph, b):
            return  # a cue or the speaker's name is there, in a form we could not read: say nothing
        if o is None:
            self.findings.append(
                Finding(
                    FindingKind.ATTRIBUTION_REMOVED,
                    Severity.MAJOR,
                    (b.paragraph,),
                    (self.other.quotes[j].paragraph,),
                    _phrase(b),
                    None,
                    f'Attribution removed{about}: no longer credited{_credited_to(b)} (was "{_phrase(b)}")',
                    (b.span, quote.span),
                    (self.other.quotes[j].span,),
                )
            )
            return
        self.paired_other.add((o.paragraph, o.start))
        if b.inherited and o.inherited:
            return
        if o.inherited and not b.inherited:
            # The version's quote is credited only by the paragraph before ("...," Varenne said. / "We
            # expect ..."): its own attribution was cut. Who a reader takes it for is a guess: say that.
            introduced = self.other.text(o.paragraph).rstrip().endswith(":")  # "Here is what she said:"
            if not introduced and same_speaker(b.who, o.who, self.profile) is False:
                self.findings.append(
                    Finding(
                        FindingKind.ATTRIBUTION_REMOVED,
                        Severity.MAJOR,
                        tuple(sorted({b.paragraph, quote.paragraph})),
                        (other_quote.paragraph,),
                        _phrase(b),
                        None,
                        f'Attribution removed{about}: no longer credited{_credited_to(b)} (was "{_phrase(b)}"); '
                        f"it now follows a paragraph quoting {o.who}",
                        (b.span, quote.span),
                        (other_quote.span,),
                    )
                )
            return
        found = _compare_attributions(
            b,
            o,
            about,
            (self.base.text(b.paragraph), self.other.text(o.paragraph)),
            self.profile,
            self._offices,
        )
        # The finding is about the quote too: its paragraphs are the quote's and the attribution's.
        found = [
            replace(
                f,
                base=tuple(sorted({*f.base, quote.paragraph})),
                other=tuple(sorted({*f.other, other_quote.paragraph})),
            )
            for f in found
        ]
        if found and found[0].kind is FindingKind.SPEAKER_CHANGED:
            self._add_speaker_change(
                found[0], (o.paragraph, *name_words(b.who)[-1:], *name_words(o.who)[-1:])
            )
        else:
            self._add_attribution_findings(found)

    def _add_speaker_change(self, finding: Finding, key: tuple) -> None:
        """One person's words given to another in one paragraph of the version (``key``: that paragraph,
        the old and the new speaker) is one change, however many quotes of the first it takes: a second
        quote widens the finding already made."""
        if key not in self._speaker_changes:
            self._speaker_changes[key] = len(self.findings)
            self.findings.append(finding)
            return
        n = self._speaker_changes[key]
        first = self.findings[n]
        self.findings[n] = replace(
            first,
            base=tuple(sorted({*first.base, *finding.base})),
            other=tuple(sorted({*first.other, *finding.other})),
            base_spans=first.base_spans + finding.base_spans,
            other_spans=first.other_spans + finding.other_spans,
        )

    @cached_property
    def _offices(self) -> dict[str, set[str]]:
        both = {surname: set(words) for surname, words in self.base.offices.items()}
        for surname, words in self.other.offices.items():
            both.setdefault(surname, set()).update(words)
        return both

    def _add_attribution_findings(self, found) -> None:
        """Add speaker and verb findings, once each: "X said ... and urged" are two cues of one speaker,
        and a changed speaker is one change of the paragraph."""
        for finding in found:
            if self.independent and self._own_wording(finding):
                continue
            key = (finding.kind, finding.base, finding.other) + (
                () if finding.kind is FindingKind.SPEAKER_CHANGED else (finding.message,)
            )
            if key not in self._said:
                self._said.add(key)
                self.findings.append(finding)

    def _own_wording(self, finding: Finding) -> bool:
        """An independent story words its attributions its own way ("said" for "told reporters"): only a
        verb change that matters (a hedge, a loaded verb) or drops the wire's agency ("told Reuters") is
        a finding there."""
        return (
            finding.kind is FindingKind.ATTRIBUTION_VERB_CHANGED
            and finding.severity is not Severity.MAJOR
            and not agencies_named(finding.base_text or "", self.profile)
        )

    @staticmethod
    def _attributed_somehow(side: Side, paragraph: int, attribution: Attribution) -> bool:
        """The paragraph holds the other side's cue verb outside its quotes, or names its speaker: that
        attribution may be there in a form we could not read ("(D-Ill.)", "tells a network"). A wire
        "according to the state news agency" is not there because the copy says "she said"."""
        quotes = [side.quotes[n] for n in side.quotes_in(paragraph)]
        text = side.text(paragraph)
        return has_cue(text, quotes, attribution.lemma) or _mentions(text, attribution.who)

    def statements(self) -> None:
        """Attributions of reported statements, followed by the statement's words."""
        base, other = self.base, self.other
        other_statements = [(o, _statement_text(other, o)) for o in other.attributions]
        # Indexed by paragraph once: each wire attribution looks only at its counterparts' (in reading order).
        statements_in: dict[int, list[int]] = {}
        for n, (o, _o_statement) in enumerate(other_statements):
            statements_in.setdefault(o.paragraph, []).append(n)
        base_paragraphs = {b.paragraph for b in base.attributions}
        for b in base.attributions:
            key = (b.paragraph, b.start)
            if key in self.pairs:
                continue
            statement = _statement_text(base, b)
            if len(statement.split()) < 4:
                continue
            best, best_score = None, 0.0
            near = set(self.base_to_other.get(b.paragraph, ()))
            for n in sorted(n for paragraph in near for n in statements_in.get(paragraph, ())):
                o, o_statement = other_statements[n]
                if (o.paragraph, o.start) in self.paired_other or len(o_statement.split()) < 3:
                    continue
                score = fuzz.token_set_ratio(statement, o_statement)
                score += (
                    0.5 if o.phrase == b.phrase else 0.0
                )  # ties go to the attribution written the same way
                if score > best_score:
                    best, best_score = o, score
            if best is not None and best_score >= 80:
                self.pairs[key] = best
                self.paired_other.add((best.paragraph, best.start))
                # Statements are paired by their words, a fuzzier match than a quote's: the verb is
                # compared, and a different source is called another speaker only when the words are
                # the wire's and both sources are sure ("Wierzbicki said X" -> "She said X" after Achterberg).
                if best_score >= _SAME_STATEMENT and b.sure and best.sure:
                    found_here = _compare_attributions(
                        b,
                        best,
                        "",
                        (base.text(b.paragraph), other.text(best.paragraph)),
                        self.profile,
                        self._offices,
                    )
                else:
                    found_here = _verb_findings(b, best, "")
                self._add_attribution_findings(found_here)
                continue
            found = self._find_statement(statement, base_paragraph=b.paragraph)
            if found is None:
                continue
            paragraph, (start, end) = found
            if any(
                (o.paragraph, o.start) not in self.paired_other
                for o in (other_statements[n][0] for n in statements_in.get(paragraph, ()))
            ):
                continue  # attributed there in another way we could not pair: say nothing rather than guess
            self.pairs[key] = None
            kind = "anonymous-source attribution" if b.anonymous else "attribution"
            self.findings.append(
                Finding(
                    FindingKind.ATTRIBUTION_REMOVED,
                    Severity.MAJOR,
                    (b.paragraph,),
                    (paragraph,),
                    _phrase(b),
                    None,
                    f'{kind[0].upper()}{kind[1:]} removed: "{_phrase(b)}" dropped; '
                    f'"{short(statement, 50)}" now stands unsourced',
                    (b.span,),
                    (TextSpan(paragraph, start, end),),
                )
            )
        for o, o_statement in other_statements:
            if (o.paragraph, o.start) in self.paired_other or len(o_statement.split()) < 4:
                continue
            found = self._find_statement(o_statement, other_paragraph=o.paragraph)
            if found is None:
                continue
            paragraph, (start, end) = found
            if paragraph in base_paragraphs or self._attributed_somehow(base, paragraph, o):
                continue
            self.findings.append(
                Finding(
                    FindingKind.ATTRIBUTION_ADDED,
                    Severity.MINOR,
                    (paragraph,),
                    (o.paragraph,),
                    None,
                    _phrase(o),
                    f'Attribution added: "{short(o_statement, 50)}" now credited{_credited_to(o)} ("{_phrase(o)}")',
                    (TextSpan(paragraph, start, end),),
                    (o.span,),
                )
            )

    def _find_statement(
        self, statement: str, base_paragraph: int | None = None, other_paragraph: int | None = None
    ):
        """Where a statement's words stand on the other side: (paragraph, (start, end)) or None."""
        if base_paragraph is not None:
            side, candidates = self.other, self.base_to_other.get(base_paragraph, [])
        else:
            side, candidates = self.base, self.other_to_base.get(other_paragraph, [])
        for paragraph in dict.fromkeys(candidates):
            if side.article.paragraphs[paragraph].kind is not ParagraphKind.BODY:
                continue
            text = side.text(paragraph)
            alignment = fuzz.partial_ratio_alignment(statement, text)
            if alignment is not None and alignment.score >= 88:
                return paragraph, (alignment.dest_start, alignment.dest_end)
        return None


def find_findings(
    base: Side,
    other: Article,
    rows: list[Row],
    profile: Profile,
    relation: Relation = Relation.COPY,
    share: Reuse | None = None,
    agencies: AgencyCredits | None = None,
) -> list[Finding]:
    """Findings of one version against the base. ``base`` is ``Side.of(base_article)``, worked out once
    by the caller and shared by every version compared against that base.

    They follow the version's ``relation``: an independent story is asked which wire quotes it lifted
    and whether it credits a substantial lift, not whether it kept the byline or dateline; in a copy of
    another write-through, a reworded quote may be the agency's own update (minor)."""
    base_article = base.article
    if [(p.text, p.kind) for p in base_article.paragraphs] == [(p.text, p.kind) for p in other.paragraphs]:
        return []  # the same text: nothing about it can have changed
    agencies = agencies or AgencyCredits(base.agencies(profile), agency_credits(other, profile))
    comparer = _Comparer(
        base, Side.of(other), list(rows), profile, independent=relation is Relation.INDEPENDENT
    )
    comparer.quotes()
    comparer.statements()
    if relation is Relation.INDEPENDENT:
        metadata = (
            lift_findings(base_article, list(rows), share, agencies, profile)
            if share and lifts_substantially(share)
            else []
        )
    else:
        metadata = article_findings(base_article, other, list(rows), profile, agencies) + notice_findings(
            base_article, other, profile
        )
    findings = metadata + comparer.findings
    if relation is Relation.WRITE_THROUGH:
        findings = [_as_update(f, base_article) for f in findings]
    return findings


_UPDATES = {  # what another write-through of the agency's may hold, and how much it weighs then
    FindingKind.QUOTE_ALTERED: (Severity.MINOR, "the agency may have updated the quote"),
    FindingKind.HEADLINE_CHANGED: (Severity.MINOR, "the agency's headline for that version"),
    FindingKind.CORRECTION_REMOVED: (Severity.INFO, "that version may predate the correction"),
}


def _as_update(finding: Finding, base: Article) -> Finding:
    """A copy of another write-through carries the agency's own changes of that version: a reworded quote
    or a headline with that version's figures (minor), a correction it may predate, and a trailer naming
    other reporters (info)."""
    if finding.kind in _UPDATES and finding.severity.rank > _UPDATES[finding.kind][0].rank:
        severity, why = _UPDATES[finding.kind]
        return replace(
            finding,
            severity=severity,
            message=f"{finding.message} (this copy follows another write-through: {why})",
        )
    replaced_trailer = (
        finding.kind is FindingKind.CREDIT_REMOVED
        and finding.other
        and all(is_trailer_line(base.paragraphs[i].text) for i in finding.base)
    )
    if replaced_trailer and finding.severity is not Severity.INFO:
        return replace(
            finding,
            severity=Severity.INFO,
            message=finding.message
            + " (this copy follows another write-through: that version's own credit line)",
        )
    return finding
