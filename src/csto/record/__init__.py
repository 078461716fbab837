"""The record: value types, the data files read and checked, the cache, and History.

Holds what the project knows (sourced events, documents, offices, states) and what follows
from it on any day (``History.at``, ``History.spans``). It may import ``csto.errors`` and
nothing else of csto: every other layer stands on it.
"""

from . import checked as _checked  # noqa: F401 (Event and Source check their values when built)
