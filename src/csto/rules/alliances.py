"""Steps a member might take, checked against Articles 1 and 8 and Charter Article 19."""

from __future__ import annotations

from datetime import date

from ..answers import StepAnswer
from ..dates import add_months
from ..errors import InputError
from ..history import Snapshot
from ..model import Citation, CountryList, CountryRef, Fact, Finding
from ._common import N_, cite, finding, iso, not_a_member, require_country, standing_fact
from .bases import base

ACTIONS = ("join-alliance", "withdraw", "use-force-against", "host-base")
NOTICE_MONTHS = 6


def _withdrawal_path(snap: Snapshot, actor: str) -> tuple[Finding, date | None]:
    """The lawful way out, and the earliest day it could take effect if notified today."""
    charter19 = cite(snap, "charter", "19")
    if charter19:
        effective = add_months(snap.date, NOTICE_MONTHS)
        return finding(
            "procedure", "step.withdrawal",
            N_("The lawful way out is withdrawal: {actor} sends official written notice to the "
               "depositary at least six months ahead and settles its obligations; notified on "
               "{date}, it could leave on {effective} at the earliest."),
            {"actor": CountryRef(actor), "date": iso(snap.date), "effective": iso(effective)},
            charter19,
        ), effective
    return finding(
        "procedure", "step.withdrawal_treaty",
        N_("Before the Charter, the way out was under Article 11 of the Treaty: leaving at the end "
           "of a five-year term, as three states did in 1999, or under its withdrawal clause, "
           "whose notice period was not retrieved."),
        {}, cite(snap, "cst", "11"),
    ), None


def step(snap: Snapshot, actor: str, action: str, target: str | None = None) -> StepAnswer:
    """Whether ``actor`` taking ``action`` (towards ``target``) on the day keeps the Treaty."""
    require_country(snap, actor, "actor")
    if action not in ACTIONS:
        raise InputError(f"unknown step '{action}': use one of {', '.join(ACTIONS)}")
    if action != "withdraw" and target is None:
        raise InputError(f"the step '{action}' needs a target")
    if action == "withdraw" and target is not None:
        raise InputError("the step 'withdraw' takes no target")
    findings: list[Finding] = []
    effective: date | None = None
    consent: tuple[str, ...] = ()
    verdict = "lawful"
    if not snap.is_member(actor):
        findings.append(not_a_member(
            snap, actor, "actor", "step.not_bound",
            N_("{actor} is not a member on {date} (standing: {status}); the Treaty does not "
               "bind it."), cite(snap, "cst", "1")))
        return StepAnswer(snap.date, actor, action, target, "not-bound", None, (),
                          tuple(findings))
    art1 = cite(snap, "cst", "1")
    if action == "withdraw":
        path, effective = _withdrawal_path(snap, actor)
        findings.append(path)
        if effective is not None:
            findings.append(finding(
                "information", "step.withdrawal_dispute",
                N_("One 2012 report claimed the Charter has no unilateral withdrawal; csto follows "
                   "Article 19 as the Russian foreign ministry cited it in 2024."),
                {}, cite(snap, "charter", "19"),
            ))
    elif action == "join-alliance":
        assert target is not None
        verdict = _join(snap, actor, target, art1, findings)
        if verdict in ("breach", "open"):
            path, effective = _withdrawal_path(snap, actor)
            findings.append(path)
    elif action == "use-force-against":
        assert target is not None
        require_country(snap, target, "target")
        if snap.is_member(target):
            verdict = "breach"
            findings.append(finding(
                "prohibition", "step.force_member",
                N_("Using or threatening force against {target}, a member, breaks Article 1."),
                {"target": CountryRef(target)}, art1, standing_fact(snap, target),
            ))
        else:
            verdict = "conditional"
            findings.append(finding(
                "prohibition", "step.force_other",
                N_("Article 1 also binds {actor} to settle disputes with other states, {target} "
                   "included, peacefully: force is lawful only in self-defence against an armed "
                   "attack (Article 8; UN Charter Article 51)."),
                {"actor": CountryRef(actor), "target": CountryRef(target)},
                art1 + cite(snap, "cst", "8") + cite(snap, "un-charter", "51"),
            ))
    else:
        assert target is not None
        guest = require_country(snap, target, "guest")
        answer = base(snap, actor, guest)
        findings.extend(answer.findings)
        consent = answer.consent_required_from
        verdict = "conditional" if consent else "lawful"
    return StepAnswer(snap.date, actor, action, target, verdict, effective, consent,
                      tuple(findings))


def _join(snap: Snapshot, actor: str, target: str, art1: tuple[Citation, ...],
          findings: list[Finding]) -> str:
    grouping = snap.history.groupings.get(target)
    if grouping is None:
        known = ", ".join(sorted(snap.history.groupings))
        raise InputError(f"unknown alliance or grouping '{target}': use one of {known}")
    law = art1 + cite(snap, "cst", "8")
    founded_facts: tuple[Fact, ...] = ()
    if grouping["kind"] != "military-alliance" and not grouping["collective_defence"]:
        findings.append(finding(
            "permission", "step.join_non_military",
            N_("{grouping} is not a military alliance: joining it does not engage Article 1, as "
               "long as {actor} takes part in no action directed against another member."),
            {"grouping": target, "actor": CountryRef(actor)}, law,
        ))
        return "lawful"
    others = set(snap.members) - {actor}
    hostile: list[str] = []
    for assessment in grouping["assessments"]:
        if date.fromisoformat(assessment["from"]) <= snap.date:
            hostile.extend(c for c in assessment["directed_against"] if c in others)
            founded_facts += (Fact(f"grouping:{target}:{assessment['from']}", assessment["from"],
                                   tuple(assessment["sources"]), assessment["confidence"]),)
    if hostile:
        findings.append(finding(
            "prohibition", "step.join_hostile",
            N_("Joining {grouping} breaks Article 1: on {date} it is a military alliance that "
               "names {states} as an adversary, and no member may join an alliance directed "
               "against another member. It would also be an agreement incompatible with the "
               "Treaty (Article 8)."),
            {"grouping": target, "date": iso(snap.date), "states": CountryList(tuple(sorted(set(hostile))))},
            law, founded_facts,
        ))
        return "breach"
    findings.append(finding(
        "open-question", "step.join_undetermined",
        N_("Article 1 forbids joining an alliance directed against another member. Whether "
           "{grouping} was so directed on {date} is not settled by any sourced assessment in "
           "csto; the Treaty leaves that judgement to the members."),
        {"grouping": target, "date": iso(snap.date)}, law,
    ))
    return "open"
