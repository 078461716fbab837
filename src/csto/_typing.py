"""Names for type checking that cost nothing when the program runs.

Modules on the command line's hot path import ``TYPE_CHECKING`` and ``NamedTuple`` from
here instead of ``typing``; the type checker is told that ``TYPE_CHECKING`` is true
(``always_true`` in pyproject.toml) and sees ``typing.NamedTuple``.
"""

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import NamedTuple
else:
    from ._record import NamedTuple

__all__ = ["TYPE_CHECKING", "NamedTuple"]
