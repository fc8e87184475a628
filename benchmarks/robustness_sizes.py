"""How long the biggest inputs the default limits allow take to load and compare (no input may hang).

    python benchmarks/robustness_sizes.py          # the quick cases
    python benchmarks/robustness_sizes.py --full   # also 20,000 unrelated paragraphs against 20,000

Each case builds synthetic text at the limit (seeded, so runs compare), then times loading (bytes ->
Article) and ``compare`` separately.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.comparison import compare  # noqa: E402
from reader.loading import Limits, load_bytes  # noqa: E402

LIMITS = Limits()
RNG = random.Random(7)
VOCABULARY = ["".join(RNG.choice("abcdefghijklmnop") for _ in range(RNG.randint(2, 9))) for _ in range(20_000)]


def sentence_words(count: int) -> str:
    return " ".join(RNG.choice(VOCABULARY) for _ in range(count))


def edited(text: str, every: int) -> str:
    words = text.split(" ")
    for i in range(0, len(words), every):
        words[i] = "changed"
    return " ".join(words)


def timed(label: str, base_bytes: bytes, other_bytes: bytes, base_name: str = "base.txt", other_name: str = "other.txt") -> None:
    start = time.perf_counter()
    base = load_bytes(base_name, base_bytes, LIMITS)
    other = load_bytes(other_name, other_bytes, LIMITS)
    loaded = time.perf_counter()
    comparison = compare(base, [other])
    done = time.perf_counter()
    rows = len(comparison.versions[0].rows)
    print(f"{label:58s} load {loaded - start:6.2f} s   compare {done - loaded:6.2f} s   rows {rows:,}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args()
    chars = LIMITS.max_paragraph_chars - 1000
    long_a = sentence_words(40_000)[:chars] + "."
    timed("one 199,000-char paragraph vs an edited copy (1 word in 50)", b"Head\n\n" + long_a.encode(),
          b"Head\n\n" + edited(long_a, 50).encode())
    long_b = sentence_words(40_000)[:chars] + "."
    timed("one 199,000-char paragraph vs an unrelated one", b"Head\n\n" + long_a.encode(), b"Head\n\n" + long_b.encode())

    count = LIMITS.max_paragraphs
    paragraphs = [sentence_words(RNG.randint(15, 40)) + "." for _ in range(count)]
    version = list(paragraphs)
    RNG.shuffle(version[:2000])
    version = [p if RNG.random() > 0.3 else edited(p, 7) for p in version]
    timed(f"{count:,} paragraphs vs a reordered, 30%-edited copy", "\n\n".join(paragraphs).encode(),
          "\n\n".join(version).encode())
    if args.full:
        unrelated = [sentence_words(RNG.randint(15, 40)) + "." for _ in range(count)]
        timed(f"{count:,} paragraphs vs {count:,} unrelated ones", "\n\n".join(paragraphs).encode(),
              "\n\n".join(unrelated).encode())

    page_paragraphs = paragraphs[: count - 100]
    page = ("<html><head><title>Big page</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Big page</h1>"
            + "".join(f"<p>{p}</p>" for p in page_paragraphs) + "</article></body></html>").encode()
    timed(f"saved web page of {len(page) / 1e6:.1f} MB ({len(page_paragraphs):,} <p>) vs its text", page,
          "\n\n".join(["Big page", *page_paragraphs]).encode(), "page.html")


if __name__ == "__main__":
    main()
