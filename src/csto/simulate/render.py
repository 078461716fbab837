"""The simulator's answers for a person: the crisis as a dated log with the article behind
each step, or a sweep as its result first, then tables."""

from __future__ import annotations

from typing import Any

from ..present import labels
from ..present.render import Page
from .answers import CrisisAnswer, SweepAnswer
from .process import Step

N_ = str

STEP_TEXT = {
    "request": N_("{actor} asks the other members for assistance."),
    "consultations": N_("The members hold joint consultations."),
    "position": N_("{actor}: {stance}."),
    "decision-adopted": N_("The Collective Security Council adopts a decision to assist ({rule})."),
    "decision-not-adopted": N_("The Collective Security Council adopts no decision to assist."),
    "report-unsc": N_("The measures are reported to the UN Security Council."),
    "no-one-bound": N_("No member is bound to carry the decision out: no forces are sent."),
    "deployment": N_("First troops of {actor} arrive: {troops}."),
    "withdrawal-start": N_("The operation ends; the withdrawal begins."),
    "withdrawal-done": N_("The withdrawal is complete."),
    "no-request": N_("{actor} does not ask for assistance, which the wording in force requires: "
                     "no collective procedure follows."),
    "no-procedure": N_("The Treaty gives no collective procedure for this crisis (see the "
                       "findings): nothing follows."),
}
STANCE = {"support": N_("supports"), "stand-aside": N_("stands aside, not interested"),
          "block": N_("blocks")}


def _step_line(page: Page, step: Step, rule: str | None) -> str:
    key = f"decision-{step.detail}" if step.code == "decision" else step.code
    text = page.t(STEP_TEXT[key], actor=page.loc.country(step.actor)
                  if step.actor in page.history.countries else step.actor,
                  stance=page.t(STANCE.get(step.detail or "", "-")) if step.detail else "",
                  troops=page.loc.number(step.troops or 0),
                  rule=page.label(labels.RULE, rule) if rule else "")
    law = "; ".join(page.short_citation(c) for c in step.citations[:2])
    when = page.t(N_("day {day}"), day=page.loc.number(round(step.day, 1)))
    return f"{page.day(step.date)} ({when}): {text}" + (f" [{law}]" if law else "")


def crisis(answer: CrisisAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    c = answer.crisis
    page.line(page.t(N_("A crisis played out: {victim} attacked on {date}."),
                     victim=page.loc.country(c.victim), date=page.day(c.day)))
    outcome = answer.outcome
    if outcome.deployed:
        page.line(page.t(N_("Outcome: forces deployed, {troops} troops; the operation ends on "
                            "{end}."), troops=page.loc.number(outcome.troops),
                         end=page.day(answer.end_date)))
    elif outcome.decided:
        page.line(page.t(N_("Outcome: a decision, but no forces.")))
    else:
        page.line(page.t(N_("Outcome: no collective decision to assist.")))
    page.heading(page.t(N_("What happens, step by step")))
    for step in answer.steps:
        page.line(_step_line(page, step, answer.law.decision_rule), "    ")
    page.findings(answer.findings)
    return page.finish()


def _percent(page: Page, value: float | None) -> str:
    if value is None:
        return "-"
    from babel.numbers import format_percent

    return str(format_percent(value, "#,##0.0%", locale=page.loc.lang))


def _days(page: Page, value: float | None) -> str:
    return "-" if value is None else page.t(N_("{days} days"), days=page.loc.number(
        round(value, 2)))


def sweep(answer: SweepAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    c = answer.crisis
    page.line(page.t(N_("{runs} crises drawn (seed {seed}): {victim} attacked on {date}."),
                     runs=page.loc.number(answer.runs), seed=answer.seed,
                     victim=page.loc.country(c.victim), date=page.day(c.day)))
    page.line(page.t(N_("Chance of a collective decision: {decision}; of a deployment: "
                        "{deployment}."), decision=_percent(page, answer.p_decision),
                     deployment=_percent(page, answer.p_deployment)))
    days, troops = answer.days_to_first_deployment, answer.troops
    page.heading(page.t(N_("Where forces are deployed")))
    page.table([page.t(N_("Measure")), page.t(N_("Mean")), page.t(N_("5%")),
                page.t(N_("Median")), page.t(N_("95%"))],
               [(page.t(N_("Days to the first troops")), _days(page, days.mean),
                 _days(page, days.p05), _days(page, days.p50), _days(page, days.p95)),
                (page.t(N_("Troops")), *(page.loc.number(round(v)) if v is not None else "-"
                                         for v in (troops.mean, troops.p05, troops.p50,
                                                   troops.p95)))])
    page.heading(page.t(N_("Whose stance matters most")))
    page.table([page.t(N_("State")), page.t(N_("Share of the outcome's variance")),
                page.t(N_("Deployment if it supports")), page.t(N_("if it stands aside")),
                page.t(N_("if it blocks"))],
               [(page.country(s.state), _percent(page, s.share),
                 _percent(page, s.p_deploy["support"]), _percent(page, s.p_deploy["stand-aside"]),
                 _percent(page, s.p_deploy["block"])) for s in answer.sensitivity])
    page.findings(answer.findings)
    return page.finish()


def render(answer: Any, lang: str, html: bool = False) -> str:
    if isinstance(answer, CrisisAnswer):
        return crisis(answer, lang, html)
    return sweep(answer, lang, html)
