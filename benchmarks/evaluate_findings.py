"""Score the reader's findings against hand-labelled answer keys: the syndication corpus and the samples.

    python benchmarks/evaluate_findings.py [--details] [--half tune|test|samples ...]

For each half (``tests/corpus/tune``, the held-back ``tests/corpus/test``, and ``sample_articles``) it
prints, per severity, how many major and minor findings the reader raised, how many are a real change (a
labelled finding of that kind at those paragraphs) and how many are real *and* at the labelled severity
(that share is the precision); per kind, the recall (labelled findings found, at any severity) and the
precision; how many typography-only findings were raised (should be none); how many messages name a
speaker other than the labelled one; the share of copies whose class (copy, write-through, independent) was
found; and the alignment's pair F1 against the true alignments.

Info findings are neither labelled nor scored. ``--details`` lists every false and missed finding.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaluate import PairScore, pairs  # noqa: E402
from benchmarks.truth import read_truth, truth_label  # noqa: E402
from reader.comparison import compare  # noqa: E402
from reader.loading import load_article  # noqa: E402
from reader.model import Finding, FindingKind  # noqa: E402
from reader.text.normalize import fold_typography  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HALVES = {
    "tune": ROOT / "tests" / "corpus" / "tune",
    "test": ROOT / "tests" / "corpus" / "test",
    "samples": ROOT / "sample_articles",
}
SCORED = ("major", "minor")


def story_folders(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.glob("*/00-wire.txt") if any(p.parent.glob("*.findings.yaml")))


def _overlap(a, b) -> bool:
    return bool(set(a) & set(b))


def fits(label: dict, finding: Finding) -> bool:
    """Same kind at the same place: the paragraphs of one side overlap (base first; a side that is empty
    on either is not compared)."""
    if finding.kind.value != label["kind"]:
        return False
    if label["base"] and finding.base:
        return _overlap(label["base"], finding.base)
    if label["other"] and finding.other:
        return _overlap(label["other"], finding.other)
    return True


def pair_up(labels: list[dict], findings: list[Finding]) -> list[tuple[Finding, dict | None]]:
    """Each finding with the label it answers (at most one each): at the labelled severity first."""
    free = list(labels)
    answered: dict[int, dict] = {}
    for same_severity in (True, False):
        for n, finding in enumerate(findings):
            if n in answered:
                continue
            label = next(
                (l for l in free if fits(l, finding) and (not same_severity or l["severity"] == finding.severity.value)),
                None,
            )
            if label is not None:
                answered[n] = label
                free.remove(label)
    return [(finding, answered.get(n)) for n, finding in enumerate(findings)]


_NAMED = re.compile(r"\bby (.+?)(?: altered| turned| removed| added| shortened|$)")


def wrong_speaker(finding: Finding, label: dict | None) -> bool:
    """The message names someone while the label says another person speaks."""
    if label is None or not label.get("speaker"):
        return False
    named = _NAMED.search(finding.message.split(":")[0])
    if named is None or named.group(1).split()[0] in ("the", "a", "an"):
        return False  # "by the governor" describes the speaker; it names nobody else
    return str(label["speaker"]).casefold() not in named.group(1).casefold()


def typography_only(finding: Finding) -> bool:
    """Whether the finding's two texts differ only by typography. A quote that lost its marks, or wire
    words that gained them, is not such a difference (the words are no longer, or newly, a quote),
    whatever its texts without the marks say."""
    a, b = finding.base_text, finding.other_text
    if a is None or b is None or finding.kind in (FindingKind.QUOTE_TO_PARAPHRASE, FindingKind.QUOTE_ADDED):
        return False
    def fold(text: str) -> str:  # quote marks, dash and apostrophe styles, runs of spaces are typography
        text = re.sub(r"[\"`]", " ", fold_typography(text))
        text = re.sub(r"\s+'(?=\w)", "'", re.sub(r"\s*-+\s*", " - ", text))
        return " ".join(text.split()).strip(" '")

    return fold(a) == fold(b)


@dataclass
class Tally:
    copies: int = 0
    raised: Counter = field(default_factory=Counter)  # severity -> findings raised
    real: Counter = field(default_factory=Counter)  # severity -> raised and labelled (any severity)
    right: Counter = field(default_factory=Counter)  # severity -> raised and labelled at that severity
    labelled: Counter = field(default_factory=Counter)  # kind -> labels
    found: Counter = field(default_factory=Counter)  # kind -> labels answered
    kind_raised: Counter = field(default_factory=Counter)
    kind_real: Counter = field(default_factory=Counter)
    typography: int = 0
    wrong_speakers: int = 0
    classes: int = 0
    classes_right: int = 0
    pairs: PairScore = field(default_factory=PairScore)  # aligned paragraph pairs against the true alignment
    false: list = field(default_factory=list)
    missed: list = field(default_factory=list)


def score_copy(tally: Tally, name: str, version, labels: dict, truth) -> None:
    tally.copies += 1
    wanted = [l for l in labels.get("findings") or [] if l["severity"] in SCORED]
    findings = [f for f in version.findings if f.severity.value in SCORED]
    answered = pair_up(wanted, findings)
    for finding, label in answered:
        severity = finding.severity.value
        tally.raised[severity] += 1
        tally.kind_raised[finding.kind.value] += 1
        tally.typography += typography_only(finding)
        tally.wrong_speakers += wrong_speaker(finding, label)
        if label is None:
            tally.false.append(f"{name}: {severity} {finding.kind} {list(finding.base)}->{list(finding.other)}: {finding.message}")
            continue
        tally.real[severity] += 1
        tally.kind_real[finding.kind.value] += 1
        tally.right[severity] += label["severity"] == severity
        if label["severity"] != severity:
            tally.false.append(f"{name}: {severity} (labelled {label['severity']}) {finding.kind}: {finding.message}")
    hit = [id(l) for _f, l in answered if l is not None]
    for label in wanted:
        tally.labelled[label["kind"]] += 1
        if id(label) in hit:
            tally.found[label["kind"]] += 1
        else:
            tally.missed.append(f"{name}: {label['severity']} {label['kind']} {label['base']}->{label['other']}: {label.get('note', '')}")
    if "class" in labels:
        tally.classes += 1
        tally.classes_right += getattr(version, "relation", None) == labels["class"]
    if truth is not None:
        tally.pairs.add(pairs([truth_label(r) for r in version.rows]), pairs(truth))


def score_half(root: Path) -> Tally:
    tally = Tally()
    for story in story_folders(root):
        copies = sorted(p for p in story.glob("[0-9][0-9]-*.txt") if p.name != "00-wire.txt"
                        and p.with_suffix(".findings.yaml").exists())
        base = load_article(str(story / "00-wire.txt"))
        comparison = compare(base, [load_article(str(c)) for c in copies])
        for path, version in zip(copies, comparison.versions):
            labels = yaml.safe_load(path.with_suffix(".findings.yaml").read_text(encoding="utf-8"))
            truth_path = path.with_suffix(".truth.yaml")
            truth = read_truth(truth_path) if truth_path.exists() else None
            score_copy(tally, f"{story.name}/{path.stem}", version, labels, truth)
    return tally


def share(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def report(name: str, tally: Tally, details: bool) -> str:
    lines = [f"### {name}: {tally.copies} copies", ""]
    lines += ["| severity | raised | real change | real, right severity (precision) |", "|---|---|---|---|"]
    for severity in SCORED:
        raised = tally.raised[severity]
        lines.append(f"| {severity} | {raised} | {tally.real[severity]} ({share(tally.real[severity], raised)}) "
                     f"| {tally.right[severity]} (**{share(tally.right[severity], raised)}**) |")
    lines += ["", "| kind | labelled | found (recall) | raised | real (precision) |", "|---|---|---|---|---|"]
    for kind in sorted(set(tally.labelled) | set(tally.kind_raised)):
        lines.append(f"| {kind} | {tally.labelled[kind]} | {tally.found[kind]} ({share(tally.found[kind], tally.labelled[kind])}) "
                     f"| {tally.kind_raised[kind]} | {tally.kind_real[kind]} ({share(tally.kind_real[kind], tally.kind_raised[kind])}) |")
    total_labelled, total_found = sum(tally.labelled.values()), sum(tally.found.values())
    lines += [
        "",
        f"- all labelled findings found: {total_found} of {total_labelled} ({share(total_found, total_labelled)})",
        f"- typography-only findings raised: {tally.typography}",
        f"- messages naming a speaker other than the labelled one: {tally.wrong_speakers}",
        f"- copies classed right: {tally.classes_right} of {tally.classes}",
        f"- alignment pairs: precision {tally.pairs.precision:.2f}, recall {tally.pairs.recall:.2f}",
    ]
    if details:
        lines += ["", "false or at the wrong severity:"] + [f"  {x}" for x in tally.false]
        lines += ["missed:"] + [f"  {x}" for x in tally.missed]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", action="append", choices=sorted(HALVES), help="default: all three")
    parser.add_argument("--details", action="store_true", help="list every false and missed finding")
    args = parser.parse_args(argv)
    for half in args.half or ("tune", "test", "samples"):
        print(report(half, score_half(HALVES[half]), args.details))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
