"""Web addresses: which texts a page can link to."""

from urllib.parse import urlsplit

__all__ = ["web_address"]


def web_address(url: str | None) -> str | None:
    """The URL, stripped, if it is a web address a page can link to (``http`` or ``https``, a
    host, a port that is a number, no spaces or control characters); None for anything else
    (``javascript:``, ``http://[::1`` with its IPv6 host unclosed, ``http://x:port/``)."""
    if not url or any(c.isspace() or not c.isprintable() for c in url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 -- a bad port ("http://x:y") raises only when it is read
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None
