import pytest
from django.http import QueryDict
from django.utils import translation

from alerts.searches import LISTS, normalise

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "given", "kept", "label"),
    [
        (
            "actors",
            "page=3&sort=name&q=+réparation+&theme=reemploi-reparation&commune=64102"
            "&commune=64102&open=now&bbox=-1.6,43.4,-1.4,43.55",
            "q=r%C3%A9paration&theme=reemploi-reparation&commune=64102",
            "Annuaire · réparation · Réemploi, reconditionnement et réparation · Bayonne",
        ),
        # An invalid value drops its parameter, the others stay.
        ("actors", "theme=nope&commune=64102", "commune=64102", "Annuaire · Bayonne"),
        ("actors", "radius=5", "", "Annuaire"),
        # A period says nothing about what is new: dropped.
        (
            "events",
            "when=today&since=2030-01-01&price=free&q=atelier&commune=99999",
            "q=atelier&price=free",
            "Agenda · atelier · Gratuit",
        ),
        ("ressources", "type=guide&licence=nope&q=x", "q=x&type=guide", "Ressources · x · Guide"),
        (
            "realisations",
            "progress=completed&commune=64102",
            "commune=64102&progress=completed",
            "Réalisations · Bayonne · Terminée",
        ),
    ],
)
def test_a_search_is_normalised_by_its_lists_own_filters(reference, kind, given, kept, label):
    assert normalise(kind, QueryDict(given)) == (kept, label)


def test_the_words_are_kept_as_typed(reference):
    query, label = normalise("actors", QueryDict("q=<script>alert(1)</script>"))
    assert QueryDict(query)["q"] == "<script>alert(1)</script>"
    assert label == "Annuaire · <script>alert(1)</script>"


def test_the_label_is_in_the_language_of_the_page(reference):
    with translation.override("eu"):
        _query, label = normalise("actors", QueryDict("commune=64102"))
    assert label == "Direktorioa · Baiona"


def test_a_saved_search_matches_what_its_list_shows(reference, people):
    from actors.models import Actor

    spec = LISTS["actors"]
    published = Actor.objects.published()
    assert list(spec.matching("commune=64102", published)) == list(
        published.filter(commune__insee="64102")
    )
    # A value that is no longer valid matches nothing rather than everything.
    assert not spec.matching("theme=removed", published).exists()
