"""The simulator's answers for a person: the crisis as a dated log with the article behind
each step, a sweep as its result first, then tables, or the calibration: every parameter
with its fit, and the backtest against the baselines."""

from __future__ import annotations

from ..present import labels
from ..present.render import Page
from .answers import CalibrationAnswer, CrisisAnswer, Interval, SweepAnswer
from .fit import Estimate
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
PARAMETER = {
    "request.probability": N_("Chance that the attacked member asks for assistance"),
    "stances.support": N_("A member's chance of supporting"),
    "stances.block": N_("A member's chance of blocking"),
    "stances.follow": N_("Share of members taking the common stance"),
    "delays.request": N_("Days to the request (mean)"),
    "delays.consultations": N_("Days of consultations (mean)"),
    "delays.decision": N_("Days from the request to the decision (mean)"),
    "delays.deployment": N_("Days from the decision to the first troops (mean)"),
    "delays.operation": N_("Days of the operation (mean)"),
    "delays.withdrawal": N_("Days of the withdrawal (mean)"),
    "contingents.median": N_("Troops per member (median)"),
    "contingents.sigma": N_("Spread of a contingent's size (lognormal sigma)"),
}
METHOD = {"beta-binomial": N_("Beta-Binomial update"),
          "gamma-exponential": N_("Gamma-Exponential update"), "assumed": N_("assumed")}
OUTCOME = {"request": N_("Request"), "decision": N_("Decision"),
           "deployment": N_("Deployment"), "all": N_("All"), "days": N_("Days to the first troops")}
BASELINE = {"base-rate": N_("Constant base rate"),
            "leeds-long-mitchell-2000": N_("Leeds, Long and Mitchell: 74.5%")}
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


def _interval(page: Page, value: Interval) -> str:
    return page.t(N_("{mean} (90%: {low} to {high})"), mean=_percent(page, value.mean),
                  low=_percent(page, value.p05), high=_percent(page, value.p95))


def sweep(answer: SweepAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    c = answer.crisis
    page.line(page.t(N_("{runs} crises drawn (seed {seed}): {victim} attacked on {date}."),
                     runs=page.loc.number(answer.runs), seed=answer.seed,
                     victim=page.loc.country(c.victim), date=page.day(c.day)))
    page.line(page.t(N_("Chance of a collective decision: {decision}; of a deployment: "
                        "{deployment}."), decision=_percent(page, answer.p_decision),
                     deployment=_percent(page, answer.p_deployment)))
    page.line(page.t(N_("Over the fitted parameters' uncertainty: a decision {decision}; a "
                        "deployment {deployment}."),
                     decision=_interval(page, answer.predictive["decision"]),
                     deployment=_interval(page, answer.predictive["deployment"])))
    if answer.fixed:
        page.line(page.t(N_("Fitted parameters fixed at their estimates (--fixed): the "
                            "interval holds no uncertainty of the fit.")))
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
    if answer.sobol:
        page.heading(page.t(N_("Which fitted parameter matters most (Sobol indices)")))
        page.table([page.t(N_("Outcome")), page.t(N_("Parameter")), page.t(N_("First order")),
                     page.t(N_("Total"))],
                    [(page.label(OUTCOME, s.outcome), page.label(PARAMETER, s.parameter),
                      _share(page, s.first, s.first_conf), _share(page, s.total, s.total_conf))
                     for s in answer.sobol])
    page.findings(answer.findings)
    return page.finish()


def _share(page: Page, value: float, conf: float) -> str:
    return f"{page.loc.number(round(value, 2))} ± {page.loc.number(round(conf, 2))}"


def _value(page: Page, estimate: Estimate, value: float | None) -> str:
    if value is None:
        return "-"
    if estimate.parameter.startswith(("request.", "stances.")):
        return _percent(page, value)
    return page.loc.number(round(value, 2))


def _case_names(page: Page, ids: tuple[str, ...] | list[str]) -> str:
    """Recorded cases by their titles in the reader's language, not their ids."""
    titles = {case.id: case.title for case in page.history.cases}
    return ", ".join(page.text(titles[i]) if i in titles else i for i in ids)


def _data(page: Page, estimate: Estimate) -> str:
    cases = _case_names(page, estimate.cases)
    if estimate.method == "beta-binomial":
        counted = page.t(N_("{successes} of {trials}"),
                         successes=int(estimate.data["successes"]),
                         trials=int(estimate.data["trials"]))
    elif estimate.method == "gamma-exponential":
        delays = int(estimate.data["delays"])
        counted = page.loc.ngettext("{delays} recorded delay, {days} days in all",
                                    "{delays} recorded delays, {days} days in all", delays).format(
            delays=page.loc.number(delays), days=page.loc.number(estimate.data["days"]))
    else:
        counted = "-"  # assumed: the reason follows the table
    return " ".join(part for part in (counted, f"({cases})" if cases else "",
                                      page.refs(estimate.sources)) if part)


def calibration(answer: CalibrationAnswer, lang: str, html: bool = False) -> str:
    page = Page(answer, lang, html)
    page.line(page.t(N_("The simulator's parameters: each fitted on the recorded cases "
                        "(the estimate, and the interval that holds it with a chance of 90%), or "
                        "assumed, with the reason.")))
    page.table([page.t(N_("Parameter")), page.t(N_("Estimate")), page.t(N_("Interval (90%)")),
                page.t(N_("Method")), page.t(N_("Data"))],
               [(page.label(PARAMETER, e.parameter), _value(page, e, e.estimate),
                 f"{_value(page, e, e.low)} - {_value(page, e, e.high)}"
                 if e.low is not None else "-", page.label(METHOD, e.method), _data(page, e))
                for e in answer.parameters])
    for e in answer.parameters:
        page.line(f"{page.label(PARAMETER, e.parameter)}: {page.text(e.why)}", "    ")
    backtest = answer.backtest
    page.heading(page.t(N_("Backtest: each recorded case predicted by the model fitted "
                           "without it")))
    page.table([page.t(N_("Case")), page.t(N_("Request")), page.t(N_("Decision")),
                page.t(N_("Deployment")), page.t(N_("Days to the first troops"))],
               [(_case_names(page, [c.case]), *(_observed(page, c.observed[o], c.predicted[o])
                           for o in ("request", "decision", "deployment")),
                 _observed(page, c.observed["days"], c.predicted["days"]))
                for c in backtest.cases])
    names = ["model", *backtest.baselines]
    page.table([page.t(N_("Score")), page.t(N_("Outcome")), page.t(N_("Model")),
                *(page.label(BASELINE, n) for n in backtest.baselines)],
               [(score, page.label(OUTCOME, o), *(
                   _score(page, (getattr(backtest, key) if n == "model" else
                                 getattr(backtest.baselines[n], key)).get(o)) for n in names))
                for score, key in (("Brier", "brier"), (page.t(N_("log score")), "log_score"))
                for o in (*("request", "decision", "deployment", "all"),
                          *(("days",) if key == "log_score" else ()))])
    for name, beaten in backtest.beats.items():
        page.line(page.t(N_("Against the {baseline}: the model {brier} on the Brier score and "
                            "{log} on the log score (over all outcomes)."),
                         baseline=page.label(BASELINE, name),
                         brier=page.t(N_("does better") if beaten["brier"] else
                                      N_("does NOT do better")),
                         log=page.t(N_("does better") if beaten["log_score"] else
                                    N_("does NOT do better"))))
    page.findings(answer.findings)
    return page.finish()


def _observed(page: Page, observed: bool | int | None, predicted: float | None) -> str:
    if observed is None and predicted is None:
        return "-"
    what = ("-" if observed is None else page.t(N_("yes")) if observed is True else
            page.t(N_("no")) if observed is False else page.loc.number(observed))
    return f"{what} ({_percent(page, predicted)})" if predicted is not None else what


def _score(page: Page, value: float | None) -> str:
    return "-" if value is None else page.loc.number(round(value, 3))


def render(answer: CrisisAnswer | SweepAnswer | CalibrationAnswer, lang: str,
           html: bool = False) -> str:
    if isinstance(answer, CrisisAnswer):
        return crisis(answer, lang, html)
    if isinstance(answer, CalibrationAnswer):
        return calibration(answer, lang, html)
    return sweep(answer, lang, html)
