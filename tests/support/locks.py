"""A lock between the test processes of a machine: a file under var/, held with flock."""

import fcntl
from contextlib import contextmanager


@contextmanager
def held(path):
    """Holds the lock of `path` (created with its folder if missing) until the block ends; the
    kernel lets it go if the process dies."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
