"""Caching of results computed from the whole published data set (facet counts, map data).

Every write to an actor re-indexes it (actors.indexing) and moves `indexed_at`; the newest
`indexed_at` and the highest id are the data's version, read with two index lookups. A key
holds that version, so every process sees new data at once, whatever cache backend it has."""

import hashlib

from django.core.cache import cache
from django.db.models import Max
from django.utils import timezone

from actors import lexicon, opening, params
from actors.models import Actor

TTL = 60 * 10  # also bounds how long a hard delete (admin only) can go unnoticed


def data_version():
    latest = Actor.objects.aggregate(at=Max("indexed_at"), pk=Max("pk"))
    stamp = latest["at"].timestamp() if latest["at"] else 0
    return f"{stamp}:{latest['pk'] or 0}"


def canonical_query(data, ignore=params.NOT_RESULTS):
    """The query's parameters in a stable order, without those that do not change results."""
    items = sorted((k, v) for k in data for v in data.getlist(k) if k not in ignore and v)
    if data.get("open"):
        # "Open now" changes with the clock, "open on Saturday" with the date.
        items.append(("@", opening.cache_stamp(data.get("open"), timezone.now())))
    return "&".join(f"{k}={v}" for k, v in items)


def cache_key(kind, query, version=None):
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    return f"neonum:{kind}:{version or data_version()}:{lexicon.version()}:{digest}"


def cached(kind, query, compute, version=None):
    """`version`: the data_version() already read by the request, which saves a query."""
    key = cache_key(kind, query, version)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TTL)
    return value


def store(kind, query, value, version=None):
    """What cached() would compute, when it was read along with something else."""
    cache.set(cache_key(kind, query, version), value, TTL)
