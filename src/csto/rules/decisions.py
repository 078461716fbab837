"""Consensus: whether a draft is adopted, given each member's position.

``decide`` returns whether the draft is adopted, by which ``rule`` (``consensus``, or
``unanimity`` for appointing the Secretary General), who blocked it, who is bound and who,
having abstained as not interested, is not (the restricted format since 2010).
"""

from __future__ import annotations

from ..errors import InputError
from ..record.history import Snapshot, fact_of
from ..record.model import Citation, CountryList, DateRef, Fact, Finding, Organ
from ..record.vocab import MATTERS
from ._common import N_, cite, cite_if_in_force, day_of, finding
from .answers import DecisionAnswer

POSITIONS = ("for", "against", "abstain", "absent")
APPOINTMENT_PRACTICE = "sg-appointment"


def bodies(snap: Snapshot) -> dict[str, Organ]:
    """The organs that decide by consensus, by id."""
    return {o.id: o for o in snap.history.organization.organs if o.decides_by_consensus}


def check_question(snap: Snapshot, body: str, matter: str) -> str:
    known = bodies(snap)
    code = body.upper() if isinstance(body, str) else ""
    if code not in known:
        raise InputError("unknown body '{value}': use one of {known}", field="body",
                         value=str(body), known=", ".join(sorted(known)))
    if matter not in MATTERS:
        raise InputError("unknown matter '{value}': use one of {known}", field="matter",
                         value=str(matter), known=", ".join(MATTERS))
    return code


def _practice(snap: Snapshot, ident: str) -> tuple[Fact, ...]:
    for practice in snap.history.offices.practices:
        if practice.id == ident and practice.date <= snap.date:
            return (fact_of(f"practice:{ident}", practice.date, practice.sources,
                            practice.confidence),)
    return ()


def decide(snap: Snapshot, body: str, positions: dict[str, str],
           matter: str = "general") -> DecisionAnswer:
    """Apply the consensus rule of ``body`` to the members' ``positions``.

    Members not named are counted as absent. ``matter='appointment'`` is the appointment
    of the Secretary General, which needs every head of state's signature.
    """
    code = check_question(snap, body, matter)
    members = snap.members
    if not members:
        raise InputError("there are no members on {value}, so no body can decide", field="on",
                         value=snap.date.isoformat())
    for state, position in positions.items():
        if position not in POSITIONS:
            raise InputError("unknown position '{value}' for {state}: use one of {known}",
                             field="positions", value=str(position), state=state,
                             known=", ".join(POSITIONS))
        if state not in members:
            raise InputError("{value} is not a member on {day} and has no say; members are "
                             "{members}", field="positions", value=state,
                             day=snap.date.isoformat(), members=", ".join(members))
    full = {m: positions.get(m, "absent") for m in members}
    by = {p: tuple(m for m in members if full[m] == p) for p in POSITIONS}
    findings: list[Finding] = []
    law = cite_if_in_force(snap, "charter", "12") or cite(snap, "cst", "3")
    restricted = snap.article("charter", "12")
    abstainers_opt_out = restricted is not None and restricted.citation.version != "charter"
    if matter == "appointment":
        blocked = by["against"] + by["abstain"] + by["absent"]
        adopted = not blocked and bool(by["for"])
        findings.append(finding(
            "requirement", "decide.appointment",
            N_("Appointing the Secretary General needs the signature of every head of state: "
               "any member that does not sign ({states}) prevents it."),
            {"states": CountryList(blocked)}, law, _practice(snap, APPOINTMENT_PRACTICE)))
        return DecisionAnswer(snap.date, code, matter, "unanimity", adopted, full, blocked,
                              members if adopted else (), (), tuple(findings), snap.history)
    blocked = by["against"]
    adopted = not blocked and bool(by["for"])
    bound: tuple[str, ...]
    not_bound: tuple[str, ...]
    _consensus_findings(by, law, findings)
    if abstainers_opt_out:
        bound, not_bound = by["for"], by["abstain"]
        if by["abstain"]:
            findings.append(finding(
                "permission", "decide.restricted_format",
                N_("Abstaining as not interested ({states}) has not blocked a decision since "
                   "{since}, and frees the abstainers from carrying it out (restricted format)."),
                {"states": CountryList(by["abstain"]),
                 "since": DateRef(law[0].in_force_from)}, law))
    else:
        bound, not_bound = by["for"] + by["abstain"], ()
        if by["abstain"]:
            findings.append(finding(
                "information", "decide.abstain_bound",
                N_("{states} abstained: that does not block consensus, and under the wording in "
                   "force on {date} abstaining members are bound like the others."),
                {"states": CountryList(by["abstain"]), "date": day_of(snap)}, law))
    if by["absent"]:
        findings.append(finding(
            "open-question", "decide.absent",
            N_("{states} took no part. Absence has not blocked consensus in practice, but whether "
               "the decision binds an absent member is not settled."),
            {"states": CountryList(by["absent"])}, law))
    if not adopted:
        bound, not_bound = (), ()
    return DecisionAnswer(snap.date, code, matter, "consensus", adopted, full, blocked, bound,
                          not_bound, tuple(findings), snap.history)


def _consensus_findings(by: dict[str, tuple[str, ...]], law: tuple[Citation, ...],
                        findings: list[Finding]) -> None:
    if by["against"]:
        findings.append(finding(
            "information", "decide.blocked",
            N_("Decisions are taken by consensus: the objection of {states} blocks the draft."),
            {"states": CountryList(by["against"])}, law))
    elif not by["for"]:
        findings.append(finding(
            "information", "decide.no_support",
            N_("No member supports the draft, so there is nothing to adopt."), {}, law))
    else:
        findings.append(finding(
            "information", "decide.adopted",
            N_("No member objects, so the draft is adopted by consensus."), {}, law))
