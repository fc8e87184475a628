"""Which reader a source needs: text, markdown, html, xml (NITF/NewsML) or docx.

The content decides first (a page saved as .txt is still a page, standard input has no name); the file
name and an HTTP Content-Type only break ties.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
XML_SUFFIXES = (".xml", ".nitf", ".newsml", ".g2")
DOCX_SUFFIXES = (".docx",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + XML_SUFFIXES + DOCX_SUFFIXES

_HTML_START = re.compile(
    r"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL
)
_HTML_INSIDE = re.compile(r"<(?:html|body|article|div|p)\b[^>]*>", re.IGNORECASE)
_WIRE_ROOTS = {"nitf", "newsmessage", "newsitem", "newsml", "packageitem"}
_XML_ROOT = re.compile(r"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)[\s>/]")


def _head_text(data: bytes) -> str:
    head = data[:4096]
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="ignore").lstrip()
    return head.decode("latin-1").lstrip()


def _is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def detect_format(name: str, data: bytes, content_type: str | None = None) -> str:
    lower = name.lower().split("?", 1)[0]
    if _is_docx(data) or data.startswith(b"PK") and lower.endswith(DOCX_SUFFIXES):
        return "docx"
    head = _head_text(data)
    if (
        head.startswith("<?xml")
        or head.startswith("<!DOCTYPE")
        and not head[:15].lower().startswith("<!doctype html")
    ):
        rest = re.sub(r"^<\?xml.*?\?>\s*", "", head, flags=re.DOTALL)
        rest = re.sub(
            r"^(?:<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*|<\?.*?\?>\s*)*", "", rest, flags=re.DOTALL
        )
        root = _XML_ROOT.match(rest)
        if root and root.group(2).lower() == "html":
            return "html"
        return "xml"
    if _HTML_START.match(head):
        return "html"
    root = _XML_ROOT.match(head)
    if root and root.group(2).lower() in _WIRE_ROOTS:
        return "xml"
    content_type = (content_type or "").lower()
    if head.startswith("<") and (
        _XML_ROOT.match(head) and ("xml" in content_type or lower.endswith(XML_SUFFIXES))
    ):
        return "xml"
    if head.startswith("<") and ("html" in content_type or lower.endswith(HTML_SUFFIXES)):
        return "html"
    if lower.endswith(HTML_SUFFIXES) and _HTML_INSIDE.search(head):
        return "html"
    if lower.endswith(MARKDOWN_SUFFIXES) or "markdown" in content_type:
        return "markdown"
    return "text"
