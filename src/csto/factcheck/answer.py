"""The answer of ``csto check``: the claims of a text, each with its verdict and evidence.

Its JSON form (``csto.to_dict``, ``csto check --json``) is the contract for scripts: an
object with ``as_of`` and ``claims``; each claim has ``start`` and ``end`` (character
offsets in the text, as Python counts them), ``sentence``, ``claim`` (structured),
``verdict`` and ``citations``. Its JSON Schema is published as ``docs/schema/check.json``.
"""

from datetime import date
from typing import NamedTuple

from ..record.history import History
from ..record.model import Alternative, Citation, Fact, Finding
from .evaluate import Period
from .propositions import Proposition


class ClaimContent(NamedTuple):
    """What a claim says: its kind (a claim type of ``claimtypes``) and the proposition it
    puts to the registry (None where the record holds nothing to ask)."""

    kind: str
    proposition: Proposition | None


class ClaimCheck(NamedTuple):
    """One claim of the text and what csto finds about it."""

    start: int
    end: int
    quote: str
    sentence: str
    sentence_start: int
    language: str
    type: str
    claim: ClaimContent
    as_of: date
    as_of_basis: str
    """Why this day: ``claim`` (the claim's own date), ``given`` (--as-of), ``date-line``
    (the text's own date line) or ``today``."""
    verdict: str
    findings: tuple[Finding, ...]
    citations: tuple[Citation, ...]
    facts: tuple[Fact, ...]
    held: tuple[Period, ...]
    """For ``outdated``: when the claim held; for ``does-not-hold``: when it came true, if later."""
    alternatives: tuple[Alternative, ...]
    """For ``disputed``: the values other sources give, and why csto chose otherwise."""


class CheckAnswer(NamedTuple):
    """The claims a text makes about the CSTO, checked against the record."""

    as_of: date
    as_of_basis: str
    date_line: str | None
    language: str
    languages: tuple[str, ...]
    characters: int
    claims: tuple[ClaimCheck, ...]
    history: History
