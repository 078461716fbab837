"""The simulator's assumptions: members' stances and the delays of each step, as inputs.

Each is a fixed value or a probability law, given in a scenario's ``model:`` section, or
taken from the defaults: the parameters fitted on the recorded cases (``fit.py``, from the
priors and reasons of ``calibration.yaml``). A fitted parameter the scenario leaves alone is
uncertain: each run draws it from the fitted law (``Uncertain``); ``Model.fixed()`` keeps
the point estimates. Bad values are refused with one line naming the place and the fix.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, NamedTuple, TypeVar, overload

import numpy as np

from ..errors import InputError
from .legal import STANCES

if TYPE_CHECKING:
    from ..record.history import History
    from .fit import Calibration

T = TypeVar("T")
STEPS = ("consultations", "decision", "deployment", "operation", "withdrawal")
"""The delays the model draws, in days, after the request."""

LAWS = ("fixed", "uniform", "triangular", "lognormal", "exponential")


class Law(NamedTuple):
    """A probability law over non-negative numbers (days, or troops)."""

    kind: str
    params: tuple[float, ...]

    @overload
    def sample(self, rng: np.random.Generator, size: None = None) -> float: ...
    @overload
    def sample(self, rng: np.random.Generator, size: int) -> np.ndarray: ...

    def sample(self, rng: np.random.Generator, size: int | None = None) -> float | np.ndarray:
        """``size`` draws as an array, or one float where ``size`` is None.

        Arrays are drawn by inverse transforms on single-precision uniforms and normals,
        several times faster than NumPy's element-wise samplers for the same law.
        """
        a = self.params
        if self.kind == "fixed" or (self.kind == "triangular" and a[0] == a[2]):
            return a[0] if size is None else np.full(size, a[0])
        if size is None:
            return float(self._scalar(rng))
        if self.kind == "lognormal":
            normal = rng.standard_normal(size, dtype=np.float32)
            drawn: np.ndarray = np.exp(np.float32(np.log(a[0])) + np.float32(a[1]) * normal)
            return drawn
        u = rng.random(size, dtype=np.float32)
        if self.kind == "uniform":
            return a[0] + (a[1] - a[0]) * u
        if self.kind == "exponential":
            return -a[0] * np.log1p(-u)
        low, mode, high = a
        split = (mode - low) / (high - low)
        rising = low + np.sqrt(u * (high - low) * (mode - low))
        falling = high - np.sqrt((1 - u) * (high - low) * (high - mode))
        drawn = np.where(u < split, rising, falling)
        return drawn

    def mean(self) -> float:
        """The law's mean."""
        a = self.params
        if self.kind == "uniform":
            return (a[0] + a[1]) / 2
        if self.kind == "triangular":
            return sum(a) / 3
        if self.kind == "lognormal":
            return float(a[0] * np.exp(a[1] ** 2 / 2))
        return a[0]

    def _scalar(self, rng: np.random.Generator) -> float:
        a = self.params
        if self.kind == "uniform":
            return rng.uniform(a[0], a[1])
        if self.kind == "triangular":
            return rng.triangular(a[0], a[1], a[2])
        if self.kind == "lognormal":
            return rng.lognormal(np.log(a[0]), a[1])
        return rng.exponential(a[0])

    def as_spec(self) -> dict[str, float | list[float] | dict[str, float]]:
        if self.kind == "fixed":
            return {"fixed": self.params[0]}
        if self.kind == "lognormal":
            return {"lognormal": {"median": self.params[0], "sigma": self.params[1]}}
        if self.kind == "exponential":
            return {"exponential": {"mean": self.params[0]}}
        return {self.kind: list(self.params)}


class StanceLaw(NamedTuple):
    """The chances that a member supports, stands aside, or blocks."""

    support: float
    stand_aside: float
    block: float

    def as_spec(self) -> dict[str, float]:
        return {"support": self.support, "stand-aside": self.stand_aside, "block": self.block}


class Uncertain(NamedTuple):
    """The fitted parameters a scenario leaves alone, as the pool of values drawn from their
    fitted laws (``fit.POOL`` each): a run takes one row. ``delays`` holds the mean days of
    the fitted exponential delays by step (``request`` for the request's)."""

    request_probability: np.ndarray | None
    support: np.ndarray | None
    block: np.ndarray | None
    follow: np.ndarray | None
    delays: dict[str, np.ndarray]

    @property
    def rows(self) -> int:
        columns = [c for c in (self.request_probability, self.support, self.block,
                               self.follow, *self.delays.values()) if c is not None]
        return len(columns[0]) if columns else 1


class Model(NamedTuple):
    """Everything the simulation assumes, with the sources of the defaults.

    ``follow`` is the share of members that take the crisis's common stance (the others draw
    their own); each member's stance law stays what ``stances`` says. ``uncertain`` holds the
    fitted parameters each run draws anew (None: the point values above, for every run).
    """

    request_probability: float
    request_delay: Law
    delays: dict[str, Law]
    stances: dict[str, StanceLaw]
    default_stance: StanceLaw
    contingents: dict[str, Law]
    default_contingent: Law
    sources: tuple[str, ...]
    follow: float = 0.0
    uncertain: Uncertain | None = None

    def stance(self, state: str) -> StanceLaw:
        return self.stances.get(state, self.default_stance)

    def contingent(self, state: str) -> Law:
        return self.contingents.get(state, self.default_contingent)

    def fixed(self) -> Model:
        """The model with every fitted parameter at its point estimate."""
        return self._replace(uncertain=None)

    def at(self, row: int) -> Model:
        """The model as one run draws it: the fitted parameters of pool row ``row``."""
        u = self.uncertain
        if u is None:
            return self
        model = self._replace(uncertain=None)
        if u.request_probability is not None:
            model = model._replace(request_probability=float(u.request_probability[row]))
        if u.support is not None and u.block is not None:
            support, block = float(u.support[row]), float(u.block[row])
            model = model._replace(default_stance=StanceLaw(support, 1 - support - block,
                                                            block))
        if u.follow is not None:
            model = model._replace(follow=float(u.follow[row]))
        for step, means in u.delays.items():
            law = Law("exponential", (float(means[row]),))
            model = (model._replace(request_delay=law) if step == "request" else
                     model._replace(delays={**model.delays, step: law}))
        return model

    def as_spec(self) -> dict[str, object]:
        """The model as a scenario's ``model:`` section would write it (point values)."""
        return {
            "request": {"probability": self.request_probability,
                        "delay": self.request_delay.as_spec()},
            "delays": {step: law.as_spec() for step, law in self.delays.items()},
            "stances": {"default": self.default_stance.as_spec(),
                        **{s: law.as_spec() for s, law in sorted(self.stances.items())}},
            "contingents": {"default": self.default_contingent.as_spec(),
                            **{s: law.as_spec() for s, law in sorted(self.contingents.items())}},
        }


def _number(value: object, where: str, minimum: float = 0.0) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not np.isfinite(value):
        raise InputError("{where}: '{value}' is not a number", field=where, where=where,
                         value=str(value))
    if value < minimum:
        raise InputError("{where}: {value} is below {minimum}; delays, sizes and parameters "
                         "cannot be negative", field=where, where=where, value=str(value),
                         minimum=minimum)
    return float(value)


def parse_law(spec: object, where: str) -> Law:
    """A law from its written form: a number, or one of {fixed, uniform, triangular,
    lognormal: {median, sigma}, exponential: {mean}}."""
    if isinstance(spec, int | float) and not isinstance(spec, bool):
        return Law("fixed", (_number(spec, where),))
    if not isinstance(spec, Mapping) or len(spec) != 1:
        raise InputError("{where}: give a number or one law such as {{triangular: [0, 1, 3]}} "
                         "(laws: {laws})", field=where, where=where, laws=", ".join(LAWS))
    kind, args = next(iter(spec.items()))
    if kind not in LAWS:
        raise InputError("{where}: unknown law '{value}': use one of {laws}", field=where,
                         where=where, value=str(kind), laws=", ".join(LAWS))
    if kind == "fixed":
        return Law(kind, (_number(args, where),))
    if kind in ("uniform", "triangular"):
        count = 2 if kind == "uniform" else 3
        if not isinstance(args, list | tuple) or len(args) != count:
            raise InputError("{where}: {kind} takes {count} numbers in a list", field=where,
                             where=where, kind=kind, count=count)
        values = tuple(_number(v, where) for v in args)
        if list(values) != sorted(values) or (values[0] == values[-1] and kind == "uniform"):
            raise InputError("{where}: the numbers of {kind} must rise (low, [mode,] high)",
                             field=where, where=where, kind=kind)
        return Law(kind, values)
    names = ("median", "sigma") if kind == "lognormal" else ("mean",)
    if not isinstance(args, Mapping) or set(args) != set(names):
        raise InputError("{where}: {kind} takes {names}", field=where, where=where, kind=kind,
                         names=", ".join(names))
    values = tuple(_number(args[name], where) for name in names)
    if values[0] <= 0:
        raise InputError("{where}: the {name} of {kind} must be above 0", field=where,
                         where=where, name=names[0], kind=kind)
    return Law(kind, values)


def parse_stance(spec: object, where: str) -> StanceLaw:
    """A stance law: one of the stances, or the chances of each (summing to one)."""
    if spec in STANCES:
        return StanceLaw(*(1.0 if s == spec else 0.0 for s in STANCES))
    if not isinstance(spec, Mapping) or not set(spec) <= set(STANCES):
        raise InputError("{where}: give a stance ({stances}) or their chances, such as "
                         "{{support: 0.8, stand-aside: 0.2, block: 0}}", field=where,
                         where=where, stances=", ".join(STANCES))
    chances = [_number(spec.get(s, 0.0), where) for s in STANCES]
    if any(p > 1 for p in chances):
        raise InputError("{where}: a chance must lie between 0 and 1", field=where, where=where)
    if abs(sum(chances) - 1.0) > 1e-9:
        raise InputError("{where}: the chances sum to {total}, not 1", field=where,
                         where=where, total=f"{sum(chances):g}")
    return StanceLaw(*chances)


def _members(spec: object, where: str, parse: Callable[[object, str], T],
             known: Callable[[object, str], str]) -> tuple[T | None, dict[str, T]]:
    if not isinstance(spec, Mapping):
        raise InputError("{where}: give a mapping of states (and 'default')", field=where,
                         where=where)
    default = None
    by_state: dict[str, T] = {}
    for key, value in spec.items():
        if key == "default":
            default = parse(value, f"{where}.default")
            continue
        state = known(key, where)
        by_state[state] = parse(value, f"{where}.{key}")
    return default, by_state


def defaults(history: History | None = None) -> tuple[Model, Calibration]:
    """The default model, fitted on the recorded cases of ``history`` (the shipped record
    where None), and the calibration it comes from."""
    from .fit import fit

    if history is None:
        from ..record.load import load_history

        history = load_history()
    calibration = fit(history)
    return from_calibration(calibration, history), calibration


def from_calibration(calibration: Calibration, history: History | None = None) -> Model:
    """The model of a calibration: point estimates, and the pool each run draws from."""
    value, pool = calibration.value, calibration.pool
    support, block = value("stances.support"), value("stances.block")
    delay = {step: Law("exponential", (value(f"delays.{step}"),)) if f"delays.{step}" in pool
             else Law("fixed", (value(f"delays.{step}"),)) for step in ("request", *STEPS)}
    cases = {c.id: c for c in history.cases} if history is not None else {}
    sources = dict.fromkeys(s for e in calibration.estimates for s in e.sources)
    sources.update(dict.fromkeys(s for e in calibration.estimates for case in e.cases
                                 if case in cases for s in cases[case].sources))
    return Model(
        request_probability=value("request.probability"), request_delay=delay["request"],
        delays={step: delay[step] for step in STEPS}, stances={},
        default_stance=StanceLaw(support, 1 - support - block, block), contingents={},
        default_contingent=Law("lognormal", (value("contingents.median"),
                                             value("contingents.sigma"))),
        sources=tuple(sources), follow=value("stances.follow"),
        uncertain=Uncertain(pool.get("request.probability"), pool.get("stances.support"),
                            pool.get("stances.block"), pool.get("stances.follow"),
                            {step: pool[f"delays.{step}"] for step in ("request", *STEPS)
                             if f"delays.{step}" in pool}))


def _release(model: Model, steps: tuple[str, ...] = (), **columns: None) -> Model:
    """``model`` with the pool columns a scenario has set dropped (they are fixed now):
    ``columns`` by name, the delays of ``steps``."""
    u = model.uncertain
    if u is None:
        return model
    return model._replace(uncertain=u._replace(
        **columns, delays={k: v for k, v in u.delays.items() if k not in steps}))


def model_from(spec: object, base: Model, known: Callable[[object, str], str]) -> Model:
    """``base`` with the parts ``spec`` (a scenario's ``model:`` section) changes.

    ``known(name, where)`` turns a state as written into its code, or raises.
    """
    if spec is None:
        return base
    if not isinstance(spec, Mapping):
        raise InputError("model: give a mapping with request, delays, stances or contingents",
                         field="model")
    unknown = set(spec) - {"request", "delays", "stances", "contingents"}
    if unknown:
        raise InputError("model: unknown part '{value}': use request, delays, stances or "
                         "contingents", field="model", value=sorted(unknown)[0])
    model = base
    request = spec.get("request")
    if request is not None:
        if not isinstance(request, Mapping) or not set(request) <= {"probability", "delay"}:
            raise InputError("model.request: give probability and/or delay", field="model")
        probability = _number(request.get("probability", model.request_probability),
                              "model.request.probability")
        if probability > 1:
            raise InputError("model.request.probability: a chance must lie between 0 and 1",
                             field="model")
        delay = (parse_law(request["delay"], "model.request.delay") if "delay" in request
                 else model.request_delay)
        model = model._replace(request_probability=probability, request_delay=delay)
        if "probability" in request:
            model = _release(model, request_probability=None)
        if "delay" in request:
            model = _release(model, steps=("request",))
    delays = spec.get("delays")
    if delays is not None:
        if not isinstance(delays, Mapping) or not set(delays) <= set(STEPS):
            raise InputError("model.delays: give laws for {steps}", field="model",
                             steps=", ".join(STEPS))
        model = model._replace(delays={**model.delays, **{
            step: parse_law(law, f"model.delays.{step}") for step, law in delays.items()}})
        model = _release(model, steps=tuple(delays))
    if spec.get("stances") is not None:
        default, by_state = _members(spec["stances"], "model.stances", parse_stance, known)
        model = model._replace(default_stance=default or model.default_stance,
                               stances={**model.stances, **by_state})
        if default is not None:
            model = _release(model, support=None, block=None)
    if spec.get("contingents") is not None:
        contingent, by_code = _members(spec["contingents"], "model.contingents", parse_law, known)
        model = model._replace(default_contingent=contingent or model.default_contingent,
                               contingents={**model.contingents, **by_code})
    return model
