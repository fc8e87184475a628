"""Seeded generator of reprints and rewrites of a wire story, with their true alignment.

A *reprint* is made from the wire by known newsroom operations: house style (straight quotes, ``US``,
``percent``, US spelling, transliteration), quote and attribution edits, a rewritten lede or headline,
heavy write-through edits, cuts, invented added paragraphs, moves, splits (1:2, 1:3) and merges (2:1),
byline and credit changes. A *rewrite* is an independent article on the same story, built from the
story's own vocabulary, that lifts only a few quotes from the wire.

Every generated version comes with its true alignment as truth rows ``(kind, base, other)`` using the
labels of ``sample_articles/*/NN-*.truth.yaml``: match, moved, split, merged, partial, inserted, deleted.
Everything is driven by ``random.Random(seed)``: the same seed gives the same articles.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reader.loading import load_article
from reader.model import Article, Paragraph, ParagraphKind

ROOT = Path(__file__).resolve().parent.parent
STORIES = (
    ROOT / "sample_articles" / "harbour-strike" / "00-wire.txt",
    ROOT / "sample_articles" / "second-story" / "00-wire.txt",
)
K = ParagraphKind

# A sentence ends with . ! or ? (possibly inside a closing quote), never at a bare closing quote mark.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\u201d\"]))\s+(?=[\u201c\"A-Z])")
_QUOTE = re.compile(r"[\u201c\"]([^\u201c\u201d\"]{30,}?)[\u201d\"]")
_WORD = re.compile(r"[A-Za-z][a-z]+")
_FUNCTION = (
    "the the the a a of of to to in in and and on for with that at by from as it was is were has have "
    "had but not this their its after over about more than which who would could".split()
)
_US_SPELLING = {
    "harbour": "harbor", "Harbour": "Harbor", "labour": "labor", "Labour": "Labor", "organised": "organized",
    "organisers": "organizers", "organise": "organize", "kilometres": "kilometers", "metres": "meters",
    "centimetres": "centimeters", "centre": "center", "neighbouring": "neighboring", "defence": "defense",
    "programme": "program", "favour": "favor", "colour": "color", "recognised": "recognized",
}
_TRANSLITERATION = {"Qaddouri": "Kaddouri", "Haddadi": "Hadadi", "Velasquez": "Velazquez", "Solberg": "Soelberg"}
_SPEECH_VERBS = ["told reporters", "claimed", "added", "stated", "insisted", "acknowledged"]
_QUOTE_WORDS = ["really", "simply", "certainly", "all", "just", "never", "always", "clearly"]
_NAMES = ["Priya Raman", "Oliver Grant", "Lena Marchetti", "Sam Okafor", "Ada Novak", "Jon Berg", "Mia Costa"]
_CREDITS = ["(Additional reporting by Our Staff)", "(Reporting by Our Correspondent; Editing by The Desk)"]


@dataclass
class Item:
    """One paragraph of the version being built and the base paragraphs it comes from."""

    text: str
    kind: ParagraphKind
    base: tuple[int, ...]
    body_start: int = 0
    moved: bool = False
    # Heavily reworded or extended: left out of splits and merges, whose pieces must stay recognisable.
    rewritten: bool = False
    origin: str = "match"  # match | split | merged | inserted | partial


@dataclass
class Generated:
    base: Article
    other: Article
    truth: list[tuple[str, tuple[int, ...], tuple[int, ...]]]
    relation: str  # "reprint" | "rewrite"
    operations: list[str] = field(default_factory=list)


def load_story(path: Path | str) -> Article:
    return load_article(str(path))


# --- Text edits ---------------------------------------------------------------------------------


def _straight_quotes(text: str) -> str:
    return (
        text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
        .replace("\u2013", "-").replace("\u2014", "-")
    )


def _us_style(text: str) -> str:
    return text.replace("U.S.", "US").replace("per cent", "percent")


def _us_spelling(text: str) -> str:
    return re.sub(r"\b(" + "|".join(_US_SPELLING) + r")\b", lambda m: _US_SPELLING[m.group()], text)


def _transliterate(text: str) -> str:
    return re.sub(r"\b(" + "|".join(_TRANSLITERATION) + r")\b", lambda m: _TRANSLITERATION[m.group()], text)


def _edit_quote(rng: random.Random, text: str) -> str:
    """Change one word inside a quotation, or drop a comma inside it."""
    match = _QUOTE.search(text)
    if not match:
        return text
    inner = match.group(1)
    if "," in inner and rng.random() < 0.3:
        new_inner = inner.replace(",", "", 1)
    else:
        words = inner.split(" ")
        k = rng.randrange(len(words))
        words.insert(k, rng.choice(_QUOTE_WORDS))
        new_inner = " ".join(words)
    return text[: match.start(1)] + new_inner + text[match.end(1) :]


def _edit_attribution(rng: random.Random, text: str) -> str:
    return re.sub(r"\bsaid\b", rng.choice(_SPEECH_VERBS), text, count=1)


def _reword(rng: random.Random, text: str, share: float, vocab: list[str]) -> str:
    """Replace about ``share`` of the words with others (a write-through rewording) keeping the rest."""
    words = text.split(" ")
    for k in rng.sample(range(len(words)), max(1, int(len(words) * share))):
        words[k] = rng.choice(vocab)
    return " ".join(words)


def _rewrite_lede(rng: random.Random, text: str, vocab: list[str], intensity: float = 1.0) -> str:
    """A later (or earlier) write-through of the lede: tense and some words change, a clause goes or comes."""
    text = re.sub(r"\b(voted|evacuated)\b", lambda m: "were due to " + m.group()[:-1 if m.group().endswith("ed") else None], text, count=1)
    text = _reword(rng, text, min(0.7, 0.12 * intensity), vocab)
    if rng.random() < 0.5 and text.count(",") >= 2:
        text = text[: text.rfind(",")] + "."
    else:
        text = text.rstrip(".") + ", " + " ".join(rng.choice(vocab) for _ in range(6)) + "."
    return text


def story_vocabulary(article: Article) -> list[str]:
    words = Counter(w for p in article.paragraphs for w in _WORD.findall(p.body_text) if len(w) > 3)
    return sorted(words)


def filler_sentence(rng: random.Random, vocab: list[str], length: int) -> str:
    """Invented text in the story's own words (same topic, never a copy of a wire sentence)."""
    words = [rng.choice(_FUNCTION) if rng.random() < 0.4 else rng.choice(vocab) for _ in range(length)]
    sentence = " ".join(words)
    return sentence[0].upper() + sentence[1:] + "."


def filler_paragraph(rng: random.Random, vocab: list[str]) -> str:
    return " ".join(filler_sentence(rng, vocab, rng.randint(10, 22)) for _ in range(rng.randint(1, 3)))


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


# --- Reprints -----------------------------------------------------------------------------------


def _base_items(base: Article) -> list[Item]:
    return [Item(p.text, p.kind, (p.index,), p.body_start) for p in base.paragraphs]


def _body_positions(items: list[Item], origin: str = "match", intact: bool = False) -> list[int]:
    return [
        k for k, it in enumerate(items)
        if it.kind is K.BODY and it.origin == origin and len(it.base) == 1 and not (intact and it.rewritten)
    ]


def _inside_group(items: list[Item], t: int) -> bool:
    """Inserting at ``t`` would land between the pieces of one split paragraph."""
    return 0 < t < len(items) and items[t].origin == "split" and items[t - 1].origin == "split" and (
        items[t].base == items[t - 1].base
    )


def _apply_text(item: Item, edit) -> None:
    head, body = item.text[: item.body_start], item.text[item.body_start :]
    item.text = head + edit(body)


def make_reprint(base: Article, rng: random.Random, scale: float = 1.0, intensity: float = 1.0) -> Generated:
    """A reprint of ``base`` by random known operations; ``scale`` multiplies the number of all
    operations for long documents; ``intensity`` (1 = normal) how hard text edits reword paragraphs."""
    vocab = story_vocabulary(base)
    items = _base_items(base)
    ops: list[str] = []

    def count(low: int, high: int) -> int:
        if scale <= 1:
            return int(round(rng.randint(low, high) * scale))
        # Long documents: the same density of operations in every version, give or take a fifth.
        return int(round((low + high) / 2 * scale * rng.uniform(0.8, 1.2)))

    # House style of the outlet: applied everywhere.
    for name, edit in (
        ("straight quotes", _straight_quotes),
        ("US style", _us_style),
        ("US spelling", _us_spelling),
        ("transliteration", _transliterate),
    ):
        if rng.random() < 0.5:
            ops.append(name)
            for it in items:
                _apply_text(it, edit)

    bodies = _body_positions(items)
    for k in rng.sample(bodies, min(len(bodies), count(0, 3))):
        ops.append(f"quote edit {items[k].base}")
        _apply_text(items[k], lambda t: _edit_quote(rng, t))
    for k in rng.sample(bodies, min(len(bodies), count(0, 3))):
        ops.append(f"attribution edit {items[k].base}")
        _apply_text(items[k], lambda t: _edit_attribution(rng, t))
    for k in rng.sample(bodies, min(len(bodies), count(0, 2))):
        if len(items[k].text.split()) >= 20:
            ops.append(f"heavy edit {items[k].base}")
            share = min(0.7, rng.choice((0.2, 0.25, 0.3)) * intensity)
            _apply_text(items[k], lambda t: _reword(rng, t, share, vocab))
            items[k].rewritten = True
    for k in rng.sample(bodies, min(len(bodies), count(0, 2))):
        parts = sentences(items[k].text[items[k].body_start :])
        if len(parts) >= 3:
            ops.append(f"last sentence trimmed {items[k].base}")
            items[k].text = items[k].text[: items[k].body_start] + " ".join(parts[:-1])
    for k in rng.sample(bodies, min(len(bodies), count(0, 1))):
        if len(items[k].text.split()) >= 25 and not items[k].rewritten:
            ops.append(f"write-through clause {items[k].base}")
            _apply_text(items[k], lambda t: _reword(rng, t, min(0.7, 0.15 * intensity), vocab) + " " + filler_sentence(rng, vocab, 8))
            items[k].rewritten = True
    if bodies and rng.random() < 0.4:
        lede = bodies[0]
        ops.append("lede rewrite")
        _apply_text(items[lede], lambda t: _rewrite_lede(rng, t, vocab, intensity))
        if items[lede].body_start and rng.random() < 0.5:
            ops.append("dateline credit dropped")
            items[lede].text = "PORT ALDER: " + items[lede].text[items[lede].body_start :]
            items[lede].body_start = len("PORT ALDER: ")

    for it in items:
        if it.kind is K.HEADLINE and rng.random() < 0.4:
            ops.append("headline reworded")
            it.text = _reword(rng, it.text, 0.3, vocab)
        elif it.kind is K.BYLINE and rng.random() < 0.4:
            ops.append("byline changed")
            it.text = it.text + " and " + rng.choice(_NAMES)
        elif it.kind is K.CREDIT and rng.random() < 0.3:
            ops.append("trailer replaced")
            it.text = rng.choice(_CREDITS)

    # Splits (1:2, sometimes 1:3) at sentence boundaries. Each phase picks its positions once and
    # applies them from the end, so generating long documents stays linear.
    candidates = [
        k for k in _body_positions(items, intact=True)
        if k > 0 and items[k - 1].kind is not K.HEADLINE and not items[k].body_start and len(sentences(items[k].text)) >= 2
    ]
    for k in sorted(rng.sample(candidates, min(len(candidates), count(0, 2))), reverse=True):
        parts = sentences(items[k].text)
        pieces = 3 if len(parts) >= 3 and rng.random() < 0.25 else 2
        cuts = sorted(rng.sample(range(1, len(parts)), pieces - 1))
        chunks = [" ".join(parts[a:b]) for a, b in zip([0, *cuts], [*cuts, len(parts)])]
        ops.append(f"split {items[k].base} in {pieces}")
        items[k : k + 1] = [Item(c, K.BODY, items[k].base, origin="split") for c in chunks]

    # Merges of two adjacent wire paragraphs.
    positions = set(_body_positions(items, intact=True))
    candidates = [
        k for k in sorted(positions)
        if k + 1 in positions and items[k + 1].base[0] == items[k].base[0] + 1 and not items[k].body_start
    ]
    rng.shuffle(candidates)
    chosen: list[int] = []
    wanted = count(0, 2)
    for k in candidates:
        if len(chosen) >= wanted:
            break
        if all(abs(k - c) >= 2 for c in chosen):
            chosen.append(k)
    for k in sorted(chosen, reverse=True):
        ops.append(f"merge {items[k].base + items[k + 1].base}")
        merged = Item(items[k].text + " " + items[k + 1].text, K.BODY, items[k].base + items[k + 1].base, origin="merged")
        items[k : k + 2] = [merged]

    # Cuts: body paragraphs, sometimes a subhead or the trailer credit.
    candidates = [k for k in _body_positions(items) if not items[k].body_start]
    cut = set(rng.sample(candidates, min(len(candidates), count(0, 4))))
    cut |= {k for k, it in enumerate(items) if it.kind in (K.CREDIT, K.SUBHEAD) and rng.random() < 0.25}
    for k in sorted(cut, reverse=True):
        ops.append(f"cut {items[k].base}")
        del items[k]

    # Moves: a paragraph jumps over at least two others so the move is unambiguous.
    for _ in range(count(0, 2)):
        movable = [k for k in _body_positions(items) if not items[k].body_start and not items[k].moved]
        if len(movable) < 5:
            break
        k = rng.choice(movable)
        item = items.pop(k)
        for _attempt in range(30):
            t = k + rng.choice((-1, 1)) * rng.randint(3, max(3, min(40, len(items) // 2)))
            if not 1 <= t < len(items) or items[t - 1].kind is K.HEADLINE or _inside_group(items, t):
                continue
            if any(it.moved for it in items[min(t, k) : max(t, k)]):
                continue
            item.moved = True
            ops.append(f"move {item.base} from {k} to {t}")
            items.insert(t, item)
            break
        else:
            items.insert(k, item)

    # Added paragraphs: the outlet's own, in the story's words; sometimes a Source line or disclaimer.
    for _ in range(count(0, 3)):
        t = rng.randint(3, max(3, len(items)))
        while _inside_group(items, t):
            t += 1
        ops.append(f"add at {t}")
        items.insert(t, Item(filler_paragraph(rng, vocab), K.BODY, (), origin="inserted"))
    if rng.random() < 0.3:
        ops.append("source line")
        items.insert(0, Item("Source: Meridian", K.CREDIT, (), origin="inserted"))
    if rng.random() < 0.3:
        ops.append("disclaimer")
        items.append(
            Item("This article was produced by Meridian News Agency. It has not been edited by The Example.",
                 K.CREDIT, (), origin="inserted")
        )
    return _finish(base, items, "reprint", ops)


def _true_rows(base: Article, items: list[Item]) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    rows = []
    seen: set[int] = set()
    splits: dict[int, list[int]] = {}
    for j, it in enumerate(items):
        if it.origin == "split":
            splits.setdefault(it.base[0], []).append(j)
    for j, it in enumerate(items):
        if it.origin == "inserted":
            rows.append(("inserted", (), (j,)))
        elif it.origin == "split":
            if it.base[0] not in seen:
                rows.append(("split", it.base, tuple(splits[it.base[0]])))
        elif it.origin == "merged":
            rows.append(("merged", it.base, (j,)))
        elif it.origin == "partial":
            rows.append(("partial", it.base, (j,)))
        else:
            rows.append(("moved" if it.moved else "match", it.base, (j,)))
        seen.update(it.base)
    rows += [("deleted", (i,), ()) for i in range(len(base.paragraphs)) if i not in seen]
    return sorted(rows, key=lambda r: (r[1][0] if r[1] else 10**9, r[2][0] if r[2] else -1))


def _finish(base: Article, items: list[Item], relation: str, ops: list[str]) -> Generated:
    paragraphs = tuple(Paragraph(j, it.text, it.kind, it.body_start) for j, it in enumerate(items))
    other = Article(f"generated-{relation}.txt", paragraphs)
    return Generated(base, other, _true_rows(base, items), relation, ops)


# --- Rewrites -----------------------------------------------------------------------------------


def lifted_quotes(base: Article) -> list[tuple[int, str]]:
    """Quotations of at least ten words in body paragraphs: what a rewrite can lift."""
    found = []
    for p in base.paragraphs:
        if p.kind is not K.BODY:
            continue
        quotes = [m.group(1) for m in _QUOTE.finditer(p.text) if len(m.group(1).split()) >= 10]
        if quotes:
            found.append((p.index, max(quotes, key=len)))
    return found


def paraphrase(rng: random.Random, text: str, vocab: list[str]) -> str:
    """Same facts, own words: keep capitalised words, numbers and about a quarter of the rest, in order."""
    out = []
    kept_in_a_row = 0
    for word in text.split(" "):
        # Own words break every run: a paraphrase never copies more than four words in a row.
        keep = word[:1].isupper() or any(c.isdigit() for c in word) or rng.random() < 0.25
        if keep and kept_in_a_row < 4:
            out.append(word.strip("\u201c\u201d\"'"))
            kept_in_a_row += 1
        else:
            out.append(rng.choice(vocab if rng.random() < 0.5 else _FUNCTION))
            kept_in_a_row = 0
    return " ".join(w for w in out if w) + "."


def make_rewrite(base: Article, rng: random.Random) -> Generated:
    """An independent article on the same story that lifts 2-4 wire quotes, in its own order."""
    vocab = story_vocabulary(base)
    items = [
        Item(filler_sentence(rng, vocab, rng.randint(6, 11)).rstrip("."), K.HEADLINE, (), origin="inserted"),
        Item("By " + rng.choice(_NAMES), K.BYLINE, (), origin="inserted"),
    ]
    items += [Item(filler_paragraph(rng, vocab), K.BODY, (), origin="inserted") for _ in range(rng.randint(6, 14))]
    ops = []
    # Paraphrases: the same facts in the rewrite's own words (keeps names and numbers, a third of the words).
    bodies = [p for p in base.paragraphs if p.kind is K.BODY and len(p.body_text.split()) >= 15]
    for p in rng.sample(bodies, min(len(bodies), rng.randint(1, 4))):
        t = rng.randint(3, len(items))
        ops.append(f"paraphrase of {p.index} at {t}")
        items.insert(t, Item(paraphrase(rng, p.body_text, vocab), K.BODY, (), origin="inserted"))
    quotes = lifted_quotes(base)
    chosen = rng.sample(quotes, min(len(quotes), rng.randint(2, 4)))
    for index, quote in chosen:
        words = quote.split(" ")
        if len(words) >= 16 and rng.random() < 0.3:
            start = rng.randint(0, len(words) - 12)
            quote = " ".join(words[start : start + rng.randint(10, len(words) - start)])
            ops.append(f"quote fragment of {index}")
        if rng.random() < 0.3:
            quote = _straight_quotes(_us_spelling(quote))
        if rng.random() < 0.2:
            quote = _edit_quote(rng, "\u201c" + quote + "\u201d")[1:-1]
        intro = filler_sentence(rng, vocab, rng.randint(8, 16)).rstrip(".")
        text = f"{intro}: \u201c{quote}\u201d"
        if rng.random() < 0.5:
            text += " " + filler_sentence(rng, vocab, rng.randint(6, 12))
        t = rng.randint(3, len(items))
        ops.append(f"lift quote of {index} at {t}")
        items.insert(t, Item(text, K.BODY, (index,), origin="partial"))
    return _finish(base, items, "rewrite", ops)


def generate(seed: int, count: int, relation: str, stories=STORIES, intensity: float = 1.0) -> list[Generated]:
    """``count`` versions of the given relation, cycling through the wire stories."""
    rng = random.Random(seed)
    bases = [load_story(path) for path in stories]
    if relation == "reprint":
        return [make_reprint(bases[n % len(bases)], rng, intensity=intensity) for n in range(count)]
    return [make_rewrite(bases[n % len(bases)], rng) for n in range(count)]
