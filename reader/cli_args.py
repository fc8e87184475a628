"""The command line's grammar: subcommands, options, help and examples.

Built from the standard library and ``reader.settings.limits`` alone, so that the build makes the man page and the
shell completions from this same parser without installing the reader's dependencies.
"""

from __future__ import annotations

import argparse
import difflib
import os

from reader import __version__
from reader.errors import ReaderError
from reader.report import FORMATS
from reader.settings.limits import Limits

COMMANDS = ("open", "demo", "compare", "config", "completion")
SHELLS = ("bash", "zsh", "fish")
FAIL_LEVELS = ("major", "minor", "any")
# Exit statuses, as diff(1) has them: 1 means "--fail-on found something", 2 an error.
EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2

SOURCES_HELP = (
    "an article: a text, Markdown, web page (.html), NITF or NewsML-G2 (.xml) or Word (.docx) file; a folder "
    "(every article in it, in name order); - for standard input; or an http(s):// URL. The first is the base"
)
USAGE = """\
reader BASE OTHER [OTHER ...]          open the side-by-side reader (BASE is the wire story)
reader demo                            open the bundled sample articles
reader compare BASE OTHER [OTHER ...] [--format json|markdown|html] [-o FILE] [--fail-on LEVEL]
reader config                          show themes, key binding ids and settings; check config.yaml
reader completion bash|zsh|fish        print a shell completion script"""
EPILOG = f"""\
examples:
  reader wire.txt copies/                    open the wire story against every copy in a folder
  reader compare wire.txt copy.html -o report.html
  reader compare wire.txt copies/ --fail-on major || echo "a major change"

A folder argument loads every supported file in it, in name order. 'reader compare' without --format writes
the format the -o file's name asks for, else Markdown to a terminal and JSON to a pipe or file.
Exit codes: {EXIT_OK} success (with --fail-on: nothing at that level), {EXIT_FOUND} --fail-on found findings \
or changes at that level, {EXIT_ERROR} usage or input error."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        raise ReaderError(f"{message} (see 'reader --help')")


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="style profile YAML that extends the built-in one (default: profile.yaml in the config directory)",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=Limits.max_bytes,
        metavar="N",
        help="largest input, in bytes (default %(default)s)",
    )
    parser.add_argument(
        "--max-paragraphs",
        type=int,
        default=Limits.max_paragraphs,
        metavar="N",
        help="most paragraphs per article (default %(default)s)",
    )
    parser.add_argument(
        "--max-paragraph-chars",
        type=int,
        default=Limits.max_paragraph_chars,
        metavar="N",
        help="longest paragraph, in characters (default %(default)s)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=Limits.timeout,
        metavar="SECONDS",
        help="longest wait for a whole URL fetch (default %(default)s)",
    )
    parser.add_argument(
        "--encoding", metavar="NAME", help="read text inputs in this encoding instead of detecting it"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        usage=USAGE,
        description="Compare a wire story with its reprints and rewrites.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, prog="reader", metavar="COMMAND")

    open_parser = sub.add_parser("open", help="open the reader on BASE and versions (the default command)")
    open_parser.add_argument("sources", nargs="+", metavar="FILE", help=SOURCES_HELP)
    open_parser.add_argument("--theme", help="colour theme name or YAML file")
    _common_options(open_parser)

    demo = sub.add_parser("demo", help="open the bundled sample articles")
    demo.add_argument("--theme", help="colour theme name or YAML file")
    _common_options(demo)

    compare = sub.add_parser("compare", help="print the analysis as JSON, Markdown or HTML")
    compare.add_argument("sources", nargs="+", metavar="FILE", help=SOURCES_HELP)
    compare.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="report format (default: from the -o file name, else markdown to a terminal, json otherwise)",
    )
    compare.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically) instead of standard output; '-' is standard output",
    )
    compare.add_argument("--force", action="store_true", help="overwrite an existing output file")
    compare.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        metavar="LEVEL",
        help="exit 1 when a finding at LEVEL exists: major, minor (or major), any (any finding or any change)",
    )
    _common_options(compare)

    sub.add_parser("config", help="show themes, key binding ids and settings; check config.yaml")

    completion = sub.add_parser("completion", help="print a completion script for bash, zsh or fish")
    completion.add_argument("shell", choices=SHELLS)
    return parser


def command_argv(argv: list[str]) -> list[str]:
    """``reader FILE ...`` is short for ``reader open FILE ...``; a first word that is no file but is close
    to a command is taken for a typo of it, not for a missing file."""
    if not argv or argv[0] in COMMANDS or argv[0].startswith("-"):
        return argv
    first = argv[0]
    if not os.path.lexists(first) and "://" not in first:
        close = difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.7)
        if close:
            raise ReaderError(f"unknown command {first!r}; did you mean {close[0]!r}? (see 'reader --help')")
    return ["open", *argv]
