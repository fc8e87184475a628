"""Wire-agency XML: NITF and IPTC NewsML-G2 (and NITF wrapped in NewsML 1), parsed safely.

Parsing goes through defusedxml: documents declaring entities (the "billion laughs" expansion attack)
or referring to external entities (which would read local files or fetch URLs) are refused with a clear
message; external DTDs named in a DOCTYPE are never fetched. HTML named entities such as ``&mdash;``,
which real feeds use without declaring, are turned into characters before parsing.

A file is one article. A NITF document without text in ``body.content`` (a headline or metadata alone) and
a NewsML-G2 item without body text are refused, not read as a version that cut the whole story. A package
holding several stories (NewsML-G2 ``newsItem``s, or NITF documents in NewsML 1, with body text) is refused
with their count, since reading the first would silently drop the others; when only one of its items holds
text (the others are pictures or graphics), that one is read.
"""

from __future__ import annotations

import html.entities
import re
from xml.etree.ElementTree import Element, ParseError

from reader.errors import InputError
from reader.loading.decode import decode_bytes
from reader.loading.structure import ArticleMetadata, split_paragraphs
from reader.model import ParagraphKind

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)["']""")
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}

_NITF_SUBHEADS = {"hl2", "hl3", "hl4", "hl5", "hl6"}
_XHTML_SUBHEADS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_TEXT_BLOCKS = {"p", "li", "pre", "dd", "dt"}
_SKIPPED = {
    "table",
    "nitf-table",
    "script",
    "style",
    "fn",
    "note",
    "object",
    "img",
    "video",
    "audio",
    "head",
    "media-reference",
    "media-metadata",
    "media-object",
    "media-producer",
    "identified-content",
}


def local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _find(element: Element, *names: str) -> Element | None:
    wanted = set(names)
    return next((e for e in element.iter() if local(e.tag) in wanted), None)


def _replace_html_entities(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in _XML_ENTITIES or name not in html.entities.name2codepoint:
            return match.group()
        return f"&#{html.entities.name2codepoint[name]};"

    return _NAMED_ENTITY.sub(replace, text)


def parse_xml_tree(source: str, data: bytes, forced_encoding: str | None = None) -> tuple[Element, str]:
    import defusedxml
    import defusedxml.ElementTree

    declared = _DECLARED_ENCODING.match(data[:400])
    text, encoding = decode_bytes(
        source, data, declared=declared.group(1).decode("ascii") if declared else None, forced=forced_encoding
    )
    text = _replace_html_entities(_XML_DECLARATION.sub("", text, count=1))
    try:
        root = defusedxml.ElementTree.fromstring(
            text, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except defusedxml.EntitiesForbidden:
        raise InputError(
            source, "declares XML entities; refused (entity expansion can exhaust memory)"
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise InputError(
            source, "refers to an external XML entity; refused (it could read files or the network)"
        ) from None
    except defusedxml.DefusedXmlException as error:
        raise InputError(source, f"unsafe XML refused ({type(error).__name__})") from None
    except ParseError as error:
        raise InputError(source, f"is not well-formed XML ({error})") from None
    except RecursionError:
        raise InputError(source, "XML nested too deeply to read") from None
    return root, encoding


class _Collector:
    """Paragraphs in order, with the kinds the markup states."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.kinds: dict[int, ParagraphKind] = {}
        self.published: str | None = None

    def add(self, text: str, kind: ParagraphKind | None = None) -> None:
        text = " ".join(text.split())
        if not text:
            return
        if kind is not None:
            self.kinds[len(self.paragraphs)] = kind
        self.paragraphs.append(text)

    def walk(self, element: Element, subheads: set[str]) -> None:
        for child in element:
            name = local(child.tag)
            if name in _SKIPPED:
                continue
            if name in subheads:
                self.add(_text(child), ParagraphKind.SUBHEAD)
            elif name in ("media-caption", "figcaption", "caption"):
                self.add(_text(child), ParagraphKind.CAPTION)
            elif name in _TEXT_BLOCKS or not any(isinstance(c.tag, str) for c in child):
                for line in _text_with_breaks(child):
                    self.add(line)
            else:
                # A container (block, bq, blockquote, div, ul, media...): its own loose text, then children.
                if child.text and child.text.strip():
                    self.add(child.text)
                self.walk(child, subheads)
            if child.tail and child.tail.strip() and local(element.tag) not in _TEXT_BLOCKS:
                self.add(child.tail)


def _text_with_breaks(element: Element) -> list[str]:
    """A block's text; a <br/> ends a paragraph only where two breaks in a row leave a blank line."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            parts.append("\n" if local(child.tag) == "br" else "")
            if local(child.tag) != "br":
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    joined = "".join(parts)
    return split_paragraphs(joined) if "\n\n" in joined.replace(" ", "") else [" ".join(joined.split())]


def _start(headline: str, byline: str) -> _Collector:
    collector = _Collector()
    if headline:
        collector.add(headline, ParagraphKind.HEADLINE)
    if byline:
        collector.add(byline, ParagraphKind.BYLINE)
    return collector


def _strip_by(byline: str) -> str | None:
    return re.sub(r"^By\s+", "", byline, flags=re.IGNORECASE) or None if byline else None


def _has_text(element: Element | None) -> bool:
    return element is not None and any(text.strip() for text in element.itertext())


def _g2_has_text(item: Element) -> bool:
    return any(_has_text(e) for e in item.iter() if local(e.tag) in ("inlineXML", "inlineData"))


def _nitf_has_text(nitf: Element) -> bool:
    return _has_text(_find(nitf, "body.content"))


def _the_article(source: str, candidates: list[Element], has_text, what: str) -> Element:
    """The package's one story (``candidates`` is not empty): the only candidate with text, else the first.
    Several with text are refused, never read in part."""
    with_text = [c for c in candidates if has_text(c)]
    if len(with_text) > 1:
        counted = f"{len(candidates):,} {what}s"
        if len(with_text) < len(candidates):
            counted += f", {len(with_text):,} with text"
        raise InputError(
            source,
            f"holds {counted}; reader reads one article per file: split the package, one {what} per file",
        )
    return (with_text or candidates)[0]


def _require_body(source: str, collector: _Collector, before: int, what: str) -> None:
    if len(collector.paragraphs) == before:
        raise InputError(source, f"{what}: not an article")


def _nitf(source: str, root: Element) -> tuple[_Collector, ArticleMetadata]:
    body_head = _find(root, "body.head")
    scope = body_head if body_head is not None else root
    headline = _text(_find(scope, "hl1")) or _text(_find(root, "title"))
    bylines = [_text(e) for e in scope.iter() if local(e.tag) == "byline"]
    byline = ", ".join(b for b in bylines if b)
    credit = _text(_find(scope, "distributor"))
    if not credit:
        copyright_ = _find(root, "doc.copyright")
        credit = copyright_.get("holder", "") if copyright_ is not None else ""
    dateline_element = _find(scope, "dateline")
    dateline = ""
    if dateline_element is not None:
        place = _text(_find(dateline_element, "location"))
        date = _text(_find(dateline_element, "story.date"))
        dateline = ", ".join(p for p in (place, date) if p) or _text(dateline_element)
    collector = _start(headline, byline)
    if body_head is not None:
        hedline = _find(body_head, "hedline")
        for sub in hedline.iter() if hedline is not None else ():
            if local(sub.tag) == "hl2":
                collector.add(_text(sub), ParagraphKind.SUBHEAD)
    content = _find(root, "body.content")
    if content is None:
        raise InputError(source, "NITF document has no body.content: not an article")
    before = len(collector.paragraphs)
    collector.walk(content, _NITF_SUBHEADS)
    _require_body(source, collector, before, "NITF body.content holds no article text")
    body_end = _find(root, "body.end")
    if body_end is not None:
        for tagline in body_end.iter():
            if local(tagline.tag) == "tagline":
                collector.add(_text(tagline))
    metadata = ArticleMetadata(
        headline=headline or None, byline=_strip_by(byline), dateline=dateline or None, credit=credit or None
    )
    for name in ("date.release", "date.issue", "story.date"):
        element = _find(root, name)
        if element is not None and element.get("norm"):
            collector.published = _iso_date(element.get("norm", ""))
            break
    return collector, metadata


def _iso_date(norm: str) -> str:
    """NITF's compact ISO 8601 ("20261121T183000Z") in the extended form ("2026-11-21T18:30:00Z")."""
    match = re.match(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(.*))?$", norm.strip())
    if not match:
        return norm.strip()
    year, month, day, hour, minute, second, zone = match.groups()
    if hour is None:
        return f"{year}-{month}-{day}"
    return f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}{zone or ''}"


def _newsml_g2(source: str, root: Element) -> tuple[_Collector, ArticleMetadata]:
    items = [e for e in root.iter() if local(e.tag) == "newsItem"]
    item = _the_article(source, items or [root], _g2_has_text, "news item")
    meta = _find(item, "contentMeta")
    scope = meta if meta is not None else item
    headlines = [e for e in scope if local(e.tag) == "headline"]
    main = [e for e in headlines if e.get("role") in (None, "hdrl:main", "main")] or headlines
    headline = _text(main[0]) if main else ""
    byline = _text(_find(scope, "by"))
    credit = _text(_find(scope, "creditline"))
    if not credit:
        provider = _find(item, "provider")
        credit = provider.get("literal", "") if provider is not None else ""
    dateline = _text(_find(scope, "dateline"))
    if not dateline:
        located = _find(scope, "located")
        dateline = _text(_find(located, "name")) if located is not None else ""
    collector = _start(headline, byline)
    for sub in scope:
        if local(sub.tag) == "subheadline":
            collector.add(_text(sub), ParagraphKind.SUBHEAD)
    before = len(collector.paragraphs)
    inline = _find(item, "inlineXML")
    if inline is not None:
        nitf = _find(inline, "nitf")
        if nitf is not None:
            content = _find(nitf, "body.content")
            collector.walk(content if content is not None else nitf, _NITF_SUBHEADS)
        else:
            body = _find(inline, "body")
            collector.walk(body if body is not None else inline, _XHTML_SUBHEADS)
    else:
        data = _find(item, "inlineData")
        for paragraph in split_paragraphs("".join(data.itertext()) if data is not None else ""):
            collector.add(paragraph)
    _require_body(
        source, collector, before, "NewsML-G2 news item holds no article text (in inlineXML or inlineData)"
    )
    # The first heading of the XHTML body usually repeats the headline.
    if headline and len(collector.paragraphs) > 1:
        for index in range(1, min(3, len(collector.paragraphs))):
            if collector.paragraphs[index].casefold() == headline.casefold() and index in collector.kinds:
                del collector.paragraphs[index]
                collector.kinds = {
                    (i if i < index else i - 1): k for i, k in collector.kinds.items() if i != index
                }
                break
    metadata = ArticleMetadata(
        headline=headline or None, byline=_strip_by(byline), dateline=dateline or None, credit=credit or None
    )
    for name in ("firstCreated", "contentCreated", "versionCreated"):
        element = _find(item, name)
        if element is not None and _text(element):
            collector.published = _text(element)
            break
    return collector, metadata


def parse_wire_xml(source: str, data: bytes, forced_encoding: str | None = None):
    """Return a RawArticle for a NITF or NewsML file (or None when the XML is XHTML, to be read as a page)."""
    from reader.loading import RawArticle

    root, encoding = parse_xml_tree(source, data, forced_encoding)
    name = local(root.tag)
    if name == "html":
        return None
    if name in ("rss", "feed", "RDF"):
        raise InputError(source, "is a news feed (RSS/Atom), not an article; save or pass the article itself")
    try:
        if name == "nitf":
            collector, metadata, fmt = *_nitf(source, root), "nitf"
        elif any(local(e.tag) == "newsItem" for e in root.iter()) or name in ("newsMessage", "newsItem"):
            collector, metadata, fmt = *_newsml_g2(source, root), "newsml-g2"
        elif nitfs := [e for e in root.iter() if local(e.tag) == "nitf"]:
            nitf = _the_article(source, nitfs, _nitf_has_text, "NITF document")
            collector, metadata, fmt = *_nitf(source, nitf), "nitf"
        else:
            raise InputError(
                source, f"is XML ({name}) but not a news format reader knows (NITF or NewsML-G2)"
            )
    except RecursionError:
        raise InputError(source, "XML elements nested too deeply to be an article") from None
    return RawArticle(
        paragraphs=collector.paragraphs,
        encoding=encoding,
        source_format=fmt,
        metadata=metadata,
        known_kinds=collector.kinds,
        published=collector.published,
    )
