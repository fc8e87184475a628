"""URL inputs against hostile servers on 127.0.0.1: dripping answers, redirects elsewhere, cut bodies.

Every server here is a thread of this test listening on a loopback port the OS chose; nothing leaves the machine.
"""

from __future__ import annotations

import socketserver
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.loading import Limits, load_article
from reader.loading.fetch import Origin, host_class, redirect_refusal

ROOT = Path(__file__).resolve().parent.parent
WIRE = ROOT / "sample_articles" / "harbour-strike" / "00-wire.txt"
PAGE = b"Dock workers in a small port walked out on Monday over a new shift pattern, the union said.\n"
HANG_GUARD = 10  # seconds; only catches a fetch that does not stop at all (the timeouts asked for are 1 s)
DRIP_INTERVAL = 0.05
STOP = threading.Event()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.port = self.server_address[1]
        self.other_port = 0  # the other server's, for redirects that must not be followed
        self.requests: list[str] = []


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        request_line = self.rfile.readline(65537).decode("latin-1")
        while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
            pass
        path = request_line.split(" ")[1] if request_line.count(" ") >= 2 else "/"
        self.server.requests.append(path)
        try:
            self.answer(path)
        except OSError:  # the client hung up, as it should on hostile answers
            pass

    def send(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def drip(self, prefix: bytes, byte: bytes) -> None:
        """Send ``prefix``, then one byte at a time, never finishing (until the client gives up)."""
        self.send(prefix)
        end = time.monotonic() + 3 * HANG_GUARD
        while not STOP.is_set() and time.monotonic() < end:
            self.send(byte)
            time.sleep(DRIP_INTERVAL)

    def page(self, body: bytes = PAGE) -> None:
        self.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                  b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body))

    def redirect(self, location: str) -> None:
        self.send(b"HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                  % location.encode("latin-1"))

    def answer(self, path: str) -> None:
        here, other = self.server.port, self.server.other_port
        routes = {
            "/ok": self.page,
            "/secret": lambda: self.page(b"What an internal service would return, never to be fetched.\n"),
            "/drip-status": lambda: self.drip(b"HTTP/1.1 200 ", b"O"),
            "/drip-headers": lambda: self.drip(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Drip: ", b"a"),
            "/drip-body": lambda: self.drip(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n" + PAGE, b"w"
            ),
            "/short": lambda: self.send(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n" + PAGE
            ),
            "/short-chunked": lambda: self.send(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + PAGE
            ),
            "/to-ok": lambda: self.redirect("/ok"),
            "/to-ok-absolute": lambda: self.redirect(f"http://127.0.0.1:{here}/ok"),
            "/to-other-port": lambda: self.redirect(f"http://127.0.0.1:{other}/secret"),
            "/to-localhost-other-port": lambda: self.redirect(f"http://localhost:{other}/secret"),
            "/to-protocol-relative": lambda: self.redirect(f"//127.0.0.1:{other}/secret"),
            "/to-other-loopback-address": lambda: self.redirect(f"http://127.0.0.2:{here}/ok"),
            "/to-file": lambda: self.redirect("file:///etc/passwd"),
            "/to-escapes": lambda: self.redirect("file:///\x1b]0;owned\x07\x1b[31m" + "x" * 5000),
        }
        if path.startswith("/chain/"):  # /chain/N answers after N redirects
            left = int(path.rsplit("/", 1)[1])
            self.redirect(f"/chain/{left - 1}") if left else self.page()
        elif path in routes:
            routes[path]()
        else:
            self.send(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")


@pytest.fixture(scope="module")
def servers():
    main, other = _Server(), _Server()
    main.other_port = other.port
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in (main, other)]
    for thread in threads:
        thread.start()
    yield main, other
    STOP.set()
    for server in (main, other):
        server.shutdown()
        server.server_close()


@pytest.fixture
def main(servers) -> _Server:
    servers[0].requests.clear()
    servers[1].requests.clear()
    return servers[0]


def url(server: _Server, path: str) -> str:
    return f"http://127.0.0.1:{server.port}{path}"


def refused(source: str, limits: Limits | None = None) -> str:
    with pytest.raises(InputError) as caught:
        load_article(source, limits)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{source}: ")
    return message


@pytest.mark.parametrize("path", ["/drip-status", "/drip-headers", "/drip-body"])
def test_a_server_dripping_its_answer_is_stopped_by_the_timeout(main: _Server, path: str):
    started = time.monotonic()
    message = refused(url(main, path), Limits(timeout=1))
    assert time.monotonic() - started < HANG_GUARD
    assert "timed out" in message and "within 1 seconds (--timeout)" in message


def test_dripped_headers_through_the_cli_are_one_line_and_exit_2(main: _Server):
    source = url(main, "/drip-headers")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(WIRE), source, "--timeout", "1"],
        capture_output=True, cwd=ROOT, timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.decode() == f"reader: error: {source}: timed out: no answer within 1 seconds (--timeout)\n"


@pytest.mark.parametrize("path", ["/ok", "/to-ok", "/to-ok-absolute", "/chain/5"])
def test_normal_pages_and_same_origin_redirects_are_fetched(main: _Server, path: str):
    article = load_article(url(main, path))
    assert [p.text for p in article.paragraphs] == [PAGE.decode().strip()]


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/to-other-port", "http://127.0.0.1:{other}/secret"),
        ("/to-localhost-other-port", "http://localhost:{other}/secret"),
        ("/to-protocol-relative", "http://127.0.0.1:{other}/secret"),
        ("/to-other-loopback-address", "http://127.0.0.2:{here}/ok"),
    ],
)
def test_redirects_to_another_local_service_are_refused_before_any_request(main: _Server, servers, path, target):
    other = servers[1]
    message = refused(url(main, path))
    target = target.format(other=other.port, here=main.port)
    assert f"redirect (HTTP 302) to {target} is not allowed" in message
    assert other.requests == []
    assert main.requests == [path]


def test_redirect_to_a_file_address_is_refused(main: _Server):
    message = refused(url(main, "/to-file"))
    assert "redirect (HTTP 302) to file:///etc/passwd is not allowed: only http(s) addresses" in message


def test_a_refused_redirect_target_is_shown_inert_and_short(main: _Server):
    message = refused(url(main, "/to-escapes"))
    assert "\x1b" not in message and "\x07" not in message
    assert "file:///␛]0;owned␇␛[31m" in message
    assert len(message) < 400


def test_more_than_five_redirects_are_refused(main: _Server):
    message = refused(url(main, "/chain/6"))
    assert "more than 5 redirects" in message
    assert main.requests == [f"/chain/{n}" for n in range(6, 0, -1)]


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/short", f"connection closed after {len(PAGE)} of 1,000 bytes"),
        ("/short-chunked", f"connection closed after {len(PAGE)} bytes, before the end of the page"),
    ],
)
def test_a_body_cut_short_is_an_error_not_a_shorter_article(main: _Server, path: str, problem: str):
    assert refused(url(main, path)).endswith(problem)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"), ("127.0.0.2", "loopback"), ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"), ("0.0.0.0", "loopback"),
        ("169.254.169.254", "link-local"), ("fe80::1%eth0", "link-local"),
        ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("fd00::1", "private"),
        ("100.64.0.1", "private"), ("::ffff:10.0.0.1", "private"),
        ("93.184.216.34", "public"), ("2606:4700::1", "public"),
    ],
)
def test_address_classes(address: str, kind: str):
    assert host_class(address) == kind


def origin(host: str, port: int, *addresses: str) -> Origin:
    return Origin(host, port, frozenset(host_class(a) for a in addresses))


@pytest.mark.parametrize(
    ("target", "followed"),
    [
        (origin("news.example", 443, "93.184.216.34"), True),
        (origin("cdn.example", 80, "2606:4700::1", "93.184.216.35"), True),
        (origin("localhost", 8080, "127.0.0.1", "::1"), False),
        (origin("169.254.169.254", 80, "169.254.169.254"), False),
        (origin("router.example", 80, "192.168.1.1"), False),
        # a name that resolves to a public and an internal address is not trusted with either
        (origin("rebind.example", 443, "93.184.216.34", "10.0.0.5"), False),
    ],
)
def test_from_a_public_address_redirects_stay_on_public_addresses(target: Origin, followed: bool):
    first = origin("example.com", 443, "93.184.216.34")
    assert (redirect_refusal(first, target) is None) is followed


@pytest.mark.parametrize(
    ("target", "followed"),
    [
        (origin("127.0.0.1", 8000, "127.0.0.1"), True),
        (origin("127.0.0.1", 8001, "127.0.0.1"), False),
        (origin("localhost", 8000, "127.0.0.1"), False),
        (origin("10.0.0.7", 8000, "10.0.0.7"), False),
        (origin("example.com", 443, "93.184.216.34"), False),
    ],
)
def test_from_a_local_address_redirects_stay_on_the_same_host_and_port(target: Origin, followed: bool):
    first = origin("127.0.0.1", 8000, "127.0.0.1")
    assert (redirect_refusal(first, target) is None) is followed
