"""Long synthetic wire stories (hundreds to thousands of paragraphs) for the speed benchmark."""

from __future__ import annotations

import random

from benchmarks.generator import STORIES, load_story, story_vocabulary
from reader.model import Article, Paragraph, ParagraphKind

K = ParagraphKind
_FUNCTION = "the the the a a of of to to in in and and on for with that at by from as it was is has had".split()
_SYLLABLES = "ba be bi bo ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to".split()


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words = set(w.lower() for path in STORIES for w in story_vocabulary(load_story(path)))
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _sentence(rng: random.Random, vocab: list[str], length: int) -> str:
    # Content words follow a Zipf-like law, as in real text: a few are everywhere, most are rare.
    words = [
        rng.choice(_FUNCTION) if rng.random() < 0.4 else vocab[min(len(vocab) - 1, int(rng.paretovariate(1.1)) - 1 + rng.randrange(40))]
        for _ in range(length)
    ]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, vocab: list[str]) -> str:
    sentences = [_sentence(rng, vocab, rng.randint(10, 24)) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        sentences[0] = "\u201c" + sentences[0] + "\u201d said " + rng.choice(vocab).title() + "."
    return " ".join(sentences)


def long_story(paragraphs: int, seed: int = 1) -> Article:
    """A wire story with ``paragraphs`` body paragraphs, a subhead every 20, headline, byline, trailer."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    rng.shuffle(vocab)
    texts: list[tuple[str, ParagraphKind]] = [
        ("Long synthetic story for the speed benchmark", K.HEADLINE),
        ("By Hannah Lindqvist and Tomas Ferreira", K.BYLINE),
    ]
    for n in range(paragraphs):
        if n and n % 20 == 0:
            texts.append((" ".join(rng.choice(vocab) for _ in range(2)).upper(), K.SUBHEAD))
        texts.append((_paragraph(rng, vocab), K.BODY))
    texts.append(("(Reporting by Hannah Lindqvist; Editing by Graham Whitlock)", K.CREDIT))
    return Article(f"long-{paragraphs}.txt", tuple(Paragraph(i, t, k) for i, (t, k) in enumerate(texts)))
