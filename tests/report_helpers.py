"""Comparisons for the report tests: the samples with their hand-labelled findings, and hostile articles.

The reports are tested with the sample answer keys turned into ``Finding`` objects (in place of whatever the
attribution stage finds), so the tests exercise realistic findings and do not move when attribution improves.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import yaml

from reader.comparison import compare
from reader.loading import Limits
from reader.model import Article, Finding, FindingKind, Paragraph, ParagraphKind, Severity, TextSpan
from reader.loading.sources import load_sources

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles" / "harbour-strike"
SAMPLE_FILES = sorted(str(p) for p in SAMPLES.glob("0*.txt"))


def sample_articles() -> list[Article]:
    return load_sources([str(SAMPLES)], Limits())


def labelled_findings(version_path: str) -> tuple[Finding, ...]:
    key = Path(version_path).parent / (Path(version_path).stem + ".findings.yaml")
    entries = yaml.safe_load(key.read_text(encoding="utf-8"))["findings"] or []
    return tuple(
        Finding(
            FindingKind(e["kind"]),
            Severity(e["severity"]),
            tuple(e["base"]),
            tuple(e["other"]),
            None,
            None,
            e.get("note", e["kind"]),
        )
        for e in entries
    )


def samples_with_findings():
    """The harbour-strike comparison, every version carrying its hand-labelled findings (and only those)."""
    articles = sample_articles()
    comparison = compare(articles[0], articles[1:])
    versions = tuple(
        replace(v, findings=labelled_findings(str(SAMPLES / v.article.name)))
        for v in comparison.versions
    )
    return replace(comparison, versions=versions)


HOSTILE = [
    'Officials said <script>alert("x")</script> was found in the harbour.',
    'A photo <img src=x onerror="alert(1)"> showed the cranes.',
    "The | table ended </td></tr></table><h1>FAKE</h1> abruptly & suddenly.",
    "Click [here](javascript:alert(1)) or visit <https://evil.example/> now.",
]


def _article(path: str, texts: list[str]) -> Article:
    paragraphs = tuple(Paragraph(i, t, ParagraphKind.BODY) for i, t in enumerate(texts))
    digest = hashlib.sha256("\n\n".join(texts).encode()).hexdigest()
    return Article(path=path, paragraphs=paragraphs, sha256=digest)


def hostile_comparison():
    """A base and a version whose text, paths and findings are full of markup that must stay text."""
    base = _article("wire<b>.txt", [*HOSTILE, "Unchanged closing paragraph about the port."])
    other_texts = [t.replace("harbour", "harbor <u>bay</u>") for t in HOSTILE] + [
        "Unchanged closing paragraph about the port.",
        "# Added heading **bold** `code` | pipe | and > quote",
        "[link](https://evil.example) <https://x.example> ![img](http://x/y.png) &lt;b&gt;",
    ]
    other = _article("reprint\"'&.txt", other_texts)
    comparison = compare(base, [other])
    finding = Finding(
        FindingKind.QUOTE_ALTERED,
        Severity.MAJOR,
        (0,),
        (0,),
        '<script>alert("x")</script>',
        "<i>changed</i>",
        "quote changed: <script>alert(1)</script>",
        base_spans=(TextSpan(0, 15, 45),),
        other_spans=(TextSpan(0, 15, 45),),
    )
    version = replace(comparison.versions[0], findings=(finding,))
    return replace(comparison, versions=(version,))
