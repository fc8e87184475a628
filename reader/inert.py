"""Make article text inert: no terminal control sequences, no bidi overrides.

Applied once, when an article is loaded (every format goes through ``reader.loading.build_article``), so
every later stage (TUI, JSON, Markdown, HTML) only sees safe text:

- C0 control characters (ESC, BEL, backspace, ...) become their visible Unicode "control pictures"
  (ESC -> U+241B), so a CSI colour code, an OSC 8 hyperlink or an OSC 52 clipboard write shows as
  harmless text such as ``␛[31m`` instead of acting on the terminal;
- C1 control characters (including the 8-bit CSI U+009B and OSC U+009D) become ``\\x9b``-style text;
- bidirectional embeddings, overrides and isolates are removed, because they make text display in a
  different order from what it says (the "Trojan Source" trick).

Rich markup needs no treatment here: it is plain text, and the UI only ever builds ``rich.text.Text`` /
Textual ``Content`` objects from article text, never markup strings; reports escape for their format.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (which include the 8-bit CSI/OSC).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates, and the invisible direction marks.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_VISIBLE_C0 = {i: chr(0x2400 + i) for i in range(0x20)}
_VISIBLE_C0[0x7F] = "\u2421"


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _VISIBLE_C0:
        return _VISIBLE_C0[code]
    return f"\\x{code:02x}"


def make_inert(text: str) -> str:
    """Replace control characters (except tab and newline) by visible symbols and drop bidi controls."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(_visible, text)
    return _BIDI.sub("", text)


def make_inert_line(text: str) -> str:
    """``make_inert`` for one paragraph or metadata value: tabs and newlines become spaces."""
    return make_inert(text).replace("\n", " ").replace("\t", " ")


# What a file name may hold that would reorder, hide or break up a printed line: bidi controls and marks,
# zero-width and other invisible format characters, line and paragraph separators, tag characters.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")
# Lone surrogates: the bytes of a name that is not UTF-8 (os.fsdecode's surrogateescape), which no UTF-8
# file or terminal can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _code_point(match: re.Match[str]) -> str:
    return f"\u27e8U+{ord(match.group()):04X}\u27e9"


def _undecodable(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def visible_name(text: str) -> str:
    """A file name or URL as it may be printed in a message or a report: valid UTF-8 on one line.

    Control characters become visible symbols (ESC -> U+241B), invisible and bidi characters their code
    point (``⟨U+202E⟩``), and bytes that are not UTF-8 ``\\xe9``-style text; the result is unchanged by a
    second call."""
    text = _ANY_CONTROL.sub(_visible, text)
    text = _INVISIBLE.sub(_code_point, text)
    return _SURROGATE.sub(_undecodable, text)
