"""Write a report file atomically, never over an existing file without --force, never over an input.

The text goes to a temporary file in the target's folder, is flushed to disk, and only then takes the
target's name, so a crash leaves either no report or a whole one, never half of one. Without ``force`` the
temporary file is *linked* to the target name, which fails if the name exists: there is no moment at which a
file created by someone else in the meantime could be overwritten.

Only a regular file is ever replaced: a device, a named pipe, a socket or a folder is refused, and a
symbolic link is written through (its target replaced, the link kept) only when it leads to a regular file.
Inputs are recognised by device and inode, as ``cat`` does, so neither a second name for an input (a link,
a name shown differently) nor the file behind standard input is overwritten by its own report. SIGTERM and
SIGHUP during the write remove the temporary file before the process ends as the signal asks.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
import threading
from contextlib import contextmanager, suppress
from pathlib import Path

from reader.errors import ReaderError
from reader.inert import visible_name
from reader.loading import STDIN

# The process umask, read once: mkstemp creates files readable only by their owner, reports should not be.
_UMASK = os.umask(0o022)
os.umask(_UMASK)

# ".rdr-" + 8 random characters + ".tmp": short, so that a target name of up to NAME_MAX bytes still works.
_TEMPORARY_PREFIX, _TEMPORARY_SUFFIX = ".rdr-", ".tmp"
_DEFAULT_NAME_MAX = 255
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

_NOT_REGULAR = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)

Identity = tuple[int, int]


class _Stopped(BaseException):
    """A stop signal arrived during the write (a BaseException, so no ``except Exception`` swallows it)."""

    def __init__(self, signo: int) -> None:
        super().__init__(signo)
        self.signo = signo


def _identity(info: os.stat_result) -> Identity:
    return info.st_dev, info.st_ino


def input_identities(sources) -> set[Identity]:
    """Device and inode of every input that is a file: ``-`` is whatever standard input is connected to."""
    identities = set()
    for source in sources:
        try:
            info = os.fstat(0) if os.fspath(source) == STDIN else os.stat(source)
        except (OSError, ValueError):  # a URL, a file gone since, a name holding NUL
            continue
        identities.add(_identity(info))
    return identities


def _describe(error: OSError) -> str:
    if error.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return error.strerror or str(error)


def _check_name_length(target: Path, shown: str) -> None:
    try:
        limit = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = _DEFAULT_NAME_MAX
    size = len(os.fsencode(target.name))
    if size > limit:
        raise ReaderError(f"{shown}: file name too long ({size} bytes; at most {limit} here)")


def _lstat(target: Path, shown: str) -> os.stat_result | None:
    try:
        return os.lstat(target)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise ReaderError(f"{shown}: a part of the path is not a folder") from None
    except OSError as error:
        raise ReaderError(f"{shown}: cannot write ({_describe(error)})") from None


def _refuse_unless_regular(info: os.stat_result, what: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ReaderError(f"{what} a folder")
    for test, kind in _NOT_REGULAR:
        if test(info.st_mode):
            raise ReaderError(
                f"{what} {kind}, not a regular file; refusing to replace it (use - for standard output)"
            )
    if not stat.S_ISREG(info.st_mode):
        raise ReaderError(f"{what} not a regular file; refusing to replace it")


def _stat_through_link(link: Path, shown: str) -> os.stat_result:
    try:
        return os.stat(link)
    except OSError:
        raise ReaderError(
            f"{shown}: is a symbolic link that leads to no file; refusing to write through it"
        ) from None


def _link_target(link: Path, info: os.stat_result, shown: str) -> Path:
    """The name of the regular file a symbolic link leads to (written there, so the link stays a link)."""
    resolved = Path(os.path.realpath(link))
    try:
        same = _identity(os.stat(resolved)) == _identity(info)
    except OSError:
        same = False
    if not same:  # e.g. /proc/self/fd links to a deleted file
        raise ReaderError(
            f"{shown}: cannot tell which file the symbolic link leads to; refusing to write through it"
        )
    return resolved


def _file_to_write(target: Path, shown: str, force: bool, inputs: set[Identity]) -> Path:
    """``target``, or the regular file a symbolic link named ``target`` leads to; refuse anything else."""
    info = _lstat(target, shown)
    if info is None:
        return target
    link = stat.S_ISLNK(info.st_mode)
    if link:
        info = _stat_through_link(target, shown)
    if _identity(info) in inputs:
        raise ReaderError(f"{shown}: is one of the articles being compared; refusing to overwrite it")
    _refuse_unless_regular(info, f"{shown}: is a symbolic link to" if link else f"{shown}: is")
    if not force:
        raise ReaderError(f"{shown}: already exists (use --force to overwrite)")
    return _link_target(target, info, shown) if link else target


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


@contextmanager
def _stop_signals_held():
    """Hold SIGTERM and SIGHUP back (they arrive when this ends) while a step must not be cut in two."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def _stop_signals_interrupt():
    """While the write runs, SIGTERM and SIGHUP raise ``_Stopped`` so the temporary file can be removed;
    the handlers in place before are restored afterwards. Only the main thread can set handlers (an app
    worker thread writes without them), and a signal that is ignored (``nohup``) stays ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signo, frame):
        raise _Stopped(signo)

    previous = {}
    try:
        for signo in _STOP_SIGNALS:
            if signal.getsignal(signo) is not signal.SIG_IGN:
                previous[signo] = signal.signal(signo, stop)
        yield
    finally:
        for signo, handler in previous.items():
            signal.signal(signo, signal.SIG_DFL if handler is None else handler)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _remove(temporary: str) -> None:
    with suppress(OSError):
        os.unlink(temporary)


def _write_and_publish(target: Path, data: bytes, force: bool, shown: str) -> None:
    folder = target.parent
    temporary = None
    try:
        with _stop_signals_held():  # a signal arriving now finds the temporary file's name already known
            descriptor, temporary = tempfile.mkstemp(
                prefix=_TEMPORARY_PREFIX, suffix=_TEMPORARY_SUFFIX, dir=folder
            )
        with os.fdopen(descriptor, "wb") as out:
            _write_all(out.fileno(), data)
            os.fsync(out.fileno())
        os.chmod(temporary, 0o666 & ~_UMASK)
        _publish(temporary, target, force, shown)
        temporary = None
        _fsync_folder(folder)
    except OSError as error:
        raise ReaderError(f"{shown}: cannot write ({_describe(error)})") from None
    finally:
        if temporary is not None:
            with _stop_signals_held():
                _remove(temporary)


def _stop_as_asked(signo: int, shown: str) -> None:
    """Deliver the signal again to the handler in place before the write: by default the process ends by it
    (exit status 128 + signal number), as it would have without the write; a handler that returns gets an error."""
    signal.raise_signal(signo)
    raise ReaderError(f"{shown}: not written (stopped by {signal.Signals(signo).name})")


def write_report(path: str | os.PathLike, text: str, *, force: bool = False, inputs=()) -> Path:
    """Write ``text`` to ``path``; raise ``ReaderError`` (one line) when that is not allowed or not possible.

    ``inputs`` are the sources compared (file names as given, ``-`` for standard input): none is overwritten."""
    name = os.fspath(path)
    if not name:
        raise ReaderError("the output file name is empty (use - for standard output)")
    shown = visible_name(name)
    target = Path(name)
    if name.endswith(os.sep):
        raise ReaderError(f"{shown}: not a file name")
    _check_name_length(target, shown)
    destination = _file_to_write(target, shown, force, input_identities(inputs))
    if not os.path.isdir(destination.parent):
        raise ReaderError(f"{shown}: folder {visible_name(str(destination.parent))} does not exist")
    # Names in reports are already valid UTF-8 (visible_name); anything else left is shown, never raw bytes.
    data = text.encode("utf-8", errors="backslashreplace")
    try:
        with _stop_signals_interrupt():
            _write_and_publish(destination, data, force, shown)
    except _Stopped as stopped:
        _stop_as_asked(stopped.signo, shown)
    return target
