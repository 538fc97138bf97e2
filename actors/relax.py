"""No dead end: when a search finds nothing, the closest results, saying what was relaxed.

In order: fewer words (dropping words until something matches), then a wider radius around
the same place, then the actors offering what the lexicon recognised in the words, nearest
first. The first step that finds something is shown; each query is an index-backed EXISTS."""

from dataclasses import dataclass
from itertools import combinations

from django.utils.translation import gettext as _

from actors.distance import haversine_km
from actors.filters import DEFAULT_RADIUS, RADIUS_CHOICES, expansion_condition

SHOWN = 10
MAX_WORDS = 6
MAX_TRIES = 15  # subsets of words tried, at most


@dataclass(frozen=True)
class Relaxed:
    message: str  # what was relaxed, in a sentence
    actors: list  # the first SHOWN of the closest results
    changes: dict  # the query's parameters to change to see them all in the directory; {}: none


def closest(filterset, base):
    """The closest results of a valid filterset that found nothing, or None."""
    for step in (fewer_words, wider_radius, recognised_services):
        relaxed = step(filterset, base)
        if relaxed is not None:
            return relaxed
    return None


def fewer_words(filterset, base):
    q = (filterset.form.cleaned_data.get("q") or "").strip()
    words = q.split()[:MAX_WORDS]
    tries = 0
    for size in range(len(words) - 1, 0, -1):
        for kept in combinations(words, size):
            tries += 1
            if tries > MAX_TRIES:
                return None
            shorter = " ".join(kept)
            results = filterset.filter_queryset(base, q=shorter)
            if results.exists():
                message = _(
                    "Aucun résultat pour « %(q)s » ; voici les résultats pour « %(kept)s »."
                )
                return Relaxed(
                    message % {"q": q, "kept": shorter},
                    first(filterset.sorted(results)),
                    {"q": shorter},
                )
    return None


def wider_radius(filterset, base):
    place = filterset.place
    if place is None:
        return None
    radius = int(filterset.form.cleaned_data.get("radius") or DEFAULT_RADIUS)
    q = (filterset.form.cleaned_data.get("q") or "").strip()
    for km, _label in RADIUS_CHOICES:
        if km <= radius:
            continue
        results = filterset.filter_queryset(base, skip="near").within(place.point, km)
        if results.exists():
            values = {"q": q, "radius": radius, "km": km}
            if q:
                message = _(
                    "Aucun résultat pour « %(q)s » à %(radius)s km ; "
                    "voici les résultats à %(km)s km."
                )
            else:
                message = _("Aucun résultat à %(radius)s km ; voici les résultats à %(km)s km.")
            return Relaxed(message % values, first(filterset.sorted(results)), {"radius": km})
    return None


def recognised_services(filterset, base):
    """The actors offering what the words stand for, whatever the other criteria."""
    expansion = filterset.expansion()
    if expansion is None:
        return None
    results = base.filter(expansion_condition(expansion))
    place = filterset.place
    if place is not None:
        results = results.annotate(distance_km=haversine_km(place.point)).order_by(
            "distance_km", "name", "pk"
        )
    else:
        results = results.order_by("name", "pk")
    actors = first(results)
    if not actors:
        return None
    terms = ", ".join(str(term.label) for term in expansion.terms)
    if place is not None:
        message = _(
            "Aucun résultat pour « %(q)s » avec ces critères ; voici les acteurs les plus "
            "proches qui proposent : %(terms)s."
        )
    else:
        message = _(
            "Aucun résultat pour « %(q)s » avec ces critères ; voici des acteurs qui "
            "proposent : %(terms)s."
        )
    message = message % {"q": filterset.form.cleaned_data.get("q"), "terms": terms}
    return Relaxed(message, actors, {})


def first(results):
    return list(results.for_listing()[:SHOWN])
