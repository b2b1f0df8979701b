"""``record``: a frozen dataclass that costs less to define (Textual-free).

Python 3.11's ``dataclass`` compiles each method it generates from source when the class is
defined, on every start: ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and the frozen
``__setattr__``/``__delattr__``. newsread defines some twenty records before its first frame, and
that compiling was about a third of the time its own modules take to import. A record lets
``dataclass`` generate only what must be generated per class (``__init__`` and the frozen
guards) and shares one ``__eq__``, ``__hash__`` and ``__repr__`` that read the fields through
an :func:`operator.attrgetter` built on first use. They behave as the generated ones do:
equality needs the same class and equal compared fields, the hash is the hash of the compared
fields' tuple, and the repr names the fields shown. The result is still a dataclass
(``fields``, ``replace`` and ``asdict`` work as before).

A record with ``__slots__`` also gets a quicker ``__init__``: a frozen dataclass's own sets
each field through ``object.__setattr__`` (a name lookup and two call layers per field), which
made building a long article's paragraphs and quotations a tenth of its parse. The record's
calls each slot's descriptor directly, about twice as fast, with the same parameters and
defaults.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_options: object) -> Callable[[Any], Any]:
        """Typing only (PEP 681): tells type checkers a record is a dataclass."""
        return lambda decorated: decorated


__all__ = ["record"]

_T = TypeVar("_T", bound=type)

_KEYS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
_SHOWN: dict[type, tuple[str, ...]] = {}


def _key(obj: object) -> tuple[Any, ...]:
    """The values of ``obj``'s compared fields, as a tuple."""
    cls = type(obj)
    get = _KEYS.get(cls)
    if get is None:
        names = [f.name for f in fields(cls) if f.compare]  # type: ignore[arg-type]
        if not names:
            get = _KEYS[cls] = lambda _obj: ()
        elif len(names) == 1:
            one = attrgetter(names[0])
            get = _KEYS[cls] = lambda obj: (one(obj),)
        else:
            get = _KEYS[cls] = attrgetter(*names)
    return get(obj)


def _eq(self: object, other: object) -> object:  # bool, or NotImplemented for another class
    if other.__class__ is self.__class__:
        return _key(self) == _key(other)
    return NotImplemented


def _hash(self: object) -> int:
    return hash(_key(self))


@reprlib.recursive_repr()
def _repr(self: object) -> str:
    cls = type(self)
    shown = _SHOWN.get(cls)
    if shown is None:
        shown = _SHOWN[cls] = tuple(f.name for f in fields(cls) if f.repr)  # type: ignore[arg-type]
    inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
    return f"{cls.__qualname__}({inner})"


def _slot_init(cls: type) -> Callable[..., None]:
    """An ``__init__`` for a frozen slotted dataclass that sets each slot through its descriptor.

    It takes the parameters dataclass's own would (positional or keyword, defaults as
    declared) and sets fields that are not parameters to their defaults.

    Raises:
        TypeError: For what it does not support: ``default_factory``, ``kw_only``, ``InitVar``
            or ``__post_init__`` (use ``@record(slots=False)`` for those), or a field without
            a default after one with a default.
    """
    # Pseudo-fields (ClassVar, InitVar) are in __dataclass_fields__ but not in fields().
    pseudo = getattr(cls, "__dataclass_fields__", {}).values()
    if hasattr(cls, "__post_init__") or any("InitVar" in str(f.type) for f in pseudo):
        raise TypeError(f"record {cls.__qualname__}: __post_init__ and InitVar need slots=False")
    names: dict[str, object] = {}
    params: list[str] = []
    body: list[str] = []
    for n, f in enumerate(fields(cls)):
        if f.default_factory is not MISSING or f.kw_only:
            raise TypeError(f"record {cls.__qualname__}.{f.name}: needs slots=False")
        names[f"_set{n}"] = cls.__dict__[f.name].__set__
        if f.default is not MISSING:
            names[f"_default{n}"] = f.default
        if not f.init:
            if f.default is MISSING:
                continue  # left unset, as dataclass leaves it
            body.append(f" _set{n}(self, _default{n})")
            continue
        if f.default is MISSING and params and "=" in params[-1]:
            raise TypeError(f"record {cls.__qualname__}.{f.name}: no default after a default")
        params.append(f.name if f.default is MISSING else f"{f.name}=_default{n}")
        body.append(f" _set{n}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or " pass")
    exec(source, names)  # noqa: S102 - our own source, built from field names
    init = cast(Callable[..., None], names["__init__"])
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


@overload
def record(cls: _T, /) -> _T: ...
@overload
def record(*, slots: bool = True) -> Callable[[_T], _T]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: _T | None = None, /, *, slots: bool = True) -> _T | Callable[[_T], _T]:
    """Make ``cls`` a frozen dataclass (with ``__slots__`` unless ``slots=False``).

    Args:
        cls: The class (when used as ``@record``).
        slots: Give the class ``__slots__`` (``@record(slots=False)`` for none).

    Returns:
        The dataclass, or a decorator making one.
    """

    def make(target: _T) -> _T:
        made = cast(
            _T, dataclass(frozen=True, slots=slots, eq=False, repr=False, init=not slots)(target)
        )
        if slots:
            made.__init__ = _slot_init(made)  # type: ignore[misc]
        made.__eq__ = _eq  # type: ignore[assignment]
        made.__hash__ = _hash  # type: ignore[assignment]
        if "__repr__" not in target.__dict__:
            made.__repr__ = _repr  # type: ignore[assignment]
        return made

    return make if cls is None else make(cls)
