"""A limit on the CPU time of work that may not end: a style's regular expression that backtracks
(nested repeats such as ``(?:[a-z]+ ?)+!``) takes time exponential in the length of the text.
Vale runs Go's linear-time engine, so a style written for it may never have shown the problem;
Python's ``re`` checks for signals while it matches, so a timer signal stops it.

The timer counts the process's CPU time in user mode (``ITIMER_VIRTUAL``, signal ``SIGVTALRM``):
a run suspended (Ctrl-Z, a laptop asleep) or waiting for others' processes is not charged, and
the wall-clock ``SIGALRM`` an embedding tool or pytest-timeout may use is left alone. A timer
already running (an outer limit) is put back afterwards with the time it has left. Only in the
main thread of a process that has the timer (a command's, a pool worker's); elsewhere (an
embedding tool's thread, Windows) the work runs without a limit."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class TooSlow(Exception):
    """The limit of ``time_limit`` ran out."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TooSlow` in the body once it has used ``seconds`` of CPU time; an outer
    limit that runs out sooner keeps its own time."""
    if not hasattr(signal, "ITIMER_VIRTUAL") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame) -> None:
        raise TooSlow

    outer_left, outer_interval = signal.getitimer(signal.ITIMER_VIRTUAL)
    if outer_left and outer_left <= seconds:  # (the outer limit comes first: it stays as it is)
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, expire)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        left = signal.setitimer(signal.ITIMER_VIRTUAL, 0)[0]
        if previous is not None:  # (None: a handler set outside Python, which cannot be put back)
            signal.signal(signal.SIGVTALRM, previous)
        if outer_left:  # the outer limit, less what the body used (the timer's ticks round up)
            used = max(0.0, seconds - left)
            signal.setitimer(signal.ITIMER_VIRTUAL, max(outer_left - used, 1e-6), outer_interval)
