"""The lists read in two steps and cached (expertise.listing) list what a plain query
finds, in the same order, on every page; a change to an item shows at once."""

import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q

from actors.models import Commune, Public, Theme
from expertise.models import Licence, Progress, Realisation, Ressource, RessourceType
from expertise.views.public import PAGE_SIZE
from moderation.contract import Status
from tests.factories import ActorFactory

from .conftest import make_ressource

pytestmark = pytest.mark.django_db

TITLES = [("Atelier de réparation", "Konponketa tailerra", "Taller de reparación"),
          ("Guide des logiciels libres", "Software librearen gida", "Guía de software libre"),
          ("Sobriété à l'école", "Soiltasuna eskolan", "Sobriedad en la escuela")]  # fmt: skip


@pytest.fixture
def items(reference):
    """25 réalisations and 25 ressources: more than a page, over two themes, two publics,
    three communes, both states, three types and licences, some not published."""
    actor = ActorFactory()
    themes, publics = list(Theme.objects.order_by("slug")[:2]), list(Public.objects.all()[:2])
    communes = list(Commune.objects.order_by("insee")[:3])
    types = list(RessourceType.objects.order_by("slug")[:3])
    for n in range(25):
        fr, eu, es = TITLES[n % 3]
        texts = {"title": f"{fr} {n}", "title_eu": f"{eu} {n}", "title_es": f"{es} {n}"}
        status = Status.DRAFT if n % 7 == 0 else Status.PUBLISHED
        realisation = Realisation.objects.create(
            actor=actor, status=status, whole_territory=n % 5 == 0,
            progress=Progress.COMPLETED if n % 2 else Progress.IN_PROGRESS, **texts,
        )  # fmt: skip
        realisation.themes.set(themes[: 1 + n % 2])
        realisation.publics.set([publics[n % 2]])
        realisation.communes.set([communes[n % 3]])
        ressource = make_ressource(
            actor, status=status, type=types[n % 3],
            licence=Licence.values[n % 3], **texts,
        )  # fmt: skip
        ressource.themes.set([themes[n % 2]])
        ressource.publics.set(publics[: 1 + n % 2])
    return {"themes": themes, "publics": publics, "communes": communes, "types": types}


def reference(model, theme=None, public=None, commune=None, type=None, words=None):
    """The plain query: one statement, whole rows, no cache."""
    found = model.objects.filter(status=Status.PUBLISHED)
    if theme:
        found = found.filter(themes=theme)
    if public:
        found = found.filter(publics=public)
    if commune:
        found = found.filter(Q(whole_territory=True) | Q(communes=commune)).distinct()
    if type:
        found = found.filter(type=type)
    if words:
        query = None
        for config in ("fr_unaccent", "eu_unaccent", "es_unaccent"):
            reading = SearchQuery(words, config=config, search_type="websearch")
            query = reading if query is None else query | reading
        found = found.filter(search_vector=query).annotate(
            rank=SearchRank(F("search_vector"), query)
        )
        return list(found.order_by("-rank", "-updated_at").values_list("slug", flat=True))
    return list(found.order_by("-updated_at").values_list("slug", flat=True))


def listed(client, path):
    """Every page's slugs, and the count the page shows."""
    slugs, page = [], 1
    while True:
        separator = "&" if "?" in path else "?"
        response = client.get(f"{path}{separator}page={page}")
        assert response.status_code == 200
        page_obj = response.context["page_obj"]
        slugs += [item.slug for item in page_obj]
        if not page_obj.has_next():
            return slugs, page_obj.paginator.count
        page += 1


def test_each_list_matches_the_plain_query_page_by_page(client, items):
    theme, public = items["themes"][0], items["publics"][1]
    commune, kind = items["communes"][1], items["types"][2]
    cases = [
        ("/fr/realisations/", Realisation, {}),
        (f"/fr/realisations/?theme={theme.slug}&public={public.slug}", Realisation,
         {"theme": theme, "public": public}),
        (f"/fr/realisations/?commune={commune.insee}", Realisation, {"commune": commune}),
        ("/fr/realisations/?q=reparation", Realisation, {"words": "reparation"}),
        ("/eu/realisations/?q=konponketa", Realisation, {"words": "konponketa"}),
        ("/es/realisations/?q=reparación", Realisation, {"words": "reparación"}),
        ("/fr/ressources/", Ressource, {}),
        (f"/fr/ressources/?theme={theme.slug}&type={kind.slug}", Ressource,
         {"theme": theme, "type": kind}),
        ("/es/ressources/?q=software+libre", Ressource, {"words": "software libre"}),
    ]  # fmt: skip
    for path, model, filters in cases:
        expected = reference(model, **filters)
        assert expected, path  # each case finds something to compare
        # Twice: computed, then read from the cache.
        assert listed(client, path) == (expected, len(expected)), path
        assert listed(client, path) == (expected, len(expected)), path
    assert len(reference(Realisation)) > PAGE_SIZE


def test_a_change_to_an_item_shows_at_once(client, items):
    before, count = listed(client, "/fr/realisations/")
    item = Realisation.objects.get(slug=before[-1])
    item.status = Status.ARCHIVED
    item.save()
    after, new_count = listed(client, "/fr/realisations/")
    assert (after, new_count) == (before[:-1], count - 1)
    item.status = Status.PUBLISHED
    item.save()  # saved last: now the newest
    assert listed(client, "/fr/realisations/") == ([item.slug, *before[:-1]], count)
