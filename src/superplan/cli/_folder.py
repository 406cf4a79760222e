"""The plan files a command was given, each read and checked on its own.

A folder is streamed: each file's report is turned, as it comes, into the little that the command
keeps of it (what it prints, a few counts), and let go, so that memory stays flat however many
files there are. With ``--jobs N`` the files are checked by a pool of N processes, and what they
give back is taken in the files' order, so that the output is the same, byte for byte.
"""

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar

from ._base import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    IO_CODES,
    OUT_OF_MEMORY,
    amended_catalogue,
    check_responder,
    complain,
    internal_error,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from .._files import GivenPath
    from ..catalogue import Catalogue
    from ..validation import ValidationReport

R = TypeVar("R")

#: What a worker is given: the catalogue (None where no amendments were given: validation then
#: checks against the shipped catalogue's index), the function that keeps what is needed of a
#: report, the options it takes, and the size limit. Set in the parent before a pool is forked
#: (the workers inherit it), or by each worker's initializer where processes are spawned.
_Work: TypeAlias = (
    "tuple[Catalogue | None, Callable[[ValidationReport, Any], Any], Any, int, str | None]"
)
_WORK: "_Work | None" = None


class Kept(Generic[R]):
    """What a command keeps of one file's report: ``value`` (from its ``keep`` function), whether
    the file could not be read, and a bug it tripped or memory running out on it (then ``value``
    is None)."""

    __slots__ = ("bug", "starved", "unreadable", "value")

    def __init__(
        self,
        value: R | None,
        unreadable: bool,
        bug: BaseException | None,
        *,
        starved: bool = False,
    ) -> None:
        self.value, self.unreadable, self.bug, self.starved = value, unreadable, bug, starved


def _check_one(path: "Path | GivenPath") -> "Kept[Any]":
    """Validate one file and keep what the command needs of it (in a worker, or in-process)."""
    from ..validation import validate

    assert _WORK is not None
    cat, keep, options, max_bytes, responder = _WORK
    try:
        report = validate(path, catalogue=cat, max_bytes=max_bytes, responder=responder)
        return Kept(keep(report, options), bool(IO_CODES.intersection(report.codes)), None)
    except MemoryError:  # not a bug: said as such, exit 2, and the other files go on
        return Kept(None, True, None, starved=True)
    except Exception as error:
        if os.environ.get("SUPERPLAN_DEBUG"):
            raise
        return Kept(None, False, _portable(error))


def _portable(error: Exception) -> Exception:
    """The error itself if it can be sent back from a worker, else one that says the same."""
    import pickle

    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _start_worker(
    amendments: list[str],
    keep: "Callable[[ValidationReport, Any], Any]",
    options: Any,
    limit: int,
    responder: str | None,
) -> None:
    """In each worker: Ctrl-C is the parent's to handle (it stops the pool), and the work."""
    global _WORK
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the parent's handlers, which turn SIGTERM and SIGHUP into an
    # exception to unwind by; a worker is simply ended by them (the pool's terminate).
    ended_by = {getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)}
    for signum in ended_by:
        signal.signal(signum, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # started while the parent blocked them: see below
        signal.pthread_sigmask(signal.SIG_UNBLOCK, ended_by)
    if _WORK is None:  # spawned, not forked: load the catalogue here
        from ..catalogue import catalogue

        # No amendments: validation checks against the shipped catalogue's index.
        cat = catalogue(amendments) if amendments else None
        _WORK = (cat, keep, options, limit, responder)


@contextlib.contextmanager
def _signals_to_this_thread() -> "Iterator[None]":
    """While the pool starts its threads: Ctrl-C, SIGTERM and SIGHUP blocked, so that those
    threads are born blocking them and any such signal comes to this (the main) thread, which
    waits on the results. Sent to a pool's thread instead, it would wake no one, and a worker
    waiting on a file no one writes to would keep the command from ever stopping."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:  # Windows: no signal masks, and no threads to send them to
        yield
        return
    wanted = {
        getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
    }
    mask(signal.SIG_BLOCK, wanted)
    try:
        yield
    finally:
        mask(signal.SIG_UNBLOCK, wanted)  # one that came meanwhile is raised here


def _quiet_threads() -> None:
    """From now on, say nothing of an exception in another thread. Ending the workers under a
    running pool makes the pool's own thread raise as it finds them gone (CPython 3.11 sets an
    exception on a future already cancelled, or reads a pipe already closed), after the command
    has said why it stops; the command is ending, and that is all it should say."""
    import threading

    threading.excepthook = _say_nothing


def _say_nothing(_: "threading.ExceptHookArgs") -> None:
    return None


#: The most processes a pool is given (ProcessPoolExecutor's limit on Windows).
_MOST_JOBS = 61


def _nothing() -> None:
    pass


def usable_cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU mask)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class FolderRun:
    """The plan files a command was given, each checked on its own: a file that cannot be read,
    or that trips a bug, is reported with its path and the others still go through."""

    def __init__(self, paths: Sequence[str]) -> None:
        from .._files import STDIN, GivenPath, expand_paths

        self.given = paths
        self.paths: list[Path | GivenPath] = []
        self.bugs = 0
        self.unreadable = 0
        #: Rubs out the progress line, before the caller writes to stdout.
        self.clear: Callable[[], None] = _nothing
        seen: set[str] = set()
        for path in expand_paths(paths):
            # A file given twice (or found twice) is read once: a roll-up would count it twice.
            name = os.fspath(path)
            # realpath would take "plan.json/" for "plan.json": such a name is its own key.
            key = name if name == STDIN or isinstance(path, GivenPath) else os.path.realpath(name)
            if key in seen:
                complain(f"{path}: given more than once; read once")
                continue
            seen.add(key)
            self.paths.append(path)

    def reports(
        self, args: argparse.Namespace, doing: str, things: str, responder: str | None = None
    ) -> "Iterator[ValidationReport]":
        from ..validation import validate
        from ._meter import metered

        cat = amended_catalogue(args)
        if responder is not None:
            check_responder(cat, responder)  # unknown: a usage error (exit 2), nothing read
        for path in metered(self.paths, doing, things, enabled=not args.no_progress):
            try:
                report = validate(
                    path, catalogue=cat, max_bytes=args.max_bytes, responder=responder
                )
            except MemoryError:
                self.unreadable += 1
                complain(f"{path}: {OUT_OF_MEMORY}")
                continue
            except Exception as error:
                self.bugs += 1
                internal_error(error, about=f"{path}: ")
                continue
            if IO_CODES.intersection(report.codes):
                self.unreadable += 1
            yield report

    def kept(
        self,
        args: argparse.Namespace,
        doing: str,
        things: str,
        keep: "Callable[[ValidationReport, Any], R]",
        options: Any,
        *,
        jobs: int = 1,
        responder: str | None = None,
    ) -> "Iterator[R]":
        """What ``keep(report, options)`` keeps of each file's report, in the files' order, each
        report let go at once. ``keep`` must be a module-level function, and what it returns and
        ``options`` must pickle, for ``jobs`` above 1 (a pool of processes). A file that trips a
        bug is reported with its path, and the others still go through. Progress is drawn on
        stderr; the caller calls :meth:`clear` before it writes to stdout, so that the two do
        not mix on one terminal.

        Not itself a generator: what can fail before any file is read (a bad amendment file)
        fails here, at the call, before the caller has written anything."""
        from .._files import STDIN

        cat = amended_catalogue(args)
        if responder is not None:
            check_responder(cat, responder)  # unknown: a usage error (exit 2), nothing read
        work = (cat, keep, options, args.max_bytes, responder)
        # No more processes than files; nor than four a core (more only add overhead), nor
        # than the 61 a pool may have on Windows.
        jobs = min(jobs, len(self.paths), 4 * usable_cores(), _MOST_JOBS)
        if any(os.fspath(path) == STDIN for path in self.paths):
            jobs = 1  # standard input is the parent's alone
        return self._kept(work, args, doing, things, jobs)

    def _kept(
        self,
        work: _Work,
        args: argparse.Namespace,
        doing: str,
        things: str,
        jobs: int,
    ) -> "Iterator[Any]":
        global _WORK
        _WORK = work
        try:
            if jobs <= 1:
                yield from self._tally(map(_check_one, self.paths), args, doing, things)
            else:
                yield from self._pooled(args, doing, things, jobs)
        finally:
            _WORK = None

    def _pooled(
        self,
        args: argparse.Namespace,
        doing: str,
        things: str,
        jobs: int,
    ) -> "Iterator[Any]":
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        assert _WORK is not None
        # On Linux, forked workers inherit the loaded catalogue and modules: far quicker to
        # start. Elsewhere fork is unsafe (macOS) or absent (Windows): workers are spawned, and
        # each loads the catalogue in its initializer.
        linux = sys.platform.startswith("linux")
        context = multiprocessing.get_context("fork" if linux else "spawn")
        _, keep, options, limit, responder = _WORK
        # Small chunks: the order is kept at little cost, and Ctrl-C waits for little.
        chunk = max(1, min(16, len(self.paths) // (jobs * 8)))
        pool = ProcessPoolExecutor(
            jobs,
            mp_context=context,
            initializer=_start_worker,
            initargs=(list(args.amendments or []), keep, options, limit, responder),
        )
        try:
            with _signals_to_this_thread():
                results = pool.map(_check_one, self.paths, chunksize=chunk)
            yield from self._tally(results, args, doing, things)
        except BaseException:
            # Ctrl-C, a closed pipe, or a worker gone: stop the others at once (a worker may be
            # waiting on a FIFO no one writes to), rather than let them finish their files.
            _quiet_threads()
            try:
                workers = list((getattr(pool, "_processes", None) or {}).values())
            except RuntimeError:  # changed as it was read: those left end with the pool
                workers = []
            # And any worker the pool had started but not yet counted when Ctrl-C came: left
            # waiting on its file, it would keep the command from ever exiting.
            workers += [w for w in multiprocessing.active_children() if w not in workers]
            for worker in workers:
                worker.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)

    def _tally(
        self,
        results: "Iterator[Kept[Any]]",
        args: argparse.Namespace,
        doing: str,
        things: str,
    ) -> "Iterator[Any]":
        from ._meter import metered

        meter = metered(results, doing, things, enabled=not args.no_progress, total=len(self.paths))
        self.clear = meter.clear
        for path, kept in zip(self.paths, meter, strict=True):
            if kept.starved:
                meter.clear()
                self.unreadable += 1
                complain(f"{path}: {OUT_OF_MEMORY}")
                continue
            if kept.bug is not None:
                meter.clear()
                self.bugs += 1
                internal_error(kept.bug, about=f"{path}: ")
                continue
            if kept.unreadable:
                self.unreadable += 1
            yield kept.value

    def nothing_found(self) -> bool:
        if self.paths:
            return False
        complain("no .json files found in " + " ".join(self.given))
        return True

    def exit_code(self, *, problems: bool) -> int:
        """3 if a file tripped a bug, 2 if one could not be read, 1 for findings, else 0."""
        if self.bugs:
            return EXIT_INTERNAL
        if self.unreadable:
            return EXIT_USAGE
        return EXIT_PROBLEMS if problems else EXIT_OK
