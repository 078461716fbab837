"""Article 4 of the Treaty: collective defence, and the procedure around it."""

from __future__ import annotations

from ..answers import AssistAnswer
from ..errors import InputError
from ..history import Snapshot
from ..model import CountryList, CountryRef, Finding
from ._common import (
    N_,
    cite,
    document_fact,
    finding,
    frozen_among,
    iso,
    not_a_member,
    require_country,
    standing_fact,
)

SITUATIONS = ("armed-attack", "internal-unrest", "threat")
TERRITORIES = ("inside", "outside")


def assist(snap: Snapshot, victim: str, aggressor: str | None = None,
           situation: str = "armed-attack", territory: str = "inside") -> AssistAnswer:
    """Who must assist ``victim`` on the snapshot's day, with what, by which procedure."""
    require_country(snap, victim, "victim")
    if aggressor is not None:
        require_country(snap, aggressor, "aggressor")
        if aggressor == victim:
            raise InputError("the aggressor and the victim are the same state: name two states")
    if situation not in SITUATIONS:
        raise InputError(f"unknown situation '{situation}': use one of {', '.join(SITUATIONS)}")
    if territory not in TERRITORIES:
        raise InputError(f"unknown territory '{territory}': use one of {', '.join(TERRITORIES)}")
    findings: list[Finding] = []
    art4 = snap.article("cst", "4")
    version = art4.citation.version if art4 else None
    obliged: tuple[str, ...] = ()

    def answer() -> AssistAnswer:
        return AssistAnswer(snap.date, victim, aggressor, situation, territory, obliged,
                            version, tuple(findings))

    if art4 is None:
        findings.append(finding(
            "information", "defence.not_in_force",
            N_("On {date} Article 4 is not in force: the Treaty entered into force on 1994-04-20."),
            {"date": iso(snap.date)}, facts=document_fact(snap, "cst"),
        ))
        return answer()
    law = (art4.citation,)
    standing = snap.standing(victim)
    if standing is None or not standing.is_member:
        findings.append(not_a_member(
            snap, victim, "victim", "defence.victim_not_member",
            N_("{victim} is not a member on {date} (standing: {status}), so Article 4 obliges "
               "no one to assist it."), law))
        return answer()
    if situation == "internal-unrest":
        findings.append(finding(
            "open-question", "defence.internal_unrest",
            N_("Internal unrest is not aggression by a state or group of states, so Article 4 "
               "does not apply as written. Members consult under Article 2; peacekeeping forces "
               "can be sent only at the host state's official request. In Kazakhstan in 2022 the "
               "Council invoked Article 4 on the host's claim of external aggression."),
            {}, cite(snap, "cst", "2"), document_fact(snap, "peacekeeping-agreement-2007", "signed"),
        ))
        return answer()
    if situation == "threat":
        others = tuple(m for m in snap.members if m != victim)
        findings.append(finding(
            "obligation", "defence.consult",
            N_("A threat to {victim} obliges {states} to start joint consultations at once to "
               "coordinate and remove it (Article 2); Article 4 applies only once an attack occurs."),
            {"victim": CountryRef(victim), "states": CountryList(others)},
            cite(snap, "cst", "2"), standing_fact(snap, victim),
        ))
        return answer()
    if territory == "outside":
        findings.append(finding(
            "open-question", "defence.outside_territory",
            N_("Article 4 protects the members' own territory. Fighting outside it, as in "
               "Nagorno-Karabakh, lies outside the zone of responsibility, and the Treaty obliges "
               "no one to assist."),
            {}, law, standing_fact(snap, victim),
        ))
        return answer()

    member_aggressor = aggressor is not None and snap.is_member(aggressor)
    obliged = tuple(m for m in snap.members if m not in (victim, aggressor))
    facts = tuple({f.ref: f for code in (victim, *obliged) for f in standing_fact(snap, code)}.values())
    findings.append(finding(
        "obligation", "defence.assist",
        N_("Aggression against {victim} counts as aggression against all members: {states} must "
           "give {victim} the assistance it needs, military assistance included, as collective "
           "self-defence under Article 51 of the UN Charter."),
        {"victim": CountryRef(victim), "states": CountryList(obliged)},
        law + cite(snap, "un-charter", "51"), facts,
    ))
    if version == "cst":
        findings.append(finding(
            "procedure", "defence.request_1992",
            N_("The 1992 wording does not make assistance depend on a request; in practice the "
               "attacked member asks for it."), {}, law,
        ))
    else:
        findings.append(finding(
            "requirement", "defence.request",
            N_("Under the wording in force since the 2010 amendments, assistance is given at the "
               "request of the attacked member: {victim} must ask for it."),
            {"victim": CountryRef(victim)}, law,
        ))
    findings.append(finding(
        "procedure", "defence.consultations",
        N_("The members first start joint consultations to coordinate their positions and remove "
           "the threat (Article 2)."), {}, cite(snap, "cst", "2"),
    ))
    decision_law = cite(snap, "cst", "6") + cite(snap, "charter", "12")
    findings.append(finding(
        "procedure", "defence.decision",
        N_("The heads of state decide on using armed forces (Article 6); the Collective Security "
           "Council decides by consensus, so any member can block the decision."),
        {}, decision_law,
    ))
    findings.append(finding(
        "requirement", "defence.report",
        N_("The measures taken must be reported at once to the UN Security Council, and carried "
           "out in keeping with the UN Charter."), {}, law,
    ))
    if member_aggressor:
        assert aggressor is not None
        findings.append(finding(
            "open-question", "defence.member_aggressor",
            N_("The aggressor, {aggressor}, is itself a member. Article 1 forbids force between "
               "members, but Article 4 does not say what the others owe when one member attacks "
               "another; in 2014 and 2022 the organization did not intervene between Kyrgyzstan "
               "and Tajikistan."),
            {"aggressor": CountryRef(aggressor)},
            law + cite(snap, "cst", "1"), standing_fact(snap, aggressor),
        ))
    frozen = frozen_among(snap, obliged)
    if frozen:
        findings.append(finding(
            "open-question", "defence.frozen_obligor",
            N_("{states} declared their participation frozen but remain members, so the Treaty "
               "still binds them; whether they would act is not settled."),
            {"states": CountryList(frozen)}, law,
            tuple(f for code in frozen for f in standing_fact(snap, code)),
        ))
    if standing.status == "frozen":
        findings.append(finding(
            "open-question", "defence.frozen_victim",
            N_("{victim} declared its participation frozen; it is still a member and keeps its "
               "right to assistance, but how the others would respond is not settled."),
            {"victim": CountryRef(victim)}, law, standing_fact(snap, victim),
        ))
    return answer()
