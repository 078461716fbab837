"""The one registry of questions: each declared once, every interface built from it.

A question is its API function, its answer type, a summary, and for each parameter what
an interface needs beyond the function's signature: its kind, help and, where it differs,
its public name. The parameter names, their order of call, defaults and whether each is
required are read from the API function itself, so its typed signature is the one
declaration of them. The Click commands, the lean ``--json`` path of the CLI,
``docs/cli.md``, the conformance runner, the REST routes and their OpenAPI description
are all derived from ``QUESTIONS``; renderers are chosen by answer type in
``csto.present.render``. Adding a question is one function in ``api`` and one
declaration here.
"""

from __future__ import annotations

from .._typing import TYPE_CHECKING, NamedTuple
from ..errors import InputError, NotFoundError
from ..record.vocab import ACTIONS, MATTERS, SITUATIONS, TERRITORIES
from ..rules import answers as r
from . import answers as a
from . import api

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from os import PathLike
    from typing import TypeVar

    from ..record.history import History
    from ..record.hypothetical import Scenario
    from .answers import Answer

    A = TypeVar("A", bound=Answer)

N_ = str

KINDS = ("day", "year", "country", "countries", "choice", "text")
"""``countries`` is a comma-separated list; every other kind is one value."""


class Spec(NamedTuple):
    """What an interface needs to know of one parameter beyond the function's signature."""

    kind: str
    help: str
    positional: bool = False
    choices: tuple[str, ...] = ()
    metavar: str | None = None
    name: str | None = None
    """The public name, where it is not the keyword (``case`` for ``case_id``)."""


class Param(NamedTuple):
    """One parameter: its public name (CLI option without ``--``, REST query name)."""

    name: str
    kind: str
    help: str
    keyword: str
    """The API function's keyword."""
    positional: bool = False
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str | None = None
    metavar: str | None = None
    collect: str | None = None
    """For ``countries`` params gathered into one mapping: the keyword receiving
    ``{state: name}`` (``decide`` takes ``positions``)."""


class Question(NamedTuple):
    name: str
    summary: str
    params: tuple[Param, ...]
    api: Callable[..., Answer]
    answer_type: type


def _signature(function: Callable[..., object]) -> dict[str, object]:
    """The function's parameters and their defaults (``REQUIRED`` for none), read without
    ``inspect``, which costs more than the whole lean path."""
    code = getattr(function, "__wrapped__", function).__code__
    names = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    original = getattr(function, "__wrapped__", function)
    defaults = original.__defaults__ or ()
    found: dict[str, object] = dict.fromkeys(names, REQUIRED)
    found.update(zip(names[code.co_argcount - len(defaults):code.co_argcount], defaults,
                     strict=True))
    found.update(original.__kwdefaults__ or {})
    found.pop("history", None)
    return found


REQUIRED = object()
"""A parameter without a default."""


def question(function: Callable[..., A], answer: type[A], summary: str, *,
                name: str | None = None, **specs: Spec | tuple[Spec, ...]) -> Question:
    """A question answered by ``function``; ``specs`` describe its parameters by keyword,
    in the order interfaces show them (a tuple gathers several public ``countries``
    parameters into one mapping)."""
    signature = _signature(function)
    if set(specs) != set(signature):
        raise TypeError(f"{function.__name__}: parameters {sorted(signature)} are described "
                        f"as {sorted(specs)}")
    params: list[Param] = []
    for keyword, described in specs.items():
        default = signature[keyword]
        if not isinstance(described, Spec):
            params += [Param(s.name or keyword, s.kind, s.help, keyword, metavar=s.metavar,
                             collect=keyword) for s in described]
            continue
        params.append(Param(
            described.name or keyword, described.kind, described.help, keyword,
            positional=described.positional, required=default is REQUIRED,
            choices=described.choices, metavar=described.metavar,
            default=None if default is REQUIRED or default is None else str(default)))
    return Question(name or function.__name__, summary, tuple(params), function, answer)


ON = Spec("day", N_("The day asked about (default: today)."), metavar="YYYY-MM-DD")
YEAR = Spec("year", N_("The year asked about (default: this year)."), metavar="YYYY")
STATE = Spec("country", N_("A state: ISO code or name in English, Indonesian or Russian."),
             positional=True)
STATES = "STATES"

QUESTIONS: dict[str, Question] = {q.name: q for q in (
    question(api.overview, a.OverviewAnswer, N_(
        "The organization on a day: members, observers, officials, documents in force."),
        on=ON),
    question(api.members, r.MembersAnswer, N_(
        "Members on a day, and the standing of every state that ever signed or observed."),
        on=ON),
    question(api.standing, r.StandingAnswer, N_(
        "One state's standing on a day, and whether the Treaty binds it."),
        state=STATE, on=ON),
    question(api.state_history, a.StateHistoryAnswer, N_(
        "One state's whole story, event by event, with the source of each."),
        name="history", state=STATE, on=ON),
    question(api.organization, a.OrganizationAnswer, N_(
        "The organization: names in eight languages, seat, language, milestones, organs."),
        name="about"),
    question(api.officials, r.OfficialsAnswer, N_(
        "The Secretary General and the chair of the Collective Security Council on a day."),
        on=ON),
    question(api.assist, r.AssistAnswer, N_(
        "Article 4: who must assist VICTIM, with what, and by which procedure."),
        victim=Spec("country", N_("The state attacked."), positional=True),
        against=Spec("country", N_("The aggressor, if known."), metavar="STATE"),
        on=ON,
        situation=Spec("choice", N_("What happened to the victim."), choices=SITUATIONS),
        territory=Spec("choice", N_("Whether it happened on the victim's own territory."),
                       choices=TERRITORIES)),
    question(api.step, r.StepAnswer, N_(
        "Whether ACTOR taking ACTION (towards TARGET) keeps the Treaty, and the lawful path."),
        actor=Spec("country", N_("The member taking the step."), positional=True),
        action=Spec("choice", N_("The step."), positional=True, choices=ACTIONS),
        target=Spec("text", N_("The alliance or grouping to join, or the state to use force "
                               "against or to host; none to withdraw."), positional=True),
        on=ON),
    question(api.base, r.BaseAnswer, N_(
        "Whose consent HOST needs to let GUEST station troops or military infrastructure."),
        host=Spec("country", N_("The member asked to host."), positional=True),
        guest=Spec("country", N_("The state whose forces would come."), positional=True),
        on=ON),
    question(api.chair, r.ChairAnswer, N_(
        "The chair of the Collective Security Council in a year: recorded, or by the rule."),
        year=YEAR),
    question(api.decide, r.DecisionAnswer, N_(
        "Whether BODY (CSC, CFM, CDM, CSSC, PC) adopts a draft under the consensus rule."),
        body=Spec("text", N_("The body: CSC, CFM, CDM, CSSC or PC."), positional=True),
        on=ON,
        positions=(
            Spec("countries", N_("Comma-separated members in favour."), metavar=STATES,
                 name="for"),
            Spec("countries", N_("Comma-separated members against."), metavar=STATES,
                 name="against"),
            Spec("countries", N_("Members abstaining as not interested."), metavar=STATES,
                 name="abstain"),
            Spec("countries", N_("Members taking no part (the default)."), metavar=STATES,
                 name="absent")),
        matter=Spec("choice", N_("What the body decides: any matter, or the appointment of the "
                                 "Secretary General."), choices=MATTERS)),
    question(api.documents, a.DocumentsAnswer, N_(
        "Treaty documents, and which are in force on a day."),
        on=ON),
    question(api.article, a.ArticleAnswer, N_(
        "One article (paraphrased) in the wording in force on a day, with its versions."),
        document=Spec("text", N_("The document id, such as cst or charter."), positional=True),
        number=Spec("text", N_("The article number, such as 4."), positional=True),
        on=ON),
    question(api.exercises, a.ExercisesAnswer, N_(
        "Exercises, by year, with hosts, size and sources."),
        year=Spec("year", N_("Only the exercises of this year."), metavar="YYYY")),
    question(api.forces, a.ForcesAnswer, N_(
        "The collective forces (CRDF CAR, CRRF, peacekeeping forces).")),
    question(api.cases, a.CasesAnswer, N_(
        "Historical requests for assistance: what the Treaty required beside what was done."),
        case_id=Spec("text", N_("One case id (default: every case)."), positional=True,
                     name="case")),
    question(api.groupings, a.GroupingsAnswer, N_(
        "Alliances and groupings with their stable ids (for 'csto step ... join-alliance').")),
    question(api.disputes, a.DisputesAnswer, N_(
        "Every fact where sources disagree: what csto chose, why, and the alternatives.")),
    question(api.changes, a.ChangesAnswer, N_(
        "What changed between two days: standings, documents in force and office holders, "
        "each with its sources."),
        start=Spec("day", N_("The first day (default: 15 May 1992, the record's earliest)."),
                   metavar="YYYY-MM-DD", name="from"),
        until=Spec("day", N_("The day the period ends, not included (default: today)."),
                   metavar="YYYY-MM-DD")),
)}


def split_list(value: str | None) -> list[str]:
    """A comma-separated list of states, without blanks."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def arguments(question: Question, values: Mapping[str, object]) -> dict[str, object]:
    """Keyword arguments of the API function from values by public parameter name.

    Values may be text as typed (CLI, REST) or Python values; missing ones take the
    declared default. ``countries`` params with ``collect`` are gathered into one mapping.
    """
    from collections.abc import Mapping

    if not isinstance(values, Mapping) or not all(isinstance(key, str) for key in values):
        raise InputError("the values of '{question}' are a mapping of parameter names to "
                         "values, not {kind}", field="values", question=question.name,
                         kind=type(values).__name__)
    unknown = set(values) - {p.name for p in question.params}
    if unknown:
        raise InputError("'{question}' takes no parameter '{value}'", field=sorted(unknown)[0],
                         question=question.name, value=sorted(unknown)[0])
    kwargs: dict[str, object] = {}
    for param in question.params:
        value = values.get(param.name, param.default)
        if value is None:
            if param.required:
                raise InputError("'{question}' needs '{name}'", field=param.name,
                                 question=question.name, name=param.name)
            continue
        if param.choices and value not in param.choices:
            raise InputError("'{value}' is not one of {known} (for '{name}')", field=param.name,
                             value=str(value), known=", ".join(param.choices), name=param.name)
        if param.collect:
            collected = kwargs.setdefault(param.collect, {})
            assert isinstance(collected, dict)
            items = split_list(value) if isinstance(value, str) else _items(value)
            for state in items:
                if state in collected:
                    raise InputError("{value} is given more than one position", field=param.name,
                                     value=state)
                collected[state] = param.name
            continue
        kwargs[param.keyword] = value
    return kwargs


def _items(value: object) -> list[object]:
    """The states of a ``countries`` value a Python caller gave as a list or tuple."""
    if not isinstance(value, list | tuple | set | frozenset):
        raise InputError("a list of states is text with commas or a list, not {kind}",
                         field="positions", kind=type(value).__name__)
    return list(value)


def find(name: str) -> Question:
    """The question called ``name``; ``NotFoundError`` names the known ones."""
    question = QUESTIONS.get(name) if isinstance(name, str) else None
    if question is None:
        raise NotFoundError("unknown question '{value}': use one of {known}", field="question",
                            value=str(name), known=", ".join(QUESTIONS))
    return question


def ask(name: str, values: Mapping[str, object] | None = None, history: History | None = None,
        scenario: str | PathLike[str] | Mapping[str, object] | Scenario | None = None) -> Answer:
    """Answer the question ``name`` with parameter values by public name, on ``history``
    or on a ``scenario`` (a file, a stored name or a mapping) over it."""
    question = find(name)
    kwargs = arguments(question, values or {})
    if scenario is not None:
        from ..scenario import load

        history = load(scenario, history).history
    if any(p.collect for p in question.params):
        kwargs.setdefault(next(p.collect for p in question.params if p.collect), {})
    return question.api(**kwargs, history=history)
