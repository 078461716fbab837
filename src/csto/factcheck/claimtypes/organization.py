"""Claims about the Organization itself: its official language, its basis in the 1992
Treaty, its observer status at the UN General Assembly, and its names."""

from __future__ import annotations

import re

from ...record.dates import EARLIEST
from ..propositions import Proposition
from ..reading import period
from ..words import Token
from .base import N_, OFF_TOPIC, Built, Match, claim, span
from .common import _years_counted


@claim(
    "official-language",
    "organization",
    ("language",),
    OFF_TOPIC,
    N_("The record gives {value}."),
    label=N_("the Organization's official language"),
)
def official_language(m: Match) -> Built:
    if not (m.has("official_adj") and m.has("lang_russian")):
        return None
    value = m.clause.cues_of("lang_russian")[-1]
    p = Proposition(
        "about",
        (),
        "organization.official_language.value.en",
        "mentions",
        "Russian",
        m.day,
        polarity=not m.denied_near(value),
        scope="fixed",
    )
    return p, span(m.cue)


@claim(
    "organization-basis",
    "organization",
    ("basis",),
    OFF_TOPIC,
    N_("The record gives the founding steps: {value}."),
    label=N_("the treaty the Organization was built on"),
)
def organization_basis(m: Match) -> Built:
    """ "The CSTO was created on the basis of the Collective Security Treaty": the treaty
    named is one whose signing the record counts among the Organization's founding steps."""
    if not (m.clause.of("org") or m.has("organization")):
        return None
    named = [d for d in m.clause.of("document") if d.start >= m.cue.end
             and m.clause.words_between(m.cue.end, d.start) <= 3]
    if not named:
        return None
    document = named[0]
    p = Proposition(
        "about",
        (),
        f"organization.milestones[founding=True,document={document.key}].summary",
        "nonempty",
        None,
        m.day,
        polarity=not m.denied_near(document),
        scope="fixed",
    )
    return p, span(m.cue, document)


@claim(
    "un-observer",
    "organization",
    ("general_assembly",),
    OFF_TOPIC,
    N_("The record gives {value}."),
    label=N_("the Organization's observer status at the UN General Assembly"),
)
def un_observer(m: Match) -> Built:
    if not m.has("observer"):
        return None
    own = m.own_date()
    first, last = period(own) if own is not None else (EARLIEST, m.day)
    p = Proposition(
        "about",
        (),
        "organization.milestones[code=un-observer].date",
        "any-date",
        first,
        m.day,
        polarity=not m.denied_near(*m.clause.cues_of("observer")),
        scope="fixed",
        until=last,
    )
    return p, (*span(m.cue), *span(own))


def _first_full_name(m: Match) -> bool:
    """Whether the trigger is a name of three words or more, the first such in its sentence,
    and not given beside an abbreviation (which the other readings of ``name`` take)."""
    text = m.clause.sentence.between(m.cue.start, m.cue.end)
    if len(text.split()) < 3:
        return False
    first = next((o for o in m.clause.sentence.mentions if o.kind == "org"
                  and len(m.clause.sentence.between(o.start, o.end).split()) >= 3), None)
    return first is not None and first.start == m.cue.start


def _words_before(tokens: list[Token]) -> list[Token]:
    """The words at the end of ``tokens`` after their last punctuation mark."""
    cut = max((i for i, t in enumerate(tokens) if not t.text[:1].isalpha()), default=-1)
    return tokens[cut + 1 :]


@claim(
    "highest-body",
    "rule",
    ("highest",),
    OFF_TOPIC,
    N_("The record gives: {value}."),
    label=N_("which body is the Organization's highest (Charter Art. 13)"),
)
def highest_body(m: Match) -> Built:
    """"The highest body is the Collective Security Council", "высшим органом является
    Совет коллективной безопасности": the body named beside the words."""
    organ = m.mention("organ")
    if organ is None:
        return None
    p = Proposition("about", (), "organization.organs[highest=True].id", "equals", organ.key, m.day,
                    polarity=not m.denied_near(organ), scope="fixed")
    return p, (*span(organ), *span(m.cue))


@claim(
    "office-term",
    "rule",
    ("years_span",),
    OFF_TOPIC,
    N_("The record gives {value} years."),
    label=N_("for how many years the Secretary General is appointed"),
)
def office_term(m: Match) -> Built:
    """"Appointed for a three-year term", "назначается на три года", "masa jabatan tiga
    tahun": the years a Secretary General is appointed for, said where the sentence names
    the office (or its holder) and speaks of an appointment or a term; not how long someone
    held it ("headed the Organization for 13 years")."""
    number = _years_counted(m)
    if number is None or not (m.has("appoint", "term_word")):
        return None
    named = [o for o in m.clause.sentence.mentions if o.kind == "office" and o.key == "secretary_general"]
    held = [p for p in m.clause.sentence.mentions
            if p.kind == "person" and m.record.person_offices.get(p.key) == "secretary_general"]
    if not (named or held):
        return None
    said = m.clause.cues_of("appoint", "term_word")  # "tidak diangkat untuk masa jabatan tiga tahun"
    p = Proposition("about", (), "organization.organs[id=SG].term_years", "number", number.value, m.day,
                    polarity=not m.denied_near(number, *said), scope="fixed", qualifier=number.qualifier)
    return p, (*span(number), *span(m.cue))


_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?![\w-]|\.\w)", re.I)


@claim(
    "website",
    "organization",
    ("website",),
    OFF_TOPIC,
    N_("The record gives {value}."),
    label=N_("the Organization's website"),
)
def website(m: Match) -> Built:
    """ "Its website is odkb-csto.org", "Сайт odkb-csto.org": the address written after the
    word (the scheme and "www." aside), at most forty characters on."""
    after = m.clause.sentence.between(m.cue.end, m.clause.end)[:40]
    found = _DOMAIN.search(after)
    if found is None:
        return None
    start, end = m.cue.end + found.start(), m.cue.end + found.end()
    denied = m.denied or m.clause.denied(start + 1)  # "the site is not odkb-csto.org"
    p = Proposition("about", (), "organization.website.value.en", "mentions", found.group(1).lower(), m.day,
                    polarity=not denied, scope="fixed")
    return p, ((start, end),)


@claim(
    "name",
    "organization",
    ("@org",),
    (),
    N_("The record gives its names: {value}."),
    label=N_("the Organization's name"),
)
def name(m: Match) -> Built:
    """ "Collective Security Treaty Organization (CSTO)", "the CSTO, or Collective Security
    Treaty Organization,": a name given beside the abbreviation, in brackets or after "or"
    ("atau", "или", "also known as"), is a claim about the Organization's name."""
    tokens = m.clause.tokens
    index = next((i for i, t in enumerate(tokens) if t.start >= m.cue.end), None)
    before = next((i for i, t in enumerate(tokens) if t.start >= m.cue.start), None)
    if index is None or before is None:
        return None
    aliases = m.clause.cues_of("alias")
    if before > 0 and tokens[before - 1].text == "(" and tokens[index].text == ")":
        words = _words_before(tokens[max(0, before - 9) : before - 1])  # "Name (CSTO)"
    elif tokens[index].text == "(":  # "CSTO (Name)"
        close = next((i for i in range(index + 1, min(index + 11, len(tokens)))
                      if tokens[i].text == ")"), None)
        if close is None:
            return None
        words = tokens[index + 1 : close]
        # "(Collective Security Treaty Organization atau CSTO)": the name ends at "or"
        cut = next((c.first for c in aliases if index + 1 <= c.first < close), close)
        words = tokens[index + 1 : cut]
    elif tokens[index].text == "," and any(c.first == index + 1 for c in aliases):
        alias = next(c for c in aliases if c.first == index + 1)  # "CSTO, or Name,"
        rest = tokens[alias.last + 1 : alias.last + 11]
        words = rest[: next((i for i, t in enumerate(rest) if not t.text[:1].isalpha()), len(rest))]
    elif before > 1 and any(c.last == before - 1 for c in aliases) and tokens[before - 2].text == ",":
        alias = next(c for c in aliases if c.last == before - 1)  # "Name, or CSTO"
        words = _words_before(tokens[max(0, alias.first - 10) : alias.first - 1])
    elif not m.focus.named_in_full and _first_full_name(m):
        # the text's first full name ("Uzbekistan has rejoined the Collective Security Treaty
        # Organization"): it says what the Organization is called
        words = [t for t in tokens if m.cue.start <= t.start < m.cue.end]
    else:
        return None
    name_cues = [
        c
        for c in m.clause.cues_of("organization", "treaty", "collective_security")
        if words and c.start >= words[0].start and c.end <= words[-1].end
    ]
    if not name_cues or not words:
        return None
    text = m.clause.sentence.text
    offset = m.clause.sentence.start
    # a name begins with a capital: "aliansi Organisasi Perjanjian…" names the second word on
    capitals = [c.start for c in name_cues if text[c.start - offset : c.start - offset + 1].isupper()]
    start = min(capitals or [c.start for c in name_cues])
    written = " ".join(t.text for t in words if t.start >= start)
    if len(written.split()) < 3:
        return None
    p = Proposition("about", (), "organization.names.name", "name", written, m.day, scope="fixed")
    return p, ((start, words[-1].end), (m.cue.start, m.cue.end))
