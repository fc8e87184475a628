"""Check the answer keys of a corpus folder: every paragraph index in exactly one truth row, known kinds.

    python benchmarks/check_labels.py tests/corpus/tune/STORY [--show]

``--show`` prints each file's paragraphs with their 0-based indices (what the keys refer to).
It reads only the paragraph split, never the reader's findings, so it can be used while labelling.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.loading.structure import split_paragraphs  # noqa: E402

ROW_KINDS = {"match", "moved", "split", "merged", "partial", "inserted", "deleted"}
FINDING_KINDS = {
    "quote_altered", "quote_removed", "quote_added", "quote_to_paraphrase", "speaker_changed",
    "attribution_verb_changed", "attribution_removed", "attribution_added", "byline_changed",
    "byline_removed", "byline_added", "credit_removed", "credit_added", "dateline_changed",
    "headline_changed", "correction_removed",
}
SEVERITIES = {"info", "minor", "major"}
CLASSES = {"copy", "write-through", "independent"}


def paragraphs(path: Path) -> list[str]:
    return split_paragraphs(path.read_text(encoding="utf-8"))


def check_copy(copy: Path, base_count: int) -> list[str]:
    problems = []
    count = len(paragraphs(copy))
    truth_path, findings_path = copy.with_suffix(".truth.yaml"), copy.with_suffix(".findings.yaml")
    for needed in (truth_path, findings_path):
        if not needed.exists():
            problems.append(f"{needed.name}: missing")
    if problems:
        return problems
    rows = yaml.safe_load(truth_path.read_text(encoding="utf-8"))["rows"]
    seen_base, seen_other = [], []
    for row in rows:
        if row["kind"] not in ROW_KINDS:
            problems.append(f"{truth_path.name}: unknown row kind {row['kind']!r}")
        seen_base += row["base"]
        seen_other += row["other"]
    for name, seen, total in (("base", seen_base, base_count), ("other", seen_other, count)):
        if sorted(seen) != list(range(total)):
            missing = sorted(set(range(total)) - set(seen))
            twice = sorted({i for i in seen if seen.count(i) > 1})
            beyond = sorted(i for i in set(seen) if i >= total)
            problems.append(f"{truth_path.name}: {name} indices missing {missing} twice {twice} out of range {beyond}")
    data = yaml.safe_load(findings_path.read_text(encoding="utf-8"))
    if data.get("class") not in CLASSES:
        problems.append(f"{findings_path.name}: class must be one of {sorted(CLASSES)}")
    for finding in data.get("findings") or []:
        if finding.get("kind") not in FINDING_KINDS:
            problems.append(f"{findings_path.name}: unknown kind {finding.get('kind')!r}")
        if finding.get("severity") not in SEVERITIES:
            problems.append(f"{findings_path.name}: unknown severity {finding.get('severity')!r}")
        for side, total in (("base", base_count), ("other", count)):
            if any(not isinstance(i, int) or not 0 <= i < total for i in finding.get(side, [])):
                problems.append(f"{findings_path.name}: {side} index out of range in {finding}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    base = args.story / "00-wire.txt"
    copies = sorted(p for p in args.story.glob("[0-9][0-9]-*.txt") if p.name != "00-wire.txt")
    if args.show:
        for path in [base, *copies]:
            print(f"== {path.name}")
            for n, text in enumerate(paragraphs(path)):
                print(f"{n:3d}  {text[:110]}")
    problems = [p for copy in copies for p in check_copy(copy, len(paragraphs(base)))]
    for problem in problems:
        print(problem)
    print(f"{len(copies)} copies checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
