"""End to end in Debian's Chromium, driven by Playwright, against `csto serve` on localhost.

Screenshots go to ``build/screenshots/``. Skipped where Chromium is not installed (CI
installs Debian's ``chromium`` package).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "build" / "screenshots"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium not installed")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """`csto serve` as `make run` starts it, on a free port."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "csto", "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/static/csto.css", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        raise AssertionError("the server did not start")
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    opened = context.new_page()
    failures: list[str] = []
    # A request the browser itself cancels (a favicon when the date control navigates away)
    # is no failure of ours: ERR_ABORTED is left out.
    opened.on("requestfailed", lambda request: failures.append(request.url)
              if "ERR_ABORTED" not in (request.failure or "") else None)
    opened.on("console", lambda message: failures.append(message.text)
              if message.type == "error" else None)
    yield opened
    context.close()
    assert not failures, failures


def test_home_page_is_usable_within_a_second_and_the_date_moves_it(page: Any, server: str) -> None:
    page.goto(f"{server}/?on=2024-02-21")
    usable = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    print(f"home page usable after {usable:.0f} ms")
    assert usable < 1000
    assert page.locator('[data-state="ARM"] path').get_attribute("class") == "st-member"
    page.screenshot(path=str(SHOTS / "home-en.png"))
    page.fill("#on", "2024-02-22")
    page.click("form.day button")
    page.wait_for_url("**on=2024-02-22**")
    assert page.locator('[data-state="ARM"] path').get_attribute("class") == "st-frozen"
    assert "22 February 2024" in page.locator("h1").inner_text()


def test_a_question_asked_through_its_form(page: Any, server: str) -> None:
    page.goto(f"{server}/assist")
    page.select_option("#f-victim", "ARM")
    page.select_option("#f-against", "AZE")
    page.fill("#f-on", "2022-09-13")
    page.click("form.ask button")
    page.wait_for_url("**victim=ARM**")
    answer = page.locator("article.answer")
    assert "must assist Armenia under Article 4" in answer.inner_text()
    page.screenshot(path=str(SHOTS / "assist-en.png"), full_page=True)


def test_switching_language_and_following_a_source(page: Any, server: str) -> None:
    page.goto(f"{server}/assist?victim=ARM&against=AZE&on=2022-09-13")
    page.click('nav.langs a[hreflang="id"]')
    page.wait_for_url("**lang=id**")
    assert page.locator("html").get_attribute("lang") == "id"
    assert "Pasal 4" in page.locator("article.answer").inner_text()
    page.locator(".refs a").first.click()
    page.wait_for_url("**#source-1")
    assert page.locator("#source-1").is_visible()


def test_clicking_a_state_on_the_map_tells_its_story(page: Any, server: str) -> None:
    page.goto(f"{server}/?on=2013-06-01&lang=ru")
    page.locator('[data-state="UZB"]').click()
    page.wait_for_url("**/history?state=UZB**")
    assert "Узбекистан" in page.locator("article.answer").inner_text()
    page.screenshot(path=str(SHOTS / "history-uzb-ru.png"))


def test_the_api_documentation_asks_a_question_from_its_own_page(page: Any, server: str) -> None:
    """The REST API's page is the OpenAPI description in words; its form for a question
    sends only what is filled in, and the answer is the JSON the API gives."""
    page.goto(f"{server}/api/docs?lang=ru")
    section = page.locator("#get-members")
    section.locator("summary").click()
    section.locator('input[name="on"]').fill("2000-06-01")
    section.locator("button").click()
    page.wait_for_url("**/api/members?on=2000-06-01**")
    assert '"iso3":"ARM"' in page.content().replace(" ", "")
