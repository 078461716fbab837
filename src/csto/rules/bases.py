"""Foreign forces and bases on a member's territory (2011 protocol; Treaty Arts 1, 7, 8).

``base`` returns whose consent is needed and the procedure as steps: the host's urgent
consultations with every other member, then the decision, which any official objection
blocks (in effect: every other member must consent).
"""

from __future__ import annotations

from ..errors import InputError
from ..record.history import Snapshot
from ..record.model import CountryList, CountryRef, DateRef, Finding, ProcedureStep
from ._common import (
    N_,
    cite,
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
from .answers import BaseAnswer

PROTOCOL = "infrastructure-protocol-2011"


def base(snap: Snapshot, host: str, guest: str) -> BaseAnswer:
    """Whose consent ``host`` needs to let ``guest`` station troops or military facilities."""
    require_country(snap, host, "host")
    require_country(snap, guest, "guest")
    if host == guest:
        raise InputError("the host and the guest are the same state: name two states",
                         field="guest")
    findings: list[Finding] = []
    consent: tuple[str, ...] = ()
    procedure: tuple[ProcedureStep, ...] = ()

    def answer() -> BaseAnswer:
        return BaseAnswer(snap.date, host, guest, consent, procedure, open_questions(findings),
                          tuple(findings), snap.history)

    treaty_in_force = snap.article("cst", "1") is not None
    if not snap.is_member(host):
        findings.append(not_a_member(
            snap, host, "host", "bases.host_not_member",
            N_("{host} is not a member on {date} (standing: {status}); no CSTO rule governs "
               "whom it lets station forces."),
            cite(snap, "cst", "1") if treaty_in_force else ()))
        return answer()
    if snap.is_member(guest):
        protocol = snap.article(PROTOCOL, "operative")
        findings.append(finding(
            "permission", "bases.guest_member",
            N_("{guest} is a member: the 2011 protocol covers only states outside the CSTO. "
               "Facilities of the collective security system are governed by separate agreements "
               "(Article 7), and bases of one member in another by their bilateral treaties."),
            {"guest": CountryRef(guest)},
            cite(snap, "cst", "7") + ((protocol.citation,) if protocol else ()),
            standing_fact(snap, guest)))
        return answer()
    rule = snap.article(PROTOCOL, "operative")
    general = cite(snap, "cst", "1") + cite(snap, "cst", "8")
    if rule is None:
        signed = document_day(snap, PROTOCOL, "signed")
        if snap.date < signed.day:
            message = N_("On {date} no CSTO rule required other members' consent to a "
                         "non-member's forces or bases: the protocol that does was signed on "
                         "{signed}. The Treaty still forbids taking part in actions directed "
                         "against another member (Article 1) and agreements incompatible with "
                         "it (Article 8).")
            code = "bases.no_rule"
        else:
            message = N_("On {date} the 2011 protocol requiring the other members' assent was "
                         "signed (on {signed}) but not yet in force; the Treaty's Articles 1 and 8 "
                         "still apply.")
            code = "bases.not_yet_in_force"
        findings.append(finding("information", code, message,
                                {"date": day_of(snap), "signed": signed},
                                general, document_fact(snap, PROTOCOL, "signed")))
        return answer()
    consent = tuple(m for m in snap.members if m != host)
    law = (rule.citation,)
    procedure = (
        procedure_step(1, "consultations", host, (host, *consent), law),
        procedure_step(2, "no-objection", "members", consent, law, rule="no-objection"),
        procedure_step(3, "decision", host, (host,), law),
    )
    findings.append(finding(
        "requirement", "bases.consult",
        N_("Before letting {guest}, a non-member, deploy troops or military infrastructure, "
           "{host} must hold urgent consultations with {states}."),
        {"guest": CountryRef(guest), "host": CountryRef(host), "states": CountryList(consent)},
        law, tuple(f for code in consent for f in standing_fact(snap, code))))
    findings.append(finding(
        "permission", "bases.no_objection",
        N_("{host} may go ahead only if none of them raises an official objection: in effect "
           "every other member must consent."),
        {"host": CountryRef(host)}, law))
    findings.append(finding(
        "information", "bases.not_retroactive",
        N_("The protocol was reported not to apply to facilities that already existed when it "
           "was signed on {signed} (such as Manas, Termez or Ayni)."),
        {"signed": document_day(snap, PROTOCOL, "signed")}, law,
        document_fact(snap, PROTOCOL, "signed")))
    if rule.citation.in_force_precision == "inferred":
        findings.append(finding(
            "open-question", "bases.entry_into_force_inferred",
            N_("The protocol's entry into force was not found; csto applies it from "
               "{since}, the last ratification found. Answers near that date are uncertain."),
            {"since": DateRef(rule.citation.in_force_from)}, law, document_fact(snap, PROTOCOL)))
    frozen = frozen_among(snap, consent)
    if frozen:
        findings.append(finding(
            "open-question", "bases.frozen_member",
            N_("A frozen participation does not end membership: an objection by {states} "
               "would still count."),
            {"states": CountryList(frozen)}, law,
            tuple(f for code in frozen for f in standing_fact(snap, code))))
    return answer()
