"""The release's version: one place, read by the build (hatch) and by ``superplan --version``."""

__version__ = "0.1.0"
