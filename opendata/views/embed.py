"""/embed/: the directory's results (map and list) in a page partner sites can frame.

The rest of the site refuses to be framed (X-Frame-Options DENY, frame-ancestors 'none');
here the origins allowed to frame come from EMBED_ALLOWED_ORIGINS (default: any)."""

from functools import wraps

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from actors import params
from actors.filters import actor_filterset
from actors.listing import PageRows
from actors.views.directory import map_settings

from ..templatetags.opendata import filters_only


def framable_by_allowed_origins(view):
    """django-csp's csp_replace, with the origins read from the settings at each request
    (so that a deployment, or a test, can change them)."""
    from csp.decorators import csp_replace

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        origins = list(settings.EMBED_ALLOWED_ORIGINS) or ["'none'"]
        return csp_replace({"frame-ancestors": origins})(view)(request, *args, **kwargs)

    return wrapped


@require_safe
@xframe_options_exempt
@framable_by_allowed_origins
def embed(request):
    filterset = actor_filterset(request.GET)
    context = {
        "filterset": filterset,
        "query": request.GET,
        "filters": filters_only(request.GET),
        "map": map_settings(),
    }
    status = 200
    if filterset.is_valid():
        # As the directory: the page's ids from a narrow sorted query, then their rows.
        results = PageRows(filterset.sorted(filterset.qs), filterset.place, request.GET)
        size = settings.EMBED_PAGE_SIZE
        page = Paginator(results, size).get_page(request.GET.get(params.PAGE))
        context.update(page_obj=page, actors=page.object_list, total=page.paginator.count)
    else:
        status = 400
        context.update(page_obj=None, actors=[], total=0)
    return render(request, "opendata/embed.html", context, status=status)
