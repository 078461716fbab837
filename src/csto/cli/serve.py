"""``csto serve``: the web application and the REST API on this computer."""

from __future__ import annotations

import os
from collections.abc import Callable

import click

from .options import Whole, lang_option
from .output import warn

N_ = str


def command(_: Callable[[str], str]) -> click.Command:
    @click.command("serve", help=_(N_("Serve the web application and the REST API (default: "
                                      "http://127.0.0.1:8000, this computer only).")))
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help=_(N_("Address to listen on; anything but a loopback address opens the "
                            "application to the network.")))
    @click.option("--port", default=8000, show_default=True, type=Whole(_, 1, 65535),
                  help=_(N_("Port to listen on.")))
    @click.option("--workers", default=2, show_default=True, type=Whole(_, 1, 64),
                  help=_(N_("Worker processes.")))
    @lang_option(_)
    def serve(host: str, port: int, workers: int) -> None:
        import uvicorn

        from ..web.http import loopback
        from ..web.scenarios import LISTEN_ENV, TOKEN_ENV

        os.environ[LISTEN_ENV] = host  # the workers inherit it: writing depends on it
        if not loopback(host):
            message = (N_("serving on {host}: the application is open to the network; writing "
                          "scenarios needs the token set in CSTO_WRITE_TOKEN")
                       if os.environ.get(TOKEN_ENV) else
                       N_("serving on {host}: the application is open to the network; writing "
                          "scenarios is off (set CSTO_WRITE_TOKEN to allow it with that token)"))
            warn(_(message).format(host=host))
        shown = f"[{host}]" if ":" in host else host
        click.echo(_(N_("csto is at http://{host}:{port}/ (press Ctrl+C to stop)")).format(
            host=shown, port=port), err=True)
        uvicorn.run("csto.web:served", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", access_log=False, server_header=False)

    return serve
