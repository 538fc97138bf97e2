"""django-allauth's rate limits counted by neonum.ratelimit.

allauth keeps each limit as a list of timestamps in the cache, read and written under a lock
made of `cache.add`, and gives up (refuses) when the lock is busy for a second; on the
database cache that lock breaks when a stale lock row expires, and culling may drop a list.
Its two module functions that touch the cache are replaced here, once, at start-up; the rest
of allauth (which actions are limited, `ACCOUNT_RATE_LIMITS`, the 429 page) is unchanged.
tests/neonum/test_ratelimit.py checks that the replacement is in place."""

from dataclasses import dataclass

from allauth.core.internal import ratelimit as allauth_ratelimit

from . import ratelimit


@dataclass
class Usage:
    hit_id: int

    def rollback(self):
        ratelimit.undo(self.hit_id)


def consume_single_rate(
    request, *, app, action, rate, key=None, user=None, dry_run=False, raise_exception=False
):
    counter = allauth_ratelimit.get_cache_key(
        request, app=app, action=action, rate=rate, key=key, user=user
    )
    if dry_run:
        usage = Usage(None) if ratelimit.count(counter) < rate.amount else None
    else:
        hit_id = ratelimit.consume(counter, rate.amount, rate.duration)
        usage = Usage(hit_id) if hit_id is not None else None
    if usage is None and raise_exception:
        raise allauth_ratelimit.RateLimited
    return usage


def clear(request, *, app, action, config=None, key=None, user=None):
    for rate in allauth_ratelimit.get_rates(app=app, action=action, config=config):
        ratelimit.clear(
            allauth_ratelimit.get_cache_key(
                request, app=app, action=action, rate=rate, key=key, user=user
            )
        )


def install():
    allauth_ratelimit._consume_single_rate = consume_single_rate
    allauth_ratelimit.clear = clear
