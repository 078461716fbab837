"""Screenshots for the documentation: the home page in Indonesian, and one answer page.

    python scripts/screenshots.py    # needs Debian's chromium and a free port 8765
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PAGES = {
    "home-id.png": "/?on=2024-03-01&lang=id",
    "assist-arm-2022-en.png": "/assist?victim=ARM&against=AZE&on=2022-09-13&lang=en",
}


def main() -> None:
    server = subprocess.Popen([sys.executable, "-m", "csto", "serve", "--port", "8765",
                               "--workers", "1"], stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen("http://127.0.0.1:8765/api/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        DOCS.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            for name, path in PAGES.items():
                page.goto(f"http://127.0.0.1:8765{path}")
                page.screenshot(path=str(DOCS / name), full_page=name.startswith("home"))
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
