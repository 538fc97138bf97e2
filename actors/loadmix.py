"""The load test's mix of paths (`manage.py bench_load`), drawn from the data: what visitors
and harvesters ask for, in fixed shares (MIX, per 100 requests). The same seed and data give
the same list; wrk cycles through it (actors/loadmix.lua)."""

import math
import random
import tomllib
from pathlib import Path
from urllib.parse import quote, urlencode

from django.conf import settings

from actors.models import Actor, Commune
from actors.taxonomies import SERVICES, THEMES, WELCOME_LANGUAGES

# Requests per 100, by kind.
MIX = {
    "actor page": 25,
    "directory with filters": 15,
    "search, French": 5,
    "search, Basque": 5,
    "search, Spanish": 5,
    "near a town": 10,
    "map data": 20,
    "API": 15,
}
LANGUAGES = ("fr", "eu", "es")
# The map's own requests: a 1366-pixel-wide view at these zooms (territory to street).
MAP_ZOOMS = (9, 11, 13, 15)
MAP_VIEW = (1366, 900)
RADII = (2, 5, 10, 20)
PHRASINGS = Path(settings.BASE_DIR) / "fixtures" / "relevance.toml"


def path(base, params=None):
    """A path with its query percent-encoded as a browser sends it (UTF-8)."""
    query = urlencode(params or {}, quote_via=quote)
    return f"{base}?{query}" if query else base


def bbox(lon, lat, zoom):
    """The bounds a map of MAP_VIEW pixels centred on (lon, lat) shows at `zoom`."""
    degrees_per_pixel = 360 / (256 * 2**zoom)
    half_width = MAP_VIEW[0] / 2 * degrees_per_pixel
    half_height = MAP_VIEW[1] / 2 * degrees_per_pixel * 0.73  # cos(43.4°): Web Mercator
    corners = (lon - half_width, lat - half_height, lon + half_width, lat + half_height)
    return ",".join(f"{value:.4f}" for value in corners)


class Sources:
    """What the paths are drawn from: published actors, communes, terms, real phrasings."""

    def __init__(self, rng, actors=500):
        self.rng = rng
        published = Actor.objects.published()
        slugs = list(published.order_by("pk").values_list("slug", flat=True))
        self.slugs = rng.sample(slugs, min(actors, len(slugs)))
        self.communes = list(
            Commune.objects.filter(actors__in=published)
            .distinct()
            .values_list("name", "insee", "centroid")
        )
        self.terms = {
            taxonomy.parameter: list(taxonomy.model.objects.values_list("slug", flat=True))
            for taxonomy in (THEMES, SERVICES, WELCOME_LANGUAGES)
        }
        self.api_pages = min(20, max(1, math.ceil(len(slugs) / settings.API_PAGE_SIZE)))
        with PHRASINGS.open("rb") as file:
            self.phrasings = {
                language: [entry["q"] for entry in entries]
                for language, entries in tomllib.load(file).items()
            }

    def choice(self, items):
        return self.rng.choice(items)

    def filters(self):
        names = self.rng.sample(sorted(self.terms), self.rng.choice((1, 2)))
        params = {name: self.choice(self.terms[name]) for name in names}
        if self.rng.random() < 0.3:
            params["commune"] = self.choice(self.communes)[1]
        return params


def actor_page(s):
    return f"/{s.choice(LANGUAGES)}/acteurs/{s.choice(s.slugs)}/"


def directory_with_filters(s):
    return path(f"/{s.choice(LANGUAGES)}/", s.filters())


def search(language):
    return lambda s: path(f"/{language}/", {"q": s.choice(s.phrasings[language])})


def near_a_town(s):
    return path(
        f"/{s.choice(LANGUAGES)}/", {"near": s.choice(s.communes)[0], "radius": s.choice(RADII)}
    )


def map_data(s):
    _, _, centroid = s.choice(s.communes)
    zoom = s.choice(MAP_ZOOMS)
    params = {"zoom": zoom, "bbox": bbox(centroid.x, centroid.y, zoom)}
    if s.rng.random() < 0.3:
        params.update(s.filters())
    return path(f"/{s.choice(LANGUAGES)}/carte/donnees.geojson", params)


def api(s):
    roll = s.rng.random()
    if roll < 0.4:
        return f"/api/v1/actors/{s.choice(s.slugs)}/"
    if roll < 0.7:
        return path("/api/v1/actors/", {"page": s.rng.randint(1, s.api_pages)})
    return path("/api/v1/actors/", s.filters())


BUILDERS = {
    "actor page": actor_page,
    "directory with filters": directory_with_filters,
    "search, French": search("fr"),
    "search, Basque": search("eu"),
    "search, Spanish": search("es"),
    "near a town": near_a_town,
    "map data": map_data,
    "API": api,
}


def build_mix(count=2000, seed=14):
    """[(kind, path)]: `count` requests in MIX's shares, in a shuffled, repeatable order."""
    rng = random.Random(seed)  # noqa: S311 -- a repeatable benchmark, not secrets
    sources = Sources(rng)
    total = sum(MIX.values())
    mix = []
    for kind, share in MIX.items():
        mix += [(kind, BUILDERS[kind](sources)) for _ in range(round(count * share / total))]
    rng.shuffle(mix)
    return mix
