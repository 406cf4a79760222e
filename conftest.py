"""Collection settings for the whole tree: the web checker's modules import its optional extra
(``superplan[serve]``), so their doctests are collected only where it is installed."""

from importlib.util import find_spec

collect_ignore_glob = [] if find_spec("starlette") else ["src/superplan/web/_*.py"]
