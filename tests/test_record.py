"""The project's NamedTuple behaves as ``typing.NamedTuple`` does, for what csto uses."""

from __future__ import annotations

import pickle
import typing
from typing import Any

import pytest

from csto import _typing
from csto._typing import NamedTuple


class Cheap(NamedTuple):
    """A record."""

    a: int
    b: str = "x"
    c: tuple[int, ...] = ()

    @property
    def twice(self) -> int:
        return self.a * 2


class Typed(typing.NamedTuple):
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()


def test_construction_and_access_match_typing() -> None:
    kind: Any
    for kind in (Cheap, Typed):
        item = kind(1, c=(2,))
        assert (item.a, item.b, item.c) == (1, "x", (2,))
        assert item == (1, "x", (2,)) and hash(item) == hash((1, "x", (2,)))
        assert item._fields == ("a", "b", "c")
        assert item._field_defaults == {"b": "x", "c": ()}
        assert item._asdict() == {"a": 1, "b": "x", "c": (2,)}
        assert item._replace(b="y") == kind(1, "y", (2,))
        assert kind._make([3, "z", ()]) == kind(3, "z")
        assert pickle.loads(pickle.dumps(item)) == item
        assert type(pickle.loads(pickle.dumps(item))) is kind
        assert repr(item) == f"{kind.__name__}(a=1, b='x', c=(2,))"
        a, b, c = item
        assert (a, b, c) == tuple(item)


def test_records_at_run_time_are_the_cheap_kind() -> None:
    assert issubclass(Cheap, _typing._Fields)


def test_the_class_body_is_kept() -> None:
    assert Cheap(3).twice == 6
    assert Cheap.__doc__ == "A record."
    assert Cheap.__module__ == __name__ and Cheap.__qualname__ == "Cheap"
    assert isinstance(Cheap(1), tuple)
    with pytest.raises(AttributeError):
        Cheap(1).a = 2  # type: ignore[misc]


@pytest.mark.parametrize("make", [
    lambda: Cheap(),  # type: ignore[call-arg]  # noqa: PLW0108
    lambda: Cheap(1, 2, 3, 4),  # type: ignore[arg-type,call-arg]
    lambda: Cheap(1, d=4),  # type: ignore[call-arg]
    lambda: Cheap(1)._replace(d=1),  # type: ignore[call-arg]
])
def test_wrong_arguments_raise_type_error(make: typing.Callable[[], object]) -> None:
    with pytest.raises(TypeError):
        make()
