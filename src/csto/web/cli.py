"""``csto serve``: the web application and the REST API on this computer."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

import click

from .._cli_options import lang_option
from .._output import warn

N_ = str


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def command(_: Callable[[str], str]) -> click.Command:
    @click.command("serve", help=_(N_("Serve the web application and the REST API (default: "
                                      "http://127.0.0.1:8000, this computer only).")))
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help=_(N_("Address to listen on; anything but a loopback address opens the "
                            "application to the network.")))
    @click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
                  help=_(N_("Port to listen on.")))
    @click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
                  help=_(N_("Worker processes.")))
    @lang_option(_)
    def serve(host: str, port: int, workers: int) -> None:
        import uvicorn

        if not _loopback(host):
            warn(_(N_("serving on {host}: the application is open to the network (it only "
                      "reads; nothing can be written through it)")).format(host=host))
        shown = f"[{host}]" if ":" in host else host
        click.echo(_(N_("csto is at http://{host}:{port}/ (press Ctrl+C to stop)")).format(
            host=shown, port=port), err=True)
        uvicorn.run("csto.web:create_app", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", access_log=False, server_header=False)

    return serve
