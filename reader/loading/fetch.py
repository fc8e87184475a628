"""Fetch an article given as an http(s):// URL: the only place reader touches the network.

Only URLs the user typed are fetched, within these bounds (each broken one is a one-line ``InputError``):

- ``timeout`` is a deadline for the whole fetch: every connection, TLS handshake, status line, header and
  body read, across redirects. Before each read the socket's timeout is set to the time that remains, so a
  server dripping a byte a second cannot hold reader past it (a per-read timeout would restart every byte).
- At most ``max_bytes`` of body; a body shorter than its Content-Length is an error, so a cut connection
  does not look like a version that cut most of the story.
- At most 5 redirects, only to http(s). From a public address a redirect may go to any public address;
  from a loopback, link-local or private one (this machine or its network) only to the same host name and
  port. So a page on the internet cannot send reader to 127.0.0.1, to ``localhost`` on another port, to
  169.254.169.254 (cloud metadata) or into the local network, and a local server cannot send it to
  another local service either. Every address a redirect's host resolves to is checked, and reader
  connects only to the addresses it checked, so a DNS answer cannot change in between.

Proxy variables (``http_proxy``...) are not used: the address checks above need a direct connection.
"""

from __future__ import annotations

import http.client
import io
import ipaddress
import socket
import ssl
import time
from contextlib import closing
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from reader import __version__
from reader.errors import InputError
from reader.inert import visible_name

MAX_REDIRECTS = 5
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_HEADERS = {
    "User-Agent": f"reader/{__version__} (article comparison)",
    "Accept": "text/html,application/xhtml+xml,application/xml,text/plain;q=0.9,*/*;q=0.5",
    # No compression: the size cap then bounds exactly what is read.
    "Accept-Encoding": "identity",
    "Connection": "close",
}
_READ_SIZE = 65536
# Server-chosen text (a redirect target, a reason phrase) quoted in a message is cut to this many characters.
_QUOTED_CHARS = 200


def is_url(argument: str) -> bool:
    return argument.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str | None
    final_url: str


@dataclass(frozen=True)
class Origin:
    """Where a URL's request goes: host name, port and the classes of the addresses the host resolves to."""

    host: str
    port: int
    classes: frozenset[str]


def host_class(address: str) -> str:
    """``loopback``, ``link-local``, ``private`` or ``public`` for an IP address (as getaddrinfo gives it)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # without an IPv6 zone such as %eth0
    if ip.version == 6 and ip.ipv4_mapped:  # ::ffff:127.0.0.1 is 127.0.0.1
        ip = ip.ipv4_mapped
    if ip.is_loopback or ip.is_unspecified:  # connecting to 0.0.0.0 reaches this machine
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_global and not ip.is_multicast:
        return "public"
    return "private"  # private networks and every other address that is not on the public internet


def redirect_refusal(first: Origin, target: Origin) -> str | None:
    """Why a redirect from the first URL's origin to ``target`` must not be followed, or None."""
    if first.classes == {"public"}:
        others = sorted(target.classes - {"public"})
        return f"it leads from a public address to a {others[0]} one" if others else None
    if (target.host, target.port) != (first.host, first.port):
        return "from a local address reader follows redirects only to the same host and port"
    return None


def _quoted(text: str) -> str:
    """Server-chosen text made inert and short enough for a one-line message."""
    text = visible_name(text)
    return text if len(text) <= _QUOTED_CHARS else text[:_QUOTED_CHARS] + "…"


@dataclass(frozen=True)
class _Target:
    url: str
    https: bool
    host: str
    port: int
    path: str  # path and query, as sent in the request line


def _parse(url: str) -> _Target | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a bad port or IPv6 literal
        return None
    https = parts.scheme.lower() == "https"
    if not parts.hostname or parts.scheme.lower() not in ("http", "https"):
        return None
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return _Target(url, https, parts.hostname, port or (443 if https else 80), path)


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return left


class _DeadlineReader(io.RawIOBase):
    """A socket's input in which every read waits at most until the fetch's deadline."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock = sock
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        self._sock.settimeout(_remaining(self._deadline))
        return self._sock.recv_into(buffer)


class _DeadlineSocket:
    """The part of a socket ``http.client`` uses, bounded by the deadline; fetch_url closes the real one."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock = sock
        self._deadline = deadline

    def sendall(self, data: bytes) -> None:
        self._sock.settimeout(_remaining(self._deadline))
        self._sock.sendall(data)

    def makefile(self, mode: str) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline), _READ_SIZE)

    def close(self) -> None:
        pass


def _resolve(target: _Target) -> list[tuple]:
    """(family, socket address) pairs for the target's host, without duplicates, in the resolver's order."""
    found = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys((family, address) for family, _, _, _, address in found))


def _origin(target: _Target, addresses: list[tuple]) -> Origin:
    return Origin(
        target.host.lower(), target.port, frozenset(host_class(address[0]) for _, address in addresses)
    )


def _connect(target: _Target, addresses: list[tuple], deadline: float) -> socket.socket:
    """A connection to the first of the (already checked) addresses that answers, TLS set up for https."""
    error: OSError = ConnectionRefusedError()
    for family, address in addresses:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(_remaining(deadline))
            sock.connect(address)
            if target.https:
                sock.settimeout(_remaining(deadline))  # the handshake as a whole is bounded by this
                sock = ssl.create_default_context().wrap_socket(sock, server_hostname=target.host)
            return sock
        except TimeoutError:
            sock.close()
            raise
        except OSError as failure:
            sock.close()
            error = failure
    raise error


def _get(target: _Target, sock: socket.socket, deadline: float) -> http.client.HTTPResponse:
    """Send the request on ``sock`` and read the status line and headers."""
    # The connection never connects itself: it is handed the socket (so only checked addresses are used).
    if isinstance(sock, ssl.SSLSocket):
        connection = http.client.HTTPSConnection(target.host, target.port, context=sock.context)
    else:
        connection = http.client.HTTPConnection(target.host, target.port)
    connection.sock = _DeadlineSocket(sock, deadline)
    connection.request("GET", target.path, headers=_HEADERS)
    return connection.getresponse()


def _read_body(response: http.client.HTTPResponse, url: str, max_bytes: int) -> bytes:
    declared = response.length  # Content-Length as http.client reads it; None when chunked or absent
    if declared is not None and declared > max_bytes:
        raise InputError(url, f"is {declared:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
    chunks: list[bytes] = []
    total = 0
    try:
        while chunk := response.read1(_READ_SIZE):
            total += len(chunk)
            if total > max_bytes:
                raise InputError(url, f"is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
            chunks.append(chunk)
    except http.client.IncompleteRead:  # a chunked body cut short
        raise InputError(
            url, f"connection closed after {total:,} bytes, before the end of the page"
        ) from None
    if declared is not None and total < declared:
        raise InputError(url, f"connection closed after {total:,} of {declared:,} bytes")
    return b"".join(chunks)


def _redirect_target(url: str, current: _Target, location: str | None, status: int) -> _Target:
    """Where a redirect leads, if that is an http(s) address (its host is checked once resolved)."""
    if not location:
        raise InputError(url, f"server answered HTTP {status}, a redirect without a Location")
    new_url = urljoin(current.url, location.strip())  # also resolves protocol-relative //host/path
    target = _parse(new_url)
    if target is None:
        raise InputError(
            url, f"redirect (HTTP {status}) to {_quoted(new_url)} is not allowed: only http(s) addresses"
        )
    return target


class _BodyTimedOut(Exception):
    """The status and headers arrived in time, the body did not."""


def _follow(url: str, max_bytes: int, deadline: float) -> Fetched:
    target = _parse(url)
    if target is None:
        raise InputError(url, "is not a valid http(s) address")
    first: Origin | None = None
    status = 0  # of the answer that redirected to ``target``
    for redirects in range(MAX_REDIRECTS + 1):
        addresses = _resolve(target)
        origin = _origin(target, addresses)
        if first is None:
            first = origin
        elif refusal := redirect_refusal(first, origin):
            raise InputError(
                url, f"redirect (HTTP {status}) to {_quoted(target.url)} is not allowed: {refusal}"
            )
        with closing(_connect(target, addresses, deadline)) as sock:
            response = _get(target, sock, deadline)
            status = response.status
            if status in _REDIRECT_STATUSES:
                if redirects == MAX_REDIRECTS:
                    break
                target = _redirect_target(url, target, response.getheader("Location"), status)
                continue
            if not 200 <= status < 300:
                raise InputError(
                    url, f"server answered HTTP {status} {_quoted(response.reason or '')}".rstrip()
                )
            try:
                data = _read_body(response, url, max_bytes)
            except TimeoutError:
                raise _BodyTimedOut from None
            return Fetched(data, response.getheader("Content-Type"), target.url)
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects (the last to {_quoted(target.url)}); gave up")


def fetch_url(url: str, max_bytes: int, timeout: float) -> Fetched:
    try:
        fetched = _follow(url, max_bytes, time.monotonic() + timeout)
    except InputError:
        raise
    except _BodyTimedOut:
        raise InputError(
            url, f"timed out: the page did not arrive within {timeout:g} seconds (--timeout)"
        ) from None
    except TimeoutError:
        raise InputError(url, f"timed out: no answer within {timeout:g} seconds (--timeout)") from None
    except socket.gaierror:
        raise InputError(url, "unknown host name (or no network)") from None
    except ssl.SSLError as error:
        raise InputError(url, f"secure connection failed ({_quoted(str(error.reason or error))})") from None
    except ConnectionRefusedError:
        raise InputError(url, "connection refused") from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise InputError(url, f"cannot fetch ({type(error).__name__}: {_quoted(str(error))})") from None
    if not fetched.data:
        raise InputError(url, "the server sent an empty page")
    return fetched
