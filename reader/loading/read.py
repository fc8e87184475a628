"""Read the bytes of a file or of standard input, within the size limit, opening files read-only.

A regular file is checked before and after reading: if its size or modification time changed in between
(an editor or a download still writing it), the read is refused rather than compared half-written.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from reader.errors import InputError

CHUNK = 1 << 20


def _read_capped(handle: BinaryIO, source: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = handle.read(CHUNK)
        if not chunk:
            break
        total += len(chunk)
        if total > max_bytes:
            raise InputError(source, f"is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _describe_os_error(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a folder, expected a file"
    if isinstance(error, NotADirectoryError):
        return "no such file (a part of the path is not a folder)"
    return f"cannot read: {error.strerror or error}"


def read_file_bytes(source: str, max_bytes: int) -> bytes:
    try:
        before = os.stat(source)
    except OSError as error:
        raise InputError(source, _describe_os_error(error)) from None
    mode = before.st_mode
    if stat.S_ISDIR(mode):
        raise InputError(source, "is a folder, expected a file")
    if stat.S_ISSOCK(mode) or stat.S_ISBLK(mode):
        raise InputError(source, "is not a regular file")
    regular = stat.S_ISREG(mode)
    if regular and before.st_size > max_bytes:
        raise InputError(
            source,
            f"is {before.st_size:,} bytes, over the {max_bytes:,}-byte limit (raise it with --max-bytes)",
        )
    try:
        # Pipes and process substitution (<(...)) are read as they come; O_NONBLOCK is not used, so an
        # unwritten pipe waits, as cat would.
        with open(source, "rb") as handle:
            data = _read_capped(handle, source, max_bytes)
            after = os.fstat(handle.fileno())
    except OSError as error:
        raise InputError(source, _describe_os_error(error)) from None
    if regular:
        # Files of /proc and /sys report size 0 whatever they hold; the length check is for real files.
        if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) or (
            after.st_size and len(data) != after.st_size
        ):
            raise InputError(source, "changed while being read (is it still being written?); try again")
    if not data:
        raise InputError(source, "is empty")
    return data


def read_stream_bytes(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    try:
        data = _read_capped(stream, source, max_bytes)
    except OSError as error:
        raise InputError(source, _describe_os_error(error)) from None
    if not data:
        raise InputError(source, "is empty (nothing was piped in)")
    return data
