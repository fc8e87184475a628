"""Command-line arguments to articles: files, folders (every supported file, in name order), ``-`` for
standard input and http(s) URLs."""

from __future__ import annotations

import os
import re
from pathlib import Path

from reader.errors import InputError, ReaderError
from reader.loading import STDIN, Limits, load_article
from reader.loading.fetch import is_url
from reader.loading.sniff import SUPPORTED_SUFFIXES
from reader.model import Article

# Answer keys and notes that live beside sample articles are not articles.
_NOT_ARTICLES = re.compile(r"^(?:readme|license|licence|changelog|notes?)(?:\.\w+)?$", re.IGNORECASE)
_SKIPPED_SUFFIXES = (".yaml", ".yml", ".json")


def natural_key(name: str) -> list[object]:
    """Name order as people expect it: "2-x" before "10-x"."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", name)]


def folder_articles(folder: str) -> list[str]:
    try:
        entries = list(Path(folder).iterdir())
    except PermissionError:
        raise InputError(folder, "permission denied (cannot list the folder)") from None
    except OSError as error:
        raise InputError(folder, f"cannot list the folder: {error.strerror or error}") from None
    files = []
    for path in entries:
        name = path.name
        if (
            name.startswith((".", "~$"))
            or _NOT_ARTICLES.match(name)
            or name.lower().endswith(_SKIPPED_SUFFIXES)
        ):
            continue
        if not name.lower().endswith(SUPPORTED_SUFFIXES):
            continue
        if path.is_file():
            files.append(path)
    if not files:
        raise InputError(
            folder, "folder holds no article files (" + ", ".join(sorted(set(SUPPORTED_SUFFIXES))) + ")"
        )
    return [str(path) for path in sorted(files, key=lambda p: natural_key(p.name))]


def expand_sources(arguments: list[str]) -> list[str]:
    sources: list[str] = []
    for argument in arguments:
        if argument == STDIN or is_url(argument):
            sources.append(argument)
        elif os.path.isdir(argument):
            sources.extend(folder_articles(argument))
        else:
            sources.append(argument)
    if sources.count(STDIN) > 1:
        raise ReaderError("standard input ('-') can be given only once")
    return sources


def load_sources(arguments: list[str], limits: Limits | None = None) -> list[Article]:
    return [load_article(source, limits) for source in expand_sources(arguments)]


def use_terminal_for_keys() -> None:
    """After an article was piped in (``... | reader wire.txt -``), standard input is the exhausted pipe;
    the app reads keys from standard input, so reconnect it to the terminal."""
    import sys

    try:
        if sys.stdin is not None and sys.stdin.isatty():
            return
    except ValueError:  # stdin closed
        pass
    try:
        terminal = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise ReaderError(
            "the app needs a terminal for keys, but standard input was a pipe and no terminal is available; "
            "use 'reader compare ... -' for a report instead"
        ) from None
    os.dup2(terminal, 0)
    os.close(terminal)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 (lives as long as the process)
