"""``check``: a text in, its claims about the CSTO out, each judged on the day it speaks of.

The day: ``as_of`` when given, else the text's own date line, else today; a claim with a
date of its own ("in 2008", "sejak 2024", "в 2011 году") is judged on that date. Time
grows linearly with the text: one pass of the gazetteer's automaton, sentences split by
one regular expression, and frames that each look at one sentence.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from ..record.dates import as_day
from ..record.history import History
from . import dates as dates_mod
from .answer import CheckAnswer, ClaimCheck
from .claims import Claim
from .extract import Context, extract
from .gazetteer import fold, gazetteer
from .text import blank_markup, decode, main_language, sentences
from .verdicts import judge

_TODAY_TYPES = ("membership", "count", "official", "rule")


@cache
def _person_states(history: History) -> dict[str, str]:
    states: dict[str, set[str]] = {}
    for terms in history.terms.values():
        for term in terms:
            if term.person is not None and term.state:
                states.setdefault(term.person.en, set()).add(term.state)
    return {person: next(iter(codes)) for person, codes in states.items() if len(codes) == 1}


def check(
    raw: str | bytes, as_of: object = None, history: History | None = None, today: date | None = None
) -> CheckAnswer:
    """Check every claim ``raw`` makes about the CSTO; see the module's docstring."""
    from ..questions.api import _history

    h = _history(history)
    text = decode(raw)
    today = today or date.today()
    if as_of is not None:
        day, basis, line = as_day(as_of, "as-of"), "given", None
    else:
        found = dates_mod.date_line(text)
        if found is not None:
            day, basis, line = found[0], "date-line", text[found[1] : found[2]]
        else:
            day, basis, line = today, "today", None
    visible = blank_markup(text)
    folded = fold(visible)
    spans = sentences(visible)
    ctx = Context(text, folded, gazetteer().find(folded, visible), gazetteer(), day, _person_states(h))
    checks: list[ClaimCheck] = []
    for found_claim, sentence in extract(ctx, spans):
        claim = found_claim.claim
        claim_day, claim_basis = _claim_day(claim, found_claim.own_date, day, basis)
        judged = judge(claim, claim_day, h)
        checks.append(
            ClaimCheck(
                found_claim.start,
                found_claim.end,
                text[found_claim.start : found_claim.end],
                text[sentence.start : sentence.end],
                sentence.start,
                sentence.lang,
                claim.type,
                claim,
                claim_day,
                claim_basis,
                judged.verdict,
                judged.findings,
                judged.citations,
                judged.facts,
                judged.held,
                judged.alternatives,
            )
        )
    languages = tuple(sorted({s.lang for s in spans}))
    return CheckAnswer(day, basis, line, main_language(text, spans), languages, len(text), tuple(checks), h)


def _claim_day(claim: Claim, own: bool, day: date, basis: str) -> tuple[date, str]:
    """The day a claim is judged on, and why."""
    if claim.date is not None and (own or claim.type == "date"):
        if claim.type == "date" or claim.precision in (None, "day"):
            return _clip(claim.date), "claim"
        return _clip(_period_end(claim.date, claim.precision, day)), "claim"
    return day, basis


def _period_end(start: date, precision: str, day: date) -> date:
    """The last day of a year or month a claim names, or the text's day if it falls inside."""
    if precision == "year":
        end = date(start.year, 12, 31)
    else:
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        end = date.fromordinal(following.toordinal() - 1)
    return day if start <= day <= end else end


def _clip(day: date) -> date:
    from ..record.dates import EARLIEST, LATEST

    return min(max(day, EARLIEST), LATEST)
