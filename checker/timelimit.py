"""A time limit for work that may not end: a style's regular expression that backtracks (nested
repeats such as ``(?:[a-z]+ ?)+!``) takes time exponential in the length of the text. Vale runs
Go's linear-time engine, so a style written for it may never have shown the problem; Python's
``re`` checks for signals while it matches, so a timer signal stops it.

Only in the main thread of a process with ``SIGALRM`` (a command's, a pool worker's); elsewhere
(an embedding tool's thread, Windows) the work runs without a limit."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class TooSlow(Exception):
    """The limit of ``time_limit`` ran out."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TooSlow` in the body once ``seconds`` of wall time have passed."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
