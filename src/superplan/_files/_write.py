"""Writing output files: one way, for every command and every library function that writes.

- Atomic: the bytes go to a temporary file beside the target, which then replaces it in one
  rename. A failure (a full disk, Ctrl-C) leaves the old file as it was, and no partial file.
- A link at an output path is followed only to a file inside the output folder; one pointing
  elsewhere is refused, so that nothing is written outside the folder the user chose.
- A non-empty file is never replaced by an empty one.
- Every mistake in an output path (a missing parent folder, a file where a folder is needed, a
  folder where a file is needed, no permission) is an :class:`OutputError` naming the path and
  saying what to do: the command line exits 2 on it.
"""

import os
import stat
import tempfile
from pathlib import Path

from ..errors import OutputError
from ._paths import names_folder

__all__ = ["OutputError", "output_folder", "write_output"]


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
    _check_parent(target)
    return target


def _resolve_link(target: Path, folder: Path) -> Path:
    """Where a link at ``target`` leads, when that is inside ``folder``."""
    real = target.resolve()
    if not real.is_relative_to(folder.resolve()):
        raise OutputError(
            target,
            f"this is a link to {real}, outside {folder}; remove the link or write elsewhere",
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
    if target.is_symlink():
        target = _resolve_link(target, Path(folder) if folder is not None else target.parent)
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


def _write_all(handle: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(handle, view)
        view = view[written:]
