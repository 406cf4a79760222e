"""Writing output files: one way, for every command and every library function that writes.

- Atomic: the bytes go to a temporary file beside the target, which then replaces it in one
  rename. A failure (a full disk, Ctrl-C) leaves the old file as it was, and no partial file.
- A link at an output path is followed only to a file inside the output folder; one pointing
  elsewhere is refused, so that nothing is written outside the folder the user chose.
- A non-empty file is never replaced by an empty one.
- A character device or a FIFO at an output path (``/dev/null``, ``/dev/stdout``, a named pipe)
  is written to as a stream, never replaced by a regular file; other special files are refused.
- No command writes over one of its own inputs, however the path is spelled (``plans/a.json``,
  ``./plans/../plans/a.json``, a link, a hard link): see :func:`protecting`.
- Every mistake in an output path (a missing parent folder, a file where a folder is needed, a
  folder where a file is needed, no permission) is an :class:`OutputError` naming the path and
  saying what to do: the command line exits 2 on it.
"""

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import OutputError
from ._paths import names_folder

__all__ = ["OutputError", "file_identity", "output_folder", "protecting", "write_output"]

#: The files (device, inode) the running command reads: never written over (see protecting).
_PROTECTED: dict[tuple[int, int], str] = {}


def file_identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """The file a path leads to (links followed), as (device, inode); None if there is none.
    Two spellings of one file, a link and its target, and two hard links agree."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


@contextlib.contextmanager
def protecting(paths: Iterable[str | os.PathLike[str]]) -> Iterator[None]:
    """While the block runs, :func:`write_output` refuses to write over any of ``paths`` (the
    files a command reads), by the file each leads to, not by its spelling."""
    added = []
    for path in paths:
        identity = file_identity(path)
        if identity is not None and identity not in _PROTECTED:
            _PROTECTED[identity] = os.fspath(path)
            added.append(identity)
    try:
        yield
    finally:
        for identity in added:
            _PROTECTED.pop(identity, None)


def refuse_input(path: str | os.PathLike[str]) -> None:
    """An :class:`OutputError` if ``path`` leads to a file the running command reads."""
    identity = file_identity(path)
    if identity is not None and identity in _PROTECTED:
        given = _PROTECTED[identity]
        same = "" if os.path.abspath(given) == os.path.abspath(path) else f" ({given})"
        raise OutputError(
            path,
            f"this is an input of the command{same}; writing here would replace it, so give "
            "another name",
        )


def _check_parent(path: Path) -> None:
    parent = path.parent
    if not parent.exists():
        raise OutputError(path, f"the folder {parent} does not exist; create it first")
    if not parent.is_dir():
        raise OutputError(path, f"{parent} is a file, not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(path, f"cannot write in {parent} (permission denied)")


def output_folder(path: str | os.PathLike[str]) -> Path:
    """The folder to write into, created if missing (its parent must exist)."""
    folder = Path(path)
    if folder.is_dir():
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError(folder, "cannot write in this folder (permission denied)")
        return folder
    if folder.exists() or folder.is_symlink():
        raise OutputError(folder, "this is a file, and a folder is needed; give a folder name")
    _check_parent(folder)
    try:
        folder.mkdir()
    except OSError as error:
        raise OutputError(folder, f"cannot create the folder ({error.strerror})") from None
    return folder


def check_output_file(path: str | os.PathLike[str]) -> Path:
    """``path`` as an output file: refused now (before any work) if it cannot be written."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(target, "this is a folder, and a file name is needed")
    if names_folder(os.fspath(path)):  # Path drops the final "/", and would name the file
        raise OutputError(os.fspath(path), "a name ending in / names a folder; give a file name")
    kind = _special(target)
    if kind is not None and kind not in _STREAMS:
        raise OutputError(target, f"this is {kind}, not a file; give a file name")
    if kind is None:
        _check_parent(target)
    refuse_input(target)
    return target


_STREAMS = ("a character device", "a FIFO (named pipe)")


def _special(target: Path) -> str | None:
    """What a path leads to when it is neither a regular file nor a folder, or None."""
    try:
        mode = os.stat(target).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISCHR(mode):
        return _STREAMS[0]
    if stat.S_ISFIFO(mode):
        return _STREAMS[1]
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


def _resolve_link(target: Path, folder: Path | None) -> Path:
    """Where a link at ``target`` leads, when that is inside ``folder`` (for a file written on
    its own, ``folder`` is None: the link must lead to a file in its own folder)."""
    real = target.resolve()
    inside = (
        real.parent == target.parent.resolve()
        if folder is None
        else real.is_relative_to(folder.resolve())
    )
    if not inside:
        where = folder if folder is not None else target.parent
        raise OutputError(
            target,
            f"this is a link to {real}, outside {where}; remove the link or write elsewhere",
        )
    return real


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)  # keep an existing file's permissions
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_output(
    path: str | os.PathLike[str], data: str | bytes, *, folder: str | os.PathLike[str] | None = None
) -> Path:
    """Write ``data`` (text is written as UTF-8) to ``path`` atomically; returns the path.

    ``folder`` is the output folder the user chose (by default the file's own folder): a link
    at ``path`` is followed only to a file inside it.
    """
    target = check_output_file(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if _special(target) is not None:  # /dev/null, /dev/stdout, a named pipe: never replaced
        _write_stream(target, payload)
        return target
    if target.is_symlink():
        target = _resolve_link(target, Path(folder) if folder is not None else None)
        check_output_file(target)
    if not payload and target.exists() and target.stat().st_size > 0:
        raise OutputError(
            target, "would replace a non-empty file with an empty one; nothing was written"
        )
    mode = _mode_for(target)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise OutputError(target, f"cannot write here ({error.strerror})") from None
    try:
        try:
            _write_all(handle, payload)
            os.fchmod(handle, mode)
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(
                target, f"cannot be written ({error.strerror or error}); nothing was changed"
            ) from None
        raise
    return target


def _write_stream(target: Path, payload: bytes) -> None:
    """Write to a character device or a FIFO as a stream (a FIFO nobody reads is refused rather
    than waited on)."""
    try:
        handle = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise OutputError(
                target, "this FIFO has no reader; start the reader first, then superplan"
            ) from None
        raise OutputError(target, f"cannot be written ({error.strerror or error})") from None
    try:
        os.set_blocking(handle, True)
        _write_all(handle, payload)
    except OSError as error:
        raise OutputError(target, f"cannot be written ({error.strerror or error})") from None
    finally:
        os.close(handle)


def _write_all(handle: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(handle, view)
        view = view[written:]
