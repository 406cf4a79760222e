"""The submission checker in the browser and the HTTP API (the optional ``serve`` extra:
``pip install 'superplan[serve]'``).

>>> from superplan.web import create_app   # doctest: +SKIP
>>> app = create_app(store="submissions")  # an ASGI application, for uvicorn or mounting

Importing this package needs no extra; :func:`create_app` and :func:`serve` say how to install
it when it is missing.
"""

import os
from importlib.util import find_spec
from typing import Any

__all__ = ["INSTALL_HINT", "MissingExtra", "create_app", "missing_extra", "serve"]

INSTALL_HINT = "pip install 'superplan[serve]'"
_NEEDED = ("starlette", "uvicorn", "python_multipart", "anyio")


class MissingExtra(ImportError):
    """The ``serve`` extra is not installed."""


def missing_extra() -> list[str]:
    """The packages of the ``serve`` extra that are not installed."""
    return [name for name in _NEEDED if find_spec(name) is None]


def _require() -> None:
    missing = missing_extra()
    if missing:
        raise MissingExtra(
            f"the web checker needs the serve extra ({', '.join(missing)} missing): {INSTALL_HINT}"
        )


def create_app(
    *,
    store: str | os.PathLike[str] | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    workers: int | None = None,
    catalogue: Any = None,
) -> Any:
    """The checker as an ASGI application, to run with uvicorn or to mount in another service.

    ``store``: a folder where accepted submissions are kept (created if missing); without it
    nothing is kept. ``max_bytes``: the largest file accepted (default 5 MiB, as the command
    line's). ``timeout``: seconds one request's work may take (default 30). ``workers``:
    submissions checked at once (default 4). ``catalogue``: an amended catalogue to check
    against. Raises :class:`MissingExtra` when the ``serve`` extra is not installed.
    """
    _require()
    from ..validation import DEFAULT_MAX_BYTES
    from ._app import DEFAULT_TIMEOUT, DEFAULT_WORKERS, create_app as build

    return build(
        store=store,
        max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes,
        timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
        workers=DEFAULT_WORKERS if workers is None else workers,
        catalogue=catalogue,
    )


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    store: str | os.PathLike[str] | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    workers: int | None = None,
    catalogue: Any = None,
    proxy_headers: bool = False,
    ready: Any = None,
) -> None:
    """Run the checker with uvicorn until interrupted (Ctrl-C raises KeyboardInterrupt once the
    server has shut down). The socket is bound here, so that an address in use is an
    :class:`OSError` saying so. ``ready``, if given, is called with the port once bound."""
    app = create_app(
        store=store, max_bytes=max_bytes, timeout=timeout, workers=workers, catalogue=catalogue
    )
    import socket

    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)  # connections wait in the queue from now on, even before uvicorn runs
    except OSError as error:
        sock.close()
        raise OSError(
            error.errno, f"cannot listen on {host}:{port} ({error.strerror or error})"
        ) from None
    config = uvicorn.Config(
        app,
        proxy_headers=proxy_headers,
        forwarded_allow_ips="127.0.0.1" if proxy_headers else None,
        server_header=False,
        log_level="info",
        limit_concurrency=256,
        timeout_keep_alive=5,
    )
    if ready is not None:
        ready(sock.getsockname()[1])
    with sock:
        uvicorn.Server(config).run(sockets=[sock])
