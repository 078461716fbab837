"""The simulator: the recorded cases walked through the Treaty's procedure, the law read from
the rules, the two models and the exact chances agreeing with every parameter moved, the
same JSON from the same seed whatever the workers, and bad input refused."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

import numpy as np
import orjson
import pytest
from scipy import stats

from csto import Event, Source
from csto.errors import InputError
from csto.record.history import History
from csto.rules.decisions import decide
from csto.simulate import montecarlo as mc
from csto.simulate.assumptions import Model, Uncertain, defaults, model_from
from csto.simulate.chances import chances
from csto.simulate.legal import POSITION_OF, STANCES, Crisis, frame
from csto.simulate.process import play
from csto.simulate.replay import replay
from csto.simulate.run import crisis_of, play_once, sweep

ALPHA = 0.001
"""Level of the two-sample tests between the SimPy and the NumPy models."""

ATTACK = Crisis("ARM", date(2027, 4, 1), "AZE")


# The members of the Organization on each case's day (data/events.yaml): the six of 2012
# on; the victim asks and the aggressor takes no part.
MEMBERS = ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK")
COVERED = {"arm-2021": ("ARM", "AZE"), "kaz-2022": ("KAZ", None), "arm-2022": ("ARM", "AZE"),
           "kgz-tjk-2021": ("KGZ", "TJK"), "kgz-tjk-2022-01": ("KGZ", "TJK"),
           "kgz-tjk-2022": ("KGZ", "TJK")}
"""The cases whose crisis (as read) the Treaty covers, with who asks and who attacked."""
UNCOVERED = ("kgz-2010", "tjk-2021", "karabakh")
"""Unrest before the 2010 wording, a threat with no attack, fighting outside the zone."""
# The article behind each step, in the wording of the 2010 protocol (in force from 2012):
# the request for assistance (Art. 4), consultations (Art. 2), the Council's decision
# (Art. 6; Charter Art. 12), the report to the Security Council and the assistance (Art. 4,
# with Art. 51 of the UN Charter).
ARTICLE = {"request": "cst/4", "consultations": "cst/2", "position": "cst/6",
           "decision": "cst/6", "report-unsc": "cst/4", "deployment": "cst/4",
           "withdrawal-start": "cst/4", "withdrawal-done": "cst/4"}


@pytest.mark.parametrize("case_id", [*COVERED, *UNCOVERED])
def test_each_recorded_case_follows_the_treatys_path(history: History, case_id: str) -> None:
    """Replayed with every member supporting, each case walks the whole procedure: who acts,
    under which article and in which order, held to the Treaty, not to the case's outcome."""
    case = next(c for c in history.cases if c.id == case_id)
    if case_id in UNCOVERED:
        steps, outcome = replay(history, case, {})
        assert [s.code for s in steps] == ["no-procedure"] and not outcome.requested
        return
    victim, aggressor = COVERED[case_id]
    deciders = [m for m in MEMBERS if m not in (victim, aggressor)]
    steps, outcome = replay(history, case, dict.fromkeys(deciders, "support"))
    assert [(s.code, s.actor) for s in steps] == [
        ("request", victim), ("consultations", "members"),
        *(("position", m) for m in deciders), ("decision", "CSC"),
        ("report-unsc", "members"), *(("deployment", m) for m in deciders),
        ("withdrawal-start", "members"), ("withdrawal-done", "members")]
    for step in steps:
        first = step.citations[0]
        assert first.key == ARTICLE[step.code] and first.version == "cst-amendments-2010"
    assert outcome.deployed and [s.day for s in steps] == sorted(s.day for s in steps)
    blocked = replay(history, case, {**dict.fromkeys(deciders, "support"),
                                     deciders[0]: "block"})[0]
    assert [s.code for s in blocked][-1] == "decision" and blocked[-1].detail == "not-adopted"


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


AWAY = {"request": {"probability": 0.8, "delay": {"uniform": [0.5, 2.5]}},
        "delays": {"consultations": {"triangular": [0, 1, 2]}, "decision": {"uniform": [1, 3]},
                   "deployment": {"exponential": {"mean": 2}}, "operation": 9,
                   "withdrawal": 4},
        "stances": {"default": {"support": 0.55, "stand-aside": 0.3, "block": 0.15},
                    "RUS": {"support": 0.4, "stand-aside": 0.6}},
        "contingents": {"default": {"lognormal": {"median": 700, "sigma": 0.3}},
                        "RUS": {"lognormal": {"median": 3000, "sigma": 0.2}}}}
"""Every scenario-written parameter away from its fitted default."""


def _away(history: History) -> Model:
    """The model with every parameter away from its default, and a pool of two rows that
    move together (a model reading the pool's means instead of a row gives other chances
    and other delays)."""
    base = model_from(AWAY, defaults()[0].fixed(), history.resolve_country)
    pool = Uncertain(np.array([0.6, 0.95]), np.array([0.3, 0.8]), np.array([0.3, 0.05]),
                     np.array([0.8, 0.9]), {"request": np.array([0.5, 6.0]),
                                            "deployment": np.array([0.25, 4.0])})
    return base._replace(follow=0.6, stances={"RUS": base.stances["RUS"]}, uncertain=pool)


def _simpy_runs(history: History, model: Model, runs: int) -> dict[str, np.ndarray]:
    law = frame(history, ATTACK)
    rng = np.random.default_rng(11)
    outcomes = [play(law, model, rng)[1] for _ in range(runs)]
    return {
        "decided": np.array([o.decided for o in outcomes]),
        "deployed": np.array([o.deployed for o in outcomes]),
        "decision_day": np.array([o.decision_day for o in outcomes if o.decided]),
        "first_day": np.array([o.first_day for o in outcomes if o.deployed]),
        "troops": np.array([o.troops for o in outcomes if o.deployed]),
    }


def test_simpy_and_numpy_models_agree_with_every_parameter_moved(history: History) -> None:
    """The request's chance and delay, each step's delay, the default and a member's stance
    law, the common stance's share, the contingents and the pool of fitted parameters all
    differ from the defaults: a model that ignored any one would miss a count or a
    distribution here, and so would the exact chances."""
    model = _away(history)
    reference = _simpy_runs(history, model, 6000)
    plan = mc.plan(frame(history, ATTACK), model)
    fast = mc.draw(plan, 400_000, np.random.default_rng(12))
    exact = chances(plan)
    for name, theirs, share in (("decided", fast.decided, exact.decision.mean()),
                                ("deployed", fast.deployed, exact.deployment.mean())):
        count = int(reference[name].sum())
        assert stats.binomtest(count, len(reference[name]), float(theirs.mean())).pvalue > ALPHA
        assert stats.binomtest(count, len(reference[name]), float(share)).pvalue > ALPHA
        assert abs(float(theirs.mean()) - share) < 0.005, name
    for name, theirs in (("decision_day", fast.decision_day[fast.decided]),
                         ("first_day", fast.first_day[fast.deployed]),
                         ("troops", fast.troops[fast.deployed])):
        assert stats.ks_2samp(reference[name], theirs).pvalue > ALPHA, name


def test_ignoring_a_parameter_is_seen(history: History) -> None:
    """The agreement test has the power to see a model that ignores the common stance, the
    request's chance or the pool: each changes the chances by far more than its tolerance."""
    model = _away(history)
    law = frame(history, ATTACK)
    seen = chances(mc.plan(law, model))
    pool = model.uncertain
    assert pool is not None
    for changed in (model._replace(uncertain=pool._replace(follow=np.zeros(2))),
                    model._replace(uncertain=pool._replace(request_probability=np.ones(2))),
                    model._replace(uncertain=pool._replace(support=np.full(2, 0.5))),
                    model._replace(uncertain=None)):
        other = chances(mc.plan(law, changed))
        assert abs(other.decision.mean() - seen.decision.mean()) > 0.03 or abs(
            other.deployment.mean() - seen.deployment.mean()) > 0.03


def test_the_same_seed_gives_the_same_numbers_bit_for_bit(history: History) -> None:
    plan = mc.plan(frame(history, ATTACK), defaults()[0])
    runs = 2 * mc.BLOCK + 1234
    first, second = mc.sweep(plan, runs, 5), mc.sweep(plan, runs, 5)
    assert all(np.array_equal(np.asarray(a), np.asarray(b)) for a, b in zip(first, second,
                                                                       strict=True))
    assert mc.sweep(plan, runs, 6).sum_days != first.sum_days


def test_the_json_is_the_same_in_one_process_on_1_2_4_workers_and_on_dask(
        history: History) -> None:
    from dask.distributed import LocalCluster

    from csto.present.tojson import to_dict

    runs = 3 * mc.BLOCK + 99

    def json_of(**where: object) -> bytes:
        answer = sweep(history, ATTACK, None, runs, 21, **where)  # type: ignore[arg-type]
        return orjson.dumps(to_dict(answer))

    alone = json_of()
    for workers in (1, 2, 4):
        assert json_of(workers=workers) == alone, workers
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                      dashboard_address=None, silence_logs=40) as cluster:
        assert json_of(scheduler=cluster.scheduler_address) == alone


def test_dask_splits_into_any_number_of_blocks_per_task(history: History) -> None:
    from csto.simulate.distributed import sweep as distributed

    plan = mc.plan(frame(history, ATTACK), defaults()[0])
    runs = 3 * mc.BLOCK + 99
    alone = mc.sweep(plan, runs, 21)
    tally, used = distributed(plan, runs, 21, 1, None, blocks_per_task=1)
    assert used == 1
    assert all(np.array_equal(np.asarray(a), np.asarray(b))
               for a, b in zip(tally, alone, strict=True))


def test_fixed_keeps_the_point_estimates(history: History) -> None:
    drawn = sweep(history, ATTACK, runs=20_000, seed=2)
    fixed = sweep(history, ATTACK, runs=20_000, seed=2, fixed=True)
    low, high = drawn.predictive["deployment"].p05, drawn.predictive["deployment"].p95
    assert low < drawn.predictive["deployment"].mean < high and high - low > 0.2
    point = fixed.predictive["deployment"]
    assert point.p05 == point.mean == point.p95 and fixed.fixed and not fixed.sobol
    assert abs(fixed.p_deployment - point.mean) < 0.01
    names = {s.parameter for s in drawn.sobol if s.outcome == "deployment"}
    assert names == {"request.probability", "stances.support", "stances.block",
                     "stances.follow"}
    top = max((s for s in drawn.sobol if s.outcome == "deployment"), key=lambda s: s.total)
    assert top.parameter == "stances.support"


def test_sensitivity_finds_the_member_that_decides(history: History) -> None:
    spec = {"request": {"probability": 1},
            "stances": {"default": "support", "RUS": {"support": 0.5, "block": 0.5}}}
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
