"""Value types: the records of the knowledge base and what the rules derive from them.

Each type is declared once, here. They are NamedTuples on purpose: the command line must
start about as fast as the interpreter (see ``csto._typing``). The validator of the YAML files
(``schema``) is derived from these declarations; the aliases below (``NonEmpty``,
``Iso3``, ``SourceIds``...) name what a field holds, and ``schema.ALIASES`` says what
each one checks, so a record's shape is never written twice.

Records are built with keywords, for instance::

    >>> from datetime import date
    >>> Event(id="uzb-return-2027", date=date(2027, 1, 1), state="UZB", kind="return",
    ...       sources=("my-note",)).precision
    'day'
"""

from __future__ import annotations

from datetime import date

from .._typing import TYPE_CHECKING, NamedTuple
from .dates import period_end
from .vocab import MEMBER_STATUSES

if TYPE_CHECKING:
    from typing import TypeAlias

    # What each field holds; ``schema.ALIASES`` says what each checks in the data files,
    # and each vocabulary's values are in ``vocab.CHECKED``.
    NonEmpty = str
    Iso3 = str
    SourceIds = tuple[str, ...]
    Wordings = tuple["Wording", ...]
    CaseReadings = tuple["CaseQuestion", ...]
    GroupingId = str
    Language = str
    Confidence = str
    Precision = str
    SourceKind = str
    DocumentKind = str
    Series = str
    GroupingKind = str
    Situation = str
    Territory = str
    Stance = str
    Body = str
    MilestoneEvent = str
    Reason: TypeAlias = "str | Text"
    ReadingValue: TypeAlias = "str | int | bool | tuple[str, ...]"
    PlanPrecision = str

Day = date
"""A calendar day (named so that a field called ``date`` does not hide the type)."""



# -- texts and sources ------------------------------------------------------------------
class Text(NamedTuple):
    """A text for readers, in English and, where written, Indonesian and Russian."""

    en: NonEmpty
    id: NonEmpty | None = None
    ru: NonEmpty | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang``, or the English one where that language is missing."""
        return getattr(self, lang, None) or self.en


class PartialText(NamedTuple):
    """Names that correct only some languages (country overrides)."""

    en: NonEmpty | None = None
    id: NonEmpty | None = None
    ru: NonEmpty | None = None


class Source(NamedTuple):
    """Where a fact comes from: a document, an article, a seed file or a URL."""

    id: NonEmpty
    title: NonEmpty
    url: NonEmpty | None = None
    published: Day | None = None
    precision: Precision = "day"
    language: Language | None = None
    kind: SourceKind = "reference"
    file: NonEmpty | None = None
    undated: NonEmpty | None = None
    """Why there is no publication date (a living page, a database entry), where none."""


class Alternative(NamedTuple):
    """A value another source gives, kept beside the chosen one with the reason it lost.

    ``reading`` states the alternative as fields of the record it disagrees with (an
    event's ``kind: withdraw``, an exercise's ``troops: 10000``), so the history can be
    replayed under it: the fact checker calls a claim *disputed* when it holds under such
    a reading and not under the chosen one. A ``date`` is a reading of the record's date.
    """

    sources: SourceIds
    why_not: Reason
    value: NonEmpty | Text | None = None
    date: Day | None = None
    precision: Precision | None = None
    reading: dict[str, ReadingValue] | None = None


# -- events -------------------------------------------------------------------------------
class Event(NamedTuple):
    """Something that happened (or, in a scenario, might happen) to a state on a day.

    ``kind`` says what it does to the state's standing (see ``history.TRANSITIONS``).
    ``by`` names the other state where the kind involves one (an aggressor);
    ``effective`` is the day a notice takes effect where it names one.
    """

    id: NonEmpty
    date: Day
    state: Iso3
    kind: NonEmpty
    sources: SourceIds
    precision: Precision = "day"
    confidence: Confidence = "M"
    summary: Text | None = None
    body: Body | None = None
    by: Iso3 | None = None
    effective: Day | None = None
    note: Text | None = None
    remark: NonEmpty | None = None
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()


# -- documents ----------------------------------------------------------------------------
class Dated(NamedTuple):
    """A dated step of a document (signature, entry into force), with its sources."""

    date: Day
    sources: SourceIds
    confidence: Confidence
    precision: Precision = "day"
    place: NonEmpty | None = None
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()


class Duration(NamedTuple):
    """How long a document runs before it must be extended, by one of its articles."""

    years: int
    article: NonEmpty
    sources: SourceIds
    confidence: Confidence


class Wording(NamedTuple):
    """One version of an article, paraphrased, in force from its ``by`` document on."""

    by: NonEmpty
    text: Text
    sources: SourceIds
    confidence: Confidence
    retrieved: bool = True
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()


class Article(NamedTuple):
    number: NonEmpty
    title: Text
    versions: Wordings


class Document(NamedTuple):
    """A treaty, charter, protocol, agreement or decision, and its articles."""

    id: NonEmpty
    kind: DocumentKind
    title: Text
    sources: SourceIds
    confidence: Confidence
    short: Text | None = None
    signed: Dated | None = None
    in_force: Dated | None = None
    term: Duration | None = None
    """Its term (the Treaty's five years, Art. 11, each extension as long)."""
    amends: NonEmpty | None = None
    summary: Text | None = None
    articles: tuple[Article, ...] = ()
    remark: NonEmpty | None = None
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()


# -- offices ------------------------------------------------------------------------------
class TermRecord(NamedTuple):
    """A recorded term of office as written in ``offices.yaml``: [start, until)."""

    state: Iso3 | None
    start: Day
    sources: SourceIds
    confidence: Confidence
    person: Text | None = None
    until: Day | None = None
    precision: Precision = "day"
    acting: bool = False
    note: Text | None = None
    remark: NonEmpty | None = None
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()
    appointed: Day | None = None
    """The day the holder was appointed, where it is not the term's first (the Council
    appoints a Secretary General at its autumn session for a term from 1 January)."""


class ChairRule(NamedTuple):
    since: Day
    summary: Text
    sources: SourceIds
    confidence: Confidence
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()


class Practice(NamedTuple):
    """A recorded practice that a rule relies on, such as how a body decides a matter."""

    id: NonEmpty
    date: Day
    summary: Text
    sources: SourceIds
    confidence: Confidence
    precision: Precision = "day"


class Offices(NamedTuple):
    secretary_general: tuple[TermRecord, ...]
    chair: tuple[TermRecord, ...]
    chair_rule: ChairRule
    practices: tuple[Practice, ...] = ()


# -- the organization ---------------------------------------------------------------------
class OrgName(NamedTuple):
    """A name of the Organization in one language; a ``variant`` is a rendering in common
    use beside the official one (texts that use it name the Organization correctly)."""

    lang: NonEmpty
    name: NonEmpty
    sources: SourceIds
    confidence: Confidence
    variant: bool = False
    script: NonEmpty | None = None
    latin: NonEmpty | None = None
    note: Text | None = None
    remark: NonEmpty | None = None
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()


class OrgFact(NamedTuple):
    value: Text
    sources: SourceIds
    confidence: Confidence
    detail: NonEmpty | None = None
    note: Text | None = None
    remark: NonEmpty | None = None
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()


class Milestone(NamedTuple):
    date: Day
    summary: Text
    sources: SourceIds
    confidence: Confidence
    precision: Precision = "day"
    document: NonEmpty | None = None
    event: MilestoneEvent | None = None
    founding: bool = False
    """A day sources give as the Organization's founding (the Treaty, the 2002 decision,
    the Charter signed, the Charter in force)."""
    code: NonEmpty | None = None
    """What the milestone is, for questions about it (``un-observer``)."""
    note: Text | None = None
    remark: NonEmpty | None = None
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()


class Organ(NamedTuple):
    """A body of the Organization (Charter Art. 11): its role, and what its rules fix."""

    id: NonEmpty
    name: Text
    role: Text
    sources: SourceIds
    confidence: Confidence
    decides_by_consensus: bool = False
    highest: bool = False
    """The highest body (Charter Art. 13: the Collective Security Council)."""
    term_years: int | None = None
    """The years its head is appointed for, where a rule fixes them (the Secretary General's)."""


class Organization(NamedTuple):
    abbreviations: Text
    names: tuple[OrgName, ...]
    headquarters: OrgFact
    official_language: OrgFact
    website: OrgFact
    milestones: tuple[Milestone, ...]
    organs: tuple[Organ, ...]


class Review(NamedTuple):
    """Up to which day the record was checked against its sources, and what was checked."""

    reviewed: Day
    scope: Text
    sources: SourceIds
    confidence: Confidence = "H"


# -- exercises, forces, cases, groupings, countries ---------------------------------------
class Exercise(NamedTuple):
    id: NonEmpty
    name: NonEmpty
    series: Series
    year: int
    sources: SourceIds
    confidence: Confidence
    start: Day | None = None
    end: Day | None = None
    hosts: tuple[Iso3, ...] = ()
    participants: tuple[Iso3, ...] | None = None
    troops: int | None = None
    aircraft: int | None = None
    largest_of_year: bool = False
    planned: bool = False
    summary: Text | None = None
    remark: NonEmpty | None = None
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()
    title: Text | None = None
    """The name in each language (``name`` is the name in Latin letters the record uses)."""


class Force(NamedTuple):
    """A collective force: ``established`` is the day the instrument setting it up was
    signed; ``decided`` the day the Council decided to create it, where that came first."""

    id: NonEmpty
    name: Text
    established: Day
    basis: Text
    size: Text
    sources: SourceIds
    confidence: Confidence
    decided: Day | None = None
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()


class CaseQuestion(NamedTuple):
    """One reading of a historical case, put to the rules on the case's date.

    ``claimed_by`` is the state whose claim the reading is (who attacked whom, as that
    state tells it); None where the Organization itself established the facts or nobody
    contested them. ``acted_on`` marks the reading the Organization acted on.
    """

    victim: Iso3
    date: Day
    aggressor: Iso3 | None = None
    situation: Situation = "armed-attack"
    territory: Territory = "inside"
    claimed_by: Iso3 | None = None
    acted_on: bool = False
    sources: tuple[NonEmpty, ...] = ()


class CaseStep(NamedTuple):
    """A dated step of a case's procedure as it happened (request, session, decision...)."""

    step: NonEmpty
    date: Day
    sources: SourceIds
    confidence: Confidence = "H"
    precision: Precision = "day"


class Position(NamedTuple):
    """A member's recorded stance in a case: support, stand-aside or block."""

    state: Iso3
    stance: Stance
    sources: SourceIds


class Contributors(NamedTuple):
    """The members whose forces an operation was made of, as its sources name them."""

    states: tuple[Iso3, ...]
    sources: SourceIds


class Case(NamedTuple):
    """A historical request for collective assistance, and what the Organization did."""

    id: NonEmpty
    title: Text
    start: Day
    end: Day
    readings: CaseReadings
    request: Text
    action: Text
    outcome: NonEmpty
    sources: SourceIds
    confidence: Confidence
    troops: int | None = None
    timeline: tuple[CaseStep, ...] = ()
    positions: tuple[Position, ...] = ()
    contributors: Contributors | None = None
    remark: NonEmpty | None = None
    chosen_because: Reason | None = None
    alternatives: tuple[Alternative, ...] = ()


class Assessment(NamedTuple):
    """A dated, sourced statement of whom a grouping is directed against."""

    start: Day
    directed_against: tuple[Iso3, ...]
    summary: Text
    sources: SourceIds
    confidence: Confidence


class Grouping(NamedTuple):
    id: GroupingId
    name: Text
    kind: GroupingKind
    collective_defence: bool
    sources: SourceIds
    confidence: Confidence
    assessments: tuple[Assessment, ...] = ()
    short: Text | None = None
    """The short name in each language (``NATO``, ``НАТО``), where it differs from the id."""


class CountryOverride(NamedTuple):
    """What the country libraries lack: a code or a name, with its source."""

    iso3: Iso3
    sources: SourceIds
    cow: int | None = None
    names: PartialText | None = None
    aliases: tuple[NonEmpty, ...] = ()
    remark: NonEmpty | None = None


class Country(NamedTuple):
    """A state's codes and names: ISO 3166 (pycountry), CLDR names, COW code."""

    iso3: str
    alpha2: str
    numeric: str
    names: dict[str, str]
    name_sources: tuple[str, ...]
    cow: int | None
    cow_sources: tuple[str, ...]
    official_name: str | None = None


# -- plans announced, not recorded ---------------------------------------------------------
class Expected(NamedTuple):
    """When an announced plan is to happen: the day, month or year that begins on ``date``
    (a month or a year is written as its first day), or, where the announcement gave a
    span, from there to the end of the day, month or year that begins on ``until``."""

    date: Day
    precision: PlanPrecision
    until: Day | None = None

    @property
    def end(self) -> Day:
        """The first day after the expected period, which is [date, end)."""
        return period_end(self.until or self.date, self.precision)


class Announced(NamedTuple):
    """A plan made public before the day the record was reviewed to, for a later time:
    what, when, where, who announced it, and the sources. It is not an event: whether it
    was carried out is not recorded, and no answer rests on it (``questions.caveats``
    names it beside the answers about the days it concerns)."""

    id: NonEmpty
    announced: Day
    what: Text
    expected: Expected
    where: Text
    by: Text
    sources: SourceIds
    confidence: Confidence


YAML_NAMES: dict[type, dict[str, str]] = {
    TermRecord: {"start": "from"},
    Assessment: {"start": "from"},
}
"""Fields written otherwise in the data files (``from`` is a Python keyword)."""


# -- what the rules derive ----------------------------------------------------------------
class Citation(NamedTuple):
    """An article of a document, in the wording in force on the day asked."""

    document: str
    article: str
    version: str
    in_force_from: Day
    in_force_precision: str
    wording_retrieved: bool
    sources: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.document}/{self.article}"


class Fact(NamedTuple):
    """A dated fact from the data that an answer relies on.

    ``disputed`` is set where sources disagree about it; the record it comes from keeps
    the alternatives, and an answer using the fact says so.
    """

    ref: str
    date: Day
    sources: tuple[str, ...]
    confidence: str
    disputed: bool = False


class CountryRef(NamedTuple):
    """A finding parameter shown as a country's name in the reader's language."""

    code: str


class CountryList(NamedTuple):
    """A finding parameter shown as a list of country names."""

    codes: tuple[str, ...]


class DateRef(NamedTuple):
    """A finding parameter shown as a day in the reader's format, as precise as known."""

    day: Day
    precision: str = "day"


class Label(NamedTuple):
    """A finding parameter that is a code, shown as its word in ``labels.TABLES[table]``."""

    table: str
    code: str


class TextList(NamedTuple):
    """A finding parameter: texts of the data (or days), shown joined by semicolons."""

    items: tuple[Text | str | DateRef, ...]


class TextRef(NamedTuple):
    """A finding parameter that is a text of the data, shown in the reader's language."""

    text: Text | str


class Finding(NamedTuple):
    """One conclusion of a rule, with the law and the facts behind it.

    ``message`` is an English template and the message id for translation; ``params``
    fill it in. ``kind`` is one of ``FINDING_KINDS``; a normative one cites its article.
    """

    kind: str
    code: str
    message: str
    params: dict[str, object]
    citations: tuple[Citation, ...] = ()
    facts: tuple[Fact, ...] = ()


class Standing(NamedTuple):
    """What a state is to the Treaty and the Organization from ``since`` on."""

    iso3: str
    status: str
    since: Day
    since_precision: str
    fact: Fact
    body: str | None = None

    @property
    def is_member(self) -> bool:
        return self.status in MEMBER_STATUSES


class Term(NamedTuple):
    """A holder of an office over [start, end); ``basis`` is record or rule."""

    office: str
    state: str | None
    person: Text | None
    start: Day
    end: Day | None
    precision: str
    acting: bool
    basis: str
    fact: Fact
    note: Text | None = None
    appointed: Day | None = None
    """The day of the appointment (the term's first day unless the record gives another)."""


class ArticleVersion(NamedTuple):
    """One wording of one article, with the citation that names it."""

    document: str
    number: str
    title: Text
    text: Text
    citation: Citation


class ProcedureStep(NamedTuple):
    """One step of a procedure the law prescribes, in order, for a program to follow.

    ``actor`` is who acts: a state, ``members`` (every obliged member), or a body such as
    ``CSC``; ``rule`` is how a body decides (``consensus``); ``required`` says whether the
    wording in force on the day makes the step a condition of what follows; ``added_by``
    names the document whose wording introduced the step, where it is not the original.
    """

    order: int
    code: str
    actor: str
    states: tuple[str, ...]
    required: bool
    citations: tuple[Citation, ...]
    rule: str | None = None
    added_by: str | None = None
    deadline: Day | None = None

