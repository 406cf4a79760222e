"""Files in and out: the paths a command was pointed at, reading under the size limit, atomic
writing, and the files that travel with superplan (its schemas and docs).

- :mod:`._paths`: folders expanded, ``-``, names given as folders;
- :mod:`._read`: every input read under the limit (files, standard input, FIFOs, devices);
- :mod:`._write`: every output written atomically, links checked, special files refused;
- :mod:`._shipped`: where the shipped schemas and docs are.
"""

from ._paths import STDIN, GivenPath, expand_paths, names_folder, path_problem
from ._read import decode_text, read_json, read_limited
from ._shipped import docs_folder, schema_file, schemas_folder
from ._write import (
    check_output_file,
    file_identity,
    output_folder,
    protecting,
    write_output,
)

__all__ = [
    "STDIN",
    "GivenPath",
    "check_output_file",
    "decode_text",
    "docs_folder",
    "expand_paths",
    "file_identity",
    "names_folder",
    "output_folder",
    "path_problem",
    "protecting",
    "read_json",
    "read_limited",
    "schema_file",
    "schemas_folder",
    "write_output",
]
