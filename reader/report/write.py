"""Write a report file atomically, never over an existing file without --force, never over an input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.errors import ReaderError


def write_report(path: str, text: str, *, force: bool = False, inputs: list[str] = ()) -> None:
    target = Path(path)
    for source in inputs:
        if os.path.exists(source) and target.exists() and os.path.samefile(source, target):
            raise ReaderError(f"{path}: is one of the articles being compared; refusing to overwrite it")
    if target.exists() and not force:
        raise ReaderError(f"{path}: already exists (use --force to overwrite)")
    if target.is_dir():
        raise ReaderError(f"{path}: is a folder")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError as error:
        raise ReaderError(f"{path}: cannot write ({error.strerror or error})") from None
