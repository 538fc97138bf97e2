"""Waiting for a condition rather than for a fixed time."""

import time


def wait_until(condition, timeout=10, every=0.05, message="condition not met in time"):
    """Polls `condition` until it is true; fails the test after `timeout` seconds with
    `message` (a callable is called then, for a message that reads the latest state)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            raise AssertionError(message() if callable(message) else message)
        time.sleep(every)
