"""Start-up: what ``--version``, ``--help`` and one command import and build, and the catalogue
kept ready-built between runs (never used stale)."""

import argparse
import json
import os
import pickle
import subprocess
import sys

import pytest

import superplan as sp
from superplan.catalogue import _cache, _load
from superplan.cli import _main, main

from ..conftest import EXAMPLES, ROOT


def _modules_after(*argv: str, cache: str = "off") -> set[str]:
    """The modules loaded by running the command line with ``argv`` in a new process."""
    script = (
        "import sys, json\n"
        "from superplan.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stdout.flush()\n"
        "sys.stderr.write('\\n' + json.dumps(sorted(sys.modules)))\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SUPERPLAN_CACHE": cache}
    done = subprocess.run(
        [sys.executable, "-c", script, *argv],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    return set(json.loads(done.stderr.splitlines()[-1]))


def test_version_imports_neither_the_model_nor_the_parser():
    loaded = _modules_after("--version")
    assert "superplan.model" not in loaded
    assert "argparse" not in loaded
    assert not {"attrs", "cattrs", "pendulum", "orjson", "jsonschema_rs"} & loaded


def test_version_prints_what_argparse_printed(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    fast = capsys.readouterr().out
    with pytest.raises(SystemExit) as stopped:
        _main.build_parser().parse_args(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == fast == f"superplan {sp.__version__}\n"


def test_help_imports_no_model_and_lists_every_command():
    loaded = _modules_after("--help")
    assert "superplan.model" not in loaded
    assert not {"attrs", "cattrs", "pendulum", "jsonschema_rs"} & loaded


def test_validate_a_valid_file_imports_no_converter(tmp_path):
    loaded = _modules_after("validate", str(EXAMPLES[0]), cache=str(tmp_path / "cache"))
    assert "superplan.validation" in loaded
    loaded = _modules_after("validate", str(EXAMPLES[0]), cache=str(tmp_path / "cache"))
    assert "cattrs" not in loaded  # the second run reads the catalogue ready-built
    assert "superplan.convert" not in loaded


def test_the_command_table_names_what_each_module_adds():
    for module_name, names in _main._COMMANDS.items():
        parser = argparse.ArgumentParser()
        commands = parser.add_subparsers()
        _main._module(module_name).add_commands(commands)
        assert tuple(commands.choices) == names


def test_a_command_builds_its_own_parser_alone():
    parser = _main.build_parser("validate")
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(commands.choices) == ["validate"]
    every = _main.build_parser()
    commands = next(a for a in every._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == set(_main._MODULE_OF)


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["validate", "x.json"], "validate"),
        (["--amendments", "a.json", "summarise", "x"], "summarise"),
        (["--amendments=a.json", "--no-progress", "render", "x"], "render"),
        (["--language", "cy", "import", "page", "x"], "import"),
        (["--lang", "cy", "validate"], None),  # an abbreviation: the whole parser decides
        (["--amendments", "--no-progress", "validate"], None),
        (["validat", "x.json"], None),  # a typo: the whole parser lists the choices
        ([], None),
    ],
)
def test_the_command_word_is_found_only_when_it_is_sure(argv, word):
    assert _main._command_word(argv)[0] == word


def test_a_mistyped_command_is_still_told_the_choices(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["validat", str(EXAMPLES[0])])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'validat'" in err
    assert "'validate'" in err
    assert "'summarise'" in err


def test_globals_before_the_command_still_work(capsys):
    assert main(["--no-progress", "--amendments", str(_amendment()), "show", "1"]) == 0
    assert capsys.readouterr().out


def _amendment():
    return ROOT / "tests" / "data" / "amendments" / "full-report.json"


# -- the catalogue kept ready-built ---------------------------------------------------------------


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SUPERPLAN_CACHE", str(folder))
    return folder


def test_the_cached_catalogue_equals_the_built_one(cache):
    built = _load._built()
    first = _cache.cached_catalogue(_load._built)  # builds and keeps
    files = list(cache.glob("catalogue-*.pickle"))
    assert len(files) == 1
    assert files[0].stat().st_mode & 0o077 == 0
    again = _cache.cached_catalogue(_fails)  # read: not built
    assert first == built == again
    assert again.addressed_to("cleveland") == built.addressed_to("cleveland")


def _fails():
    raise AssertionError("built, when the cache should have been read")


def test_a_changed_key_is_never_read(cache, monkeypatch):
    _cache.cached_catalogue(_load._built)
    (kept,) = cache.glob("catalogue-*.pickle")
    real = _cache._key
    monkeypatch.setattr(_cache, "_key", lambda: real() + b"\nforces.json changed")
    built = []
    _cache.cached_catalogue(lambda: built.append(1) or _load._built())
    assert built == [1]
    assert len(list(cache.glob("catalogue-*.pickle"))) == 2
    assert kept.exists()


def test_the_whole_key_is_compared_not_only_the_name(cache, monkeypatch):
    """A file under the right name whose head holds another key (a hash collision, an old
    format) is not used."""
    _cache.cached_catalogue(_load._built)
    (kept,) = cache.glob("catalogue-*.pickle")
    key = _cache._key()
    stale = b"x" * len(key)
    other = pickle.dumps("not a catalogue")
    kept.write_bytes(len(stale).to_bytes(4, "big") + stale + other)
    kept.chmod(0o600)
    built = []
    result = _cache.cached_catalogue(lambda: built.append(1) or _load._built())
    assert built == [1]
    assert result == _load._built()
    assert kept.read_bytes().startswith(len(key).to_bytes(4, "big") + key)  # written again


def test_the_key_follows_the_data_files(monkeypatch, tmp_path):
    """Each data file's size, time and checksum is in the key."""
    key = _cache._key().decode()
    for name in _cache.DATA_FILES:
        assert f"\n{name} " in key
    assert sp.__version__ in key
    assert "\n_plan.py " in key
    assert "\n_catalogue.py " in key
    assert "\nconvert.py " in key
    assert "\n_load.py " in key


def test_a_damaged_or_foreign_file_is_not_read(cache):
    _cache.cached_catalogue(_load._built)
    (kept,) = cache.glob("catalogue-*.pickle")
    content = kept.read_bytes()
    kept.write_bytes(content[:-100])  # cut short
    built = []
    assert _cache.cached_catalogue(lambda: built.append(1) or _load._built()) == _load._built()
    assert built == [1]
    kept.chmod(0o666)  # now others may write to it: never read, whatever it holds
    built.clear()
    _cache.cached_catalogue(lambda: built.append(1) or _load._built())
    assert built == [1]


def test_a_cache_folder_that_cannot_be_written_costs_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SUPERPLAN_CACHE", str(blocker / "cache"))
    assert _cache.cached_catalogue(_load._built) == _load._built()


@pytest.mark.parametrize("value", ["off", "", "0"])
def test_the_cache_can_be_turned_off(monkeypatch, value):
    monkeypatch.setenv("SUPERPLAN_CACHE", value)
    assert _cache.cache_folder() is None


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("SUPERPLAN_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert _cache.cache_folder() == tmp_path / "superplan"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as the spec says
    assert _cache.cache_folder() != tmp_path / "superplan"
