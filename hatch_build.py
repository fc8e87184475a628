"""Build hook: the man page and the shell completions, generated from the argument parser, into the wheel.

The parser (``reader.cli_args``) needs only the standard library, so the build imports it from the source
tree without installing the reader's dependencies.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ShellFilesHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        sys.path.insert(0, self.root)
        try:
            from reader.shell_files import INSTALLED_AS, shell_files
        finally:
            sys.path.remove(self.root)
        folder = self._folder = Path(tempfile.mkdtemp(prefix="reader-shell-files-"))
        for key, text in shell_files().items():
            path = folder / Path(INSTALLED_AS[key]).name
            path.write_text(text, encoding="utf-8")
            build_data["shared_data"][str(path)] = INSTALLED_AS[key]

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)
