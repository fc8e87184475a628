"""Command line: ``reader FILES...`` opens the app, ``reader demo`` the samples, ``reader compare`` reports."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import resources
from pathlib import Path

from reader.cli_args import EXIT_ERROR, EXIT_FOUND, EXIT_OK, build_parser, command_argv
from reader.errors import ReaderError
from reader.inert import visible_name
from reader.loading.sources import load_sources
from reader.settings.limits import Limits
from reader.settings.profile import Profile, resolve_profile


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
    fmt = args.format or format_for_output(args.output, default=_stdout_format(args.output))
    text = render(comparison, fmt)
    if args.output is not None and args.output != "-":
        from reader.loading.sources import expand_sources
        from reader.report.write import write_report

        write_report(args.output, text, force=args.force, inputs=expand_sources(args.sources))
        print(f"reader: wrote {fmt} report to {visible_name(args.output)}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_FOUND if args.fail_on and comparison.reaches(args.fail_on) else EXIT_OK


def _stdout_format(output: str | None) -> str:
    """Without --format or a telling file name: Markdown for a person at a terminal, JSON for a program."""
    to_terminal = output in (None, "-") and sys.stdout.isatty()
    return "markdown" if to_terminal else "json"


def _require_terminal() -> None:
    """The full-screen reader needs a terminal that can show it; anything else gets a pointer to reports."""
    if os.environ.get("TERM") == "dumb":
        reason = "TERM=dumb cannot show it"
    elif not sys.stdout.isatty():
        reason = "standard output is not a terminal"
    elif not sys.stderr.isatty():  # Textual draws on standard error
        reason = "standard error is not a terminal"
    else:
        return
    raise ReaderError(
        f"the full-screen reader needs a terminal ({reason}); for a report use 'reader compare BASE OTHER... --format markdown'"
    )


def _run_app(args: argparse.Namespace, sources: list[str]) -> int:
    _require_terminal()
    articles = load_sources(sources, _limits(args))
    if len(articles) < 2:
        raise ReaderError("the reader needs a base and at least one other version")
    profile = _profile(args)
    if "-" in sources:
        from reader.loading.sources import use_terminal_for_keys

        use_terminal_for_keys()
    from reader.ui.app import ReaderApp

    ReaderApp(articles, profile=profile, theme_name=getattr(args, "theme", None)).run()
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        if not argv:
            parser.print_help()
            return EXIT_OK
        args = parser.parse_args(command_argv(argv))
        if args.command == "compare":
            return _run_compare(args)
        if args.command == "demo":
            return _run_app(args, [str(sample_folder())])
        if args.command == "config":
            from reader.ui.settings_check import run_config_command

            return run_config_command()
        if args.command == "completion":
            from reader.shell_files import completion_script

            sys.stdout.write(completion_script(args.shell))
            return EXIT_OK
        return _run_app(args, args.sources)
    except ReaderError as error:
        print(f"reader: error: {visible_name(str(error))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except (RecursionError, MemoryError) as error:
        print(
            f"reader: error: input too large or too deeply nested to process ({type(error).__name__})",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except Exception as error:  # last resort: one line, not a traceback (READER_DEBUG=1 shows it)
        import os

        if os.environ.get("READER_DEBUG"):
            raise
        detail = visible_name(str(error))[:200]
        print(
            f"reader: error: unexpected {type(error).__name__}: {detail} (READER_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_ERROR
