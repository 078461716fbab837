"""The simulator's parameters fitted on the record and scored on the cases they were not
fitted on. Expected counts are read off data/cases.yaml by hand, and the priors off the
published rates; the outcome tests use the leave-one-out predictions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from scipy import stats

from csto.record.history import History
from csto.simulate.backtest import backtest
from csto.simulate.fit import Estimate, fit
from csto.simulate.run import calibration

from .conftest import ROOT, Run

COVERED = ("arm-2021", "kaz-2022", "arm-2022", "kgz-tjk-2021", "kgz-tjk-2022-01", "kgz-tjk-2022")
"""The recorded crises the Treaty's procedure covers (for the reading acted on, else the
first): not Kyrgyzstan 2010 (unrest before the 2010 wording), Tajikistan 2021 (a threat)
or Karabakh (outside the zone)."""


def _by_name(history: History, leave_out: str | None = None) -> dict[str, Estimate]:
    return {e.parameter: e for e in fit(history, leave_out).estimates}


def test_each_chance_is_fitted_on_what_the_record_shows(history: History) -> None:
    found = _by_name(history)
    # Requests recorded in the covered crises: Armenia 2021, Kazakhstan 2022, Armenia 2022,
    # Kyrgyzstan October 2022; none in the clashes of April 2021 and January 2022.
    assert found["request.probability"].data == {"successes": 4, "trials": 6}
    assert found["request.probability"].cases == COVERED
    # Of those four requests, forces came once (Kazakhstan 2022).
    assert found["stances.support"].data == {"successes": 1, "trials": 4}
    # Ten recorded positions (Kazakhstan 2022: five support; Armenia 2022: five stand aside):
    # no block, and every member took its case's common stance.
    assert found["stances.block"].data == {"successes": 0, "trials": 10}
    assert found["stances.follow"].data == {"successes": 10, "trials": 10}


def test_the_support_prior_comes_from_the_published_rates(history: History) -> None:
    """Centred on 41% (defence pacts, Berkemeier and Fuhrmann 2018) with 74.5% (Leeds, Long
    and Mitchell 2000) at its 95th percentile; updated by one success in four."""
    support = _by_name(history)["stances.support"]
    assert support.prior is not None and support.posterior is not None
    a, b = support.prior["a"], support.prior["b"]
    assert a / (a + b) == pytest.approx(0.41, abs=1e-6)
    assert stats.beta.ppf(0.95, a, b) == pytest.approx(0.745, abs=1e-4)
    assert support.posterior == pytest.approx({"a": a + 1, "b": b + 3})
    assert support.low == pytest.approx(stats.beta.ppf(0.05, a + 1, b + 3))
    assert support.estimate == pytest.approx((a + 1) / (a + b + 4))
    assert support.sources == ("berkemeier-fuhrmann-2018", "leeds-long-mitchell-2000")


def test_each_delay_is_fitted_on_the_recorded_days(history: History) -> None:
    found = _by_name(history)
    # Start to request: Kyrgyzstan 2010 (11 to 12 June), Armenia 2021 (12 to 14 May: the
    # letters of 14 May), Tajikistan 2021, Kazakhstan 2022, Armenia 2022 (same day),
    # Kyrgyzstan 2022 (14 Sep to 19 Oct): 1, 2, 0, 0, 0 and 35 days, each counted as the
    # middle of its day.
    request = found["delays.request"]
    assert request.data == {"delays": 6, "days": 1.5 + 2.5 + 0.5 * 3 + 35.5}
    # Request to decision or session: Kyrgyzstan 2010 (2 days), Kazakhstan 2022 (1),
    # Armenia 2022 (0).
    assert found["delays.decision"].data == {"delays": 3, "days": 2.5 + 1.5 + 0.5}
    # Decision to first troops, operation, withdrawal: Kazakhstan 2022 (0, 7 and 6 days).
    for step, days in (("deployment", 0.5), ("operation", 7.5), ("withdrawal", 6.5)):
        assert found[f"delays.{step}"].data == {"delays": 1, "days": days}
        assert found[f"delays.{step}"].cases == ("kaz-2022",)
    posterior = stats.gamma(1 + 6, scale=1 / (1 + 41.0))
    assert request.estimate == pytest.approx(42.0 / 6)
    assert request.high == pytest.approx(1 / posterior.ppf(0.05))


def test_what_is_assumed_says_why(history: History) -> None:
    assumed = {e.parameter for e in fit(history).estimates if e.status == "assumed"}
    assert assumed == {"delays.consultations", "contingents.median", "contingents.sigma"}
    for estimate in fit(history).estimates:
        assert estimate.why.en and estimate.why.id and estimate.why.ru
        assert (estimate.low is None) == (estimate.status == "assumed")


def test_leaving_a_case_out_removes_it_from_every_fit(history: History) -> None:
    without = _by_name(history, "kaz-2022")
    assert without["stances.support"].data == {"successes": 0, "trials": 3}
    assert without["stances.block"].data == {"successes": 0, "trials": 5}
    assert without["delays.deployment"].data == {"delays": 0, "days": 0}
    assert all("kaz-2022" not in e.cases for e in without.values() if e.status == "fitted")


def test_the_law_alone_rules_out_the_uncovered_cases(history: History) -> None:
    cases = {c.case: c for c in backtest(history).cases}
    for case in ("kgz-2010", "tjk-2021", "karabakh"):
        assert not cases[case].procedure
        assert cases[case].predicted["decision"] == cases[case].predicted["deployment"] == 0.0
        assert cases[case].predicted["request"] is None


def test_the_left_out_predictions_of_a_deployment(history: History) -> None:
    """Fitted without each case: no recorded case without forces gets even odds of them,
    Kazakhstan 2022 gets more than the constant rate would give it, and over all cases the
    model's deployment chances score better than both baselines."""
    result = backtest(history)
    cases = {c.case: c for c in result.cases}
    for case in cases.values():
        chance = case.predicted["deployment"]
        assert chance is not None
        if not case.observed["deployment"]:
            assert chance < 0.5, case.case
    kazakhstan = cases["kaz-2022"]
    ours, constant = (kazakhstan.predicted["deployment"],
                      kazakhstan.baselines["base-rate"]["deployment"])
    assert ours is not None and constant is not None and ours > constant
    brier, log_score = result.brier["deployment"], result.log_score["deployment"]
    assert brier is not None and log_score is not None
    for baseline in result.baselines.values():
        assert brier < (baseline.brier["deployment"] or 0.0)
        assert log_score > (baseline.log_score["deployment"] or 0.0)


def test_the_docs_show_the_backtest_as_it_is(history: History) -> None:
    """docs/simulation.md gives the scores the backtest computes, and says which baseline
    the model does not beat."""
    text = (ROOT / "docs" / "simulation.md").read_text(encoding="utf-8")
    result = backtest(history)
    for outcome in ("request", "decision", "deployment", "all"):
        row = re.search(rf"^\| {outcome} \|(.*)\|$", text, re.MULTILINE)
        assert row is not None, outcome
        cells = [c.strip() for c in row.group(1).split("|")]
        expected = [result.brier[outcome], result.baselines["base-rate"].brier[outcome],
                    result.baselines["leeds-long-mitchell-2000"].brier[outcome],
                    result.log_score[outcome], result.baselines["base-rate"].log_score[outcome],
                    result.baselines["leeds-long-mitchell-2000"].log_score[outcome]]
        assert cells == [f"{v:.3f}" for v in expected], outcome
    baselines = {"base-rate": "the constant base rate",
                 "leeds-long-mitchell-2000": "Leeds, Long and Mitchell's 74.5%"}
    scores = {"brier": "Brier score", "log_score": "log score"}
    for name, beaten in result.beats.items():
        for score, better in beaten.items():
            claim = (f"Against {baselines[name]}, on the {scores[score]}: the model "
                     f"{'beats it' if better else 'does not beat it'}.")
            assert claim in " ".join(text.split()), claim


def test_calibration_json_on_the_command_line(history: History,
                                              csto: Callable[..., Run]) -> None:
    run = csto("simulate", "--calibration", "--json")
    assert run.code == 0, run.err
    answer = json.loads(run.out)
    assert set(answer["backtest"]) >= {"cases", "brier", "log_score", "baselines"}
    assert set(answer["backtest"]["baselines"]) == {"base-rate", "leeds-long-mitchell-2000"}
    assert {"berkemeier-fuhrmann-2018", "leeds-long-mitchell-2000"} <= set(answer["sources"])
    assert len(answer["parameters"]) == len(calibration(history).parameters) == 12
    assert csto("simulate").code == 2


@pytest.mark.parametrize("lang, one_delay", [
    ("en", "1 recorded delay,"), ("ru", "1 записанная задержка,"), ("id", "1 jeda tercatat,")])
def test_the_calibration_table_counts_in_the_readers_grammar(
        csto: Callable[..., Run], lang: str, one_delay: str) -> None:
    """Kazakhstan 2022 alone dates the first troops: one delay, in the singular; the
    assumed rows give no data, their reasons follow the table."""
    run = csto("simulate", "--calibration", "--lang", lang)
    assert run.code == 0, run.err
    text = " ".join(run.out.split())
    assert one_delay in text
    assert "1 recorded delays" not in text
    assert re.search(r"(assumed|предполагается|diasumsikan) +- ", run.out)
