"""Word (.docx) drafts, read with python-docx: paragraphs and table cells in document order.

Paragraph styles name some kinds outright (Title -> headline, Heading -> subhead, Caption -> caption);
the rest is classified from the text like any other article. The archive is checked before opening so a
"zip bomb" (a small file that inflates to gigabytes) is refused instead of filling memory.
"""

from __future__ import annotations

import io
import zipfile

from reader.errors import InputError
from reader.model import ParagraphKind

# A real .docx inflates to a few times its size; allow generous headroom over the byte limit.
_INFLATION_ALLOWANCE = 20


def _check_archive(source: str, data: bytes, max_bytes: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(source, "is not a readable Word document (the .docx archive is damaged)") from None
    if "word/document.xml" not in names:
        raise InputError(source, "is a ZIP archive but not a Word .docx document")
    if inflated > max(max_bytes, 1) * _INFLATION_ALLOWANCE:
        raise InputError(source, f"Word document inflates to {inflated:,} bytes; refused (raise --max-bytes)")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _visible_text(paragraph_element) -> str:
    """The paragraph as it reads with tracked changes accepted: insertions in, deletions out (python-docx's
    ``Paragraph.text`` skips runs inside tracked insertions)."""
    parts: list[str] = []
    for element in paragraph_element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        if any(ancestor.tag in (f"{_W}del", f"{_W}moveFrom") for ancestor in element.iterancestors()):
            continue
        tag = element.tag
        if tag == f"{_W}t":
            parts.append(element.text or "")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append(" ")
    return "".join(parts)


def _kind_of_style(style_name: str, position: int) -> ParagraphKind | None:
    name = style_name.lower()
    if name in ("title",) or (name.startswith("heading") and position == 0):
        return ParagraphKind.HEADLINE
    if name.startswith("heading") or name == "subtitle":
        return ParagraphKind.SUBHEAD
    if name == "caption":
        return ParagraphKind.CAPTION
    return None


def parse_docx(source: str, data: bytes, max_bytes: int):
    from reader.loading import RawArticle

    _check_archive(source, data, max_bytes)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[tuple[str, str]] = []
        seen_cells: set[int] = set()

        def collect(container) -> None:
            for block in container.iter_inner_content():
                if isinstance(block, Table):
                    for row in block.rows:
                        for cell in row.cells:
                            # A merged cell is returned once per grid column it spans.
                            if id(cell._tc) not in seen_cells:
                                seen_cells.add(id(cell._tc))
                                collect(cell)
                else:
                    style = block.style.name if block.style is not None else ""
                    blocks.append((_visible_text(block._p), style or ""))

        collect(document)
    except InputError:
        raise
    except Exception as error:  # python-docx and lxml raise many types on damaged documents
        raise InputError(source, f"is not a readable Word document ({type(error).__name__})") from None

    paragraphs: list[str] = []
    known: dict[int, ParagraphKind] = {}
    for text, style in blocks:
        # Soft line breaks and tabs inside a paragraph are layout, not paragraph ends.
        text = " ".join(text.split())
        if not text:
            continue
        kind = _kind_of_style(style, len(paragraphs))
        if kind is not None:
            known[len(paragraphs)] = kind
        paragraphs.append(text)
    if not paragraphs:
        raise InputError(source, "Word document holds no text")
    return RawArticle(paragraphs=paragraphs, encoding="utf-8", source_format="docx", known_kinds=known)
