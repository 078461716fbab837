"""Answers for a person in the terminal: the result first, then tables, the findings with
the articles behind them, and the sources, numbered, in the reader's language.

``render`` picks each answer's renderer by its type (one function per question below).
Tables are laid out as Rich lays them out; nothing here decides anything: it only reads
answers.
"""

from __future__ import annotations

import io
import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from datetime import date

from .._typing import TYPE_CHECKING
from ..questions.answers import (
    ArticleAnswer,
    CasesAnswer,
    Change,
    ChangesAnswer,
    Dispute,
    DisputesAnswer,
    DocumentsAnswer,
    ExercisesAnswer,
    ForcesAnswer,
    GroupingsAnswer,
    OrganizationAnswer,
    OverviewAnswer,
    StateHistoryAnswer,
)
from ..record.model import Announced, Citation, Exercise, Finding, ProcedureStep, Standing, Term, Text
from ..rules.answers import (
    AssistAnswer,
    BaseAnswer,
    ChairAnswer,
    DecisionAnswer,
    MembersAnswer,
    OfficialsAnswer,
    StandingAnswer,
    StepAnswer,
)
from . import labels
from .i18n import Localizer, join, language_name

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Literal, TypeAlias

    from rich.console import Console
    from rich.table import Table

    from ..record.history import History

    LineBlock: TypeAlias = tuple[Literal["line"], str | list[str], str]
    HeadingBlock: TypeAlias = tuple[Literal["heading"], str]
    TableBlock: TypeAlias = tuple[Literal["table"], list[str], list[list[str]], list[str]]
    FindingBlock: TypeAlias = tuple[Literal["finding"], str, str, str, str, list[tuple[str, str]]]
    SourcesBlock: TypeAlias = tuple[Literal["sources"]]
    Block: TypeAlias = LineBlock | HeadingBlock | TableBlock | FindingBlock | SourcesBlock
    """A part of a page: its kind, then that kind's parts (text, headers and rows...)."""

N_ = str


TABLE_LINK: ContextVar[Callable[[int], str] | None] = ContextVar("table_link", default=None)
"""Where the web application serves the n-th table of a page as CSV (unset: no link)."""
CAPTURE: ContextVar[list[tuple[list[str], list[list[str]]]] | None] = ContextVar(
    "capture", default=None)
"""Where ``tables`` collects the tables of an answer as it is rendered (unset: nowhere)."""


class Refs(str):
    """Numbered references to sources, keeping the ids they stand for (CSV gives the ids)."""

    ids: tuple[str, ...]

    def __new__(cls, text: str, ids: tuple[str, ...]) -> Refs:
        made = super().__new__(cls, text)
        made.ids = ids
        return made


class Foreign(str):
    """Text in another language than the page's (a name in its own language): pages mark it
    with its language, for screen readers and translators."""

    lang: str

    def __new__(cls, text: str, lang: str) -> Foreign:
        made = super().__new__(cls, text)
        made.lang = lang
        return made


class Link(str):
    """Text that links somewhere on a page (in the terminal it is just text)."""

    href: str

    def __new__(cls, text: str, href: str) -> Link:
        made = super().__new__(cls, text)
        made.href = href
        return made


class Page:
    """Text for one answer: lines and tables, with sources numbered as they are cited."""

    def __init__(self, answer: object, lang: str, html: bool = False) -> None:
        self.history: History = getattr(answer, "history")  # noqa: B009 (every answer's)
        self.loc = Localizer(self.history.countries, lang, dates="long")
        self.lang = lang
        self.as_html = html
        day = getattr(answer, "date", None)
        self.on: str | None = day.isoformat() if isinstance(day, date) else None
        self.blocks: list[Block] = []
        self.numbers: dict[str, int] = {}

    # -- words -----------------------------------------------------------------------
    def t(self, message: str, **params: object) -> str:
        return self.loc.gettext(message).format(**params)

    def label(self, table: dict[str, str], key: str | None) -> str:
        return self.loc.gettext(table[key]) if key in table else (key or "-")

    def day(self, value: date | None, precision: str = "day") -> str:
        return self.loc.day(value, "day" if precision == "inferred" else precision)

    def link(self, text: str, question: str, **params: str | None) -> Link:
        """A link to a question's page with these parameters (and the page's language); in
        the terminal, the text alone."""
        if not self.as_html:
            return Link(text, "")
        from urllib.parse import urlencode

        query = {k: v for k, v in params.items() if v is not None} | {"lang": self.lang}
        return Link(text, f"/{question}?{urlencode(query)}")

    def country(self, code: str | None) -> str:
        """A state's name, linked to its story; the terminal adds its code, for typing it."""
        if not code:
            return "-"
        name = self.loc.country(code)
        return self.link(name if self.as_html else f"{name} ({code})", "history", state=code,
                         on=self.on)

    def countries(self, codes: Iterable[str]) -> str:
        names = [self.loc.country(code) for code in codes]
        return join(names, self.loc.lang) if names else self.t(N_("none"))

    def text(self, value: Text | str | None) -> str:
        return self.loc.text(value) or "-"

    def refs(self, ids: Iterable[str]) -> str:
        numbers = []
        given = tuple(dict.fromkeys(ids))
        for ident in given:
            numbers.append(self.numbers.setdefault(ident, len(self.numbers) + 1))
        text = "[" + ", ".join(str(n) for n in sorted(set(numbers))) + "]" if numbers else ""
        return Refs(text, given)

    # -- layout: blocks, written out by ``finish`` as text or as HTML ----------------
    def line(self, text: str | list[str] = "", indent: str = "") -> None:
        """A paragraph (text, or parts of which some may be ``Foreign``); in the terminal
        later lines are indented by ``indent``."""
        self.blocks.append(("line", text, indent))

    def heading(self, text: str) -> None:
        self.blocks.append(("heading", text))

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[str]],
              anchors: Sequence[str] | None = None) -> None:
        """A table; ``anchors`` gives each row an id a link can point at (web pages)."""
        self.blocks.append(("table", list(headers), [list(row) for row in rows],
                            list(anchors or ())))

    def short_citation(self, citation: Citation) -> str:
        doc = self.history.documents[citation.document]
        title = self.loc.text(doc.short or doc.title)
        article = (self.t(N_("Art. {number}"), number=citation.article)
                   if citation.article[:1].isdigit() else self.t(N_("operative provision")))
        if doc.kind == "external":
            return f"{title}, {article}"
        return self.link(f"{title}, {article}", "article", document=citation.document,
                         number=citation.article, on=self.on)

    def citation(self, citation: Citation) -> str:
        documents = self.history.documents
        doc = documents[citation.document]
        title = self.loc.text(doc.short or doc.title)
        article = (self.t(N_("Art. {number}"), number=citation.article)
                   if citation.article[:1].isdigit() else self.t(N_("operative provision")))
        version = documents[citation.version]
        wording = self.loc.text(version.short or version.title)
        since = self.day(citation.in_force_from, citation.in_force_precision)
        note = "" if citation.wording_retrieved else self.t(N_(", wording not retrieved"))
        return self.t(N_("{document}, {article} (wording: {version}, in force since {since}{note})"),
                      document=title, article=article, version=wording, since=since, note=note)

    def findings(self, findings: Sequence[Finding]) -> None:
        if not findings:
            return
        for item in findings:
            sources = [s for c in item.citations for s in c.sources] + [
                s for f in item.facts for s in f.sources]
            self.blocks.append(("finding", item.kind, self.label(labels.KIND, item.kind),
                                self.loc.format(item), self.refs(sources),
                                [(self.short_citation(c), self.citation(c))
                                 for c in item.citations]))

    def procedure(self, steps: Sequence[ProcedureStep], title: str) -> None:
        if not steps:
            return
        self.heading(title)
        rows = []
        for item in steps:
            actor = (self.country(item.actor) if item.actor in self.history.countries
                     else self.label(labels.ACTOR, item.actor))
            condition = self.t(N_("required")) if item.required else self.t(N_("customary"))
            law = "; ".join(self.short_citation(c) for c in item.citations)
            extra = [self.label(labels.RULE, item.rule)] if item.rule else []
            if item.deadline:
                extra.append(self.day(item.deadline))
            rows.append((str(item.order), self.label(labels.STEP, item.code), actor,
                         ", ".join([condition, *extra]), law))
        self.table([self.t(N_("#")), self.t(N_("Step")), self.t(N_("Who")),
                    self.t(N_("How")), self.t(N_("Law"))], rows)

    def standings(self, standings: Iterable[Standing]) -> None:
        """The standings as a table; the terminal adds each state's code, for typing it."""
        standings = tuple(standings)
        rows = [[self.link(self.loc.country(s.iso3), "history", state=s.iso3, on=self.on),
                 self.label(labels.STATUS, s.status)
                 + (f" ({self.label(labels.BODY, s.body)})" if s.body else ""),
                 self.day(s.since, s.since_precision), self.refs(s.fact.sources)]
                for s in standings]
        headers = [self.t(N_("State")), self.t(N_("Standing")), self.t(N_("Since")),
                   self.t(N_("Sources"))]
        if not self.as_html:
            headers.insert(0, self.t(N_("Code")))
            for row, s in zip(rows, standings, strict=True):
                row.insert(0, s.iso3)
        self.table(headers, rows)

    def term(self, label: str, term: Term | None) -> None:
        if term is None:
            missing = self.t(N_("not recorded"))
            self.line(f"{label}: {missing}")
            return
        who = self.text(term.person) if term.person else ""
        extra = []
        if term.acting:
            extra.append(self.t(N_("acting")))
        if term.basis != "record":
            extra.append(self.label(labels.BASIS, term.basis))
        since = self.t(N_("since {date}"), date=self.day(term.start, term.precision))
        details = ", ".join([since, *extra])
        person = f"{who}, " if who else ""
        self.line(f"{label}: {person}{self.country(term.state)} ({details}) "
                  f"{self.refs(term.fact.sources)}")

    def finish(self) -> str:
        """The page as terminal text, or as HTML for the web application."""
        captured = CAPTURE.get()
        if captured is not None:
            captured.extend((block[1], [[_cell_data(cell) for cell in row] for row in block[2]])
                            for block in self.blocks if block[0] == "table")
        if self.numbers:
            self.blocks.append(("sources",))
        return _html(self) if self.as_html else _text(self)

    def source_lines(self) -> list[tuple[int, str, str, str]]:
        """Number, title, date and address of each source cited, in order of citation."""
        found = []
        for ident, number in sorted(self.numbers.items(), key=lambda item: item[1]):
            source = self.history.sources[ident]
            published = self.day(source.published, source.precision) if source.published else ""
            found.append((number, source.title, published, source.url or source.file or ""))
        return found

    def source_language(self, ident: str) -> str:
        """The language a source is written in, named in the reader's language (CLDR)."""
        code = self.history.sources[ident].language
        return language_name(self.lang, code) if code else ""


def _cell_data(cell: object) -> str:
    """A table cell as data: references as the ids of their sources."""
    if isinstance(cell, Refs):
        return " ".join(cell.ids)
    return str(cell)


def tables(answer: object, lang: str, renderer: Callable[..., str] | None = None,
           ) -> list[tuple[list[str], list[list[str]]]]:
    """The tables a person sees in an answer (as ``renderer`` writes it, by default the
    question's), as data (headers, rows), for CSV."""
    found: list[tuple[list[str], list[list[str]]]] = []
    token = CAPTURE.set(found)
    try:
        (renderer or render)(answer, lang, html=True)
    finally:
        CAPTURE.reset(token)
    return found


def _text(page: Page) -> str:
    """The blocks as terminal text: wrapped paragraphs, and tables laid out as Rich lays them
    out (``SIMPLE_HEAD``, no edge). A table whose cells are all narrow, one-line text and
    fit the width is written here; any other goes to Rich, which costs more to import than
    the rest of an answer."""
    out = io.StringIO()
    width = min(max(_columns(), 60), 140)
    console = None

    def line(text: str = "", indent: str = "") -> None:
        lines = textwrap.wrap(text, width, subsequent_indent=indent, break_long_words=False,
                              break_on_hyphens=False) if text else [""]
        for item in lines:
            out.write(_plain(item) + "\n")

    def heading(text: str) -> None:
        line()
        line(text)
        line("─" * min(len(text), width))

    findings_seen = False
    for block in page.blocks:
        if block[0] == "line":
            line("".join(block[1]), block[2])
        elif block[0] == "heading":
            heading(block[1])
        elif block[0] == "table":
            if not block[2]:
                line("  -")
                continue
            headers, rows = list(block[1]), [[str(cell) for cell in row] for row in block[2]]
            laid = _table(headers, rows, width)
            if laid is None:
                console = console or _console(out, width)
                console.print(_rich_table(headers, rows))
            else:
                out.write(laid)
        elif block[0] == "finding":
            if not findings_seen:
                heading(page.t(N_("Findings")))
                findings_seen = True
            _, _, label, text, refs, citations = block
            line(f"• {label}: {text} {refs}".rstrip(), "  ")
            cites = page.t(N_("cites"))
            for _, full in citations:
                line(f"  {cites} {full}", "    ")
        elif block[0] == "sources":
            heading(page.t(N_("Sources")))
            for number, title, published, where in page.source_lines():
                line(f"[{number}] {title}" + (f" ({published})" if published else ""), "     ")
                if where:
                    out.write(_plain(f"     {where}") + "\n")
    return out.getvalue().rstrip("\n")


def _columns(fallback: int = 100) -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it (``$COLUMNS``, else the
    terminal of standard output, else ``fallback``), without importing shutil, which loads
    the bz2 and lzma modules."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = fallback
        columns = columns or fallback
    return columns


_CONTROL = dict.fromkeys((7, 8, 11, 12, 13))
"""Control characters Rich drops from text (``rich.control.strip_control_codes``)."""


def _plain(text: str) -> str:
    """A line as Rich prints it with markup, highlighting and emoji off: control characters
    dropped, tabs expanded to 8 columns."""
    return text.translate(_CONTROL).expandtabs(8)


def _narrow(text: str) -> bool:
    """Whether every character of ``text`` takes one column on a terminal as Rich counts
    them (Latin, Greek, Cyrillic, Armenian, Georgian, general punctuation, arrows), so that its
    length is its width."""
    return all(" " <= c < "\x7f" or "\xa0" <= c < "\u0300" or "\u0370" <= c < "\u0483"
               or "\u048a" <= c < "\u0590" or "\u10a0" <= c < "\u1100"
               or "\u1e00" <= c < "\u1f00" or "\u2010" <= c < "\u2028"
               or "\u2190" <= c < "\u2200" for c in text)


def _table(headers: list[str], rows: list[list[str]], width: int) -> str | None:
    """The table as Rich writes it (``box.SIMPLE_HEAD``, no edge, no padding at the edges,
    one space of padding and a blank divider between columns), or None where only Rich can
    lay it out: a character of another width than one column, or a column narrowed to nothing.
    Columns too wide for the terminal are narrowed as Rich narrows them (the widest first,
    then all evenly) and their cells wrapped at spaces as Rich wraps them."""
    cells = [headers, *rows]
    if not all(_narrow(cell) for row in cells for cell in row):
        return None
    count = len(headers)
    pads = [(index > 0) + (index < count - 1) for index in range(count)]
    room = width - (count - 1)
    widths = [min(max(len(row[index]) for row in cells) + pads[index], room) or 1
              for index in range(count)]
    if sum(widths) > room:
        widths = _collapse(widths, room)
        if sum(widths) > room:
            widths = _reduce(sum(widths) - room, [1] * count, widths, widths)
    laid: list[str] = []
    for number, row in enumerate(cells):
        found = [_wrap(cell, size - pad) for cell, size, pad in zip(row, widths, pads, strict=True)]
        parts = [part for part in found if part is not None]
        if len(parts) < count:
            return None
        height = max(map(len, parts))
        if number == 0:  # Rich sets the header at the foot of its row
            parts = [[""] * (height - len(part)) + part for part in parts]
        for depth in range(height):
            laid.append(" ".join(
                " " * (index > 0) + (part[depth] if depth < len(part) else "").ljust(
                    widths[index] - pads[index]) + " " * (index < count - 1)
                for index, part in enumerate(parts)))
        if number == 0:
            laid.append("─" * (sum(widths) + count - 1))
    return "".join(f"{text}\n" for text in laid)


_WORDS = re.compile(r"\s*\S+\s*")
"""A word and the spaces around it, as Rich's ``_wrap.words`` finds them."""


def _wrap(text: str, size: int) -> list[str] | None:
    """``text`` cut into lines of at most ``size`` characters at spaces, as Rich's
    ``divide_line`` cuts it; a word longer than a line gets a line of its own, cut short
    with an ellipsis (None for a column narrowed to nothing)."""
    if size < 1:
        return None
    lines: list[str] = []
    current = ""
    for word in _WORDS.findall(text):
        if current and len(current) + len(word.rstrip()) > size:
            lines.append(current)
            current = ""
        current += word
    lines.append(current)
    return [line.rstrip() if len(line.rstrip()) <= size else line[:size - 1] + "…"
            for line in lines]


def _collapse(widths: list[int], room: int) -> list[int]:
    """Rich's ``Table._collapse_widths``: the widest columns narrowed first, down to the next
    widest, until the table fits."""
    excess = sum(widths) - room
    while sum(widths) and excess > 0:
        widest = max(widths)
        second = max(size if size != widest else 0 for size in widths)
        ratios = [int(size == widest) for size in widths]
        if not widest - second:
            break
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - room
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """Rich's ``ratio_reduce``: ``total`` taken off ``values`` in proportion to ``ratios``."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    left, weight = total, sum(ratios)
    result = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and weight > 0:
            taken = min(most, round(ratio * left / weight))
            result.append(value - taken)
            left -= taken
            weight -= ratio
        else:
            result.append(value)
    return result


def _console(out: io.StringIO, width: int) -> Console:
    from rich.console import Console

    return Console(file=out, width=width, markup=False, highlight=False, emoji=False,
                   color_system=None, soft_wrap=False)


def _rich_table(headers: list[str], rows: list[list[str]]) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(*headers, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  header_style="", expand=False)
    for row in rows:
        table.add_row(*row)
    return table


def _html(page: Page) -> str:
    """The blocks as HTML: links to articles, states and sources; numbered source notes.
    Source titles keep the language they are written in (``lang``), and name the language
    of the source; each table may link to its CSV twin (``TABLE_LINK``)."""
    import re
    from urllib.parse import urlsplit

    from markupsafe import Markup, escape

    known = len(page.numbers)

    def cell(value: object) -> Markup:
        text = escape(str(value))
        if isinstance(value, Link):
            return Markup(f'<a href="{escape(value.href)}">{text}</a>')
        if isinstance(value, Refs):
            return refs(str(value))
        if isinstance(value, Foreign):
            return Markup(f'<span lang="{escape(value.lang)}">{text}</span>')
        return text

    def refs(text: str) -> Markup:
        return Markup(re.sub(r"(\d+)", r'<a href="#source-\1">\1</a>', str(escape(text))))

    def cited(text: str) -> Markup:
        """A paragraph whose bracketed numbers are references: each links to its source."""
        def link(found: re.Match[str]) -> str:
            numbers = [int(n) for n in re.findall(r"\d+", found.group(0))]
            return str(refs(found.group(0))) if all(0 < n <= known for n in numbers) else found.group(0)

        return Markup(re.sub(r"\[\d+(?:, \d+)*\]", link, str(escape(text))))

    table_link = TABLE_LINK.get()
    tables_seen = 0
    parts: list[str] = []
    findings_open = False
    for block in page.blocks:
        if block[0] != "finding" and findings_open:
            parts.append("</ul>")
            findings_open = False
        if block[0] == "line":
            if block[1]:
                style = ' class="indent"' if block[2] else ""
                pieces = block[1] if isinstance(block[1], list) else [block[1]]
                text = "".join(str(cell(p)) if isinstance(p, Foreign) else str(cited(p))
                               for p in pieces)
                parts.append(f"<p{style}>{text}</p>")
        elif block[0] == "heading":
            parts.append(f"<h2>{escape(block[1])}</h2>")
        elif block[0] == "table":
            if not block[2]:
                parts.append("<p>-</p>")
                continue
            tables_seen += 1
            anchors = block[3]
            head = "".join(f'<th scope="col">{escape(h)}</th>' for h in block[1])
            body = "".join(
                (f'<tr id="{escape(anchors[i])}">' if i < len(anchors) else "<tr>")
                + "".join(f"<td>{cell(c)}</td>" for c in row) + "</tr>"
                for i, row in enumerate(block[2]))
            said = escape(page.t(N_("This table as CSV")))
            twin = (f'<p class="twin"><a href="{escape(table_link(tables_seen))}" '
                    f'type="text/csv">{said}</a></p>' if table_link else "")
            region = escape(page.t(N_("Table {number}"), number=tables_seen))  # a keyboard
            # scrolls it on a phone; each region has a name of its own
            parts.append(f'<div class="table" role="region" tabindex="0" aria-label="{region}">'
                         f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
                         f"</div>{twin}")
        elif block[0] == "finding":
            if not findings_open:
                heading = escape(page.t(N_("Findings")))
                parts.append(f'<h2>{heading}</h2><ul class="findings">')
                findings_open = True
            _, code, label, text, numbers, citations = block
            cites = "".join(f'<li><a href="{escape(short.href)}">{escape(full)}</a></li>'
                            if isinstance(short, Link) else f"<li>{escape(full)}</li>"
                            for short, full in citations)
            parts.append(f'<li class="finding {escape(code)}"><span class="kind">'
                         f"{escape(label)}</span> {escape(text)} "
                         f'<span class="refs">{refs(numbers)}</span>'
                         + (f'<ul class="cites">{cites}</ul>' if cites else "") + "</li>")
        elif block[0] == "sources":
            language = page.t(N_("language"))
            ids = {number: ident for ident, number in page.numbers.items()}
            items = []
            for number, title, published, where in page.source_lines():
                spoken = page.source_language(ids[number])
                host = urlsplit(where).netloc.removeprefix("www.") if where.startswith("http") else ""
                items.append(
                    f'<li id="source-{number}" value="{number}"><cite lang="en">{escape(title)}'
                    "</cite>" + (f" ({escape(published)})" if published else "")
                    + (f' <span class="source-lang">{escape(language)}: {escape(spoken)}</span>'
                       if spoken else "")
                    + (f' <a href="{escape(where)}" rel="noreferrer" translate="no">{escape(host)}</a>'
                       if host
                       else (f" {escape(where)}" if where else "")) + "</li>")
            heading = escape(page.t(N_("Sources")))
            parts.append(f'<h2>{heading}</h2><ol class="sources">{"".join(items)}</ol>')
    if findings_open:
        parts.append("</ul>")
    return "\n".join(parts)


# -- one renderer per question ---------------------------------------------------------------
def members(answer: MembersAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    count = len(answer.members)
    page.line(page.t(N_("On {date} the CSTO has {count} members: {states}."),
                     date=page.day(answer.date), count=count,
                     states=page.countries(s.iso3 for s in answer.members))
              if count else page.t(N_("On {date} the Treaty is not in force: no members yet."),
                                   date=page.day(answer.date)))
    page.heading(page.t(N_("Every state that ever signed or observed")))
    page.standings(answer.standings)
    page.findings([f for f in answer.findings if f.code != "members.parties"])
    return page.finish()


def standing(answer: StandingAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    page.findings(answer.findings)
    return page.finish()


def officials(answer: OfficialsAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    page.line(page.t(N_("Officials on {date}"), date=page.day(answer.date)))
    page.term(page.t(N_("Secretary General")), answer.secretary_general)
    page.term(page.t(N_("Chair of the Collective Security Council")), answer.chair)
    page.findings(answer.findings)
    return page.finish()


def _introduction(page: Page, answer: OverviewAnswer) -> str:
    """What the CSTO is, and where it stands on the day: from the record, each statement
    with its first source (the tables below give them all)."""
    history = page.history
    treaty, charter = history.documents.get("cst"), history.documents.get("charter")
    said: list[str] = []
    if treaty is not None and treaty.signed is not None:
        signed = treaty.signed
        said.append(page.t(N_("The Collective Security Treaty Organization (CSTO) is a military "
                              "alliance of states of the former Soviet Union, founded on the "
                              "Collective Security Treaty of {date}."),
                           date=page.day(signed.date, signed.precision))
                    + " " + page.refs(signed.sources[:1]))
    if charter is not None and charter.in_force is not None:
        entry = charter.in_force
        said.append(page.t(N_("Its Charter made it an organization on {date}."),
                           date=page.day(entry.date, entry.precision))
                    + " " + page.refs(entry.sources[:1]))
    day = page.day(answer.date)
    if answer.members:
        said.append(page.loc.ngettext("On {date} it has {count} member: {states}.",
                                      "On {date} it has {count} members: {states}.",
                                      len(answer.members)).format(
            date=day, count=page.loc.number(len(answer.members)),
            states=page.countries(s.iso3 for s in answer.members)))
    else:
        said.append(page.t(N_("On {date} the Treaty is not in force: there are no members yet."),
                           date=day))
    for standing in answer.standings:
        if standing.status not in ("frozen", "suspended"):
            continue
        sentence = page.t(N_("{state}: {standing} since {date}."),
                          state=page.loc.country(standing.iso3),
                          standing=page.label(labels.STATUS, standing.status),
                          date=page.day(standing.since, standing.since_precision))
        if standing.fact.disputed:
            sentence += " " + page.t(N_("Sources disagree on this (see below)."))
        said.append(sentence + " " + page.refs(standing.fact.sources[:1]))
    if answer.observers:
        said.append(page.t(N_("Observers: {states}."),
                           states=page.countries(s.iso3 for s in answer.observers)))
    return " ".join(said)


def overview(answer: OverviewAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    page.line(_introduction(page, answer))
    page.term(page.t(N_("Secretary General")), answer.secretary_general)
    page.term(page.t(N_("Chair of the Collective Security Council")), answer.chair)
    page.heading(page.t(N_("Every state that ever signed or observed")))
    page.standings(answer.standings)
    page.heading(page.t(N_("Documents in force")))
    page.table([page.t(N_("Document")), page.t(N_("In force since")), page.t(N_("Sources"))],
               [(page.text(d.title), page.day(d.in_force_from.date, d.in_force_from.precision)
                 if d.in_force_from else "-", page.refs(d.sources))
                for d in answer.documents_in_force])
    skipped = {"members.parties"}
    if answer.announced and not html:  # in the terminal a table, which the findings repeat
        skipped.add("record.announced")
        announced(page, answer.announced)
    page.findings([f for f in answer.findings if f.code not in skipped])
    return page.finish()


def announced(page: Page, plans: Sequence[Announced]) -> None:
    """Plans announced by the day the record was reviewed to, for later days: when each
    was announced, when and where it was expected, what, and the sources."""
    review = page.history.review
    reviewed = page.day(review.reviewed) if review else "-"
    page.heading(page.t(N_("Announced by {date}, not confirmed in the record"), date=reviewed))
    rows = []
    for plan in plans:
        expected = plan.expected
        when = page.day(expected.date, expected.precision)
        if expected.until is not None:
            when = f"{when} – {page.day(expected.until, expected.precision)}"
        rows.append((page.day(plan.announced), when, page.text(plan.where), page.text(plan.what),
                     page.refs(plan.sources)))
    page.table([page.t(N_("Announced")), page.t(N_("Expected")), page.t(N_("Where")),
                page.t(N_("What")), page.t(N_("Sources"))], rows)


def assist(answer: AssistAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    victim = page.loc.country(answer.victim)
    if answer.obliged:
        page.line(page.t(N_("On {date}, {states} must assist {victim} under Article 4."),
                         date=page.day(answer.date), states=page.countries(answer.obliged),
                         victim=victim))
    else:
        page.line(page.t(N_("On {date} no state is obliged under Article 4 to assist {victim}."),
                         date=page.day(answer.date), victim=victim))
    details = [page.label(labels.SITUATION, answer.situation)]
    if answer.aggressor:
        details.append(page.t(N_("aggressor: {state}"), state=page.country(answer.aggressor)))
    page.line(", ".join(details))
    page.procedure(answer.procedure, page.t(N_("Procedure")))
    page.findings(answer.findings)
    return page.finish()


def base(answer: BaseAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    host, guest = page.loc.country(answer.host), page.loc.country(answer.guest)
    if answer.consent_required_from:
        page.line(page.t(N_("On {date}, {host} needs the consent of {states} to let {guest} "
                            "station forces or facilities."), date=page.day(answer.date),
                         host=host, guest=guest, states=page.countries(answer.consent_required_from)))
    else:
        page.line(page.t(N_("On {date}, no CSTO rule makes {host} ask other members before "
                            "letting {guest} station forces or facilities."),
                         date=page.day(answer.date), host=host, guest=guest))
    page.procedure(answer.procedure, page.t(N_("Procedure")))
    page.findings(answer.findings)
    return page.finish()


def step(answer: StepAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    target = ""
    if answer.target:
        grouping = page.history.groupings.get(answer.target)
        target = (page.country(answer.target) if answer.target in page.history.countries
                  else page.text(grouping.short or grouping.name) if grouping else answer.target)
    page.line(page.t(labels.STEP_HEADLINE[answer.action], actor=page.loc.country(answer.actor),
                     target=target, date=page.day(answer.date),
                     verdict=page.label(labels.VERDICT, answer.verdict)))
    if answer.effective:
        page.line(page.t(N_("Earliest day a withdrawal could take effect: {date}."),
                         date=page.day(answer.effective)))
    page.procedure(answer.path, page.t(N_("The lawful path")))
    page.findings(answer.findings)
    return page.finish()


def chair(answer: ChairAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    page.term(page.t(N_("Chair of the Collective Security Council in {year}"), year=answer.year),
              answer.chair)
    if len(answer.holders) > 1:
        page.heading(page.t(N_("Holders during the year")))
        page.table([page.t(N_("State")), page.t(N_("Person")), page.t(N_("From")),
                    page.t(N_("Until"))],
                   [(page.country(t.state), page.text(t.person), page.day(t.start, t.precision),
                     page.day(t.end)) for t in answer.holders])
    page.findings(answer.findings)
    return page.finish()


def decide(answer: DecisionAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    verdict = page.t(N_("adopted")) if answer.adopted else page.t(N_("not adopted"))
    organs = {o.id: o.name for o in page.history.organization.organs}
    page.line(page.t(N_("{body} on {date}: the draft is {verdict} ({rule})."),
                     body=page.text(organs.get(answer.body, answer.body)),
                     date=page.day(answer.date), verdict=verdict,
                     rule=page.label(labels.RULE, answer.rule)))
    page.table([page.t(N_("State")), page.t(N_("Position")), page.t(N_("Bound"))],
               [(page.country(code), page.label(labels.POSITION, position),
                 page.t(N_("yes")) if code in answer.bound else page.t(N_("no")))
                for code, position in sorted(answer.positions.items())])
    page.findings(answer.findings)
    return page.finish()


def documents(answer: DocumentsAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    page.line(page.t(N_("Treaty documents on {date}"), date=page.day(answer.date)))
    page.table([page.t(N_("Document")), page.t(N_("Status")), page.t(N_("Signed")),
                page.t(N_("In force since")), page.t(N_("Articles in force")),
                page.t(N_("Sources"))],
               [(page.text(d.title), page.label(labels.DOCUMENT_STATUS, d.status),
                 f"{page.day(d.signed.date, d.signed.precision)}, {d.signed.place or ''}".rstrip(", ")
                 if d.signed else "-",
                 page.day(d.in_force_from.date, d.in_force_from.precision) if d.in_force_from else "-",
                 ", ".join(d.articles_in_force) or "-", page.refs(d.sources))
                for d in answer.documents])
    return page.finish()


def article(answer: ArticleAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    number = page.t(N_("Art. {number}"), number=answer.article)
    page.line(f"{page.text(answer.document_title)}, {number}: {page.text(answer.title)}")
    if answer.citation is not None and answer.text is not None:
        page.line(page.t(N_("In force on {date}: {citation}"), date=page.day(answer.date),
                         citation=page.citation(answer.citation)))
        page.line()
        page.line(f"{page.text(answer.text)} {page.refs(answer.citation.sources)}")
    else:
        page.line(page.t(N_("Not in force on {date}."), date=page.day(answer.date)))
    page.heading(page.t(N_("Versions")))
    documents = page.history.documents
    page.table([page.t(N_("Wording")), page.t(N_("In force since")), page.t(N_("Text")),
                page.t(N_("Sources"))],
               [(page.text(documents[v.version].short or documents[v.version].title)
                 + (" (" + page.t(N_("in force on the day asked")) + ")" if v.in_force else ""),
                 page.day(v.in_force_from), page.text(v.text), page.refs(v.sources))
                for v in answer.versions])
    return page.finish()


def exercises(answer: ExercisesAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    planned = page.t(N_("planned"))
    page.table([page.t(N_("Year")), page.t(N_("Exercise")), page.t(N_("Hosts")),
                page.t(N_("Troops")), page.t(N_("About")), page.t(N_("Sources"))],
               [(str(e.year), exercise_name(page, e) + (f" ({planned})" if e.planned else ""),
                 page.countries(e.hosts) if e.hosts else "-",
                 page.loc.number(e.troops) if e.troops else "-", page.text(e.summary),
                 page.refs(e.sources)) for e in answer.exercises],
               anchors=[f"exercise-{e.id}" for e in answer.exercises])
    return page.finish()


def exercise_name(page: Page, exercise: Exercise) -> str:
    """An exercise's name in the reader's language, where the record gives one."""
    return page.text(exercise.title) if exercise.title else exercise.name


def _exercise_link(page: Page, exercise: Exercise) -> Link:
    link = page.link(exercise_name(page, exercise), "exercises", year=str(exercise.year))
    return Link(link, f"{link.href}#exercise-{exercise.id}")


def forces(answer: ForcesAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    for force in answer.forces:
        page.heading(f"{page.text(force.name)} — {page.day(force.established)}")
        page.line(f"{page.text(force.basis)} {page.refs(force.sources)}")
        page.line(page.text(force.size))
    return page.finish()


def cases(answer: CasesAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    for item in answer.cases:
        case = item.case
        page.heading(f"{page.text(case.title)} ({page.day(case.start)} – {page.day(case.end)})")
        request, done, outcome = page.t(N_("Request")), page.t(N_("What was done")), page.t(
            N_("Outcome"))
        page.line(f"{request}: {page.text(case.request)} {page.refs(case.sources)}")
        page.line(f"{done}: {page.text(case.action)}")
        page.line(f"{outcome}: {page.label(labels.OUTCOME, case.outcome)}")
        if not item.aggressor_named and any(r.reading.aggressor for r in item.readings):
            page.line(page.t(N_("The Organization named no aggressor: each reading below is a "
                                "party's claim.")))
        for required in item.readings:
            reading = required.reading
            if reading.claimed_by and reading.aggressor:
                page.line(page.t(N_("As {party} tells it ({victim} attacked by {aggressor}):"),
                                 party=page.loc.country(reading.claimed_by),
                                 victim=page.loc.country(reading.victim),
                                 aggressor=page.loc.country(reading.aggressor)),
                          "  ")
            elif reading.claimed_by:
                page.line(page.t(N_("As {party} tells it ({victim} under attack, the attacker "
                                    "not named):"),
                                 party=page.loc.country(reading.claimed_by),
                                 victim=page.loc.country(reading.victim)), "  ")
            day = page.day(reading.date)
            if required.obliged:
                page.line(page.t(N_("On {date} the Treaty obliged {states} to assist."),
                                 date=day, states=page.countries(required.obliged)), "  ")
            else:
                page.line(page.t(N_("On {date} the Treaty obliged no state to assist."),
                                 date=day), "  ")
            for finding in required.findings:
                if finding.kind in ("open-question", "dispute"):
                    kind = page.label(labels.KIND, finding.kind)
                    page.line(f"  • {kind}: {page.loc.format(finding)}", "    ")
    return page.finish()


def groupings(answer: GroupingsAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    rows = [[page.text(g.name), page.t(N_("yes")) if g.collective_defence else page.t(N_("no")),
             page.refs(g.sources)] for g in answer.groupings]
    headers = [page.t(N_("Name")), page.t(N_("Collective defence")), page.t(N_("Sources"))]
    if not html:  # the ids are what the command line takes
        headers.insert(0, page.t(N_("Id")))
        for row, grouping in zip(rows, answer.groupings, strict=True):
            row.insert(0, grouping.id)
    page.table(headers, rows)
    return page.finish()


DISPUTED = {
    "date": N_("Disputed: the date."),
    "value": N_("Disputed: what it was."),
    "signed": N_("Disputed: the day it was signed."),
    "in_force": N_("Disputed: the day it entered into force."),
    "name": N_("Disputed: how it is written."),
    "article": N_("Disputed: the wording of the article."),
}
"""What a dispute is about, by the disputed field."""
ORGANIZATION_FACTS = {"headquarters": N_("Seat"), "official_language": N_("Official language"),
                      "website": N_("Website")}


def _dispute_subject(page: Page, item: Dispute) -> str:
    """Whom or what a dispute is about, in words: a state, a document, an office..."""
    kind, _, ident = item.record.partition(":")
    history = page.history
    if kind == "event":
        event = next((e for e in history.events if e.id == ident), None)
        return page.loc.country(event.state) if event else page.text(item.label)
    if kind == "term":
        office = ident.split(":", 1)[0]
        title = page.t(N_("Secretary General")) if office == "secretary_general" else page.t(
            N_("Chair of the Collective Security Council"))
        return f"{title}: {page.text(item.label)}"
    if kind == "organization" and ident.startswith("name:"):
        return page.t(N_("The Organization's name in {language}"),
                      language=_language(page, ident.removeprefix("name:")))
    if kind == "organization":
        return page.t(ORGANIZATION_FACTS.get(ident, ident))
    if kind == "document" and item.field.startswith("article"):
        number = item.field.split()[1]
        document = history.documents[ident]
        article = page.t(N_("Art. {number}"), number=number)
        return f"{page.text(document.short or document.title)}, {article}: {page.text(item.label)}"
    if kind == "exercise":
        exercise = next((e for e in history.exercises if e.id == ident), None)
        return exercise_name(page, exercise) if exercise else page.text(item.label)
    return page.text(item.label)


def disputes(answer: DisputesAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    count = len(answer.disputes)
    page.line(page.loc.ngettext("{count} fact on which sources disagree.",
                                "{count} facts on which sources disagree.", count).format(
        count=page.loc.number(count)))
    for item in answer.disputes:
        when = f" ({page.day(item.date)})" if item.date else ""
        page.heading(f"{_dispute_subject(page, item)}{when}")
        kind = item.record.partition(":")[0]
        if kind in ("event", "case", "milestone"):
            page.line(page.text(item.label))
        field = "article" if item.field.startswith("article") else item.field
        if field in DISPUTED:
            page.line(page.t(DISPUTED[field]))
        chosen, other = page.t(N_("Chosen because")), page.t(N_("Other reading"))
        if item.chosen_because:
            page.line(f"{chosen}: {page.text(item.chosen_because)} {page.refs(item.sources)}")
        spoken = item.record.removeprefix("organization:name:") if kind == "organization" else ""
        for alternative in item.alternatives:
            value = (page.day(alternative.date, alternative.precision or "day")
                     if alternative.date else page.text(alternative.value))
            if spoken and ":" not in spoken and isinstance(alternative.value, str):
                page.line([f"  {other}: ", Foreign(value, spoken),
                                 f" — {page.text(alternative.why_not)} "
                                 f"{page.refs(alternative.sources)}"])
                continue
            page.line(f"  {other}: {value} — {page.text(alternative.why_not)} "
                      f"{page.refs(alternative.sources)}")
    return page.finish()


def history(answer: StateHistoryAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    codes = answer.codes
    if html:
        page.line(page.loc.country(answer.state))
    else:
        page.line(f"{page.loc.country(answer.state)} — ISO {codes.iso3}/{codes.alpha2}/"
                  f"{codes.numeric}" + (f", COW {codes.cow}" if codes.cow else ""))
    standing_label = (page.label(labels.STATUS, answer.standing.status) if answer.standing
                      else page.label(labels.STATUS, "none"))
    page.line(page.t(N_("Standing on {date}: {status}"), date=page.day(answer.date),
                     status=standing_label))
    if answer.events:
        page.heading(page.t(N_("Events")))
        page.table([page.t(N_("Date")), page.t(N_("Event")), page.t(N_("Sources"))],
                   [(page.day(e.date, e.precision), page.text(e.summary), page.refs(e.sources))
                    for e in answer.events], anchors=[f"event-{e.id}" for e in answer.events])
    if answer.offices:
        page.heading(page.t(N_("Offices held")))
        page.table([page.t(N_("Office")), page.t(N_("Person")), page.t(N_("From")),
                    page.t(N_("Until"))],
                   [(page.t(N_("Secretary General")) if t.office == "secretary_general"
                     else page.t(N_("Chair of the Collective Security Council")),
                     page.text(t.person), page.day(t.start, t.precision), page.day(t.end))
                    for t in answer.offices])
    if answer.exercises_hosted:
        hosted = {e.id: e for e in page.history.exercises}
        page.heading(page.t(N_("Exercises hosted")))
        page.table([page.t(N_("Year")), page.t(N_("Exercise"))],
                   [(str(hosted[i].year), _exercise_link(page, hosted[i]))
                    for i in answer.exercises_hosted])
    if answer.cases:
        titled = {c.id: c for c in page.history.cases}
        page.heading(page.t(N_("Requests for help")))
        page.table([page.t(N_("From")), page.t(N_("Request for help"))],
                   [(page.day(titled[i].start), page.link(page.text(titled[i].title), "cases",
                                                          case=i))
                    for i in answer.cases])
    if not (answer.events or answer.offices):
        page.line(page.t(N_("No events are recorded for this state.")))
    return page.finish()


def _language(page: Page, code: str, script: str | None = None) -> str:
    """A language (and script) named in the reader's language (CLDR)."""
    return language_name(page.lang, code, script)


def about(answer: OrganizationAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    org = answer.organization
    page.line(f"{page.text(answer.name)} ({page.text(answer.abbreviation)})")
    for label, fact in ((ORGANIZATION_FACTS["headquarters"], org.headquarters),
                        (ORGANIZATION_FACTS["official_language"], org.official_language),
                        (ORGANIZATION_FACTS["website"], org.website)):
        note = f" — {page.text(fact.note)}" if fact.note else ""
        page.line(f"{page.t(label)}: {page.text(fact.value)}{note} {page.refs(fact.sources)}")
    page.heading(page.t(N_("Names")))
    page.table([page.t(N_("Language")), page.t(N_("Name")), page.t(N_("Latin script"))],
               [(_language(page, n.lang, n.script), Foreign(n.name, n.lang),
                 Foreign(n.latin, f"{n.lang}-Latn") if n.latin else "-") for n in org.names])
    page.heading(page.t(N_("Milestones")))
    page.table([page.t(N_("Date")), page.t(N_("Event")), page.t(N_("Sources"))],
               [(page.day(m.date, m.precision), page.text(m.summary), page.refs(m.sources))
                for m in org.milestones])
    page.heading(page.t(N_("Organs")))
    page.table([page.t(N_("Organ")), page.t(N_("Role")), page.t(N_("Sources"))],
               [(page.text(o.name), page.text(o.role), page.refs(o.sources)) for o in org.organs])
    return page.finish()


def _change_value(page: Page, change: Change, value: str | None) -> str:
    """A standing, a document's status or an office holder, in words."""
    if change.what == "standing":
        return page.label(labels.STATUS, value or "none")
    if change.what == "document":
        return page.label(labels.DOCUMENT_STATUS, value or "not-yet-signed")
    if value is None:
        return page.t(N_("nobody"))
    return page.loc.country(value)


def _holder(page: Page, change: Change, after: bool) -> str:
    """The person (and state) holding an office just before or from a change."""
    state = change.after if after else change.before
    if state is None:
        return page.t(N_("nobody"))
    terms = page.history.terms.get(change.kind, ())
    if after:
        term = next((t for t in terms if t.fact.ref == change.fact.ref), None)
    else:
        term = next((t for t in terms if t.start < change.date
                     and (t.end is None or change.date <= t.end)), None)
    name = page.loc.country(state)
    return f"{page.text(term.person)} ({name})" if term and term.person else name


CHANGE_SAYS_HOW = frozenset({"lapse", "withdraw", "in_force"})
"""Kinds of change whose word adds to the standings before and after."""


def changes(answer: ChangesAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    page.on = None
    count = len(answer.changes)
    page.line(page.loc.ngettext("From {start} until {until}: {count} change.",
                                "From {start} until {until}: {count} changes.", count).format(
        start=page.day(answer.start), until=page.day(answer.until),
        count=page.loc.number(count)))
    rows = []
    for change in answer.changes:
        day = change.date.isoformat()
        if change.what == "standing":
            subject = page.link(page.loc.country(change.subject), "history",
                                state=change.subject, on=day)
            what = page.t(N_("{before} → {after}"),
                          before=_change_value(page, change, change.before),
                          after=_change_value(page, change, change.after))
            if change.kind in CHANGE_SAYS_HOW:
                what += f" ({page.label(labels.CHANGE, change.kind)})"
        elif change.what == "document":
            document = page.history.documents[change.subject]
            subject = page.link(page.text(document.short or document.title), "documents", on=day)
            what = page.t(N_("enters into force"))
        else:
            subject = page.link(page.label(labels.CHANGE, change.kind), "officials", on=day)
            what = page.t(N_("{before} → {after}"), before=_holder(page, change, False),
                          after=_holder(page, change, True))
        rows.append((page.day(change.date), subject, what,
                     page.refs(change.fact.sources)))
    page.table([page.t(N_("Date")), page.t(N_("Who or what")), page.t(N_("Change")),
                page.t(N_("Sources"))], rows)
    return page.finish()



RENDERERS: dict[type, Callable[[Any, str, bool], str]] = {  # each takes its own answer type
    MembersAnswer: members, StandingAnswer: standing, OfficialsAnswer: officials,
    OverviewAnswer: overview, AssistAnswer: assist, BaseAnswer: base, StepAnswer: step,
    ChairAnswer: chair, DecisionAnswer: decide, DocumentsAnswer: documents,
    ArticleAnswer: article, ExercisesAnswer: exercises, ForcesAnswer: forces, CasesAnswer: cases,
    GroupingsAnswer: groupings, DisputesAnswer: disputes, StateHistoryAnswer: history,
    OrganizationAnswer: about, ChangesAnswer: changes,
}
"""The renderer of each answer type (a table rather than ``functools.singledispatch``, whose
registration imports ``typing``: the command line starts without it)."""


def render(answer: object, lang: str, html: bool = False) -> str:
    """An answer for a person, in the terminal or (``html``) on a page."""
    for kind in type(answer).__mro__:
        found = RENDERERS.get(kind)
        if found is not None:
            return found(answer, lang, html)
    raise TypeError(f"no renderer for {type(answer).__name__}")
