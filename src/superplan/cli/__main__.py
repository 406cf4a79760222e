"""``python -m superplan.cli``: the command line."""

from . import main

raise SystemExit(main())
