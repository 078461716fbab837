"""Research exports in the web application: the page, the downloads and the citations."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import Run


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from starlette.testclient import TestClient

    from csto.web import create_app

    with TestClient(create_app()) as test_client:
        yield test_client


@pytest.mark.parametrize("form", ["csv", "parquet", "dta"])
def test_a_download_is_the_file_csto_export_writes(client: Any, csto: Callable[..., Run],
                                                   tmp_path: Path, form: str) -> None:
    path = tmp_path / f"d.{form}"
    assert csto("export", "dyads", "--yearly", "--undirected", "--from", "2020-01-01",
                "--until", "2024-01-01", "-o", str(path)).code == 0
    response = client.get("/api/export/dyads", params={
        "yearly": "true", "undirected": "true", "from": "2020-01-01", "until": "2024-01-01",
        "format": form})
    assert response.status_code == 200
    assert response.content == path.read_bytes()
    assert "csto-dyads-year-2020-01-01-2024-01-01" in response.headers["content-disposition"]
    assert int(response.headers["x-csto-rows"]) > 0


def test_the_page_offers_every_panel_and_its_form_downloads(client: Any) -> None:
    page = client.get("/exports?lang=ru")
    assert page.status_code == 200 and 'action="/exports/download"' in page.text
    assert "<code translate=\"no\">base_consent</code>" in page.text
    response = client.get("/exports/download", params={
        "panel": "members", "yearly": "false", "undirected": "false", "from": "2012-12-18",
        "until": "2012-12-21", "format": "csv", "lang": "ru"})
    lines = response.text.splitlines()
    assert response.status_code == 200 and lines[0].startswith('"iso3"')
    assert any('"UZB"' in line and '"suspended"' in line for line in lines)


@pytest.mark.parametrize("query, field", [
    ("/api/export/treaties", "panel"),
    ("/api/export/members?undirected=true", "directed"),
    ("/api/export/dyads?yearly=perhaps", "yearly"),
    ("/api/export/dyads?format=xlsx", "format"),
    ("/api/export/dyads?until=1990-01-01", "until"),
    ("/api/export/dyads?colour=red", "colour"),
    ("/api/cite?format=ris", "format"),
])
def test_bad_requests_are_json_errors_naming_the_field(client: Any, query: str,
                                                       field: str) -> None:
    response = client.get(query)
    assert response.status_code in (400, 404)
    assert response.json()["error"]["field"] == field


def test_citations_are_what_csto_cite_prints(client: Any, csto: Callable[..., Run]) -> None:
    cli = csto("cite", "members", "--from", "2012-12-01", "--until", "2013-01-01")
    api = client.get("/api/cite?panel=members&from=2012-12-01&until=2013-01-01")
    assert api.status_code == 200 and api.text.rstrip("\n") == cli.out.rstrip("\n")
    assert "tass-687141" in api.text
