"""From sentences to claims: frames that recognise lists of states, counts, dated events,
places, officials, rules, exercises and requests for assistance.

Each frame reads one sentence (and, where a text continues a thought, the one before): the
gazetteer's names in it, its numbers and dates, and the words of ``lexicon``. Frames never
look at the record; whether a claim holds is decided later (``verdicts``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from . import dates as dates_mod
from . import numbers as numbers_mod
from .claims import Claim, Found
from .gazetteer import Gazetteer, Mention
from .lexicon import has, rule_patterns, word
from .text import Sentence

_SEPARATOR = re.compile(
    r"^(?:[\s,;:/&]|\s[\u2010-\u2015\-]\s|[\u2012-\u2015]|[\U0001F1E6-\U0001F1FF]|\band\b|\bdan\b|\bserta\b|"
    r"\bи\b|\bor\b|\batau\b|\bили\b|\bа также\b|\bjuga\b|\balso\b|\bthe\b|"
    r"\((?:[^()]{0,30})\))*$"
)
_EXERCISE_NAME = re.compile(r"^[\s\"'«“]*[-–—]?\s*(?P<year>(?:19|20)\d\d)(?!\d)")
_POSSESSIVE_CHAIR = re.compile(r"(?:'s|’s)\s+(?:rotating\s+)?(?:chairmanship|presidency|chair)")
_LARGEST = re.compile(r"largest|biggest|terbesar|крупнейш\w*|масштабн\w*")
_FIGURE_GAP = 40
EXERCISE_REACH = 5
"""An exercise named in a sentence is what the next few sentences about troops refer to."""
OFFICE_KINDS = ("secretary_general", "chair", "deputy_secretary_general", "joint_staff_chief")


class Context:
    """What the frames know of the whole text: names, the text's day, the last year seen."""

    def __init__(
        self,
        text: str,
        folded: str,
        mentions: list[Mention],
        gazetteer: Gazetteer,
        text_day: date,
        person_states: dict[str, str],
    ) -> None:
        self.text = text
        self.folded = folded
        self.mentions = mentions
        self.gazetteer = gazetteer
        self.text_day = text_day
        self.year = text_day.year
        self.last_year: int | None = None
        self.person_states = person_states
        self.exercise: tuple[str, int] | None = None
        self.exercise_age = 99
        self.previous_states: list[Mention] = []


class View:
    """One sentence with its names, numbers and dates (offsets in the whole text)."""

    def __init__(self, ctx: Context, sentence: Sentence, mentions: list[Mention]) -> None:
        self.ctx = ctx
        self.sentence = sentence
        self.start = sentence.start
        self.lang = sentence.lang
        self.s = ctx.text[sentence.start : sentence.end]
        self.f = ctx.folded[sentence.start : sentence.end]
        self.mentions = mentions
        context_year = ctx.last_year or ctx.year
        found = dates_mod.find(self.s, context_year, ctx.text_day)
        self.dates = [d._replace(start=d.start + self.start, end=d.end + self.start) for d in found]
        skip = [(d.start - self.start, d.end - self.start) for d in self.dates]
        skip += [(m.start - self.start, m.end - self.start) for m in mentions]
        skip += [
            (m.start(), m.end())
            for m in re.finditer(
                r"(?:article|pasal|стать\w*|art\.)\s*\d+|\d+\s*-?\s*(?:летие|th anniversary)|[-–]\s*\d{4}",
                self.f,
            )
        ]
        self.numbers = [
            n._replace(start=n.start + self.start, end=n.end + self.start)
            for n in numbers_mod.find(self.s, self.lang, skip)
        ]

    def of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def fold(self, start: int, end: int) -> str:
        return self.ctx.folded[max(start, self.start) : min(end, self.sentence.end)]

    def near(self, start: int, end: int, name: str, before: int = 80, after: int = 80) -> bool:
        return has(name, self.fold(start - before, end + after))

    def first(self, name: str) -> re.Match[str] | None:
        return word(name).search(self.f)


# -- lists of states ---------------------------------------------------------------------
def state_lists(view: View, kinds: tuple[str, ...] = ("state",)) -> list[list[Mention]]:
    """Runs of state names (or other ``kinds``) joined only by commas, 'and', dashes or flags."""
    states = [m for m in view.mentions if m.kind in kinds]
    runs: list[list[Mention]] = []
    for mention in states:
        if runs:
            gap = view.ctx.folded[runs[-1][-1].end : mention.start]
            if len(gap) <= 14 and _SEPARATOR.match(gap) and not gap.strip().endswith(("(", ")")):
                if mention.key not in {m.key for m in runs[-1]}:
                    runs[-1].append(mention)
                continue
        runs.append([mention])
    return runs


def observers(view: View) -> Iterator[Found]:
    """'Serbia and the Union State are observers': states with other bodies, as observers."""
    for run in state_lists(view, ("state", "other-org")):
        codes = tuple(m.key for m in run if m.kind == "state")
        if len(run) < 2 or not codes or len(codes) == len(run):
            continue
        if has("observer", view.fold(run[0].start - 40, run[-1].end + 60)):
            yield Found(run[0].start, run[-1].end, Claim("membership", "observers", codes, False), False)


def _about_exercise(view: View) -> bool:
    return (
        has("exercise", view.f)
        or has("troops", view.f)
        or bool(re.search(r"take part|ikut|participat|участ", view.f))
    )


def _own_date(view: View, start: int, end: int, window: int = 90) -> dates_mod.DateMention | None:
    """The date a stretch speaks of: a date in its clause, nearest first."""
    best: tuple[int, dates_mod.DateMention] | None = None
    for mention in view.dates:
        if mention.start >= end:
            distance = mention.start - end
        elif mention.end <= start:
            distance = start - mention.end
        else:
            distance = 0
        if distance <= window and (best is None or distance < best[0]):
            best = (distance, mention)
    return best[1] if best else None


def _clause(view: View, start: int, end: int, before: int = 70, after: int = 70) -> str:
    return view.fold(start - before, end + after)


def _span(view: View, start: int, end: int, before: int = 0, after: int = 0) -> tuple[int, int]:
    return max(view.start, start - before), min(view.sentence.end, end + after)


def membership(view: View) -> Iterator[Found]:
    """Lists of states and what they are said to be: members, observers, signatories..."""
    for run in state_lists(view):
        if len(run) < 2:
            continue
        start, end = run[0].start, run[-1].end
        codes = tuple(m.key for m in run)
        clause = _clause(view, start, end, 90, 70)
        own = _own_date(view, start, end)
        exhaustive = not re.search(
            r"such as|like|including|include[sd]?\b|among them|di antaranya|"
            r"antara lain|seperti|termasuk|beberapa|в том числе|например|таких как",
            view.fold(start - 60, start),
        )
        negated = bool(re.search(r"never|tidak pernah|не подписыва|ни разу|not sign", clause))
        if view.ctx.exercise and view.ctx.exercise_age <= EXERCISE_REACH and _about_exercise(view):
            name, year = view.ctx.exercise
            where = re.search(
                r"(?:\bin|\bdi|\bв|на территории|territory of|wilayah)\s*$", view.fold(start - 20, start)
            )
            yield Found(
                start,
                end,
                Claim(
                    "exercise",
                    "host" if where else "participants",
                    codes,
                    exercise=name,
                    date=date(year, 1, 1),
                    precision="year",
                ),
                True,
            )
            continue
        if re.search(r"summit|саммит\w*|pertemuan puncak|ktt|заседани\w*|meeting", clause) and re.search(
            r"attend\w*|took part|take part|hadir|menghadiri|участи\w*|присутств\w*|лидеры|leaders of", clause
        ):
            continue  # who attended a meeting: not a claim about standing
        if has("peacekeeping", clause) or "armed forces of" in clause or "angkatan bersenjata" in clause:
            yield Found(start, end, Claim("case", "contingents", codes), False)
            continue
        if has("observer", view.fold(start - 40, end + 60)):
            yield Found(start, end, Claim("membership", "observers", codes, exhaustive), False)
            continue
        if has("sign", clause) and negated:
            yield Found(start, end, Claim("membership", "non-signatories", codes, True, negated=True), False)
            continue
        if (has("sign", clause) and (has("protocol", view.f) or has("renew", view.f))) or has(
            "renew", clause
        ):
            renew = word("renew").search(view.f)
            negated_renewal = renew is not None and has(
                "negation", view.f[max(0, renew.start() - 25) : renew.start()]
            )
            if negated_renewal or re.search(r"except|kecuali|кроме|selain", view.fold(start - 25, start)):
                yield Found(start, end, Claim("membership", "not-renewing", codes, True), False)
            else:
                only = bool(re.search(r"\bonly\b|hanya|только", clause))
                yield Found(start, end, Claim("membership", "renewing", codes, only), False)
            continue
        event = _list_event(view, start, end)
        if event is not None:
            mention = own or _own_date(view, start, end, 200)
            if mention is not None and event not in ("signatories",):
                yield Found(
                    *_span(view, start, end, 0, 40),
                    Claim(
                        "date",
                        event,
                        codes,
                        date=mention.day,
                        precision=mention.precision,
                        until=mention.until,
                    ),
                    False,
                )
                continue
            if event == "signatories":
                yield Found(
                    start,
                    end,
                    Claim(
                        "membership",
                        "signatories",
                        codes,
                        exhaustive,
                        date=mention.day if mention else None,
                        precision=mention.precision if mention else None,
                    ),
                    mention is not None,
                )
                continue
        also = re.search(r"(?:also|juga|также|помимо\s+\w+)\s*(?:\w+\s+){0,4}$", view.fold(start - 50, start))
        if not (
            has("member", clause) or view.of("org") or also or has("state_noun", view.fold(start - 40, start))
        ):
            continue
        extra: tuple[str, ...] = ()
        if also:
            before = [m.key for m in view.of("state") if m.start < start] or [
                m.key for m in view.ctx.previous_states
            ]
            extra = tuple(k for k in dict.fromkeys(before) if k not in codes)
        founders = (
            own is not None
            and own.until is None
            and has("found", view.fold(start - 80, start))
            and re.search(r"(?:\bby|\boleh|\bгосударствами)\s*$", view.fold(start - 12, start)) is not None
        )
        date_own = (
            own
            if (
                own
                and _temporal_before(view, own)
                and own.until is None
                and not has("present", view.f)
                and not has("found", view.f)
            )
            or founders
            else None
        )
        yield Found(
            start,
            end,
            Claim(
                "membership",
                "members",
                extra + codes,
                exhaustive,
                date=date_own.day if date_own else None,
                precision=date_own.precision if date_own else None,
                until=date_own.until if date_own else None,
            ),
            date_own is not None,
        )


def _temporal_before(view: View, mention: dates_mod.DateMention) -> bool:
    before = view.ctx.folded[max(view.start, mention.start - 8) : mention.start]
    return (
        bool(
            re.search(
                r"(?:^|\s)(?:in|on|since|from|until|pada|sejak|tahun|hingga|в|с|до|"
                r"between|antara)\s*$",
                before,
            )
        )
        or mention.until is not None
    )


def _list_event(view: View, start: int, end: int) -> str | None:
    """What a list of states is said to have done, by the verb nearest to it."""
    clause = _clause(view, start, end, 60, 70)
    if re.search(
        r"стали участниками|became (?:the )?(?:first )?(?:parties|members)|"
        r"участниками\s+\w+\s+стали",
        clause,
    ) or (has("original", view.fold(start - 60, start)) and has("member", clause)):
        return "signatories"
    candidates: list[tuple[int, str]] = []
    for name, event in (("join", "accession"), ("leave", "left"), ("return", "return")):
        for match in word(name).finditer(view.f):
            at = view.start + match.start()
            distance = at - end if at >= end else start - at + 30
            if distance <= 90:
                candidates.append((distance, event))
    if "following year" in clause or "berikutnya" in clause:
        candidates.append((0, "accession"))
    if candidates:
        return min(candidates)[1]
    if (
        has("sign", view.fold(start - 150, end + 70))
        and (has("treaty", view.f) or view.of("document"))
        and (not has("protocol", clause))
    ):
        return "signatories"
    return None


# -- one state's standing ---------------------------------------------------------------
_STANDING_EVENTS = (
    ("join", "accession"),
    ("freeze", "freeze"),
    ("suspend", "suspend"),
    ("leave", "leave"),
    ("return", "return"),
)


def standing_events(view: View, taken: list[tuple[int, int]]) -> Iterator[Found]:
    """One state and what happened to its standing: froze, suspended, left, returned."""
    subjects = [m for m in view.mentions if m.kind == "state"]
    if not subjects:
        subjects = [
            Mention(m.start, m.end, "state", view.ctx.person_states[m.key])
            for m in view.of("person")
            if m.key in view.ctx.person_states
        ]
    if (
        not subjects
        or not (
            view.of("org")
            or view.of("document")
            or has("member", view.f)
            or "csto" in view.f
            or "одкб" in view.f
        )
    ) and not subjects:
        return
    listed = {m.start for run in state_lists(view) if len(run) > 1 for m in run}
    for name, topic in _STANDING_EVENTS:
        for match in word(name).finditer(view.f):
            at = view.start + match.start()
            if any(a <= at < b for a, b in taken):
                continue
            subject = min(subjects, key=lambda m: abs(m.start - at))
            if abs(subject.start - at) > 150 or subject.start in listed:
                continue
            if any(
                m.kind == "state"
                and m.start < at
                and m.key != subject.key
                and abs(m.start - at) < abs(subject.start - at)
                for m in view.mentions
            ):
                continue
            if re.search(r"(?:not|never|tidak|tak|belum|не)\s+(?:\w+\s+)?$", view.fold(at - 20, at)):
                continue
            stop = view.start + match.end()
            adjacent = 0 <= at - subject.end <= 14
            start = subject.start if adjacent else at
            end = _extend_to_object(view, max(stop, subject.end if adjacent else stop))
            clause = _clause(view, min(start, subject.start), end, 40, 40)
            aspect = topic
            if topic == "suspend":
                aspect = (
                    "suspend-membership"
                    if re.search(r"member|anggota|членств", clause)
                    else "suspend-participation"
                )
            if topic == "leave" and re.search(r"outside the framework|not to extend|decided not", clause):
                aspect = "leave"
            future = has("future", view.fold(start - 40, end)) or bool(
                re.search(
                    r"decided to|memutuskan untuk|намерени\w* выйти|requested to|"
                    r"intention|намерен",
                    view.fold(start - 60, end),
                )
            )
            own = _own_date(view, at, stop, 40)
            if own is not None and 0 <= own.start - end <= 40:
                end = own.end
            yield Found(
                start,
                end,
                Claim(
                    "membership" if own is None or future else "date",
                    aspect,
                    (subject.key,),
                    date=own.day if own else None,
                    precision=own.precision if own else None,
                    future=future,
                ),
                own is not None and not future,
            )
            taken.append((start, end))
            break


def _extend_to_object(view: View, end: int) -> int:
    tail = view.ctx.folded[end : min(view.sentence.end, end + 70)]
    match = re.match(
        r"[^.;]{0,60}?(?:csto|одкб|organization|organisasi|организаци\w*|treaty|traktat|договор\w*)", tail
    )
    return end + match.end() if match else end


def founding_member(view: View) -> Iterator[Found]:
    for mention in view.of("state"):
        tail = view.fold(mention.end, mention.end + 50)
        match = re.search(r"(?:founding member|anggota pendiri|founder|основател\w*|учредител\w*)", tail)
        if match:
            yield Found(
                mention.start,
                mention.end + match.end() + 5,
                Claim("membership", "founding-member", (mention.key,)),
                False,
            )


_ONE_MEMBER = re.compile(
    r"\s*(?:,[^,]{0,40},\s*)?(?:"
    r"(?:is|remains)\s+(?:still\s+|also\s+|now\s+)?(?P<en_not>not\s+|no longer\s+)?(?:a\s+|an\s+)?"
    r"(?:full\s+)?(?:csto\s+|odkb\s+)?member(?!\s*(?:state\s+)?(?:since|from))"
    r"|(?:masih\s+|juga\s+|kini\s+)?(?:adalah\s+|merupakan\s+|menjadi\s+)?(?P<id_not>bukan\s+|tidak lagi\s+)?"
    r"(?:negara\s+)?anggota(?!\s*(?:pendiri|terbesar|terkuat|utama|\w+nya\b|sejak))"
    r"|(?:по-прежнему\s+|также\s+|сейчас\s+)?(?P<ru_not>не\s+|уже не\s+)?(?:является|входит в)\b"
    r")"
)
"""What follows a single state's name when the sentence says it is (or is not) a member now."""


def one_member(view: View, taken: list[tuple[int, int]]) -> Iterator[Found]:
    """'Armenia is a member of the CSTO', 'Uzbekistan bukan anggota CSTO', 'Грузия не является
    членом ОДКБ': one state said to be a member, or not, today (present tense only)."""
    orgs = view.of("org")
    if not orgs:
        return
    for mention in view.of("state"):
        if any(a <= mention.start < b for a, b in taken):
            continue
        match = _ONE_MEMBER.match(view.ctx.folded, mention.end)
        if match is None:
            continue
        end = match.end()
        if not any(mention.end <= m.start <= end + 40 for m in orgs) and not any(
            0 <= mention.start - m.end <= 60 for m in orgs
        ):
            continue
        if match.group(0).strip().endswith(("является", "входит в")) and not re.match(
            r"\s*(?:член\w*|участник\w*|состав\s+|в состав\s+)?", view.ctx.folded[end:]
        ):
            continue
        negated = bool(match.group("en_not") or match.group("id_not") or match.group("ru_not"))
        yield Found(
            mention.start, end, Claim("membership", "members", (mention.key,), False, negated=negated), False
        )


def member_since(view: View) -> Iterator[Found]:
    for match in re.finditer(r"(?:since|sejak|с)\s+(?P<y>(?:19|20)\d\d)(?:\s*(?:года|г\.))?", view.f):
        states = [m for m in view.of("state") if abs(m.start - (view.start + match.start())) < 60]
        if not states or not (has("member", view.f) or len(state_lists(view)[0]) > 1):
            continue
        state = min(states, key=lambda m: abs(m.start - (view.start + match.start())))
        start = min(state.start, view.start + match.start())
        end = max(state.end, view.start + match.end())
        yield Found(
            start,
            end,
            Claim(
                "date", "member-since", (state.key,), date=date(int(match.group("y")), 1, 1), precision="year"
            ),
            False,
        )


# -- counts --------------------------------------------------------------------------------
def counts(view: View) -> Iterator[Found]:
    """'six member states', 'tujuh negara', 'шести государств', '1 observer'."""
    for number in view.numbers:
        tail = view.ctx.folded[number.end : min(view.sentence.end, number.end + 40)]
        noun = re.match(
            r"\s*(?:(?:of the|of|dari|из)\s+)?(?:\w+[\s-]+){0,2}?(?P<noun>"
            + r"states?|countries|nations|members?|member-states|observers?|"
            r"negara|anggota|pengamat|государств\w*|стран\w*|членов|участник\w*|"
            r"наблюдател\w*|republics|signatories|penandatangan)",
            tail,
        )
        if not noun or number.value > 60 or number.value < 1:
            continue
        raw = view.ctx.folded[number.start : number.end]
        if raw.startswith("ke") and not re.match(r"\s*(?:negara|anggota)", tail):
            continue  # 'negara ketiga' is 'a third state', not a count
        if re.search(
            r"(?:до|to|hingga|sampai|dan)\s*$", view.fold(number.start - 8, number.start)
        ) and re.search(
            r"(?:от|from|dari|antara)\s+\w+\s+(?:до|to|hingga|sampai|dan)\s*$",
            view.fold(number.start - 40, number.start),
        ):
            continue  # the upper end of a range, read by count_ranges
        if re.search(r"(?:salah|one of|одн\w* из)\s*$", view.fold(number.start - 8, number.start)) or (
            not raw[:1].isdigit() and number.value < 3 and not has("observer", tail[:30])
        ):
            continue
        if re.match(r"\s*(?:troops|tentara|военн|сотрудник|people|personel)", tail):
            continue
        start = number.start
        before = view.fold(number.start - 30, number.start)
        end = number.end + noun.end()
        if re.search(r"former\s*$|mantan\s*$|бывш\w*\s*$", before):
            start = (
                view.start
                + max(
                    0,
                    view.fold(number.start - 30, number.start).rfind(
                        re.findall(r"(former|mantan|бывш\w*)\s*$", before)[0]
                    ),
                )
                + number.start
                - view.start
                - len(before)
            )
        clause = _clause(view, number.start, end, 80, 80)
        phrase = view.ctx.folded[number.start : min(view.sentence.end, end + 32)]
        phrase = re.split(r"\n|\|| \d|,", phrase[end - number.start :], maxsplit=1)[0]
        phrase = view.ctx.folded[number.start : end] + phrase
        if (
            view.ctx.exercise
            and view.ctx.exercise_age <= EXERCISE_REACH
            and _about_exercise(view)
            and (has("exercise", view.f) or number.qualifier == "all")
        ):
            name, year = view.ctx.exercise
            yield Found(
                number.start,
                end,
                Claim(
                    "exercise",
                    "participants-count",
                    number=number.value,
                    qualifier=number.qualifier,
                    exercise=name,
                    date=date(year, 1, 1),
                    precision="year",
                ),
                True,
            )
            continue
        upper = re.match(
            r"\s*(?:до|to|hingga|sampai|dan)\s+(\w+)", view.ctx.folded[number.end : number.end + 20]
        )
        if upper and re.search(r"(?:от|from|dari|antara)\s*$", before):
            continue  # a range, read by count_ranges
        if re.search(r"(?:those|these|эти\w*|те|этих)\s*$", before) or re.match(
            r"\s*\w+\s+(?:itu|tersebut)\b", view.ctx.folded[number.end : number.end + 30]
        ):
            continue  # a number that refers back, not a count
        if re.search(
            r"former\s+observ|mantan negara pengamat|mantan pengamat|бывш\w* наблюдател",
            phrase + " " + before[-20:],
        ):
            topic = "former-observers"
        elif has("observer", phrase):
            topic = "observers"
        elif has("former", phrase) or re.search(r"(former|mantan|бывш\w*)\s*$", before):
            topic = "former-members"
        elif re.search(
            r"\b(?:dari|of|из)\s+\w+\s+(?:negara|states|государств)",
            view.ctx.folded[number.end : number.end + 40],
        ) or (has("renew", clause) and not has("sign", phrase)):
            topic = "renewing"
        elif re.search(r"lainnya|\bother\b|остальн|ещё|еще", phrase) and (
            has("sign", view.f) or has("join", view.f)
        ):
            topic = "acceding"
        elif (
            has("sign", clause) or has("original", clause) or (has("sign", view.f) and has("treaty", view.f))
        ) and (has("treaty", view.f) or view.of("document") or "penandatangan" in clause):
            topic = "signatories"
        elif has("join", clause) and not has("member", phrase):
            topic = "acceding"
        else:
            topic = "members"
        own = _own_date(view, number.start, end, 80)
        own_ok = own is not None and (_temporal_before(view, own) or topic in ("signatories", "acceding"))
        if topic == "members" and has("present", view.f):
            own_ok = False
        yield Found(
            start,
            end,
            Claim(
                "count",
                topic,
                number=number.value,
                qualifier=number.qualifier,
                date=own.day if own_ok and own else None,
                precision=own.precision if own_ok and own else None,
            ),
            own_ok,
        )


def count_ranges(view: View) -> Iterator[Found]:
    for match in re.finditer(
        r"(?:от|from|dari|antara)\s+(?P<a>\w+)\s+(?:до|to|hingga|sampai|dan)\s+"
        r"(?P<b>\w+)\s+(?:государств|стран|states|countries|negara)",
        view.f,
    ):
        low = numbers_mod.find(match.group("a"), view.lang)
        high = numbers_mod.find(match.group("b"), view.lang)
        if low and high:
            yield Found(
                view.start + match.start(),
                view.start + match.end(),
                Claim("count", "members-range", number=low[0].value, qualifier=f"to {high[0].value}"),
                False,
            )


# -- dated events ---------------------------------------------------------------------------
_EVENT_WORDS = (("in_force", "in-force"), ("found", "founded"), ("sign", "signed"), ("renew", "renewal"))


def dated_events(view: View, taken: list[tuple[int, int]]) -> Iterator[Found]:
    """The Treaty signed, in force, renewed; the organization founded; the Charter signed."""
    for name, event in _EVENT_WORDS:
        for match in word(name).finditer(view.f):
            at, stop = view.start + match.start(), view.start + match.end()
            if any(a <= at < b for a, b in taken):
                continue
            own = _own_date(view, at, stop, 200 if event == "renewal" else 70)
            if own is None and view.dates and view.dates[0].start - view.start < 12:
                own = view.dates[0]  # 'On 15 May 1992, six states ... signed': the date opens the sentence
            if own is None:
                continue
            if event == "renewal" and (own.start > stop + 25 or has("negation", view.fold(at - 25, at))):
                continue
            clause = _clause(view, at, stop, 80, 60)
            anniversary = re.search(
                r"(\d+)\s*-?\s*(?:летие|летия|th anniversary|st anniversary|nd anniversary|rd anniversary)|"
                r"(?:ulang tahun|hut|peringatan)\s+ke-?\s*(\d+)",
                view.fold(own.start, stop + 10),
            )
            if anniversary:
                years = int(anniversary.group(1) or anniversary.group(2))
                own = own._replace(day=own.day.replace(year=own.day.year - years))
            if event == "renewal" and not (
                has("treaty", clause)
                or "lima tahun" in clause
                or "five years" in clause
                or "пять" in clause
                or "пятилетн" in clause
            ):
                continue
            document = "cst"
            if has("charter", clause) and not has("treaty", view.fold(at - 25, stop + 25)):
                document = "charter"
            if event == "signed" and has("protocol", view.fold(at - 30, stop + 60)):
                continue
            if event == "founded":
                near = view.fold(at - 50, stop + 50)
                if re.search(
                    r"forces|pasukan|сил\w*|centre|center|pusat", view.fold(stop, stop + 40)
                ) or not (
                    at - view.start < 4
                    or (view.of("org")
                    and any(abs(m.start - at) < 60 for m in view.of("org")))
                    or re.search(
                        r"organi[sz]ation|organisasi|организаци\w*|aliansi|alliance|blok|bloc|csto|одкб", near
                    )
                ):
                    continue
                if not (
                    view.of("org")
                    or "csto" in clause
                    or re.search(r"organi[sz]ation|organisasi|организац", clause)
                    or "aliansi" in clause
                    or has("treaty", clause) is False
                ):
                    continue
                topic = "founded"
            elif event == "signed":
                if not (
                    has("treaty", clause)
                    or view.of("document")
                    or "aliansi" in clause
                    or "alliance" in clause
                ):
                    continue
                topic = f"{document}-signed"
            elif event == "in-force":
                topic = f"{document}-in-force"
            else:
                topic = "renewal"
            start, end = _date_phrase(view, own)
            if anniversary:
                start, end = min(start, at), max(end, stop)
            yield Found(
                start,
                end,
                Claim("date", topic, date=own.day, precision=own.precision, until=own.until),
                False,
            )
            taken.append((min(at, start), max(stop, end)))
            break
    yield from infobox_dates(view)


def _date_phrase(view: View, mention: dates_mod.DateMention) -> tuple[int, int]:
    """A date with the preposition before it ('pada 15 Mei 1992', 'in 1994', 'в 1999 году')."""
    before = view.ctx.folded[max(view.start, mention.start - 16) : mention.start]
    prep = re.search(r"(?:\b(?:in|on|since|pada(?: tanggal| tahun)?|tahun|sejak|в|с)\s+)$", before)
    return mention.start - (len(prep.group()) if prep else 0), mention.end


def infobox_dates(view: View) -> Iterator[Found]:
    """'15 May 1992 (as Collective Security Treaty)': a founding date as infoboxes give it."""
    for mention in view.dates:
        tail = view.ctx.folded[mention.end : min(view.sentence.end, mention.end + 80)]
        match = re.match(r"\s*\((?:as|sebagai|как)\b[^()]{1,70}\)", tail)
        if match:
            yield Found(
                mention.start,
                mention.end + match.end(),
                Claim("date", "founded", date=mention.day, precision=mention.precision),
                False,
            )


def places(view: View) -> Iterator[Found]:
    for place in view.of("place"):
        before = view.fold(place.start - 120, place.start)
        if has("headquarters", view.fold(place.start - 40, place.start)):
            yield Found(
                *_span(view, place.start - 35, place.end),
                Claim("place", "headquarters", place=place.key),
                False,
            )
            continue
        if has("sign", before) or has("sign", view.fold(place.end, place.end + 40)):
            clause = _clause(view, place.start, place.end, 120, 60)
            if has("protocol", clause):
                continue
            document = "charter" if has("charter", clause) and not has("treaty", clause) else "cst"
            if not (
                has("treaty", clause) or has("charter", clause) or view.of("document") or "aliansi" in clause
            ):
                continue
            prep = re.search(r"(?:\bin|\bdi|\bв)\s*$", view.fold(place.start - 6, place.start))
            start = place.start - (len(prep.group()) if prep else 0)
            yield Found(
                start,
                place.end + _paren(view, place.end),
                Claim("place", f"{document}-signed", place=place.key),
                False,
            )


def _paren(view: View, end: int) -> int:
    match = re.match(r"\s*\([^()]{1,30}\)", view.ctx.folded[end : end + 34])
    return match.end() if match else 0


# -- officials ------------------------------------------------------------------------------
def officials(view: View, previous: View | None) -> Iterator[Found]:
    offices = [m for m in view.of("office")]
    persons = view.of("person")
    if not offices and previous is not None and len(previous.s) < 40:
        offices = [m for m in previous.of("office")] if not previous.of("person") else []
    if not offices:
        rest = (
            view.s[: persons[0].start - view.start] + view.s[persons[0].end - view.start :] if persons else ""
        )
        if len(persons) == 1 and not re.search(r"[^\W\d_]", rest):
            person = persons[0]
            yield Found(person.start, person.end, Claim("official", "person", person=person.key), False)
        return
    used: set[int] = set()
    for office in offices:
        if office.key not in OFFICE_KINDS:
            continue
        foreign = [m for m in view.of("other-org") if abs(m.start - office.start) < 30]
        if foreign and not view.of("org"):
            continue
        if foreign and min(abs(m.start - office.start) for m in foreign) < min(
            abs(m.start - office.start) for m in view.of("org")
        ):
            continue
        window = [p for p in persons if -90 < p.start - office.start < 120 and p.start not in used]
        own = _own_date(view, office.start, office.end, 45)
        future = has("future", view.fold(office.start - 45, office.end + 45))
        own_date = own if own and (_temporal_before(view, own) or future or own.until) else None
        if window:
            person = min(window, key=lambda p: abs(p.start - office.start))
            used.add(person.start)
            start = min(office.start if office.start >= view.start else person.start, person.start)
            end = max(person.end, office.end if office.start >= view.start else person.end)
            if office.start < view.start:
                start = office.start
            yield Found(
                start,
                end,
                Claim(
                    "official",
                    office.key,
                    person=person.key,
                    office=office.key,
                    date=own_date.day if own_date else None,
                    precision=own_date.precision if own_date else None,
                    until=own_date.until if own_date else None,
                    future=future,
                ),
                own_date is not None,
            )
            continue
        if own is not None and own.until is not None and office.start >= view.start:
            yield Found(
                min(office.start, own.start),
                max(office.end, own.end),
                Claim("official", "term", office=office.key, date=own.day, precision="year", until=own.until),
                False,
            )
            continue
        if office.key != "chair" or office.start < view.start:
            if office.key in ("deputy_secretary_general", "joint_staff_chief"):
                yield Found(office.start, office.end, Claim("official", office.key, office=office.key), False)
            continue
        states = [m for m in view.of("state") if -90 < m.start - office.start < 110]
        if not states:
            continue
        possessive = [m for m in states if _POSSESSIVE_CHAIR.match(view.ctx.folded[m.end : m.end + 30])]
        state = possessive[0] if possessive else min(states, key=lambda m: abs(m.start - office.start))
        start, end = min(state.start, office.start), max(state.end, office.end)
        yield Found(
            start,
            end,
            Claim(
                "official",
                "chair",
                (state.key,),
                office="chair",
                date=own_date.day if own_date else None,
                precision=own_date.precision if own_date else None,
                future=future,
            ),
            own_date is not None,
        )


# -- rules ------------------------------------------------------------------------------------
def rules(view: View) -> Iterator[Found]:
    seen: list[tuple[int, int]] = []
    for name, pattern in rule_patterns():
        for match in pattern.finditer(view.f):
            start, end = view.start + match.start(), view.start + match.end()
            if any(a < end and start < b for a, b in seen):
                continue
            if name == "rotating-chair" and any(0 <= m.start - end <= 12 for m in view.of("office")):
                continue  # 'the rotating presidency': part of an official claim
            if name == "rotating-chair" and not (
                view.of("office")
                or re.search(r"memimpin|lead|chair|председат|presiden|kepemimpinan|ротации", view.f)
            ):
                continue
            if name == "consensus" and not (
                view.of("organ") or "decision" in view.f or "keputusan" in view.f or "решени" in view.f
            ):
                continue
            if name == "art4-invoked" and not (
                has("case_request", view.f)
                or "accordance" in view.f
                or "menggunakan" in view.f
                or "соответствии" in view.f
            ):
                continue
            if name == "art2-consultations" and not view.of("document") and "консульт" not in view.f:
                continue
            claim = Claim(
                "rule",
                name,
                negated=bool(
                    re.search(
                        r"\b(?:not|does not|dose not|tidak|не)\s+provide|не предусматрива",
                        view.fold(start - 60, end),
                    )
                ),
            )
            if name == "art1-no-alliances":
                claim = claim._replace(
                    exhaustive=not re.search(
                        r"directed against|ditujukan|направленн\w*|aimed at|against another",
                        view.fold(start, end + 90),
                    ),
                    qualifier="groupings"
                    if re.search(r"kelompok negara|grouping|группировк", view.fold(start, end + 60))
                    else None,
                )
            seen.append((start, end))
            yield Found(start, end, claim, False)


# -- exercises ---------------------------------------------------------------------------------
def exercises(view: View) -> Iterator[Found]:
    ctx = view.ctx
    named: list[tuple[Mention, int, int]] = []
    for series in view.of("series"):
        match = _EXERCISE_NAME.match(ctx.folded[series.end : series.end + 12])
        raw = ctx.text[series.start : series.end]
        if match and (raw[:1].isupper() or raw[:1] in '«"“'):
            named.append((series, int(match.group("year")), series.end + match.end()))
    for series, year, end in named:
        ctx.exercise = (f"{series.key}:{year}", year)
        ctx.exercise_age = 0
        if re.search(r"previously|sebelumnya|ранее", view.f):
            continue
        host = _host(view, series.start, end, reach=120)
        if host is None:
            continue  # a name alone claims nothing
        yield Found(
            series.start,
            end if host is None else max(end, host[1]),
            Claim(
                "exercise",
                "held" if host is None else "host",
                (host[2],) if host else (),
                exercise=f"{series.key}:{year}",
                date=date(year, 1, 1),
                precision="year",
            ),
            True,
        )
    if named:
        pass
    elif (
        ctx.exercise is None
        and has("exercise", view.f)
        and re.search(
            r"\b(?:continue|berlanjut|будут|продолж\w*|are under way|sedang|berlangsung|проходят)", view.f
        )
    ):
        # an exercise under way when the text was written, named by the day alone
        ctx.exercise = (f"on:{ctx.text_day.isoformat()}", ctx.text_day.year)
        ctx.exercise_age = 0
    elif has("exercise", view.f) and _LARGEST.search(view.f):
        years = [d for d in view.dates if d.precision == "year"]
        if years:
            match = _LARGEST.search(view.f)
            assert match is not None
            start = view.start + match.start()
            year = years[0].day.year
            ctx.exercise = (f"largest:{year}", year)
            ctx.exercise_age = 0
            yield Found(
                *_span(view, start - 12, max(start, years[0].end)),
                Claim(
                    "exercise", "largest", exercise=f"largest:{year}", date=date(year, 1, 1), precision="year"
                ),
                True,
            )
    if ctx.exercise is None or ctx.exercise_age > EXERCISE_REACH or not _about_exercise(view):
        return
    name, year = ctx.exercise
    if not named and has("exercise", view.f):
        yield from _exercise_details(view, name, year)
    for number in view.numbers:
        tail = ctx.folded[number.end : min(view.sentence.end, number.end + _FIGURE_GAP)]
        for figure in ("troops", "aircraft"):
            hit = word(figure).search(tail)
            if hit and hit.start() < 25:
                yield Found(
                    number.start,
                    number.end + hit.end(),
                    Claim(
                        "exercise",
                        figure,
                        number=number.value,
                        qualifier=number.qualifier,
                        exercise=name,
                        date=date(year, 1, 1),
                        precision="year",
                    ),
                    True,
                )
                break


def _exercise_details(view: View, name: str, year: int) -> Iterator[Found]:
    """Where and when an exercise named earlier takes place ('в Таджикистане с 3 по 6 апреля')."""
    match = word("exercise").search(view.f)
    assert match is not None
    at = view.start + match.start()
    host = _host(view, at, view.start + match.end(), reach=120)
    if host is not None:
        yield Found(
            min(at, host[0]),
            host[1],
            Claim("exercise", "host", (host[2],), exercise=name, date=date(year, 1, 1), precision="year"),
            True,
        )
    for mention in view.dates:
        if mention.precision == "day" and mention.day.year == year:
            yield Found(
                mention.start,
                mention.end,
                Claim("exercise", "dates", exercise=name, date=mention.day, precision="day"),
                False,
            )
            break


def _host(view: View, start: int, end: int, reach: int = 60) -> tuple[int, int, str] | None:
    """The state an exercise is held in: 'Rubezh-2025 in Kyrgyzstan', 'diselenggarakan di Armenia'."""
    for mention in view.of("state"):
        if mention.start < end:
            continue
        gap = view.ctx.folded[end : mention.start]
        if any(end <= s.start < mention.start for s in view.of("series")) or re.search(r"[.;!?]", gap):
            break
        if len(gap) < reach and re.search(r"(?:\bin|\bdi|\bв|\bна территории|territory of|wilayah)\s*$", gap):
            return mention.start, mention.end, mention.key
    return None


# -- cases ---------------------------------------------------------------------------------------
def cases(view: View) -> Iterator[Found]:
    states = view.of("state") or [
        Mention(m.start, m.end, "state", view.ctx.person_states[m.key])
        for m in view.of("person")
        if m.key in view.ctx.person_states
    ]
    if (
        view.of("place")
        and any(m.key == "Nagorno-Karabakh" for m in view.of("place"))
        and re.search(r"role|peran|роль|settle|penyelesaian|урегулир", view.f)
    ):
        karabakh = next(m for m in view.of("place") if m.key == "Nagorno-Karabakh")
        own = _own_date(view, karabakh.start, karabakh.end, 60)
        match = re.search(r"role|peran|роль", view.f)
        start = view.start + match.start() if match else karabakh.start
        yield Found(
            min(start, karabakh.start),
            max(karabakh.end, own.end if own else karabakh.end),
            Claim(
                "case",
                "role",
                ("ARM", "AZE"),
                place="Nagorno-Karabakh",
                date=own.day if own else None,
                precision=own.precision if own else None,
            ),
            own is not None,
        )
        return
    if not states and (has("limited", view.f) or has("peacekeeping", view.f)):
        states = view.ctx.previous_states
    if not states:
        return
    decision = re.search(r"decision|keputusan|решени\w*", view.f)
    dated = [d for d in view.dates if d.precision == "day"]
    if decision and view.of("organ") and dated:
        at = view.start + decision.start()
        yield Found(
            at,
            max(dated[0].end, at + len(decision.group())),
            Claim("case", "decision", _by_distance(states, at), date=dated[0].day, precision="day"),
            False,
        )
    for aspect, name in (
        ("deployment", "deploy"),
        ("request", "case_request"),
        ("mission", "mission"),
        ("limited", "limited"),
    ):
        for match in word(name).finditer(view.f):
            at = view.start + match.start()
            if aspect == "deployment" and not (
                has("peacekeeping", view.f) or "troops" in view.f or "pasukan" in view.f
            ):
                continue
            if aspect in ("request",) and not (
                re.search(
                    r"help|assist|bantuan|помощ|содейств|military|militer|peacekeep|pasukan|миротвор", view.f
                )
            ):
                continue
            state = min(states, key=lambda m: abs(m.start - at))
            if abs(state.start - at) > 120 and aspect != "limited":
                continue
            stop = view.start + match.end()
            start, end = (at, stop) if aspect == "limited" else (min(at, state.start), max(stop, state.end))
            yield Found(start, end, Claim("case", aspect, _by_distance(states, at)), False)
            break
    for number in view.numbers:
        tail = view.ctx.folded[number.end : min(view.sentence.end, number.end + 30)]
        if re.match(
            r"\s*(?:troops|tentara|soldiers|military|peacekeepers|военнослужащ|миротвор|pasukan)", tail
        ) and (has("peacekeeping", view.f) or has("deploy", view.f)):
            yield Found(
                number.start,
                number.end + len(tail.split(" ")[1]) + 1 if len(tail.split(" ")) > 1 else number.end,
                Claim(
                    "case",
                    "troops",
                    _by_distance(states, number.start),
                    number=number.value,
                    qualifier=number.qualifier,
                ),
                False,
            )


def _by_distance(states: list[Mention], at: int) -> tuple[str, ...]:
    """The states of a sentence, nearest to ``at`` first: the victim is among them."""
    return tuple(dict.fromkeys(m.key for m in sorted(states, key=lambda m: abs(m.start - at))))


# -- the whole text ----------------------------------------------------------------------------
def extract(ctx: Context, spans: list[Sentence]) -> list[tuple[Found, Sentence]]:
    """Every claim of the text, with the sentence it is in, in order."""
    results: list[tuple[Found, Sentence]] = []
    mentions = ctx.mentions
    index = 0
    previous: View | None = None
    for sentence in spans:
        while index < len(mentions) and mentions[index].start < sentence.start:
            index += 1
        own: list[Mention] = []
        probe = index
        while probe < len(mentions) and mentions[probe].end <= sentence.end:
            own.append(mentions[probe])
            probe += 1
        view = View(ctx, sentence, own)
        ctx.exercise_age += 1
        found: list[Found] = []
        taken: list[tuple[int, int]] = []
        found.extend(exercises(view))
        found.extend(membership(view))
        found.extend(observers(view))
        taken.extend((f.start, f.end) for f in found)
        found.extend(founding_member(view))
        found.extend(one_member(view, taken))
        found.extend(member_since(view))
        found.extend(standing_events(view, taken))
        found.extend(counts(view))
        found.extend(count_ranges(view))
        found.extend(dated_events(view, [(f.start, f.end) for f in found if f.claim.type == "date"]))
        found.extend(places(view))
        found.extend(officials(view, previous))
        found.extend(rules(view))
        found.extend(cases(view))
        for item in _dedupe(found):
            results.append((item, sentence))
        years = [d.day.year for d in view.dates if not d.relative]
        if years:
            ctx.last_year = years[-1]
        if view.of("state"):
            ctx.previous_states = view.of("state")
        previous = view
    return results


def _dedupe(found: list[Found]) -> list[Found]:
    """One claim per thing said: overlapping claims of one kind are one claim; one sentence
    states Article 4 once; an article cited for a request or an exercise's host where the
    exercise is introduced are part of that claim."""
    cases = [f for f in found if f.claim.type == "case"]
    introduced = any(f.claim.topic == "largest" for f in found)
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        claim = item.claim
        if claim.topic == "art4-invoked" and cases:
            continue
        if introduced and claim.type == "exercise" and claim.topic == "host":
            continue
        same = [
            k
            for k in kept
            if k.claim.type == claim.type
            and (k.claim.topic == claim.topic or _both_article_4(k.claim, claim))
            and ((k.start < item.end and item.start < k.end) or _both_article_4(k.claim, claim))
        ]
        if same:
            if _both_article_4(same[0].claim, claim) and item.end > same[0].end:
                kept[kept.index(same[0])] = same[0]._replace(end=item.end)
            continue
        kept.append(item)
    return kept


def _both_article_4(first: Claim, second: Claim) -> bool:
    return (
        first.type == second.type == "rule"
        and first.topic.startswith("art4-c")
        and (second.topic.startswith("art4-c") or second.topic == "art4-assistance")
    )
