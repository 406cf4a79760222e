"""Running a command in a subprocess and measuring it: wall time, CPU time and peak memory."""

import os
import subprocess
import tempfile
import time
from typing import NamedTuple


class Measured(NamedTuple):
    wall: float
    """Seconds, start to end."""
    cpu: float
    """Seconds of CPU (user + system) of the process and the children it waited for: on a busy
    machine, far steadier than wall time."""
    peak_mb: float
    """The largest resident memory of the process or of any child it waited for, in MB."""
    user: float
    """Of ``cpu``, the seconds in the process's own code (the rest is the kernel's: reading
    files that are not in the page cache costs system time)."""


def measure(command: list[str], environment: dict[str, str] | None = None) -> Measured:
    start = time.perf_counter()
    # stderr to a file, not a pipe: a command that says much there would fill a pipe and wait.
    with open(os.devnull, "wb") as sink, tempfile.TemporaryFile() as said:
        process = subprocess.Popen(command, stdout=sink, stderr=said, env=environment)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        said.seek(0)
        errors = said.read()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {code}: {errors.decode()}")
    # ru_maxrss is in KiB on Linux.
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(wall, cpu, usage.ru_maxrss / 1024, usage.ru_utime)
