"""Reads on PostgreSQL streaming replicas, writes on the primary, read-your-writes.

Only requests go to replicas: the middleware opens a per-request routing state (a contextvar,
so each thread or task has its own); commands, tasks and tests outside a request read the
primary. Within a request, reads stay on the primary once something was written, inside a
transaction, and for READ_YOUR_WRITES_SECONDS after this browser wrote (a signed cookie), so
that a user always sees what they just did even while the replicas lag.
"""

import random
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

COOKIE = "neonum_primary"
SALT = "neonum.replicas"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}

# State whose staleness would be a bug, not a delay: the cache (Django's `django_cache`, and
# `neonum`: its table and the rate-limit counters), sessions, the task queue. Always on the
# primary.
PRIMARY_ONLY_APPS = {"django_cache", "neonum", "sessions", "procrastinate"}


@dataclass
class _Request:
    pinned: bool
    wrote: bool = False
    replica: str | None = None


_state: ContextVar[_Request | None] = ContextVar("neonum_replica_routing", default=None)


class PrimaryReplicaRouter:
    """Database router for settings.DATABASE_REPLICAS (aliases of DATABASES)."""

    def db_for_read(self, model, **hints):
        state = _state.get()
        if (
            state is None
            or state.pinned
            or state.wrote
            or not settings.DATABASE_REPLICAS
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        # One replica for the whole request: its pages read one consistent snapshot.
        if state.replica is None:
            state.replica = random.choice(settings.DATABASE_REPLICAS)  # noqa: S311
        return state.replica

    def db_for_write(self, model, **hints):
        state = _state.get()
        # Those apps are read from the primary anyway: a cache fill or a session update on a
        # GET must not take the visitor's reads off the replicas.
        if state is not None and model._meta.app_label not in PRIMARY_ONLY_APPS:
            state.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReadYourWritesMiddleware:
    """Opens the routing state of a request; after a write, pins the browser to the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.READ_YOUR_WRITES_SECONDS
        pinned = request.get_signed_cookie(COOKIE, default=None, salt=SALT, max_age=seconds)
        state = _Request(pinned=pinned is not None or request.method not in SAFE_METHODS)
        token = _state.set(state)
        try:
            response = self.get_response(request)
        finally:
            _state.reset(token)
        if state.wrote or request.method not in SAFE_METHODS:
            response.set_signed_cookie(
                COOKIE,
                "1",
                salt=SALT,
                max_age=seconds,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
