"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 (with BOM, or UTF-16 without one), and legacy
8-bit encodings (Windows-1252, Latin-1 and, through charset-normalizer, others).

The encoding name returned is shown to the user (pane header, JSON ``encoding``), so it says what the
file really was: ``utf-8``, ``utf-8-sig`` (UTF-8 with a byte-order mark), ``utf-16-le``, ``windows-1252``,
``iso-8859-1``...
"""

from __future__ import annotations

import codecs
import re

from reader.errors import InputError

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", None),  # too short to trust alone; see _is_bmp
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", None),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", None),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office file (.doc/.xls); save it as .docx"),
    (b"{\\rtf", "an RTF document; save it as .docx or plain text"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)

# Characters a Western European text in Windows-1252/Latin-1 plausibly holds beyond ASCII.
_WESTERN = re.compile(
    "[\u00a0-\u00ff\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u20ac\u2022\u2122\u0152\u0153\u0160\u0161"
    "\u017d\u017e\u0178\u2020\u2021\u2030\u2039\u203a\u02c6\u02dc\u0192]"
)
_DISPLAY_NAMES = {
    "cp1252": "windows-1252",
    "latin-1": "iso-8859-1",
    "iso8859-1": "iso-8859-1",
    "cp1251": "windows-1251",
    "cp1250": "windows-1250",
}
_RARE_SYMBOLS = set("\u00a4\u00a6\u00a8\u00ac\u00af\u00b4\u00b8\u00b9\u0192\u02c6\u02dc")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def looks_binary(data: bytes) -> str | None:
    """Name the kind of binary file, or None when the bytes may be text."""
    head = data[:64]
    for magic, name in _SIGNATURES:
        if name and head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image"
    if head[:4] == b"RIFF":
        return "a RIFF media file (audio or video)"
    if head[4:8] == b"ftyp":
        return "an MP4/QuickTime media file"
    if head.startswith(b"BZh") and head[3:4].isdigit():
        return "a bzip2 archive"
    if head.startswith(b"MZ") and b"\x00" in head:
        return "a Windows executable"
    if head.startswith(b"BM") and len(head) > 14 and b"\x00" in head[:14]:
        return "a BMP image"
    if len(data) > 262 and data[257:262] == b"ustar":
        return "a tar archive"
    return None


def _describe_zip(data: bytes) -> str | None:
    """Office files are ZIP archives: name the ones people pass by mistake."""
    import io
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            mimetype = ""
            if "mimetype" in names:  # read its start only: the member may be a "zip bomb"
                with archive.open("mimetype") as member:
                    mimetype = member.read(200).decode("ascii", "replace")
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        KeyError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        zlib.error,
    ):
        return None
    if "opendocument.text" in mimetype:
        return "an OpenDocument text (.odt); save it as .docx"
    if any(n.startswith("xl/") for n in names):
        return "an Excel workbook"
    if any(n.startswith("ppt/") for n in names):
        return "a PowerPoint presentation"
    if "epub" in mimetype:
        return "an EPUB e-book"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark. Latin text leaves every other byte NUL; CJK text has NULs
    only where it holds ASCII (spaces, newlines, digits), all at the same parity, or none at all, so it is
    recognised by what it decodes to."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    if len(data) % 2:
        return None
    sample = sample[: len(sample) // 2 * 2]
    for encoding, nuls, misplaced in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        # A CJK character whose low byte is 0 ("\u4e00") puts a NUL at the other parity now and then.
        if misplaced * 4 > nuls or not _reads_as_utf16_text(
            sample.decode(encoding, errors="replace"), not nuls
        ):
            continue
        if nuls or not _is_utf8(data):
            return encoding
    return None


# Scripts written without spaces, whose UTF-16 form need hold no NUL byte: kana, CJK punctuation, ideographs
# and full-width forms. Hangul is left out (Korean puts spaces between words), and so are the ranges that
# legacy CJK encodings (Shift-JIS, GBK, EUC, Big5) read as UTF-16 fall into.
_NO_SPACE_SCRIPTS = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
# Where most characters of real Chinese and Japanese text sit; Shift-JIS read as UTF-16 gives U+81xx-U+9Fxx.
_COMMON_CJK = re.compile("[\u3000-\u30ff\u4e00-\u7fff]")
_NOT_TEXT = frozenset(("Cc", "Cn", "Co", "Cs"))


def _reads_as_utf16_text(text: str, without_nuls: bool) -> bool:
    """Whether bytes read as UTF-16 make text: letters, and no controls, private-use or unassigned characters."""
    import unicodedata

    chars = [c for c in text if not c.isspace()]
    if not chars:
        return False
    bad = sum(1 for c in chars if c == "\ufffd" or unicodedata.category(c) in _NOT_TEXT)
    letters = sum(1 for c in chars if c.isalpha())
    # 8-bit text read as UTF-16 pairs its ASCII bytes into CJK-looking characters ("Bush hid the facts"); in
    # real CJK text a character's low byte is as often outside printable ASCII as in it (kana aside: "0"
    # is rarely the second of two ASCII characters, so kana seldom come from ASCII).
    ascii_pairs = sum(
        1
        for c in chars
        if 0x20 <= ord(c) >> 8 <= 0x7E and 0x20 <= ord(c) & 0xFF <= 0x7E and ord(c) >> 8 != 0x30
    )
    if bad * 100 > len(chars) or letters < 0.6 * len(chars) or ascii_pairs > 0.75 * len(chars):
        return False
    if not without_nuls:
        return True
    no_space, common = len(_NO_SPACE_SCRIPTS.findall(text)), len(_COMMON_CJK.findall(text))
    return no_space >= 0.8 * len(chars) and common >= 0.3 * len(chars)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _first_bad_utf8(data: bytes) -> tuple[int, bool]:
    """(offset of the first invalid byte, whether the file also holds valid multi-byte UTF-8)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = error.start
    else:
        return -1, True
    valid = data.decode("utf-8", errors="replace")
    return start, any(ord(c) > 0x7F and c != "\ufffd" for c in valid)


def _western_text(data: bytes) -> str | None:
    """Decode as Windows-1252 when the result reads like Western European text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text if ord(c) > 0x7F]
    letters = sum(c.isalpha() for c in text)
    if not non_ascii or not letters:
        return None
    plausible = sum(1 for c in non_ascii if _WESTERN.match(c) and c not in _RARE_SYMBOLS)
    # Cyrillic or Greek in an 8-bit code page decodes to runs of accented Latin letters: mostly non-ASCII.
    accented = sum(1 for c in non_ascii if c.isalpha())
    if plausible / len(non_ascii) < 0.95 or accented / letters >= 0.25:
        return None
    # In real Western text an accented letter sits in a word; garbage bytes ("\xc3\x28") stand alone.
    # ("\u00e0" and "\u00e9" are words of their own in French and Spanish: between spaces, they count as words).
    lonely = 0
    for match in _NON_ASCII_LETTER.finditer(text):
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        if before.isalpha() or after.isalpha():
            continue
        if before in ("", " ", "\n", "\u00a0") and after in ("", " ", "\n", ",", ".", ";", ":", "!", "?"):
            continue
        lonely += 1
    return text if lonely <= len(non_ascii) // 10 else None


def _decode_as(source: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(source, f"is not valid {encoding} (bad bytes at offset {error.start:,})") from None
    except LookupError:
        raise InputError(source, f"unknown encoding {encoding!r}") from None


def _check_text(source: str, text: str) -> None:
    controls = len(_CONTROLS.findall(text[:100_000]))
    if controls > max(8, len(text[:100_000]) // 50):
        raise InputError(source, "looks like a binary file (full of control characters), not a text article")


def decode_bytes(
    source: str, data: bytes, declared: str | None = None, forced: str | None = None
) -> tuple[str, str]:
    """Return (text, encoding name). ``declared`` is an encoding the file itself names (HTML meta, XML
    declaration); ``forced`` one the user chose (``--encoding``). Raises InputError for binary data."""
    if forced:
        return _decode_as(source, data, forced), forced
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.replace("-sig", ""))
            except UnicodeDecodeError as error:
                raise InputError(
                    source,
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(bad bytes at offset {error.start + len(bom):,})",
                ) from None
            _check_text(source, text)
            return text, encoding
    kind = looks_binary(data)
    if kind and "ZIP" in kind:
        kind = _describe_zip(data) or kind
    if kind:
        if "save it as" in kind:
            raise InputError(source, f"is {kind}")
        raise InputError(
            source,
            f"is {kind}, not an article (reader reads text, Markdown, web pages, NITF, NewsML-G2, .docx)",
        )
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _decode_as(source, data, utf16)
        _check_text(source, text)
        return text, utf16
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            source, f"holds NUL bytes (first at offset {nul:,}): a binary or damaged file, not text"
        )
    bad, has_utf8 = _first_bad_utf8(data)
    if bad < 0:
        text = data.decode("utf-8")
        _check_text(source, text)
        return text, "utf-8"
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(declared), declared.lower()
        except (UnicodeDecodeError, LookupError):
            pass
    if has_utf8:
        raise InputError(
            source,
            f"invalid UTF-8 at byte offset {bad:,} (the rest of the file is UTF-8, so it is damaged or mixes "
            "encodings; re-save it as UTF-8 or pass --encoding)",
        )
    text = _western_text(data)
    if text is not None:
        _check_text(source, text)
        return text, "windows-1252" if any(0x80 <= b <= 0x9F for b in data) else "iso-8859-1"
    from charset_normalizer import from_bytes

    high_bytes = sum(1 for b in data[:200_000] if b > 0x7F)
    if high_bytes < len(data[:200_000]) * 0.03:
        # Mostly ASCII with a few stray high bytes that do not read as Western text: other code pages have
        # far more of them (every accented or non-Latin letter), so these are damaged bytes, not an encoding.
        raise InputError(
            source,
            f"is not valid UTF-8 (bad byte at offset {bad:,}) and the stray bytes do not read as text "
            "in a legacy encoding; pass --encoding if it is text",
        )
    best = from_bytes(data[:200_000]).best()
    # Without a readable language behind it, a "detected" code page is a guess: say the bytes are bad.
    if best is None or best.encoding in ("ascii", "utf_8") or best.chaos > 0.1 or best.coherence < 0.2:
        raise InputError(
            source,
            f"is not valid UTF-8 (bad byte at offset {bad:,}) and does not read as text in any known encoding; "
            "pass --encoding if it is text",
        )
    encoding = codecs.lookup(best.encoding).name
    text = data.decode(encoding, errors="replace")
    encoding = _DISPLAY_NAMES.get(encoding, encoding)
    _check_text(source, text)
    return text, encoding
