"""Who is what on a day: members, every standing, and the office holders."""

from __future__ import annotations

from ..answers import MembersAnswer, OfficialsAnswer
from ..history import Snapshot
from ..model import CountryList, Finding
from ._common import N_, cite, finding, iso
from .chair import chair_on

_ORDER = {"member": 0, "frozen": 1, "signatory": 2, "suspended": 3, "former": 4,
          "observer": 5, "former_observer": 6}


def members(snap: Snapshot) -> MembersAnswer:
    """The legal members on the day, and the standing of every state that ever had one."""
    standings = tuple(sorted(snap.standings.values(), key=lambda s: (_ORDER[s.status], s.iso3)))
    current = tuple(sorted((s for s in standings if s.is_member), key=lambda s: s.iso3))
    findings: list[Finding] = []
    if current:
        findings.append(finding(
            "information", "members.parties",
            N_("On {date} the Treaty binds {states}."),
            {"date": iso(snap.date), "states": CountryList(tuple(s.iso3 for s in current))},
            cite(snap, "cst", "1") + cite(snap, "charter", "19"),
        ))
    else:
        findings.append(finding(
            "information", "members.none",
            N_("On {date} the Treaty is not in force, so it has no members yet."),
            {"date": iso(snap.date)}, (),
        ))
    return MembersAnswer(snap.date, current, standings, tuple(findings))


def officials(snap: Snapshot) -> OfficialsAnswer:
    """The Secretary General and the chair of the Collective Security Council on the day."""
    chair, chair_findings = chair_on(snap)
    findings = list(chair_findings)
    if snap.secretary_general is None:
        findings.append(finding(
            "information", "officials.no_secretary_general",
            N_("No Secretary General is recorded for {date}."), {"date": iso(snap.date)}, (),
        ))
    return OfficialsAnswer(snap.date, snap.secretary_general, chair, tuple(findings))
