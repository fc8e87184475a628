"""Export a comparison to a new file with a time-stamped name, for the app's export key and palette action."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from reader.errors import ReaderError
from reader.model import Comparison
from reader.report import render
from reader.report.write import write_report

EXTENSIONS = {"html": "html", "markdown": "md", "json": "json"}
_ATTEMPTS = 100


def _stamp(now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    return now.astimezone(timezone.utc).strftime("%Y-%m-%dT%H%M")


def report_name(fmt: str, stamp: str, attempt: int = 0) -> str:
    """``reader-report-2026-11-22T0512.html``, then ``...T0512-2.html``, ``-3`` ... for later attempts."""
    suffix = f"-{attempt + 1}" if attempt else ""
    return f"reader-report-{stamp}{suffix}.{EXTENSIONS[fmt]}"


def export_comparison(comparison: Comparison, fmt: str, directory: str | os.PathLike = ".") -> Path:
    """Write the report in ``fmt`` (html, markdown or json) to a file name not yet taken in ``directory``.

    Returns the path written. Never overwrites anything (the name is claimed atomically) and never touches
    the compared articles. Raises ``ReaderError`` with a one-line reason when it cannot write.
    """
    if fmt not in EXTENSIONS:
        raise ReaderError(f"unknown report format {fmt!r} (choose html, markdown or json)")
    folder = Path(directory)
    if not folder.is_dir():
        raise ReaderError(f"{folder}: is not a folder")
    text = render(comparison, fmt)
    inputs = [comparison.base.path, *(v.article.path for v in comparison.versions)]
    stamp = _stamp()
    for attempt in range(_ATTEMPTS):
        target = folder / report_name(fmt, stamp, attempt)
        if os.path.lexists(target):
            continue
        try:
            return write_report(target, text, force=False, inputs=inputs)
        except ReaderError:
            if os.path.lexists(target):  # someone took the name between our look and our write
                continue
            raise
    raise ReaderError(f"{folder}: no free report file name left for {stamp}")
