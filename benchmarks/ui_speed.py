"""How fast the reader opens and moves on a long story: time to first screen, per `n`, per page down.

    python benchmarks/ui_speed.py [PARAGRAPHS] [VERSIONS]      (defaults: 1000 paragraphs, 5 versions)

Builds a synthetic wire of PARAGRAPHS paragraphs from the sample story's sentences and VERSIONS reprints
(cuts, additions, moves, word edits; seeded), then drives the real app headless at 200x50.
"""

from __future__ import annotations

import asyncio
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.loading import article_from_text  # noqa: E402
from reader.loading.sources import load_sources  # noqa: E402


def make_story(paragraphs: int, versions: int, seed: int = 7):
    rng = random.Random(seed)
    sample = load_sources([str(ROOT / "sample_articles" / "harbour-strike" / "00-wire.txt")])[0]
    words = sorted({w for p in sample.paragraphs if not p.kind.is_metadata for w in p.text.split()})
    base = []
    for i in range(paragraphs):
        # news-like sentences, every paragraph different (real stories rarely repeat paragraphs)
        base.append(f"Item {i}: " + " ".join(rng.sample(words, 45)) + ".")
    articles = [article_from_text("\n\n".join(base), "wire.txt")]
    for v in range(versions):
        out = []
        for text in base:
            roll = rng.random()
            if roll < 0.05:
                continue  # cut
            if roll < 0.10:
                text = text.replace(" the ", " a ", 2)
            if roll < 0.13:
                out.append("An added paragraph written by the outlet itself " + " ".join(rng.sample(words, 15)))
            out.append(text)
        for _ in range(paragraphs // 100):  # a few moves
            i, j = rng.randrange(len(out)), rng.randrange(len(out))
            out.insert(j, out.pop(i))
        articles.append(article_from_text("\n\n".join(out), f"version-{v + 1}.txt"))
    return articles


async def measure(articles, comparison) -> None:
    from reader.ui.app import ReaderApp

    app = ReaderApp(articles, comparison=comparison)
    started = time.perf_counter()
    async with app.run_test(size=(200, 50)) as pilot:
        while app.view is None or not app.view.layout.total:
            await pilot.pause(0.01)
        await pilot.pause()
        first = time.perf_counter() - started
        print(f"time to first screen, analysis done: {first:.2f} s ({len(app.view.grid.rows)} grid rows)")

        async def timed(key: str, times: int) -> float:
            start = time.perf_counter()
            for _ in range(times):
                await pilot.press(key)
            await pilot.pause()
            return (time.perf_counter() - start) / times * 1000

        baseline = await timed("x", 30)  # an unbound key: what the test driver itself costs per press
        print(f"unbound key (driver overhead): {baseline:.1f} ms per press")
        print(f"n (next change): {await timed('n', 30):.1f} ms per press")
        print(f"page down: {await timed('pagedown', 30):.1f} ms per press")
        print(f"j (one line): {await timed('j', 30):.1f} ms per press")
        start = time.perf_counter()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        print(f"resize 200x50 -> 120x40 (re-wrap every row): {(time.perf_counter() - start) * 1000:.0f} ms")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        print(f"at 80x24 (2 panes): n {await timed('n', 30):.1f} ms, page down {await timed('pagedown', 30):.1f} ms")


def main() -> None:
    paragraphs = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    versions = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    start = time.perf_counter()
    articles = make_story(paragraphs, versions)
    print(f"{paragraphs} paragraphs x {versions} versions built in {time.perf_counter() - start:.1f} s")
    from reader.comparison import compare
    from reader.view.grid import build_grid

    start = time.perf_counter()
    comparison = compare(articles[0], articles[1:])
    print(f"core analysis (compare): {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    build_grid(comparison)
    print(f"display grid: {(time.perf_counter() - start) * 1000:.0f} ms")
    asyncio.run(measure(articles, comparison))


if __name__ == "__main__":
    main()
