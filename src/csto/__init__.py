"""csto: the Collective Security Treaty Organization as sourced, time-aware rules.

>>> import csto
>>> csto.to_dict(csto.members("2000-06-01"))["members"][0]["iso3"]
'ARM'

Names are imported lazily so that ``import csto`` stays cheap for the command line.
"""

from __future__ import annotations

from ._typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .errors import CstoError, DataError, InputError, RecordError, TimelineError
    from .factcheck.check import check
    from .present.tojson import to_dict
    from .questions.api import (
        article,
        assist,
        base,
        cases,
        chair,
        changes,
        decide,
        disputes,
        documents,
        exercises,
        forces,
        groupings,
        members,
        officials,
        organization,
        overview,
        snapshot,
        standing,
        state_history,
        step,
    )
    from .questions.registry import QUESTIONS, ask
    from .record.history import History, Snapshot, Span
    from .record.load import load_history
    from .record.model import Event, Source

__all__ = [
    "QUESTIONS", "CstoError", "DataError", "Event", "History", "InputError", "RecordError",
    "Snapshot", "Source", "Span", "TimelineError", "article", "ask", "assist", "base", "cases",
    "chair", "changes", "check", "decide", "disputes", "documents", "exercises", "forces", "groupings",
    "load_history", "members", "officials", "organization", "overview", "snapshot",
    "standing", "state_history", "step", "to_dict",
]

_HOMES = {
    "CstoError": "errors", "DataError": "errors", "InputError": "errors",
    "RecordError": "errors", "TimelineError": "errors",
    "History": "record.history", "Snapshot": "record.history", "Span": "record.history",
    "load_history": "record.load", "Event": "record.model", "Source": "record.model",
    "QUESTIONS": "questions.registry", "ask": "questions.registry",
    "check": "factcheck.check", "to_dict": "present.tojson",
}


def __getattr__(name: str) -> object:
    if name not in __all__:
        raise AttributeError(f"module 'csto' has no attribute '{name}'")
    from importlib import import_module

    module = import_module(f".{_HOMES.get(name, 'questions.api')}", __name__)
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
