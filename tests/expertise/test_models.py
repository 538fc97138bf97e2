"""The database refuses what the models' rules refuse, whatever writes it."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from expertise.models import Partner, Realisation, Ressource, RessourceType
from tests.factories import ActorFactory

from .conftest import make_realisation, make_ressource

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor(reference):
    return ActorFactory()


def refused(write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


def test_a_title_in_some_language_is_required(actor):
    refused(lambda: Realisation.objects.create(actor=actor, slug="sans-titre"))
    refused(lambda: make_ressource(actor, title="", slug="sans-titre"))
    assert make_realisation(actor, title="", title_eu="Tailerra").slug == "tailerra"


def test_closed_sets_are_checked_by_the_database(actor):
    refused(lambda: make_realisation(actor, progress="abandoned"))
    refused(lambda: make_realisation(actor, licence="wtfpl"))
    refused(lambda: make_realisation(actor, status="hidden"))
    refused(lambda: make_ressource(actor, licence=""))
    refused(lambda: make_ressource(actor, content_language="xx"))


def test_a_realisation_ends_after_it_starts(actor):
    refused(lambda: make_realisation(actor, start_date=date(2025, 5, 1), end_date=date(2025, 4, 1)))
    kept = make_realisation(actor, start_date=date(2025, 5, 1), end_date=date(2025, 5, 1))
    assert kept.pk


def test_a_partner_is_an_actor_or_a_name_never_both_nor_neither(actor):
    realisation = make_realisation(actor)
    refused(lambda: Partner.objects.create(realisation=realisation, role="partenaire"))
    refused(
        lambda: Partner.objects.create(
            realisation=realisation, actor=actor, name="Autre", role="partenaire"
        )
    )
    refused(lambda: Partner.objects.create(realisation=realisation, name="X", role="mécène"))
    Partner.objects.create(realisation=realisation, actor=actor, role="financeur")
    refused(lambda: Partner.objects.create(realisation=realisation, actor=actor, role="financeur"))
    Partner.objects.create(realisation=realisation, name="Fondation", role="financeur")
    assert realisation.partners.count() == 2


def test_the_slug_is_set_once_and_kept_when_the_title_changes(actor):
    realisation = make_realisation(actor, title="Atelier vélo")
    make_realisation(actor, title="Atelier vélo")
    assert Realisation.objects.filter(slug__startswith="atelier-velo").count() == 2
    realisation.title = "Tout autre chose"
    realisation.save()
    realisation.refresh_from_db()
    assert realisation.slug == "atelier-velo"


def test_the_search_vector_reads_the_three_languages(actor):
    make_realisation(actor, title="Réparation", title_eu="Konponketa", summary_es="reciclaje")
    found = Realisation.objects.filter(search_vector__isnull=False).count()
    assert found == 1
    from expertise import search

    for words in ("réparations", "konponketa", "reciclajes"):
        assert search.matching(Realisation.objects.all(), words).count() == 1, words
    assert search.matching(Ressource.objects.all(), "konponketa").count() == 0
    assert RessourceType.objects.filter(slug="guide").exists()
