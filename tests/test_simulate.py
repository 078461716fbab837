"""The simulator: the record replayed, the law read from the rules, the two models agreeing,
the same numbers from the same seed whatever the workers, and bad input refused."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

import numpy as np
import pytest
from scipy import stats

from csto import Event, Source
from csto.errors import InputError
from csto.record.history import History
from csto.rules.decisions import decide
from csto.simulate import montecarlo as mc
from csto.simulate.assumptions import defaults, model_from
from csto.simulate.legal import POSITION_OF, STANCES, Crisis, frame
from csto.simulate.process import play
from csto.simulate.replay import replay
from csto.simulate.run import crisis_of, play_once, sweep

ALPHA = 0.001
"""Level of the two-sample tests between the SimPy and the NumPy models."""

ATTACK = Crisis("ARM", date(2027, 4, 1), "AZE")


@pytest.mark.parametrize("case_id", ["kgz-2010", "kaz-2022", "arm-2022", "arm-2021",
                                     "kgz-tjk-2022", "karabakh", "tjk-2021"])
def test_each_recorded_case_replays_as_it_happened(history: History, case_id: str) -> None:
    case = next(c for c in history.cases if c.id == case_id)
    steps, outcome = replay(history, case)
    assert outcome.deployed == (case.outcome == "deployment")
    timeline = {s.step: s.date for s in case.timeline}
    dated = {s.code: s.date for s in steps}
    if outcome.deployed:
        assert dated["decision"] == timeline["decision"]
        assert dated["deployment"] == timeline["first-deployment"]
        assert dated["withdrawal-start"] == timeline["withdrawal-start"]
        assert dated["withdrawal-done"] == timeline["withdrawal-done"]
        assert {s.actor for s in steps if s.code == "deployment"} == {
            p.state for p in case.positions if p.stance == "support"}
    elif "request" in timeline and "request" in dated:
        assert dated["request"] == timeline["request"]


def test_the_decision_table_is_the_consensus_rule(history: History) -> None:
    law = frame(history, ATTACK)
    snap = history.at(ATTACK.day)
    assert law.deciders == ("BLR", "KAZ", "KGZ", "RUS", "TJK")
    for combination in product(STANCES, repeat=len(law.deciders)):
        stances = dict(zip(law.deciders, combination, strict=True))
        positions = {s: POSITION_OF[v] for s, v in stances.items()} | {"ARM": "for"}
        ruled = decide(snap, "CSC", positions)
        adopted, deployers = law.outcome(stances)
        assert adopted == ruled.adopted
        assert set(deployers) == set(ruled.bound) - {"ARM"}


def test_the_wording_in_force_decides_whether_a_request_is_needed(history: History) -> None:
    assert frame(history, ATTACK).request_required
    assert not frame(history, Crisis("ARM", date(2010, 1, 1), "AZE")).request_required
    nobody = frame(history, Crisis("GEO", date(2010, 1, 1), "RUS"))
    assert not nobody.applies and nobody.answer.obliged == ()


def _simpy_runs(history: History, runs: int) -> dict[str, np.ndarray]:
    law = frame(history, ATTACK)
    model, _ = defaults()
    rng = np.random.default_rng(11)
    outcomes = [play(law, model, rng)[1] for _ in range(runs)]
    return {
        "decided": np.array([o.decided for o in outcomes]),
        "decision_day": np.array([o.decision_day for o in outcomes if o.decided]),
        "first_day": np.array([o.first_day for o in outcomes if o.deployed]),
        "troops": np.array([o.troops for o in outcomes if o.deployed]),
    }


def test_simpy_and_numpy_models_agree_in_distribution(history: History) -> None:
    reference = _simpy_runs(history, 3000)
    plan = mc.plan(frame(history, ATTACK), defaults()[0])
    fast = mc.draw(plan, 200_000, np.random.default_rng(12))
    decided = int(reference["decided"].sum())
    p = float(fast.decided.mean())
    assert stats.binomtest(decided, len(reference["decided"]), p).pvalue > ALPHA
    for name, theirs in (("decision_day", fast.decision_day[fast.decided]),
                         ("first_day", fast.first_day[fast.deployed]),
                         ("troops", fast.troops[fast.deployed])):
        assert stats.ks_2samp(reference[name], theirs).pvalue > ALPHA, name


def test_the_same_seed_gives_the_same_numbers_bit_for_bit(history: History) -> None:
    plan = mc.plan(frame(history, ATTACK), defaults()[0])
    runs = 2 * mc.BLOCK + 1234
    first, second = mc.sweep(plan, runs, 5), mc.sweep(plan, runs, 5)
    assert all(np.array_equal(np.asarray(a), np.asarray(b)) for a, b in zip(first, second,
                                                                       strict=True))
    assert mc.sweep(plan, runs, 6).sum_days != first.sum_days


def test_dask_gives_the_numbers_of_one_process_whatever_the_split(history: History) -> None:
    from csto.simulate.distributed import sweep as distributed

    plan = mc.plan(frame(history, ATTACK), defaults()[0])
    runs = 3 * mc.BLOCK + 99
    alone = mc.sweep(plan, runs, 21)
    for workers, per_task in ((2, 1), (1, 8)):
        tally, used = distributed(plan, runs, 21, workers, None, blocks_per_task=per_task)
        assert used == workers
        assert all(np.array_equal(np.asarray(a), np.asarray(b))
                   for a, b in zip(tally, alone, strict=True))


def test_sensitivity_finds_the_member_that_decides(history: History) -> None:
    spec = {"stances": {"default": "support", "RUS": {"support": 0.5, "block": 0.5}}}
    answer = sweep(history, ATTACK, spec, runs=50_000, seed=3)
    assert answer.sensitivity[0].state == "RUS" and answer.sensitivity[0].share > 0.95
    assert all(s.share < 0.01 for s in answer.sensitivity[1:])
    assert answer.sensitivity[0].p_deploy["block"] == 0.0
    assert 0.45 < answer.p_deployment < 0.55


def test_a_scenario_history_holds_its_crisis(history: History) -> None:
    note = Source(id="sim-note", title="what-if")
    events = [Event(id="attack", date=date(2027, 3, 1), state="KAZ", kind="aggression",
                    by="CHN", sources=("sim-note",)),
              Event(id="ask", date=date(2027, 3, 3), state="KAZ", kind="request-assistance",
                    sources=("sim-note",))]
    scenario = history.with_events(events, sources=[note])
    crisis, delay = crisis_of(scenario)
    assert crisis == Crisis("KAZ", date(2027, 3, 1), "CHN") and delay == 2.0
    answer = play_once(scenario, seed=1)
    request = next(s for s in answer.steps if s.code == "request")
    assert request.date == date(2027, 3, 3)
    assert request.citations[0].key == "cst/4"


@pytest.mark.parametrize("spec, fragment", [
    ({"stances": {"RUS": {"support": 1.2, "block": -0.2}}}, "below 0"),
    ({"stances": {"RUS": {"support": 0.5, "block": 0.2}}}, "sum to 0.7"),
    ({"stances": {"Atlantis": "support"}}, "unknown country 'Atlantis'"),
    ({"delays": {"decision": -1}}, "below 0"),
    ({"delays": {"decision": {"triangular": [3, 1, 2]}}}, "must rise"),
    ({"delays": {"teleport": 1}}, "give laws for"),
    ({"contingents": {"default": {"lognormal": {"median": 0, "sigma": 1}}}}, "above 0"),
    ({"request": {"probability": 2}}, "between 0 and 1"),
    ({"weather": 1}, "unknown part 'weather'"),
])
def test_bad_assumptions_are_refused_in_one_line(history: History, spec: object,
                                                fragment: str) -> None:
    with pytest.raises(InputError) as info:
        model_from(spec, defaults()[0], history.resolve_country)
    assert fragment in str(info.value) and "\n" not in str(info.value)


def test_bad_sweeps_are_refused(history: History) -> None:
    with pytest.raises(InputError, match="holds no crisis"):
        crisis_of(history)
    with pytest.raises(InputError, match="runs must be"):
        sweep(history, ATTACK, runs=0)
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        sweep(history, ATTACK, runs=10, scheduler="tcp://127.0.0.1:9")


def test_one_crisis_log_reads_in_three_languages(history: History) -> None:
    from csto.simulate.render import render

    answer = play_once(history, ATTACK, seed=4)
    days = [s.day for s in answer.steps]
    assert days == sorted(days)
    assert all(s.date == ATTACK.day + timedelta(days=int(s.day)) for s in answer.steps)
    english, russian = render(answer, "en"), render(answer, "ru")
    assert "Treaty, Art. 4" in english and "Договор, ст. 4" in russian
