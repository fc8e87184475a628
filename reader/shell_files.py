"""Shell completions and the man page, generated from the one argument parser (``reader.cli_args``).

``reader completion SHELL`` prints a completion script; the wheel's build hook (``hatch_build.py``) writes the
same scripts and ``reader.1`` into the wheel's shared data, where shells and ``man`` look for them.
"""

from __future__ import annotations

import argparse

from reader import __version__
from reader.cli_args import SHELLS, build_parser

# Where each file goes under the installation prefix (e.g. the virtual environment), by convention.
INSTALLED_AS = {
    "bash": "share/bash-completion/completions/reader",
    "zsh": "share/zsh/site-functions/_reader",
    "fish": "share/fish/vendor_completions.d/reader.fish",
    "man": "share/man/man1/reader.1",
}
_PATH_OPTIONS = {"sources", "output", "profile"}


def _parser_for_completion() -> argparse.ArgumentParser:
    import shtab

    parser = build_parser()
    for action in _all_actions(parser):
        if action.dest in _PATH_OPTIONS:
            action.complete = shtab.FILE
    return parser


def _all_actions(parser: argparse.ArgumentParser):
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _all_actions(child)


def completion_script(shell: str) -> str:
    import shtab

    return shtab.complete(_parser_for_completion(), shell=shell)


def man_page() -> str:
    """The man page, dated by ``SOURCE_DATE_EPOCH`` when set (argparse-manpage honours it)."""
    from argparse_manpage.manpage import Manpage

    parser = build_parser()
    parser.usage = (
        None  # the hand-written usage lines are for the terminal; the man page derives its synopsis
    )
    page = Manpage(
        parser,
        _data={
            "project_name": "reader",
            "version": __version__,
            "manual_title": "reader manual",
            "description": "compare a wire-agency story with its reprints and rewrites",
        },
    )
    return str(page)


def shell_files() -> dict[str, str]:
    """Every generated file's text, by its ``INSTALLED_AS`` key."""
    files = {shell: completion_script(shell) for shell in SHELLS}
    files["man"] = man_page()
    return files
