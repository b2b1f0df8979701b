"""Holding off Python's cyclic garbage collector while many long-lived objects are made.

Start-up (imports, theme and widget set-up) and parsing make hundreds of thousands of objects
that live on and form no garbage cycles: the cyclic collector would only rescan them, again
and again, each full pass longer than the last (a third of newsread's time to first paint
went there). Reference counting still frees everything dropped while the collector is held.

Holds are counted, so the start-up hold and parses on several threads nest: the collector
runs again when the last hold ends, and only if it was running when the first began. A hold
can ask for a *freeze* at its end (:func:`gc.freeze`): what is alive then (the loaded
program, a parsed article) moves out of the collector's sight for good, so later passes stay
short. Everything frozen is still freed by reference counting when dropped.

An interactive program can also move full collections out of the way of its user:
:func:`defer_full_collections` leaves only the young generations to the automatic collector,
and :func:`collect_if_due` runs the full collection the program would have had, at a moment
it chooses (newsread: after two seconds without a key or a click).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = [
    "collect_if_due",
    "defer_full_collections",
    "drop",
    "held",
    "hold",
    "holding",
    "release",
    "resume_full_collections",
]

FULL_DEFERRED = 1_000_000
"""The oldest generation's threshold once full collections are left to :func:`collect_if_due`."""

FULL_DUE = 10
"""Young collections after which a full one is due (Python's own default threshold)."""

_lock = threading.Lock()
_holds = 0
_resume = False  # the collector was running when the first hold began
_freeze = False  # a hold asked for a freeze when the last one ends


def hold() -> None:
    """Stop the cyclic collector until the matching :func:`release`."""
    global _holds, _resume
    with _lock:
        if _holds == 0:
            _resume = gc.isenabled()
            gc.disable()
        _holds += 1


def release(*, freeze: bool = False) -> None:
    """End one hold; the last one restarts the collector if it was running before.

    Args:
        freeze: Freeze the objects alive when the last hold ends (see the module docstring).
            Nothing is collected first: after a hold the young generation holds everything
            made meanwhile (millions of objects after a 100 MB parse), which is exactly the
            scan a freeze is there to avoid. Cyclic garbage alive at that moment is kept (a
            few hundred objects after start-up; parsing makes none).
    """
    global _holds, _freeze
    with _lock:
        if _holds == 0:  # unbalanced: nothing is held
            return
        _holds -= 1
        _freeze = _freeze or freeze
        if _holds:
            return
        if _resume:
            if _freeze:
                gc.freeze()
            gc.enable()
        _freeze = False


def defer_full_collections() -> int:
    """Stop the collector from starting full collections by itself.

    The young generations are still collected as objects are made. A full collection scans
    everything alive that is not frozen, so its pause grows with what the program holds (tens
    of milliseconds with a long article's caches): an interactive program calls
    :func:`collect_if_due` when its user is idle instead of having one land on a key.

    Returns:
        The oldest generation's threshold before, for :func:`resume_full_collections`.
    """
    young, middle, oldest = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_DEFERRED)
    return oldest


def resume_full_collections(threshold: int) -> None:
    """Let the collector start full collections again (undoes :func:`defer_full_collections`).

    Args:
        threshold: The oldest generation's threshold to go back to.
    """
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, threshold)


def collect_if_due() -> bool:
    """Run a full collection if one is due and the collector is running.

    Returns:
        True when a collection ran.
    """
    if holding() or not gc.isenabled() or gc.get_count()[2] < FULL_DUE:
        return False
    gc.collect()
    return True


def drop(items: list[Any], step: int = 10_000) -> None:
    """Empty a long list a slice at a time.

    Freeing a million objects when the last reference to their list goes is one C call that
    holds the interpreter lock (and the interface) for a tenth of a second or more; a slice at
    a time, other threads get their turns in between.

    Args:
        items: The list to empty (in place).
        step: Items freed per slice.
    """
    while items:
        del items[-step:]


def holding() -> int:
    """How many holds are in force (0 when the collector is as the program left it)."""
    return _holds


@contextmanager
def held(*, freeze: bool = False) -> Iterator[None]:
    """Hold the collector for the ``with`` block.

    Args:
        freeze: Passed to :func:`release` at the block's end.
    """
    hold()
    try:
        yield
    finally:
        release(freeze=freeze)
