"""Words for the values answers hold (standings, verdicts, kinds of finding...), shared by
the terminal, the web pages and the findings (``model.Label``). Each is a message id,
translated through the catalogs."""

from __future__ import annotations

N_ = str

STATUS = {
    "signatory": N_("signatory"),
    "member": N_("member"),
    "frozen": N_("member, participation frozen"),
    "suspended": N_("membership suspended"),
    "former": N_("former member"),
    "observer": N_("observer"),
    "former_observer": N_("former observer"),
    "none": N_("no standing"),
}
KIND = {
    "obligation": N_("obligation"),
    "prohibition": N_("prohibition"),
    "permission": N_("permission"),
    "requirement": N_("requirement"),
    "procedure": N_("procedure"),
    "open-question": N_("open question"),
    "dispute": N_("disputed"),
    "information": N_("note"),
}
VERDICT = {
    "lawful": N_("lawful"),
    "breach": N_("breaks the Treaty"),
    "conditional": N_("lawful only on conditions"),
    "open": N_("not settled"),
    "not-bound": N_("not bound by the Treaty"),
}
BASIS = {
    "record": N_("from the record"),
    "rule": N_("predicted by the rotation rule"),
    "not-found": N_("not found"),
}
DOCUMENT_STATUS = {
    "in-force": N_("in force"),
    "signed": N_("signed, not in force"),
    "not-yet-signed": N_("not yet signed"),
}
STEP_HEADLINE = {
    "join-alliance": N_("{actor} joining {target} on {date}: {verdict}."),
    "withdraw": N_("{actor} withdrawing on {date}: {verdict}."),
    "use-force-against": N_("{actor} using force against {target} on {date}: {verdict}."),
    "host-base": N_("{actor} hosting forces of {target} on {date}: {verdict}."),
}
BODY = {"PA": N_("Parliamentary Assembly")}
STEP = {
    "request": N_("request for assistance"),
    "consultations": N_("joint consultations"),
    "decision": N_("decision"),
    "assistance": N_("assistance, military included"),
    "report-unsc": N_("report to the UN Security Council"),
    "no-objection": N_("no official objection"),
    "notice": N_("written notice to the depositary"),
    "settle-obligations": N_("obligations settled"),
    "withdrawal": N_("withdrawal takes effect"),
}
ACTOR = {
    "members": N_("the members"),
    "CSC": N_("the Collective Security Council"),
}
RULE = {
    "consensus": N_("by consensus"),
    "unanimity": N_("every head of state signs"),
    "no-objection": N_("any objection blocks"),
}
POSITION = {
    "for": N_("for"),
    "against": N_("against"),
    "abstain": N_("abstains"),
    "absent": N_("absent"),
}
OUTCOME = {
    "deployment": N_("forces deployed"),
    "no-troops": N_("no troops sent"),
    "no-assistance": N_("no assistance given"),
    "no-intervention": N_("no intervention"),
    "technical-aid": N_("technical aid"),
    "outside-zone": N_("outside the zone of responsibility"),
}
CHANGE = {
    "sign": N_("signed the Treaty or acceded to it"),
    "lapse": N_("the Treaty stopped binding it"),
    "return": N_("returned"),
    "suspend": N_("membership suspended"),
    "freeze": N_("froze its participation"),
    "unfreeze": N_("resumed its participation"),
    "withdraw": N_("withdrew"),
    "observer": N_("became an observer"),
    "observer-end": N_("its observer status ended"),
    "in_force": N_("the Treaty entered into force"),
    "secretary_general": N_("Secretary General"),
    "chair": N_("Chair of the Collective Security Council"),
}
"""What a change (``csto changes``) was: the kind of event, or the office that changed hands."""
SITUATION = {
    "armed-attack": N_("armed attack"),
    "internal-unrest": N_("internal unrest"),
    "threat": N_("threat"),
}

TABLES = {"status": STATUS, "body": BODY, "verdict": VERDICT, "outcome": OUTCOME,
          "situation": SITUATION}
"""The tables a finding may name in a ``model.Label`` parameter."""
