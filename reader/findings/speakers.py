"""Who said it: attribution phrases (speaker, title, cue verb, hedge) around quotes and reported statements.

Rule-based and explainable. Cue verbs (``said``, ``told reporters``, ``according to``, ``wrote on``...) are
searched in the paragraph with its quotes blanked out, so a quoted "said" is never a cue. The speaker is
the noun phrase next to the cue: after it when the cue follows a quote or comma and is followed by a
name (``,” said Maria Velasquez, the union’s regional secretary``), otherwise before it
(``Velasquez told reporters``, ``X, who ..., said``, ``..., a source familiar with the talks said``).
Pronouns are resolved to the nearest preceding named person (or organisation for ``it``/``they``)
when only one candidate is in reach.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from reader.findings.quotes import Quote, masked_text
from reader.model import Article, ParagraphKind, TextSpan
from reader.settings.profile import Profile
from reader.text.normalize import fold_typography
from reader.text.wordkeys import transliteration_key

NEUTRAL_VERBS = {
    "say": "said says say saying",
    "tell": "told tells telling",
    "add": "added adds",
    "note": "noted notes",
    "state": "stated states",
    "explain": "explained explains",
    "write": "wrote writes",
    "post": "posted posts",
    "tweet": "tweeted tweets",
    "reply": "replied replies",
    "respond": "responded responds",
    "announce": "announced announces",
    "declare": "declared declares",
    "continue": "continued continues",
    "recall": "recalled recalls",
    "confirm": "confirmed confirms",
    "report": "reported reports",
    "estimate": "estimated estimates",
    "ask": "asked asks",
    "urge": "urged urges",
    "warn": "warned warns",
    "argue": "argued argues",
    "stress": "stressed stresses",
    "predict": "predicted predicts",
    "suggest": "suggested suggests",
}
LOADED_VERBS = {
    "claim": "claimed claims",
    "admit": "admitted admits",
    "insist": "insisted insists",
    "concede": "conceded concedes",
    "allege": "alleged alleges",
    "acknowledge": "acknowledged acknowledges",
    "confess": "confessed confesses",
    "boast": "boasted boasts",
    "assert": "asserted asserts",
    "contend": "contended contends",
    "maintain": "maintained maintains",
    "deny": "denied denies",
    "complain": "complained complains",
    "reveal": "revealed reveals",
}
_LEMMA = {
    form: lemma
    for table in (NEUTRAL_VERBS, LOADED_VERBS)
    for lemma, forms in table.items()
    for form in forms.split()
}
LOADED = set(LOADED_VERBS)


def _by_first_letter(words) -> str:
    """A regex alternation of ``words`` grouped by first letter (``s(?:aid|ays)|t(?:old)``): ``re`` tries
    every branch at every word start, so the grouping makes the cue search about three times faster."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_CUE = re.compile(r"\b(?:according\s+to|" + _by_first_letter(_LEMMA) + r")\b", re.IGNORECASE)
_HEDGE = re.compile(
    r"\s*(?:that\s+)?(?:it|he|she|they|we|I)\s+(?:believed|believes|thought|thinks|expected|expects|feared|fears|"
    r"suspected|suspects|understood|understands|assumed|assumes|hoped|hopes|was\s+likely|were\s+likely|"
    r"was\s+confident|were\s+confident)\b",
    re.IGNORECASE,
)
# What may follow "told"/"wrote"/"posted" as part of the cue: "told reporters", "wrote on Facebook".
_CUE_OBJECT = re.compile(
    r"\s+(?:(?:reporters|journalists|lawmakers|parliament|the\s+media|(?:state|local)\s+(?:media|television|radio)|"
    r"(?:an?|the)\s+(?:\w+\s+)?(?:briefing|conference|rally|meeting|audience|crowd|hearing|committee)|"
    # a name of up to four words; "Reuters. Most" is two sentences ("U.S. Senate" is one name)
    r"(?:an?\s+|the\s+)?[A-Z][\w\u2019'.-]*(?:(?<![a-z]\.)\s+[A-Z][\w\u2019'.-]*){0,3})|"
    r"on\s+(?:social\s+media|(?:his|her|their|its)\s+\w+\s+account|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)|"
    r"in\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:statement|post|letter|tweet|blog\s+post|interview|"
    r"speech|briefing|email|e-mail|podcast|video|message|address|broadcast|press\s+release))"
)
# A hedge in a later clause of the same statement: ", that it believed ...", ", and that he thought ...".
_LATER_HEDGE = re.compile(r",\s*(?:and\s+)?(?=that\s)(" + _HEDGE.pattern + ")", re.IGNORECASE)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_SUBJECT_LEAD = re.compile(
    r"^(?:and|but|while|as|when|where|then|so|yet|although|though|because|since)\s+", re.I
)
_SUBJECT_TAIL = re.compile(
    r"(?:\s+(?:also|later|earlier|previously|then|again|once|has|have|had|would|will|had\s+previously|"
    r"repeatedly|separately|recently|\w+ly))+$",
    re.IGNORECASE,
)
_SOURCE_NOUNS = re.compile(
    r"\b(?:(?:source|official|spokes(?:man|woman|person)|witness|organi[sz]er|worker|resident|analyst|expert|"
    r"diplomat|aide|insider|member|leader|executive|representative|minister|lawmaker|legislator|activist|"
    r"protester|farmer|doctor|nurse|teacher|student|neighbou?r|driver|passenger|survivor|victim|relative|"
    r"owner|shopkeeper|customer|employee|manager|engineer|economist|trader|investor|banker|lawyer|"
    r"prosecutor|investigator|researcher|scientist|officer|soldier|commander|negotiator|mediator|"
    r"observer|critic|supporter|opponent|voter|parent|colleague|friend|neighbo[u]?r|person|statement|report|"
    r"survey|study|office|agency|registry|department|company|union|association|government|ministry|"
    r"council|court|committee|group)(?:s|es)?|people|police|authorities|data|figures|spokespeople|staff)\b",
    re.IGNORECASE,
)
_ANONYMOUS = re.compile(
    r"\b(?:sources?|people|person|officials?|insiders?|diplomats?|aides?|spokes\w+|employees?|members?|"
    r"executives?|lawmakers?|officers?|staff)\b.*\b(?:familiar|close|"
    r"knowledge|briefed|anonymity|not\s+authori[sz]ed|declined\s+to\s+be\s+(?:named|identified)|"
    r"asked\s+not\s+to\s+be)\b|\b(?:a|an|one|two|three|several)\s+(?:senior\s+)?(?:sources?|officials?|insiders?)\b",
    re.IGNORECASE,
)
_TITLE_WORDS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "dame",
    "minister",
    "president",
    "secretary",
    "chief",
    "director",
    "mayor",
    "governor",
    "senator",
    "premier",
    "chancellor",
    "general",
    "judge",
    "chairman",
    "chairwoman",
    "chair",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ceo",
    "head",
    "leader",
    "commissioner",
    "inspector",
    "captain",
    "officer",
    "executive",
    "attorney",
    "assistant",
    "prime",
    "deputy",
    "foreign",
    "finance",
    "labour",
    "labor",
    "interior",
    "defence",
    "defense",
    "health",
    "economy",
    "trade",
    "transport",
    "justice",
    "education",
    "energy",
    "vice",
    "acting",
    "former",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "king",
    "queen",
    "prince",
    "pope",
    "bishop",
}
_ORG_WORDS = re.compile(
    r"\b(?:association|union|ministry|registry|chamber|commerce|lines|company|inc|ltd|plc|corp|council|office|"
    r"department|agency|university|bank|group|party|court|police|committee|commission|authority|board|"
    r"government|institute|federation|organi[sz]ation|service|parliament|army|fund|foundation|port|"
    r"association’s|union’s)\b",
    re.IGNORECASE,
)
# Words before a name that are part of a title, not of the name: "U.S. Attorney", "Assistant".
_NAME_PREFIX_WORDS = {
    "us",
    "uk",
    "un",
    "eu",
    "associate",
    "senior",
    "junior",
    "district",
    "state",
    "federal",
    "county",
    "city",
    "managing",
    "lead",
    "professor",
}
_NOT_IN_SPEAKER = {
    "which",
    "who",
    "whom",
    "whose",
    "but",
    "is",
    "was",
    "were",
    "are",
    "not",
    "if",
    "because",
    "been",
    "be",
    "being",
    "quoted",
    "cited",  # "remarks quoted by local media": how words reached the page, not who spoke
}
# A speaker is a noun phrase: "in a statement", "on Facebook", "at a rally" are where, not who.
_NOT_FIRST_IN_SPEAKER = {
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "during",
    "after",
    "before",
    "via",
    "through",
}
_NAME_FIRST = re.compile(r"[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+)+(?=,|$)")
_NOT_TITLE = re.compile(
    r"(?:which|who|whose|where|when|while|with|without|as|in|on|at|after|before|amid|despite|but|and|"
    r"adding|saying|\w+ing)\b",
    re.IGNORECASE,
)
_NAME_RUN = re.compile(r"(?:[A-Z][\w\u2019'.-]*\s+){0,4}[A-Z][\w\u2019'-]*")
# The mark comes first and the look-behinds (not after an initial or Mr, Ms, Dr, Mrs, St, No) after it,
# so that ``re`` can skip to the next mark: seven times faster than look-behinds first.
_SENTENCE_END = re.compile(
    r"[.!?](?<!\b[A-Z][.!?])(?<!\bMr[.!?])(?<!\bMs[.!?])(?<!\bDr[.!?])(?<!\bMrs[.!?])(?<!\bSt[.!?])(?<!\bNo[.!?])"
    r"(?=\s+[\"\u201c\u2018'A-Z\u2591])"
)
_CLAUSE_BREAK = re.compile(r"[\";:()\u2014\u2013]|\s-\s")


@dataclass(frozen=True)
class Attribution:
    """One attribution phrase. ``start``/``end`` span speaker, title and cue in ``Paragraph.text``."""

    paragraph: int
    start: int
    end: int
    speaker: str
    verb: str
    lemma: str
    title: str | None = None
    hedge: str | None = None
    resolved: str | None = None  # the named speaker a pronoun stands for
    # Whether ``resolved`` is the speaker of an earlier cue ("Velasquez said ... She added") rather than a
    # name merely mentioned before the pronoun (a guess: "came to the United States ... he said").
    resolved_by_cue: bool = False
    anonymous: bool = False
    # The reported statement (outside quotes) this attribution covers, as offsets into Paragraph.text.
    statement: tuple[int, int] = (0, 0)
    inherited: bool = False  # credited from the previous paragraph, not written in this one
    phrase: str = ""  # the attribution as written: "said Maria Velasquez, the union’s regional secretary"

    @property
    def span(self) -> TextSpan:
        return TextSpan(self.paragraph, self.start, self.end)

    @property
    def who(self) -> str:
        """The speaker as a reader would name them: the resolved name for a pronoun."""
        return self.resolved or self.speaker

    @property
    def sure(self) -> bool:
        """The speaker is written here, or is a pronoun for an earlier cue's speaker: safe to name."""
        return self.resolved is None and self.speaker.casefold() not in PRONOUNS or self.resolved_by_cue

    @property
    def is_loaded(self) -> bool:
        return self.lemma in LOADED

    @property
    def cue(self) -> str:
        """The cue as written, with its hedge: ``said it believed``."""
        return f"{self.verb} {self.hedge.strip()}" if self.hedge else self.verb


def has_cue(text: str, quotes: list[Quote], lemma: str) -> bool:
    """Whether the paragraph holds, outside its quotes, a cue of ``lemma`` ("say": said, says, saying)."""
    return any(_lemma_of(m.group()) == lemma for m in _CUE.finditer(masked_text(text, quotes)))


def _lemma_of(cue: str) -> str:
    word = cue.casefold()
    return "according to" if word.startswith("according") else _LEMMA[word]


def _sentences(masked: str, start: int) -> list[tuple[int, int]]:
    bounds = []
    begin = start
    for match in _SENTENCE_END.finditer(masked, start):
        bounds.append((begin, match.end()))
        begin = match.end()
    bounds.append((begin, len(masked)))
    return [(a, b) for a, b in bounds if masked[a:b].strip()]


def _sentence_of(sentences: list[tuple[int, int]], at: int, default: tuple[int, int]) -> tuple[int, int]:
    """The sentence (of ``_sentences``, in order and not overlapping) holding offset ``at``."""
    n = bisect_right(sentences, (at, float("inf"))) - 1
    return sentences[n] if n >= 0 and sentences[n][0] <= at < sentences[n][1] else default


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",.;:"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",.;:"):
        b -= 1
    return a, b


# "the" and one noun, perhaps after one other word ("the hospital trust") or a possessive ("the ferry's
# operator"): a speaker however uncommon the noun, as English puts no other kind of phrase straight before "said".
_DEFINITE_BODY = re.compile(r"[Tt]he\s+(?:[a-z]{3,}['\u2019]s\s+)?(?:[a-z]{3,}\s+)?[a-z]{3,}")


_TITLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "col": "colonel",
    "prof": "professor",
    "dr": "doctor",
}


def offices(attributions: list[Attribution]) -> dict[str, set[str]]:
    """The office words each named speaker is given in an article, by surname: "Gov. Ellen Markham" and
    "Markham, the state's governor" give {"markham": {"governor", ...}}."""
    found: dict[str, set[str]] = {}
    for attribution in attributions:
        words = re.findall(r"[\w'.-]+", attribution.speaker)
        start = len(words)  # the name: the capitalised words at the end that are no title
        while (
            start
            and words[start - 1][:1].isupper()
            and words[start - 1].casefold().rstrip(".") not in _TITLE_WORDS
        ):
            start -= 1
        if start == len(words) or attribution.speaker.casefold() in PRONOUNS:
            continue
        titled = [w.casefold().rstrip(".") for w in words[:start]]
        titled += [w.casefold() for w in re.findall(r"[\w'-]+", attribution.title or "")]
        surname = name_words(words[-1])
        if surname:
            found.setdefault(surname[-1], set()).update(_TITLE_ABBREVIATIONS.get(w, w) for w in titled)
    return found


def is_description(speaker: str) -> bool:
    """A speaker named only by what it is ("the governor", "the coast guard spokeswoman", "the
    statement"): the named speaker on the other side may be it, which only the offices the stories give
    that person can tell (``offices``). An indefinite "a spokesman" is somebody else."""
    words = speaker.split()
    return len(words) > 1 and words[0].casefold() == "the" and not any(w[:1].isupper() for w in words[1:])


def _looks_like_speaker(phrase: str) -> bool:
    words = phrase.split()
    if not words or len(words) > 12 or "\u2591" in phrase or '"' in phrase:
        return False
    if phrase.casefold() in PRONOUNS:
        return True
    if all(len(w.strip(".,'\u2019")) < 2 for w in words):
        return False  # "A", "Q": a list item or an interview's question mark, not a speaker
    if any(w.casefold() in _NOT_IN_SPEAKER for w in words) or words[0].casefold() in _NOT_FIRST_IN_SPEAKER:
        return False  # a clause or a place, not a noun phrase
    if _DEFINITE_BODY.fullmatch(phrase):
        return True  # "The trust", "the cooperative", "the regulator": a body named by what it is
    if len(words) > 1 and not any(w[:1].isupper() for w in words) and not _SOURCE_NOUNS.search(phrase):
        return False
    # A name somewhere ("Maria Velasquez", "the Eastmere Chamber"), a capital that is not just a
    # sentence-initial determiner, or a word for a source ("a spokeswoman", "union organisers").
    named = any(w[:1].isupper() for w in words[1:]) or (
        words[0][:1].isupper()
        and words[0].casefold() not in {"the", "a", "an", "this", "that", "its", "their"}
    )
    return named or bool(_SOURCE_NOUNS.search(phrase))


def _speaker_after(masked: str, at: int, sentence_end: int) -> tuple[int, int, str | None] | None:
    """The noun phrase after an inverted cue (``said Maria Velasquez, the union’s secretary``)."""
    rest = masked[at:sentence_end]
    match = re.match(
        r"\s+((?:(?:the|a|an|one|two|three|several|another)\s+)?[A-Z][^,.;:\"\u2591]*|"
        r"(?:the|a|an|one|two|three|several|another)\s+[^,.;:\"\u2591]+)",
        rest,
    )
    if not match:
        return None
    a, b = at + match.start(1), at + match.end(1)
    a, b = _trim(masked, a, b)
    if not _looks_like_speaker(masked[a:b]) or len(masked[a:b].split()) > 8:
        return None
    title = None
    tail = masked[b:sentence_end]
    title_match = re.match(r",\s+([^\"\u2591;:]+?)\s*(?:,\s*(?:which|who|whose)\b|[.;:]?\s*$|[.]\s)", tail)
    if title_match and not _NOT_TITLE.match(title_match.group(1)):
        title = title_match.group(1).strip(" ,.")
        b_title = b + title_match.end(1)
        return a, b_title, title
    return a, b, title


def _speaker_before(masked: str, clause_start: int, verb_at: int) -> tuple[int, int, str | None, int] | None:
    """The noun phrase before a cue: (speaker start, speaker end, title, span start)."""
    clause = masked[clause_start:verb_at]
    if not clause.strip():
        return None
    stripped = clause.rstrip()
    tail = _SUBJECT_TAIL.search(stripped)
    if tail and tail.start() > 0:
        stripped = stripped[: tail.start()]
    title = None
    if stripped.endswith(","):
        # "X, the union's secretary, said" / "X, who ..., said": the subject is the clause's first part.
        parts = stripped[:-1].split(",")
        if len(parts) < 2:
            return None
        head = parts[0]
        appositive = ",".join(parts[1:]).strip()
        if not _NOT_TITLE.match(appositive):
            title = appositive
        a = clause_start + (len(head) - len(head.lstrip()))
        b = clause_start + len(head.rstrip())
    else:
        cut = stripped.rfind(",")
        a = clause_start + cut + 1 if cut >= 0 else clause_start
        b = clause_start + len(stripped)
        relative = _RELATIVE.search(masked, a, b)
        if relative and len(masked[a : relative.start()].split()) <= 6:
            # "A senior diplomat who asked not to be named because the talks were private said": the
            # subject is the noun phrase before its relative clause.
            b = relative.start()
        if len(masked[a:b].split()) > 8:
            return None  # a whole clause, not a noun phrase: "The strike has held up imports and said"
    a, b = _trim(masked, a, b)
    lead = _SUBJECT_LEAD.match(masked[a:b])
    if lead:
        a += lead.end()
    phrase = masked[a:b]
    if not _looks_like_speaker(phrase):
        return None
    return a, b, title, a


# The finite verb after a sentence's subject: a past or present form ("defended", "rejects", "told").
_FINITE_VERB = re.compile(
    r"(?:[a-z]+(?:ed|es|s)|told|said|gave|made|took|held|led|met|sent|spoke|wrote|struck|hit|cut|set|put|"
    r"kept|left|won|lost|came|went|became|stood|sought|brought|threw|drew|broke|chose|rose|fell|ran)"
)


def _leading_subject(masked: str, clause_start: int, at: int) -> tuple[int, int, str | None, int] | None:
    """The noun phrase that opens the clause before ``at`` and is followed by its finite verb
    ("Government spokesman Karim Ayadi defended ...", "The ministry rejected ...", "She accused ...")."""
    tokens = list(re.finditer(r"\S+", masked[clause_start:at]))
    words = [t.group() for t in tokens]
    n = 0  # the words of the subject
    if len(words) > 2 and words[0] in ("The", "the") and words[1].isalpha() and words[1].islower():
        # "The ministry rejected", "The hospital trust said": a body named by what it is
        n = next(
            (
                k
                for k in (2, 3)
                if k < len(words)
                and words[k - 1].isalpha()
                and words[k - 1].islower()
                and _FINITE_VERB.fullmatch(words[k])
            ),
            0,
        )
    else:
        while n < len(words) and (words[n][:1].isupper() or words[n].strip(".").casefold() in _TITLE_WORDS):
            if words[n].endswith(","):
                return None  # "X, the minister, ..." or a list: not a plain subject
            n += 1
        if n >= len(words) or n > 7 or not _FINITE_VERB.fullmatch(words[n]):
            n = 0
    if n == 0:
        return None
    a, b = clause_start + tokens[0].start(), clause_start + tokens[n - 1].end()
    phrase = masked[a:b]
    if phrase.casefold() not in PRONOUNS and not _looks_like_speaker(phrase):
        return None
    return a, b, None, a


_RELATIVE = re.compile(r"\s+(?:who|which)\s")
# What "according to" names: any noun phrase up to the clause's end ("figures from market researcher X").
_ACCORDING_SOURCE = re.compile(r"\s+([^,.;:\"\u2591()]{3,120}?)(?=\s*(?:[,.;:()]|$))")


_SHORT_PARENTHESIS = re.compile(r"\([^()\u2591\"]{1,24}\)")  # "(USN)", "(D-Ill.)": part of the noun phrase


def _clause_start(masked: str, sentence_start: int, at: int) -> int:
    inside = [(m.start(), m.end()) for m in _SHORT_PARENTHESIS.finditer(masked, sentence_start, at)]
    start = sentence_start
    for match in _CLAUSE_BREAK.finditer(masked, sentence_start, at):
        if not any(a <= match.start() < b for a, b in inside):
            start = match.end()
    return start


def _split_title(speaker: str, title: str | None) -> tuple[str, str | None]:
    """ "Labour Minister Farid Qaddouri" -> ("Farid Qaddouri", "Labour Minister")."""
    words = speaker.split()
    cut = 0
    for i, word in enumerate(words[:-1]):
        # "Labour Minister", "Chief executive", "JDA general secretary": capitalised or title words.
        if word.strip(".").casefold() in _TITLE_WORDS and all(
            w[:1].isupper() or w.strip(".").casefold() in _TITLE_WORDS for w in words[: i + 1]
        ):
            cut = i + 1
    if cut and all(w[:1].isupper() for w in words[cut:]):
        prefix = " ".join(words[:cut])
        return " ".join(words[cut:]), f"{prefix}, {title}" if title else prefix
    return speaker, title


def attributions_in_paragraph(
    index: int, text: str, quotes: list[Quote], start: int = 0
) -> list[Attribution]:
    masked = masked_text(text, quotes)
    found: list[Attribution] = []
    sentences = None  # found on the first cue: most paragraphs have none
    for cue in _CUE.finditer(masked, start):
        if sentences is None:
            sentences = _sentences(masked, start)
        word = cue.group().casefold()
        sentence_start, sentence_end = _sentence_of(sentences, cue.start(), (start, len(text)))
        lemma = _lemma_of(word)
        verb_end = cue.end()
        if lemma in ("tell", "write", "post", "say", "add", "state"):
            obj = _CUE_OBJECT.match(masked, verb_end)
            if obj and (lemma != "say" or obj.group().strip().startswith("in ")):
                if lemma == "tell" or obj.group().strip().startswith(("in ", "on ")):
                    verb_end = obj.end()
                    while masked[verb_end - 1] in ".,":
                        verb_end -= 1
        hedge_match = _HEDGE.match(masked, verb_end) if lemma != "according to" else None
        before = masked[sentence_start : cue.start()].rstrip()
        after_quote = before.endswith(('"', ',"')) or re.search(r'"\s*,?$', before) is not None
        speaker = title = None
        span_start = span_end = 0
        statement = (0, 0)
        subject_written = ""  # the subject of a participle cue, far before it: "Ayadi … telling"
        if lemma == "according to":
            found_after = _speaker_after(masked, cue.end(), sentence_end)
            if not found_after:
                source = _ACCORDING_SOURCE.match(masked, cue.end(), sentence_end)
                if not source or len(source.group(1).split()) > 12:
                    continue
                found_after = (source.start(1), source.end(1), None)
            a, b, title = found_after
            speaker = masked[a:b] if title is None else masked[a : a + len(masked[a:b].split(",")[0])]
            span_start, span_end = cue.start(), b
            statement = _trim(masked, sentence_start, cue.start())
            if statement[1] <= statement[0]:
                statement = _trim(masked, b, sentence_end)
        elif re.search(r"\b(?:and|but)$", before) and (
            shared := _same_sentence_speaker(found, sentence_start)
        ):
            # "The council estimated claims at 45 million and said it believed...": one subject, two cues.
            speaker, title = shared.speaker, shared.title
            span_start = cue.start()
            span_end = verb_end + (hedge_match.end() - verb_end if hedge_match else 0)
            statement = _trim(masked, span_end, sentence_end)
        else:
            subject = (
                None
                if after_quote
                else _speaker_before(masked, _clause_start(masked, sentence_start, cue.start()), cue.start())
            )
            if subject is not None and word.endswith("s") and word not in ("says", "tells", "adds"):
                # "claims", "reports", "estimates" are nouns as often as verbs: only right after a name.
                head = masked[subject[0] : subject[1]].split()[-1]
                if not (head[:1].isupper() or head.casefold() in PRONOUNS or _SOURCE_NOUNS.fullmatch(head)):
                    subject = None
            if (
                subject is not None
                and len(masked[subject[0] : subject[1]].split()) > 6
                and before.endswith(",")
            ):
                subject = None  # "About 78 per cent ..., said the Union": a statement, not a subject
            leading = False
            if subject is None and word.endswith("ing") and before.endswith(","):
                # "Karim Ayadi defended the response, telling a news conference that ...": the speaker of a
                # participle is the subject of its sentence.
                subject = _leading_subject(
                    masked, _clause_start(masked, sentence_start, cue.start()), cue.start()
                )
                leading = subject is not None
            inverted = None
            if subject is None and (after_quote or before.endswith(",")):
                inverted = _speaker_after(masked, verb_end, sentence_end)
            if subject is not None:
                a, b, title, span_start = subject
                if leading:
                    span_start = cue.start()  # the attribution as written is the participle and its object
                    subject_written = text[a:b]
                speaker = masked[a:b]
                span_end = verb_end + (hedge_match.end() - verb_end if hedge_match else 0)
                statement = _trim(masked, span_end, sentence_end)
                lead_in = _trim(masked, sentence_start, span_start)
                if (
                    not leading
                    and span_start > sentence_start
                    and (statement[1] - statement[0] < 3 or len(masked[lead_in[0] : lead_in[1]].split()) >= 4)
                ):
                    # "..., a person familiar with the deliberations said, speaking on condition of
                    # anonymity": what the source says comes before the attribution.
                    statement = lead_in
            elif inverted is not None:
                a, b, title = inverted
                name_end = a + len(masked[a:b].split(",")[0])
                speaker = masked[a:name_end]
                span_start, span_end = cue.start(), b
                statement = _trim(masked, sentence_start, cue.start())
            else:
                continue
        speaker = speaker.strip()
        speaker, title = _split_title(speaker, title)
        described = not any(w[:1].isupper() for w in speaker.split() if w not in ("The", "A", "An", "One"))
        if title and described and _NAME_FIRST.match(title):
            # "said one resident, Maria Lopez, 54", "The ferry's operator, Camotes Seaways Corporation, said":
            # the name is the speaker, the noun phrase the title.
            name = _NAME_FIRST.match(title).group()
            speaker, title = name, f"{speaker}{title[len(name) :]}"
        statement_text = masked[statement[0] : statement[1]]
        if not statement_text.replace("\u2591", "").replace('"', "").strip(" ,"):
            statement = (0, 0)
        hedge = text[verb_end : hedge_match.end()].strip() if hedge_match else None
        later_hedge = ""  # written after the statement's first clause: shown after an ellipsis
        if hedge is None and lemma != "according to" and statement != (0, 0):
            # "said that it had cut power, that it believed its equipment had been operating normally"
            later = _LATER_HEDGE.search(masked, statement[0], statement[1])
            hedge = text[later.start(1) : later.end()].strip() if later else None
            later_hedge = f" \u2026 {hedge}" if hedge else ""
        found.append(
            Attribution(
                paragraph=index,
                start=span_start,
                end=span_end,
                speaker=_original(text, masked, speaker, span_start),
                verb=text[cue.start() : verb_end],
                lemma=lemma,
                title=title,
                hedge=hedge,
                anonymous=bool(_ANONYMOUS.search(masked[min(span_start, cue.start()) : sentence_end])),
                statement=statement,
                phrase=(f"{subject_written} \u2026 " if subject_written else "")
                + text[span_start:span_end]
                + later_hedge,
            )
        )
    return _statements_end_at_next_cue(found)


def _statements_end_at_next_cue(found: list[Attribution]) -> list[Attribution]:
    """ "X estimated A and said it believed B": A belongs to the first cue, B to the second."""
    starts = sorted(other.start for other in found)
    result = []
    for attribution in found:
        a, b = attribution.statement
        n = bisect_right(starts, a)
        if n < len(starts) and starts[n] < b:  # the first cue that starts inside the statement
            attribution = _with(attribution, statement=(a, starts[n]))
        result.append(attribution)
    return result


def _same_sentence_speaker(found: list[Attribution], sentence_start: int) -> Attribution | None:
    earlier = [a for a in found if a.start >= sentence_start]
    return earlier[-1] if earlier else None


def _original(text: str, masked: str, phrase: str, near: int) -> str:
    """The phrase as written in the original text (masking never touches attribution words)."""
    at = masked.find(phrase, max(0, near - 400))
    return text[at : at + len(phrase)] if at >= 0 else phrase


def _person_mentions(masked: str, upto: int) -> list[tuple[int, str]]:
    mentions = []
    for match in _NAME_RUN.finditer(masked, 0, upto):
        words = match.group().split()
        while words and words[0].casefold() in {"the", "a", "an", "but", "and", "on", "in", "at", "for"}:
            words = words[1:]
        name = " ".join(words)
        if not name or _ORG_WORDS.search(name):
            continue
        person, _title = _split_title(name, None)
        if len(person.split()) >= 2 or (_title and person):
            mentions.append((match.start(), person))
    return mentions


def resolve_pronouns(
    article: Article, attributions: list[Attribution], quotes: list[Quote]
) -> list[Attribution]:
    """Replace he/she/they/it speakers by the nearest preceding named speaker when only one is in reach."""
    by_paragraph: dict[int, list[Attribution]] = {}
    for attribution in attributions:
        by_paragraph.setdefault(attribution.paragraph, []).append(attribution)
    surnames = _speakers_by_surname(attributions)
    resolved = []
    for attribution in attributions:
        pronoun = attribution.speaker.casefold()
        if pronoun not in PRONOUNS or pronoun in {"i", "we", "you"}:
            resolved.append(attribution)
            continue
        candidate, by_cue = _antecedent(
            article,
            attribution,
            by_paragraph,
            quotes,
            want_person=pronoun in {"he", "she"},
            surnames=surnames,
        )
        resolved.append(_with(attribution, resolved=candidate, resolved_by_cue=by_cue))
    return resolved


def _antecedent(
    article, attribution, by_paragraph, quotes, want_person: bool, surnames: dict[str, set[str]]
) -> tuple[str | None, bool]:
    """(the name a pronoun stands for, whether it is an earlier cue's speaker), or (None, False)."""
    index = attribution.paragraph
    text = article.paragraphs[index].text
    masked = masked_text(text, [q for q in quotes if q.paragraph == index])

    # Same paragraph first: named speakers of earlier cues, then person mentions before the pronoun.
    def may_stand_for(a: Attribution) -> bool:
        # "he"/"she" is a person: not what "according to" names ("remarks quoted by local media", figures)
        return a.speaker.casefold() not in PRONOUNS and not (want_person and a.lemma == "according to")

    earlier = [a for a in by_paragraph.get(index, []) if a.start < attribution.start and may_stand_for(a)]
    if earlier:
        return earlier[-1].speaker, True
    if want_person:
        mentions = _person_mentions(masked, attribution.start)
        people = {name for _at, name in mentions}
        people |= _known_speakers_named(masked[: attribution.start], surnames)
        if len(people) == 1:
            # The one person the paragraph names, as the subject of a sentence ("Rancher Ramon Castañeda
            # spent the night moving horses. '...,' he said"): as sure as an earlier cue.
            return people.pop(), any(_opens_sentence(masked, at) for at, _name in mentions)
        if len(people) > 1:
            return None, False
    # Then the nearest earlier paragraph holding a named speaker.
    for previous in range(index - 1, max(-1, index - 4), -1):
        named = {a.speaker for a in by_paragraph.get(previous, []) if may_stand_for(a)}
        if named:
            return (named.pop(), True) if len(named) == 1 else (None, False)
        if want_person and article.paragraphs[previous].kind is ParagraphKind.BODY:
            prev_text = article.paragraphs[previous].text
            prev_masked = masked_text(prev_text, [q for q in quotes if q.paragraph == previous])
            people = {name for _at, name in _person_mentions(prev_masked, len(prev_masked))}
            if people:
                return (people.pop(), False) if len(people) == 1 else (None, False)
    return None, False


def _opens_sentence(masked: str, at: int) -> bool:
    return not masked[:at].strip() or re.search(r"[.!?][\"\u201d\u2019']?\s+$", masked[:at]) is not None


def _speakers_by_surname(attributions: list[Attribution]) -> dict[str, set[str]]:
    """The article's named speakers by their case-folded surname, worked out once per article."""
    found: dict[str, set[str]] = {}
    for a in attributions:
        if a.speaker[:1].isupper() and a.speaker.casefold() not in PRONOUNS:
            surname = name_words(a.speaker)[-1:]
            if surname:
                found.setdefault(surname[0], set()).add(a.speaker)
    return found


def _known_speakers_named(text: str, surnames: dict[str, set[str]]) -> set[str]:
    """Speakers named elsewhere in the article whose surname alone stands in ``text`` ("Owusu-Darko
    declined to discuss the vote ... 'The committee spoke with one voice,' she said")."""
    found = set()
    for word in re.findall(r"[\w'\u2019-]+", text):
        if word[:1].isupper():
            found |= surnames.get(word.casefold(), set())
    return {name for name in found if not any(name != other and name in other for other in found)}


def _with(attribution: Attribution, **changes) -> Attribution:
    from dataclasses import replace

    return replace(attribution, **changes)


def extract_attributions(article: Article, quotes: list[Quote]) -> list[Attribution]:
    """All attribution phrases of the article's body paragraphs, pronouns resolved where unambiguous."""
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in quotes:
        by_paragraph.setdefault(quote.paragraph, []).append(quote)
    found: list[Attribution] = []
    for paragraph in article.paragraphs:
        if paragraph.kind is not ParagraphKind.BODY:
            continue
        spans = tuple((q.start, q.end, q.closed) for q in by_paragraph.get(paragraph.index, ()))
        attributions = _attributions_in_text(paragraph.text, paragraph.body_start, spans)
        found.extend(
            a if a.paragraph == paragraph.index else _with(a, paragraph=paragraph.index) for a in attributions
        )
    return resolve_pronouns(article, found, quotes)


@lru_cache(maxsize=16384)
def _attributions_in_text(
    text: str, start: int, quote_spans: tuple[tuple[int, int, bool], ...]
) -> tuple[Attribution, ...]:
    """``attributions_in_paragraph`` for paragraph 0, remembered by the text and its quotes' spans (all
    that masking needs): most paragraphs of a version are the wire's, word for word."""
    quotes = [Quote(0, a, b, "", closed) for a, b, closed in quote_spans]
    return tuple(attributions_in_paragraph(0, text, quotes, start))


def attribute_quotes(
    article: Article, quotes: list[Quote], attributions: list[Attribution]
) -> list[Attribution | None]:
    """The attribution of each quote (same order as ``quotes``), or None when nobody is credited.

    A quote takes the cue of its own sentence, else the nearest cue of its paragraph; a piece of a
    multi-paragraph quote takes its first piece's; a paragraph that opens with an unattributed quote
    straight after a paragraph ending in someone's quote is read as that person continuing.
    """
    by_paragraph: dict[int, list[Attribution]] = {}
    for attribution in attributions:
        by_paragraph.setdefault(attribution.paragraph, []).append(attribution)
    result: list[Attribution | None] = []
    first_of_group: dict[int, Attribution | None] = {}
    last_quote_speaker: dict[int, Attribution | None] = {}
    cues = {paragraph: _Cues(found) for paragraph, found in by_paragraph.items()}
    for quote in quotes:
        candidates = by_paragraph.get(quote.paragraph, [])
        chosen = (
            cues[quote.paragraph].nearest(article.paragraphs[quote.paragraph].text, quote)
            if candidates
            else None
        )
        if chosen is None and quote.continued:
            chosen = first_of_group.get(quote.group)
        if chosen is None and not candidates:
            previous = last_quote_speaker.get(quote.paragraph - 1)
            text = article.paragraphs[quote.paragraph]
            opens = not text.text[text.body_start : quote.start].strip()
            introduced = by_paragraph.get(quote.paragraph - 1)
            if (
                previous is None
                and introduced
                and article.paragraphs[quote.paragraph - 1].text.rstrip().endswith(":")
            ):
                previous = introduced[-1]  # "Velasquez told reporters outside the union hall:" then the quote
            if previous is not None and opens:
                chosen = _with(previous, inherited=True)
        if quote.group not in first_of_group or first_of_group[quote.group] is None:
            first_of_group[quote.group] = chosen
        last_quote_speaker[quote.paragraph] = chosen
        result.append(chosen)
    # A multi-paragraph quote is often attributed in a later paragraph: every piece takes that speaker.
    return [
        chosen if chosen is not None else first_of_group.get(quote.group)
        for quote, chosen in zip(quotes, result)
    ]


class _Cues:
    """One paragraph's attributions, sorted by where they start, end and where their statements start, so
    that finding a quote's nearest cue looks only at the few that can be nearest: a paragraph of thousands
    of quotes and cues must not compare every pair."""

    def __init__(self, candidates: list[Attribution]) -> None:
        self.candidates = candidates
        order = range(len(candidates))
        self.by_start = sorted(order, key=lambda i: candidates[i].start)
        self.starts = [candidates[i].start for i in self.by_start]
        self.by_end = sorted(order, key=lambda i: candidates[i].end)
        self.ends = [candidates[i].end for i in self.by_end]
        self.by_statement = sorted(order, key=lambda i: candidates[i].statement[0])
        self.statement_starts = [candidates[i].statement[0] for i in self.by_statement]
        self.longest_statement = max(c.statement[1] - c.statement[0] for c in candidates)
        self.longest_cue = max(c.end - c.start for c in candidates)

    def _starting(self, low: int, high: int) -> list[int]:
        """Candidates whose cue starts in [low, high)."""
        return self.by_start[bisect_left(self.starts, low) : bisect_left(self.starts, high)]

    def nearest(self, text: str, quote: Quote) -> Attribution:
        candidates = self.candidates
        # A quote inside the attribution's own reported statement ("said the vote would prolong “...”").
        lowest = quote.end - 1 - self.longest_statement
        holding = [
            i
            for i in self.by_statement[
                bisect_left(self.statement_starts, lowest) : bisect_right(self.statement_starts, quote.start)
            ]
            if quote.end <= candidates[i].statement[1] + 1
        ]
        if holding:
            return candidates[min(holding)]

        def distance(i: int) -> tuple[int, int]:
            attribution = candidates[i]
            if attribution.start >= quote.end:
                gap = text[quote.end : attribution.start]
            elif attribution.end <= quote.start:
                gap = text[attribution.end : quote.start]
            else:
                return 0, i
            # A sentence boundary between them counts for more than many words.
            return len(gap) + (200 if _SENTENCE_BREAK.search(gap) else 0), i

        # A farther cue on the same side has a longer gap holding the nearer one's: only the cues that
        # overlap the quote and the nearest on each side can be nearest (ties go to the first written).
        contenders = [
            i
            for i in self._starting(quote.start - self.longest_cue, quote.end)
            if candidates[i].end > quote.start
        ]
        after = bisect_left(self.starts, quote.end)
        if after < len(self.starts):
            contenders += self._starting(self.starts[after], self.starts[after] + 1)
        before = bisect_right(self.ends, quote.start)
        if before:
            last = self.ends[before - 1]
            contenders += [
                i
                for i in self.by_end[bisect_left(self.ends, last) : before]
                if candidates[i].start < quote.end
            ]
        return candidates[min(map(distance, contenders))[1]]


_SENTENCE_BREAK = re.compile(r"[.!?]\s")


def same_speaker(a: str, b: str, profile: Profile | None = None) -> bool | None:
    """True/False when the two speakers are/aren't the same person or body; None when one is an
    unresolved pronoun (cannot tell). Names are compared by the word keys of the noise categories:
    folded accents, transliteration rules and the profile's transliteration sets (``Kaddouri`` is
    ``Qaddouri``), never by similarity (``Vance`` is not ``Vince``)."""
    key_a, key_b = name_words(a), name_words(b)
    if not key_a or not key_b:
        return None
    if " ".join(key_a) in PRONOUNS or " ".join(key_b) in PRONOUNS:
        return None
    set_a, set_b = set(_name_keys(key_a, profile)), set(_name_keys(key_b, profile))
    return set_a <= set_b or set_b <= set_a


def _name_keys(words: tuple[str, ...], profile: Profile | None) -> list[str]:
    keys = []
    for word in words:
        group = profile.group_of(word) if profile is not None else None
        keys.append(f"\x01{group[1]}" if group is not None else transliteration_key(word))
    return keys


@lru_cache(maxsize=16384)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a speaker's name, case- and typography-folded, dots dropped ("U.S." is "us"),
    leading titles and articles left out (remembered: the same names are asked about for every quote)."""
    words = [w.replace(".", "") for w in re.findall(r"[\w'.-]+", fold_typography(name).casefold())]
    words = [w for w in words if w]
    words = [w for w in words if w not in {"the", "a", "an", "of", "and", "its", "their", "'s"}]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    while len(words) > 1 and (words[0] in _TITLE_WORDS or words[0] in _NAME_PREFIX_WORDS):
        words = words[1:]
    return tuple(words)
