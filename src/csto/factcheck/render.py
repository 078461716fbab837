"""The report of ``csto check`` for a person, in the reader's language.

Each claim: its words marked in its sentence, what it claims, the day it was judged on and
why, the verdict, then what csto found (what holds instead, when it held, the other
sources' values), the articles in the wording in force and the numbered sources. The
marks are ⟦ ⟧; ``highlight`` turns them into bold underlined text on a terminal.
"""

from __future__ import annotations

from ..present.i18n import join
from ..present.render import Page
from .answer import CheckAnswer, ClaimCheck

N_ = str
OPEN, CLOSE = "⟦", "⟧"

VERDICTS = {
    "holds": N_("holds"),
    "does-not-hold": N_("does not hold"),
    "outdated": N_("outdated"),
    "disputed": N_("disputed"),
    "not-checkable": N_("not checkable"),
}
TYPES = {
    "membership": N_("membership"),
    "count": N_("count"),
    "date": N_("date"),
    "place": N_("place"),
    "official": N_("official"),
    "rule": N_("rule"),
    "exercise": N_("exercise"),
    "case": N_("request for assistance"),
    "organization": N_("the organization"),
}
BASES = {
    "claim": N_("the claim's own date"),
    "given": N_("the date given"),
    "date-line": N_("the text's date line"),
    "today": N_("today: the text has no date line"),
}


def mark(sentence: str, start: int, end: int) -> str:
    """The sentence on one line, with [start, end) (offsets in the sentence) marked."""
    start, end = max(0, start), min(len(sentence), end)
    sentence = sentence.replace(OPEN, "[").replace(CLOSE, "]")
    marked = sentence[:start] + OPEN + sentence[start:end] + CLOSE + sentence[end:]
    return " ".join(marked.split())


def highlight(text: str) -> str:
    """The marks as ANSI bold underline, for a terminal."""
    return text.replace(OPEN, "\x1b[1;4m").replace(CLOSE, "\x1b[0m")


def _describe(page: Page, item: ClaimCheck) -> str:
    """What the claim says, in words: what it is about, and the value it gives (denied
    where the text denies it)."""
    from datetime import date

    from .claimtypes import TYPES as CLAIM_TYPES

    kinds = {t.name: t.label for t in CLAIM_TYPES}
    about = page.t(kinds.get(item.claim.kind, item.claim.kind))
    p = item.claim.proposition
    if p is None or p.value is None or p.relation == "nonempty":
        value = ""
    elif isinstance(p.value, tuple) and all(len(v) == 3 and v.isupper() for v in p.value):
        value = page.countries(p.value)
    elif isinstance(p.value, bool):
        value = ""
    elif isinstance(p.value, int):
        value = page.loc.number(p.value)
    elif isinstance(p.value, date):
        value = (
            page.day(p.value) if p.until in (None, p.value) else f"{page.day(p.value)}–{page.day(p.until)}"
        )
    else:
        value = str(p.value)
    said = f"{about}: {value}" if value else about
    if p is not None and not p.polarity:
        return page.t(N_("{claim} (denied)"), claim=said)
    return said


def check(answer: CheckAnswer, lang: str, html: bool = False) -> str:
    """The report for a person; with ``html``, a fragment whose marks are ``<mark>``."""
    page = Page(answer, lang, html)
    basis = page.t(BASES[answer.as_of_basis])
    languages = join(
        [page.loc.gettext(LANGUAGE_NAMES[code]) for code in answer.languages if code in LANGUAGE_NAMES],
        page.loc.lang,
    )
    page.line(
        page.t(
            N_(
                "Claims about the CSTO: {count}, in {size} characters ({languages}); "
                "the text speaks of {date} ({basis})."
            ),
            count=len(answer.claims),
            size=answer.characters,
            languages=languages or "-",
            date=page.day(answer.as_of),
            basis=basis,
        )
    )
    tally: dict[str, int] = {}
    for item in answer.claims:
        tally[item.verdict] = tally.get(item.verdict, 0) + 1
    if tally:
        page.line(", ".join(f"{page.t(VERDICTS[v])}: {n}" for v, n in tally.items()))
    for number, item in enumerate(answer.claims, start=1):
        _claim(page, number, item)
    done = page.finish()
    return done.replace(OPEN, "<mark>").replace(CLOSE, "</mark>") if html else done


def _claim(page: Page, number: int, item: ClaimCheck) -> None:
    verdict = page.t(VERDICTS[item.verdict]).upper()
    page.heading(f"{number}. {verdict} — {page.t(TYPES[item.type])}")
    page.line(mark(item.sentence, item.start - item.sentence_start, item.end - item.sentence_start), "  ")
    page.line(page.t(N_("Claim: {claim}"), claim=_describe(page, item)), "  ")
    page.line(
        page.t(
            N_("Judged on {date} ({basis})."),
            date=page.day(item.as_of),
            basis=page.t(BASES[item.as_of_basis]),
        ),
        "  ",
    )
    for finding in item.findings:
        sources = [s for c in finding.citations for s in c.sources] + [
            s for f in finding.facts for s in f.sources
        ]
        page.line(f"• {page.loc.format(finding)} {page.refs(sources)}".rstrip(), "  ")
    for alternative in item.alternatives:
        if alternative.value is not None:
            shown = page.text(alternative.value)
        elif alternative.date is not None:
            shown = page.day(alternative.date, alternative.precision or "day")
        else:
            shown = "-"
        page.line(
            page.t(
                N_("• another source gives: {value} {refs} (not chosen: {why})"),
                value=shown,
                refs=page.refs(alternative.sources),
                why=page.text(alternative.why_not),
            ),
            "  ",
        )
    cites = page.t(N_("cites"))
    for citation in item.citations:
        page.line(
            f"  {cites} {page.citation(citation)} {page.refs(citation.sources)}".rstrip(),
            "    ",
        )
    facts = [s for f in item.facts for s in f.sources]
    if facts:
        page.line(page.t(N_("Evidence: {refs}"), refs=page.refs(facts)), "  ")


LANGUAGE_NAMES = {"id": N_("Indonesian"), "en": N_("English"), "ru": N_("Russian")}
