"""Reports of a ``Comparison``: JSON for tools, Markdown and HTML for editors."""

from __future__ import annotations

from reader.model import Comparison


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
