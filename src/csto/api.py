"""The Python API: validate plain inputs, take the snapshot of the day, ask the rules.

Every function takes a date (``datetime.date``, ``'YYYY-MM-DD'`` or None for today) and an
optional ``History`` (default: the packaged one). The CLI and any other interface call
these functions and render ``answer.as_dict(Localizer(history, lang))``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .dates import check_date, parse_date, parse_year
from .errors import InputError
from .history import History, Snapshot, load_history

__all__ = ["History", "Snapshot", "load_history"]


def _history(history: History | None) -> History:
    return history if history is not None else load_history()


def day(on: date | str | None) -> date:
    """Today when None; otherwise a checked day."""
    if on is None:
        return date.today()
    if isinstance(on, str):
        return parse_date(on)
    return check_date(on)


def snapshot(on: date | str | None = None, history: History | None = None) -> Snapshot:
    return _history(history).at(day(on))


def members(on: date | str | None = None, history: History | None = None) -> Any:
    from .rules.membership import members as rule

    return rule(snapshot(on, history))


def officials(on: date | str | None = None, history: History | None = None) -> Any:
    from .rules.membership import officials as rule

    return rule(snapshot(on, history))


def assist(victim: str, against: str | None = None, on: date | str | None = None,
           situation: str = "armed-attack", territory: str = "inside",
           history: History | None = None) -> Any:
    from .rules.defence import assist as rule

    h = _history(history)
    aggressor = h.resolve_country(against) if against else None
    return rule(snapshot(on, h), h.resolve_country(victim), aggressor, situation, territory)


def base(host: str, guest: str, on: date | str | None = None,
         history: History | None = None) -> Any:
    from .rules.bases import base as rule

    h = _history(history)
    return rule(snapshot(on, h), h.resolve_country(host), h.resolve_country(guest))


def step(actor: str, action: str, target: str | None = None, on: date | str | None = None,
         history: History | None = None) -> Any:
    from .rules.alliances import ACTIONS
    from .rules.alliances import step as rule

    h = _history(history)
    if action not in ACTIONS:
        raise InputError(f"unknown step '{action}': use one of {', '.join(ACTIONS)}")
    resolved = target
    if target is not None:
        resolved = h.resolve_grouping(target) if action == "join-alliance" else h.resolve_country(target)
    return rule(snapshot(on, h), h.resolve_country(actor), action, resolved)


def chair(year: int | str | None = None, history: History | None = None) -> Any:
    from .rules.chair import chair_for_year

    return chair_for_year(_history(history), date.today().year if year is None else parse_year(year))


def decide(body: str, positions: dict[str, str], on: date | str | None = None,
           matter: str = "general", history: History | None = None) -> Any:
    from .rules.decisions import decide as rule

    h = _history(history)
    resolved: dict[str, str] = {}
    for state, position in positions.items():
        code = h.resolve_country(state)
        if code in resolved:
            raise InputError(f"{code} is given more than one position")
        resolved[code] = position
    return rule(snapshot(on, h), body, resolved, matter)


def state_history(state: str, on: date | str | None = None, history: History | None = None) -> Any:
    from .listings import state_history as build

    h = _history(history)
    return build(h, h.resolve_country(state), day(on))


def documents(on: date | str | None = None, history: History | None = None) -> Any:
    from .listings import DocumentsAnswer

    return DocumentsAnswer(snapshot(on, history))


def article(document: str, number: str, on: date | str | None = None,
            history: History | None = None) -> Any:
    from .listings import ArticleAnswer

    h = _history(history)
    doc = h.documents.get(document)
    if doc is None:
        raise InputError(f"unknown document '{document}': use one of {', '.join(h.documents)}")
    numbers = [a["number"] for a in doc["articles"]]
    if number not in numbers:
        listed = ", ".join(numbers) or "none"
        raise InputError(f"document '{document}' has no article '{number}' in csto; articles: {listed}")
    return ArticleAnswer(snapshot(on, h), document, number)


def exercises(year: int | str | None = None, history: History | None = None) -> Any:
    from .listings import RecordsAnswer

    h = _history(history)
    chosen = parse_year(year) if year is not None else None
    records = tuple(e for e in h.data["exercises"] if chosen is None or e["year"] == chosen)
    return RecordsAnswer("exercises", records, ("summary",))


def forces(history: History | None = None) -> Any:
    from .listings import RecordsAnswer

    return RecordsAnswer("forces", tuple(_history(history).data["forces"]),
                         ("name", "basis", "size"))


def groupings(history: History | None = None) -> Any:
    from .listings import RecordsAnswer

    return RecordsAnswer("groupings", tuple(_history(history).groupings.values()), ("name",))


def cases(case_id: str | None = None, history: History | None = None) -> Any:
    from .listings import CaseAnswer, CasesAnswer
    from .rules.defence import assist as rule

    h = _history(history)
    records = h.data["cases"]
    if case_id is not None:
        records = [c for c in records if c["id"] == case_id]
        if not records:
            known = ", ".join(c["id"] for c in h.data["cases"])
            raise InputError(f"unknown case '{case_id}': use one of {known}")
    answers = []
    for record in records:
        q = record["question"]
        required = rule(h.at(date.fromisoformat(q["date"])), q["victim"], q["aggressor"],
                        q["situation"], q["territory"])
        answers.append(CaseAnswer(record, required))
    return CasesAnswer(tuple(answers))


def organization(history: History | None = None) -> Any:
    from .listings import OrganizationAnswer

    return OrganizationAnswer(_history(history))


def disputes(history: History | None = None) -> Any:
    from .listings import DisputesAnswer

    return DisputesAnswer(_history(history))


def overview(on: date | str | None = None, history: History | None = None) -> Any:
    from .listings import DocumentsAnswer, OverviewAnswer

    snap = snapshot(on, history)
    from .rules.membership import members as members_rule
    from .rules.membership import officials as officials_rule

    return OverviewAnswer(members_rule(snap), officials_rule(snap), DocumentsAnswer(snap), ())


def to_dict(answer: Any, lang: str = "en", history: History | None = None) -> dict[str, Any]:
    """The JSON form of an answer, the same object the CLI prints with ``--json``."""
    from .i18n import Localizer

    result: dict[str, Any] = answer.as_dict(Localizer(_history(history), lang))
    return result
