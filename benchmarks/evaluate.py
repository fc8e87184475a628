"""Score the aligner on generated reprints and rewrites against their true alignment.

    python benchmarks/evaluate.py --seed 1 --count 200

Prints, for reprints: precision / recall / F1 of aligned paragraph pairs (a split or merged row counts
one pair per member), accuracy of split / merged / moved labels (share of true rows of that kind found
with exactly that kind and those paragraphs), and the same pair scores for a line diff (difflib on
paragraphs) as the bar to beat. For rewrites: wrong pairs per article and the share of lifted quotes
found (and found as ``partial``).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generator import Generated, generate  # noqa: E402
from benchmarks.truth import truth_label  # noqa: E402
from reader.align.paragraphs import align  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.settings.profile import default_profile  # noqa: E402

LABELS = ("split", "merged", "moved")


def pairs(rows) -> set[tuple[int, int]]:
    return {(i, j) for _, base, other in rows for i in base for j in other}


def line_diff_rows(base: Article, other: Article) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    """What a line diff shows side by side: equal lines paired, replaced blocks paired by position."""
    a = [p.text for p in base.paragraphs]
    b = [p.text for p in other.paragraphs]
    rows = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("equal", "replace"):
            rows += [("match", (i1 + k,), (j1 + k,)) for k in range(min(i2 - i1, j2 - j1))]
    return rows


@dataclass
class PairScore:
    true_positive: int = 0
    predicted: int = 0
    actual: int = 0

    def add(self, predicted: set, actual: set) -> None:
        self.true_positive += len(predicted & actual)
        self.predicted += len(predicted)
        self.actual += len(actual)

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.actual if self.actual else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ReprintScores:
    aligner: PairScore = field(default_factory=PairScore)
    line_diff: PairScore = field(default_factory=PairScore)
    labels_true: dict = field(default_factory=lambda: {k: 0 for k in LABELS})
    labels_found: dict = field(default_factory=lambda: {k: 0 for k in LABELS})
    labels_predicted: dict = field(default_factory=lambda: {k: 0 for k in LABELS})
    articles: int = 0

    def label_accuracy(self, kind: str | None = None) -> float:
        kinds = LABELS if kind is None else (kind,)
        total = sum(self.labels_true[k] for k in kinds)
        return sum(self.labels_found[k] for k in kinds) / total if total else 1.0

    def label_precision(self) -> float:
        predicted = sum(self.labels_predicted.values())
        return sum(self.labels_found.values()) / predicted if predicted else 1.0


@dataclass
class RewriteScores:
    articles: int = 0
    wrong_pairs: int = 0
    quotes: int = 0
    quotes_found: int = 0
    quotes_partial: int = 0
    line_diff_wrong: int = 0

    @property
    def wrong_per_article(self) -> float:
        return self.wrong_pairs / self.articles if self.articles else 0.0

    @property
    def found(self) -> float:
        return self.quotes_found / self.quotes if self.quotes else 1.0

    @property
    def found_as_partial(self) -> float:
        return self.quotes_partial / self.quotes if self.quotes else 1.0


def score_reprints(generated: list[Generated], profile) -> ReprintScores:
    scores = ReprintScores()
    for g in generated:
        got = [truth_label(r) for r in align(g.base, g.other, profile)]
        scores.articles += 1
        scores.aligner.add(pairs(got), pairs(g.truth))
        scores.line_diff.add(pairs(line_diff_rows(g.base, g.other)), pairs(g.truth))
        got_set = set(got)
        for kind in LABELS:
            true_rows = [r for r in g.truth if r[0] == kind]
            scores.labels_true[kind] += len(true_rows)
            scores.labels_found[kind] += sum(r in got_set for r in true_rows)
            scores.labels_predicted[kind] += sum(r[0] == kind for r in got)
    return scores


def score_rewrites(generated: list[Generated], profile) -> RewriteScores:
    scores = RewriteScores()
    for g in generated:
        got = [truth_label(r) for r in align(g.base, g.other, profile)]
        true_pairs = pairs(g.truth)
        scores.articles += 1
        scores.wrong_pairs += len(pairs(got) - true_pairs)
        scores.line_diff_wrong += len(pairs(line_diff_rows(g.base, g.other)) - true_pairs)
        partial = {(r[1], r[2]) for r in got if r[0] == "partial"}
        for kind, base, other in g.truth:
            if kind == "partial":
                scores.quotes += 1
                scores.quotes_found += (base[0], other[0]) in pairs(got)
                scores.quotes_partial += (base, other) in partial
    return scores


def evaluate(seed: int, count: int, profile=None, intensity: float = 1.0) -> tuple[ReprintScores, RewriteScores]:
    profile = profile or default_profile()
    reprints = score_reprints(generate(seed, count, "reprint", intensity=intensity), profile)
    rewrites = score_rewrites(generate(seed + 1_000_003, count, "rewrite"), profile)
    return reprints, rewrites


def table(reprints: ReprintScores, rewrites: RewriteScores) -> str:
    a, d = reprints.aligner, reprints.line_diff
    lines = [
        f"Generated reprints ({reprints.articles} articles)",
        "",
        "| method | pair precision | pair recall | pair F1 |",
        "|---|---|---|---|",
        f"| reader | {a.precision:.3f} | {a.recall:.3f} | {a.f1:.3f} |",
        f"| line diff (difflib) | {d.precision:.3f} | {d.recall:.3f} | {d.f1:.3f} |",
        "",
        "| label | true rows | found exactly | accuracy |",
        "|---|---|---|---|",
    ]
    for kind in LABELS:
        lines.append(
            f"| {kind} | {reprints.labels_true[kind]} | {reprints.labels_found[kind]} | "
            f"{reprints.label_accuracy(kind):.3f} |"
        )
    lines += [
        f"| all three | {sum(reprints.labels_true.values())} | {sum(reprints.labels_found.values())} | "
        f"{reprints.label_accuracy():.3f} |",
        "",
        f"Label precision (predicted split/merged/moved rows that are true): {reprints.label_precision():.3f}",
        "",
        f"Generated rewrites ({rewrites.articles} articles, {rewrites.quotes} lifted quotes)",
        "",
        "| measure | reader | line diff |",
        "|---|---|---|",
        f"| wrong pairs per article | {rewrites.wrong_per_article:.3f} | "
        f"{rewrites.line_diff_wrong / max(1, rewrites.articles):.3f} |",
        f"| shared quotes found | {rewrites.found:.3f} | - |",
        f"| shared quotes found as partial rows | {rewrites.found_as_partial:.3f} | - |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=200, help="articles of each relation")
    parser.add_argument(
        "--intensity", type=float, default=1.0,
        help="how hard reprints reword paragraphs (1 = normal; 2 doubles every reworded share) to find the limits",
    )
    args = parser.parse_args(argv)
    reprints, rewrites = evaluate(args.seed, args.count, intensity=args.intensity)
    print(table(reprints, rewrites))
    return 0


if __name__ == "__main__":
    sys.exit(main())
