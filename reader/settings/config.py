"""Where the user's own files live: profile.yaml, config.yaml (key bindings), themes/*.yaml; and how they
are read: only regular files under ``MAX_SETTINGS_BYTES``, as YAML without aliases.

A settings file is small and written by hand, so anything else (a FIFO that would block, ``/dev/zero``, a
folder, a 50 MB file, an alias "bomb" that expands 472 bytes into gigabytes) is refused with one line
before it is parsed. Values quoted in messages are cut to a few dozen characters.
"""

from __future__ import annotations

import errno
import os
import reprlib
import stat
from pathlib import Path

import yaml

from reader.errors import ReaderError

MAX_SETTINGS_BYTES = 1024 * 1024
# libyaml's parser when PyYAML was built with it (ten times faster), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_QUOTE_CHARS = 40


def config_dir() -> Path:
    """``$READER_CONFIG_DIR``, else ``$XDG_CONFIG_HOME/reader``, else ``~/.config/reader``."""
    explicit = os.environ.get("READER_CONFIG_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CONFIG_HOME")
    return (Path(xdg) if xdg else Path.home() / ".config") / "reader"


class SettingsFileError(ReaderError):
    """A settings file that cannot be read, explained in one line (``path: problem``)."""


_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = _QUOTE_CHARS
_SHORT.maxlist = _SHORT.maxdict = _SHORT.maxtuple = _SHORT.maxset = 4
_SHORT.maxlevel = 2


def quoted(value: object) -> str:
    """``repr(value)`` cut to a few dozen characters, built without formatting the whole value."""
    text = _SHORT.repr(value)
    return text if len(text) <= 2 * _QUOTE_CHARS else text[: 2 * _QUOTE_CHARS] + "..."


def _os_problem(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == errno.ENOTDIR:
        return "a part of the path is not a folder"
    return error.strerror or type(error).__name__


def settings_file_exists(path: Path) -> bool:
    """Whether a settings file is there (whatever it is); a folder that cannot be searched is an error."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return False
    except OSError as error:
        if error.errno == errno.ENOTDIR:
            return False
        raise SettingsFileError(
            f"{path}: cannot look for this settings file ({_os_problem(error)})"
        ) from None
    return True


def read_settings_text(path: str | os.PathLike, what: str = "settings file") -> str:
    """The text of a settings file: a regular UTF-8 file of at most ``MAX_SETTINGS_BYTES``. Raises
    ``FileNotFoundError`` when it is missing and ``SettingsFileError`` (one line) for anything else."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise
    except OSError as error:
        if isinstance(error, IsADirectoryError):
            raise SettingsFileError(f"{path}: cannot read {what} (is a folder, expected a file)") from None
        raise SettingsFileError(f"{path}: cannot read {what} ({_os_problem(error)})") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise SettingsFileError(f"{path}: cannot read {what} (is a folder, expected a file)")
        if not stat.S_ISREG(info.st_mode):
            raise SettingsFileError(
                f"{path}: cannot read {what} (not a regular file: a device, FIFO or socket)"
            )
        if info.st_size > MAX_SETTINGS_BYTES:
            raise SettingsFileError(
                f"{path}: {what} is {info.st_size:,} bytes, over the {MAX_SETTINGS_BYTES:,}-byte limit for settings files"
            )
    except BaseException:
        os.close(descriptor)
        raise
    with os.fdopen(descriptor, "rb") as handle:
        try:
            data = handle.read(MAX_SETTINGS_BYTES + 1)
        except OSError as error:
            raise SettingsFileError(f"{path}: cannot read {what} ({_os_problem(error)})") from None
    if len(data) > MAX_SETTINGS_BYTES:
        raise SettingsFileError(
            f"{path}: {what} is over the {MAX_SETTINGS_BYTES:,}-byte limit for settings files"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SettingsFileError(
            f"{path}: cannot read {what} (not UTF-8 text: bad byte at offset {error.start:,})"
        ) from None


def _line(node: yaml.Node) -> str:
    return f", line {node.start_mark.line + 1}" if node.start_mark else ""


def refuse_aliases(root: yaml.Node | None, origin: str) -> None:
    """Refuse a document that uses a YAML alias (``*name``): settings never need one, and an alias "bomb"
    expands exponentially once its value is built or printed. Composed nodes are shared, not copied, so
    finding a node twice is finding an alias; the walk visits each node once."""
    seen: set[int] = set()
    pending = [root] if root is not None else []
    while pending:
        node = pending.pop()
        if id(node) in seen:
            raise SettingsFileError(
                f"{origin}{_line(node)}: YAML aliases (*name) are not allowed in settings files"
            )
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                pending.extend((key, value))


def cut(text: str, limit: int = 2 * _QUOTE_CHARS) -> str:
    """A message fragment cut to ``limit`` characters."""
    return text if len(text) <= limit else text[:limit] + "..."


def yaml_problem(error: yaml.YAMLError) -> tuple[int | None, str]:
    """(line, problem) of a YAML error, the problem cut short."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or (str(error).splitlines() or [type(error).__name__])[0]
    return (mark.line + 1 if mark is not None else None), cut(problem)


def compose_settings(text: str, origin: str) -> yaml.Node | None:
    """The YAML node tree of a settings file, aliases refused (``SettingsFileError``). Syntax errors are
    ``yaml.YAMLError``: each kind of settings file words them its own way (see ``yaml_problem``)."""
    root = yaml.compose(text, Loader=SAFE_LOADER)
    refuse_aliases(root, origin)
    return root


def load_settings_yaml(text: str, origin: str) -> object:
    """Parse a settings file into Python values (safe types only), aliases refused; ``yaml.YAMLError`` for
    bad YAML or a tag that is not a safe type."""
    root = compose_settings(text, origin)
    if root is None:
        return None
    loader = SAFE_LOADER("")
    try:
        return loader.construct_document(root)
    finally:
        loader.dispose()
