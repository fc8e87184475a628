"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy 8-bit encodings."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from reader.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> str | None:
    """Name the kind of binary file, or None when the bytes may be text."""
    signatures = {
        b"%PDF": "a PDF file",
        b"\x89PNG": "a PNG image",
        b"\xff\xd8\xff": "a JPEG image",
        b"GIF8": "a GIF image",
        b"PK\x03\x04": "a ZIP archive",
        b"\x1f\x8b": "a gzip archive",
        b"\x7fELF": "an executable",
    }
    for magic, name in signatures.items():
        if data.startswith(magic):
            return name
    return None


def decode_bytes(source: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {encoding} byte-order mark but is not valid {encoding}") from None
    kind = looks_binary(data)
    if kind:
        raise InputError(source, f"is {kind}, not a text article")
    if b"\x00" in data[:8192]:
        raise InputError(source, "holds NUL bytes: a binary file, not a text article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    if encoding in ("ascii", "utf_8"):
        encoding = "cp1252"
    try:
        return data.decode(encoding), encoding.replace("_", "-")
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace"), "cp1252"
