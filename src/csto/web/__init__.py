"""The web application and the REST API (Starlette, Jinja2, server-rendered SVG).

Pages and routes are built from the registry of questions and call the library; nothing
here decides an answer. It may import every layer below the command line (``cli``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .http import loopback

if TYPE_CHECKING:
    from ..record.history import History
    from .app import Guard


def create_app(history: History | None = None, listen: str | None = None) -> Guard:
    """The ASGI application on ``history`` (default: the packaged record), read-only unless
    it knows it listens on this computer (``listen``, or ``$CSTO_LISTEN``) or a write
    token is set."""
    from .app import create_app as build

    return build(history, listen)


def served() -> Guard:
    """The application as ``csto serve`` runs it in each worker: before its first request
    it draws what every page shares and sets what it loaded aside from the garbage
    collector (``app._warmed``)."""
    from .app import create_app as build

    return build(warm=True)


__all__ = ["create_app", "loopback", "served"]
