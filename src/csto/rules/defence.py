"""Article 4 of the Treaty: collective defence, and the procedure around it.

``assist`` returns who is obliged and the procedure as ordered steps (``ProcedureStep``):
the request (required since the 2010 wording), consultations (Art. 2), the decision of the
heads of state in the Council by consensus (Art. 6; Charter Art. 12), the assistance
itself (Art. 4) and the report to the UN Security Council (Art. 4). A simulator follows
those steps; the findings explain them to a person.
"""

from __future__ import annotations

from ..errors import InputError
from ..record.history import Snapshot
from ..record.model import Citation, CountryList, CountryRef, Finding, ProcedureStep
from ..record.vocab import SITUATIONS, TERRITORIES
from ._common import (
    N_,
    case_fact,
    cite,
    cite_if_in_force,
    day_of,
    document_day,
    document_fact,
    finding,
    frozen_among,
    not_a_member,
    open_questions,
    procedure_step,
    require_country,
    standing_fact,
)
from .answers import AssistAnswer

ORIGINAL = "cst"


def obliged_states(snap: Snapshot, victim: str, aggressor: str | None = None,
                          situation: str = "armed-attack", territory: str = "inside"
                   ) -> tuple[str, ...]:
    """The core of Article 4: who must assist ``victim`` on the day (no explanation).

    Obliged are the other members, the aggressor excepted, when Article 4 is in force,
    the victim is a member, and the situation is an armed attack on its own territory.
    ``assist`` explains the same result; exports and simulations read this one.
    """
    if snap.article("cst", "4") is None or situation != "armed-attack" or territory != "inside":
        return ()
    standing = snap.epoch.standings.get(victim)
    if standing is None or not standing.is_member:
        return ()
    return tuple(m for m in snap.members if m not in (victim, aggressor))


def assist(snap: Snapshot, victim: str, aggressor: str | None = None,
           situation: str = "armed-attack", territory: str = "inside") -> AssistAnswer:
    """Who must assist ``victim`` on the snapshot's day, with what, by which procedure."""
    require_country(snap, victim, "victim")
    if aggressor is not None:
        require_country(snap, aggressor, "against")
        if aggressor == victim:
            raise InputError("the aggressor and the victim are the same state: name two states",
                             field="against")
    if situation not in SITUATIONS:
        raise InputError("unknown situation '{value}': use one of {known}", field="situation",
                         value=situation, known=", ".join(SITUATIONS))
    if territory not in TERRITORIES:
        raise InputError("unknown territory '{value}': use one of {known}", field="territory",
                         value=territory, known=", ".join(TERRITORIES))
    findings: list[Finding] = []
    procedure: tuple[ProcedureStep, ...] = ()
    art4 = snap.article("cst", "4")
    version = art4.citation.version if art4 else None
    obliged: tuple[str, ...] = ()

    def answer() -> AssistAnswer:
        return AssistAnswer(snap.date, victim, aggressor, situation, territory, obliged, version,
                            procedure, open_questions(findings), tuple(findings), snap.history)

    if art4 is None:
        findings.append(finding(
            "information", "defence.not_in_force",
            N_("On {date} Article 4 is not in force: the Treaty entered into force on {in_force}."),
            {"date": day_of(snap), "in_force": document_day(snap, "cst")},
            facts=document_fact(snap, "cst")))
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
            {}, cite(snap, "cst", "2"), standing_fact(snap, victim) + case_fact(snap, "kaz-2022")))
        return answer()
    if situation == "threat":
        others = tuple(m for m in snap.members if m != victim)
        findings.append(finding(
            "obligation", "defence.consult",
            N_("A threat to {victim} obliges {states} to start joint consultations at once to "
               "coordinate and remove it (Article 2); Article 4 applies only once an attack occurs."),
            {"victim": CountryRef(victim), "states": CountryList(others)},
            cite(snap, "cst", "2"), standing_fact(snap, victim)))
        procedure = (procedure_step(1, "consultations", "members", (victim, *others),
                                    cite(snap, "cst", "2")),)
        return answer()
    if territory == "outside":
        findings.append(finding(
            "open-question", "defence.outside_territory",
            N_("Article 4 protects the members' own territory. Fighting outside it, as in "
               "Nagorno-Karabakh, lies outside the zone of responsibility, and the Treaty obliges "
               "no one to assist."),
            {}, law, standing_fact(snap, victim)))
        return answer()

    obliged, procedure, main = snap.derived(("assist", victim, aggressor), _armed_attack,
                                            victim, aggressor)
    findings.extend(main)
    _open_questions(snap, victim, aggressor, obliged, law, findings)
    return answer()


def _armed_attack(snap: Snapshot, victim: str, aggressor: str | None
                  ) -> tuple[tuple[str, ...], tuple[ProcedureStep, ...], tuple[Finding, ...]]:
    """Article 4 on an armed attack on a member's territory, as it stands in the epoch: who
    is obliged, the procedure, and the findings that explain them (none depends on the day
    within the epoch)."""
    art4 = snap.article("cst", "4")
    assert art4 is not None, "asked only where Article 4 is in force"
    law = (art4.citation,)
    version = art4.citation.version
    findings: list[Finding] = []
    obliged = obliged_states(snap, victim, aggressor)
    facts = tuple({f.ref: f for code in (victim, *obliged) for f in standing_fact(snap, code)}.values())
    un51 = cite(snap, "un-charter", "51")
    findings.append(finding(
        "obligation", "defence.assist",
        N_("Aggression against {victim} counts as aggression against all members: {states} must "
           "give {victim} the assistance it needs, military assistance included, as collective "
           "self-defence under Article 51 of the UN Charter."),
        {"victim": CountryRef(victim), "states": CountryList(obliged)}, law + un51, facts))
    request_required = version != ORIGINAL
    if request_required:
        findings.append(finding(
            "requirement", "defence.request",
            N_("Under the wording in force since {since}, assistance is given at the request of "
               "the attacked member: {victim} must ask for it."),
            {"victim": CountryRef(victim), "since": document_day(snap, version)}, law))
    else:
        findings.append(finding(
            "procedure", "defence.request_1992",
            N_("The 1992 wording does not make assistance depend on a request; in practice the "
               "attacked member asks for it."), {}, law))
    consultations = cite(snap, "cst", "2")
    findings.append(finding(
        "procedure", "defence.consultations",
        N_("The members first start joint consultations to coordinate their positions and remove "
           "the threat (Article 2)."), {}, consultations))
    decision_law = cite(snap, "cst", "6") + cite_if_in_force(snap, "charter", "12")
    findings.append(finding(
        "procedure", "defence.decision",
        N_("The heads of state decide on using armed forces (Article 6); the Collective Security "
           "Council decides by consensus, so any member can block the decision."),
        {}, decision_law))
    findings.append(finding(
        "requirement", "defence.report",
        N_("The measures taken must be reported at once to the UN Security Council, and carried "
           "out in keeping with the UN Charter."), {}, law))
    members = tuple(m for m in snap.members if m != aggressor)
    procedure = (
        procedure_step(1, "request", victim, (victim,), law, required=request_required),
        procedure_step(2, "consultations", "members", members, consultations),
        procedure_step(3, "decision", "CSC", members, decision_law, rule="consensus"),
        procedure_step(4, "assistance", "members", obliged, law + un51),
        procedure_step(5, "report-unsc", "members", obliged, law),
    )
    return obliged, procedure, tuple(findings)


def _open_questions(snap: Snapshot, victim: str, aggressor: str | None, obliged: tuple[str, ...],
                    citations: tuple[Citation, ...], findings: list[Finding]) -> None:
    """What the Treaty leaves unsettled for this question: member aggressors, frozen members."""
    if aggressor is not None and snap.is_member(aggressor):
        findings.append(finding(
            "open-question", "defence.member_aggressor",
            N_("The aggressor, {aggressor}, is itself a member. Article 1 forbids force between "
               "members, but Article 4 does not say what the others owe when one member attacks "
               "another; in 2014 and 2022 the organization did not intervene between Kyrgyzstan "
               "and Tajikistan."),
            {"aggressor": CountryRef(aggressor)},
            citations + cite(snap, "cst", "1"),
            standing_fact(snap, aggressor) + case_fact(snap, "kgz-tjk-2022")))
    frozen = frozen_among(snap, obliged)
    if frozen:
        findings.append(finding(
            "open-question", "defence.frozen_obligor",
            N_("A declared freeze of participation does not end membership: the Treaty still "
               "binds {states}, but whether that obligation would be honoured is not settled."),
            {"states": CountryList(frozen)}, citations,
            tuple(f for code in frozen for f in standing_fact(snap, code))))
    standing = snap.standing(victim)
    if standing is not None and standing.status == "frozen":
        findings.append(finding(
            "open-question", "defence.frozen_victim",
            N_("{victim} declared its participation frozen; it is still a member and keeps its "
               "right to assistance, but how the others would respond is not settled."),
            {"victim": CountryRef(victim)}, citations, standing_fact(snap, victim)))
