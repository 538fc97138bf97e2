import pytest
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from actors.models import Actor, ActorStatus, Commune, Theme
from actors.models.actor import has_any_term
from tests.factories import BAYONNE, MAULEON, ActorFactory, commune

pytestmark = pytest.mark.django_db


def test_within_keeps_actors_inside_the_radius_only():
    bayonne, mauleon = commune(BAYONNE), commune(MAULEON)
    near = ActorFactory(location=Point(bayonne.centroid.x + 0.01, bayonne.centroid.y, srid=4326))
    ActorFactory(commune=mauleon, location=mauleon.centroid)

    assert list(Actor.objects.within(bayonne.centroid, 5)) == [near]
    assert list(Actor.objects.within(mauleon.centroid, 5)).count(near) == 0


def test_within_uses_true_distance_not_the_degree_box():
    bayonne = commune(BAYONNE)
    # 0.06° of longitude at 43.5°N is about 4.8 km; 0.07° is about 5.7 km.
    inside = ActorFactory(location=Point(bayonne.centroid.x + 0.06, bayonne.centroid.y, srid=4326))
    ActorFactory(location=Point(bayonne.centroid.x + 0.07, bayonne.centroid.y, srid=4326))
    assert list(Actor.objects.within(bayonne.centroid, 5)) == [inside]


def test_published_hides_every_other_status():
    shown = ActorFactory()
    ActorFactory(draft=True)
    ActorFactory(pending=True)
    ActorFactory(archived=True)
    assert list(Actor.objects.published()) == [shown]


def test_slug_is_made_unique_from_the_name():
    first = ActorFactory(name="Repair Café Baiona")
    second = ActorFactory(name="Repair Café Baiona")
    assert first.slug == "repair-cafe-baiona"
    assert second.slug == "repair-cafe-baiona-2"


def test_database_rejects_a_malformed_siret():
    actor = ActorFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.filter(pk=actor.pk).update(siret="1234")


def test_database_rejects_an_unknown_status():
    actor = ActorFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.filter(pk=actor.pk).update(status="deleted")


def test_database_rejects_an_invalid_commune_boundary():
    bowtie = "SRID=4326;MULTIPOLYGON(((0 0,1 1,1 0,0 1,0 0)))"
    with pytest.raises(IntegrityError), transaction.atomic():
        Commune.objects.create(
            insee="99999", name="Nulle part", postcodes=["99999"], population=0,
            boundary=bowtie, centroid=Point(0.5, 0.5, srid=4326),
        )  # fmt: skip


def test_clean_refuses_a_location_outside_the_commune():
    actor = ActorFactory.build(commune=commune(BAYONNE), location=commune(MAULEON).centroid)
    with pytest.raises(ValidationError) as error:
        actor.clean()
    assert "location" in error.value.message_dict


def test_full_clean_checks_formats():
    actor = ActorFactory(phone="12", opening_hours="tous les jours", siret="12345678901234")
    with pytest.raises(ValidationError) as error:
        actor.full_clean()
    assert {"phone", "opening_hours", "siret"} <= set(error.value.message_dict)


def test_status_labels_are_in_french():
    assert ActorStatus.PENDING.label == "En attente de modération"


@pytest.mark.parametrize(
    "text, insee",
    [
        ("Bayonne", "64102"),
        ("bayonne", "64102"),
        ("Baiona", "64102"),
        ("64100", "64102"),
        ("saint jean de luz", "64483"),
        ("Saint-Étienne-de-Baïgorry", "64477"),
        ("Donibane Lohizune", "64483"),
    ],
)
def test_commune_matching_accepts_names_in_both_languages_and_postcodes(text, insee):
    assert [c.insee for c in Commune.objects.matching(text)] == [insee]


def test_commune_matching_finds_nothing_for_blank_or_unknown_text():
    assert not Commune.objects.matching("").exists()
    assert not Commune.objects.matching("Paris").exists()


def test_commune_label_is_basque_in_euskara():
    from django.utils import translation

    bayonne = commune(BAYONNE)
    with translation.override("eu"):
        assert bayonne.label == "Baiona"
    with translation.override("fr"):
        assert bayonne.label == "Bayonne"
    lichos = Commune.objects.get(name="Lichos")  # no Basque name known: the French one
    with translation.override("eu"):
        assert lichos.label == "Lichos"


def test_a_mask_holds_the_ids_bits_and_its_sign_marks_an_id_past_62():
    low = Theme.objects.get(slug="low-tech")
    far = Theme.objects.create(pk=70, slug="au-dela", name="Au-delà", position=99)
    inside = ActorFactory(themes=["low-tech"])
    beyond = ActorFactory(themes=["low-tech", "au-dela"])
    only_far = ActorFactory(themes=["au-dela"])
    none = ActorFactory(themes=[])
    masks = dict(Actor.objects.values_list("pk", "theme_mask"))
    assert masks[inside.pk] == 1 << low.pk
    assert masks[beyond.pk] == (1 << low.pk) - (1 << 63)  # the sign bit and low-tech's
    assert masks[only_far.pk] == -(1 << 63)
    assert masks[none.pk] == 0

    def having(*ids):
        return set(Actor.objects.filter(has_any_term("theme_ids", list(ids))))

    # The same rows as the arrays' overlap, whether the ids have a bit or not.
    for ids in [(low.pk,), (far.pk,), (low.pk, far.pk)]:
        assert having(*ids) == set(Actor.objects.filter(theme_ids__overlap=list(ids)))
    assert having(low.pk) == {inside, beyond}
    assert having(far.pk) == {beyond, only_far}
    assert having(low.pk, far.pk) == {inside, beyond, only_far}


def test_a_listed_actor_names_its_relations_themes_and_services_in_their_order():
    several = ActorFactory(
        themes=["low-tech", "reemploi-reparation", "accessibilite"],
        services=["reparation", "initiation-numerique"],
    )
    bare = ActorFactory(themes=[], services=[])
    listed = {actor.pk: actor for actor in Actor.objects.for_listing()}
    # Read from the id arrays: the same terms, in the same order, as the many-to-many ones.
    for actor in (several, bare):
        assert listed[actor.pk].card_themes == list(actor.themes.all())
        assert listed[actor.pk].card_services == list(actor.services.all())
    assert len(listed[several.pk].card_themes) == 3
    assert len(listed[several.pk].card_services) == 2
    assert listed[bare.pk].card_themes == listed[bare.pk].card_services == []


@pytest.mark.parametrize(
    ("language", "before", "after"),
    [
        ("fr", "Aïcirits-Camou-Suhast", "Ayherre"),
        ("fr", "Béguios", "Bussunarits-Sarrasquette"),
        ("fr", "Saint-Étienne-de-Baïgorry", "Saint-Pierre-d'Irube"),
        ("eu", "Ürrüstoi-Larrabile", "Uztaritze"),
    ],
)
def test_communes_come_in_alphabetical_order_accents_included(reference, language, before, after):
    """In lists of communes a reader finds Béguios among the B, not after Bussunarits (the
    database's own order may be by code point)."""
    from django.utils import translation

    with translation.override(language):
        labels = [commune.label for commune in Commune.objects.by_label()]
    assert labels.index(before) < labels.index(after)
