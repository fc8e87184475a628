"""Saved news web pages: the article's headline, byline, date and body paragraphs, without site furniture.

Extraction is done by trafilatura, which is maintained against thousands of real news sites and
removes navigation, ads, cookie banners, share buttons, related links and comments far more reliably than
hand-written rules could. Around it this module only (1) decodes the page, (2) turns trafilatura's
body into paragraphs in order (subheads kept as subheads), (3) finds the byline as printed on the page,
and (4) falls back to a plain reading of <article>/<main> when trafilatura finds no article at all.
"""

from __future__ import annotations

import logging
import re
import warnings

from reader.errors import InputError
from reader.loading.decode import decode_bytes
from reader.loading.structure import ArticleMetadata
from reader.model import ParagraphKind
from reader.settings.limits import Limits

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)["']""")
# HTML5 decodes these labels as Windows-1252 (browsers do the same).
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1", "cp819"}
_BLOCKS = {"p", "head", "item", "quote"}
_SENTENCE_END = re.compile(r"[.!?\u201d\"\u2019)]\s*$")
_BYLINE_HINT = re.compile(r"byline|author|writer|reporter|contributor", re.IGNORECASE)
_FURNITURE_HINT = re.compile(
    r"cookie|consent|banner|share|social|related|newsletter|subscribe|advert|\bads?\b|promo|comment|"
    r"footer|\bnav|menu|breadcrumb|sidebar|popup|modal|outbrain|taboola|recommend|read-?more|tags?\b",
    re.IGNORECASE,
)
_FURNITURE_TAGS = (
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "iframe",
    "svg",
    "button",
    "template",
    "figure",
    "select",
    "menu",
    "dialog",
)


def _quiet_libraries() -> None:
    """trafilatura and its helpers log warnings about odd pages; with no handler configured Python would
    print them on stderr, which must only ever hold reader's own one-line messages."""
    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False


def declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_ENCODING.match(head.lstrip()) or _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    return "windows-1252" if label in _WINDOWS_1252_LABELS else label


def _block_text(element) -> str:
    """Text of one block, with <lb/> line breaks as newlines."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append("\n")
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


def _split_breaks(text: str) -> list[str]:
    """Split a block at line breaks only where they separate paragraphs: a blank line (<br><br>), or
    breaks that each end a long sentence (sites that put one <br> between paragraphs). A single break
    inside a paragraph is a soft line break."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    if "" in lines[1:-1]:
        pieces, current = [], []
        for line in lines:
            if line:
                current.append(line)
            elif current:
                pieces.append(" ".join(current))
                current = []
        if current:
            pieces.append(" ".join(current))
        return pieces
    lines = [line for line in lines if line]
    if len(lines) >= 2 and all(_SENTENCE_END.search(line) and len(line.split()) >= 12 for line in lines[:-1]):
        return lines
    return [" ".join(lines)] if lines else []


def _body_blocks(body) -> list[tuple[str, ParagraphKind | None]]:
    """Blocks in document order; loose text between blocks (trafilatura keeps it as tails) counts too."""
    blocks: list[tuple[str, ParagraphKind | None]] = []

    def emit(text: str | None, kind: ParagraphKind | None = None) -> None:
        if text and text.strip():
            blocks.extend((piece, kind) for piece in _split_breaks(text))

    def walk(container) -> None:
        emit(container.text)
        for element in container:
            if element.tag in _BLOCKS and not any(
                inner is not element and inner.tag in _BLOCKS for inner in element.iter()
            ):
                emit(_block_text(element), ParagraphKind.SUBHEAD if element.tag == "head" else None)
            elif element.tag == "lb":
                pass
            else:
                walk(element)
            emit(element.tail)

    walk(body)
    return blocks


def _class_text(element) -> str:
    return " ".join(
        element.get(attribute, "") for attribute in ("class", "id", "itemprop", "rel", "data-testid")
    )


def _visible_byline(tree) -> str | None:
    """The byline as the page prints it ("By Jane Roe and John Doe"), outside page furniture."""
    if tree is None:
        return None
    for element in tree.iter():
        if not isinstance(element.tag, str) or not _BYLINE_HINT.search(_class_text(element)):
            continue
        if element.tag in ("meta", "link", "script", "style", "title", "head"):
            continue
        if any(
            ancestor.tag in ("nav", "footer", "aside") or _FURNITURE_HINT.search(_class_text(ancestor))
            for ancestor in element.iterancestors()
        ):
            continue
        text = " ".join(element.text_content().split())
        words = text.split()
        if 2 <= len(words) <= 16 and not text.endswith(".") and any(w[:1].isupper() for w in words):
            return text
    return None


def _parse_tree(text: str):
    import lxml.html

    try:
        return lxml.html.document_fromstring(text)
    except Exception:  # lxml raises several types (ParserError, ValueError...) on empty or odd documents
        return None


def _fallback_blocks(tree) -> tuple[str | None, list[tuple[str, ParagraphKind | None]]]:
    """A plain reading for pages trafilatura does not take for an article (very short pages)."""
    if tree is None:
        return None, []
    for element in list(tree.iter(*_FURNITURE_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in list(tree.iter()):
        if (
            isinstance(element.tag, str)
            and element.getparent() is not None
            and element.tag not in ("html", "body")
        ):
            if _FURNITURE_HINT.search(_class_text(element)) and not _BYLINE_HINT.search(_class_text(element)):
                element.drop_tree()
    root = next(iter(tree.iter("article")), None)
    if root is None:
        root = next(iter(tree.iter("main")), None)
    if root is None:
        root = tree
    headline = None
    blocks: list[tuple[str, ParagraphKind | None]] = []
    for element in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre"):
        if any(inner is not element and inner.tag in ("p", "li") for inner in element.iter()):
            continue
        text = " ".join(element.text_content().split())
        if not text:
            continue
        if element.tag == "h1" and headline is None:
            headline = text
            continue
        blocks.append((text, ParagraphKind.SUBHEAD if element.tag[0] == "h" else None))
    return headline, blocks


def _has_article_text(blocks: list[tuple[str, ParagraphKind | None]]) -> bool:
    """At least one real paragraph: a page of links and headings alone is not an article."""
    return any(kind is None and len(text.split()) >= 5 for text, kind in blocks)


_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "report",
}


def _json_ld_body(tree) -> list[str]:
    """Paragraphs of the schema.org ``articleBody`` a page embeds (script-rendered pages may hold the
    article only there)."""
    import json

    if tree is None:
        return []
    found: list[str] = []

    def visit(node) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            body = node.get("articleBody")
            if isinstance(body, str) and any(str(k).lower() in _ARTICLE_TYPES for k in kinds):
                found.append(body)
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                visit(node.get(key))

    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                visit(json.loads(script.text))
            except (ValueError, RecursionError):
                continue
    if not found:
        return []
    from reader.loading.structure import split_paragraphs

    return split_paragraphs(max(found, key=len))


def _words_of(blocks: list[tuple[str, ParagraphKind | None]]) -> list[str]:
    return " ".join(text for text, _ in blocks).split()


def _names(author: str | None) -> str | None:
    if not author:
        return None
    names = [n.strip() for n in author.split(";") if n.strip()]
    if len(names) <= 1:
        return names[0] if names else None
    return ", ".join(names[:-1]) + " and " + names[-1]


# Where markup that holds no page text starts, and what ends it: "<p" in a script or a comment is not a paragraph.
_HIDDEN_TAGS = (b"script", b"style", b"template", b"textarea", b"xmp")
_HIDDEN_START = re.compile(rb"<!--|<(" + b"|".join(_HIDDEN_TAGS) + rb")\b", re.IGNORECASE)
_HIDDEN_END = {tag: re.compile(b"</" + tag, re.IGNORECASE) for tag in _HIDDEN_TAGS}
# Start tags that trafilatura or the fallback reading can turn into a paragraph of their own.
_BLOCK_TAG = re.compile(rb"<(?:p|div|li|h[1-6]|blockquote|pre|dd|dt|td|th)[\s/>]", re.IGNORECASE)
# The share of --max-bytes a page's visible markup may take: trafilatura needs about half a second and 25 MB
# of memory per megabyte of it, and a real article page holds a megabyte or two.
_MARKUP_SHARE = 0.4


def visible_markup(data: bytes) -> list[bytes]:
    """The page's markup without comments, scripts, styles and templates, in pieces (one linear pass:
    each hidden section's end is searched for from where it starts, never from the page's start)."""
    pieces: list[bytes] = []
    position = 0
    while match := _HIDDEN_START.search(data, position):
        pieces.append(data[position : match.start()])
        if match.group(1) is None:
            end = data.find(b"-->", match.end())
        else:
            closing = _HIDDEN_END[match.group(1).lower()].search(data, match.end())
            end = closing.start() if closing else -1
        if end < 0:  # unclosed: a parser may not take the rest for script, so it counts as markup
            pieces.append(data[match.start() :])
            return pieces
        position = end + 3  # past "-->" or "</x": the rest of a closing tag is markup without paragraphs
    pieces.append(data[position:])
    return pieces


def check_page_size(source: str, data: bytes, max_paragraphs: int, max_bytes: int) -> None:
    """Refuse, before the (slow, on huge pages) extraction, a page whose visible markup alone holds more
    paragraph elements than the limit, or is too big to extract in reasonable time."""
    pieces = visible_markup(data)
    size, allowed = sum(map(len, pieces)), int(max_bytes * _MARKUP_SHARE)
    if size > allowed:
        raise InputError(
            source,
            f"web page holds {size:,} bytes of markup outside scripts and styles, over the "
            f"{allowed:,}-byte limit for web pages ({_MARKUP_SHARE:.0%} of --max-bytes; raise that)",
        )
    blocks = sum(len(_BLOCK_TAG.findall(piece)) for piece in pieces)
    if blocks > max_paragraphs:
        raise InputError(
            source,
            f"web page holds {blocks:,} paragraphs (p, div, li... elements), over the "
            f"{max_paragraphs:,}-paragraph limit (raise it with --max-paragraphs)",
        )


def parse_html(source: str, data: bytes, forced_encoding: str | None = None, limits: Limits | None = None):
    """Return a RawArticle for a saved web page."""
    from reader.loading import RawArticle

    if limits is not None:
        check_page_size(source, data, limits.max_paragraphs, limits.max_bytes)
    try:
        text, encoding = decode_bytes(source, data, declared=declared_charset(data), forced=forced_encoding)
    except InputError as error:
        if "invalid UTF-8" not in error.problem:
            raise
        # Pages from the web often hold a stray bad byte; a browser shows U+FFFD for it, and so does reader.
        text, encoding = data.decode("utf-8", errors="replace"), "utf-8, bad bytes replaced"
    _quiet_libraries()
    import trafilatura

    options = dict(
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_formatting=False,
        include_links=False,
        deduplicate=False,
    )
    try:
        # Library warnings about odd markup would reach stderr, which holds only reader's own messages.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document = trafilatura.bare_extraction(text, **options)
            if document is None or document.body is None or not "".join(document.body.itertext()).strip():
                document = trafilatura.bare_extraction(text, favor_recall=True, **options)
    except RecursionError:
        raise InputError(source, "web page elements nested too deeply to read") from None
    except (ValueError, TypeError, AttributeError, MemoryError) as error:
        raise InputError(source, f"cannot read this web page ({type(error).__name__})") from None
    tree = _parse_tree(text)
    if document is not None and document.body is not None:
        headline = document.title
        blocks = _body_blocks(document.body)
    else:
        headline, blocks = None, []
    json_ld = _json_ld_body(tree)
    if len(json_ld) >= 2:
        # Prefer the embedded body when the page text holds less of it, or holds the same words with its
        # paragraph breaks lost.
        ld_words = " ".join(json_ld).split()
        page_words = _words_of(blocks)
        if len(page_words) < len(ld_words) // 2 or (page_words == ld_words and len(blocks) < len(json_ld)):
            blocks = [(paragraph, None) for paragraph in json_ld]
    if not _has_article_text(blocks):
        headline_fallback, blocks = _fallback_blocks(_parse_tree(text))
        headline = headline or headline_fallback
    if not _has_article_text(blocks):
        raise InputError(source, "no article text found in this web page")
    byline = _visible_byline(tree)
    author = _names(document.author if document is not None else None)
    byline = byline or author

    paragraphs: list[str] = []
    known: dict[int, ParagraphKind] = {}
    seen_heading = {" ".join(headline.split()).casefold()} if headline else set()
    if headline:
        known[len(paragraphs)] = ParagraphKind.HEADLINE
        paragraphs.append(headline)
    if byline:
        known[len(paragraphs)] = ParagraphKind.BYLINE
        paragraphs.append(byline)
        seen_heading.add(byline.casefold())
    for index, (block, kind) in enumerate(blocks):
        if index < 3 and block.casefold() in seen_heading:
            continue  # the headline or byline repeated at the top of the body
        if kind is not None:
            known[len(paragraphs)] = kind
        paragraphs.append(block)
    metadata = ArticleMetadata(
        headline=headline,
        byline=re.sub(r"^By\s+", "", byline, flags=re.IGNORECASE) if byline else None,
    )
    published = document.date if document is not None else None
    return RawArticle(
        paragraphs=paragraphs,
        encoding=encoding,
        source_format="html",
        metadata=metadata,
        known_kinds=known,
        published=published,
        drop_furniture=True,
    )
