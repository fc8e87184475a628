"""Reports of a ``Comparison``: JSON for tools, Markdown and HTML for editors."""

from __future__ import annotations

from reader.model import Comparison

_SUFFIX_FORMATS = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
FORMATS = tuple(dict.fromkeys(_SUFFIX_FORMATS.values()))


def format_for_output(path: str | None, default: str = "json") -> str:
    """The report format an output file name asks for (``report.html`` -> html), else ``default``."""
    if not path:
        return default
    name = path.lower()
    for suffix, fmt in _SUFFIX_FORMATS.items():
        if name.endswith(suffix):
            return fmt
    return default


def render(comparison: Comparison, fmt: str) -> str:
    if fmt == "json":
        from reader.report.json_report import render_json

        return render_json(comparison)
    if fmt == "markdown":
        from reader.report.markdown_report import render_markdown

        return render_markdown(comparison)
    if fmt == "html":
        from reader.report.html_report import render_html

        return render_html(comparison)
    raise ValueError(f"unknown report format {fmt!r}")
