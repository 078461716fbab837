"""What every route needs: the history, the stored scenarios, templates, the response
cache and the reader's language."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

from starlette.requests import Request

from ..present.i18n import gettext_for
from ..record.history import History
from ..record.vocab import LANGS
from ..scenario.kept import Kept, Tag

if TYPE_CHECKING:
    from ..questions.registry import Question

HERE = Path(__file__).parent


class Release(NamedTuple):
    """Which release of the record answers: the day it was reviewed to, and a short hash
    of its data files (a link made on one release can say when the record has changed)."""

    reviewed: date | None
    digest: str


def release_of(history: History) -> Release:
    """The release of the record a site answers from (its data folder's files, hashed)."""
    import hashlib

    from ..record.cache import data_files
    from ..record.load import data_folder

    folder = data_folder()
    digest = hashlib.sha256()
    for name in data_files(folder):
        digest.update(name.encode() + b"\0" + (Path(folder) / name).read_bytes() + b"\0")
    return Release(history.review.reviewed if history.review else None, digest.hexdigest()[:10])


class Cache:
    """Finished responses by request, least recently used dropped first, bounded in bytes."""

    def __init__(self, limit: int = 64 * 1024 * 1024) -> None:
        self.limit = limit
        self.size = 0
        self.items: OrderedDict[Hashable, bytes] = OrderedDict()

    def get(self, key: Hashable) -> bytes | None:
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key: Hashable, value: bytes) -> bytes:
        if key not in self.items:
            self.items[key] = value
            self.size += len(value)
            while self.size > self.limit and self.items:
                _, dropped = self.items.popitem(last=False)
                self.size -= len(dropped)
        return value


class Site:
    """What every route needs: the history, the templates, the cache, the languages."""

    def __init__(self, history: History | None = None) -> None:
        from jinja2 import Environment, FileSystemLoader, select_autoescape

        from ..record.load import load_history

        self.history = history or load_history()
        self.cache = Cache()
        self.scenarios = Kept(self.history)
        """The stored what-if scenarios, their histories built once per version."""
        self.templates = Environment(loader=FileSystemLoader(HERE / "templates"),
                                     autoescape=select_autoescape(["html"]),
                                     trim_blocks=True, lstrip_blocks=True)
        self.nav: list[tuple[str, str]] = []
        self.release = release_of(self.history)
        self.listen: str | None = None
        """The address the server listens on, where it is known (``app.create_app``)."""
        self.providers: tuple[ModuleType, ...] = ()
        """The modules whose routes make the application (``app.PROVIDERS``)."""

    def history_for(self, values: dict[str, str]) -> tuple[History, Tag | None]:
        """The history a request asks about (``scenario=NAME`` taken out of ``values``),
        and a tag that keeps cached answers of different scenarios apart."""
        return self.scenarios.resolve(values.pop("scenario", ""))

    def answer_bytes(self, question: Question, values: dict[str, str], lang: str) -> bytes:
        """The JSON form of an answer, from the cache where it was asked before."""
        from ..present.tojson import to_bytes
        from ..questions.registry import ask

        values = dict(values)
        history, tag = self.history_for(values)
        key = ("json", question.name, tuple(sorted(values.items())), lang, tag)
        found = self.cache.get(key)
        if found is not None:
            return found
        answer = ask(question.name, values, history)
        return self.cache.put(key, to_bytes(answer, lang))

    def lang(self, request: Request) -> str:
        """The reader's language: ``?lang=``, else the browser's, else English."""
        asked = request.query_params.get("lang")
        if asked in LANGS:
            return str(asked)
        from babel import negotiate_locale

        header = request.headers.get("accept-language", "")
        preferred = [part.split(";")[0].strip().replace("-", "_") for part in header.split(",")]
        chosen = negotiate_locale([p for p in preferred if p], list(LANGS), sep="_")
        return chosen or "en"

    def render(self, template: str, lang: str, **context: object) -> str:
        """A page: the template with the reader's words, the menus and the release."""
        from babel.numbers import format_decimal

        from ..present.i18n import format_day, ngettext_for
        from ..present.labels import GROUPS
        from .forms import language_names

        gettext = gettext_for(lang)
        reviewed = (format_day(self.release.reviewed, lang) if self.release.reviewed else "")
        return self.templates.get_template(template).render(
            _=gettext, ngettext=ngettext_for(lang), lang=lang, langs=LANGS, nav=self.nav,
            groups=GROUPS, language_names=language_names(), release=self.release,
            reviewed=reviewed, number=lambda value: format_decimal(value, locale=lang),
            **context)
