"""A Markdown summary of a comparison, readable as plain text in an email."""

from __future__ import annotations

from reader.model import Comparison, VersionComparison


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _version_section(number: int, version: VersionComparison) -> list[str]:
    s = version.stats
    lines = [
        f"## {number}. {_escape(version.article.name)}",
        "",
        f"- Wire kept: {s['base_kept']:.0%}; taken from the wire: {s['taken_from_base']:.0%}",
        f"- Paragraphs: {s['equal']} equal, {s['edited']} edited, {s['cut']} cut, {s['added']} added, "
        f"{s['moved']} moved, {s['split']} split, {s['merged']} merged, {s['partial']} partial",
        f"- Substantive word changes: {s['substantive']} ({s['facts']} touching facts)",
        f"- Credit: {_escape(version.article.credit) if version.article.credit else 'none found'}",
        "",
    ]
    if version.findings:
        lines += ["Findings:", ""]
        for f in version.findings:
            lines.append(f"- **{f.severity.value}** {f.kind.value}: {_escape(f.message)}")
        lines.append("")
    return lines


def render_markdown(comparison: Comparison) -> str:
    base = comparison.base
    lines = [
        f"# Comparison against {_escape(base.name)}",
        "",
        f"Base: `{_escape(base.path)}` (sha256 {base.sha256[:16]}...)",
        "",
    ]
    for number, version in enumerate(comparison.versions, 1):
        lines += _version_section(number, version)
    return "\n".join(lines).rstrip() + "\n"
