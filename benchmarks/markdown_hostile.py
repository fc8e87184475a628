"""How long hostile Markdown takes to load (issue 22): each case must finish in under 2 s or be refused
with a one-line error.

    python benchmarks/markdown_hostile.py             # every case, 60 s cap each
    python benchmarks/markdown_hostile.py --cap 10    # give up on a case after 10 s

Each case runs in its own process (so a runaway case can be stopped) and is loaded as ``hostile.md``
through ``load_bytes`` with the default limits: the Markdown reader, then the paragraph limits and
classification. The outcome is the number of paragraphs, the one-line error, or "killed" at the cap.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> Python expression building the Markdown text
CASES = {
    "50,000 '**a'": "'**a' * 50_000",
    "100,000 '['": "'[' * 100_000",
    "50,000 '!['": "'![' * 50_000",
    "50,000 '*a_' (mixed delimiters)": "'*a_' * 50_000",
    "40,000 blank lines between two paragraphs": "'First.\\n' + '\\n \\n' * 20_000 + 'Last.\\n'",
    "40,000 blank lines, then nothing": "'First.\\n' + ' \\n' * 40_000",
    "2 MB of '>' (one line)": "'>' * 2_000_000 + ' x'",
    "2 MB of '> ' lines, deepening": "''.join('>' * (i % 5000) + ' x\\n' for i in range(800))",
    "2 MB of '- ' (one line of nested lists)": "'- ' * 1_000_000 + 'x'",
    "nested list by indentation (2 MB)": "''.join(' ' * (2 * (i % 1000)) + '- x\\n' for i in range(2000))",
    "100,000 '<a>' inline tags": "'<a>' * 100_000",
    "20,000 table rows": "'| a | b |\\n|---|---|\\n' + '| c | d |\\n' * 20_000",
    "30,000 list items": "'- item\\n' * 30_000",
    # Just inside the Markdown reader's own bounds: what is accepted must still load quickly.
    "bound: 6,600 '**a'": "'**a' * 6_600",
    "bound: 19,900 '['": "'[' * 19_900",
    "bound: 9,900 '!['": "'![' * 9_900",
    "bound: 6,600 '<a>'": "'<a>' * 6_600",
    "bound: 1,000,000 '-:' in 10 paragraphs": "('-:' * 50_000 + '\\n\\n') * 10",
    "bound: one paragraph of 99,000 lines": "'word\\n' * 99_000",
    "bound: a 399,000-char line of '- '": "'- ' * 199_500 + 'x'",
    "bound: quotes 12 deep, 2,000 lines": "('>' * 12 + ' x\\n') * 2_000",
    "a 20 MB article of 10,000 long paragraphs": "(('word ' * 399 + 'end.') + '\\n\\n') * 10_000",
}

RUNNER = """
import sys, time
sys.path.insert(0, {root!r})
from reader.errors import ReaderError
from reader.loading import load_bytes
data = ({expr}).encode()
start = time.perf_counter()
try:
    article = load_bytes("hostile.md", data)
    outcome = f"{{len(article.paragraphs):,}} paragraphs"
except ReaderError as error:
    outcome = "refused: " + str(error)[:90]
print(f"{{time.perf_counter() - start:.2f}}\\t{{len(data):,}} bytes\\t{{outcome}}")
"""


def run_case(expr: str, cap: float) -> str:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", RUNNER.format(root=str(ROOT), expr=expr)],
            capture_output=True, text=True, timeout=cap, check=False,
        )
    except subprocess.TimeoutExpired:
        return f"killed after {time.perf_counter() - start:.0f} s"
    if done.returncode != 0:
        return "crashed: " + (done.stderr.strip().splitlines() or ["?"])[-1][:100]
    seconds, size, outcome = done.stdout.strip().split("\t")
    return f"{float(seconds):6.2f} s  {size:>14s}  {outcome}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cap", type=float, default=60.0, help="seconds before a case is stopped")
    parser.add_argument("--only", help="run only cases whose name contains this text")
    args = parser.parse_args()
    for name, expr in CASES.items():
        if args.only and args.only not in name:
            continue
        print(f"{name:44s} {run_case(expr, args.cap)}", flush=True)


if __name__ == "__main__":
    main()
