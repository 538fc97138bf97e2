from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property
from django.views import View

from actors import params
from actors.datacache import data_version
from actors.facets import compute_facets, shorten
from actors.filters import SortChoices, actor_filterset
from actors.listing import PageRows, page_request
from actors.relax import closest
from actors.templatetags.directory import query_with

PAGE_SIZE = settings.DIRECTORY_PAGE_SIZE
# Sent by the directory's script to receive the dynamic part of the page only.
FRAGMENT_HEADER = "X-Fragment"


class KnownCountPaginator(Paginator):
    """The facet query already counted the results: no second COUNT(*)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count


class DirectoryView(View):
    """The directory: filters with facet counts, the results a page at a time, and the map."""

    template_name = "actors/directory.html"
    fragment_template_name = "actors/_directory_dynamic.html"

    def get(self, request):
        filterset = actor_filterset(request.GET)
        context = {"filterset": filterset, "query": request.GET, "map": map_settings()}
        context["parameters"] = params.NAMES
        status = 200
        if filterset.is_valid():
            # The data's version, read once for the facets' and the list's cached entries.
            version = data_version()
            # A list ordered by rank: the counts' scan also reads the page.
            wanted = page_request(filterset, request.GET.get(params.PAGE), PAGE_SIZE)
            facets, counts = compute_facets(filterset, filterset.queryset, version, wanted)
            total = counts.total
            show_all = request.GET.get(params.SHOW_ALL, "")
            facets = shorten(facets, show_all)
            context["show_all"] = show_all
            # The map frames the results with these, without asking the server again.
            box = counts.bounds
            context["map_bounds"] = ",".join(f"{n:.5f}" for n in box) if box else ""
            listed = filterset.sorted(filterset.qs)
            radius = filterset.nearest_radius()
            nearest = None if radius is None else (radius, total)
            results = PageRows(listed, filterset.place, request.GET, version, nearest)
            results.read_along(wanted, total)
            paginator = KnownCountPaginator(results, PAGE_SIZE, total)
            page = paginator.get_page(request.GET.get(params.PAGE))
            context.update(facets=facets, total=total, page_obj=page, actors=page.object_list)
            context["default_sort_label"] = SortChoices(filterset.default_sort()).label
            context["sort"] = filterset.form.cleaned_data.get(params.SORT) or ""
            context["sort_notice"] = filterset.sort_notice()
            expansion = filterset.expansion() if total else None
            context["understood"] = expansion.terms if expansion else ()
            if not total:
                relaxed = closest(filterset, filterset.queryset)
                context["relaxed"] = relaxed
                if relaxed and relaxed.changes:
                    context["relaxed_url"] = query_with(
                        request.GET, **{params.PAGE: None}, **relaxed.changes
                    )
        else:
            status = 400
            # The criteria the list refused: the map's script asks nothing for them.
            context.update(facets=[], total=0, page_obj=None, actors=[], refused=True)
        fragment = request.headers.get(FRAGMENT_HEADER) == "results"
        template = self.fragment_template_name if fragment else self.template_name
        response = render(request, template, context, status=status)
        patch_vary_headers(response, [FRAGMENT_HEADER])
        return response


def map_settings():
    return {
        "tiles": settings.MAP_TILES_URL,
        "attribution": settings.MAP_TILES_ATTRIBUTION,
        "min_zoom": settings.MAP_MIN_ZOOM,
        "max_zoom": settings.MAP_MAX_ZOOM,
        "center": settings.LEAFLET_CONFIG["DEFAULT_CENTER"],
        "zoom": settings.MAP_DEFAULT_ZOOM,
    }
