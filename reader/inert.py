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
import unicodedata
from bisect import bisect_left
from functools import lru_cache

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


# Format characters (Unicode category Cf: zero-width spaces and joiners, the soft hyphen, word joiner,
# byte-order mark, bidi marks) and the whole tag block U+E0000-U+E007F: they draw nothing, so two texts
# that differ only by them look the same. (Cf as of Unicode 15; tests/test_hidden_characters.py checks the
# list against the running Python's unicodedata.)
_HIDDEN_CLASS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f"
)
_HIDDEN = re.compile(f"[{_HIDDEN_CLASS}]")
# What a file name may hold that would reorder, hide or break up a printed line: the hidden characters
# above, line and paragraph separators, and the unassigned U+2065 among the invisible operators.
_INVISIBLE = re.compile(f"[{_HIDDEN_CLASS}\u2028\u2029\u2065]")
# Lone surrogates: the bytes of a name that is not UTF-8 (os.fsdecode's surrogateescape), which no UTF-8
# file or terminal can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _code_point(match: re.Match[str]) -> str:
    return code_point(match.group())


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


# --- Differences nobody can see ----------------------------------------------------------------------

_JOINERS = "\u200c\u200d"
# Characters a zero-width joiner or non-joiner legitimately sits between: emoji and their modifiers
# (👩‍👩‍👧, ❤️‍🔥) and letters and marks of scripts that join (Persian می‌خواهم, Devanagari, Sinhala).
_JOINABLE_CATEGORIES = frozenset({"Lo", "Mn", "Mc", "So", "Sk"})
# A subdivision flag (🏴 followed by tag letters and CANCEL TAG) is the one use of tag characters.
_TAG_FLAG = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")


def _joins(text: str, i: int) -> bool:
    return (
        text[i] in _JOINERS
        and 0 < i < len(text) - 1
        and unicodedata.category(text[i - 1]) in _JOINABLE_CATEGORIES
        and unicodedata.category(text[i + 1]) in _JOINABLE_CATEGORIES
    )


@lru_cache(maxsize=1024)  # a pane asks again for each styled piece of a paragraph
def hidden_positions(text: str) -> tuple[int, ...]:
    """Offsets of the characters in ``text`` that draw nothing (``_HIDDEN``), except a joiner inside an
    emoji sequence or a joining script and the tags of a subdivision flag, which are part of what is drawn."""
    if text.isascii() or _HIDDEN.search(text) is None:
        return ()
    flags = {i for m in _TAG_FLAG.finditer(text) for i in range(m.start() + 1, m.end())}
    return tuple(
        i for i in (m.start() for m in _HIDDEN.finditer(text)) if i not in flags and not _joins(text, i)
    )


def code_point(char: str) -> str:
    """The visible form of one hidden character: ``⟨U+200B⟩``."""
    return f"\u27e8U+{ord(char):04X}\u27e9"


def show_hidden(text: str, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with each hidden character written as its code point (``com⟨U+200B⟩pany``),
    judged in the whole ``text`` (a joiner between two emoji stays). Messages and panes show article text
    this way wherever it may differ by hidden characters; everything else is unchanged."""
    end = len(text) if end is None else end
    piece = text[start:end]
    if piece.isascii() or _HIDDEN.search(piece) is None:
        return piece
    positions = hidden_positions(text)
    out: list[str] = []
    at = start
    for i in positions[bisect_left(positions, start) : bisect_left(positions, end)]:
        out.append(text[at:i])
        out.append(code_point(text[i]))
        at = i + 1
    out.append(text[at:end])
    return "".join(out)


def hidden_characters(text: str) -> tuple[str, ...]:
    """The hidden characters of ``text``, in order."""
    return tuple(text[i] for i in hidden_positions(text))


_LOOK_ALIKE_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")
_WORD = re.compile(r"[^\W\d_]+")


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return next((s for s in _LOOK_ALIKE_SCRIPTS if name.startswith(s + " ")), None)


def look_alike_letters(text: str) -> list[tuple[str, str, str]]:
    """(letter, its script, the word's script) for each letter of a word that mixes Latin, Greek and
    Cyrillic letters, the minority script's letters being the look-alikes (Cyrillic ``а`` in
    ``compаny``)."""
    found: list[tuple[str, str, str]] = []
    if text.isascii():
        return found
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        scripts = [_script(c) for c in word]
        counts = {s: scripts.count(s) for s in set(scripts) if s is not None}
        if len(counts) < 2:
            continue
        main = max(counts, key=lambda s: (counts[s], s == "LATIN"))
        found.extend((c, s, main) for c, s in zip(word, scripts) if s is not None and s != main)
    return found


def _names(chars) -> str:
    return "".join(code_point(c) for c in chars)


def invisible_difference(base: str, other: str) -> str | None:
    """What makes two texts differ that a reader cannot see, for a message: hidden characters added or
    removed (named by code point), or a look-alike letter from another script; None when neither."""
    hidden_base, hidden_other = hidden_characters(base), hidden_characters(other)
    notes = []
    if hidden_base != hidden_other:
        added = [c for c in hidden_other if c not in hidden_base]
        removed = [c for c in hidden_base if c not in hidden_other]
        if added:
            notes.append(f"hidden characters added ({_names(added)})")
        if removed:
            notes.append(f"hidden characters removed ({_names(removed)})")
        if not notes:
            notes.append(f"hidden characters changed ({_names(hidden_base)} -> {_names(hidden_other)})")
    alike_base, alike_other = look_alike_letters(base), look_alike_letters(other)
    new_alike = [a for a in alike_other if a not in alike_base] or [
        a for a in alike_base if a not in alike_other
    ]
    if new_alike:
        letter, script, main = new_alike[0]
        notes.append(
            f'look-alike letter from another script ({script.title()} "{letter}" U+{ord(letter):04X} '
            f"among {main.title()} letters)"
        )
    return "; ".join(notes) or None
