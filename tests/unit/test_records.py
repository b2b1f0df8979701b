"""``record`` behaves as ``dataclass(frozen=True, slots=True)`` does, field for field."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import FrozenInstanceError, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.article.model import Paragraph, QuoteSpan
from tui.article.records import record


@record
class Point:
    """Two compared fields and one that is not."""

    x: int
    y: str = "a"
    memo: int = field(default=0, compare=False, repr=False)


@dataclasses.dataclass(frozen=True, slots=True)
class PointDC:
    """The same class as a plain frozen dataclass, to compare against."""

    x: int
    y: str = "a"
    memo: int = field(default=0, compare=False, repr=False)


@record
class One:
    """A single field (its key is still a tuple)."""

    value: tuple[int, ...]


@record(slots=False)
class Loose:
    """Frozen without slots."""

    name: str


@record
class Nested:
    """A record holding itself shows ``...`` instead of recursing."""

    inner: list[object]


@given(st.integers(), st.text(), st.integers(), st.integers(), st.text(), st.integers())
def test_equality_and_hash_match_dataclass(
    x1: int, y1: str, m1: int, x2: int, y2: str, m2: int
) -> None:
    a, b = Point(x1, y1, m1), Point(x2, y2, m2)
    da, db = PointDC(x1, y1, m1), PointDC(x2, y2, m2)
    assert (a == b) is (da == db)
    assert (a != b) is (da != db)
    assert repr(a).replace("Point", "PointDC") == repr(da)
    if a == b:
        assert hash(a) == hash(b)
    assert hash(a) == hash(Point(x1, y1, m1 + 1))  # memo is not compared, so not hashed


def test_another_class_is_never_equal() -> None:
    assert Point(1, "a") != PointDC(1, "a")
    assert Point(1, "a") != (1, "a")
    assert Point(1, "a").__eq__((1, "a")) is NotImplemented


@pytest.mark.parametrize("make", [lambda: Point(1), lambda: Loose("n"), lambda: One((1,))])
def test_frozen(make: object) -> None:
    obj = make()  # type: ignore[operator]
    name = dataclasses.fields(obj)[0].name
    with pytest.raises(FrozenInstanceError):
        setattr(obj, name, 2)
    with pytest.raises(FrozenInstanceError):
        delattr(obj, name)


def test_still_a_dataclass() -> None:
    p = Point(1, "b", 7)
    assert dataclasses.is_dataclass(p)
    assert [f.name for f in dataclasses.fields(p)] == ["x", "y", "memo"]
    assert dataclasses.replace(p, y="c") == Point(1, "c")
    assert dataclasses.asdict(p) == {"x": 1, "y": "b", "memo": 7}
    assert Point.__slots__ == ("x", "y", "memo") and not hasattr(Loose, "__slots__")
    assert Point.__match_args__ == ("x", "y", "memo")


def test_single_field_and_recursion() -> None:
    assert One((1, 2)) == One((1, 2)) and hash(One((1, 2))) == hash(One((1, 2)))
    assert repr(One((1,))) == "One(value=(1,))"
    held: list[object] = []
    nested = Nested(held)
    held.append(nested)
    assert repr(nested) == "Nested(inner=[...])"


def test_model_records_pickle_and_compare() -> None:
    para = Paragraph("“Hi,” she said.", "“Hi,” she said.", 3, (QuoteSpan(0, 5, 0, 0, "“", "”"),))
    again = pickle.loads(pickle.dumps(para, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == para and hash(again) == hash(para) and again is not para
    assert para.word_count == 3 and again == para  # a memo filled in changes nothing
    assert repr(para).startswith("Paragraph(text='“Hi,” she said.'")


@given(st.integers(), st.text(), st.integers())
def test_init_takes_what_dataclass_init_takes(x: int, y: str, memo: int) -> None:
    for args, kwargs in [((x,), {}), ((x, y), {}), ((x,), {"memo": memo}), ((), {"x": x, "y": y})]:
        made, expected = Point(*args, **kwargs), PointDC(*args, **kwargs)  # type: ignore[arg-type]
        assert (made.x, made.y, made.memo) == (expected.x, expected.y, expected.memo)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((), {}), ((1, "a", 2, 3), {}), ((1,), {"x": 1}), ((1,), {"other": 1})],
)
def test_init_rejects_what_dataclass_init_rejects(
    args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    with pytest.raises(TypeError):
        PointDC(*args, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Point(*args, **kwargs)  # type: ignore[arg-type]


def test_fields_not_in_init_start_from_their_default() -> None:
    para = Paragraph("a b", "a b")
    assert para._words == -1 and para.word_count == 2 and para._words == 2
    assert Paragraph.__init__.__qualname__ == "Paragraph.__init__"


def test_unsupported_slotted_fields_are_refused() -> None:
    with pytest.raises(TypeError, match="slots=False"):

        @record
        class Keyword:
            value: int = field(kw_only=True)

    with pytest.raises(TypeError, match="slots=False"):

        @record
        class Posted:
            value: int

            def __post_init__(self) -> None:
                pass

    @record(slots=False)
    class Fine:
        value: int = field(kw_only=True)

    assert Fine(value=1).value == 1


@record
class Listed:
    """Fields with default factories, as parameters and not."""

    name: str
    items: list[int] = field(default_factory=list)
    seen: set[str] = field(default_factory=set, init=False)
    size: int = field(default=3, init=False)


@dataclasses.dataclass(frozen=True, slots=True)
class ListedDC:
    """The same class as a plain frozen dataclass."""

    name: str
    items: list[int] = field(default_factory=list)
    seen: set[str] = field(default_factory=set, init=False)
    size: int = field(default=3, init=False)


def test_default_factories_match_dataclass() -> None:
    for args, kwargs in [(("a",), {}), (("a", [1]), {}), ((), {"name": "b", "items": [2]})]:
        made, expected = Listed(*args, **kwargs), ListedDC(*args, **kwargs)  # type: ignore[arg-type]
        assert dataclasses.astuple(made) == dataclasses.astuple(expected)
    first, second = Listed("a"), Listed("a")
    assert first.items is not second.items and first.seen is not second.seen


def test_call_errors_read_as_dataclass_ones() -> None:
    for args, kwargs in [((), {}), ((1, "a", 2, 3), {}), ((1,), {"x": 1}), ((1,), {"other": 1})]:
        with pytest.raises(TypeError) as expected:
            PointDC(*args, **kwargs)  # type: ignore[arg-type]
        with pytest.raises(TypeError) as made:
            Point(*args, **kwargs)  # type: ignore[arg-type]
        assert str(made.value) == str(expected.value).replace("PointDC", "Point")


@dataclasses.dataclass(frozen=True)
class PointFrozen:
    """A frozen dataclass without slots: the reference for the guards.

    Python 3.11's slotted frozen dataclass has a bug here (its guard names the class as it was
    before slots were added, so a name that is not a field raises TypeError from ``super``).
    """

    x: int
    y: str = "a"


class Plain(Point):
    """A subclass that is not a record: frozen in the record's fields only."""


class PlainFrozen(PointFrozen):
    """The same subclass of the plain dataclass."""


def test_frozen_guards_match_dataclass() -> None:
    for obj in (Point(1), PointFrozen(1)):
        for name in ("x", "other"):
            with pytest.raises(FrozenInstanceError, match=f"cannot assign to field '{name}'"):
                setattr(obj, name, 2)
            with pytest.raises(FrozenInstanceError, match=f"cannot delete field '{name}'"):
                delattr(obj, name)
    assert Point.__dataclass_params__.frozen  # type: ignore[attr-defined]

    for obj in (Plain(1), PlainFrozen(1)):
        again = pickle.loads(pickle.dumps(obj))
        assert type(again) is type(obj) and again.x == 1 and again.y == "a"
        obj.extra = 5  # type: ignore[attr-defined]
        assert obj.extra == 5  # type: ignore[attr-defined]
        del obj.extra  # type: ignore[attr-defined]
        with pytest.raises(FrozenInstanceError):
            obj.x = 2  # type: ignore[misc]


@record
class Child(Point):
    """A record on a record: dataclass's own frozen guards (the shared ones assume object)."""

    z: int = 0


def test_a_record_on_a_record() -> None:
    child = Child(1, "b", 2, 3)
    assert (child.x, child.y, child.memo, child.z) == (1, "b", 2, 3)
    with pytest.raises(FrozenInstanceError):
        child.z = 4  # type: ignore[misc]
    again = pickle.loads(pickle.dumps(child))
    assert again == child and again.z == 3


@given(st.integers(), st.text(), st.integers())
def test_pickles_as_dataclass_does(x: int, y: str, memo: int) -> None:
    made = pickle.loads(pickle.dumps(Point(x, y, memo)))
    assert (made.x, made.y, made.memo) == (x, y, memo)
    assert Point(x, y, memo).__getstate__() == PointDC(x, y, memo).__getstate__()  # type: ignore[attr-defined]
