"""Command-line sources: folders, standard input and URLs (served from 127.0.0.1, never the internet)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.errors import InputError, ReaderError
from reader.loading import Limits, load_article
from reader.loading.sources import expand_sources, load_sources

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "sample_articles" / "harbour-strike"
FORMATS = ROOT / "sample_articles" / "formats"
WIRE = STORY / "00-wire.txt"


def run_reader(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=120
    )


def test_folder_loads_articles_in_name_order_skipping_answer_keys_and_readmes(tmp_path: Path):
    for name in ("10-late.txt", "2-second.md", "00-base.txt", "notes.yaml", "01-a.truth.yaml", "README.md",
                 ".hidden.txt", "image.png", "~$draft.docx"):
        (tmp_path / name).write_text("Some text of an article, long enough to be a paragraph.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    names = [Path(p).name for p in expand_sources([str(tmp_path)])]
    assert names == ["00-base.txt", "2-second.md", "10-late.txt"]


def test_sample_formats_folder_loads_every_format():
    articles = load_sources([str(FORMATS)])
    assert [a.source_format for a in articles] == ["nitf", "html", "text", "text", "docx", "newsml-g2"]
    assert [a.encoding for a in articles][2:4] == ["windows-1252", "utf-16-le"]


def test_folder_without_articles_is_a_clear_error(tmp_path: Path):
    (tmp_path / "answers.yaml").write_text("rows: []\n")
    with pytest.raises(InputError, match="no article files"):
        expand_sources([str(tmp_path)])


def test_standard_input_is_read_once_and_named():
    result = run_reader("compare", str(WIRE), "-", "--format", "json", stdin=(STORY / "01-reprint-trimmed.txt").read_bytes())
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["versions"][0]["path"] == "<stdin>"
    assert report["versions"][0]["headline"].startswith("Port Alder dock workers")


def test_standard_input_twice_or_empty_is_refused():
    with pytest.raises(ReaderError, match="only once"):
        expand_sources(["-", "-"])
    result = run_reader("compare", str(WIRE), "-", stdin=b"")
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "<stdin>: is empty" in result.stderr.decode()


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/redirect-to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        status, content_type, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    _Handler.routes = {
        "/story": (200, "text/html; charset=utf-8", (FORMATS / "01-reprint-trimmed.html").read_bytes()),
        "/wire": (200, "application/xml", (FORMATS / "00-wire.nitf.xml").read_bytes()),
        "/plain": (200, "text/plain; charset=utf-8", (STORY / "04-quotes-altered.txt").read_bytes()),
        "/huge": (200, "text/plain", b"word " * 40_000),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_web_page_is_fetched_and_extracted(server: str):
    article = load_article(f"{server}/story")
    assert article.source_format == "html"
    assert article.path == f"{server}/story"
    assert article.paragraphs[0].text.startswith("Port Alder dock workers")
    assert "cookies" not in " ".join(p.text for p in article.paragraphs)


def test_url_wire_xml_and_plain_text(server: str):
    assert load_article(f"{server}/wire").source_format == "nitf"
    assert load_article(f"{server}/plain").byline == "Hannah Lindqvist and Oliver Grant"


@pytest.mark.parametrize(
    ("path", "limits", "problem"),
    [
        ("/missing", Limits(), "HTTP 404"),
        ("/huge", Limits(max_bytes=100_000), "100,000-byte limit"),
        ("/slow", Limits(timeout=0.5), "no answer within 0.5 seconds"),
        ("/redirect-to-file", Limits(), "302.*not allowed"),
    ],
)
def test_url_problems_are_one_line_errors(server: str, path: str, limits: Limits, problem: str):
    with pytest.raises(InputError, match=problem) as caught:
        load_article(f"{server}{path}", limits)
    assert "\n" not in str(caught.value)


def test_url_refused_connection_through_the_cli():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_reader("compare", str(WIRE), f"http://127.0.0.1:{port}/story")
    assert result.returncode == 2
    assert result.stderr.decode().strip() == f"reader: error: http://127.0.0.1:{port}/story: connection refused"


def test_url_through_the_cli(server: str):
    result = run_reader("compare", str(WIRE), f"{server}/story", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["versions"][0]["format"] == "html"


def test_app_reads_a_piped_article_and_still_takes_keys_from_the_terminal(tmp_path: Path):
    import pexpect

    command = (f"cat {STORY / '01-reprint-trimmed.txt'} | {sys.executable} -m reader {WIRE} -")
    child = pexpect.spawn(
        "bash", ["-c", command], cwd=str(ROOT), dimensions=(40, 140), timeout=60,
        env={"TERM": "xterm-256color", "PATH": "/usr/bin:/bin", "READER_CONFIG_DIR": str(tmp_path)},
    )
    child.expect("stdin")  # the piped version's pane is open
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_app_with_piped_input_and_no_terminal_is_a_one_line_error():
    result = subprocess.run(
        [sys.executable, "-m", "reader", str(WIRE), "-"], input=(STORY / "01-reprint-trimmed.txt").read_bytes(),
        capture_output=True, cwd=ROOT, timeout=60, start_new_session=True,
    )
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "needs a terminal" in result.stderr.decode()
