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

A slotted record compiles nothing when it is defined. Its ``__init__`` is a template compiled
once per shape (how many fields, which are parameters) with the field names put in as the
parameters' names, and its frozen ``__setattr__``/``__delattr__`` and pickling methods are
shared, as ``dataclass(frozen=True, slots=True)`` would make them. The compiling was two
thirds of the time a record took to define (about 0.35 ms each, twenty of them before the
first frame).
"""

from __future__ import annotations

import builtins
import reprlib
import sys
from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from types import CodeType, FunctionType
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


_TEMPLATES: dict[str, CodeType] = {}
"""Compiled ``__init__`` bodies by shape (see :func:`_template`)."""

_SETTERS: dict[type, tuple[Callable[[object, object], None], ...]] = {}
"""Each slotted record's slot setters, in field order (for unpickling)."""

_FACTORY = object()
"""The default of a parameter whose field has a ``default_factory`` (as dataclass does)."""


def _template(shape: str) -> CodeType:
    """The ``__init__`` code for records of ``shape``, with placeholder parameter names.

    ``shape`` has one letter per field the ``__init__`` sets: ``p`` a parameter, ``f`` a
    parameter whose default comes from a factory, ``d`` a default and ``F`` a factory's value
    (fields that are not parameters).
    """
    code = _TEMPLATES.get(shape)
    if code is None:
        params = [f"_p{n}" for n, kind in enumerate(shape) if kind in "pf"]
        values = {
            "p": "_p{n}",
            "f": "_record_default{n}() if _p{n} is _record_factory else _p{n}",
            "d": "_record_default{n}",
            "F": "_record_default{n}()",
        }
        body = [
            f" _record_set{n}(self, {values[kind].format(n=n)})" for n, kind in enumerate(shape)
        ]
        source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or " pass")
        names: dict[str, Any] = {}
        exec(source, names)  # noqa: S102 - our own source, built from field positions
        code = _TEMPLATES[shape] = names["__init__"].__code__
    return code


def _slot_init(cls: type) -> Callable[..., None]:
    """An ``__init__`` for a frozen slotted dataclass that sets each slot through its descriptor.

    It takes the parameters dataclass's own would (positional or keyword, defaults and
    default factories as declared) and sets fields that are not parameters to their defaults.
    The code is a template shared by records of the same shape, so defining a record compiles
    nothing once its shape has been seen.

    Raises:
        TypeError: For what it does not support: ``kw_only``, ``InitVar`` or
            ``__post_init__`` (use ``@record(slots=False)`` for those), or a field without a
            default after one with a default.
    """
    # Pseudo-fields (ClassVar, InitVar) are in __dataclass_fields__ but not in fields().
    pseudo = getattr(cls, "__dataclass_fields__", {}).values()
    if hasattr(cls, "__post_init__") or any("InitVar" in str(f.type) for f in pseudo):
        raise TypeError(f"record {cls.__qualname__}: __post_init__ and InitVar need slots=False")
    names: dict[str, object] = {"__builtins__": builtins, "_record_factory": _FACTORY}
    params: list[str] = []
    defaults: list[object] = []
    shape = ""
    setters: list[Callable[[object, object], None]] = []
    for f in fields(cls):
        if f.kw_only:
            raise TypeError(f"record {cls.__qualname__}.{f.name}: kw_only needs slots=False")
        # The slot's descriptor, on this class or (for an inherited field) a base.
        slot = next(k.__dict__[f.name] for k in cls.__mro__ if f.name in k.__dict__)
        setters.append(slot.__set__)
        factory = f.default_factory is not MISSING
        if not f.init and f.default is MISSING and not factory:
            continue  # left unset, as dataclass leaves it
        step = len(shape)
        names[f"_record_set{step}"] = setters[-1]
        if factory or f.default is not MISSING:
            names[f"_record_default{step}"] = f.default_factory if factory else f.default
        if not f.init:
            shape += "F" if factory else "d"
            continue
        if f.default is MISSING and not factory and defaults:
            raise TypeError(f"record {cls.__qualname__}.{f.name}: no default after a default")
        shape += "f" if factory else "p"
        params.append(f.name)
        if factory:
            defaults.append(_FACTORY)
        elif f.default is not MISSING:
            defaults.append(f.default)
    _SETTERS[cls] = tuple(setters)
    qualname = f"{cls.__qualname__}.__init__"
    code = _template(shape).replace(co_varnames=("self", *params), co_name="__init__")
    if sys.version_info >= (3, 11):  # the name call errors give (co_qualname is new in 3.11)
        code = code.replace(co_qualname=qualname)
    init = FunctionType(code, names, "__init__", tuple(defaults) or None)
    init.__qualname__ = qualname
    init.__module__ = cls.__module__
    return init


def _frozen_setattr(self: object, name: str, value: object) -> None:
    cls = type(self)
    # As dataclass's guard: the record itself is frozen, a plain subclass only in its fields.
    if cls.__dict__.get("__setattr__") is _frozen_setattr or name in cls.__dataclass_fields__:  # type: ignore[attr-defined]
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _frozen_delattr(self: object, name: str) -> None:
    cls = type(self)
    if cls.__dict__.get("__delattr__") is _frozen_delattr or name in cls.__dataclass_fields__:  # type: ignore[attr-defined]
        raise FrozenInstanceError(f"cannot delete field {name!r}")
    object.__delattr__(self, name)


def _getstate(self: object) -> list[object]:
    return [getattr(self, f.name) for f in fields(self)]  # type: ignore[arg-type]


def _setstate(self: object, state: list[object]) -> None:
    cls = type(self)
    setters = _SETTERS.get(cls)
    if setters is None:  # a plain subclass of a record: its fields are the record's
        setters = next(_SETTERS[k] for k in cls.__mro__ if k in _SETTERS)
    for setter, value in zip(setters, state, strict=False):
        setter(self, value)


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
        # A slotted record on object gets the shared frozen guards instead of generated ones
        # (dataclass compiles two functions per class for them).
        shared = slots and target.__bases__ == (object,)
        frozen = not shared
        made = cast(
            _T, dataclass(frozen=frozen, slots=slots, eq=False, repr=False, init=not slots)(target)
        )
        if shared:
            made.__dataclass_params__.frozen = True  # type: ignore[attr-defined]
            made.__setattr__ = _frozen_setattr  # type: ignore[assignment]
            made.__delattr__ = _frozen_delattr  # type: ignore[assignment]
            made.__getstate__ = _getstate  # type: ignore[attr-defined]
            made.__setstate__ = _setstate  # type: ignore[attr-defined]
        if slots:
            made.__init__ = _slot_init(made)  # type: ignore[misc]
        made.__eq__ = _eq  # type: ignore[assignment]
        made.__hash__ = _hash  # type: ignore[assignment]
        if "__repr__" not in target.__dict__:
            made.__repr__ = _repr  # type: ignore[assignment]
        return made

    return make if cls is None else make(cls)
