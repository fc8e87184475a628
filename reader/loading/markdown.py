"""Markdown articles: paragraphs as in a text file, without the markup characters.

``# Headline`` becomes the headline, ``## Subhead`` a subhead; emphasis markers, link targets, image
references, quote markers, list bullets and rules are dropped so the words compare with other formats.
"""

from __future__ import annotations

import re

from reader.loading.structure import split_paragraphs
from reader.model import ParagraphKind

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REFERENCE_DEF = re.compile(r"^[ \t]*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_LINE_MARKERS = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+|^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]+\S")
_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_CODE_FENCE = re.compile(r"^[ \t]*(```|~~~).*$", re.MULTILINE)


def _inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    return text.replace("\\", "") if "\\" in text and re.search(r"\\[\\`*_{}\[\]()#+\-.!]", text) else text


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"^(title|author|authors|byline)\s*:\s*(.+?)\s*$", re.MULTILINE | re.IGNORECASE)


def _front_matter(text: str) -> tuple[str, list[str], dict[int, ParagraphKind]]:
    """Static-site front matter (``---`` / ``title: ...`` / ``---``): its title and author become the
    headline and byline; the block itself is not article text. Read with a regex, never a YAML loader."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, [], {}
    fields = {key.lower(): value.strip().strip("\"'") for key, value in _FRONT_FIELD.findall(match.group(1))}
    paragraphs: list[str] = []
    kinds: dict[int, ParagraphKind] = {}
    if fields.get("title"):
        kinds[len(paragraphs)] = ParagraphKind.HEADLINE
        paragraphs.append(fields["title"])
    author = fields.get("author") or fields.get("authors") or fields.get("byline")
    if author and not author.startswith(("[", "-")):
        kinds[len(paragraphs)] = ParagraphKind.BYLINE
        paragraphs.append(author)
    return text[match.end() :], paragraphs, kinds


def parse_markdown(text: str) -> tuple[list[str], dict[int, ParagraphKind]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, paragraphs, kinds = _front_matter(text)
    text = _REFERENCE_DEF.sub("", text)
    text = _CODE_FENCE.sub("", text)
    text = _RULE.sub("", text)
    if re.search(r"\n[ \t]*\n", text):
        # Blank lines separate paragraphs; a heading is a paragraph of its own even without them.
        lines = []
        for line in text.split("\n"):
            if _HEADING.match(line):
                lines.extend(["", line, ""])
            else:
                lines.extend(["", line] if _LIST_ITEM.match(line) else [line])
        text = "\n".join(lines)
    for block in split_paragraphs(_LINE_MARKERS.sub("", text)):
        heading = _HEADING.match(block)
        if heading:
            level = len(heading.group(1))
            headline_taken = ParagraphKind.HEADLINE in kinds.values()
            kinds[len(paragraphs)] = (
                ParagraphKind.HEADLINE if level == 1 and not headline_taken else ParagraphKind.SUBHEAD
            )
            block = heading.group(2)
        paragraphs.append(_inline(block))
    return paragraphs, kinds
