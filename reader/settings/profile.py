"""Newsroom style profiles: which spellings are house style, transliteration or US/UK variants.

A profile is YAML with these keys (all optional)::

    name: my-desk
    extends: default            # or "none" to start from an empty profile
    style: [["U.S.", "US"], ["per cent", "percent", "%"]]
    transliterations: [["Gaddafi", "Qaddafi"]]
    spelling: [["grey", "gray"]]
    agencies: ["Meridian", ["Associated Press", "AP"]]   # a list names one agency and its aliases

Each list in ``style``, ``transliterations`` and ``spelling`` is a group of spellings that mean the same
thing; a user's groups add to the built-in ones (a group sharing a spelling with an existing group joins it).
Spellings written in capitals (``US``, ``UN``) only match text written in capitals, so ``us`` is never ``US``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex
import yaml

from reader.errors import ReaderError
from reader.settings.config import (
    compose_settings,
    cut,
    read_settings_text,
    settings_file_exists,
    yaml_problem,
)

TABLES = ("style", "transliterations", "spelling")
_KEYS = {"name", "extends", "description", *TABLES, "agencies", "noise_patterns"}
# A desk's own noise: regular expressions whose full matches are house style. Bounded so that a pattern
# that backtracks cannot stall a comparison: its length, their number, the text it is tried on, and the
# time of each match (the `regex` module's timeout; Python's `re` has none).
MAX_PATTERN_CHARS = 200
MAX_PATTERNS = 50
NOISE_TEXT_CHARS = 300
PATTERN_SECONDS = 0.05
USER_PROFILE_NAME = "profile.yaml"


# eq=False: profiles hash by identity, so they can key the word-diff cache.
@dataclass(frozen=True, eq=False)
class Profile:
    name: str = "default"
    # Each maps a case-folded spelling to the id of its equivalence group; ids are unique across tables.
    style: dict[str, int] = field(default_factory=dict)
    transliterations: dict[str, int] = field(default_factory=dict)
    spelling: dict[str, int] = field(default_factory=dict)
    agencies: tuple[str, ...] = ()
    # Each agency's names, its usual name first: ("Associated Press", "AP", "The Associated Press").
    agency_groups: tuple[tuple[str, ...], ...] = ()
    # Case-folded spellings that only match text in capitals (every entry for them was an acronym: "US").
    caps_only: frozenset[str] = frozenset()
    # Original spellings as written in the profile, for the word tokenizer (multi-word entries).
    spellings: tuple[str, ...] = ()
    noise_patterns: tuple[regex.Pattern, ...] = ()

    def is_user_noise(self, text: str) -> bool:
        """Whether ``text`` (one side of a change, stripped) is wholly matched by one of the profile's
        noise patterns; a pattern that runs out of time matches nothing."""
        text = text.strip()
        if not text or len(text) > NOISE_TEXT_CHARS:
            return False
        for pattern in self.noise_patterns:
            try:
                if pattern.fullmatch(text, timeout=PATTERN_SECONDS):
                    return True
            except TimeoutError:
                continue
        return False

    def group_of(self, text: str) -> tuple[str, int] | None:
        """(table name, group id) of a spelling in this profile, or None."""
        key = text.casefold().strip()
        if key in self.caps_only and not text.isupper():
            return None
        for table_name in TABLES:
            group = getattr(self, table_name).get(key)
            if group is not None:
                return table_name, group
        return None

    def same_group(self, table: dict[str, int], a: str, b: str) -> bool:
        key_a, key_b = a.casefold().strip(), b.casefold().strip()
        if (key_a in self.caps_only and not a.isupper()) or (key_b in self.caps_only and not b.isupper()):
            return False
        return key_a != key_b and key_a in table and table.get(key_a) == table.get(key_b)

    def is_style_variant(self, a: str, b: str) -> bool:
        return self.same_group(self.style, a, b)

    def is_spelling_variant(self, a: str, b: str) -> bool:
        return self.same_group(self.transliterations, a, b) or self.same_group(self.spelling, a, b)


# --- Parsing ----------------------------------------------------------------------------------------


def _where(origin: str, node: yaml.Node | None) -> str:
    return f"{origin}, line {node.start_mark.line + 1}" if node is not None and node.start_mark else origin


def _is_acronym(spelling: str) -> bool:
    letters = [c for c in spelling if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class _Builder:
    """Collects groups into tables, joining groups that share a spelling."""

    def __init__(self, base: Profile | None) -> None:
        self.tables: dict[str, dict[str, int]] = {t: dict(getattr(base, t)) if base else {} for t in TABLES}
        self.next_id = 1 + max([0, *(g for t in self.tables.values() for g in t.values())])
        self.caps_only = set(base.caps_only) if base else set()
        self.not_caps_only: set[str] = set()
        self.spellings = list(base.spellings) if base else []
        if base:
            self.not_caps_only = {k for t in self.tables.values() for k in t} - self.caps_only

    def add_group(self, table_name: str, group: list[str]) -> None:
        table = self.tables[table_name]
        keys = [item.casefold().strip() for item in group]
        joined = {table[k] for k in keys if k in table}
        group_id = self.next_id
        self.next_id += 1
        if joined:
            for key, old in list(table.items()):
                if old in joined:
                    table[key] = group_id
        for item, key in zip(group, keys):
            table[key] = group_id
            (self.caps_only if _is_acronym(item) else self.not_caps_only).add(key)
            self.spellings.append(item.strip())

    def profile(self, name: str, agency_groups: tuple[tuple[str, ...], ...], noise_patterns=()) -> Profile:
        return Profile(
            name=name,
            noise_patterns=tuple(noise_patterns),
            agencies=tuple(dict.fromkeys(a for group in agency_groups for a in group)),
            agency_groups=agency_groups,
            caps_only=frozenset(self.caps_only - self.not_caps_only),
            spellings=tuple(dict.fromkeys(self.spellings)),
            **self.tables,
        )


def _scalar(node: yaml.Node, origin: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise ReaderError(f"{_where(origin, node)}: {what} must be a plain value, not a list or mapping")
    value = node.value.strip()
    if not value:
        raise ReaderError(f"{_where(origin, node)}: {what} is empty")
    return value


def _groups(node: yaml.Node, key: str, origin: str) -> list[list[str]]:
    example = '- ["U.S.", "US"]'
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise ReaderError(f"{_where(origin, node)}: '{key}' must be a list of groups, e.g. {example}")
    groups = []
    for group_node in node.value:
        if not isinstance(group_node, yaml.SequenceNode):
            raise ReaderError(
                f"{_where(origin, group_node)}: each '{key}' entry must be a list of equivalent spellings, "
                f"e.g. {example}"
            )
        items = [_scalar(item, origin, f"a '{key}' spelling") for item in group_node.value]
        if len(items) < 2:
            raise ReaderError(f"{_where(origin, group_node)}: a '{key}' group needs at least two spellings")
        groups.append(items)
    return groups


def parse_profile(
    text: str, origin: str, base: Profile | None = None, extra_spelling: Iterable[Sequence[str]] = ()
) -> Profile:
    """Parse a profile; its lists extend ``base`` (the built-in profile) unless it says ``extends: none``.
    ``extra_spelling`` adds spelling groups from a data table (the built-in US/UK list)."""
    try:
        root = compose_settings(text, origin)  # aliases refused
    except yaml.YAMLError as error:
        line, problem = yaml_problem(error)
        where = f"{origin}, line {line}" if line is not None else origin
        raise ReaderError(f"{where}: invalid YAML ({problem})") from None
    if root is None:
        entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    elif not isinstance(root, yaml.MappingNode):
        raise ReaderError(
            f"{_where(origin, root)}: a profile must be a mapping with keys {', '.join(sorted(_KEYS))}"
        )
    else:
        entries = {}
        for key_node, value_node in root.value:
            key = _scalar(key_node, origin, "a key")
            if key not in _KEYS:
                raise ReaderError(
                    f"{_where(origin, key_node)}: unknown key '{cut(key)}' (expected one of {', '.join(sorted(_KEYS))})"
                )
            if key in entries:
                raise ReaderError(f"{_where(origin, key_node)}: '{key}' appears twice")
            entries[key] = (key_node, value_node)

    extends = "default"
    if "extends" in entries:
        extends = _scalar(entries["extends"][1], origin, "'extends'").casefold()
        if extends not in ("default", "none"):
            raise ReaderError(
                f"{_where(origin, entries['extends'][1])}: 'extends' must be 'default' or 'none'"
            )
    start = base if extends == "default" else None

    builder = _Builder(start)
    for group in extra_spelling:
        builder.add_group("spelling", group)
    for table_name in TABLES:
        if table_name in entries:
            for group in _groups(entries[table_name][1], table_name, origin):
                builder.add_group(table_name, group)
    groups: list[tuple[str, ...]] = list(start.agency_groups) if start else []
    if "agencies" in entries:
        node = entries["agencies"][1]
        if not isinstance(node, yaml.SequenceNode):
            raise ReaderError(
                f"{_where(origin, node)}: 'agencies' must be a list of names, e.g. [Reuters, AP]"
            )
        for item in node.value:
            if isinstance(item, yaml.SequenceNode):
                names = tuple(_scalar(alias, origin, "an agency name") for alias in item.value)
            else:
                names = (_scalar(item, origin, "an agency name"),)
            if names:
                groups = _join_agency(groups, names)
    patterns = list(start.noise_patterns) if start else []
    if "noise_patterns" in entries:
        patterns += _noise_patterns(entries["noise_patterns"][1], origin)
    if len(patterns) > MAX_PATTERNS:
        raise ReaderError(f"{origin}: at most {MAX_PATTERNS} noise patterns, not {len(patterns)}")
    name = _scalar(entries["name"][1], origin, "'name'") if "name" in entries else Path(origin).stem
    return builder.profile(name, tuple(groups), patterns)


def _noise_patterns(node: yaml.Node, origin: str) -> list[regex.Pattern]:
    if not isinstance(node, yaml.SequenceNode):
        raise ReaderError(f"{_where(origin, node)}: 'noise_patterns' must be a list of regular expressions")
    patterns = []
    for item in node.value:
        text = _scalar(item, origin, "a noise pattern")
        if len(text) > MAX_PATTERN_CHARS:
            raise ReaderError(
                f"{_where(origin, item)}: noise pattern '{cut(text)}' is over {MAX_PATTERN_CHARS} characters"
            )
        try:
            patterns.append(regex.compile(text, regex.VERSION1))
        except regex.error as error:
            raise ReaderError(
                f"{_where(origin, item)}: noise pattern '{cut(text)}' is not a valid regular expression ({error})"
            ) from None
    return patterns


def _join_agency(groups: list[tuple[str, ...]], names: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Add one agency's names; a group that shares a name with it (any case) takes the new names."""
    keys = {n.casefold() for n in names}
    joined = [g for g in groups if keys & {n.casefold() for n in g}]
    merged = tuple(dict.fromkeys([*(n for g in joined for n in g), *names]))
    return [g for g in groups if g not in joined] + [merged]


# --- Where profiles come from ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def default_profile() -> Profile:
    data = resources.files("reader.data")
    text = data.joinpath("default_profile.yaml").read_text(encoding="utf-8")
    spellings = data.joinpath("us_uk_spelling.tsv").read_text(encoding="utf-8")
    pairs = [line.split("\t") for line in spellings.splitlines() if line and not line.startswith("#")]
    return parse_profile(text, "built-in profile", extra_spelling=pairs)


def load_profile(path: str | Path) -> Profile:
    """A user profile file, on top of the built-in profile: a regular file of at most 1 MB."""
    try:
        text = read_settings_text(path, "profile")
    except FileNotFoundError:
        raise ReaderError(f"{path}: cannot read profile (no such file)") from None
    return parse_profile(text, str(path), base=default_profile())


def user_profile_path() -> Path:
    from reader.settings.config import config_dir

    return config_dir() / USER_PROFILE_NAME


def resolve_profile(path: str | Path | None = None) -> Profile:
    """``--profile FILE`` when given, else ``profile.yaml`` in the config directory when present, else
    the built-in profile."""
    if path:
        return load_profile(path)
    user = user_profile_path()
    if settings_file_exists(user):
        return load_profile(user)
    return default_profile()
