"""Hostile inputs that are small on disk but used to cost minutes or gigabytes: how long ``reader compare``
takes on each, how much memory it peaks at, and what it says.

    python benchmarks/robustness_hostile.py               # every class
    python benchmarks/robustness_hostile.py blank docx    # classes whose name holds one of these words
    python benchmarks/robustness_hostile.py --timeout 60  # kill a run after 60 s (default 30)

Each class is generated in a temporary folder and run as ``reader compare BASE INPUT --format json`` in a
child process with its own config folder (``READER_CONFIG_DIR``); config, profile and theme classes also
run ``reader config``. Targets: under 10 s and 500 MB, or refused with one line in under 2 s. Peak memory
is the child's own maximum resident size (from ``os.wait4``). A child is capped at 4 GB of address space
so that a runaway case fails with MemoryError instead of taking the machine down.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "sample_articles" / "harbour-strike" / "00-wire.txt"
ADDRESS_SPACE_CAP = 4 << 30

SENTENCE = "Dock workers at the port voted on Thursday to extend their strike for another week, the union said."
LEDE = "PORT ALDER, March 3 (Meridian) - " + SENTENCE


def text_around(middle: str) -> bytes:
    """A small real-looking story with ``middle`` between its paragraphs."""
    return ("Strike extended\n\n" + LEDE + middle + SENTENCE + "\n\n" + SENTENCE + "\n").encode()


# --- Plain text ----------------------------------------------------------------------------------------


def blank_lines(folder: Path) -> list[str]:
    return [_write(folder / "blank-lines.txt", text_around("\n" + " \n" * 1_000_000 + "\n"))]


def form_feeds(folder: Path) -> list[str]:
    return [_write(folder / "form-feeds.txt", text_around("\n\f" * 1_000_000 + "\n"))]


def paragraph_separators(folder: Path) -> list[str]:
    return [_write(folder / "u2029.txt", text_around("\u2029" * 1_000_000))]


def dot_junk(folder: Path) -> list[str]:
    return [_write(folder / "dots.txt", text_around("\n\n" + ". " * 50_000 + "end\n\n"))]


def short_paragraphs(folder: Path) -> list[str]:
    body = "\n\n".join(f"Short paragraph {n} of the story." for n in range(19_997))
    return [_write(folder / "short-paragraphs.txt", ("Strike extended\n\n" + LEDE + "\n\n" + body + "\n").encode())]


def repeated_word(folder: Path) -> list[str]:
    return [_write(folder / "repeated-word.txt", text_around("\n\n" + "strike " * 23_000 + "\n\n"))]


def said_paragraph(folder: Path) -> list[str]:
    said = " ".join(f'"We will stay out," Jo Roe{n % 50} said.' for n in range(4_500))
    return [_write(folder / "said.txt", text_around("\n\n" + said + "\n\n"))]


# --- Web pages ---------------------------------------------------------------------------------------


def _page(body: str) -> bytes:
    return ("<!doctype html><html><head><title>Strike extended</title></head><body><article><h1>Strike extended</h1>"
            f"<p>{LEDE}</p>{body}</article></body></html>").encode()


def big_page(folder: Path) -> list[str]:
    paragraph = "<p>" + (SENTENCE + " ") * 10 + "</p>"
    return [_write(folder / "big-page.html", _page(paragraph * 18_500))]


def page_under_limit(folder: Path) -> list[str]:
    paragraph = "<p>" + (SENTENCE + " ") * 10 + "</p>"
    return [_write(folder / "page-8mb.html", _page(paragraph * 7_900))]


def div_paragraphs(folder: Path) -> list[str]:
    return [_write(folder / "divs.html", _page("".join(f"<div>{SENTENCE} {n}</div>" for n in range(60_000))))]


def p_in_script(folder: Path) -> list[str]:
    script = "<script>var s = '" + "<p>" * 25_000 + "';</script>"
    return [_write(folder / "p-in-script.html", _page(f"<p>{SENTENCE}</p>" * 5 + script))]


# --- Word ------------------------------------------------------------------------------------------


def _docx_parts() -> dict[str, bytes]:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _document_xml(paragraphs: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W_NS}><w:body>{paragraphs}</w:body></w:document>'.encode()


def _docx(path: Path, document: bytes) -> str:
    parts = _docx_parts()
    parts["word/document.xml"] = document
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return str(path)


def _understate(path: Path, name: str, declared: int) -> None:
    """Rewrite the uncompressed size the zip states for ``name`` (local header and central directory)."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            if data[start + name_at : start + name_at + len(encoded)] == encoded:
                data[start + size_at : start + size_at + 4] = declared.to_bytes(4, "little")
            start += 4
    path.write_bytes(bytes(data))


def docx_understated(folder: Path) -> list[str]:
    filler = "<w:p><w:r><w:t>" + "a" * 1_000_000 + "</w:t></w:r></w:p>"
    path = folder / "understated.docx"
    _docx(path, _document_xml(f"<w:p><w:r><w:t>{LEDE}</w:t></w:r></w:p>" + filler * 200))
    _understate(path, "word/document.xml", 2_000)
    return [str(path)]


def docx_inflates(folder: Path) -> list[str]:
    padding = "<w:p><w:r><w:t> </w:t></w:r></w:p>" * 10_000_000  # 380 MB of empty-looking paragraphs
    return [_docx(folder / "inflates.docx", _document_xml(f"<w:p><w:r><w:t>{LEDE}</w:t></w:r></w:p>" + padding))]


def docx_long_paragraphs(folder: Path) -> list[str]:
    paragraph = "<w:p><w:r><w:t>" + "strike " * 140_000 + "</w:t></w:r></w:p>"  # 380 paragraphs of 1 MB
    return [_docx(folder / "long.docx", _document_xml(f"<w:p><w:r><w:t>{LEDE}</w:t></w:r></w:p>" + paragraph * 380))]


def docx_many_runs(folder: Path) -> list[str]:
    runs = "".join(f"<w:r><w:t xml:space=\"preserve\">w{n} </w:t></w:r>" for n in range(20))
    body = f"<w:p><w:r><w:t>{LEDE}</w:t></w:r></w:p>" + f"<w:p>{runs}</w:p>" * 19_000
    return [_docx(folder / "runs.docx", _document_xml(body))]


# --- Config, profile and theme files -------------------------------------------------------------------

def alias_bomb(indent: str) -> str:
    """A list of nine lists, each nine times the one before: 472 bytes that expand to 9**9 strings."""
    lines = [f'{indent}- &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{indent}- &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _config(folder: Path) -> Path:
    config = folder / "config"
    config.mkdir(exist_ok=True)
    return config


def config_alias_bomb(folder: Path) -> list[str]:
    (_config(folder) / "config.yaml").write_text("keys:\n  app.export:\n" + alias_bomb("    "), encoding="utf-8")
    return []


def config_fifo(folder: Path) -> list[str]:
    os.mkfifo(_config(folder) / "config.yaml")
    return []


def config_dev_zero(folder: Path) -> list[str]:
    (_config(folder) / "config.yaml").symlink_to("/dev/zero")
    return []


def config_50mb(folder: Path) -> list[str]:
    (_config(folder) / "config.yaml").write_text("# " + "x" * 50_000_000 + "\ntheme: reader-light\n", encoding="utf-8")
    return []


def config_unreadable(folder: Path) -> list[str]:
    """Root reads any folder: run as another user for this class to mean anything (tests/ simulates it)."""
    config = _config(folder)
    (config / "profile.yaml").write_text("name: desk\n", encoding="utf-8")
    config.chmod(0)
    return []


def profile_alias_bomb(folder: Path) -> list[str]:
    (_config(folder) / "profile.yaml").write_text("style:\n" + alias_bomb("  "), encoding="utf-8")
    return []


def profile_fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "profile.yaml")
    return ["--profile", str(folder / "profile.yaml")]


def profile_dev_zero(folder: Path) -> list[str]:
    return ["--profile", "/dev/zero"]


def theme_alias_bomb(folder: Path) -> list[str]:
    themes = _config(folder) / "themes"
    themes.mkdir()
    (themes / "bomb.yaml").write_text("name: bomb\nprimary: '#ff0000'\nvariables:\n  reader-insert:\n"
                                      + alias_bomb("    "), encoding="utf-8")
    return []


def theme_css_variable(folder: Path) -> list[str]:
    themes = _config(folder) / "themes"
    themes.mkdir()
    (themes / "css.yaml").write_text("name: css\nprimary: '#ff0000'\nvariables:\n  border: 'red; } Screen { x'\n",
                                     encoding="utf-8")
    return []


@dataclass
class Case:
    name: str
    build: Callable[[Path], list[str]]
    # "input": the built file is compared with the base; "config": compare with the base and `reader config`.
    kind: str = "input"


CASES = [
    Case("blank lines x1,000,000", blank_lines),
    Case("form feeds x1,000,000", form_feeds),
    Case("U+2029 x1,000,000", paragraph_separators),
    Case("100,000-char '. . .' paragraph", dot_junk),
    Case("19,999 short paragraphs (measured only)", short_paragraphs),
    Case("160 KB repeated word (measured only)", repeated_word),
    Case("160 KB 'X said' paragraph (measured only)", said_paragraph),
    Case("html 19 MB page", big_page),
    Case("html 8 MB page (under the markup limit)", page_under_limit),
    Case("html 60,000 <div> paragraphs", div_paragraphs),
    Case("html 25,000 '<p' inside <script>", p_in_script),
    Case("docx directory understates document.xml", docx_understated),
    Case("docx honestly inflates to 380 MB", docx_inflates),
    Case("docx inflates to 380 MB in 1 MB paragraphs", docx_long_paragraphs),
    Case("docx 19,000 paragraphs in 380,000 runs", docx_many_runs),
    Case("config.yaml alias bomb", config_alias_bomb, "config"),
    Case("config.yaml FIFO", config_fifo, "config"),
    Case("config.yaml -> /dev/zero", config_dev_zero, "config"),
    Case("config.yaml 50 MB", config_50mb, "config"),
    Case("config folder unreadable" + (" (root: no effect)" if os.getuid() == 0 else ""), config_unreadable, "config"),
    Case("profile.yaml alias bomb", profile_alias_bomb, "config"),
    Case("--profile FIFO", profile_fifo, "profile"),
    Case("--profile /dev/zero", profile_dev_zero, "profile"),
    Case("theme alias bomb", theme_alias_bomb, "config"),
    Case("theme variable holding CSS", theme_css_variable, "config"),
]


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_CAP, ADDRESS_SPACE_CAP))
    os.setsid()


@dataclass
class Run:
    code: int | str
    seconds: float
    peak_mb: float
    first_line: str


def run(argv: list[str], env: dict[str, str], timeout: float) -> Run:
    """Run one command; time it and read its own peak memory from ``wait4``."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, env=env,
                                   cwd=ROOT, preexec_fn=_cap_memory)
        code: int | str
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                _, status, usage = os.wait4(process.pid, 0)
                code = f"killed>{timeout:.0f}s"
                break
            time.sleep(0.02)
        process.returncode = 0  # reaped above
        seconds = time.perf_counter() - start
        err.seek(0)
        lines = err.read(4096).decode("utf-8", "replace").splitlines()
    first = lines[0] if lines else ""
    if len(lines) > 1:
        first += f"  [+{len(lines) - 1} lines]"
    return Run(code, seconds, usage.ru_maxrss / 1024, first)


def _commands(case: Case, folder: Path, extra: list[str]) -> list[tuple[str, list[str]]]:
    reader = [sys.executable, "-m", "reader"]
    if case.kind == "input":
        return [("compare", [*reader, "compare", str(BASE), *extra, "--format", "json"])]
    compare = [*reader, "compare", str(BASE), str(BASE), *extra, "--format", "json"]
    if case.kind == "profile":
        return [("compare", compare)]
    return [("compare", compare), ("config", [*reader, "config"])]


def _cleanup(folder: Path) -> None:
    config = folder / "config"
    if config.exists():
        config.chmod(stat.S_IRWXU)
    shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="run only classes whose name holds one of these words")
    parser.add_argument("--timeout", type=float, default=30.0, help="kill a run after this many seconds")
    args = parser.parse_args()
    print(f"{'class':44s} {'run':8s} {'exit':>10s} {'s':>7s} {'MB':>7s}  first line of stderr")
    for case in CASES:
        if args.only and not any(word.lower() in case.name.lower() for word in args.only):
            continue
        folder = Path(tempfile.mkdtemp(prefix="reader-hostile-"))
        try:
            extra = case.build(folder)
            env = {**os.environ, "READER_CONFIG_DIR": str(folder / "config"), "PYTHONPATH": str(ROOT)}
            for label, argv in _commands(case, folder, extra):
                result = run(argv, env, args.timeout)
                print(f"{case.name:44s} {label:8s} {result.code!s:>10s} {result.seconds:7.2f} {result.peak_mb:7.0f}  "
                      f"{result.first_line[:110]}", flush=True)
        finally:
            _cleanup(folder)


if __name__ == "__main__":
    main()
