"""What every API and export URL does before its view runs: GET and HEAD only, only the
query parameters it knows (a mistyped filter is a 400 naming it, not the whole data set),
and conditional GET (ETag, Last-Modified, 304) from a version that costs a few index
look-ups, never a render of the answer."""

import hashlib
from datetime import UTC, datetime
from functools import wraps

from django.db import connection
from django.db.models import Max
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from actors import opening
from actors.datacache import canonical_query
from actors.filters import ActorFilterSet, InvalidQuery
from actors.models import Actor

from .models import ActorRemoval
from .responses import error_response

# The directory's filters: the parameters of every output that follows them.
FILTERS = tuple(ActorFilterSet.base_filters)
UPDATED_SINCE = ("updated_since",)
# Documents that change only with the code (the OpenAPI description, the index): this
# process's start, so that a new version is never older than what a client holds.
STARTED = timezone.now().replace(microsecond=0)


def unknown_parameters(request, allowed):
    unknown = sorted(set(request.GET) - set(allowed))
    if not unknown:
        return None
    accepted = ", ".join(allowed) or _("aucun")
    return error_response(
        {
            name: [
                {
                    "message": _(
                        "Paramètre inconnu : « %(name)s ». Paramètres acceptés ici : %(accepted)s."
                    )
                    % {"name": name, "accepted": accepted},
                    "code": "unknown",
                }
            ]
            for name in unknown
        }
    )


def data_version():
    """The published data's version: the newest write, re-index or removal of any actor,
    the highest id (a new actor), read from indexes. Any change to what an output holds
    moves one of them."""
    actors = Actor.objects.aggregate(
        updated=Max("updated_at"), indexed=Max("indexed_at"), pk=Max("pk")
    )
    removals = ActorRemoval.objects.aggregate(at=Max("removed_at"), pk=Max("pk"))
    times = [t for t in (actors["updated"], actors["indexed"], removals["at"]) if t]
    newest = max(times, default=datetime(2000, 1, 1, tzinfo=UTC))
    seed = f"{newest.timestamp()}:{actors['pk'] or 0}:{removals['pk'] or 0}"
    return seed, newest


def open_filter_start(request, now):
    """When the answer to the `open` filter last changed: this minute for "now", else today."""
    value = request.GET.get("open")
    if not value:
        return None
    moment = opening.local(now).replace(second=0, microsecond=0)
    return moment if value == opening.OpenChoices.NOW else moment.replace(hour=0, minute=0)


def conditional(request, seed, last_modified):
    """The ETag and Last-Modified of this URL at `seed`, and a 304 (or 412) when the
    client already holds it, else None."""
    stamp = open_filter_start(request, timezone.now())
    if stamp and stamp > last_modified:
        last_modified = stamp
    query = canonical_query(request.GET, ignore=())
    digest = hashlib.sha256(f"{seed}|{request.path}|{query}".encode()).hexdigest()[:32]
    etag = quote_etag(digest)
    # HTTP dates count whole seconds: one second later, never earlier.
    last_modified = last_modified.replace(microsecond=0)
    answer = get_conditional_response(
        request, etag=etag, last_modified=int(last_modified.timestamp())
    )
    return answer, etag, last_modified


def endpoint(params=(), version=data_version):
    """Decorates an API or export view: `params` are the query parameters it accepts,
    `version()` returns (seed, last modified) for the data it reads. An InvalidQuery raised
    by the view is a 400 with its errors."""

    def decorator(view):
        @require_safe
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            refused = unknown_parameters(request, params)
            if refused is not None:
                return refused
            seed, last_modified = version()
            answer, etag, last_modified = conditional(request, seed, last_modified)
            if answer is None:
                try:
                    answer = view(request, *args, **kwargs)
                except InvalidQuery as invalid:
                    return error_response(invalid.errors)
            if answer.status_code in (200, 304):
                answer.headers.setdefault("ETag", etag)
                answer.headers.setdefault("Last-Modified", http_date(last_modified.timestamp()))
            return answer

        return wrapped

    return decorator


def code_version():
    return f"code:{STARTED.timestamp()}", STARTED


def reference_version(rows):
    """Taxonomies and communes have no timestamps; they are short, so the rows `rows()`
    lists (a queryset) are the version, hashed by PostgreSQL without leaving it, with the
    data's clock for Last-Modified (editing a term or a commune re-indexes its actors)."""

    def version():
        seed, newest = data_version()
        sql, params = rows().query.sql_with_params()
        with connection.cursor() as cursor:
            # `sql` is Django's own compilation of a queryset; the values stay parameters.
            hashed = f"SELECT md5(string_agg(r::text, ',' ORDER BY r::text)) FROM ({sql}) r"  # noqa: S608
            cursor.execute(hashed, params)
            (digest,) = cursor.fetchone()
        return f"{seed}:{digest}", newest

    return version
