"""The HTTP side of the checker that needs no framework: the request body read under a limit,
forms parsed in memory (python-multipart's parser, fed from memory, so that an upload is never
spooled to disk), and the security headers every response carries."""

import base64
import hashlib
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from attrs import frozen

from ._work import Refused

__all__ = [
    "FORM_OVERHEAD",
    "BodyLimit",
    "Form",
    "Upload",
    "content_security_policy",
    "parse_form",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Room in a request beyond the file limit for the form's other fields and its boundaries.
FORM_OVERHEAD = 64 * 1024
_MAX_PARTS = 16


class TooLarge(Exception):
    """The request body passed the limit (raised while it is read; answered 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


class BodyLimit:
    """ASGI middleware: a request whose body is over ``limit`` bytes is refused (413) by its
    Content-Length before a byte is read, or as soon as what is read passes the limit."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for key, value in scope.get("headers", ()):
            if key == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    length = -1
                if length < 0 or length > self.limit:
                    scope["superplan.too_large"] = True
        seen = 0
        limit = self.limit

        async def limited() -> Message:
            nonlocal seen
            if scope.get("superplan.too_large"):
                raise TooLarge(limit)
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise TooLarge(limit)
            return message

        await self.app(scope, limited, send)


@frozen
class Upload:
    name: str
    content_type: str
    data: bytes


@frozen
class Form:
    fields: dict[str, str]
    files: dict[str, Upload]

    def get(self, key: str) -> str:
        return self.fields.get(key, "")


def _options(value: str) -> tuple[str, dict[str, str]]:
    from python_multipart.multipart import parse_options_header

    kind, options = parse_options_header(value)
    return kind.decode("latin-1").lower(), {
        k.decode("latin-1"): v.decode("utf-8", "replace") for k, v in options.items()
    }


def parse_form(content_type: str, body: bytes) -> Form:
    """A form posted as ``multipart/form-data`` or ``application/x-www-form-urlencoded``, from
    a body already read (under the limit). Refused (415) for any other content type."""
    kind, options = _options(content_type)
    if kind == "application/x-www-form-urlencoded":
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(400, "Bad form", "the form is not UTF-8") from None
        return Form(fields=dict(parse_qsl(text, keep_blank_values=True)), files={})
    if kind != "multipart/form-data" or not options.get("boundary"):
        raise Refused(
            415,
            "Wrong content type",
            f"a form must be sent as multipart/form-data, not {kind or 'nothing'!r}",
        )
    return _multipart(options["boundary"], body)


def _multipart(boundary: str, body: bytes) -> Form:
    from python_multipart.exceptions import MultipartParseError
    from python_multipart.multipart import MultipartParser

    parts: list[tuple[dict[str, str], bytearray]] = []
    header_field = bytearray()
    header_value = bytearray()

    def begin() -> None:
        if len(parts) >= _MAX_PARTS:
            raise Refused(400, "Bad form", f"the form has more than {_MAX_PARTS} parts")
        parts.append(({}, bytearray()))

    def data(chunk: bytes, start: int, end: int) -> None:
        parts[-1][1].extend(chunk[start:end])

    def field(chunk: bytes, start: int, end: int) -> None:
        header_field.extend(chunk[start:end])

    def value(chunk: bytes, start: int, end: int) -> None:
        header_value.extend(chunk[start:end])

    def header_end() -> None:
        key = header_field.decode("latin-1").strip().lower()
        parts[-1][0][key] = header_value.decode("utf-8", "replace").strip()
        header_field.clear()
        header_value.clear()

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": begin,
            "on_part_data": data,
            "on_header_field": field,
            "on_header_value": value,
            "on_header_end": header_end,
        },
    )
    try:
        parser.write(body)
        parser.finalize()
    except MultipartParseError as error:
        raise Refused(400, "Bad form", f"the form cannot be read ({error})") from None
    fields: dict[str, str] = {}
    files: dict[str, Upload] = {}
    for headers, payload in parts:
        _, disposition = _options(headers.get("content-disposition", ""))
        name = disposition.get("name", "")
        if "filename" in disposition:
            files[name] = Upload(
                name=disposition["filename"],
                content_type=headers.get("content-type", ""),
                data=bytes(payload),
            )
        else:
            try:
                fields[name] = payload.decode("utf-8")
            except UnicodeDecodeError:
                raise Refused(
                    400, "Bad form", f"the form field {name!r} is not UTF-8 text"
                ) from None
    return Form(fields=fields, files=files)


_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def content_security_policy(html: str | None = None) -> str:
    """A policy allowing nothing but this server's forms and the page's own style elements (by
    their hashes): no script at all, no framing, no plugin, no other origin."""
    styles = []
    for match in _STYLE.finditer(html or ""):
        digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
        styles.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    style = " ".join(styles) or "'none'"
    return (
        "default-src 'none'; "
        f"style-src {style}; "
        "img-src 'self' data:; "
        "form-action 'self'; "
        "frame-ancestors 'none'; "
        "base-uri 'none'"
    )


SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


class SecurityHeaders:
    """ASGI middleware: every response carries the security headers, a restrictive content
    security policy where the response set none, and ``Cache-Control: no-store``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {key.lower() for key, _ in headers}
                for key, value in SECURITY_HEADERS.items():
                    if key.encode() not in present:
                        headers.append((key.encode(), value.encode()))
                if b"content-security-policy" not in present:
                    policy = content_security_policy()
                    headers.append((b"content-security-policy", policy.encode()))
                if b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
