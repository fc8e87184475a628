"""Command line: ``reader FILES...`` opens the app, ``reader demo`` the samples, ``reader compare`` reports."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from reader import __version__
from reader.errors import ReaderError
from reader.inert import visible_name
from reader.loading import Limits
from reader.profile import Profile, resolve_profile
from reader.sources import load_sources

FORMATS = ("json", "markdown", "html")
SOURCES_HELP = (
    "an article: a text, Markdown, web page (.html), NITF or NewsML-G2 (.xml) or Word (.docx) file; a folder "
    "(every article in it, in name order); - for standard input; or an http(s):// URL. The first is the base"
)
USAGE = """\
reader BASE OTHER [OTHER ...]          open the side-by-side reader (BASE is the wire story)
reader demo                            open the bundled sample articles
reader compare BASE OTHER [OTHER ...] --format json|markdown|html [-o FILE] [--force]
reader config                          show themes, key binding ids and settings; check config.yaml

A folder argument loads every supported file in it, in name order.
Exit codes: 0 success, 2 usage or input error."""


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
        "--max-bytes", type=int, default=Limits.max_bytes, metavar="N", help="largest input, in bytes (default %(default)s)"
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
        "--timeout", type=float, default=Limits.timeout, metavar="SECONDS", help="wait for a server, URL inputs (default %(default)s)"
    )
    parser.add_argument("--encoding", metavar="NAME", help="read text inputs in this encoding instead of detecting it")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reader", usage=USAGE, description="Compare a wire story with its reprints and rewrites.")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, prog="reader")

    open_parser = sub.add_parser("open", help="open the reader on BASE and versions")
    open_parser.add_argument("sources", nargs="+", metavar="FILE", help=SOURCES_HELP)
    open_parser.add_argument("--theme", help="colour theme name or YAML file")
    _common_options(open_parser)

    sub.add_parser("config", help="show themes, key binding ids and settings; check config.yaml")

    demo = sub.add_parser("demo", help="open the bundled sample articles")
    demo.add_argument("--theme", help="colour theme name or YAML file")
    _common_options(demo)

    compare = sub.add_parser("compare", help="print the analysis")
    compare.add_argument("sources", nargs="+", metavar="FILE", help=SOURCES_HELP)
    compare.add_argument(
        "--format", choices=FORMATS, default=None, help="report format (default: from the -o file name, else json)"
    )
    compare.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output; '-' is standard output"
    )
    compare.add_argument("--force", action="store_true", help="overwrite an existing output file")
    _common_options(compare)
    return parser


def sample_folder() -> Path:
    """The bundled samples: inside the installed package, or beside it in a source checkout."""
    packaged = Path(str(resources.files("reader"))) / "sample_articles"
    checkout = Path(__file__).resolve().parent.parent / "sample_articles"
    root = packaged if packaged.is_dir() else checkout
    return root / "harbour-strike"


def _profile(args: argparse.Namespace) -> Profile:
    """--profile FILE, else profile.yaml in the config directory when present, else the built-in one."""
    return resolve_profile(args.profile)


def _limits(args: argparse.Namespace) -> Limits:
    for name in ("max_bytes", "max_paragraphs", "max_paragraph_chars"):
        if getattr(args, name) < 1:
            raise ReaderError(f"--{name.replace('_', '-')} must be at least 1")
    if not 0 < args.timeout <= 3600:
        raise ReaderError("--timeout must be between 0 and 3600 seconds")
    if args.encoding:
        import codecs

        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise ReaderError(f"--encoding: unknown encoding {args.encoding!r}") from None
    return Limits(args.max_bytes, args.max_paragraphs, args.max_paragraph_chars, args.timeout, args.encoding)


def _run_compare(args: argparse.Namespace) -> int:
    from reader.comparison import compare
    from reader.report import format_for_output, render

    articles = load_sources(args.sources, _limits(args))
    if len(articles) < 2:
        raise ReaderError("compare needs a base and at least one other version")
    comparison = compare(articles[0], articles[1:], _profile(args))
    fmt = args.format or format_for_output(args.output)
    text = render(comparison, fmt)
    if args.output and args.output != "-":
        from reader.report.write import write_report

        write_report(args.output, text, force=args.force, inputs=[a.path for a in articles])
        print(f"reader: wrote {fmt} report to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _run_app(args: argparse.Namespace, sources: list[str]) -> int:
    articles = load_sources(sources, _limits(args))
    if len(articles) < 2:
        raise ReaderError("the reader needs a base and at least one other version")
    profile = _profile(args)
    if "-" in sources:
        from reader.sources import use_terminal_for_keys

        use_terminal_for_keys()
    from reader.ui.app import ReaderApp

    ReaderApp(articles, profile=profile, theme_name=getattr(args, "theme", None)).run()
    return 0


def _normalise_argv(argv: list[str]) -> list[str]:
    """``reader FILE ...`` is short for ``reader open FILE ...``."""
    if argv and argv[0] not in ("open", "demo", "compare", "config") and argv[0] not in ("-h", "--help", "--version"):
        return ["open", *argv]
    return argv


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        if not argv:
            parser.print_help()
            return 2
        args = parser.parse_args(_normalise_argv(argv))
        if args.command == "compare":
            return _run_compare(args)
        if args.command == "demo":
            return _run_app(args, [str(sample_folder())])
        if args.command == "config":
            from reader.ui.settings_check import run_config_command

            return run_config_command()
        return _run_app(args, args.sources)
    except ReaderError as error:
        print(f"reader: error: {visible_name(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except (RecursionError, MemoryError) as error:
        print(f"reader: error: input too large or too deeply nested to process ({type(error).__name__})", file=sys.stderr)
        return 2
    except Exception as error:  # last resort: one line, not a traceback (READER_DEBUG=1 shows it)
        import os

        if os.environ.get("READER_DEBUG"):
            raise
        detail = visible_name(str(error))[:200]
        print(f"reader: error: unexpected {type(error).__name__}: {detail} (READER_DEBUG=1 for details)", file=sys.stderr)
        return 2
