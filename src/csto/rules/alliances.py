"""Steps a member might take, checked against Articles 1 and 8 and Charter Article 19.

``step`` returns a verdict (lawful, breach, conditional, open, not-bound), the day a
withdrawal could take effect, whose consent a base needs, and the lawful ``path`` as
procedure steps (notice to the depositary, effective day; or consultations on a base).
"""

from __future__ import annotations

from datetime import date

from ..errors import InputError
from ..record.dates import add_months
from ..record.history import Snapshot, fact_of
from ..record.model import (
    Citation,
    CountryList,
    CountryRef,
    DateRef,
    Fact,
    Finding,
    ProcedureStep,
    TextRef,
)
from ..record.vocab import ACTIONS
from ._common import (
    N_,
    cite,
    day_of,
    finding,
    not_a_member,
    procedure_step,
    require_country,
    standing_fact,
    wording_fact,
)
from .answers import StepAnswer
from .bases import base

NOTICE_MONTHS = 6
"""Charter Art. 19: written notice at least six months before withdrawal."""


def check_step(action: str, target: str | None) -> None:
    """Refuse a step that cannot be asked as given, before anything is looked up."""
    if action not in ACTIONS:
        raise InputError("unknown step '{value}': use one of {known}", field="action",
                         value=action, known=", ".join(ACTIONS))
    if action != "withdraw" and target is None:
        raise InputError("the step '{action}' needs a target", field="target", action=action)
    if action == "withdraw" and target is not None:
        raise InputError("the step 'withdraw' takes no target; leave out '{value}'",
                         field="target", value=target)


def _withdrawal_path(snap: Snapshot, actor: str
                     ) -> tuple[list[Finding], tuple[ProcedureStep, ...], date | None]:
    """The lawful way out, and the earliest day it could take effect if notified today."""
    article = snap.article("charter", "19")
    if article is None:
        law = cite(snap, "cst", "11")
        return [finding(
            "procedure", "step.withdrawal_treaty",
            N_("Before the Charter, the way out was under Article 11 of the Treaty: leaving at the "
               "end of a five-year term, or under its withdrawal clause, whose notice period was "
               "not retrieved."),
            {}, law, _lapses(snap))], (procedure_step(1, "notice", actor, (actor,), law),), None
    law = (article.citation,)
    effective = add_months(snap.date, NOTICE_MONTHS)
    findings = [finding(
        "procedure", "step.withdrawal",
        N_("The lawful way out is withdrawal: {actor} sends official written notice to the "
           "depositary at least six months ahead and settles its obligations; notified on "
           "{date}, it could leave on {effective} at the earliest."),
        {"actor": CountryRef(actor), "date": day_of(snap), "effective": DateRef(effective)}, law,
        wording_fact(snap, "charter", "19"))]
    path = (procedure_step(1, "notice", actor, (actor,), law),
            procedure_step(2, "settle-obligations", actor, (actor,), law),
            procedure_step(3, "withdrawal", actor, (actor,), law, deadline=effective))
    return findings, path, effective


def _lapses(snap: Snapshot) -> tuple[Fact, ...]:
    """The 1999 lapses the pre-Charter way out refers to, where the record has them."""
    return tuple(fact_of(f"event:{e.id}", e.date, e.sources, e.confidence, e.alternatives)
                 for e in snap.history.events if e.kind == "lapse" and e.date <= snap.date)


def step(snap: Snapshot, actor: str, action: str, target: str | None = None) -> StepAnswer:
    """Whether ``actor`` taking ``action`` (towards ``target``) on the day keeps the Treaty."""
    require_country(snap, actor, "actor")
    check_step(action, target)
    findings: list[Finding] = []
    effective: date | None = None
    consent: tuple[str, ...] = ()
    path: tuple[ProcedureStep, ...] = ()
    verdict = "lawful"

    def answer() -> StepAnswer:
        return StepAnswer(snap.date, actor, action, target, verdict, effective, consent, path,
                          tuple(findings), snap.history)

    if not snap.is_member(actor):
        verdict = "not-bound"
        findings.append(not_a_member(
            snap, actor, "actor", "step.not_bound",
            N_("{actor} is not a member on {date} (standing: {status}); the Treaty does not "
               "bind it."), cite(snap, "cst", "1") if snap.article("cst", "1") else ()))
        return answer()
    art1 = cite(snap, "cst", "1")
    if action == "withdraw":
        more, path, effective = _withdrawal_path(snap, actor)
        findings.extend(more)
    elif action == "join-alliance":
        assert target is not None
        verdict = _join(snap, actor, target, art1, findings)
        if verdict in ("breach", "open"):
            more, path, effective = _withdrawal_path(snap, actor)
            findings.extend(more)
    elif action == "use-force-against":
        assert target is not None
        require_country(snap, target, "target")
        if snap.is_member(target):
            verdict = "breach"
            findings.append(finding(
                "prohibition", "step.force_member",
                N_("Using or threatening force against {target}, a member, breaks Article 1."),
                {"target": CountryRef(target)}, art1, standing_fact(snap, target)))
        else:
            verdict = "conditional"
            findings.append(finding(
                "prohibition", "step.force_other",
                N_("Article 1 also binds {actor} to settle disputes with other states, {target} "
                   "included, peacefully: force is lawful only in self-defence against an armed "
                   "attack (Article 8; UN Charter Article 51)."),
                {"actor": CountryRef(actor), "target": CountryRef(target)},
                art1 + cite(snap, "cst", "8") + cite(snap, "un-charter", "51")))
    else:
        assert target is not None
        guest = require_country(snap, target, "target")
        hosted = base(snap, actor, guest)
        findings.extend(hosted.findings)
        consent = hosted.consent_required_from
        path = hosted.procedure
        verdict = "conditional" if consent else "lawful"
    return answer()


def _join(snap: Snapshot, actor: str, target: str, art1: tuple[Citation, ...],
          findings: list[Finding]) -> str:
    """Article 1: no member may join a military alliance, nor take part in a grouping of
    states directed against another member."""
    grouping = snap.history.groupings.get(target)
    if grouping is None:
        raise InputError("unknown alliance or grouping '{value}': use one of {known}",
                         field="target", value=target,
                         known=", ".join(sorted(snap.history.groupings)))
    law = art1 + cite(snap, "cst", "8")
    reading = wording_fact(snap, "cst", "1")
    others = set(snap.members) - {actor}
    hostile: list[str] = []
    founded: tuple[Fact, ...] = ()
    for assessment in grouping.assessments:
        if assessment.start <= snap.date:
            hostile.extend(c for c in assessment.directed_against if c in others)
            founded += (fact_of(f"grouping:{target}:{assessment.start.isoformat()}",
                                assessment.start, assessment.sources, assessment.confidence),)
    called = TextRef(grouping.short) if grouping.short else target  # "NATO", "НАТО"
    if grouping.kind == "military-alliance":
        findings.append(finding(
            "prohibition", "step.join_military_alliance",
            N_("{grouping} is a military alliance, and Article 1 bars members from joining any "
               "military alliance: joining it breaks the Treaty, and would be an agreement "
               "incompatible with it (Article 8)."),
            {"grouping": called}, law, reading))
        if hostile:
            findings.append(finding(
                "information", "step.join_hostile",
                N_("Besides, on {date} {grouping} names {states} as an adversary."),
                {"grouping": called, "date": day_of(snap),
                 "states": CountryList(tuple(sorted(set(hostile))))}, law, founded))
        return "breach"
    if hostile:
        findings.append(finding(
            "prohibition", "step.join_hostile_grouping",
            N_("Joining {grouping} breaks Article 1: on {date} it names {states} as an adversary, "
               "and no member may take part in a grouping of states directed against another "
               "member."),
            {"grouping": called, "date": day_of(snap),
             "states": CountryList(tuple(sorted(set(hostile))))}, law, founded + reading))
        return "breach"
    if not grouping.collective_defence:
        findings.append(finding(
            "permission", "step.join_non_military",
            N_("{grouping} is not a military alliance: joining it does not engage Article 1, as "
               "long as {actor} takes part in no action directed against another member."),
            {"grouping": called, "actor": CountryRef(actor)}, law, reading))
        return "lawful"
    findings.append(finding(
        "open-question", "step.join_undetermined",
        N_("{grouping} is not a military alliance but binds its members to defend each other. "
           "Article 1 forbids taking part in a grouping directed against another member; "
           "whether {grouping} was so directed on {date} is not settled by any sourced "
           "assessment in csto, and the Treaty leaves that judgement to the members."),
        {"grouping": called, "date": day_of(snap)}, law, reading))
    return "open"
