"""The Python API: check plain inputs, take the snapshot of the day, ask the rules.

Every function takes a day (``datetime.date``, a ``datetime``, ``'YYYY-MM-DD'`` or None
for today) and an optional ``history`` (default: the packaged one; a scenario is a
History too). Each returns a typed answer (``csto.rules.answers``, ``answers``);
``csto.to_dict`` (``csto.present.tojson``) gives the JSON form that ``--json`` prints and
the REST API returns.

>>> import csto
>>> csto.members("2000-06-01").members[0].iso3
'ARM'
>>> csto.assist("ARM", against="AZE", on="2022-09-13").procedure[0].code
'request'
"""

from __future__ import annotations

from datetime import date
from functools import wraps

from .._typing import TYPE_CHECKING
from ..errors import InputError
from ..record.dates import as_day, parse_year
from ..record.history import History, Snapshot
from ..record.load import load_history
from ..record.model import Text
from ..rules import answers as r
from . import answers as a
from .caveats import add_caveats

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import ParamSpec, TypeVar

    P = ParamSpec("P")
    R = TypeVar("R")


def answers(function: Callable[P, R]) -> Callable[P, R]:
    """Mark an API function: its answer gets the caveats every answer owes its reader
    (disputed facts it rests on, a day past the record's review)."""

    @wraps(function)
    def answer(*args: P.args, **kwargs: P.kwargs) -> R:
        return add_caveats(function(*args, **kwargs))

    return answer


def _history(history: History | None) -> History:
    if history is None:
        return load_history()
    if not isinstance(history, History):
        raise InputError("history must be a csto.History (from csto.load_history or "
                         "History.with_events), not {kind}", field="history",
                         kind=type(history).__name__)
    return history


def day(on: object = None) -> date:
    """Today when None; otherwise a checked day."""
    return date.today() if on is None else as_day(on)


def snapshot(on: object = None, history: History | None = None) -> Snapshot:
    """Everything that holds on a day: standings, law in force, office holders."""
    return _history(history).at(day(on))


@answers
def members(on: object = None, history: History | None = None) -> r.MembersAnswer:
    """The members on a day, and the standing of every state that ever had one."""
    from ..rules.membership import members as rule

    return rule(snapshot(on, history))


@answers
def standing(state: str, on: object = None, history: History | None = None) -> r.StandingAnswer:
    """One state's standing on a day."""
    from ..rules.membership import standing as rule

    h = _history(history)
    return rule(h.at(day(on)), h.resolve_country(state, "state"))


@answers
def officials(on: object = None, history: History | None = None) -> r.OfficialsAnswer:
    """The Secretary General and the chair on a day."""
    from ..rules.membership import officials as rule

    return rule(snapshot(on, history))


@answers
def assist(victim: str, against: str | None = None, on: object = None,
           situation: str = "armed-attack", territory: str = "inside",
           history: History | None = None) -> r.AssistAnswer:
    """Article 4: who must assist ``victim`` on a day, and by which procedure."""
    from ..rules.defence import assist as rule

    h = _history(history)
    aggressor = h.resolve_country(against, "against") if against is not None else None
    return rule(h.at(day(on)), h.resolve_country(victim, "victim"), aggressor, situation,
                territory)


@answers
def base(host: str, guest: str, on: object = None,
         history: History | None = None) -> r.BaseAnswer:
    """Whose consent ``host`` needs to let ``guest`` station forces or facilities."""
    from ..rules.bases import base as rule

    h = _history(history)
    return rule(h.at(day(on)), h.resolve_country(host, "host"), h.resolve_country(guest, "guest"))


@answers
def step(actor: str, action: str, target: str | None = None, on: object = None,
         history: History | None = None) -> r.StepAnswer:
    """Whether ``actor`` taking ``action`` (towards ``target``) keeps the Treaty."""
    from ..rules.alliances import check_step
    from ..rules.alliances import step as rule

    h = _history(history)
    check_step(action, target)
    who = h.resolve_country(actor, "actor")
    resolved = target
    if target is not None:
        resolved = (h.resolve_grouping(target) if action == "join-alliance"
                    else h.resolve_country(target, "target"))
        if resolved == who:
            raise InputError("the actor and the target are the same state: name two states",
                             field="target")
    return rule(h.at(day(on)), who, action, resolved)


@answers
def chair(year: int | str | None = None, history: History | None = None) -> r.ChairAnswer:
    """The chair of the Collective Security Council in ``year`` (default: this year)."""
    from ..rules.chair import chair_for_year

    return chair_for_year(_history(history), date.today().year if year is None else parse_year(year))


@answers
def decide(body: str, positions: dict[str, str] | None = None, on: object = None,
           matter: str = "general", history: History | None = None) -> r.DecisionAnswer:
    """Whether ``body`` adopts a draft, given members' positions (for, against, abstain,
    absent; a member not named is absent)."""
    from ..rules.decisions import check_question
    from ..rules.decisions import decide as rule

    h = _history(history)
    snap = h.at(day(on))
    check_question(snap, body, matter)
    if positions is not None and not isinstance(positions, dict):
        raise InputError("positions must be a mapping of states to for, against, abstain or "
                         "absent, not {kind}", field="positions", kind=type(positions).__name__)
    resolved: dict[str, str] = {}
    for state, position in (positions or {}).items():
        code = h.resolve_country(state, "positions")
        if code in resolved:
            raise InputError("{value} is given more than one position", field="positions",
                             value=code)
        resolved[code] = position
    return rule(snap, body, resolved, matter)


@answers
def state_history(state: str, on: object = None,
                  history: History | None = None) -> a.StateHistoryAnswer:
    """One state's story: events, offices, exercises hosted, cases, standing on a day."""
    from .listings import state_history as build

    h = _history(history)
    return build(h, h.resolve_country(state, "state"), day(on))


@answers
def documents(on: object = None, history: History | None = None) -> a.DocumentsAnswer:
    """The treaty documents, and which are in force on a day."""
    from .listings import documents as build

    return build(snapshot(on, history))


@answers
def article(document: str, number: str, on: object = None,
            history: History | None = None) -> a.ArticleAnswer:
    """One article in the wording in force on a day, with all its versions."""
    from .listings import article as build

    h = _history(history)
    doc = h.documents.get(document) if isinstance(document, str) else None
    if doc is None:
        raise InputError("unknown document '{value}': use one of {known}", field="document",
                         value=str(document), known=", ".join(h.documents))
    numbers = [item.number for item in doc.articles]
    if str(number) not in numbers:
        raise InputError("document '{document}' has no article '{value}' in csto; articles: "
                         "{known}", field="number", document=document, value=str(number),
                         known=", ".join(numbers) or "none")
    return build(h.at(day(on)), document, str(number))


@answers
def exercises(year: int | str | None = None, history: History | None = None) -> a.ExercisesAnswer:
    """The exercises, or those of one year."""
    h = _history(history)
    chosen = parse_year(year) if year is not None else None
    return a.ExercisesAnswer(chosen, tuple(e for e in h.exercises
                                           if chosen is None or e.year == chosen), h)


@answers
def forces(history: History | None = None) -> a.ForcesAnswer:
    """The collective forces."""
    h = _history(history)
    return a.ForcesAnswer(h.forces, h)


@answers
def groupings(history: History | None = None) -> a.GroupingsAnswer:
    """Alliances and groupings with their stable ids."""
    h = _history(history)
    return a.GroupingsAnswer(tuple(h.groupings.values()), h)


@answers
def cases(case_id: str | None = None, history: History | None = None) -> a.CasesAnswer:
    """Historical requests for assistance, with what the Treaty required in each."""
    from .listings import cases as build

    h = _history(history)
    if case_id is not None and (not isinstance(case_id, str)
                                or case_id not in {c.id for c in h.cases}):
        raise InputError("unknown case '{value}': use one of {known}", field="case",
                         value=str(case_id), known=", ".join(c.id for c in h.cases))
    return build(h, case_id)


@answers
def organization(history: History | None = None) -> a.OrganizationAnswer:
    """The organization: names, seat, language, website, milestones, organs."""
    h = _history(history)
    org = h.organization
    names = {n.lang: n.name for n in org.names if not n.variant}
    name = Text(names["en"], names.get("id"), names.get("ru"))
    return a.OrganizationAnswer(name, org.abbreviations, org, h)


@answers
def disputes(history: History | None = None) -> a.DisputesAnswer:
    """Every fact where sources disagree: the choice, the reason, the alternatives."""
    from .listings import disputes as build

    return build(_history(history))


@answers
def overview(on: object = None, history: History | None = None) -> a.OverviewAnswer:
    """The organization on a day: members, observers, officials, documents in force."""
    from .listings import overview as build

    return build(snapshot(on, history))


@answers
def changes(start: object = None, until: object = None,
            history: History | None = None) -> a.ChangesAnswer:
    """Every change of standing, document in force and office holder from ``start``
    (default: 15 May 1992, the record's earliest day) until ``until`` (default: today), the
    last day not included."""
    from ..record.dates import EARLIEST
    from .changes import changes as build

    h = _history(history)
    earliest = min((d for d in h.change_dates if d >= EARLIEST), default=EARLIEST)
    first = as_day(start, "from") if start is not None else earliest
    last = as_day(until, "until") if until is not None else date.today()
    if last <= first:
        raise InputError("'until' ({value}) must come after 'from' ({start})", field="until",
                         value=last.isoformat(), start=first.isoformat())
    return build(h, first, last)
