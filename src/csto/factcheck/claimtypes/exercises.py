"""Claims about the Organization's exercises: size, host, participants, dates, the largest."""

from __future__ import annotations

from datetime import timedelta

from ..gazetteer import Mention
from ..propositions import Proposition
from ..reading import period
from .base import ADJACENT, DATED, N_, Built, Match, _gap, claim, span


def _exercise(m: Match, by_host: bool = True) -> tuple[str, int] | None:
    """The exercise a clause speaks of, as (condition, year): the last one named before the
    trigger in the sentence ("name~rubezh"), else one the sentence describes so that the
    record knows only one ("the largest exercise of 2011", "the 2021 exercise in
    Tajikistan"), else the one earlier sentences put in view."""
    named = m.clause.sentence.exercises
    before = [e for e in named if e[2] < m.cue.start]
    if before:
        return _named(before[-1][0]), before[-1][1]
    if named:
        return _named(named[0][0]), named[0][1]
    described = _described_exercise(m, by_host)
    if described is not None:
        return described
    focus = m.focus.exercise
    if focus is None:
        return None
    return _named(focus[0]), focus[1]


UNDER_WAY = 7
"""Days before and after a text's day an exercise it speaks of without a date may start or end."""


def _described_exercise(m: Match, by_host: bool = True) -> tuple[str, int] | None:
    """The one exercise of the year a sentence names that fits what it says: the largest,
    the month ("in October"), the host (``by_host``; not when the host is the claim, which
    would choose the exercise by what it is to check)."""
    if not m.has("exercise"):
        return None
    dated = [d for d in m.clause.sentence.dates if d.precision in {"year", "month", "day"}]
    # undated, the exercise is one under way around the day the text speaks of ("large
    # exercises began in Tajikistan", in a report of 19 October 2021)
    year = dated[0].day.year if dated else m.day.year
    answer = m.record.ask("exercises", {"year": str(year)})
    found = list(getattr(answer, "exercises", ()))
    condition = ""
    months = [period(d) for d in dated if d.precision in {"month", "day"}]
    if not dated:
        months = [(m.day - timedelta(days=UNDER_WAY), m.day + timedelta(days=UNDER_WAY))]
    if months:
        first, last = months[0]
        found = [e for e in found if e.start is not None and e.start <= last
                 and (e.end or e.start) >= first]
        condition = f"id={found[0].id}" if len(found) == 1 else ""
    if m.has("largest"):
        found = [e for e in found if e.largest_of_year]
        condition = "largest_of_year=True"
    elif not by_host:
        pass
    else:
        hosts = {s.key for s in m.clause.of("state")}
        narrowed = [e for e in found if hosts & set(e.hosts)]
        if narrowed and len(narrowed) < len(found):
            found = narrowed
            condition = "hosts=" + "|".join(sorted(hosts & set(narrowed[0].hosts)))
    if len(found) != 1:
        return None
    return condition or f"id={found[0].id}", year


def _named(series: str) -> str:
    """The condition for the exercises whose name names a series: a joint exercise names
    each of its parts ("Interaction, Search, Echelon-2025" is the year's Echelon too)."""
    return f"name~{series}"


def _exercise_field(m: Match, condition: str, field: str) -> str:
    return f"exercises[{condition}].{field}"


@claim(
    "exercise-figure",
    "exercise",
    ("troops", "aircraft", "equipment"),
    ("plan", "deploy", "peacekeeping"),
    N_("The record gives {value}."),
    label=N_("the size of an exercise"),
)
def exercise_figure(m: Match) -> Built:
    named = _exercise(m)
    sentence = m.clause.sentence
    spoken_of = any(c.concept == "exercise" for c in sentence.cues) or bool(sentence.exercises)
    recent = m.focus.exercise is not None and m.clause.start - m.focus.exercise[2] < 800
    if not (spoken_of or recent):
        return None
    found = m.number((m.cue.concept,), gap=2)
    if found is None or found[1].start != m.cue.start:
        return None
    number, _ = found
    if named is None or m.cue.concept == "equipment":
        return None, span(number, m.cue)  # an exercise csto cannot name, or a figure it does not hold
    series, year = named
    field = "troops" if m.cue.concept == "troops" else "aircraft"
    p = Proposition(
        "exercises",
        (("year", str(year)),),
        _exercise_field(m, series, field),
        "number",
        number.value,
        m.day,
        polarity=not m.denied_near(number),
        scope="fixed",
        qualifier=number.qualifier,
    )
    return p, span(number)


@claim(
    "exercise-host",
    "exercise",
    ("host", "located_in"),
    ("plan",),
    N_("The record gives: {value}."),
    label=N_("where an exercise was held"),
)
def exercise_host(m: Match) -> Built:
    named = _exercise(m, by_host=False)
    if not (m.has("exercise") or m.clause.of("series")):
        return None
    runs = [r for r in m.clause.state_runs() if r.start >= m.cue.end and m.free(r.start, r.end)]
    if not runs or m.clause.words_between(m.cue.end, runs[0].start) > 3:
        # the host as the verb's subject ("Kazakhstan hosted Interaction-2019")
        runs = [r for r in m.clause.state_runs() if r.end <= m.cue.start and m.free(r.start, r.end)
                and m.clause.words_between(r.end, m.cue.start) <= 1]
        if m.cue.concept != "host" or not runs:
            return None
        runs = runs[-1:]
    hosts = list(runs[0].mentions)
    # the exercise is what is in the place: "the 2021 exercises in Tajikistan", "in 2005 the
    # CSTO held its Frontier exercises in Tajikistan" (an exercise the record cannot name:
    # a claim that cannot be checked)
    described = (m.cue.concept == "located_in"
                 and not m.clause.words_between(m.cue.end, hosts[0].start)
                 and any(c.end <= m.cue.start and m.clause.words_between(c.end, m.cue.start) <= 3
                         for c in m.clause.cues_of("exercise")))
    if named is None:
        return _held_there(m, hosts[:3]) if described else None
    names = [e for e in m.clause.sentence.exercises if e[2] < m.cue.start]
    if names:
        named = (_named(names[-1][0]), names[-1][1])
    if m.cue.concept == "located_in" and not (described and not m.clause.sentence.exercises):
        if not names:  # the place first: "В Казахстане стартовали учения «Взаимодействие-2024»"
            names = [e for e in m.clause.sentence.exercises if e[2] >= runs[0].end
                     and m.clause.words_between(runs[0].end, e[2]) <= 4
                     and not any(runs[0].end <= c.start < e[2]
                                 for c in m.clause.cues_of("attribution", "located_in", "host"))]
            if not names or m.clause.words_between(m.cue.end, runs[0].start) > 0:
                return None
            named = (_named(names[0][0]), names[0][1])
        elif m.clause.words_between(names[-1][3], m.cue.start) > 1:
            return None
    series, year = named
    p = Proposition(
        "exercises",
        (("year", str(year)),),
        _exercise_field(m, series, "hosts"),
        "includes",
        tuple(sorted({h.key for h in hosts[:3]})),
        m.day,
        polarity=not m.denied_near(*hosts[:1]),
        scope="fixed",
    )
    return p, span(*hosts[:3])


def _held_there(m: Match, hosts: list[Mention]) -> Built:
    """"The 2021 exercises in Tajikistan", where the year had several: that an exercise of
    that year was held there. The record lists exercises, not every exercise, so where none
    of the year's was held there the claim cannot be checked (as for a year it lists none)."""
    dated = [d for d in m.clause.sentence.dates if d.precision in {"year", "month", "day"}]
    if not dated:
        return None, span(*hosts)
    year = str(dated[0].day.year)
    wanted = {h.key for h in hosts}
    listed = getattr(m.record.ask("exercises", {"year": year}), "exercises", ())
    if not any(wanted <= set(e.hosts) for e in listed):
        return None, span(*hosts)
    p = Proposition("exercises", (("year", year),), "exercises.hosts", "includes",
                    tuple(sorted(wanted)), m.day, polarity=not m.denied_near(*hosts[:1]), scope="fixed")
    return p, span(*hosts)


@claim(
    "exercise-participants",
    "exercise",
    ("participants_word", "count_noun"),
    ("plan", "deploy"),
    N_("The record gives: {value}."),
    label=N_("who took part in an exercise"),
)
def exercise_participants(m: Match) -> Built:
    named = _exercise(m)
    if not (m.has("exercise") or m.clause.of("series")):
        return None
    run = m.run(2)
    if named is None:
        # an exercise the record cannot name, with the states that took part in it
        if run is None or m.cue.concept != "participants_word" or not m.has("exercise"):
            return None
        return None, span(run)
    series, year = named
    if m.cue.concept == "count_noun" and not (m.clause.sentence.exercises and m.has("troops")):
        return None
    if run is None and m.cue.concept == "participants_word":
        # one state as the subject: "Armenia did not take part in Interaction-2023"
        run = next((r for r in reversed(m.runs(1)) if r.end <= m.cue.start
                    and m.clause.words_between(r.end, m.cue.start) <= 3), None)
    if run is None:
        counted = m.number(("count_noun",), gap=2)
        if counted is None:
            return None
        number, noun = counted
        p = Proposition(
            "exercises",
            (("year", str(year)),),
            _exercise_field(m, series, "participants"),
            "count",
            number.value,
            m.day,
            polarity=not m.denied_near(number),
            scope="fixed",
        )
        return p, span(number, noun)
    p = Proposition(
        "exercises",
        (("year", str(year)),),
        _exercise_field(m, series, "participants"),
        "includes",
        tuple(sorted(run.states)),
        m.day,
        polarity=not m.denied,
        scope="fixed",
    )
    return p, span(run)


@claim(
    "exercise-date",
    "exercise",
    ("exercise", "@series"),
    ("plan",),
    N_("The record gives: {value}."),
    label=N_("when an exercise was held"),
)
def exercise_date(m: Match) -> Built:
    """ "Rubezh-2006 was held on the Caspian coast from 24 to 29 August": the days named meet
    the exercise's, from its start to its end (a year alone is the name's, not a claim)."""
    named = _exercise(m)
    own = m.own_date(DATED)
    if named is None or own is None or own.precision == "year":
        return None
    said_of_it = m.has("host", "begin", "complete") or _gap(m.cue, own) <= ADJACENT
    if not said_of_it:
        return None  # a day of something else around it ("arrived yesterday to take part")
    series, year = named
    first, last = period(own)
    if first.year != year:
        return None
    p = Proposition(
        "exercises",
        (("year", str(year)),),
        f"exercises[{series}]",
        "overlaps",
        first,
        m.day,
        polarity=not m.denied_near(own, *m.clause.cues_of("host", "begin", "complete")),
        scope="fixed",
        until=last,
    )
    return p, span(own)


@claim(
    "exercise-largest",
    "exercise",
    ("largest",),
    ("plan",),
    N_("The record gives: {value}."),
    label=N_("that an exercise was the largest of its year"),
)
def exercise_largest(m: Match) -> Built:
    named = _exercise(m)
    if named is None:
        return None
    series, year = named
    p = Proposition(
        "exercises",
        (("year", str(year)),),
        _exercise_field(m, series, "largest_of_year"),
        "true",
        None,
        m.day,
        polarity=not m.denied,
        scope="fixed",
    )
    return p, span(m.cue)
