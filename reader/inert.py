"""Make article text inert: no terminal control sequences, no bidi overrides, no invisible tricks.

Applied once, when an article is loaded, so every later stage (TUI, JSON, Markdown, HTML) only sees
safe text. Rich markup needs no treatment here: the UI only ever builds ``rich.text.Text`` objects
from article text, never markup strings.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (which include the 8-bit CSI/OSC).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates can make text display differently from what it is.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_VISIBLE_C0 = {i: chr(0x2400 + i) for i in range(0x20)}
_VISIBLE_C0[0x7F] = "\u2421"


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code in _VISIBLE_C0:
        return _VISIBLE_C0[code]
    return f"\\x{code:02x}"


def make_inert(text: str) -> str:
    """Replace control characters by visible symbols (ESC becomes ␛) and drop bidi controls."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(_visible, text)
    return _BIDI.sub("", text)
