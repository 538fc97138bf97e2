"""The relevance benchmark: realistic phrasings (fixtures/relevance.toml) searched as the
directory searches, each scoring when one of the first results offers a service or theme it
expects. Run by `manage.py bench_relevance` (`make bench`) and tests/actors/test_relevance.py."""

import tomllib
from dataclasses import dataclass

from django.conf import settings

from actors.filters import actor_filterset
from actors.models import Actor

CASES_FILE = settings.BASE_DIR / "fixtures" / "relevance.toml"
TOP = 5


@dataclass(frozen=True)
class Outcome:
    language: str
    query: str
    expected: tuple
    found: tuple  # the first results' names
    hit: bool


def cases():
    with open(CASES_FILE, "rb") as fh:
        data = tomllib.load(fh)
    return [(lang, case["q"], tuple(case["expect"])) for lang in data for case in data[lang]]


def run(queryset=None):
    """One Outcome per phrasing, searched among `queryset` (the demo actors by default)."""
    queryset = Actor.objects.published().demo() if queryset is None else queryset
    outcomes = []
    for language, query, expected in cases():
        filterset = actor_filterset({"q": query}, queryset)
        if not filterset.is_valid():
            raise ValueError(f"{query!r}: {filterset.errors.as_text()}")
        top = list(filterset.sorted(filterset.qs).prefetch_related("services", "themes")[:TOP])
        hit = any(offers(actor) & set(expected) for actor in top)
        names = tuple(actor.name for actor in top)
        outcomes.append(Outcome(language, query, expected, names, hit))
    return outcomes


def offers(actor):
    return {t.slug for t in actor.services.all()} | {t.slug for t in actor.themes.all()}


def scores(outcomes):
    """Share of hits per language and overall ("all"), in per cent."""
    groups = {}
    for outcome in outcomes:
        groups.setdefault(outcome.language, []).append(outcome.hit)
    groups["all"] = [outcome.hit for outcome in outcomes]
    return {key: 100 * sum(hits) / len(hits) for key, hits in groups.items()}
