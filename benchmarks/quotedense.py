"""Quote-dense, repetitive long stories and a day's syndication of a short one, for the speed benchmark.

``benchmarks/longstory.py`` makes word salad with few quotes and no recurring sentence; real long copy (a
live blog, a running story) is not like that. Here, with a fixed seed and entirely invented text:

- about half the body paragraphs hold a quote with a speaker and a cue verb
  (``"...," Minister Ana Torres said.``, ``Torres told reporters: "..."``, ``"...," she added.``);
- sentences and quotes recur across the story: stock phrases, agency boilerplate, a live blog repeating
  the same quote and the same "what we know" paragraph;
- furniture: headline, byline, a dateline glued to the lede, live-blog time stamps, photo captions with
  credits, a reporting/editing trailer and a copyright line.

Versions (``quote_dense_version``) edit about a quarter of the body paragraphs by word substitutions,
inside and outside quotes, change some cue verbs and speakers, restyle quotes, cut and add a few
paragraphs and add site furniture; ``syndication_set`` makes many versions of one short wire story as
sites republish it (trimmed, restyled, with furniture lines and altered quotes).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from reader.loading import article_from_text
from reader.model import Article

FIRST = (
    "Ana Peter Lucia Tomas Amara Jonas Helena Rafael Ines Kofi Marta Viktor Leila Ruben Sofia Emil Nadia Oscar "
    "Clara Idris Beatriz Anton Yara Matteo"
).split()
SURNAMES = (
    "Torres Mwangi Lindqvist Ferreira Okonjo Brandt Salazar Novak Haddad Quinlan Moreau Achebe Varga Castellano "
    "Oyelaran Petrov Marchetti Kaufman Duarte Ibsen Rocha Tanaka Whitlock Osei"
).split()
TITLES = (
    "Minister", "Deputy Minister", "Mayor", "Police Chief", "Governor", "Senator", "Commissioner",
    "Fire Chief", "Judge", "Professor",
)
ROLES = (
    "a spokeswoman for the ministry", "the union's general secretary", "a senior port official",
    "the council's finance chief", "an engineer who works at the plant", "the opposition leader",
    "a resident of the northern district", "the company's chief executive",
)
CUES = ("said", "said", "said", "told reporters", "said in a statement", "told Meridian", "added", "said on Tuesday")
LOADED = ("claimed", "insisted", "admitted", "conceded")
SUBJECTS = (
    "The ministry", "Officials", "Residents", "The council", "Engineers", "Dock workers", "The regulator",
    "Police", "The union", "Lawmakers", "Prosecutors", "The company", "Rescue crews", "Investors",
)
VERBS = (
    "approved", "rejected", "delayed", "announced", "reviewed", "questioned", "defended", "suspended",
    "extended", "criticised", "welcomed", "blocked", "postponed", "endorsed",
)
OBJECTS = (
    "the reservoir plan", "a new budget", "the harbour expansion", "the emergency decree", "the pay offer",
    "the evacuation order", "the draft law", "the safety review", "the port contract", "the water tariff",
    "the rescue effort", "the bond sale", "the night curfew", "the cleanup programme", "the merger talks",
)
COMPLEMENTS = (
    "on Tuesday", "after weeks of talks", "despite protests outside the building", "in the northern district",
    "for the second time this month", "without a public vote", "at a late-night session", "ahead of the elections",
    "as water levels kept rising", "under pressure from creditors", "before the weekend", "in a brief statement",
)
QUOTE_OPENINGS = (
    "We will not accept", "Nobody expected", "We are asking people to respect", "This is not the time to debate",
    "I have never seen", "We need more time to study", "Families deserve answers about", "We warned them about",
    "There is no money left for", "Our members will keep fighting", "It is too early to judge",
)
QUOTE_ENDINGS = (
    "and we will say so in parliament", "whatever the ministry says", "until the last family is safe",
    "because the numbers do not add up", "and that is a promise", "before the end of the year",
    "and people know it", "as long as it takes", "and we told them so", "at any price",
)
ADJECTIVES = ("serious", "difficult", "unacceptable", "urgent", "fragile", "historic", "painful", "reasonable")
SUBSTITUTES = {
    "approved": "backed", "rejected": "refused", "delayed": "held up", "announced": "unveiled", "reviewed": "examined",
    "plan": "project", "budget": "spending plan", "workers": "staff", "residents": "locals", "officials": "authorities",
    "new": "revised", "second": "third", "time": "moment", "people": "residents", "never": "rarely", "money": "cash",
    "accept": "tolerate", "answers": "the truth", "warned": "told", "fighting": "protesting", "serious": "grave",
    "difficult": "hard", "urgent": "pressing", "always": "often", "will": "would", "more": "extra", "last": "final",
}
STOCK = (
    "The ministry did not respond to a request for comment.",
    "Talks are expected to resume next week.",
    "The figures could not be independently verified.",
    "Meridian was unable to reach the company for comment outside business hours.",
    "The government has denied any wrongdoing.",
    "Officials said the investigation was continuing.",
    "The union has called a further meeting of its members for Friday.",
    "The council is due to vote on the measure later this month.",
)
WHAT_WE_KNOW = (
    "Here is what we know so far: the harbour remains closed, the night curfew is in force in the northern "
    "district and the ministry has promised an update at 6 p.m. local time."
)
FURNITURE = (
    "Advertisement", "Share this article", "Sign up for our morning newsletter", "Read more: Port Alder news",
    "Related: What the harbour closure means for you", "Home | News | World | Business",
    "Story continues below advertisement", "Most read",
)


def _person(rng: random.Random) -> tuple[str, str]:
    """(full description for a first mention, surname)."""
    surname = rng.choice(SURNAMES)
    return f"{rng.choice(TITLES)} {rng.choice(FIRST)} {surname}", surname


def _sentence(rng: random.Random) -> str:
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(COMPLEMENTS)}"
    if rng.random() < 0.3:
        text += f", with {rng.randint(2, 980)} people affected"
    return text + "."


def _quote(rng: random.Random) -> str:
    first = f"{rng.choice(QUOTE_OPENINGS)} {rng.choice(OBJECTS)} {rng.choice(QUOTE_ENDINGS)}"
    if rng.random() < 0.4:
        return f"{first}. This is {rng.choice(ADJECTIVES)} for everyone in this city"
    return first


class _Story:
    """Seeded pools the story draws recurring material from."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people = [_person(rng) for _ in range(12)]
        self.repeated_quotes = [(_quote(rng), rng.randrange(12)) for _ in range(15)]

    def quote_paragraph(self) -> str:
        rng = self.rng
        if rng.random() < 0.2:  # a live blog repeats what was said hours ago
            quote, who = self.repeated_quotes[rng.randrange(len(self.repeated_quotes))]
        else:
            quote, who = _quote(rng), rng.randrange(len(self.people))
        full, surname = self.people[who]
        cue = rng.choice(CUES)
        shape = rng.random()
        if shape < 0.45:
            text = f"\u201c{quote},\u201d {full} {cue}."
        elif shape < 0.65:
            text = f"{surname} {cue}: \u201c{quote}.\u201d"
        elif shape < 0.8:
            text = f"\u201c{quote},\u201d {surname} {cue}. \u201c{_quote(rng)}.\u201d"
        else:
            text = f"\u201c{quote},\u201d said {rng.choice(ROLES)}, who asked not to be named."
        if rng.random() < 0.3:
            text += " " + rng.choice(STOCK)
        return text

    def prose_paragraph(self) -> str:
        rng = self.rng
        sentences = [_sentence(rng) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.35:
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(STOCK))
        if rng.random() < 0.3:  # a reported statement: "Torres said the council had ..."
            _full, surname = self.people[rng.randrange(len(self.people))]
            said = f"{rng.choice(SUBJECTS).lower()} had {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
            sentences.append(f"{surname} said {said}.")
        return " ".join(sentences)


def quote_dense_story(paragraphs: int, seed: int = 1) -> list[str]:
    """The paragraphs (text blocks) of a running wire story with ``paragraphs`` body paragraphs."""
    rng = random.Random(seed)
    story = _Story(rng)
    blocks = [
        "Harbour closure deepens as ministry and union trade blame over reservoir plan",
        "By Ana Duarte and Peter Mwangi",
    ]
    for n in range(paragraphs):
        if n and n % 25 == 0:
            blocks.append(f"UPDATE {n // 25} - {8 + (n // 25) % 12:02d}:{(n * 7) % 60:02d} GMT")
        if n and n % 40 == 0:
            blocks.append(WHAT_WE_KNOW)
        if n % 30 == 15:
            full, _surname = story.people[rng.randrange(len(story.people))]
            blocks.append(f"{full} speaks to reporters in Port Alder on Tuesday. (Meridian Photo/Jo Silva)")
        text = story.quote_paragraph() if rng.random() < 0.5 else story.prose_paragraph()
        if n == 0:
            text = "PORT ALDER, March 3 (Meridian) - " + text
        blocks.append(text)
    blocks.append("(Reporting by Ana Duarte and Peter Mwangi; Editing by Graham Whitlock)")
    blocks.append("\u00a9 2026 Meridian News Agency. All rights reserved.")
    return blocks


# --- Versions -----------------------------------------------------------------------------------

_QUOTED = re.compile(r"\u201c([^\u201d]+)\u201d")
_WORD = re.compile(r"[A-Za-z]+")


def _substitute(rng: random.Random, text: str, start: int = 0, end: int | None = None) -> str:
    """Replace one word of ``text[start:end]`` by another (a known substitute, else a close one)."""
    end = len(text) if end is None else end
    words = [m for m in _WORD.finditer(text, start, end) if len(m.group()) > 3]
    if not words:
        return text
    known = [m for m in words if m.group() in SUBSTITUTES]
    m = rng.choice(known) if known and rng.random() < 0.8 else rng.choice(words)
    new = SUBSTITUTES.get(m.group(), rng.choice(("several", "local", "earlier", "official", "public")))
    return text[: m.start()] + new + text[m.end() :]


def _edit(rng: random.Random, text: str) -> str:
    """One to three word substitutions, inside a quote when the paragraph has one (most of the time)."""
    for _ in range(rng.randint(1, 3)):
        quoted = list(_QUOTED.finditer(text))
        if quoted and rng.random() < 0.6:
            q = rng.choice(quoted)
            text = _substitute(rng, text, q.start(1), q.end(1))
        else:
            text = _substitute(rng, text)
    return text


def _restyle(text: str) -> str:
    return text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("per cent", "percent")


def _is_body(text: str) -> bool:
    return not (text.startswith(("By ", "UPDATE ", "(Reporting", "\u00a9")) or "(Meridian Photo" in text)


def quote_dense_version(base: list[str], rng: random.Random, edit_share: float = 0.25) -> list[str]:
    """A reprint of ``base``: a quarter of the body paragraphs edited (words inside and outside quotes),
    some cue verbs loaded and speakers swapped, a few paragraphs cut or added, site furniture, and the
    outlet's house style."""
    out: list[str] = []
    for k, text in enumerate(base):
        body = k > 1 and _is_body(text)
        if body and k > 2 and rng.random() < 0.03:
            continue  # cut
        if body and rng.random() < edit_share:
            text = _edit(rng, text)
        if body and rng.random() < 0.05:
            text = re.sub(r"\bsaid\b", rng.choice(LOADED), text, count=1)
        if body and rng.random() < 0.02:
            text = re.sub(r"\b(" + "|".join(SURNAMES) + r")\b", lambda m: rng.choice(SURNAMES), text, count=1)
        if body and rng.random() < 0.01:
            text = text.replace("\u201c", "").replace("\u201d", "")  # quote marks dropped: a paraphrase
        if "(Meridian Photo" in text and rng.random() < 0.5:
            text = text.replace("(Meridian Photo/Jo Silva)", "(Photo: Our Staff)")
        if k == 1 and rng.random() < 0.3:
            text = "By Our Correspondent"
        if text.startswith("\u00a9") and rng.random() < 0.4:
            continue
        out.append(text)
        if body and rng.random() < 0.02:
            out.append(_sentence(rng) + " " + _sentence(rng))  # the outlet's own paragraph
        if body and rng.random() < 0.04:
            out.append(rng.choice(FURNITURE))
    if rng.random() < 0.5:
        out = [_restyle(t) for t in out]
    return out


def syndication_version(base: list[str], rng: random.Random) -> list[str]:
    """How one site republishes a short wire story: maybe trimmed from the end, restyled, site furniture
    around it, a quote or two altered, sometimes the byline or trailer replaced."""
    keep = len(base) if rng.random() < 0.4 else rng.randint(max(4, len(base) // 3), len(base))
    body = base[:keep]
    if keep < len(base) and rng.random() < 0.5:
        body.append(base[-2])  # trimmed, but the trailer credit kept
    out = [rng.choice(FURNITURE[5:6] + FURNITURE[7:])] if rng.random() < 0.6 else []
    quoted = [k for k, t in enumerate(body) if "\u201c" in t]
    altered = set(rng.sample(quoted, min(len(quoted), rng.randint(0, 3))))
    for k, text in enumerate(body):
        if k in altered:
            q = rng.choice(list(_QUOTED.finditer(text)))
            text = _substitute(rng, text, q.start(1), q.end(1))
        elif k > 2 and _is_body(text) and rng.random() < 0.1:
            text = _edit(rng, text)
        if k == 1 and rng.random() < 0.2:
            text = "By Staff Writer"
        out.append(text)
        if k > 2 and rng.random() < 0.08:
            out.append(rng.choice(FURNITURE))
    if rng.random() < 0.5:
        out = [_restyle(t) for t in out]
    return out


def to_article(blocks: list[str], name: str) -> Article:
    return article_from_text("\n\n".join(blocks) + "\n", name)


def quote_dense_blocks(paragraphs: int, versions: int, seed: int) -> tuple[list[str], list[list[str]]]:
    base = quote_dense_story(paragraphs, seed)
    rng = random.Random(seed + paragraphs)
    return base, [quote_dense_version(base, rng) for _ in range(versions)]


def as_articles(base: list[str], others: list[list[str]], name: str) -> tuple[Article, list[Article]]:
    return to_article(base, f"{name}.txt"), [to_article(o, f"{name}-v{n + 1:03d}.txt") for n, o in enumerate(others)]


def syndication_set(versions: int = 200, paragraphs: int = 30, seed: int = 7) -> tuple[list[str], list[list[str]]]:
    base = quote_dense_story(paragraphs, seed)
    rng = random.Random(seed * 1000 + versions)
    return base, [syndication_version(base, rng) for _ in range(versions)]


def write_set(folder: Path, base: list[str], others: list[list[str]]) -> list[Path]:
    """The base and versions as text files ``000-wire.txt``, ``001-version.txt``...; their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, blocks in enumerate([base, *others]):
        path = folder / (f"{n:03d}-wire.txt" if n == 0 else f"{n:03d}-version.txt")
        path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
