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
        class Listed:
            items: list[int] = field(default_factory=list)

    with pytest.raises(TypeError, match="slots=False"):

        @record
        class Posted:
            value: int

            def __post_init__(self) -> None:
                pass

    @record(slots=False)
    class Fine:
        items: list[int] = field(default_factory=list)

    assert Fine().items == [] and Fine().items is not Fine().items
