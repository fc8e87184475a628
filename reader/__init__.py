"""reader: compare a wire-agency story with its reprints and rewrites.

The package root and every module outside ``reader.ui`` form the pure core: they never import Textual.
From Python::

    import reader
    comparison = reader.compare("wire.txt", "copy.html")   # or Article objects from reader.load_article
    for version in comparison.versions:
        for finding in version.findings:
            print(finding.severity, finding.kind, finding.message)

The names here import the pipeline only when called, so ``import reader`` stays cheap.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.model import Article, Comparison
    from reader.settings.limits import Limits
    from reader.settings.profile import Profile

__version__ = "0.1.0"
__all__ = ["compare", "load_article", "render"]


def load_article(source: str | os.PathLike, limits: Limits | None = None) -> Article:
    """One article from a file (text, Markdown, HTML, NITF, NewsML-G2, .docx), ``-`` or an http(s) URL."""
    from reader.loading import load_article as load

    return load(os.fspath(source), limits)


def compare(
    base: Article | str | os.PathLike, *others: Article | str | os.PathLike, profile: Profile | None = None
) -> Comparison:
    """The wire story ``base`` (an article or a file) against each of ``others`` (articles, files, folders or
    URLs), as ``reader compare`` works it out; ``profile`` defaults to the built-in style profile."""
    from reader.comparison import compare as run_comparison
    from reader.errors import ReaderError
    from reader.loading.sources import load_sources
    from reader.model import Article as ArticleType

    wire = base if isinstance(base, ArticleType) else load_article(base)
    versions = [
        o
        for other in others
        for o in ([other] if isinstance(other, ArticleType) else load_sources([os.fspath(other)]))
    ]
    if not versions:
        raise ReaderError("compare needs a base and at least one other version")
    return run_comparison(wire, versions, profile)


def render(comparison: Comparison, fmt: str = "json") -> str:
    """A report of ``comparison``: ``"json"``, ``"markdown"`` or ``"html"``, as ``reader compare`` writes it."""
    from reader.report import render as render_report

    return render_report(comparison, fmt)
