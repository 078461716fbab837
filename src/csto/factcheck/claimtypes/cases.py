"""Claims about requests for assistance: the request, the decision, the deployment, the
first deployment, who took part, the withdrawal, and refusals."""

from __future__ import annotations

from datetime import timedelta

from ...record.dates import EARLIEST
from ..gazetteer import Mention
from ..lexicon import Cue
from ..propositions import Proposition
from ..reading import period
from .base import DATED, N_, OFF_TOPIC, Built, Found, Match, claim, span
from .common import YEAR_BEFORE, _leaves_a_country

_VICTIM = "case:readings:victim="


def _case_path(state: str, outcome: str | None = None) -> str:
    condition = f"{_VICTIM}{state}"
    if outcome:
        condition += f",case:outcome={outcome}"
    return f"cases[{condition}].case"


def case_victim(found: Found) -> str | None:
    """The state whose case a found claim speaks of, if it speaks of one."""
    p = found.proposition
    if found.family != "case" or p is None or _VICTIM not in p.field:
        return None
    return p.field.partition(_VICTIM)[2][:3]


@claim(
    "case-request",
    "case",
    ("request",),
    (*OFF_TOPIC, "future"),
    N_("The record gives: {value}."),
    label=N_("a state asking the Organization for assistance"),
)
def case_request(m: Match) -> Built:
    if not (m.clause.of("org") or m.has("assist", "peacekeeping", "organization", "military", "consult",
                                         "treaty", "article")):
        return None
    if m.has("article") and not m.clause.of("state"):
        return None
    one = m.state(carry=False) or m.leader_state()
    if one is None:
        return None
    own = m.own_date()
    first, last = period(own) if own is not None else (EARLIEST, m.day)
    p = Proposition(
        "cases",
        (),
        _case_path(one.key),
        "overlaps",
        first,
        m.day,
        polarity=not m.denied,
        scope="fixed",
        until=last,
    )
    return p, (*span(one), *span(own))


@claim(
    "case-decision",
    "case",
    ("decision",),
    (*OFF_TOPIC, "future", "exercise"),
    N_("The record gives: {value}."),
    label=N_("when the Organization decided to send forces"),
)
def case_decision(m: Match) -> Built:
    """ "Under the Council's decision of 6 January 2022, the peacekeeping forces were sent to
    Kazakhstan": the day of the decision to send forces, in the operation of the state they
    went to."""
    if not m.has("deploy"):
        return None
    own = m.own_date(DATED)
    if own is None:
        return None
    victim = _operation(m)
    if victim is None:
        return None
    first, last = period(own)
    p = Proposition(
        "cases",
        (),
        _case_path(victim, "deployment") + ".timeline[step=decision].date",
        "any-date",
        first,
        m.day,
        polarity=not m.denied_near(own),  # "did not decide on 6 January", "не принимал 6 января решения"
        scope="fixed",
        until=last,
    )
    return p, (*span(m.cue), *span(own))


@claim(
    "case-deployment",
    "case",
    ("deploy", "arrive"),
    (*OFF_TOPIC, "exercise"),
    N_("The record gives: {value}."),
    label=N_("the Organization sending forces to a state"),
)
def case_deployment(m: Match) -> Built:
    if not (m.has("peacekeeping", "troops", "military") or m.clause.of("org")) or m.has("refuse"):
        return None
    if m.cue.concept == "arrive" and not m.has("peacekeeping", "troops"):
        return None  # forces arriving are sent; a president arriving for a summit is not
    if any(_asked_to(m, c) for c in m.clause.cues_of("request")):
        return None  # "meminta CSTO mengirim pasukan": what was asked for, not what was done
    sent = [c for c in m.clause.cues_of("envoys", "observer") if c.start >= m.cue.end
            and m.clause.words_between(m.cue.end, c.start) <= 3]
    forces = [c for c in m.clause.cues_of("peacekeeping", "troops")
              if not m.clause.near(c.start, ("only",), 2)]
    envoys_only = bool(sent) and not forces  # "instead of troops, a mission": no forces
    if envoys_only and not m.has("only"):
        return None  # "sent a mission to Armenia", advisers: people, no forces
    # "sent only observers", "hanya mengirim pengamat", "лишь наблюдателей": no forces went
    toward = [c.end for c in m.clause.cues_of("toward", "located_in")]
    origins = [c.end for c in m.clause.cues_of("origin")]
    sources = {s for run in m.clause.state_runs() if any(0 <= run.start - end <= 1 for end in origins)
               for s in run.mentions}  # "contingents from Belarus, Armenia...": where they came from
    # where forces went: a state after "to" or "in" ("sent peacekeepers to Kazakhstan",
    # "направила в Армению"), or right after the verb; not any state named later in the
    # clause ("pengerahan mereka dikritik ... penumpukan pasukan Rusia")
    after = [s for s in m.clause.of("state") if s.start >= m.cue.end and (
        any(0 <= s.start - end <= 1 for end in toward)
        or (m.free(s.start, s.end) and m.clause.words_between(m.cue.end, s.start) <= 2))
        and s not in sources]
    # a state another claim took is still where forces went when "to" names it ("sent
    # peacekeepers to Kazakhstan at its request")
    if not after:
        # the destination before a passive verb ("В Казахстан были направлены…")
        after = [s for s in m.clause.of("state") if s.end <= m.cue.start and m.free(s.start, s.end)
                 and any(0 <= s.start - c.end <= 1 for c in m.clause.cues_of("located_in"))]
    if not after:
        # forces sent at a state's request go to it ("At the request of the President of
        # Kazakhstan, the CSTO sent 2,500 troops")
        after = _requester(m)
        if not after:
            return None
    one = after[0]
    found = None if envoys_only else m.number(("troops", "peacekeeping"), gap=3)
    led = m.clause.cues_of("russia_led")
    senders = [s for s in m.clause.of("state") if s.end <= m.cue.start and s.key != one.key
               and m.clause.words_between(s.end, m.cue.start) <= 2
               and "," not in m.clause.sentence.between(s.end, m.cue.start)
               and not any(c.start <= s.start < c.end for c in led)]  # not "the Russia-led bloc"
    if found is not None and senders:
        # "Belarus sent 500 troops to Kazakhstan": one member's contingent; the record keeps
        # the size of the whole force only
        return None, (*span(senders[-1]), *span(found[0]))
    if found is not None:
        number, _ = found
        p = Proposition(
            "cases",
            (),
            f"cases[case:readings:victim={one.key}].case.troops",
            "number",
            number.value,
            m.day,
            polarity=not m.denied,
            scope="fixed",
            qualifier=number.qualifier,
        )
        return p, (*span(one), *span(number))
    own = m.own_date()
    if own is not None:
        first, last = period(own)
    elif m.has("future"):  # "forces will be sent": in the weeks around the text and the year after
        first, last = m.day - timedelta(days=AROUND), m.day + timedelta(days=YEAR_BEFORE)
    else:
        first, last = EARLIEST, m.day
    p = Proposition(
        "cases",
        (),
        _case_path(one.key, "deployment"),
        "overlaps",
        first,
        m.day,
        polarity=not (m.denied or envoys_only),
        scope="fixed",
        until=last,
    )
    return p, (*span(one), *span(own))


@claim(
    "case-first",
    "case",
    ("first_time",),
    (*OFF_TOPIC, "exercise"),
    N_("The record gives: {value}."),
    label=N_("the Organization's first deployment of forces"),
)
def case_first(m: Match) -> Built:
    """"For the first time the CSTO sent forces (to Kazakhstan, in January 2022)": the
    record's milestone of the first deployment, on the day given, or in the operation of
    the state named."""
    if not m.has("deploy", "troops", "peacekeeping"):
        return None
    own = m.own_date()
    if own is not None:
        first, last = period(own)
        p = Proposition("about", (), "organization.milestones[code=first-deployment].date",
                        "any-date", first, m.day, polarity=not m.denied, scope="fixed", until=last)
        return p, (*span(m.cue), *span(own))
    toward = [c.end for c in m.clause.cues_of("toward", "located_in")]
    going = [s for s in m.clause.of("state") if any(0 <= s.start - end <= 1 for end in toward)]
    going = going or _requester(m)
    day = m.record.milestone_day("first-deployment")
    if not going or day is None:
        return None
    p = Proposition("cases", (), _case_path(going[0].key, "deployment"), "overlaps", day, m.day,
                    polarity=not m.denied, scope="fixed", until=day)
    return p, (*span(m.cue), *span(going[0]))


AROUND = 31
"""Days before a text's day that its "will" may already have come to pass in the record:
a text dated only by its month is taken to speak of the month's last day."""


def _asked_to(m: Match, request: Cue) -> bool:
    """Whether the trigger is what the Organization was asked to do: the request just
    before it, with the Organization between and no state ("Kyrgyzstan asked the CSTO to
    send troops"), unlike forces sent at a state's request ("по просьбе Казахстана ОДКБ
    направила", "atas permintaan Presiden Kazakhstan, CSTO mengirim")."""
    if request.end > m.cue.start or m.clause.words_between(request.end, m.cue.start) > 3:
        return False
    inside = [o for o in m.clause.mentions if request.end <= o.start < m.cue.start]
    return any(o.kind == "org" for o in inside) and not any(o.kind == "state" for o in inside)


def _operation(m: Match) -> str | None:
    """The state whose operation the clause speaks of: the one forces go to ("sent to
    Kazakhstan", "в Казахстане"), else the one an earlier claim of the text spoke of."""
    toward = [c.end for c in m.clause.cues_of("toward", "located_in")]
    going_to = [s for s in m.clause.of("state") if any(0 <= s.start - end <= 1 for end in toward)]
    return going_to[0].key if going_to else m.focus.case


def _requester(m: Match) -> list[Mention]:
    """The state whose request the clause names: next to a word of asking ("Kazakhstan's
    request", "permintaan Presiden Kazakhstan"), itself or through its leader."""
    found = []
    for cue in m.clause.cues_of("request"):
        near = [s for s in m.clause.of("state", "person")
                if (0 <= cue.start - s.end <= 3 or 0 <= s.start - cue.end <= 12)]
        for mention in near:
            code = mention.key if mention.kind == "state" else m.record.person_states.get(mention.key)
            if code is not None:
                found.append(Mention(mention.start, mention.end, "state", code))
    return found


@claim(
    "case-contributors",
    "case",
    ("peacekeeping", "troops"),
    (*OFF_TOPIC, "exercise"),
    N_("The record gives: {value}."),
    label=N_("the members whose forces the Organization sent"),
)
def case_contributors(m: Match) -> Built:
    """ "The peacekeeping forces include units of the armed forces of Russia, Belarus and
    Armenia": the members whose forces went, in the operation the text speaks of (the state
    forces went to, named here or in a claim before)."""
    if not (m.has("peacekeeping") or m.clause.of("org", "force")):
        return None
    victim = _operation(m)
    if victim is None:
        return None
    near = [r for r in m.runs(1) if victim not in r.states and (
        0 <= r.start - m.cue.end <= 60 or 0 <= m.cue.start - r.end <= 2)]
    if not near:
        return None
    run = min(near, key=lambda r: m.distance(r.start, r.end))
    p = Proposition(
        "cases",
        (),
        _case_path(victim, "deployment") + ".contributors.states",
        "includes",
        run.states,
        m.day,
        polarity=not m.denied_near(run),
        scope="fixed",
    )
    return p, (*span(*run.mentions), *span(m.cue))


@claim(
    "case-withdrawal",
    "case",
    ("leave", "withdraw_forces", "operation_end"),
    (*OFF_TOPIC, "future", "exercise"),
    N_("The record gives: {value}."),
    label=N_("when the Organization's forces were withdrawn"),
)
def case_withdrawal(m: Match) -> Built:
    """ "The withdrawal of the peacekeepers from Kazakhstan began on 13 January and was
    complete by 19 January": the days of the withdrawal's steps, begun or complete as the
    clause says (either, where it says neither)."""
    forces_left = m.cue.concept == "leave" and _leaves_a_country(m) and (
        bool(m.clause.of("org")) or m.has("organization", "russia_led"))  # "the bloc left Kazakhstan"
    if not (m.segment_has("troops", "peacekeeping") or forces_left):
        return None
    own = m.own_date(DATED)
    if own is None:
        return None
    states = [s for s in m.clause.of("state") if m.free(s.start, s.end)]
    after = [s for s in states if s.start >= m.cue.end]
    victim = (after or states)[0].key if states else m.focus.case
    if victim is None:
        return None
    steps = [step for concept, step in (("begin", "withdrawal-start"), ("complete", "withdrawal-done"))
             if m.has(concept)] or ["withdrawal-start", "withdrawal-done"]
    if m.cue.concept == "operation_end":
        steps = ["withdrawal-done"]  # "the peacekeeping mission ended on 19 January": all left
    first, last = period(own)
    p = Proposition(
        "cases",
        (),
        _case_path(victim, "deployment") + f".timeline[step={'|'.join(steps)}].date",
        "any-date",
        first,
        m.day,
        polarity=not m.denied_near(own),
        scope="fixed",
        until=last,
    )
    return p, (*span(m.cue), *span(own))


@claim(
    "case-refusal",
    "case",
    ("refuse",),
    (*OFF_TOPIC, "future"),
    N_("The record gives: {value}."),
    label=N_("the Organization refusing to send forces"),
)
def case_refusal(m: Match) -> Built:
    """"The CSTO refused to send troops to Armenia": what is refused is help, forces or a
    request, named just after the refusal or, asked for, before it ("refused to impose
    sanctions on Russia" refuses no help)."""
    after = [c for c in m.clause.cues_of("deploy", "assist", "peacekeeping", "troops", "request")
             if c.start >= m.cue.end and m.clause.words_between(m.cue.end, c.start) <= 6]
    asked = [c for c in m.clause.cues_of("request") if c.end <= m.cue.start]
    earlier = [c for c in m.clause.sentence.cues if c.concept == "request" and c.end <= m.clause.start]
    if not (after or asked or earlier):
        return None
    one = m.state(carry=False)
    if one is None and earlier and not after:
        # "Kyrgyzstan asked the CSTO to send troops, but the bloc refused": the state that asked
        one = next((s for s in reversed(m.clause.sentence.mentions) if s.kind == "state"
                    and s.end <= earlier[-1].start), None)
    if one is None:
        return None
    p = Proposition(
        "cases",
        (),
        _case_path(one.key, "deployment"),
        "overlaps",
        EARLIEST,
        m.day,
        polarity=m.denied,
        scope="fixed",
        until=m.day,
    )
    return p, span(one)
