"""Word wrapping by terminal cells, as (start, end) offsets into the text.

One function decides both the height of a cell (so rows line up across panes) and the lines drawn,
so the two can never disagree. Words longer than the width (URLs) are cut hard, between graphemes.

Text is measured as the panes draw it (``shown``): hidden characters as their code point
(``⟨U+200B⟩``, see ``reader.inert``), everything else by Rich's ``cell_len``, the function Textual
measures what it draws with, which counts an emoji sequence (👩‍👩‍👧, ❤️) as one wide grapheme.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size, split_graphemes

from reader.inert import code_point, hidden_positions, show_hidden

_WORD = re.compile(r"(\S+)(\s*)")
# text -> ((word cells, space count, breaks) per word, cells of the longest word)
_TOKENS: dict[str, tuple[tuple[tuple[int, int, int], ...], int]] = {}
_TOKENS_MAX = 50_000
# text -> True when every character is one cell wide and words sit between single spaces
_PLAIN: dict[str, bool] = {}
_DISPLAY = str.maketrans({"\t": " ", "\u2028": " ", "\u2029": " ", "\x0b": " ", "\x0c": " "})


def shown(text: str, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` as a pane draws it: hidden characters as code points, spaces for tabs and
    other breaks that are not newlines."""
    return show_hidden(text, start, end).translate(_DISPLAY)


def cells(text: str) -> int:
    """Terminal cells ``text`` takes as a pane draws it."""
    return len(text) if text.isascii() else cell_len(show_hidden(text))


def _units(text: str, start: int, end: int):
    """(end offset, cells) of each drawn unit of text[start:end], in order: a grapheme (Rich's
    ``split_graphemes``, so 👩‍👩‍👧 is one unit) or a hidden character, drawn as its code point."""
    piece = text[start:end]
    at = 0
    for hidden in (*hidden_positions(piece), len(piece)):
        if at < hidden:
            for _s, unit_end, size in split_graphemes(piece[at:hidden])[0]:
                yield start + at + unit_end, size
        if hidden < len(piece):
            yield start + hidden + 1, len(code_point(piece[hidden]))
        at = hidden + 1


def unit_start(text: str, start: int, end: int, offset: int) -> int:
    """``offset`` moved back to the start of the drawn unit of text[start:end] that holds it, so that
    text split there is drawn as wide as it is measured (a style never ends inside ❤️)."""
    if text.isascii() or offset <= start or offset >= end:
        return offset
    last = start
    for unit_end, _size in _units(text, start, end):
        if unit_end > offset:
            return last
        last = unit_end
    return last


def _cut(text: str, start: int, end: int, width: int, ascii_text: bool) -> int:
    """Offset after the longest prefix of text[start:end] that fits ``width`` cells (at least one
    drawn unit)."""
    if ascii_text:
        return min(end, start + max(1, width))
    used = 0
    pos = start
    for unit_end, size in _units(text, start, end):
        if used + size > width and pos > start:
            break
        used += size
        pos = unit_end
    return pos


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Lines of ``text`` wrapped to ``width`` cells; newlines force breaks. Never returns an empty list."""
    width = max(1, width)
    ascii_text = text.isascii()
    measure = len if ascii_text else cells
    lines: list[tuple[int, int]] = []
    start: int | None = None
    used = 0
    last_end = 0
    for match in _WORD.finditer(text):
        word_start, word_end = match.span(1)
        size = measure(text[word_start:word_end])
        if start is None:
            start, used = word_start, 0
        elif used and used + size > width:
            lines.append((start, last_end))
            start, used = word_start, 0
        while size > width:
            cut = _cut(text, word_start, word_end, width, ascii_text)
            if used:
                lines.append((start, last_end))
            else:
                lines.append((word_start, cut))
                word_start = cut
            start, used = word_start, 0
            size = measure(text[word_start:word_end])
        used += size
        last_end = word_end
        spaces = match.group(2)
        breaks = spaces.count("\n")
        if breaks:
            lines.append((start, last_end))
            lines.extend((word_end, word_end) for _ in range(breaks - 1))
            start, used = None, 0
        else:
            used += len(spaces)
    if start is not None:
        lines.append((start, last_end))
    return lines or [(0, 0)]


def _tokens(text: str) -> tuple[tuple[tuple[int, int, int], ...], int]:
    cached = _TOKENS.get(text)
    if cached is None:
        measure = len if text.isascii() else cells
        words = text.split()
        if " ".join(words) == text:  # the common case, words between single spaces: no regex needed
            tokens = tuple((measure(word), 1, 0) for word in words)
            if tokens:
                tokens = tokens[:-1] + ((tokens[-1][0], 0, 0),)
        else:
            tokens = tuple(
                (measure(m.group(1)), len(m.group(2)), m.group(2).count("\n")) for m in _WORD.finditer(text)
            )
        if len(_TOKENS) >= _TOKENS_MAX:
            _TOKENS.clear()
        cached = _TOKENS[text] = (tokens, max((size for size, _, _ in tokens), default=0))
    return cached


def _plain(text: str) -> bool:
    plain = _PLAIN.get(text)
    if plain is None:
        plain = " ".join(text.split()) == text and (
            text.isascii()
            or (
                all(get_character_cell_size(c) == 1 for c in set(text) if not c.isascii())
                and not hidden_positions(text)
            )
        )
        if len(_PLAIN) >= _TOKENS_MAX:
            _PLAIN.clear()
        _PLAIN[text] = plain
    return plain


def line_count(text: str, width: int) -> int:
    """``len(wrap(text, width))``, without building the lines (row heights for long documents)."""
    width = max(1, width)
    if _plain(text):
        # One cell per character: each line ends at the last space within reach, found in C.
        lines, pos, end = 1, 0, len(text)
        while end - pos > width:
            cut = text.rfind(" ", pos, pos + width + 1)
            if cut == -1:
                return len(wrap(text, width))  # a word longer than the line is cut hard
            lines, pos = lines + 1, cut + 1
        return lines
    tokens, longest = _tokens(text)
    if longest > width:
        return len(wrap(text, width))  # hard-cut words: let the exact algorithm decide
    lines = 0
    open_line = False
    used = 0
    for size, spaces, breaks in tokens:
        if not open_line:
            open_line, used = True, 0
        elif used and used + size > width:
            lines += 1
            used = 0
        used += size
        if breaks:
            lines += breaks
            open_line, used = False, 0
        else:
            used += spaces
    if open_line:
        lines += 1
    return lines or 1
