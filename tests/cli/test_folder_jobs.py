"""Folder runs stream, and ``--jobs N`` gives the same bytes as one process."""

import argparse
import gc
import io
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import time
import weakref

import pytest

import superplan as sp
from superplan._files import expand_paths
from superplan.cli import main
from superplan.cli._folder import FolderRun
from superplan.validation import DEFAULT_MAX_BYTES, merge

from ..conftest import DATA, EXAMPLES, ROOT

INVALID = sorted((DATA / "invalid").glob("*.json"))


@pytest.fixture
def mixed(tmp_path: pathlib.Path) -> pathlib.Path:
    """Valid plans, one with a warning, invalid ones, unreadable ones (no such file, not UTF-8,
    empty), a sub-folder; more files than the chunks a pool hands out."""
    folder = tmp_path / "plans"
    (folder / "sub").mkdir(parents=True)
    for path in EXAMPLES:
        shutil.copy(path, folder / path.name)
        shutil.copy(path, folder / "sub" / f"copy-{path.name}")
    for path in INVALID:
        shutil.copy(path, folder / path.name)
    (folder / "gone.json").symlink_to(tmp_path / "nowhere.json")
    return folder


def _expected(folder: pathlib.Path, *, json_format: bool, strict: bool) -> str:
    """The output as the command wrote it before it streamed: every report kept, then printed."""
    from superplan.errors import printable

    reports = [sp.validate(path) for path in expand_paths([str(folder)])]
    with_errors = sum(1 for r in reports if not r.valid)
    warned = sum(1 for r in reports if r.valid and r.warnings)
    failing = [r for r in reports if not r.passes(strict=strict)]
    if json_format:
        payload = {
            "files": [report.to_dict() for report in reports],
            "summary": {
                "files": len(reports),
                "valid": len(reports) - with_errors,
                "with_errors": with_errors,
                "with_warnings": warned,
                "strict": strict,
                "passed": not failing,
                "counts": merge(reports),
            },
        }
        return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    texts = [report.format_text() for report in reports]
    texts.append(
        f"{len(reports)} file(s) checked: {len(reports) - with_errors} valid, "
        f"{with_errors} with errors, {warned} valid with warnings"
    )
    return "".join("\n".join(printable(line) for line in text.split("\n")) + "\n" for text in texts)


@pytest.mark.parametrize("json_format", [False, True])
@pytest.mark.parametrize("strict", [False, True])
def test_streamed_output_is_what_keeping_every_report_printed(mixed, capsys, json_format, strict):
    argv = ["validate", str(mixed), "--jobs", "1"]
    argv += ["--format", "json"] if json_format else []
    argv += ["--strict"] if strict else []
    assert main(argv) == 2  # an unreadable file
    out = capsys.readouterr().out
    assert out == _expected(mixed, json_format=json_format, strict=strict)
    if json_format:
        assert len(json.loads(out)["files"]) == 2 * len(EXAMPLES) + len(INVALID) + 1


@pytest.mark.parametrize("argv", [[], ["--format", "json"], ["--strict", "--no-hints"]])
def test_jobs_give_the_same_bytes_and_exit_code_as_one_process(mixed, capsys, argv):
    assert main(["validate", str(mixed), "--jobs", "1", *argv]) == 2
    one = capsys.readouterr()
    for jobs in ("2", "3"):
        assert main(["validate", str(mixed), "--jobs", jobs, *argv]) == 2
        many = capsys.readouterr()
        assert many.out == one.out
        assert many.err == one.err


def test_jobs_on_valid_files_exit_0_and_with_findings_1(tmp_path, capsys):
    folder = tmp_path / "plans"
    folder.mkdir()
    for path in EXAMPLES:
        shutil.copy(path, folder / path.name)
    assert main(["validate", str(folder), "--jobs", "2"]) == 0
    assert f"{len(EXAMPLES)} file(s) checked: {len(EXAMPLES)} valid" in capsys.readouterr().out
    shutil.copy(DATA / "invalid" / "many-problems-at-once.json", folder / "bad.json")
    assert main(["validate", str(folder), "--jobs", "2"]) == 1


def test_standard_input_among_the_files_is_read_by_the_parent(monkeypatch, capsys):
    import io

    text = EXAMPLES[0].read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    assert main(["validate", "-", str(EXAMPLES[1]), "--jobs", "2"]) == 0
    assert "2 file(s) checked: 2 valid" in capsys.readouterr().out


def test_a_bug_in_one_file_with_jobs_exits_3_and_the_rest_go_on(tmp_path, monkeypatch, capsys):
    import superplan.validation as validation_package

    real = validation_package.validate
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("a.json", "b.json", "c.json", "d.json"):
        shutil.copy(EXAMPLES[0], folder / name)

    def sometimes_broken(path, **kwargs):
        if pathlib.Path(path).name == "b.json":
            raise ZeroDivisionError("a bug")
        return real(path, **kwargs)

    # The workers are forked: they see the patched function too.
    monkeypatch.setattr(validation_package, "validate", sometimes_broken)
    assert main(["validate", str(folder), "--jobs", "2"]) == 3
    captured = capsys.readouterr()
    assert f"superplan: {folder}/b.json: internal error (ZeroDivisionError: a bug)" in captured.err
    assert "3 file(s) checked: 3 valid" in captured.out
    assert (
        captured.out.index("a.json") < captured.out.index("c.json") < captured.out.index("d.json")
    )


@pytest.mark.parametrize("given", ["0", "-2", "two"])
def test_jobs_must_be_a_whole_number_of_one_or_more(given, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["validate", str(EXAMPLES[0]), "--jobs", given])
    assert stopped.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_a_folder_run_lets_each_report_go_once_it_is_kept(mixed):
    """Flat memory: no report outlives the step that kept what the command needs of it."""
    alive: list[weakref.ref[sp.ValidationReport]] = []
    run = FolderRun([str(mixed)])
    args = argparse.Namespace(amendments=[], max_bytes=DEFAULT_MAX_BYTES, no_progress=True)
    seen = 0
    for kept in run.kept(args, "validating", "files", _remember, alive, jobs=1):
        gc.collect()
        assert sum(ref() is not None for ref in alive) <= 1  # at most the one just made
        assert kept in ("valid", "not valid")
        seen += 1
    assert seen == len(alive) == 2 * len(EXAMPLES) + len(INVALID) + 1


def _remember(report: sp.ValidationReport, alive: list) -> str:
    alive.append(weakref.ref(report))
    return "valid" if report.valid else "not valid"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("wait", [0.5, *[0.0] * 8])
def test_ctrl_c_stops_a_pool_at_once_and_exits_130(tmp_path, wait):
    """Even with a worker stuck on a FIFO that a writer holds open and never writes to; and
    even the moment the pool has started (a signal sent to one of the pool's threads woke no
    one, so the command never stopped; the pool's thread said so in a traceback)."""
    folder = tmp_path / "plans"
    folder.mkdir()
    fifo = folder / "a-stuck.json"
    os.mkfifo(fifo)
    for index in range(4):
        shutil.copy(EXAMPLES[0], folder / f"b-{index}.json")
    holder = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # a writer that never writes
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "superplan.cli", "validate", str(folder), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    try:
        children = pathlib.Path(f"/proc/{process.pid}/task/{process.pid}/children")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not children.read_text().split():
            time.sleep(0.05)
        assert children.read_text().split(), "the pool never started"
        time.sleep(wait)  # the workers are at the files, or only just started
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        os.close(holder)
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130
    assert err.decode().strip().splitlines()[-1] == "superplan: interrupted"


def test_spawned_workers_give_the_same_bytes(mixed, capsys, monkeypatch):
    """Where fork is not used (macOS, Windows), workers are spawned and load the catalogue
    themselves: the same output."""
    assert main(["validate", str(mixed), "--jobs", "1", "--format", "json"]) == 2
    one = capsys.readouterr()
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "src"))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert main(["validate", str(mixed), "--jobs", "2", "--format", "json"]) == 2
    spawned = capsys.readouterr()
    assert spawned.out == one.out
    assert spawned.err == one.err


def test_far_more_jobs_than_cores_or_files_start_no_more_processes(tmp_path, monkeypatch, capsys):
    from concurrent import futures

    started = []
    real = futures.ProcessPoolExecutor

    def counting(workers, **kwargs):
        started.append(workers)
        return real(workers, **kwargs)

    monkeypatch.setattr(futures, "ProcessPoolExecutor", counting)
    folder = tmp_path / "plans"
    folder.mkdir()
    for index in range(3):
        shutil.copy(EXAMPLES[0], folder / f"p{index}.json")
    assert main(["validate", str(folder), "--jobs", "100000"]) == 0
    assert started == [min(3, 4 * len(os.sched_getaffinity(0)))]
    assert "3 file(s) checked: 3 valid" in capsys.readouterr().out


class _Terminal(io.StringIO):
    """One terminal that stdout and stderr both write to."""

    def isatty(self) -> bool:
        return True


def _shown(written: str) -> list[str]:
    """The lines a terminal shows for ``written``: a carriage return goes back to the start of
    the line, and what follows overwrites it."""
    lines = []
    for line in written.split("\n"):
        screen: list[str] = []
        for part in line.split("\r"):
            for column, char in enumerate(part):
                if column < len(screen):
                    screen[column] = char
                else:
                    screen.append(char)
        lines.append("".join(screen).rstrip())
    return lines


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_progress_line_never_mixes_with_reports_on_one_terminal(
    tmp_path, monkeypatch, capsys, jobs
):
    from superplan.cli import _meter

    folder = tmp_path / "plans"
    folder.mkdir()
    for index in range(_meter.MIN_ITEMS + 5):
        shutil.copy(EXAMPLES[0], folder / f"p{index:02d}.json")
    assert main(["validate", str(folder), "--jobs", "1", "--no-progress"]) == 0
    plain = capsys.readouterr().out
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(_meter, "_REDRAWS_PER_SECOND", 10**9)  # draw at every file
    assert main(["validate", str(folder), "--jobs", jobs]) == 0
    written = terminal.getvalue()
    assert "validating 0/25 files" in written
    assert _shown(written) == plain.split("\n")


def test_by_default_a_pool_only_for_runs_where_it_pays(tmp_path, monkeypatch, capsys):
    from concurrent import futures

    from superplan.cli._validate import POOL_FROM

    started = []
    real = futures.ProcessPoolExecutor

    def counting(workers, **kwargs):
        started.append(workers)
        return real(workers, **kwargs)

    monkeypatch.setattr(futures, "ProcessPoolExecutor", counting)
    folder = tmp_path / "plans"
    folder.mkdir()
    for index in range(POOL_FROM - 1):
        shutil.copy(EXAMPLES[0], folder / f"p{index:02d}.json")
    assert main(["validate", str(folder)]) == 0
    assert started == []  # a small run: one process
    shutil.copy(EXAMPLES[0], folder / "last.json")
    assert main(["validate", str(folder)]) == 0
    cores = len(os.sched_getaffinity(0))
    assert started == ([] if cores == 1 else [cores])
    assert f"{POOL_FROM} file(s) checked" in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["text", "json"])
def test_a_bad_amendment_file_stops_the_run_before_anything_is_printed(capsys, kind):
    bad = DATA / "amendments" / "bad-json.json"
    code = main(["validate", str(EXAMPLES[0]), "--amendments", str(bad), "--format", kind])
    assert code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "bad-json.json:2:1" in captured.err
