"""Screenshots for the documentation: the home page in Indonesian, English and Russian, the
same on a phone, and one answer page.

    python scripts/screenshots.py    # needs Debian's chromium; serves on a free port
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
DAY = "2024-03-01"
PAGES = {
    # name: (path, viewport width, whole page)
    "home-id.png": (f"/?on={DAY}&lang=id", 1280, False),
    "home-en.png": (f"/?on={DAY}&lang=en", 1280, False),
    "home-ru.png": (f"/?on={DAY}&lang=ru", 1280, False),
    "home-phone-id.png": (f"/?on={DAY}&lang=id", 390, False),
    "assist-arm-2022-en.png": ("/assist?victim=ARM&against=AZE&on=2022-09-13&lang=en", 1280,
                               False),
}
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def main() -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "csto", "serve", "--port", str(port),
                               "--workers", "1"], stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/api/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        DOCS.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            for name, (path, width, whole) in PAGES.items():
                phone = width < 600
                page = browser.new_page(viewport={"width": width, "height": 844 if phone else 1000},
                                        is_mobile=phone, has_touch=phone)
                page.goto(f"{url}{path}")
                page.screenshot(path=str(DOCS / name), full_page=whole)
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
