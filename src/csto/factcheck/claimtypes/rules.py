"""Claims about the Treaty's and the Charter's rules: collective defence, consent to bases,
other alliances, the use of force, consensus, rotation, exercises, withdrawal, consultations
and peaceful settlement."""

from __future__ import annotations

from datetime import date

from ..propositions import Proposition
from ..reading import DENIALS
from .base import N_, RULE_OFF_TOPIC, Built, Match, claim, span


def _each_member(m: Match, name: str, day: date) -> tuple[tuple[str, str], ...]:
    return tuple((name, code) for code in m.record.members(day))


@claim(
    "collective-defence",
    "rule",
    ("aggression", "assist", "mutual_defence"),
    (*RULE_OFF_TOPIC, "request", "deploy"),
    N_("On {date} Article 4 obliges: {value}."),
    label=N_("that aggression against one member is aggression against all (Treaty Art. 4)"),
)
def collective_defence(m: Match) -> Built:
    if m.clause.of("state") and not m.has("all", "one"):
        return None
    if m.cue.concept == "mutual_defence":
        return _mutual_defence(m)
    if (
        m.cue.concept == "aggression"
        and not (m.has("all") and m.has("one"))
        and not (m.has("group_of_states") or (m.has("assist") and m.has("all", "oblige", "military")))
    ):
        return None
    if m.cue.concept == "assist" and not (
        (m.has("aggression") and m.has("all", "oblige", "military", "one"))
        or (m.has("military") and m.has("all"))
    ):
        return None
    if m.has("group_of_states"):
        p = Proposition(
            "article",
            (("document", "cst"), ("number", "4")),
            "citation.version",
            "equals",
            "cst",
            m.day,
            polarity=not m.denied,
        )
        return p, span(m.cue)
    victims = m.record.members(m.day)
    if not victims:
        return None
    # The first sentence of Art. 4 (aggression against one is against all) and its second
    # (the others give assistance, military included) are two claims.
    concepts = (
        ("assist", "military", "all", "oblige") if m.cue.concept == "assist" else ("aggression", "one", "all")
    )
    said = [c for c in m.clause.cues_of(*concepts) if abs(c.start - m.cue.start) < 200]
    last = max(said, key=lambda c: c.start)
    field = "procedure[code=assistance].code" if m.cue.concept == "assist" else "obliged"
    # assistance "in the event of a threat" is asked of a threat, which Art. 4 does not cover
    # (Art. 2 has the members consult)
    situation = (("situation", "threat"),) if m.has("threat") and not m.has("aggression") else ()
    p = Proposition(
        "assist",
        (("victim", victims[0]), *situation),
        field,
        "nonempty",
        None,
        m.day,
        polarity=m.clause.flips(last.start, "prohibition") % 2 == 0,
    )
    return p, ((min(c.start for c in said), last.end),)


def _mutual_defence(m: Match) -> Built:
    """Defence of each other said to be a duty or a principle of the Treaty or the
    Organization ("members are obliged to come to each other's defence", "a mutual defence
    clause", "menganut prinsip pertahanan kolektif"): Art. 4 in a word. Said of nothing
    binding ("collective defence exercises"), it is no claim."""
    if not m.has("oblige", "provides", "article"):
        return None
    if not (m.clause.of("org") or m.has("member", "treaty", "organization")):
        return None
    victims = m.record.members(m.day)
    if not victims:
        return None
    p = Proposition("assist", (("victim", victims[0]),), "obliged", "nonempty", None, m.day,
                    polarity=m.clause.flips(m.cue.start, "prohibition") % 2 == 0)
    return p, span(m.cue)


@claim(
    "bases-consent",
    "rule",
    ("consent", "objection"),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that a foreign base needs the other members' consent (2011 protocol)"),
)
def bases_consent(m: Match) -> Built:
    if not m.has("base"):
        return None
    guest_mention = next((s for s in m.clause.of("state") if s.key not in m.record.members(m.day)), None)
    guest = guest_mention.key if guest_mention is not None else m.record.non_member(m.day)
    if guest is None:
        return None
    hosts = [s.key for s in m.clause.of("state") if s.key in m.record.members(m.day)]
    each = (("host", hosts[0]),) if hosts else _each_member(m, "host", m.day)
    p = Proposition(
        "base",
        (("guest", guest),),
        "consent_required_from",
        "nonempty",
        None,
        m.day,
        polarity=_consent_flips(m) % 2 == 0,
        each=each,
    )
    return p, span(m.cue)


def _consent_flips(m: Match) -> int:
    """How many words reverse that a base needs consent: denials, prohibitions and
    "without" before the word for consent; before a word for objection, a denial or
    "without" within three words is the consent itself ("in the absence of objections", "if
    no member objects", "при отсутствии возражений"), and "even if" overrides it ("even if
    other members object")."""
    flips = m.clause.flips(m.cue.start, "prohibition", "without")
    if m.cue.concept == "objection":
        flips -= sum(1 for c in m.clause.cues_of("without", *DENIALS)
                     if c.end <= m.cue.start and m.clause.words_between(c.end, m.cue.start) <= 3)
        flips += sum(1 for c in m.clause.cues_of("concessive")
                     if c.end <= m.cue.start and m.clause.words_between(c.end, m.cue.start) <= 3)
    return flips


def _undertaken(m: Match) -> bool:
    """Whether the clause states an obligation: a word for it in the clause, or before the
    colon that opens the list the clause is an item of ("undertook the following: to
    refrain from force; not to join military alliances")."""
    if m.has("obligation", "oblige"):
        return True
    sentence = m.clause.sentence
    colons = [t.start for t in sentence.tokens if t.text == ":" and t.start < m.clause.start]
    return bool(colons) and any(c.concept in ("obligation", "oblige") and c.start < colons[-1]
                                for c in sentence.cues)


@claim(
    "other-alliances",
    "rule",
    ("join", "participation"),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that members may not join other military alliances (Treaty Art. 1)"),
)
def other_alliances(m: Match) -> Built:
    undertaken = _undertaken(m) and m.clause.denied(m.cue.start + 1)
    if not (m.has("organization") and (m.has("other", "hostile", "prohibition") or undertaken)):
        return None  # "joined the military alliance"; but "undertook not to join military alliances"
    named = [o.key for o in m.clause.of("other-org") if o.key in m.record.groupings()]
    target = named[0] if named else m.record.military_alliance()
    alliance = [c for c in m.clause.cues_of("organization") if c.start >= m.cue.start]
    if target is None or not alliance:
        return None
    # the denial of this verb, not of an earlier one in a list ("не вступать в союзы и не
    # участвовать в группировках"), and every prohibition before the alliance
    barred = len(m.clause.before(("prohibition", "refrain"), alliance[0].start))
    prohibited = (barred + m.clause.denied(m.cue.start + 1)) % 2 == 1
    members_now = m.record.members(m.day)
    if not members_now:
        return None
    targets = [target]
    groups = m.clause.cues_of("group_of_states")
    directed = any(c.concept == "hostile" and c.start > groups[0].end
                   for c in m.clause.sentence.cues) if groups else False
    if groups and not directed:  # "...groupings of states, or actions, directed against a party"
        grouping = m.record.grouping_not_military()
        if grouping is not None:
            targets.append(grouping)  # "or any grouping of states": not every grouping is barred
    p = Proposition(
        "step",
        (("actor", members_now[0]), ("action", "join-alliance")),
        "verdict",
        "equals",
        "breach",
        m.day,
        polarity=prohibited,
        each=tuple(("target", t) for t in targets),
    )
    return p, span(m.cue, alliance[0])


@claim(
    "no-force",
    "rule",
    ("use_force",),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that members refrain from the use or threat of force (Treaty Art. 1)"),
)
def no_force(m: Match) -> Built:
    members_now = m.record.members(m.day)
    if len(members_now) < 2:
        return None
    if not (m.has("refrain", "prohibition", "permission", "obligation") or m.clause.flips(m.cue.start)):
        return None  # "decisions to use force are made by the Council": no rule of conduct
    prohibited = m.clause.flips(m.cue.start, "prohibition", "refrain") % 2 == 1
    p = Proposition(
        "step",
        (("action", "use-force-against"), ("target", members_now[-1])),
        "verdict",
        "equals",
        "lawful",
        m.day,
        polarity=not prohibited,
        each=tuple(("actor", c) for c in members_now[:-1]),
    )
    return p, span(m.cue)


@claim(
    "consensus",
    "rule",
    ("consensus", "approved_by_all"),
    (*RULE_OFF_TOPIC, "exercise"),
    N_("On {date} the record gives: {value}."),
    label=N_("that decisions are taken by consensus (Charter Art. 12)"),
)
def consensus(m: Match) -> Built:
    if m.cue.concept == "approved_by_all" and not (m.has("decision") and not m.has("base")):
        return None  # "approved by all members" says consensus of decisions, not of a base
    organ = m.mention("organ")
    body = organ.key if organ is not None and organ.key in ("CSC", "CFM", "CDM", "CSSC", "PC") else "CSC"
    p = Proposition("decide", (("body", body),), "rule", "equals", "consensus", m.day, polarity=not m.denied)
    return p, span(m.cue)


@claim(
    "rotation",
    "rule",
    ("rotation",),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that the chair rotates among the members (Charter Art. 13)"),
)
def rotation(m: Match) -> Built:
    """The chair, or leading the Organization in turn ("each member leads it in turn")."""
    if not (m.has("chair_word") or m.clause.of("office") or _leads_in_turn(m)):
        return None
    return _article_in_force(m, "charter", "13", not m.denied)


def _leads_in_turn(m: Match) -> bool:
    """A word for leading stands within five words of the word for turns, and members or
    the Organization are spoken of."""
    near = any(abs(cue.first - m.cue.first) <= 5 for cue in m.clause.cues_of("office_holder"))
    return near and (m.has("member", "organization") or bool(m.clause.of("org")))


@claim(
    "yearly-exercises",
    "rule",
    ("yearly",),
    ("plan",),
    N_("The record lists exercises in {value}."),
    label=N_("that the Organization holds exercises every year"),
)
def yearly_exercises(m: Match) -> Built:
    if not m.has("exercise"):
        return None
    p = Proposition(
        "exercises",
        (),
        "exercises[planned=False].year",
        "every-year",
        None,
        m.day,
        polarity=not m.denied,
        scope="fixed",
    )
    return p, span(m.cue)


@claim(
    "withdrawal-notice",
    "rule",
    ("notice", "unilateral"),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("how a member may withdraw (Charter Art. 19)"),
)
def withdrawal_notice(m: Match) -> Built:
    if not m.has("leave"):
        return None
    actor = m.record.members(m.day)
    if not actor:
        return None
    if m.cue.concept == "unilateral" and not m.has("notice"):
        p = Proposition(
            "step",
            (("actor", actor[0]), ("action", "withdraw")),
            "verdict",
            "equals",
            "lawful",
            m.day,
            polarity=not m.denied,
        )
        return p, span(m.cue)
    months = next((n.value for n in m.clause.numbers if 1 <= n.value <= 24), None)
    if months is None and m.has("six"):
        months = 6
    if months is None:
        return None
    prohibited = m.clause.flips(m.clause.cues_of("leave")[0].start + 1, "prohibition") % 2 == 1
    p = Proposition(
        "step",
        (("actor", actor[0]), ("action", "withdraw")),
        "effective",
        "months-after",
        months,
        m.day,
        polarity=not (prohibited or m.denied_near(*m.clause.cues_of("leave"))),
    )
    return p, span(m.cue)


@claim(
    "consultations",
    "rule",
    ("consult",),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that members consult when one is threatened (Treaty Art. 2)"),
)
def consultations(m: Match) -> Built:
    if m.clause.of("state") or not m.has("all", "oblige", "aggression", "collective_security", "threat"):
        return None
    return _article_in_force(m, "cst", "2", not m.denied)


@claim(
    "peaceful-settlement",
    "rule",
    ("peaceful",),
    RULE_OFF_TOPIC,
    N_("On {date} the record gives: {value}."),
    label=N_("that members settle their disputes by peaceful means (Treaty Art. 1)"),
)
def peaceful_settlement(m: Match) -> Built:
    if not m.has("dispute") or m.clause.of("state"):
        return None  # the rule speaks of the parties' disputes, not of one state's conflict
    return _article_in_force(m, "cst", "1", m.clause.flips(m.cue.start, "prohibition") % 2 == 0)


def _article_in_force(m: Match, document: str, number: str, polarity: bool) -> Built:
    """A rule said as it stands: the article that states it is in force on the day (the
    article is the rule's citation; what it says is paraphrased in ``documents.yaml``)."""
    p = Proposition("article", (("document", document), ("number", number)), "in_force", "true",
                    None, m.day, polarity=polarity)
    return p, span(m.cue)
