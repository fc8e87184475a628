"""The input limits and reading options, with their defaults: read by the loaders and by the argument
parser (which builds ``reader --help``, the completions and the man page from the standard library alone)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Input limits and reading options; each can be set from the command line (see ``reader --help``)."""

    max_bytes: int = 20 * 1024 * 1024
    max_paragraphs: int = 20_000
    max_paragraph_chars: int = 200_000
    # Seconds to wait for a server when a URL is given (--timeout).
    timeout: float = 20.0
    # Read every file in this encoding instead of detecting it (--encoding).
    encoding: str | None = None
