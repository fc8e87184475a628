"""Speed benchmark: analysis of the samples and of long synthetic stories, reference diffs, the app headless.

    python benchmarks/run.py                 # everything (several minutes)
    python benchmarks/run.py --sizes 250 1000 --no-app --families quote-dense
    python benchmarks/run.py --only-syndication

Two families of long stories, side by side: ``longstory`` (``benchmarks/longstory.py``: word salad, few
quotes, no recurring sentence) and ``quote-dense`` (``benchmarks/quotedense.py``: half the paragraphs
quoted, recurring sentences and quotes, furniture, a quarter of the paragraphs edited in each version, so
versions carry hundreds of findings); per size the findings found, and the whole ``reader compare
--format json`` process on the same stories written as text files (its own peak memory). Then a
syndication workload: one 30-paragraph wire story against 200 versions, timed in-process, as a process,
and the app's overview model built from the result (the pure part: every scorecard row and details text).

Both families are generated with a fixed seed; ``longstory`` versions are made by the reprint generator (cuts, additions, moves, splits, merges, house style, quote, attribution and
write-through edits) at the same density of operations for every size. Reported: analysis time of the
samples in-process (alignment alone and the whole ``compare``: alignment, word diffs, findings); per
size, the time for a base against 10 versions and the growth factor between sizes; the same pairs
through a line diff (difflib) and character-mode diff-match-patch as reference points; peak memory;
and the app driven headless (time to first screen, median time to handle ``n`` and page-down).
Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from diff_match_patch import diff_match_patch  # noqa: E402

from benchmarks.generator import make_reprint  # noqa: E402
from benchmarks.longstory import long_story  # noqa: E402
from benchmarks.quotedense import as_articles, quote_dense_blocks, syndication_set, write_set  # noqa: E402
from reader.align.paragraphs import align
from reader.memory import clear_caches, paused_gc  # noqa: E402
from reader.comparison import compare  # noqa: E402
from reader.loading import load_article  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.settings.profile import default_profile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles" / "harbour-strike"
VERSIONS = 10
SEED = 20241121


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()}; "
        f"load average at start {load:.1f}"
    )


CPU: dict[str, float] = {}


def timed(action, cpu_key: str | None = None) -> float:
    """Wall-clock seconds of ``action()``; its process CPU seconds go to ``CPU[cpu_key]`` if given
    (on a busy machine CPU time is the steadier figure)."""
    start, cpu = time.perf_counter(), time.process_time()
    action()
    if cpu_key:
        CPU[cpu_key] = time.process_time() - cpu
    return time.perf_counter() - start


def cold_best(action, cpu_key: str, runs: int) -> float:
    """Best of ``runs`` cold runs (caches emptied before each): the least disturbed by other load."""
    best_wall = best_cpu = float("inf")
    for _ in range(runs):
        clear_caches()
        best_wall = min(best_wall, timed(action, cpu_key))
        best_cpu = min(best_cpu, CPU[cpu_key])
    CPU[cpu_key] = best_cpu
    return best_wall


# --- Samples ------------------------------------------------------------------------------------


def bench_samples() -> list[tuple[str, str, str]]:
    profile = default_profile()
    paths = sorted(SAMPLES.glob("0*.txt"))
    articles: list[Article] = []
    load = timed(lambda: articles.extend(load_article(str(p)) for p in paths))
    base, others = articles[0], articles[1:]
    cold = cold_best(lambda: compare(base, others, profile), "samples", runs=5)
    warm = statistics.median(timed(lambda: compare(base, others, profile)) for _ in range(7))
    align_cold = cold_best(lambda: align_all(base, others, profile), "samples_align", runs=5)
    align_warm = statistics.median(timed(lambda: align_all(base, others, profile)) for _ in range(7))
    n = len(others)
    return [
        (f"load {len(paths)} files", f"{load * 1000:.1f} ms", ""),
        (f"alignment, {n} versions (cold best of 5 / warm median of 7)", f"{align_cold * 1000:.1f} / {align_warm * 1000:.1f} ms", ""),
        (
            f"whole analysis `compare`, {n} versions, cold caches",
            f"{cold * 1000:.1f} ms ({CPU['samples'] * 1000:.1f} ms CPU)",
            "< 50 ms",
        ),
        (f"whole analysis `compare`, {n} versions, warm (median of 7)", f"{warm * 1000:.1f} ms", ""),
    ]


# --- Long stories -------------------------------------------------------------------------------


FAMILIES = ("longstory", "quote-dense")


def make_versions(paragraphs: int, family: str = "longstory") -> tuple[Article, list[Article]]:
    if family == "quote-dense":
        return as_articles(*quote_dense_blocks(paragraphs, VERSIONS, SEED), f"quote-dense-{paragraphs}")
    base = long_story(paragraphs, seed=SEED)
    rng = random.Random(SEED + paragraphs)
    # The sample story has about 20 body paragraphs: scale the number of operations with the length.
    return base, [make_reprint(base, rng, scale=paragraphs / 20).other for _ in range(VERSIONS)]


# ``python -m reader``, reporting its own peak RSS when it exits: the rusage of a child forked from this
# (large) process would count this process's memory, copied before the child's exec.
_MEASURED_READER = """
import atexit, runpy, sys
def peak():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                sys.stderr.write("peak-rss-kb " + line.split()[1] + "\\n")
    except OSError:
        pass
atexit.register(peak)
sys.argv[0] = "reader"
runpy.run_module("reader", run_name="__main__", alter_sys=True)
"""


def whole_process(paths: list[Path]) -> tuple[float, float | None]:
    """Wall seconds and peak RSS (MB; None where /proc is missing) of ``reader compare --format json`` on
    ``paths``, output discarded."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED_READER, "compare", "--format", "json", *map(str, paths)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"reader compare failed: {result.stderr[:300]}")
    peaks = [int(line.split()[1]) for line in result.stderr.splitlines() if line.startswith("peak-rss-kb ")]
    return elapsed, peaks[-1] / 1024 if peaks else None


def as_texts(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


def line_diff(base: Article, others: list[Article]) -> None:
    import difflib

    a = [p.text for p in base.paragraphs]
    for other in others:
        difflib.SequenceMatcher(None, a, [p.text for p in other.paragraphs], autojunk=False).get_opcodes()


def char_diff(base: Article, others: list[Article]) -> None:
    dmp = diff_match_patch()  # as shipped: gives up after Diff_Timeout (1 s) and returns a coarse diff
    a = "\n".join(p.text for p in base.paragraphs)
    for other in others:
        dmp.diff_main(a, "\n".join(p.text for p in other.paragraphs), False)


def align_all(base: Article, others: list[Article], profile) -> list:
    # As ``compare`` runs it: the collector paused across the versions, not only within each one.
    with paused_gc():
        return [align(base, other, profile) for other in others]


def bench_sizes(family: str, sizes: list[int], full_budget: float, reference_diffs: bool) -> list[dict]:
    profile = default_profile()
    results = []
    skip_full = False
    for size in sizes:
        base, others = make_versions(size, family)
        alignment = cold_best(lambda: align_all(base, others, profile), f"align{family}{size}", runs=3)
        full = process = process_rss = None
        found: list[int] = []
        if not skip_full:
            full = cold_best(
                lambda: found.append(sum(len(v.findings) for v in compare(base, others, profile).versions)),
                f"full{family}{size}", runs=2,
            )
            skip_full = full > full_budget
            with tempfile.TemporaryDirectory() as folder:
                paths = write_set(Path(folder), as_texts(base), [as_texts(o) for o in others])
                process, process_rss = whole_process(paths)
        results.append(
            {
                "size": size,
                "paragraphs": len(base.paragraphs),
                "version_paragraphs": sum(len(o.paragraphs) for o in others),
                "findings": found[-1] if found else None,
                "align": alignment,
                "align_cpu": CPU[f"align{family}{size}"],
                "full": full,
                "full_cpu": CPU.get(f"full{family}{size}") if full is not None else None,
                "process": process,
                "process_rss": process_rss,
                "line_diff": timed(lambda: line_diff(base, others)),
                "char_diff": timed(lambda: char_diff(base, others)) if reference_diffs else None,
                "rss": peak_rss_mb(),
            }
        )
        print(f"  {family} size {size}: done", file=sys.stderr)
    return results


def overview_model(comparison) -> list:
    """What the overview screen shows, without Textual running it: every scorecard row's values and the
    details text of every version (``reader/ui/overview.py``)."""
    from reader.model import Severity
    from reader.ui.overview import credit_status, percent, short_name, version_details

    rows = []
    for index, version in enumerate(comparison.versions):
        stats = version.stats
        rows.append((
            short_name(version.article.name), str(version.relation), percent(stats.get("base_kept")),
            percent(stats.get("taken_from_base")), credit_status(comparison.base.credit, version),
            sum(1 for f in version.findings if f.severity is Severity.MAJOR), len(version.findings),
            version_details(comparison, index),
        ))
    return rows


def bench_syndication(versions: int = 200) -> dict:
    profile = default_profile()
    base_blocks, other_blocks = syndication_set(versions)
    base, others = as_articles(base_blocks, other_blocks, "syndication")
    held: list = []
    full = cold_best(lambda: held.append(compare(base, others, profile)), "syndication", runs=2)
    comparison = held[-1]
    held.clear()
    overview = min(timed(lambda: overview_model(comparison)) for _ in range(3))
    with tempfile.TemporaryDirectory() as folder:
        process, process_rss = whole_process(write_set(Path(folder), base_blocks, other_blocks))
    return {
        "versions": versions,
        "paragraphs": len(base.paragraphs),
        "body": sum(1 for p in base.paragraphs if not p.kind.is_metadata),
        "findings": sum(len(v.findings) for v in comparison.versions),
        "full": full,
        "full_cpu": CPU["syndication"],
        "overview": overview,
        "process": process,
        "process_rss": process_rss,
    }


# --- App ----------------------------------------------------------------------------------------


async def _drive_app(articles: list[Article], presses: int) -> dict:
    from reader.ui.app import ReaderApp

    started = time.perf_counter()
    app = ReaderApp(articles)
    async with app.run_test(size=(160, 48)) as pilot:
        # The app paints at once (showing the analysis' progress), then the base and the first version
        # aligned as soon as that version is compared, then the other versions as they follow.
        ready = time.perf_counter() - started
        while app.view is None or not app.view.layout.total:
            await pilot.pause(0.01)
        first = time.perf_counter() - started
        while not app.view.comparison.complete or not app.view.layout.total:
            await pilot.pause(0.01)
        await pilot.pause()
        complete = time.perf_counter() - started

        # When the screen was last written: a key's latency ends with the update it causes.
        written = [0.0]
        display = app._display

        def timed_display(*args, **kwargs):
            display(*args, **kwargs)
            written[0] = time.perf_counter()

        app._display = timed_display

        async def each(key: str) -> tuple[float, float]:
            """Median (press-to-screen-written latency, whole round trip of the test driver)."""
            latencies, trips = [], []
            for _ in range(presses):
                start = time.perf_counter()
                written[0] = start
                await pilot.press(key)
                await pilot.pause()
                trips.append(time.perf_counter() - start)
                latencies.append(written[0] - start)
            return statistics.median(latencies), statistics.median(trips)

        # The round trip includes Pilot's own waits for idleness (three sleeps of at least 20 ms per key);
        # an unbound key shows it.
        driver = await each("f24")
        n, pagedown = await each("n"), await each("pagedown")
        return {"ready": ready, "first": first, "complete": complete, "driver": driver, "n": n, "pagedown": pagedown}


def bench_app(paragraphs: int, versions: int, family: str = "longstory") -> dict:
    base, others = make_versions(paragraphs, family)
    clear_caches()
    return asyncio.run(_drive_app([base, *others[:versions]], presses=25))


# --- Report -------------------------------------------------------------------------------------


def _seconds(value: float | None, cpu: float | None = None) -> str:
    if value is None:
        return "skipped"
    return f"{value:.2f} s" + (f" ({cpu:.2f} s CPU)" if cpu is not None else "")


def _megabytes(value: float | None) -> str:
    return "?" if value is None else f"{value:.0f} MB"


def _growth(results: list[dict], key: str) -> list[str]:
    out = []
    for small, big in zip(results, results[1:]):
        if small[key] and big[key]:
            out.append(f"{big[key] / small[key]:.1f}x for {big['size'] / small['size']:.0f}x paragraphs")
    return out


def _print_sizes(families: dict[str, list[dict]]) -> None:
    print(f"\nLong synthetic stories: base of N paragraphs x {VERSIONS} versions (seed {SEED})\n")
    print(
        "| family | N | paragraphs (base / all versions) | findings | alignment (cold, best of 3) "
        "| whole analysis (cold, best of 2) | `reader compare --format json` process (its peak RSS) "
        "| line diff (difflib) | char diff (diff-match-patch, 1 s timeout) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for family, results in families.items():
        for r in results:
            process = "skipped" if r["process"] is None else f"{r['process']:.2f} s ({_megabytes(r['process_rss'])})"
            print(
                f"| {family} | {r['size']} | {r['paragraphs']} / {r['version_paragraphs']} | {r['findings'] if r['findings'] is not None else '-'} "
                f"| {_seconds(r['align'], r['align_cpu'])} | {_seconds(r['full'], r['full_cpu'])} | {process} "
                f"| {_seconds(r['line_diff'])} | {_seconds(r['char_diff'])} |"
            )
    for family, results in families.items():
        print(f"\n{family}:")
        print(f"- growth, alignment alone, wall: {', '.join(_growth(results, 'align')) or '-'}")
        print(f"- growth, whole analysis, wall: {', '.join(_growth(results, 'full')) or '-'} (target: at most 4.5x for 4x)")
        print(f"- growth, whole analysis, CPU: {', '.join(_growth(results, 'full_cpu')) or '-'}")
        print(f"- growth, whole process, wall: {', '.join(_growth(results, 'process')) or '-'}")


def _print_syndication(s: dict) -> None:
    print(
        f"\nSyndication: a wire story of {s['body']} body paragraphs ({s['paragraphs']} with its furniture) against "
        f"{s['versions']} versions ({s['findings']} findings)\n"
    )
    print("| measure | time | target |\n|---|---|---|")
    print(f"| whole analysis `compare`, in-process (cold, best of 2) | {_seconds(s['full'], s['full_cpu'])} | |")
    print(f"| `reader compare --format json`, whole process (peak RSS {_megabytes(s['process_rss'])}) | {s['process']:.2f} s | < 3 s |")
    print(f"| the app's overview model: every scorecard row and details text (best of 3) | {s['overview'] * 1000:.0f} ms | < 1 s |")


def _print_app(app: dict, label: str) -> None:
    print(f"\nApp headless (160x48), {label}\n")
    print("| measure | time | target |\n|---|---|---|")
    print(f"| app on screen (analysis progress shown) | {app['ready']:.2f} s | |")
    print(f"| first aligned screen: the wire and version 1 (including its analysis) | {app['first']:.2f} s | < 2 s |")
    print(f"| every version aligned on screen (the whole analysis) | {app['complete']:.2f} s | |")
    for key, name, target in (("n", "`n` next change", "< 50 ms"), ("pagedown", "page-down", "< 50 ms"), ("driver", "an unbound key", "")):
        latency, trip = app[key]
        print(f"| {name}: key to screen written (median of 25; driver round trip {trip * 1000:.0f} ms) | {latency * 1000:.1f} ms | {target} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 4000], help="base paragraphs")
    parser.add_argument("--families", nargs="+", choices=FAMILIES, default=list(FAMILIES), help="long-story families")
    parser.add_argument("--no-app", action="store_true", help="skip the headless app measurement")
    parser.add_argument("--no-char-diff", action="store_true", help="skip the diff-match-patch reference (10 s a size)")
    parser.add_argument("--only-syndication", action="store_true", help="only the syndication workload")
    parser.add_argument("--syndication-versions", type=int, default=200)
    parser.add_argument("--app-paragraphs", type=int, default=1000)
    parser.add_argument("--app-versions", type=int, default=5)
    parser.add_argument(
        "--full-budget", type=float, default=120.0,
        help="skip the whole analysis of larger sizes once one size took longer than this (seconds)",
    )
    args = parser.parse_args(argv)

    print(f"Machine: {machine()}\n")
    if not args.only_syndication:
        print("Samples (harbour-strike: wire + 4 versions, in-process)\n")
        print("| measure | time | target |\n|---|---|---|")
        for row in bench_samples():
            print("| " + " | ".join(row) + " |")
        families = {f: bench_sizes(f, args.sizes, args.full_budget, not args.no_char_diff) for f in args.families}
        _print_sizes(families)
    _print_syndication(bench_syndication(args.syndication_versions))
    if not args.no_app and not args.only_syndication:
        for family in args.families:
            app = bench_app(args.app_paragraphs, args.app_versions, family)
            _print_app(app, f"{family}: {args.app_versions} versions of {args.app_paragraphs} paragraphs")
    print(f"\nPeak memory of the whole run (RSS, in-process measurements): {peak_rss_mb():.0f} MB (target < 400 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
