"""Fetch an article given as an http(s):// URL: a timeout, a size cap, redirects only to http(s).

This is the only place reader touches the network, and only for URLs the user typed.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from reader import __version__
from reader.errors import InputError


def is_url(argument: str) -> bool:
    return argument.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str | None
    final_url: str


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: PLR0913 (urllib's signature)
        if not is_url(newurl):
            raise InputError(req.full_url, f"redirects to a non-http address ({newurl}); refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_within(response, url: str, max_bytes: int, deadline: float) -> bytes:
    """Read the body in pieces so a server dripping bytes cannot hold reader past the deadline."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = response.read1(65536)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise InputError(url, f"is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise InputError(url, "download too slow: gave up (raise --timeout)")


def fetch_url(url: str, max_bytes: int, timeout: float) -> Fetched:
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"reader/{__version__} (article comparison)",
            "Accept": "text/html,application/xhtml+xml,application/xml,text/plain;q=0.9,*/*;q=0.5",
            # No compression: the size cap then bounds exactly what is read.
            "Accept-Encoding": "identity",
        },
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(url, f"is {int(length):,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
            data = _read_within(response, url, max_bytes, time.monotonic() + timeout * 3)
            content_type = response.headers.get("Content-Type")
            final_url = response.geturl()
    except InputError:
        raise
    except urllib.error.HTTPError as error:
        raise InputError(url, f"server answered HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise InputError(url, f"no answer within {timeout:g} seconds (--timeout)") from None
        if isinstance(reason, socket.gaierror):
            raise InputError(url, "unknown host name (or no network)") from None
        if isinstance(reason, ssl.SSLError):
            raise InputError(url, f"secure connection failed ({getattr(reason, 'reason', None) or reason})") from None
        if isinstance(reason, ConnectionRefusedError):
            raise InputError(url, "connection refused") from None
        raise InputError(url, f"cannot fetch ({getattr(reason, 'strerror', None) or reason})") from None
    except (socket.timeout, TimeoutError):
        raise InputError(url, f"no answer within {timeout:g} seconds (--timeout)") from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise InputError(url, f"cannot fetch ({type(error).__name__}: {error})") from None
    if not data:
        raise InputError(url, "the server sent an empty page")
    return Fetched(data, content_type, final_url)
