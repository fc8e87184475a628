"""Newsroom style profiles: which spellings are house style, transliteration or US/UK variants."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from reader.errors import ReaderError

_KEYS = {"name", "style", "transliterations", "spelling", "agencies"}


# eq=False: profiles hash by identity, so they can key the word-diff cache.
@dataclass(frozen=True, eq=False)
class Profile:
    name: str = "default"
    # Each maps a case-folded spelling to the id of its equivalence group.
    style: dict[str, int] = field(default_factory=dict)
    transliterations: dict[str, int] = field(default_factory=dict)
    spelling: dict[str, int] = field(default_factory=dict)
    agencies: tuple[str, ...] = ()

    def same_group(self, table: dict[str, int], a: str, b: str) -> bool:
        key_a, key_b = a.casefold().strip(), b.casefold().strip()
        return key_a != key_b and key_a in table and table.get(key_a) == table.get(key_b)

    def is_style_variant(self, a: str, b: str) -> bool:
        return self.same_group(self.style, a, b)

    def is_spelling_variant(self, a: str, b: str) -> bool:
        return self.same_group(self.transliterations, a, b) or self.same_group(self.spelling, a, b)


def _line_of(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    return f", line {mark.line + 1}" if mark is not None else ""


def _groups(data: dict, key: str, origin: str, into: dict[str, int], next_id: int) -> int:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(
        isinstance(group, list) and all(isinstance(item, str) for item in group) for group in value
    ):
        raise ReaderError(f"{origin}: '{key}' must be a list of lists of strings")
    for group in value:
        for item in group:
            into[item.casefold().strip()] = next_id
        next_id += 1
    return next_id


def parse_profile(text: str, origin: str, base: Profile | None = None) -> Profile:
    """Parse a profile; its lists extend ``base`` (the built-in profile) when given."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise ReaderError(f"{origin}{_line_of(error)}: invalid YAML ({getattr(error, 'problem', error)})") from None
    if not isinstance(data, dict):
        raise ReaderError(f"{origin}: a profile must be a mapping with keys {', '.join(sorted(_KEYS))}")
    unknown = set(data) - _KEYS
    if unknown:
        raise ReaderError(f"{origin}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    style = dict(base.style) if base else {}
    transliterations = dict(base.transliterations) if base else {}
    spelling = dict(base.spelling) if base else {}
    next_id = 1 + max([0, *style.values(), *transliterations.values(), *spelling.values()])
    next_id = _groups(data, "style", origin, style, next_id)
    next_id = _groups(data, "transliterations", origin, transliterations, next_id)
    _groups(data, "spelling", origin, spelling, next_id)
    agencies = data.get("agencies", [])
    if not isinstance(agencies, list) or not all(isinstance(a, str) for a in agencies):
        raise ReaderError(f"{origin}: 'agencies' must be a list of strings")
    return Profile(
        name=str(data.get("name", origin)),
        style=style,
        transliterations=transliterations,
        spelling=spelling,
        agencies=tuple(base.agencies if base else ()) + tuple(agencies),
    )


@lru_cache(maxsize=1)
def default_profile() -> Profile:
    text = resources.files("reader.data").joinpath("default_profile.yaml").read_text(encoding="utf-8")
    return parse_profile(text, "built-in profile")


def load_profile(path: str | Path) -> Profile:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ReaderError(f"{path}: cannot read profile ({getattr(error, 'strerror', None) or error})") from None
    return parse_profile(text, str(path), base=default_profile())
