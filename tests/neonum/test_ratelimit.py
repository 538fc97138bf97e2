import threading

import pytest
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.db import connection

from neonum import allauth_limits, ratelimit


def test_allauth_counts_with_the_shared_rate_limits():
    assert allauth_ratelimit._consume_single_rate is allauth_limits.consume_single_rate
    assert allauth_ratelimit.clear is allauth_limits.clear


@pytest.mark.django_db
def test_a_limit_lets_exactly_that_many_through_then_undo_and_clear_give_back():
    first = ratelimit.consume("t:a", 2, 60)
    assert first is not None and ratelimit.hit("t:a", 2, 60)
    assert not ratelimit.hit("t:a", 2, 60)
    assert ratelimit.hit("t:b", 2, 60)  # another key counts apart
    ratelimit.undo(first)
    assert ratelimit.hit("t:a", 2, 60)
    ratelimit.clear("t:a")
    assert ratelimit.count("t:a") == 0


@pytest.mark.django_db
def test_expired_hits_no_longer_count():
    assert ratelimit.hit("t:short", 1, 0.001)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(0.01)")
    assert ratelimit.hit("t:short", 1, 0.001)


def test_back_off_doubles_from_the_free_attempts_up_to_its_cap():
    delays = [ratelimit.delay(n, free=3, base=2, cap=20) for n in range(8)]
    assert delays == [0, 0, 0, 2, 4, 8, 16, 20]
    assert ratelimit.delay(10**6, free=3, base=2, cap=20) == 20


@pytest.mark.django_db
def test_attempt_waits_after_the_free_attempts():
    for _ in range(2):
        assert ratelimit.attempt("t:back", free=2, window=60, base=30, cap=60) == 0
    wait = ratelimit.attempt("t:back", free=2, window=60, base=30, cap=60)
    assert 25 < wait <= 30
    assert ratelimit.count("t:back") == 2  # a refused attempt is not counted


@pytest.mark.django_db(transaction=True)
def test_concurrent_hits_from_many_connections_never_exceed_the_limit():
    allowed = []
    barrier = threading.Barrier(12)

    def worker():
        barrier.wait()
        try:
            allowed.append(ratelimit.hit("t:race", 5, 60))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(allowed) == [False] * 7 + [True] * 5
