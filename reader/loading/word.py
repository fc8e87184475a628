"""Word (.docx) drafts: paragraphs and table cells in document order, read straight from the archive.

Paragraph styles name some kinds outright (Title -> headline, Heading -> subhead, Caption -> caption);
the rest is classified from the text like any other article.

The archive is hostile until read: only ``word/document.xml`` and ``word/styles.xml`` are inflated, as a
stream, and the bytes they really inflate to are counted as they come (a zip directory may understate them),
so a "zip bomb" is refused after a bounded amount of work. The document is parsed incrementally and each
paragraph is dropped from memory once its text is taken; runs are joined once per paragraph.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

from reader.errors import InputError
from reader.model import ParagraphKind

# What the members read (styles and document) may inflate to, together: this many times --max-bytes.
INFLATION_ALLOWANCE = 4
# A real .docx holds a few dozen parts (a few hundred with many images).
MAX_ENTRIES = 5_000
# Empty paragraphs are not counted as paragraphs by the limit, but each still costs work: allow this many
# paragraph elements per allowed paragraph.
PARAGRAPH_ELEMENT_ALLOWANCE = 2
_DOCUMENT = "word/document.xml"
_STYLES = "word/styles.xml"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = {f"{_W}t": None, f"{_W}tab": " ", f"{_W}br": " ", f"{_W}cr": " ", f"{_W}noBreakHyphen": "-"}
_DELETED = (f"{_W}del", f"{_W}moveFrom")
# The containers whose paragraphs are the document's own (python-docx's reading): the body, and table cells
# in rows of tables placed in such containers. Paragraphs in text boxes belong to the paragraph holding them.
_CELL_PATH = (f"{_W}tc", f"{_W}tr", f"{_W}tbl")


class _Damaged(Exception):
    """The archive or its XML cannot be read."""


class _Budget:
    """The bytes the members read so far really inflated to, and what to do past the allowance."""

    def __init__(self, allowed: int, refuse) -> None:
        self.allowed, self.refuse, self.used = allowed, refuse, 0

    def spend(self, count: int) -> None:
        self.used += count
        if self.used > self.allowed:
            self.refuse()


class _BudgetStream:
    """An archive member read as it inflates, each chunk counted against the budget."""

    def __init__(self, member, budget: _Budget) -> None:
        self.member, self.budget = member, budget

    def read(self, size: int = -1) -> bytes:
        chunk = self.member.read(min(size, 1 << 16) if size and size > 0 else 1 << 16)
        self.budget.spend(len(chunk))
        return chunk


def _declared_entries(data: bytes) -> int | None:
    """The entry count in the end-of-central-directory record, read before the directory is parsed."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 12 > len(data):
        return None
    return int.from_bytes(data[end + 10 : end + 12], "little")


def _open_archive(source: str, data: bytes) -> zipfile.ZipFile:
    declared = _declared_entries(data)
    if declared is not None and declared > MAX_ENTRIES:
        raise InputError(
            source, f"Word document archive holds {declared:,} entries (a .docx holds a few dozen); refused"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(source, "is not a readable Word document (the .docx archive is damaged)") from None
    if len(names) > MAX_ENTRIES:
        raise InputError(
            source, f"Word document archive holds {len(names):,} entries (a .docx holds a few dozen); refused"
        )
    if _DOCUMENT not in names:
        raise InputError(source, "is a ZIP archive but not a Word .docx document")
    return archive


def _xml_events(archive: zipfile.ZipFile, name: str, budget: _Budget, tags: tuple[str, ...]) -> Iterator:
    """``(event, element)`` pairs of one member, parsed as it inflates; never resolves entities."""
    from lxml import etree

    try:
        member = archive.open(name)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
        raise _Damaged from None
    events = etree.iterparse(
        _BudgetStream(member, budget),
        events=("end",),
        tag=tags,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        yield from events
    except (
        etree.XMLSyntaxError,
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        RuntimeError,
    ):
        raise _Damaged from None
    finally:
        member.close()


def _style_names(archive: zipfile.ZipFile, budget: _Budget) -> tuple[dict[str, str], str]:
    """Paragraph style id -> name, and the default paragraph style's name."""
    if _STYLES not in archive.namelist():
        return {}, ""
    names: dict[str, str] = {}
    default = ""
    for _, element in _xml_events(archive, _STYLES, budget, (f"{_W}style",)):
        if element.get(f"{_W}type") == "paragraph":
            name_element = element.find(f"{_W}name")
            name = name_element.get(f"{_W}val", "") if name_element is not None else ""
            names[element.get(f"{_W}styleId", "")] = name
            if element.get(f"{_W}default") in ("1", "true", "on"):
                default = name
        element.clear()
    return names, default


def _is_own_paragraph(paragraph) -> bool:
    """A paragraph of the body or of a table cell (not one inside a text box or a content control)."""
    parent = paragraph.getparent()
    while parent is not None and parent.tag == _CELL_PATH[0]:
        row = parent.getparent()
        table = row.getparent() if row is not None else None
        if row is None or row.tag != _CELL_PATH[1] or table is None or table.tag != _CELL_PATH[2]:
            return False
        if _continues_merge(parent):
            return False
        parent = table.getparent()
    return parent is not None and parent.tag == f"{_W}body"


def _continues_merge(cell) -> bool:
    """A cell that continues a vertical merge: its text is the first cell's (python-docx reads it once)."""
    merge = cell.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val", "continue") != "restart"


def _visible_text(paragraph) -> str:
    """The paragraph as it reads with tracked changes accepted: insertions in, deletions out."""
    parts: list[str] = []
    for element in paragraph.iter(*_TEXT_TAGS):
        if any(ancestor.tag in _DELETED for ancestor in element.iterancestors()):
            continue
        fixed = _TEXT_TAGS[element.tag]
        parts.append(element.text or "" if fixed is None else fixed)
    return "".join(parts)


def _paragraph_style(paragraph, styles: dict[str, str], default: str) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    style_id = style.get(f"{_W}val") if style is not None else None
    return styles.get(style_id, default) if style_id is not None else default


def _kind_of_style(style_name: str, position: int) -> ParagraphKind | None:
    name = style_name.lower()
    if name in ("title",) or (name.startswith("heading") and position == 0):
        return ParagraphKind.HEADLINE
    if name.startswith("heading") or name == "subtitle":
        return ParagraphKind.SUBHEAD
    if name == "caption":
        return ParagraphKind.CAPTION
    return None


def _blocks(
    source: str, archive: zipfile.ZipFile, max_bytes: int, max_paragraphs: int
) -> Iterator[tuple[str, str]]:
    """(text, style name) of each of the document's own paragraphs, in order, within the budgets."""
    allowed_bytes = max(max_bytes, 1) * INFLATION_ALLOWANCE

    def refuse() -> None:
        raise InputError(
            source,
            f"Word document inflates to over {allowed_bytes:,} bytes ({INFLATION_ALLOWANCE}x the --max-bytes "
            "limit); refused (raise --max-bytes)",
        )

    budget = _Budget(allowed_bytes, refuse)
    styles, default = _style_names(archive, budget)
    allowed = max_paragraphs * PARAGRAPH_ELEMENT_ALLOWANCE
    count = 0
    for _, element in _xml_events(archive, _DOCUMENT, budget, (f"{_W}p", f"{_W}tr")):
        if element.tag == f"{_W}tr":
            element.clear(keep_tail=True)  # its cells' paragraphs were read
            continue
        if not _is_own_paragraph(element):
            continue  # a text box's paragraph: part of the paragraph that holds it
        count += 1
        if count > allowed:
            raise InputError(
                source,
                f"Word document holds over {allowed:,} paragraph elements, over the "
                f"{max_paragraphs:,}-paragraph limit (raise it with --max-paragraphs)",
            )
        yield _visible_text(element), _paragraph_style(element, styles, default)
        element.clear(keep_tail=True)
        parent = element.getparent()
        if parent.tag == f"{_W}body":  # what came before in the body (tables too) was read: drop it
            while element.getprevious() is not None:
                del parent[0]


def parse_docx(source: str, data: bytes, max_bytes: int, max_paragraphs: int = 20_000):
    from reader.loading import RawArticle

    archive = _open_archive(source, data)
    paragraphs: list[str] = []
    known: dict[int, ParagraphKind] = {}
    try:
        for text, style in _blocks(source, archive, max_bytes, max_paragraphs):
            # Soft line breaks and tabs inside a paragraph are layout, not paragraph ends.
            text = " ".join(text.split())
            if not text:
                continue
            kind = _kind_of_style(style, len(paragraphs))
            if kind is not None:
                known[len(paragraphs)] = kind
            paragraphs.append(text)
    except _Damaged:
        raise InputError(source, "is not a readable Word document (its XML or archive is damaged)") from None
    finally:
        archive.close()
    if not paragraphs:
        raise InputError(source, "Word document holds no text")
    return RawArticle(paragraphs=paragraphs, encoding="utf-8", source_format="docx", known_kinds=known)
