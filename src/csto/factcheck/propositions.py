"""A claim as a proposition over a registry question: what to ask, which field of the answer
it speaks of, how the claimed value relates to it, whether the text affirms or denies it,
and the day it speaks of.

``Proposition`` is a plain value; ``evaluate`` asks the registry and compares. A field is
a path through the answer's typed values: ``members.iso3`` maps over the tuple of
standings, ``documents[id=cst].signed.date`` keeps the document whose ``id`` is ``cst``,
``changes[kind=lapse|withdraw].state`` keeps the changes of either kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import NamedTuple

Value = str | int | bool | date | tuple[str, ...] | None
"""What a proposition compares with: a name, a number, a truth, a day or a set of codes."""

RELATIONS = (
    "equals",  # the field's one value (or set of values) is the value
    "includes",  # every value is among the field's values (denied: none is)
    "count",  # the number of the field's values is the value (with a qualifier)
    "number",  # the field's one number is the value (with a qualifier)
    "date",  # the field's one day falls within [value, until]
    "any-date",  # one of the field's days falls within [value, until]
    "true",  # the field's one value is true
    "nonempty",  # the field has at least one value
    "mentions",  # the field's one text contains the value
    "every-year",  # the field's years cover every year from the first to the day's
    "months-after",  # the field's one day is ``value`` months after the day
    "overlaps",  # one of the field's records, from its start to its end, meets [value, until]
    "in",  # the field's one value is one of the values
    "name",  # the value, word by word by lemma, is one of the field's names
)


class Unknown(Exception):  # noqa: N818 (a result, not a failure)
    """The record does not hold enough to say: the claim is not checkable."""


SCOPES = ("on", "during", "ever", "fixed")
"""When the proposition is asked: on its day; on some day of [day, until]; on some day up
to its day (a "never" claim denies this); or once, for answers that take no day."""


class Proposition(NamedTuple):
    """One claim, put as a question to the registry."""

    question: str
    arguments: tuple[tuple[str, str], ...]
    field: str
    relation: str
    value: Value
    day: date
    polarity: bool = True
    scope: str = "on"
    until: date | None = None
    qualifier: str | None = None
    each: tuple[tuple[str, str], ...] = ()
    """(argument, value) pairs asked in turn: the claim holds only if it holds for each
    (a rule said of every member is asked with each member)."""

    def asked(self, day: date, takes_day: bool) -> Iterator[dict[str, str]]:
        """The argument sets to ask on ``day``."""
        base = dict(self.arguments)
        if takes_day:
            base["on"] = day.isoformat()
        if not self.each:
            yield base
            return
        for name, value in self.each:
            yield {**base, name: value}


def resolve(value: object, path: str) -> tuple[list[object], list[object]]:
    """The values at ``path`` in ``value``, and every record passed on the way (those a
    condition left out too: another reading of one of them may change the answer). Where
    the records reached hold nothing for the last field (an exercise whose participants
    the record does not give), the answer is unknown, not empty."""
    current: list[object] = [value]
    records: list[object] = []
    segments = path.split(".")
    for index, segment in enumerate(segments):
        name, _, condition = segment.partition("[")
        following: list[object] = []
        missing = 0
        for item in current:
            child = getattr(item, name, None) if name else item
            if child is None:
                missing += 1
                continue
            items = list(child) if isinstance(child, tuple) and not hasattr(child, "_fields") else [child]
            records.extend(i for i in items if hasattr(i, "_fields"))
            if condition:
                items = [i for i in items if _satisfies(i, condition.rstrip("]"))]
            following.extend(items)
        if index == len(segments) - 1 and current and missing == len(current) and name in UNRECORDED:
            raise Unknown
        current = following
    return current, records


UNRECORDED = frozenset({"participants", "troops", "aircraft", "equipment", "hosts"})
"""Fields a record may leave empty because the sources do not say, not because there is
nothing: an exercise's participants and size, a case's troops."""


def _satisfies(item: object, condition: str) -> bool:
    """Whether ``item`` meets every ``key=value|value`` of a condition; a key may reach
    into nested values (``case:readings:victim``), through tuples too. ``key~word``: the
    value, in small letters with hyphens for spaces, contains the word."""
    for clause in condition.split(","):
        if "~" in clause and "=" not in clause:
            key, _, word = clause.partition("~")
            if word not in str(getattr(item, key, "")).lower().replace(" ", "-"):
                return False
            continue
        key, _, wanted = clause.partition("=")
        values: list[object] = [item]
        for part in key.split(":"):
            following: list[object] = []
            for value in values:
                child = getattr(value, part, None)
                if isinstance(child, tuple) and not hasattr(child, "_fields"):
                    following.extend(child)
                elif child is not None:
                    following.append(child)
            values = following
        options = wanted.split("|")
        if not any(str(v) in options for v in values):
            return False
    return True


def holds(found: list[object], p: Proposition, day: date) -> bool:
    """Whether the claim, as the text puts it, is borne out by the field's values. A denied
    list denies each of its members ("A and B are not members": neither is)."""
    if p.relation == "includes" and not p.polarity:
        wanted = set(p.value) if isinstance(p.value, tuple) else {str(p.value)}
        return not (wanted & {str(v) for v in found})
    return compare(found, p, day) == p.polarity


def compare(found: list[object], p: Proposition, day: date) -> bool:
    """Whether the field's values stand to the claimed value as the relation says."""
    relation, value = p.relation, p.value
    if relation == "nonempty":
        return bool(found)
    if relation == "includes":
        wanted = set(value) if isinstance(value, tuple) else {str(value)}
        return wanted <= {str(v) for v in found}
    if relation == "count":
        return isinstance(value, int) and matches_number(len(found), value, p.qualifier)
    if relation == "name":
        return any(same_name(str(value), str(v)) for v in found)
    if relation == "every-year":
        # The record lists exercises, not every exercise: a yearly practice is borne out by
        # one in the year before the day; a year the record does not cover says nothing.
        years = {int(str(v)) for v in found if v is not None}
        if day.year - 1 in years:
            return True
        raise Unknown
    if relation == "overlaps":
        if not isinstance(value, date):
            return False
        if found and not any(isinstance(getattr(r, "start", None), date) for r in found):
            raise Unknown  # the record keeps no days for it
        last = p.until or value
        return any(_meets(r, value, last) for r in found)
    if len(found) != 1:
        if relation == "any-date":
            return any(within(v, p) for v in found)
        if relation == "equals" and isinstance(value, tuple):
            return {str(v) for v in found} == set(value)
        return False
    one = found[0]
    if relation == "equals":
        if isinstance(value, tuple):
            return {str(one)} == set(value)
        return one == value or str(one) == str(value)
    if relation == "number":
        return isinstance(one, int) and isinstance(value, int) and matches_number(one, value, p.qualifier)
    if relation in ("date", "any-date"):
        return within(one, p)
    if relation == "true":
        return one is True
    if relation == "in":
        return isinstance(value, tuple) and str(one) in value
    if relation == "mentions":
        return plain(str(value)) in plain(str(one))
    if relation == "months-after":
        return isinstance(one, date) and isinstance(value, int) and one == add_months(day, value)
    raise ValueError(f"unknown relation {relation!r}")


def same_name(written: str, official: str) -> bool:
    """Whether a name as written is the official one, word for word, allowing for case
    endings ("Организации Договора" is "Организация Договора") and spelling
    ("Organisation")."""
    if len(written.replace("-", " ").split()) != len(official.replace("-", " ").split()):
        return False  # word for word: no need to read the words of a name of another length
    if _cyrillic(written) != _cyrillic(official):
        return False  # nor of one in another alphabet (nor load the Russian dictionary for it)
    a, b = _name_words(written), _name_words(official)
    return len(a) == len(b) and all(x & y for x, y in zip(a, b, strict=True))


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


@lru_cache(maxsize=1024)
def _name_words(text: str) -> tuple[frozenset[str], ...]:
    """The keys of each word of a name (the record's names are read once per process; the
    cache is bounded, since names written in the texts a server checks are kept too)."""
    from .lexicon import lexicon
    from .words import keys

    cleaned = plain(text).replace("isation", "ization").replace("ё", "е")
    return tuple(keys(w, lexicon().indonesian) for w in cleaned.replace("-", " ").split() if w.isalpha())


def plain(text: str) -> str:
    """Lower case without diacritics: "Chişinău" and "Chisinau" are one name."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _meets(record: object, first: date, last: date) -> bool:
    """Whether a record running from its ``start`` to its ``end`` meets [first, last]."""
    start, end = getattr(record, "start", None), getattr(record, "end", None)
    if not isinstance(start, date):
        return False
    return start <= last and first <= (end if isinstance(end, date) else start)


def within(found: object, p: Proposition) -> bool:
    """Whether a day found lies in the period [value, until] the claim names."""
    if not isinstance(found, date) or not isinstance(p.value, date):
        return False
    return p.value <= found <= (p.until or p.value)


def matches_number(actual: int, claimed: int, qualifier: str | None) -> bool:
    """Whether ``actual`` bears out a claimed figure: "about" allows a tenth either way
    (a fifth for round thousands), "more than" and "up to" bound it on one side."""
    if qualifier == "more-than":
        return actual > claimed or (claimed >= 1000 and actual >= claimed)
    if qualifier == "less-than":
        return actual < claimed
    if qualifier == "up-to":
        return actual <= claimed
    if qualifier == "about" or claimed >= 1000:
        margin = 0.2 if claimed >= 1000 and claimed % 500 == 0 else 0.1
        return abs(actual - claimed) <= margin * claimed
    return actual == claimed


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the last day of a shorter month)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError("unreachable")
