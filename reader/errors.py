"""Errors the user sees as one line; the CLI turns them into exit code 2."""

from reader.inert import visible_name


class ReaderError(Exception):
    """A problem with the user's input or options, explained in one line."""


class InputError(ReaderError):
    """A problem with one input: the message names it (``path: problem``)."""

    def __init__(self, source: str, problem: str) -> None:
        # The name is printed on a terminal: a file name holding escape sequences must not act on it.
        super().__init__(f"{visible_name(source)}: {problem}")
        self.source = source
        self.problem = problem
