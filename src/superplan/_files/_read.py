"""Reading the files a command was pointed at, under the size limit.

Every input is read here: files, ``-`` (standard input), FIFOs and devices alike. Reading stops as
soon as the limit is passed, so ``/dev/zero`` or an endless pipe costs the limit and no more; a
FIFO with no writer reads as empty instead of waiting for ever.
"""

import os
import stat
import sys
from typing import Any, BinaryIO

from .._json import MAX_BYTES, parse_json, too_large
from ..errors import LoadError, Problem
from ._paths import STDIN

_CHUNK = 1024 * 1024


def _unreadable(name: str, message: str) -> LoadError:
    return LoadError([Problem(pointer="", message=message, kind="unreadable-file")], source=name)


def _reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "there is no such file"
    if isinstance(error, IsADirectoryError):
        return "this is a folder, not a file"
    if isinstance(error, NotADirectoryError):
        return "this path goes on past a file, as if the file were a folder"
    if isinstance(error, PermissionError):
        return "the file cannot be read (permission denied)"
    return f"the file cannot be read ({error.strerror or error})"


def _too_large(name: str, size: int | str, limit: int) -> LoadError:
    return too_large(size, limit).with_source(name)


def read_limited(path: str | os.PathLike[str], max_bytes: int | None = MAX_BYTES) -> bytes:
    """The bytes of a file (or of standard input, for ``-``), refused with a :class:`LoadError`
    naming it when unreadable or over ``max_bytes``. Never reads more than ``max_bytes + 1``."""
    name = os.fspath(path)
    if name == STDIN:
        return _read_stream(sys.stdin.buffer, "(standard input)", max_bytes)
    if "\0" in name:
        raise _unreadable(name, "the path holds a NUL byte")
    try:
        # Non-blocking, so that opening a FIFO with no writer returns at once.
        descriptor = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise _unreadable(name, _reason(error)) from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise _unreadable(name, "this is a folder, not a file")
        if stat.S_ISREG(info.st_mode) and max_bytes is not None and info.st_size > max_bytes:
            raise _too_large(name, info.st_size, max_bytes)  # refused unread
        os.set_blocking(descriptor, True)
        stream = os.fdopen(descriptor, "rb", buffering=0)
    except BaseException:
        os.close(descriptor)
        raise
    with stream:
        return _read_stream(stream, name, max_bytes)


def _read_stream(stream: BinaryIO, name: str, max_bytes: int | None) -> bytes:
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            wanted = _CHUNK if max_bytes is None else min(_CHUNK, max_bytes + 1 - total)
            chunk = stream.read(wanted)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if max_bytes is not None and total > max_bytes:
                raise _too_large(name, f"more than {max_bytes}", max_bytes)
    except OSError as error:
        raise _unreadable(name, _reason(error)) from None
    return b"".join(chunks)


def read_json(path: str | os.PathLike[str]) -> Any:
    """A JSON file's value, read under the size limit by the strict reader; any problem (the
    file, its size, its text) is a :class:`LoadError` naming the file."""
    try:
        return parse_json(read_limited(path))
    except LoadError as error:
        raise error.with_source(os.fspath(path)) from None


def decode_text(raw: bytes, name: str) -> tuple[str, bool]:
    """Text a person saved: UTF-8 (a byte order mark dropped), else Windows-1252, as older
    sites and spreadsheets save it; and whether it was Windows-1252. Five bytes have no
    character in Windows-1252 either: such a file is refused, naming the line, rather than read
    with a character guessed."""
    try:
        return raw.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), True
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        message = (
            f"line {line}: the file is neither UTF-8 nor Windows-1252 (byte "
            f"0x{raw[error.start]:02X} has no character in either); save it as UTF-8"
        )
        raise LoadError(
            [Problem(pointer="", message=message, kind="not-utf8")], source=name
        ) from None
