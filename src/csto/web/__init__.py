"""The web application and the REST API (Starlette, Jinja2, server-rendered SVG).

Pages and routes are built from the registry of questions and call the library; nothing
here decides an answer. It may import every layer below the command line (``cli``).
"""

from __future__ import annotations

from typing import Any


def loopback(host: str) -> bool:
    """Whether ``host`` is an address of this computer only."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_app(history: Any = None) -> Any:
    """The ASGI application on ``history`` (default: the packaged record)."""
    from .app import create_app as build

    return build(history)


__all__ = ["create_app", "loopback"]
