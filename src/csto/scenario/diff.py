"""What a scenario changes against the record: on a day, or span by span over a period.

Both histories are compared over their epochs (``History.spans``): where a state's standing,
the list of members, the chair or the Secretary General differ, a change is listed for the
days it lasts. Nothing is compared day by day.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from ..errors import InputError
from ..record.dates import as_day
from ..record.model import Finding
from ..rules.chair import chair_on

if TYPE_CHECKING:
    from ..record.history import History, Snapshot


class Change(NamedTuple):
    """Something that differs over [start, end): the record's value and the scenario's."""

    start: date
    end: date | None
    subject: str
    aspect: str
    record: str | None
    scenario: str | None


class DiffAnswer(NamedTuple):
    scenario: str
    start: date
    end: date
    changes: tuple[Change, ...]
    findings: tuple[Finding, ...]
    history: History


def _facts(snap: Snapshot) -> dict[tuple[str, str], str | None]:
    found: dict[tuple[str, str], str | None] = {
        (code, "standing"): standing.status for code, standing in snap.standings.items()}
    found[("members", "count")] = str(len(snap.members))
    chair, _ = chair_on(snap)
    found[("chair", "state")] = chair.state if chair else None
    secretary = snap.secretary_general
    found[("secretary_general", "state")] = secretary.state if secretary else None
    return found


def _boundaries(record: History, scenario: History, start: date, end: date) -> list[date]:
    days = {start}
    for history in (record, scenario):
        days.update(span.start for span in history.spans(start, end))
        days.update(date(year, 1, 1) for year in range(start.year + 1, end.year + 1))
    return sorted(d for d in days if start <= d < end)


def diff(record: History, scenario: History, name: str, start: object,
         end: object = None) -> DiffAnswer:
    """Changes over [start, end) (one day when ``end`` is None)."""
    first = as_day(start, "from")
    last = as_day(end, "until") if end is not None else first + timedelta(days=1)
    if last <= first:
        raise InputError("the period is empty: 'until' ({value}) must come after 'from'",
                         field="until", value=last.isoformat())
    days = _boundaries(record, scenario, first, last)
    changes: list[Change] = []
    open_changes: dict[tuple[str, str], Change] = {}
    for index, day in enumerate(days):
        stop = days[index + 1] if index + 1 < len(days) else last
        ours, theirs = _facts(record.at(day)), _facts(scenario.at(day))
        keys = sorted(set(ours) | set(theirs))
        current = {k: (ours.get(k), theirs.get(k)) for k in keys if ours.get(k) != theirs.get(k)}
        for key in list(open_changes):
            running = open_changes[key]
            if current.get(key) != (running.record, running.scenario):
                changes.append(running._replace(end=day))
                del open_changes[key]
        for key, (mine, yours) in current.items():
            if key not in open_changes:
                open_changes[key] = Change(day, stop, key[0], key[1], mine, yours)
    changes.extend(change._replace(end=last) for change in open_changes.values())
    changes.sort(key=lambda c: (c.start, c.subject, c.aspect))
    return DiffAnswer(name, first, last, tuple(changes), (), scenario)


def compare(record: History, scenario: History, on: str | None = None,
            start: str | None = None, until: str | None = None) -> DiffAnswer:
    """What ``csto scenario diff`` answers: changes on ``on`` (default today), or over
    [``start``, ``until``), ``until`` defaulting to a year after ``start``."""
    from ..record.dates import add_months

    if on and (start or until):
        raise InputError("give either --on or --from/--until, not both", field="on")
    name = scenario.scenario.name if scenario.scenario is not None else "scenario"
    if not start:
        return diff(record, scenario, name, on or date.today().isoformat())
    last = until or add_months(as_day(start, "from"), 12).isoformat()
    return diff(record, scenario, name, start, last)

