"""Consensus: whether a draft is adopted, given each member's position."""

from __future__ import annotations

from ..answers import DecisionAnswer
from ..errors import InputError
from ..history import Snapshot
from ..model import CountryList, Fact, Finding
from ._common import N_, cite, finding, iso

POSITIONS = ("for", "against", "abstain", "absent")
MATTERS = ("general", "appointment")


def bodies(snap: Snapshot) -> dict[str, dict[str, object]]:
    organs = snap.history.data["organization"]["organs"]
    return {o["id"]: o for o in organs if o["decides_by_consensus"]}


def decide(snap: Snapshot, body: str, positions: dict[str, str],
           matter: str = "general") -> DecisionAnswer:
    """Apply the consensus rule of ``body`` to the members' ``positions``.

    Members not named are counted as absent. ``matter='appointment'`` is the appointment
    of the Secretary General, which needs every head of state's signature.
    """
    known = bodies(snap)
    code = body.upper()
    if code not in known:
        raise InputError(f"unknown body '{body}': use one of {', '.join(sorted(known))}")
    if matter not in MATTERS:
        raise InputError(f"unknown matter '{matter}': use one of {', '.join(MATTERS)}")
    members = snap.members
    if not members:
        raise InputError(f"there are no members on {iso(snap.date)}, so no body can decide")
    for state, position in positions.items():
        if position not in POSITIONS:
            raise InputError(f"unknown position '{position}' for {state}: use one of "
                             f"{', '.join(POSITIONS)}")
        if state not in members:
            raise InputError(f"{state} is not a member on {iso(snap.date)} and has no say; "
                             f"members are {', '.join(members)}")
    full = {m: positions.get(m, "absent") for m in members}
    by = {p: tuple(m for m in members if full[m] == p) for p in POSITIONS}
    findings: list[Finding] = []
    bound: tuple[str, ...]
    not_bound: tuple[str, ...]
    law = cite(snap, "charter", "12") or cite(snap, "cst", "3")
    restricted = snap.article("charter", "12")
    abstainers_opt_out = restricted is not None and restricted.citation.version != "charter"
    if matter == "appointment":
        blocked = by["against"] + by["abstain"] + by["absent"]
        adopted = not blocked and bool(by["for"])
        fact = Fact("practice:sg_appointment", "2018-12-22", ("armenianclub-2018-sg",), "M")
        findings.append(finding(
            "requirement", "decide.appointment",
            N_("Appointing the Secretary General needs the signature of every head of state: "
               "any member that does not sign ({states}) prevents it."),
            {"states": CountryList(blocked)}, law, (fact,),
        ))
        bound, not_bound = (members, ()) if adopted else ((), ())
    else:
        blocked = by["against"]
        adopted = not blocked and bool(by["for"])
        if blocked:
            findings.append(finding(
                "information", "decide.blocked",
                N_("Decisions are taken by consensus: the objection of {states} blocks the draft."),
                {"states": CountryList(blocked)}, law,
            ))
        elif not by["for"]:
            findings.append(finding(
                "information", "decide.no_support",
                N_("No member supports the draft, so there is nothing to adopt."), {}, law,
            ))
        else:
            findings.append(finding(
                "information", "decide.adopted",
                N_("No member objects, so the draft is adopted by consensus."), {}, law,
            ))
        if abstainers_opt_out:
            bound = by["for"]
            not_bound = by["abstain"]
            if by["abstain"]:
                findings.append(finding(
                    "permission", "decide.restricted_format",
                    N_("{states} abstained as not interested: since the 2010 amendments that does "
                       "not block the decision, and they need not take part in carrying it out "
                       "(restricted format)."),
                    {"states": CountryList(by["abstain"])}, law,
                ))
        else:
            bound = by["for"] + by["abstain"]
            not_bound = ()
            if by["abstain"]:
                findings.append(finding(
                    "information", "decide.abstain_bound",
                    N_("{states} abstained: that does not block consensus, and before the 2010 "
                       "amendments took effect abstaining members were bound like the others."),
                    {"states": CountryList(by["abstain"])}, law,
                ))
        if by["absent"]:
            findings.append(finding(
                "open-question", "decide.absent",
                N_("{states} took no part. Absence does not block consensus in practice (Armenia "
                   "in 2024 and 2025), but whether the decision binds an absent member is not "
                   "settled."),
                {"states": CountryList(by["absent"])}, law,
            ))
        if not adopted:
            bound, not_bound = (), ()
    return DecisionAnswer(snap.date, code, matter, adopted, full, tuple(blocked), tuple(bound),
                          tuple(not_bound), tuple(findings))
