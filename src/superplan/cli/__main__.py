"""``python -m superplan.cli``: the command line."""

from ._main import main

raise SystemExit(main())
