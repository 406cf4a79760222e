"""The shipped catalogue, kept ready-built between runs, so that a command starts without
structuring the data files again (and without importing the converter).

The catalogue is built from the data files as ever the first time, and pickled into the user's
cache folder (``$SUPERPLAN_CACHE``, else ``$XDG_CACHE_HOME/superplan``, else
``~/.cache/superplan``; ``SUPERPLAN_CACHE=off`` turns the cache off). The file's name is a hash of
everything the built catalogue depends on: the data files, the model's source, the catalogue
class, its loader and the converter (size, time and checksum of each), superplan's version, Python's version and the installed attrs and pendulum; that
whole key is written at the head of the file and compared in full before the rest is read, so a
stale file is never used. A file is read only if it and its folder belong to the
user running superplan and no one else may write to them (a pickle runs code as it is read). It
is written atomically, by the project's one writer. Any problem with the cache (no home folder, a
read-only disk, a damaged file) is silent: the catalogue is then built from the data files.
"""

import os
import pickle
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from .._version import __version__
from ._catalogue import Catalogue

__all__ = ["cache_folder", "cached_catalogue"]

#: The data files the catalogue is built from.
DATA_FILES = (
    "report.json",
    "recommendations.json",
    "milestones.json",
    "agencies.json",
    "forces.json",
    "sources.json",
)
#: Raised when the form of the cached file changes.
_FORMAT = b"superplan catalogue cache 1"


def cache_folder() -> Path | None:
    """Where the cache is kept, or None when it is turned off (or no folder can be named)."""
    given = os.environ.get("SUPERPLAN_CACHE")
    if given is not None:
        return None if given.strip().lower() in ("", "off", "0", "no") else Path(given)
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base) / "superplan"
    home = os.path.expanduser("~")
    return None if home == "~" else Path(home) / ".cache" / "superplan"


def _key() -> bytes:
    """Everything the built catalogue depends on, written out: the size, time and checksum of
    each data file and model source, the versions, and the form of this file. It is written at
    the head of the cached file and compared in full as it is read."""
    import zlib

    import attr
    import pendulum

    from .. import model

    here = Path(__file__).parent
    files = [here / "data" / name for name in DATA_FILES]
    files += sorted(Path(model.__file__).parent.glob("*.py"))
    # How the data is built: the catalogue class, the loader, and the converter (read from its
    # file, not imported: importing it is what the cache spares).
    files += [here / "_catalogue.py", here / "_load.py", here.parent / "convert.py"]
    parts = [_FORMAT.decode(), __version__, sys.version, str(pickle.HIGHEST_PROTOCOL)]
    for path in files:
        content = path.read_bytes()
        info = os.stat(path)
        parts.append(f"{path.name} {len(content)} {info.st_mtime_ns} {zlib.crc32(content):08x}")
    for module in (attr, pendulum):
        info = os.stat(module.__file__ or "")
        parts.append(f"{module.__name__} {module.__file__} {info.st_size} {info.st_mtime_ns}")
    return "\n".join(parts).encode("utf-8", "surrogateescape")


def _name(key: bytes) -> str:
    import zlib

    return f"catalogue-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.pickle"


def _safe(path: Path, *, folder: bool) -> bool:
    """True if ``path`` is the user's own and no one else may write to it."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    kind = stat.S_ISDIR if folder else stat.S_ISREG
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid
    return kind(info.st_mode) and info.st_uid == owner and not info.st_mode & 0o022


def cached_catalogue(build: Callable[[], Catalogue]) -> Catalogue:
    """The catalogue from the cache, or ``build()`` (then kept in the cache for next time)."""
    folder = cache_folder()
    if folder is None:
        return build()
    try:
        key = _key()
    except (OSError, AttributeError, TypeError):  # e.g. installed in a zip: no cache
        return build()
    head = len(key).to_bytes(4, "big") + key
    path = folder / _name(key)
    if _safe(folder, folder=True) and _safe(path, folder=False):
        try:
            content = path.read_bytes()
            # The whole key is compared, not only the hash in the name.
            loaded = pickle.loads(content[len(head) :]) if content.startswith(head) else None
        except Exception:  # damaged or unreadable: build it again, and write it again below
            loaded = None
        if type(loaded) is Catalogue:
            return loaded
    built = build()
    _keep(head + pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL), folder, path)
    return built


def _keep(content: bytes, folder: Path, path: Path) -> None:
    from .._files import write_output
    from ..errors import OutputError

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _safe(folder, folder=True):
            written = write_output(path, content)
            os.chmod(
                written, 0o600
            )  # whatever the umask: it is read only if no one else can write it
    except (OSError, OutputError):
        pass  # no cache this time: nothing is lost
