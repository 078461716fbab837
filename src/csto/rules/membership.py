"""Who is what on a day: members, one state's standing, and the office holders."""

from __future__ import annotations

from ..record.history import Snapshot
from ..record.model import Citation, CountryList, CountryRef, Fact, Label, Standing
from ._common import N_, cite, cite_if_in_force, day_of, finding, standing_fact, status_of
from .answers import MembersAnswer, OfficialsAnswer, StandingAnswer
from .chair import chair_on

ORDER = {"member": 0, "frozen": 1, "signatory": 2, "suspended": 3, "former": 4,
         "observer": 5, "former_observer": 6}
"""How standings are listed: members first, observers last."""


def members(snap: Snapshot) -> MembersAnswer:
    """The legal members on the day, and the standing of every state that ever had one."""
    standings, current, parties = snap.derived("members", _members)
    if parties is None:
        found = finding("information", "members.none",
                        N_("On {date} the Treaty is not in force, so it has no members yet."),
                        {"date": day_of(snap)})
    else:
        codes, law, facts = parties
        found = finding("information", "members.parties", N_("On {date} the Treaty binds {states}."),
                        {"date": day_of(snap), "states": codes}, law, facts)
    return MembersAnswer(snap.date, current, standings, (found,), snap.history)


def _members(snap: Snapshot) -> tuple[tuple[Standing, ...], tuple[Standing, ...],
                                      tuple[CountryList, tuple[Citation, ...], tuple[Fact, ...]]
                                      | None]:
    """The epoch's standings in listing order, its members, and what binds them."""
    standings = tuple(sorted(snap.standings.values(), key=lambda s: (ORDER[s.status], s.iso3)))
    current = tuple(sorted((s for s in standings if s.is_member), key=lambda s: s.iso3))
    if not current:
        return standings, current, None
    return standings, current, (CountryList(tuple(s.iso3 for s in current)),
                                cite(snap, "cst", "1") + cite_if_in_force(snap, "charter", "19"),
                                tuple(s.fact for s in current))


def standing(snap: Snapshot, iso3: str) -> StandingAnswer:
    """One state's standing on the day, and whether the Treaty binds it."""
    found = snap.standing(iso3)
    member = found is not None and found.is_member
    if found is None:
        item = finding("information", "standing.none",
                       N_("On {date} {state} has never signed the Treaty nor been an observer."),
                       {"date": day_of(snap), "state": CountryRef(iso3)})
    elif member:
        item = finding("information", "standing.member",
                       N_("On {date} {state} is a member (standing: {status}); the Treaty binds it."),
                       {"date": day_of(snap), "state": CountryRef(iso3),
                        "status": Label("status", status_of(snap, iso3))},
                       cite(snap, "cst", "1"), standing_fact(snap, iso3))
    else:
        item = finding("information", "standing.other",
                       N_("On {date} {state} is not a member (standing: {status}); the Treaty "
                          "does not bind it."),
                       {"date": day_of(snap), "state": CountryRef(iso3),
                        "status": Label("status", status_of(snap, iso3))},
                       (), standing_fact(snap, iso3))
    return StandingAnswer(snap.date, iso3, found, member, (item,), snap.history)


def officials(snap: Snapshot) -> OfficialsAnswer:
    """The Secretary General and the chair of the Collective Security Council on the day."""
    chair, chair_findings = chair_on(snap)
    findings = list(chair_findings)
    if snap.secretary_general is None:
        findings.append(finding(
            "information", "officials.no_secretary_general",
            N_("No Secretary General is recorded for {date}."), {"date": day_of(snap)}))
    return OfficialsAnswer(snap.date, snap.secretary_general, chair, tuple(findings), snap.history)
