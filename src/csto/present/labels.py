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

# -- the questions, for a person: what each asks, in plain words, grouped ------------------
GROUPS = {
    "organization": N_("The organization"),
    "states": N_("The states"),
    "rules": N_("The Treaty's rules"),
    "record": N_("The record"),
}
"""The groups of questions, in the order pages show them."""
GROUP_ABOUT = {
    "organization": N_("What the CSTO is and was on any day: members, officials, documents."),
    "states": N_("Each state's standing and its story with the Treaty."),
    "rules": N_("What the Treaty and the Charter require: help for a member attacked, bases, "
                "steps a member takes, decisions."),
    "record": N_("What changed, where sources disagree, exercises, forces and past requests "
                 "for help."),
}
QUESTION = {
    # name: (group, the question a person asks, what the answer gives)
    "overview": ("organization", N_("What is the CSTO on a given day?"),
                 N_("Its members, observers, officials and the documents in force.")),
    "about": ("organization", N_("What is the CSTO: names, seat, language and bodies?"),
              N_("Its names in eight languages, its seat, official language, milestones and "
                 "bodies.")),
    "members": ("organization", N_("Who are the members on a given day?"),
                N_("The members, and the standing of every state that ever signed the Treaty "
                   "or observed.")),
    "officials": ("organization", N_("Who leads the CSTO on a given day?"),
                  N_("The Secretary General and the chair of the Collective Security Council.")),
    "chair": ("organization", N_("Who chairs the Collective Security Council in a given year?"),
              N_("From the record, or by the rotation rule where the record ends.")),
    "documents": ("organization", N_("Which treaty documents are in force on a given day?"),
                  N_("Each document, when it was signed and when it entered into force.")),
    "article": ("organization", N_("What does an article say on a given day?"),
                N_("The article in the wording in force that day, and all its versions.")),
    "standing": ("states", N_("What is a state's standing, and does the Treaty bind it?"),
                 N_("One state on one day, with the facts and articles behind the answer.")),
    "history": ("states", N_("What is a state's story with the Treaty?"),
                N_("Every event, office held, exercise hosted and request for help, with "
                   "sources.")),
    "assist": ("rules", N_("Who must help a member that is attacked?"),
               N_("Under Article 4: who is obliged, with what, and by which procedure.")),
    "base": ("rules", N_("Whose consent does a member need to host foreign forces?"),
             N_("Troops or military infrastructure of a state from outside the CSTO.")),
    "step": ("rules", N_("Does a member's step keep the Treaty?"),
             N_("Joining an alliance, withdrawing, using force or hosting forces: lawful or "
                "not, and the lawful way.")),
    "decide": ("rules", N_("Is a draft adopted, given how each member votes?"),
               N_("The consensus rule of a CSTO body, and who is bound.")),
    "changes": ("record", N_("What changed between two days?"),
                N_("Standings, documents in force and office holders, in order, each with its "
                   "sources.")),
    "disputes": ("record", N_("Where do the sources disagree?"),
                 N_("Each fact where they do: what csto chose, why, and the other readings.")),
    "exercises": ("record", N_("Which joint exercises were held?"),
                  N_("By year, with where they were held, their size and sources.")),
    "forces": ("record", N_("What collective forces does the CSTO have?"),
               N_("The rapid deployment, rapid reaction and peacekeeping forces.")),
    "cases": ("record", N_("When did a member ask for help?"),
              N_("Each request: what the Treaty required beside what was done.")),
    "groupings": ("record", N_("Which alliances and groupings can a step name?"),
                  N_("NATO, the EU and others, with whether each is a defence alliance.")),
}
PARAM = {
    # public parameter name (or question/name where one question means it otherwise): label
    "on": N_("Day"),
    "year": N_("Year"),
    "state": N_("State"),
    "victim": N_("State attacked"),
    "against": N_("Attacker, if known"),
    "situation": N_("What happened"),
    "territory": N_("Where"),
    "actor": N_("Member taking the step"),
    "action": N_("Step"),
    "target": N_("Towards"),
    "host": N_("Member asked to host"),
    "guest": N_("State whose forces would come"),
    "body": N_("Body"),
    "for": N_("In favour"),
    "decide/against": N_("Against"),
    "abstain": N_("Not concerned, abstaining"),
    "absent": N_("Taking no part"),
    "matter": N_("Matter"),
    "document": N_("Document"),
    "number": N_("Article"),
    "exercises/year": N_("Only the exercises of the year"),
    "case": N_("Request for help"),
    "from": N_("From"),
    "until": N_("Until (not included)"),
    "scenario": N_("What-if scenario"),
}
CHOICE = {
    "armed-attack": N_("an armed attack"),
    "internal-unrest": N_("internal unrest"),
    "threat": N_("a threat to its security"),
    "inside": N_("on its own territory"),
    "outside": N_("outside its territory"),
    "join-alliance": N_("joining an alliance or grouping"),
    "withdraw": N_("withdrawing from the Treaty"),
    "use-force-against": N_("using force against a state"),
    "host-base": N_("hosting another state's forces"),
    "general": N_("any matter"),
    "appointment": N_("appointing the Secretary General"),
}
"""Words for the values of every closed choice a question takes."""


def param_label(question: str, param: str) -> str:
    """The label of a question's parameter (a message id)."""
    return PARAM.get(f"{question}/{param}", PARAM.get(param, param))
