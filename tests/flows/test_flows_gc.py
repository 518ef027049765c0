"""The cyclic garbage collector is paused while a stage runs, and comes back as it was."""

from __future__ import annotations

import gc
import threading

from flows.steps import gc_paused


def test_the_collector_is_off_inside_and_back_on_after_nested_pauses() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer stage is still running
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_error_inside_still_brings_the_collector_back() -> None:
    try:
        with gc_paused():
            raise ValueError("a stage failed")
    except ValueError:
        pass
    assert gc.isenabled()


def test_overlapping_runs_in_two_threads_leave_it_on_only_when_both_end() -> None:
    first_in, second_in, first_may_end = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with gc_paused():
            first_in.set()
            first_may_end.wait(5)
        seen.append(gc.isenabled())  # the second is still inside

    def second() -> None:
        first_in.wait(5)
        with gc_paused():
            second_in.set()
            first_may_end.set()
            t1.join(5)

    t1 = threading.Thread(target=first)
    t2 = threading.Thread(target=second)
    t1.start()
    t2.start()
    t2.join(5)
    assert seen == [False]
    assert gc.isenabled()
