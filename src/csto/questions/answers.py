"""What the listings answer: documents, articles, cases, exercises, the organization on a
day, a state's story and where sources disagree.

Every answer is a NamedTuple of typed fields whose last field is the ``history`` it was
computed on. The answers the rules decide are in ``csto.rules.answers``.
"""

from __future__ import annotations

from .._typing import TYPE_CHECKING, NamedTuple
from ..record.model import (
    Alternative,
    Announced,
    Case,
    CaseQuestion,
    Citation,
    Country,
    Dated,
    Day,
    Duration,
    Event,
    Exercise,
    Fact,
    Finding,
    Force,
    Grouping,
    Organization,
    ProcedureStep,
    Standing,
    Term,
    Text,
)

if TYPE_CHECKING:
    from typing import TypeAlias

    from ..record.history import History
    from ..rules.answers import (
        AssistAnswer,
        BaseAnswer,
        ChairAnswer,
        DecisionAnswer,
        MembersAnswer,
        OfficialsAnswer,
        StandingAnswer,
        StepAnswer,
    )

    Answer: TypeAlias = (
        "OverviewAnswer | MembersAnswer | StandingAnswer | StateHistoryAnswer "
        "| OrganizationAnswer | OfficialsAnswer | AssistAnswer | StepAnswer | BaseAnswer "
        "| ChairAnswer | DecisionAnswer | DocumentsAnswer | ArticleAnswer | ExercisesAnswer "
        "| ForcesAnswer | CasesAnswer | GroupingsAnswer | DisputesAnswer | ChangesAnswer")
    """The answer of any question in the registry."""


class DocumentStatus(NamedTuple):
    """A document as it stood on a day."""

    id: str
    title: Text
    kind: str
    status: str
    in_force: bool
    signed: Dated | None
    in_force_from: Dated | None
    amends: str | None
    summary: Text | None
    articles_in_force: tuple[str, ...]
    sources: tuple[str, ...]
    term: Duration | None = None
    """How long it runs before it must be extended, where one of its articles says."""


class DocumentsAnswer(NamedTuple):
    date: Day
    documents: tuple[DocumentStatus, ...]
    findings: tuple[Finding, ...]
    history: History


class WordingStatus(NamedTuple):
    """One version of an article, and when it entered into force."""

    version: str
    in_force_from: Day | None
    in_force: bool
    wording_retrieved: bool
    confidence: str
    text: Text
    sources: tuple[str, ...]


class ArticleAnswer(NamedTuple):
    date: Day
    document: str
    document_title: Text
    article: str
    title: Text
    in_force: bool
    text: Text | None
    citation: Citation | None
    versions: tuple[WordingStatus, ...]
    findings: tuple[Finding, ...]
    history: History


class ExercisesAnswer(NamedTuple):
    year: int | None
    exercises: tuple[Exercise, ...]
    history: History


class ForcesAnswer(NamedTuple):
    forces: tuple[Force, ...]
    history: History


class GroupingsAnswer(NamedTuple):
    groupings: tuple[Grouping, ...]
    history: History


class Requirement(NamedTuple):
    """What the Treaty required under one reading of a case, asked of the rules on its date."""

    reading: CaseQuestion
    obliged: tuple[str, ...]
    article_version: str | None
    procedure: tuple[ProcedureStep, ...]
    open_questions: tuple[str, ...]
    findings: tuple[Finding, ...]


class CaseAnswer(NamedTuple):
    """A case: what was asked and done, and what the Treaty required under each reading.

    ``aggressor_named`` is False where every reading naming an aggressor is a party's claim:
    the Organization itself named none.
    """

    case: Case
    readings: tuple[Requirement, ...]
    aggressor_named: bool


class CasesAnswer(NamedTuple):
    cases: tuple[CaseAnswer, ...]
    history: History


class OrganizationAnswer(NamedTuple):
    name: Text
    abbreviation: Text
    organization: Organization
    history: History


class Dispute(NamedTuple):
    """A fact where sources disagree: the record, the value chosen, why, the alternatives."""

    record: str
    field: str
    label: Text | str
    date: Day | None
    chosen_because: Text | str | None
    sources: tuple[str, ...]
    alternatives: tuple[Alternative, ...]


class DisputesAnswer(NamedTuple):
    disputes: tuple[Dispute, ...]
    history: History


class StateHistoryAnswer(NamedTuple):
    """One state's story: its codes, standing on a day, events, offices, exercises, cases."""

    state: str
    date: Day
    codes: Country
    standing: Standing | None
    events: tuple[Event, ...]
    offices: tuple[Term, ...]
    exercises_hosted: tuple[str, ...]
    cases: tuple[str, ...]
    findings: tuple[Finding, ...]
    history: History


class OverviewAnswer(NamedTuple):
    """The organization on a day: what ``make run`` shows first.

    ``announced`` lists, for a day past the one the record was reviewed up to, the plans
    announced by then that were expected by the end of the day's month (see
    ``caveats.announced_by``): what may have happened without the record saying so.
    """

    date: Day
    members: tuple[Standing, ...]
    observers: tuple[Standing, ...]
    standings: tuple[Standing, ...]
    secretary_general: Term | None
    chair: Term | None
    documents_in_force: tuple[DocumentStatus, ...]
    announced: tuple[Announced, ...]
    findings: tuple[Finding, ...]
    history: History




class Change(NamedTuple):
    """One change between two consecutive epochs, on the day it takes effect.

    ``what`` is ``standing`` (``subject``: the state's ISO alpha-3 code; ``kind``: the kind
    of event that changed it, or ``in_force`` where the Treaty's entry into force made its
    signatories members; ``before``/``after``: standings), ``document`` (``subject``: the
    document id; ``kind``: ``in_force``; ``after``: ``in-force``) or ``office``
    (``subject``: the new holder's state; ``kind``: ``secretary_general`` or ``chair``;
    ``before``/``after``: states). ``fact`` is the record's fact behind it, with its sources.
    """

    date: Day
    what: str
    subject: str
    kind: str
    before: str | None
    after: str | None
    fact: Fact


class ChangesAnswer(NamedTuple):
    """Every change of standing, document in force and office holder over [start, until)."""

    start: Day
    until: Day
    changes: tuple[Change, ...]
    history: History
