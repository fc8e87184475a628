"""Errors the user sees as one line; the CLI turns them into exit code 2."""


class ReaderError(Exception):
    """A problem with the user's input or options, explained in one line."""


class InputError(ReaderError):
    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
