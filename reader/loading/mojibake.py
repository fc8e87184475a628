"""Text that went through a wrong encoding and back ("unionâ€™s" for "union’s": UTF-8 read as
Windows-1252 and saved again), repaired when an article is loaded, so that a site's broken encoding is not
read as a substantive change.

ftfy (Apache-2.0, maintained) does the detection and the repair; it is restricted here to encoding repairs.
Quote styles, widths, ligatures and line breaks are compared by the reader and stay as the copy has them.
"""

from __future__ import annotations

import re
from collections import Counter

from ftfy import TextFixerConfig, fix_and_explain
from ftfy.badness import is_bad

_ENCODING_ONLY = TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=True,
)
# UTF-8's lead bytes 0xC2-0xF4 read as Windows-1252 or Latin-1 are the letters Â-ô, and read as
# Windows-1251 (Cyrillic) start with Р or С: no mojibake of UTF-8 without one. A cheap test first, as
# ftfy's badness test costs tens of microseconds a paragraph.
_LEAD_BYTE_AS_LETTER = re.compile("[\u00c2-\u00f4\u0420\u0421]")
_NAMES = {
    "sloppy-windows-1252": "Windows-1252",
    "latin-1": "Latin-1",
    "sloppy-windows-1251": "Windows-1251",
    "windows-1252": "Windows-1252",
    "windows-1251": "Windows-1251",
    "macroman": "Mac Roman",
    "cp437": "CP437",
}


def repair(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """The paragraphs with mojibake repaired, and what was repaired ("3 paragraphs: UTF-8 read as
    Windows-1252"), or None when nothing was. Paragraphs without the marks of mojibake are not touched."""
    repaired, count, how = [], 0, set()
    for text in paragraphs:
        if _LEAD_BYTE_AS_LETTER.search(text) and is_bad(text):
            fixed, steps = fix_and_explain(text, _ENCODING_ONLY)
            if fixed != text and steps and not _shows_both_forms(text, fixed, steps):
                text = fixed
                count += 1
                how |= {_explain(steps)}
        repaired.append(text)
    if not count:
        return paragraphs, None
    return repaired, f"{count} paragraph{'s' if count != 1 else ''}: {', '.join(sorted(how))}"


def _shows_both_forms(text: str, fixed: str, steps) -> bool:
    """Whether ftfy fixed sequences here and there (not the whole text re-read in another encoding) only to
    make characters the text already holds as written: "é appears as Ã©" is about mojibake, not mojibake."""
    if any(action == "decode" for action, _ in steps):
        return False
    before, after = Counter(text), Counter(fixed)
    return any(before[c] for c, n in after.items() if n > before[c] and not c.isascii())


def _explain(steps) -> str:
    """ftfy's steps ("encode sloppy-windows-1252", "decode utf-8") in words: "UTF-8 read as Windows-1252"."""
    encoded = [name for action, name in steps if action == "encode"]
    decoded = [name for action, name in steps if action == "decode"]
    if encoded and decoded:
        return f"{decoded[-1].upper().replace('UTF-8-VARIANTS', 'UTF-8')} read as {_NAMES.get(encoded[0], encoded[0])}"
    return "mis-encoded characters"
