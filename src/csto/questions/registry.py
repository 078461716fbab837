"""The one registry of questions: each declared once, every interface built from it.

A ``Question`` names its parameters (with their kind, choices and help), the API function
that answers it, the type of its answer and the function that renders it for a person.
The Click commands, the lean ``--json`` path of the CLI, ``docs/cli.md``, the conformance
runner and the REST routes are all derived from ``QUESTIONS``. Adding a question is one
declaration here and one function in ``api``.

This module imports nothing heavy: the CLI reads it on every start.
"""

from __future__ import annotations

from importlib import import_module

from .._typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

N_ = str

KINDS = ("day", "year", "country", "countries", "choice", "text")
"""``countries`` is a comma-separated list; every other kind is one value."""


class Param(NamedTuple):
    """One parameter: its public name (CLI option without ``--``, REST query name)."""

    name: str
    kind: str
    help: str
    positional: bool = False
    required: bool = False
    choices: tuple[str, ...] = ()
    default: str | None = None
    metavar: str | None = None
    arg: str | None = None
    """The API function's keyword, where it is not ``name`` (``for`` is a Python keyword)."""
    collect: str | None = None
    """For ``countries`` params gathered into one mapping: the keyword receiving
    ``{state: name}`` (``decide`` takes ``positions``)."""

    @property
    def keyword(self) -> str:
        return self.arg or self.name


class Question(NamedTuple):
    name: str
    summary: str
    params: tuple[Param, ...]
    function: str
    answer: str
    render: str

    def resolve(self, dotted: str) -> Any:
        module, _, attribute = dotted.partition(":")
        return getattr(import_module(module), attribute)

    @property
    def api(self) -> Any:
        return self.resolve(self.function)

    @property
    def answer_type(self) -> type:
        return self.resolve(self.answer)  # type: ignore[no-any-return]

    @property
    def renderer(self) -> Any:
        return self.resolve(self.render)


ON = Param("on", "day", N_("The day asked about (default: today)."), metavar="YYYY-MM-DD")
YEAR = Param("year", "year", N_("The year asked about (default: this year)."), metavar="YYYY")
STATE = Param("state", "country", N_("A state: ISO code or name in English, Indonesian or "
                                     "Russian."), positional=True, required=True)
SITUATIONS = ("armed-attack", "internal-unrest", "threat")
TERRITORIES = ("inside", "outside")
ACTIONS = ("join-alliance", "withdraw", "use-force-against", "host-base")
MATTERS = ("general", "appointment")


_RULED = {"MembersAnswer", "StandingAnswer", "OfficialsAnswer", "AssistAnswer", "BaseAnswer",
          "StepAnswer", "ChairAnswer", "DecisionAnswer"}


def _q(name: str, summary: str, *params: Param, answer: str, render: str | None = None,
       function: str | None = None) -> Question:
    return Question(name, summary, params, f"csto.questions.api:{function or name}",
                    f"csto.{'rules' if answer in _RULED else 'questions'}.answers:{answer}",
                    f"csto.present.render:{render or name}")


QUESTIONS: dict[str, Question] = {q.name: q for q in (
    _q("overview", N_("The organization on a day: members, observers, officials, documents in "
                      "force."), ON, answer="OverviewAnswer"),
    _q("members", N_("Members on a day, and the standing of every state that ever signed or "
                     "observed."), ON, answer="MembersAnswer"),
    _q("standing", N_("One state's standing on a day, and whether the Treaty binds it."),
       STATE, ON, answer="StandingAnswer"),
    _q("history", N_("One state's whole story, event by event, with the source of each."),
       STATE, ON, answer="StateHistoryAnswer", function="state_history"),
    _q("about", N_("The organization: names in eight languages, seat, language, milestones, "
                   "organs."), answer="OrganizationAnswer", function="organization"),
    _q("officials", N_("The Secretary General and the chair of the Collective Security Council "
                       "on a day."), ON, answer="OfficialsAnswer"),
    _q("assist", N_("Article 4: who must assist VICTIM, with what, and by which procedure."),
       Param("victim", "country", N_("The state attacked."), positional=True, required=True),
       Param("against", "country", N_("The aggressor, if known."), metavar="STATE"),
       ON,
       Param("situation", "choice", N_("What happened to the victim."), choices=SITUATIONS,
             default="armed-attack"),
       Param("territory", "choice", N_("Whether it happened on the victim's own territory."),
             choices=TERRITORIES, default="inside"),
       answer="AssistAnswer"),
    _q("step", N_("Whether ACTOR taking ACTION (towards TARGET) keeps the Treaty, and the lawful "
                  "path."),
       Param("actor", "country", N_("The member taking the step."), positional=True,
             required=True),
       Param("action", "choice", N_("The step."), positional=True, required=True,
             choices=ACTIONS),
       Param("target", "text", N_("An alliance id (join-alliance) or a state (use-force-against, "
                                  "host-base); none for withdraw."), positional=True),
       ON, answer="StepAnswer"),
    _q("base", N_("Whose consent HOST needs to let GUEST station troops or military "
                  "infrastructure."),
       Param("host", "country", N_("The member asked to host."), positional=True, required=True),
       Param("guest", "country", N_("The state whose forces would come."), positional=True,
             required=True),
       ON, answer="BaseAnswer"),
    _q("chair", N_("The chair of the Collective Security Council in a year: recorded, or by the "
                   "rule."), YEAR, answer="ChairAnswer"),
    _q("decide", N_("Whether BODY (CSC, CFM, CDM, CSSC, PC) adopts a draft under the consensus "
                    "rule."),
       Param("body", "text", N_("The body: CSC, CFM, CDM, CSSC or PC."), positional=True,
             required=True),
       ON,
       Param("for", "countries", N_("Comma-separated members in favour."), metavar="STATES",
             collect="positions"),
       Param("against", "countries", N_("Comma-separated members against."), metavar="STATES",
             collect="positions"),
       Param("abstain", "countries", N_("Members abstaining as not interested."),
             metavar="STATES", collect="positions"),
       Param("absent", "countries", N_("Members taking no part (the default)."),
             metavar="STATES", collect="positions"),
       Param("matter", "choice", N_("'appointment' is the appointment of the Secretary "
                                    "General."), choices=MATTERS, default="general"),
       answer="DecisionAnswer"),
    _q("documents", N_("Treaty documents, and which are in force on a day."), ON,
       answer="DocumentsAnswer"),
    _q("article", N_("One article (paraphrased) in the wording in force on a day, with its "
                     "versions."),
       Param("document", "text", N_("The document id, such as cst or charter."),
             positional=True, required=True),
       Param("number", "text", N_("The article number, such as 4."), positional=True,
             required=True),
       ON, answer="ArticleAnswer"),
    _q("exercises", N_("Exercises, by year, with hosts, size and sources."),
       Param("year", "year", N_("Only the exercises of this year."), metavar="YYYY"),
       answer="ExercisesAnswer"),
    _q("forces", N_("The collective forces (CRDF CAR, CRRF, peacekeeping forces)."),
       answer="ForcesAnswer"),
    _q("cases", N_("Historical requests for assistance: what the Treaty required beside what "
                   "was done."),
       Param("case", "text", N_("One case id (default: every case)."), positional=True,
             arg="case_id"),
       answer="CasesAnswer"),
    _q("groupings", N_("Alliances and groupings with their stable ids (for 'csto step ... "
                       "join-alliance')."), answer="GroupingsAnswer"),
    _q("disputes", N_("Every fact where sources disagree: what csto chose, why, and the "
                      "alternatives."), answer="DisputesAnswer"),
)}


def split_list(value: str | None) -> list[str]:
    """A comma-separated list of states, without blanks."""
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def arguments(question: Question, values: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments of the API function from values by public parameter name.

    Values may be text as typed (CLI, REST) or Python values; missing ones take the
    declared default. ``countries`` params with ``collect`` are gathered into one mapping.
    """
    from ..errors import InputError

    unknown = set(values) - {p.name for p in question.params}
    if unknown:
        raise InputError("'{question}' takes no parameter '{value}'", field=sorted(unknown)[0],
                         question=question.name, value=sorted(unknown)[0])
    kwargs: dict[str, Any] = {}
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
            items = split_list(value) if isinstance(value, str) else list(value)
            for state in items:
                if state in collected:
                    raise InputError("{value} is given more than one position", field=param.name,
                                     value=state)
                collected[state] = param.name
            continue
        kwargs[param.keyword] = value
    return kwargs


def find(name: str) -> Question:
    """The question called ``name``; ``NotFoundError`` names the known ones."""
    question = QUESTIONS.get(name)
    if question is None:
        from ..errors import NotFoundError

        raise NotFoundError("unknown question '{value}': use one of {known}", field="question",
                       value=str(name), known=", ".join(QUESTIONS))
    return question


def ask(name: str, values: dict[str, Any] | None = None, history: Any = None,
        scenario: Any = None) -> Any:
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
