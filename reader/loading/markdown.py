"""Markdown articles, parsed as CommonMark (with tables) by ``markdown-it-py``, kept as their words.

- Headings: the first level-1 heading (``# Title`` or ``Title`` over ``=====``) is the headline, any other
  heading a subhead.
- Emphasis and strikethrough markers are dropped, a link becomes its text, an image is dropped (its alt
  text is not article text), HTML tags are removed with the text between them kept, except ``<script>``,
  ``<style>`` and comments, which are dropped whole.
- Paragraphs, list items, blockquote paragraphs and table rows (the row's cells joined by spaces) are
  paragraphs; list items and table rows are body text, never subheads. Line breaks inside a paragraph
  become spaces, except in a text without a single blank line: there, as in a plain text file, each
  line is a paragraph.
- Code blocks (fenced or indented) are kept as plain paragraphs, split at blank lines: in a news story an
  indented block is more often a quotation than code, and the previous reader kept them too.
- Front matter (``---`` / ``title: ...`` / ``---``) gives the headline and byline; it is read with
  regexes, never a YAML loader.

The parser is pure Python: its work grows with lines, line length and markup characters, so these are
bounded before it runs (``_check_work``, ``_check_inline_work``); the paragraph limit is checked on the
blocks found, before their inline markup is parsed.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.errors import InputError
from reader.model import ParagraphKind
from reader.settings.limits import Limits

# Nesting levels markdown-it follows (a blockquote takes one, a list two): the content of a quote or list
# item that opens at the last level would be skipped silently, so such a text is refused. Each level costs
# a rescan of a line of container markers ("- - - x"); no article nests 13 quotes or 6 lists.
_MAX_NESTING = 14
_CONTAINERS = ("blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open")
# Bounds on the parser's work (about 25 us a line and 20-70 us a mark below, on a slow machine): any real
# article is far inside them; past them a file is refused in well under a second, not parsed for minutes.
_MAX_LINES = 100_000
# (characters, most allowed, what they are): characters that start an inline token (emphasis, link,
# image, HTML, entity, escape, code span), and others the inline parser stops at and tries, cheaply.
_INLINE_MARKS = (
    ("*_[!<&\\`~", 20_000, "Markdown marks for emphasis, links, images and HTML"),
    ("]#$%+-:=>@^{}", 1_000_000, "punctuation marks the Markdown parser examines"),
)
_PLAIN_TEXT_HINT = "this reader parses (give it a .txt name to read it as plain text)"

_PARSER = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable(["table", "strikethrough"])
_PARSER.disable("inline")  # block structure first; inline markup is parsed once the limits are checked

_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
_RAW_ELEMENT = re.compile(r"<!--|<script\b|<style\b", re.IGNORECASE)
_RAW_END = {
    start: re.compile(re.escape(end), re.IGNORECASE)
    for start, end in (("<!--", "-->"), ("<script", "</script"), ("<style", "</style"))
}
_BLOCK_TAG = re.compile(
    r"</?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|"
    r"main|nav|ol|p|pre|section|table|tr|ul)\b[^<>]*>",
    re.IGNORECASE,
)
_CELL_TAG = re.compile(r"</?t[dh]\b[^<>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*>")
_SPACES = re.compile(r"[ \t\n]+")  # not str.split(): a no-break space is the text's own
_INLINE_RAW_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
_INLINE_BREAK = re.compile(r"<br\b", re.IGNORECASE)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# [ \t], not \s: a field's value stays on its line, and the match stays linear on long runs of spaces.
_FRONT_FIELD = re.compile(r"^(title|author|authors|byline)[ \t]*:(.*)$", re.MULTILINE | re.IGNORECASE)


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


def _count(text: str, characters: str) -> int:
    return sum(text.count(c) for c in characters)


def _check_work(source: str, text: str, limits: Limits) -> None:
    """Refuse, before any parsing, a text whose lines would keep the block parser busy for long."""
    lines = text.count("\n") + 1 - text.count("\n\n")  # runs of blank lines are single ones by now
    if lines > _MAX_LINES:
        raise InputError(source, f"{lines:,} lines of Markdown, over the {_MAX_LINES:,} {_PLAIN_TEXT_HINT}")
    # Container markers on one long line ("- - - ... x") are rescanned at each nesting level.
    longest_allowed = 2 * limits.max_paragraph_chars
    longest = max(map(len, text.split("\n")))
    if longest > longest_allowed:
        raise InputError(
            source,
            f"a line of {longest:,} characters, over twice the {limits.max_paragraph_chars:,}-character "
            "paragraph limit (raise it with --max-paragraph-chars)",
        )


def _check_inline_work(source: str, contents: list[str]) -> None:
    """Refuse inline text holding so much markup that parsing it would take long."""
    for characters, most, what in _INLINE_MARKS:
        found = sum(_count(content, characters) for content in contents)
        if found > most:
            raise InputError(source, f"{found:,} {what}, over the {most:,} {_PLAIN_TEXT_HINT}")


def _check_nesting(source: str, tokens: list[Token]) -> None:
    if any(token.type in _CONTAINERS and token.level >= _MAX_NESTING - 1 for token in tokens):
        raise InputError(
            source,
            f"Markdown quotes or lists nested too deep to read (over {_MAX_NESTING - 1} quotes "
            f"or {(_MAX_NESTING - 1) // 2} lists)",
        )


def _without_raw_elements(markup: str) -> str:
    """HTML without its comments and ``<script>``/``<style>`` elements (an unclosed one runs to the end)."""
    kept: list[str] = []
    pos = 0
    while match := _RAW_ELEMENT.search(markup, pos):
        kept.append(markup[pos : match.start()])
        end = _RAW_END[match.group().lower()].search(markup, match.end())
        if end is None:
            return "".join(kept)
        pos = markup.find(">", end.start())
        pos = len(markup) if pos < 0 else pos + 1
    kept.append(markup[pos:])
    return "".join(kept)


def _squeeze(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" ")


def _html_paragraphs(markup: str) -> list[str]:
    """The text of an HTML block: block-level tags separate paragraphs, other tags are removed."""
    pieces = _BLOCK_TAG.split(_without_raw_elements(markup))
    texts = (_squeeze(html.unescape(_ANY_TAG.sub("", _CELL_TAG.sub(" ", piece)))) for piece in pieces)
    return [text for text in texts if text]


def _code_paragraphs(code: str) -> list[str]:
    return [text for block in _BLANK_LINES.split(code) if (text := _squeeze(block))]


def _inline_text(content: str, env: dict) -> str:
    """The words of one inline run, markup, link targets, images and HTML tags removed; its line breaks
    (soft, hard or ``<br>``) as newlines."""
    children: list[Token] = []
    _PARSER.inline.parse(content, _PARSER, env, children)
    parts: list[str] = []
    skipping: str | None = None  # inside an inline <script> or <style>, until its end tag
    for token in children:
        if token.type == "html_inline":
            tag = token.content
            if skipping:
                skipping = None if tag.lower().startswith(f"</{skipping}") else skipping
            elif opened := _INLINE_RAW_OPEN.match(tag):
                skipping = opened.group(1).lower()
            elif _INLINE_BREAK.match(tag):
                parts.append("\n")
        elif skipping:
            continue
        elif token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "\n".join(_squeeze(line) for line in "".join(parts).split("\n"))


def _paragraph_texts(runs: list[str] | str, env: dict, lines_are_paragraphs: bool) -> list[str]:
    """One block's paragraph, or with ``lines_are_paragraphs`` one paragraph per line of it."""
    if isinstance(runs, str):
        return [runs]
    lines = " ".join(_inline_text(run, env) for run in runs).split("\n")
    return [line for line in lines if line] if lines_are_paragraphs else [" ".join(filter(None, lines))]


# A paragraph before its inline markup is parsed: the inline runs it joins (table cells), or ready text.
_Pending = tuple[list[str] | str, ParagraphKind | None]


def _blocks(tokens: list[Token], headline_taken: bool) -> list[_Pending]:
    """Walk the block tokens once: each paragraph's inline runs (or text) and any kind the markup states."""
    blocks: list[_Pending] = []
    row: list[str] | None = None
    heading: ParagraphKind | None = None
    list_depth = 0
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            first = token.tag == "h1" and not headline_taken
            heading = ParagraphKind.HEADLINE if first else ParagraphKind.SUBHEAD
            headline_taken = headline_taken or first
        elif kind == "heading_close":
            heading = None
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            blocks.append((row or [], ParagraphKind.BODY))
            row = None
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "inline":
            if row is not None:
                row.append(token.content)
            else:
                blocks.append(([token.content], heading or (ParagraphKind.BODY if list_depth else None)))
        elif kind in ("fence", "code_block"):
            blocks.extend((text, None) for text in _code_paragraphs(token.content))
        elif kind == "html_block":
            blocks.extend((text, None) for text in _html_paragraphs(token.content))
    return blocks


def parse_markdown(
    text: str, source: str = "<markdown>", limits: Limits | None = None
) -> tuple[list[str], dict[int, ParagraphKind]]:
    """Paragraph texts in order, and the kinds the markup states for some of them (by index).

    Raises ``InputError`` (one line) for a text too large or too deeply nested to parse in bounded time, or
    with more blocks than ``limits.max_paragraphs`` (checked before the inline markup is parsed, so a block
    whose text turns out empty, such as an image alone, counts too)."""
    limits = limits or Limits()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, paragraphs, kinds = _front_matter(text)
    # Runs of blank lines mean what one does (code blocks are split at blank lines anyway).
    text = _BLANK_LINES.sub("\n\n", text)
    # As in a plain text file, a text without a single blank line has a paragraph on each line.
    lines_are_paragraphs = "\n\n" not in text.strip()
    _check_work(source, text, limits)
    env: dict = {}
    tokens = _PARSER.parse(text, env)
    _check_nesting(source, tokens)
    blocks = _blocks(tokens, headline_taken=ParagraphKind.HEADLINE in kinds.values())
    if len(paragraphs) + len(blocks) > limits.max_paragraphs:
        raise InputError(
            source,
            f"{len(paragraphs) + len(blocks):,} paragraphs, over the {limits.max_paragraphs:,}-paragraph limit "
            "(raise it with --max-paragraphs)",
        )
    _check_inline_work(source, [run for runs, _ in blocks if not isinstance(runs, str) for run in runs])
    for runs, kind in blocks:
        for paragraph in _paragraph_texts(runs, env, lines_are_paragraphs):
            if paragraph:
                if kind is not None:
                    kinds[len(paragraphs)] = kind
                paragraphs.append(paragraph)
            kind = None if lines_are_paragraphs else kind
    return paragraphs, kinds
