"""Write a report file atomically, never over an existing file without --force, never over an input.

The text goes to a temporary file in the target's folder, is flushed to disk, and only then takes the
target's name, so a crash leaves either no report or a whole one, never half of one. Without ``force`` the
temporary file is *linked* to the target name, which fails if the name exists: there is no moment at which a
file created by someone else in the meantime could be overwritten.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from reader.errors import ReaderError

# The process umask, read once: mkstemp creates files readable only by their owner, reports should not be.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def _same_file(a: str | os.PathLike, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # not every file system lets a folder be synced; the file itself is already on disk
    finally:
        os.close(descriptor)


def _describe(error: OSError) -> str:
    return error.strerror or str(error)


def _publish(temporary: str, target: Path, force: bool, shown: str) -> None:
    if force:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise ReaderError(f"{shown}: already exists (use --force to overwrite)") from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # No hard links here (some network and FAT file systems): check, then rename.
        if os.path.lexists(target):
            raise ReaderError(f"{shown}: already exists (use --force to overwrite)") from None
        os.replace(temporary, target)
        return
    os.unlink(temporary)


def write_report(path: str | os.PathLike, text: str, *, force: bool = False, inputs=()) -> Path:
    """Write ``text`` to ``path``; raise ``ReaderError`` (one line) when that is not allowed or not possible."""
    target = Path(path)
    shown = str(path)
    if not shown or shown.endswith(os.sep):
        raise ReaderError(f"{shown or 'output'}: not a file name")
    if any(_same_file(source, target) for source in inputs):
        raise ReaderError(f"{shown}: is one of the articles being compared; refusing to overwrite it")
    if target.is_dir():
        raise ReaderError(f"{shown}: is a folder")
    if os.path.lexists(target) and not force:
        raise ReaderError(f"{shown}: already exists (use --force to overwrite)")
    folder = target.parent
    if not folder.is_dir():
        raise ReaderError(f"{shown}: folder {folder} does not exist")
    data = text.encode("utf-8", errors="surrogateescape")
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o666 & ~_UMASK)
        _publish(temporary, target, force, shown)
        temporary = None
        _fsync_folder(folder)
    except OSError as error:
        raise ReaderError(f"{shown}: cannot write ({_describe(error)})") from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
    return target
