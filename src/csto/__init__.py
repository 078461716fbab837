"""csto: the Collective Security Treaty Organization as sourced, time-aware rules.

>>> import csto
>>> csto.to_dict(csto.members("2000-06-01"))["members"][0]["iso3"]
'ARM'

Names are imported lazily so that ``import csto`` stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import (
        article,
        assist,
        base,
        cases,
        chair,
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
        state_history,
        step,
        to_dict,
    )
    from .errors import CstoError, DataError, InputError
    from .history import History, Snapshot, load_history
    from .i18n import Localizer

__all__ = [
    "CstoError", "DataError", "History", "InputError", "Localizer", "Snapshot", "article",
    "assist", "base", "cases", "chair", "decide", "disputes", "documents", "exercises",
    "forces", "groupings", "load_history", "members", "officials", "organization", "overview",
    "snapshot", "state_history", "step", "to_dict",
]

_HOMES = {
    "CstoError": "errors", "DataError": "errors", "InputError": "errors",
    "History": "history", "Snapshot": "history", "load_history": "history",
    "Localizer": "i18n",
}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'csto' has no attribute '{name}'")
    from importlib import import_module

    module = import_module(f".{_HOMES.get(name, 'api')}", __name__)
    value = getattr(module, name)
    globals()[name] = value
    return value
