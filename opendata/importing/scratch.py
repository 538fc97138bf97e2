"""A scratch database for one import run, outside the Python heap: SQLite's private
temporary database (an empty file name), which lives in a page cache of bounded size and
spills to a file deleted when it is closed. What an import remembers row after row (the
actors it knows and creates, the addresses it geocoded) goes there, so that the run's
memory stays flat however long the file (see README, "Benchmarks")."""

import sqlite3

# SQLite's page cache, in KiB (a negative cache_size is a size, not a page count): its
# default. The pages beyond it are read back from the operating system's file cache; a
# larger page cache was measured slower, not faster (see README, "Benchmarks").
CACHE_KIB = 2048


def connect():
    # The run's thread is not always the one that built the importer (the task worker).
    db = sqlite3.connect("", check_same_thread=False, isolation_level=None)
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    # Nothing to recover after a crash: the database is the run's scratch paper.
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    return db
