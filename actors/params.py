"""The query parameters that are not filters: they choose which page, which order, which
part of the map or which facet's full list is shown, never which actors match. Declared
once: Python reads these names, templates and scripts read them from the page
(`{% query_parameters %}`, a data attribute)."""

PAGE = "page"
PAGE_SIZE = "page_size"
SORT = "sort"
# "Afficher tous les choix" of a long facet (actors.facets.shorten).
SHOW_ALL = "tout"
ZOOM = "zoom"
FIT = "fit"
# A filter, but the map's scripts set and clear it as they move.
BBOX = "bbox"

# The names the templates and scripts use, by role.
NAMES = {
    "page": PAGE,
    "page_size": PAGE_SIZE,
    "sort": SORT,
    "show_all": SHOW_ALL,
    "zoom": ZOOM,
    "fit": FIT,
    "bbox": BBOX,
}
# Not part of what the results are: links to the downloads and the embed leave them out.
DISPLAY = (PAGE, PAGE_SIZE, ZOOM, FIT, SHOW_ALL)
# The API's paging.
PAGING = (PAGE, PAGE_SIZE)
# What the cached results (facet counts, map data) do not depend on.
NOT_RESULTS = (PAGE, SORT, SHOW_ALL)
