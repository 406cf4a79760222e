"""Fetching a published page over HTTP(S), carefully, and recording where it came from.

Only ``http`` and ``https`` URLs are fetched; every hop of a redirect is checked the same way and
reported, at most :data:`MAX_REDIRECTS` of them. Connecting and reading time out, the body is
read in chunks and refused past the size limit (a ``Content-Length`` over it is refused before
reading), and only HTML or plain text is taken. A page that cannot be fetched raises a
:class:`~superplan.errors.LoadError` saying why (the command line exits 2).

What was fetched is recorded in the draft's transcription note: the URL, the time it was
retrieved (UTC) and the SHA-256 of the bytes, so that a person can tell later whether the page
has changed since.
"""

import hashlib
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs
import httpx
import pendulum
from attrs import frozen

from .._files import decode_text
from ..catalogue import Catalogue
from ..errors import LoadError, Problem
from ._page import import_page
from ._report import ImportResult
from ._vocabulary import Vocabulary

__all__ = ["MAX_REDIRECTS", "Fetched", "fetch_page", "import_page_url", "is_url"]

MAX_REDIRECTS = 5
TIMEOUT = 20.0
"""Seconds allowed to connect, and between bytes read."""
_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHARSET = re.compile(r"charset\s*=\s*\"?([A-Za-z0-9._-]+)", re.IGNORECASE)
_USER_AGENT = "superplan page import (+https://github.com/superplan)"


def is_url(text: str) -> bool:
    """Whether a command-line argument names a URL (any scheme) rather than a file."""
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text) is not None


@frozen(kw_only=True)
class Fetched:
    """A fetched page: its bytes and text, and where and when they came from."""

    url: str
    """The URL asked for."""
    final_url: str
    """Where the page was found, after any redirects."""
    redirects: tuple[tuple[int, str, str], ...]
    """Each redirect followed: (status, from, to)."""
    retrieved: str
    """When the page was retrieved, in UTC (ISO 8601, to the second)."""
    sha256: str
    content_type: str
    body: bytes
    text: str
    legacy: bool = False
    """The page was read as Windows-1252 (it is not UTF-8 and declares no other charset)."""

    @property
    def provenance(self) -> str:
        moved = "".join(f"; redirected ({s}) from {a} to {b}" for s, a, b in self.redirects)
        return (
            f"Retrieved from {self.final_url} on {self.retrieved} (SHA-256 {self.sha256}){moved}."
        )


def _refuse(url: str, message: str) -> LoadError:
    return LoadError([Problem(pointer="", message=message, kind="unreadable")], source=url)


def _check_url(url: str, original: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise _refuse(original, f"only http and https pages are fetched, not {parts.scheme!r}")
    if not parts.hostname:
        raise _refuse(original, "the URL names no host")


def _decode(body: bytes, content_type: str, url: str) -> tuple[str, bool]:
    declared = _CHARSET.search(content_type)
    if declared is not None:
        try:
            return body.decode(declared.group(1)), False
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset: read it as a saved file would be
    return decode_text(body, url)


def fetch_page(
    url: str,
    *,
    max_bytes: int,
    timeout: float = TIMEOUT,
    max_redirects: int = MAX_REDIRECTS,
    transport: httpx.BaseTransport | None = None,
) -> Fetched:
    """The page at ``url``, or a :class:`LoadError` saying why it cannot be had."""
    _check_url(url, url)
    redirects: list[tuple[int, str, str]] = []
    current = url
    options: dict[str, Any] = {
        "follow_redirects": False,
        "timeout": httpx.Timeout(timeout),
        "headers": {"User-Agent": _USER_AGENT, "Accept": "text/html, text/plain;q=0.9"},
    }
    if transport is not None:
        options["transport"] = transport
    try:
        with httpx.Client(**options) as client:
            while True:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        target = urljoin(current, response.headers.get("location", ""))
                        if len(redirects) >= max_redirects:
                            raise _refuse(url, f"more than {max_redirects} redirects")
                        _check_url(target, url)
                        redirects.append((response.status_code, current, target))
                        current = target
                        continue
                    return _read(url, current, response, redirects, max_bytes)
    except httpx.TimeoutException:
        raise _refuse(url, f"the server did not answer within {timeout:g} seconds") from None
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise _refuse(url, f"the page cannot be fetched ({error})") from None


def _read(
    url: str,
    final: str,
    response: httpx.Response,
    redirects: list[tuple[int, str, str]],
    max_bytes: int,
) -> Fetched:
    if response.status_code != 200:
        raise _refuse(url, f"the server answered {response.status_code} {response.reason_phrase}")
    content_type = response.headers.get("content-type", "")
    kind = content_type.split(";")[0].strip().lower()
    if kind not in _TYPES:
        raise _refuse(
            url, f"the page is {kind or 'of no stated type'}, not HTML or text (a PDF is not read)"
        )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _refuse(url, f"the page is {declared} bytes, over the limit of {max_bytes}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _refuse(url, f"the page is over the limit of {max_bytes} bytes")
        chunks.append(chunk)
    body = b"".join(chunks)
    text, legacy = _decode(body, content_type, url)
    return Fetched(
        url=url,
        final_url=final,
        redirects=tuple(redirects),
        retrieved=pendulum.now("UTC").start_of("second").isoformat().replace("+00:00", "Z"),
        sha256=hashlib.sha256(body).hexdigest(),
        content_type=content_type,
        body=body,
        text=text,
        legacy=legacy,
    )


def import_page_url(
    url: str,
    *,
    responder: str,
    max_bytes: int,
    catalogue: Catalogue | None = None,
    vocab: Vocabulary | None = None,
    transport: httpx.BaseTransport | None = None,
) -> tuple[ImportResult, Fetched]:
    """Fetch a page and import it; the draft records the URL, time and SHA-256."""
    fetched = fetch_page(url, max_bytes=max_bytes, transport=transport)
    result = import_page(
        fetched.text,
        responder=responder,
        source=url,
        source_url=fetched.final_url,
        catalogue=catalogue,
        vocab=vocab,
    )
    note = f"{result.data.get('transcription_note', '')} {fetched.provenance}".strip()
    data = {**result.data, "transcription_note": note}
    plan = attrs.evolve(result.plan, transcription_note=note)
    notes = [f"redirected ({s}) from {a} to {b}" for s, a, b in fetched.redirects]
    if fetched.legacy:
        notes.append(
            "the page is not UTF-8 text; it was read as Windows-1252: check accented characters"
        )
    notes.append(fetched.provenance)
    report = attrs.evolve(result.report, notes=(*notes, *result.report.notes))
    return ImportResult(plan=plan, report=report, data=data), fetched
