"""What the rules answer: one typed NamedTuple per question the rules decide.

Each answer's last field is the ``history`` it was computed on, so it carries what its
JSON form needs (the sources it cites, the names of states). ``csto.present`` writes it for
people and as JSON; ``csto.questions`` adds the caveats every answer owes its reader.
"""

from __future__ import annotations

from .._typing import TYPE_CHECKING, NamedTuple
from ..record.model import Day, Finding, ProcedureStep, Standing, Term

if TYPE_CHECKING:
    from ..record.history import History


class MembersAnswer(NamedTuple):
    """The legal members on a day, and the standing of every state that ever had one."""

    date: Day
    members: tuple[Standing, ...]
    standings: tuple[Standing, ...]
    findings: tuple[Finding, ...]
    history: History


class StandingAnswer(NamedTuple):
    """One state's standing on a day."""

    date: Day
    state: str
    standing: Standing | None
    member: bool
    findings: tuple[Finding, ...]
    history: History


class OfficialsAnswer(NamedTuple):
    date: Day
    secretary_general: Term | None
    chair: Term | None
    findings: tuple[Finding, ...]
    history: History


class AssistAnswer(NamedTuple):
    """Article 4 on a day: who must assist, and the procedure as ordered steps."""

    date: Day
    victim: str
    aggressor: str | None
    situation: str
    territory: str
    obliged: tuple[str, ...]
    article_version: str | None
    procedure: tuple[ProcedureStep, ...]
    open_questions: tuple[str, ...]
    findings: tuple[Finding, ...]
    history: History


class BaseAnswer(NamedTuple):
    """Whose consent a member needs to let a non-member station forces or facilities."""

    date: Day
    host: str
    guest: str
    consent_required_from: tuple[str, ...]
    procedure: tuple[ProcedureStep, ...]
    open_questions: tuple[str, ...]
    findings: tuple[Finding, ...]
    history: History


class StepAnswer(NamedTuple):
    """Whether a step keeps the Treaty; ``path`` is the lawful way, step by step."""

    date: Day
    actor: str
    action: str
    target: str | None
    verdict: str
    effective: Day | None
    consent_required_from: tuple[str, ...]
    path: tuple[ProcedureStep, ...]
    findings: tuple[Finding, ...]
    history: History


class ChairAnswer(NamedTuple):
    year: int
    chair: Term | None
    basis: str
    holders: tuple[Term, ...]
    findings: tuple[Finding, ...]
    history: History


class DecisionAnswer(NamedTuple):
    """Whether a body adopts a draft: by which rule, blocked by whom, binding whom."""

    date: Day
    body: str
    matter: str
    rule: str
    adopted: bool
    positions: dict[str, str]
    blocked_by: tuple[str, ...]
    bound: tuple[str, ...]
    not_bound: tuple[str, ...]
    findings: tuple[Finding, ...]
    history: History

