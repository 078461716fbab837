"""The claim types: each declared once, with the concepts that trigger it and the
proposition it makes of a clause.

A declaration names its family (the annotation type: membership, count, date, place,
official, rule, exercise, case, organization), the lexicon concepts that trigger it, the
concepts that, present in the same clause, mean the clause says something else, and the
sentence that tells a reader what the record gives. Its function reads the clause through
``Match`` (the states it lists, its number, its date, whether it is denied) and returns the
``Proposition`` over a registry question, or None where the clause does not make the claim.
The words are in ``lexicon/*.yaml``; nothing here names a word of any language.

The order of ``TYPES`` is the order of preference: a name, number, date or place taken by
one claim of a sentence is not read again by a later type.

The types live in one module per subject (``forces``, ``documents``, ``standing``,
``counts``, ``officials``, ``rules``, ``exercises``, ``cases``, ``organization``), built on
``base`` (the clause read, the record asked, the declaration) and ``common`` (readings
several subjects share). ``PREFERENCE`` below orders the subjects.
"""

from . import cases, counts, documents, exercises, forces, officials, organization, rules, standing
from .base import DATED, STATE_EVENTS, TYPES, ClaimType, Found, Match, Record
from .cases import case_victim

PREFERENCE = (forces, documents, standing, counts, officials, rules, exercises, cases, organization)
"""The subjects in the order their types are tried; within a subject, the order of
declaration."""
TYPES.sort(key=lambda kind: [module.__name__ for module in PREFERENCE].index(kind.build.__module__))

__all__ = ["DATED", "STATE_EVENTS", "TYPES", "ClaimType", "Found", "Match", "Record", "case_victim"]
