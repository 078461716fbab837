"""Server-rendered pictures: the membership timeline and the map of standings on a day.

Both are plain SVG drawn from the history (spans for the timeline, a snapshot for the map),
with a link on every state and event and a title for every mark, so they need no script,
read without colour (titles and legends name each standing), and can be tested as text.
They are groups of links, not images, so that a screen reader reaches every link. On a
phone the timeline is a list (``timeline_list``): the same periods and events, as text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict
from urllib.parse import urlencode

from markupsafe import Markup, escape

from ..present import labels
from ..present.i18n import format_day, gettext_for
from ..record.history import TRANSITIONS

if TYPE_CHECKING:
    from ..record.history import History, Snapshot

SHAPES = Path(__file__).parent / "static" / "vendor" / "map" / "shapes.json"
N_ = str
STATUSES = ("member", "frozen", "signatory", "suspended", "former", "observer",
            "former_observer")


class Shape(TypedDict):
    d: str
    label: list[float]


class Shapes(TypedDict):
    """What ``shapes.json`` holds: the map's size, each state's outline and label's place."""

    width: float
    height: float
    countries: dict[str, Shape]


@cache
def shapes() -> Shapes:
    loaded: Shapes = json.loads(SHAPES.read_text(encoding="utf-8"))
    return loaded


def _href(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params)}"


def legend(lang: str) -> Markup:
    """The colours of the standings, named in the reader's language (HTML list)."""
    _ = gettext_for(lang)
    items = "".join(f'<li><span class="swatch st-{s}"></span>{escape(_(labels.STATUS[s]))}</li>'
                    for s in STATUSES)
    return Markup(f'<ul class="legend">{items}</ul>')


def lanes(history: History) -> list[str]:
    """Every state that ever signed the Treaty or observed, in order of its first standing."""
    first: dict[str, date] = {}
    for event in history.events:
        if event.kind in TRANSITIONS:
            first.setdefault(event.state, event.date)
    return sorted(first, key=lambda code: (first[code], code))


def timeline_list(history: History, on: date, until: date, lang: str) -> Markup:
    """The timeline as a list, for narrow screens: each state, its standings from when to
    when, and the events that changed them, each linked to its place in the state's story.
    What does not depend on the days asked is written once (``_listed_once``)."""
    items = []
    for lane, runs in _listed_once(history, lang):
        periods = []
        for begin, end, opening in runs:
            if begin >= until:
                break
            to = "" if end is None or end >= until else f" – {escape(format_day(end, lang))}"
            periods.append(f"{opening}{to}</li>")
        items.append(f'{lane}<ul>{"".join(periods)}</ul></li>')
    listed = f'<ul class="timeline-list">{"".join(items)}</ul>'
    return Markup(listed.replace(ON, on.isoformat()))


@lru_cache(maxsize=8)
def _listed_once(history: History, lang: str) -> list[tuple[str, list[tuple[date, date | None, str]]]]:
    """Each state's item opened (its linked name) and its runs of one standing: first day,
    day after the last (None: still running), and the item up to where the run ends (the
    standing and its first day, linked to the event that began it); links carry ``ON``."""
    _ = gettext_for(lang)
    listed = []
    for code, (name, _lane, runs, _marks) in zip(lanes(history), _drawn_once(history, lang),
                                                 strict=True):
        link = escape(_href("/history", state=code, on=ON, lang=lang))
        changes = {event.date: event for event in history.events_of(code)
                   if event.kind in TRANSITIONS}
        items = []
        for begin, end, status, _word in runs:
            event = changes.get(begin)
            since = escape(format_day(begin, lang))
            if event is not None:
                href = escape(_href("/history", state=code, on=ON, lang=lang) + f"#event-{event.id}")
                since = Markup(f'<a href="{href}">{since}</a>')
            items.append((begin, end, f'<li><span class="swatch st-{status}"></span>'
                                      f"{escape(_(labels.STATUS[status]))}: {since}"))
        listed.append((f'<li><a href="{link}">{name}</a>', items))
    return listed


ON = "0000-00-00"
"""Stands for the day asked in pictures drawn once for many days (links carry it)."""


def timeline(history: History, on: date, until: date, lang: str) -> Markup:
    """Lanes of standings per state from 1992 to the end of ``until``'s year, a line at
    ``on``: drawn once a year and language, not once a day asked."""
    drawn, x, low, high = _lanes(history, date(until.year, 12, 31), lang)
    marker = x(on)
    return Markup(drawn.replace(ON, on.isoformat()) + f'<line class="today" x1="{marker}" '
                  f'x2="{marker}" y1="{low}" y2="{high}"/></svg>')


@lru_cache(maxsize=384)
def _lanes(history: History, until: date, lang: str
           ) -> tuple[str, Callable[[date], float], int, int]:
    """The timeline up to ``until`` without the line of the day asked, drawn once (links
    carry ``ON``); where a day falls on it, and the top and foot of that line."""
    _ = gettext_for(lang)
    start = date(1992, 1, 1)
    states = lanes(history)
    left, width, lane, top = 130, 820, 22, 24
    span = (until - start).days or 1

    def x(day: date) -> float:
        return round(left + (min(day, until) - start).days / span * width, 1)

    title = escape(_(N_("Membership timeline")))
    parts = [f'<svg class="timeline" viewBox="0 0 {left + width + 10} '
             f'{top + lane * len(states) + 10}" role="group" aria-labelledby="timeline-title">',
             f'<title id="timeline-title">{title}</title>']
    for year in range(start.year, until.year + 1, 2):
        tick = x(date(year, 1, 1))
        parts.append(f'<line class="tick" x1="{tick}" x2="{tick}" y1="{top - 4}" '
                     f'y2="{top + lane * len(states)}"/><text class="year" x="{tick}" '
                     f'y="{top - 8}">{year}</text>')
    for row, (name, lane_link, runs, marks) in enumerate(_drawn_once(history, lang)):
        y = top + row * lane
        parts.append(lane_link + f'<text class="lane" x="{left - 8}" y="{y + 15}">{name}</text></a>')
        for begin, end, status, word in runs:
            if begin >= until:
                break
            stop = until if end is None else min(end, until)
            label = (f"{word}, " + _(N_("since {date}")).format(date=format_day(begin, lang))
                     if end is None else f"{word}, {format_day(begin, lang)} – {format_day(stop, lang)}")
            parts.append(f'<rect class="st-{status}" x="{x(begin)}" y="{y + 4}" '
                         f'width="{max(x(stop) - x(begin), 1)}" height="{lane - 8}">'
                         f"<title>{escape(label)}</title></rect>")
        for day, link, text in marks:
            if day <= until:
                parts.append(f'{link}<circle cx="{x(day)}" cy="{y + lane / 2}" r="4"><title>'
                             f"{text}</title></circle></a>")
    return "".join(parts), x, top - 4, top + lane * len(states)


Run = tuple[date, "date | None", str, str]
"""A run of one standing: first day, day after the last (None: still running), standing,
and the words of its label."""
Mark = tuple[date, str, Markup]
"""An event: its day, the opening of its link, and its title."""


@lru_cache(maxsize=8)
def _drawn_once(history: History, lang: str) -> list[tuple[Markup, str, list[Run], list[Mark]]]:
    """What the timeline shows of each lane whatever its last day: the state's name and
    link, its runs of one standing from 1992 on (the last one open), and its events."""
    _ = gettext_for(lang)
    drawn = []
    runs: dict[str, list[tuple[date, date | None, str | None]]] = {code: [] for code in lanes(history)}
    for piece in history.spans(date(1992, 1, 1)):
        for code, found in runs.items():
            standing = piece.snapshot.standings.get(code)
            status = standing.status if standing else None
            if found and found[-1][2] == status and found[-1][1] == piece.start:
                found[-1] = (found[-1][0], piece.end, status)
            else:
                found.append((piece.start, piece.end, status))
    for code, found in runs.items():
        name = history.country_name(code, lang)
        link = _href("/history", state=code, on=ON, lang=lang)
        marks: list[Mark] = []
        for event in history.events_of(code):
            if event.kind in TRANSITIONS:
                summary = (event.summary.get(lang) if event.summary
                           else _(labels.CHANGE[event.kind]))
                said = escape(f"{name}, {format_day(event.date, lang)}: {summary}")
                marks.append((event.date, f'<a href="{escape(link + f"#event-{event.id}")}" '
                              f'class="event" aria-label="{said}">', said))
        drawn.append((escape(name), f'<a href="{escape(link)}">',
                      [(begin, end, status, f"{name}: {_(labels.STATUS[status])}")
                       for begin, end, status in found if status is not None], marks))
    return drawn


def world(history: History, on: date, lang: str) -> Markup:
    """The region's map, each state coloured by its standing on ``on``."""
    drawn: str = history.at(on).derived(("web.map", lang), _map, lang)
    return Markup(drawn.replace(ON, on.isoformat()).replace(
        _DAY, str(escape(format_day(on, lang)))))


_DAY = "\x00day\x00"
"""Stands for the day asked, written for people, in the map drawn once per epoch."""


@cache
def outlines() -> tuple[bytes, str]:
    """Every state's outline, once, as an SVG of paths named by ISO code, and a digest of
    it: maps on pages draw them by reference (``<use>``), so a page carries its colours and
    links, not 95 KB of outlines, and a browser fetches the outlines once. The digest is in
    the address, so that the file may be kept for good."""
    data = shapes()
    paths = "".join(f'<path id="{code}" d="{shape["d"]}"/>' for code, shape in data["countries"].items())
    drawn = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {data["width"]} '
             f'{data["height"]}"><defs>{paths}</defs></svg>').encode()
    return drawn, hashlib.sha256(drawn).hexdigest()[:12]


OUTLINES = "/map/outlines.svg"
"""Where ``outlines`` is served."""


def _map(snap: Snapshot, lang: str) -> str:
    """The map of the epoch's standings, links carrying ``ON`` and its title ``_DAY``."""
    _ = gettext_for(lang)
    data = shapes()
    history = snap.history
    title = escape(_(N_("Standings on {date}")).format(date=_DAY))
    source = f"{OUTLINES}?v={outlines()[1]}"
    parts = [f'<svg class="map" viewBox="0 0 {data["width"]} {data["height"]}" role="group" '
             f'aria-labelledby="map-title"><title id="map-title">{title}</title>']
    labels_layer = []
    for code, shape in data["countries"].items():
        standing = snap.standings.get(code)
        name = history.country_name(code, lang)
        if standing is None:
            parts.append(f'<use class="land" href="{source}#{code}" aria-hidden="true"/>')
            continue
        status = _(labels.STATUS[standing.status])
        link = _href("/history", state=code, on=ON, lang=lang)
        said = escape(f"{name}: {status}")
        parts.append(f'<a href="{escape(link)}" data-state="{code}" aria-label="{said}"><use '
                     f'class="st-{standing.status}" href="{source}#{code}"><title>{said}</title>'
                     "</use></a>")
        px, py = shape["label"]
        labels_layer.append(f'<text class="name" x="{px}" y="{py}" aria-hidden="true">'
                            f"{escape(name)}</text>")
    parts.extend(labels_layer)
    parts.append("</svg>")
    return "".join(parts)
