"""The garbage-collector hold: counted, thread-safe, restoring what it found, freezing on ask."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from tui.article import collector, parse


@pytest.fixture(autouse=True)
def _collector_as_found() -> Iterator[None]:
    """Every test starts and ends with the collector running and nothing held or frozen."""
    assert collector.holding() == 0
    gc.enable()
    thresholds = gc.get_threshold()
    yield
    while collector.holding():
        collector.release()
    gc.enable()
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_deferred_full_collections_run_only_when_asked_and_due() -> None:
    young, middle, oldest = gc.get_threshold()
    assert collector.defer_full_collections() == oldest
    assert gc.get_threshold() == (young, middle, collector.FULL_DEFERRED)
    gc.collect()
    assert not collector.collect_if_due()  # nothing due right after a full collection
    for _ in range(collector.FULL_DUE):
        gc.collect(1)
    assert gc.get_count()[2] >= collector.FULL_DUE  # the collector did not start one itself
    with collector.held():
        assert not collector.collect_if_due()  # never while a parse holds the collector
    assert collector.collect_if_due()
    assert gc.get_count()[2] == 0


def test_hold_stops_the_collector_and_release_restarts_it() -> None:
    collector.hold()
    assert not gc.isenabled()
    collector.release()
    assert gc.isenabled()
    assert collector.holding() == 0


def test_holds_nest_and_only_the_last_release_restarts() -> None:
    collector.hold()
    collector.hold()
    collector.release()
    assert not gc.isenabled()
    assert collector.holding() == 1
    collector.release()
    assert gc.isenabled()


def test_a_collector_stopped_before_the_hold_stays_stopped() -> None:
    gc.disable()
    with collector.held():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_unbalanced_release_changes_nothing() -> None:
    collector.release()
    assert gc.isenabled()
    assert collector.holding() == 0


def test_freeze_waits_for_the_last_release() -> None:
    collector.hold()
    collector.hold()
    collector.release(freeze=True)
    assert gc.get_freeze_count() == 0
    collector.release()  # the freeze asked for earlier happens now
    assert gc.get_freeze_count() > 0
    assert gc.isenabled()


def test_frozen_objects_are_still_freed_by_reference_counting() -> None:
    class Thing:
        pass

    freed = threading.Event()
    thing = Thing()

    weakref.finalize(thing, freed.set)
    with collector.held(freeze=True):
        pass
    assert gc.get_freeze_count() > 0
    del thing
    assert freed.is_set()


def test_a_freeze_scans_nothing() -> None:
    """Freezing after a hold moves what was made into the permanent generation at once."""
    with collector.held(freeze=True):
        made = [[n] for n in range(50_000)]  # tracked containers, all young
    assert gc.get_count()[0] < 1_000  # the young generation was emptied, not collected
    assert gc.get_freeze_count() >= len(made)


def test_parse_holds_the_collector_while_it_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    original = collector.hold

    def spy_hold() -> None:
        original()
        seen.append(gc.isenabled())

    monkeypatch.setattr(collector, "hold", spy_hold)
    article = parse("Title\n\nA first paragraph of the article.\n")
    assert article.paragraphs
    assert seen and not any(seen)
    assert gc.isenabled()
    assert collector.holding() == 0


def test_holds_from_several_threads_end_with_the_collector_running() -> None:
    start = threading.Barrier(4)

    def work() -> None:
        start.wait()
        for _ in range(200):
            with collector.held():
                parse("Headline\n\n“Quoted words,” she said.\n")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert collector.holding() == 0
    assert gc.isenabled()


def test_resuming_full_collections_restores_the_threshold() -> None:
    before = gc.get_threshold()
    collector.resume_full_collections(collector.defer_full_collections())
    assert gc.get_threshold() == before
