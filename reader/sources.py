"""Command-line arguments to articles: files, folders (every supported file, in name order)."""

from __future__ import annotations

import os
from pathlib import Path

from reader.errors import InputError
from reader.loading import Limits, load_article
from reader.model import Article

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown")


def expand_sources(arguments: list[str]) -> list[str]:
    sources: list[str] = []
    for argument in arguments:
        if os.path.isdir(argument):
            files = sorted(
                str(path)
                for path in Path(argument).iterdir()
                if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith(".")
                and path.name.lower() != "readme.md"
            )
            if not files:
                raise InputError(argument, "folder holds no supported article files")
            sources.extend(files)
        else:
            sources.append(argument)
    return sources


def load_sources(arguments: list[str], limits: Limits | None = None) -> list[Article]:
    return [load_article(source, limits) for source in expand_sources(arguments)]
