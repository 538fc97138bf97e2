from contextlib import contextmanager

import factory
from django.contrib.gis.geos import Point

from actors import indexing
from actors.models import Actor, ActorKind, ActorStatus, Commune, Language, Public, Service, Theme
from moderation.history import AttributedHistory


def without_versions(instance):
    """Until first_version(instance), its saves and taxonomy changes write no version
    (django-simple-history's switch)."""
    instance.skip_history_when_saving = True


def first_version(instance):
    """The one version ("+", created) of an object made by the tests, holding its taxonomies:
    the application writes one version per change (moderation.history.recorded), and a
    version per save and per taxonomy set was most of the cost of making one."""
    del instance.skip_history_when_saving
    AttributedHistory.registered[type(instance)].create_historical_record(instance, "+")


@contextmanager
def made_once(instance):
    """For an object the block saves and gives its taxonomies: one version at the end, and
    the actors it touches re-indexed once."""
    without_versions(instance)
    with indexing.deferred():
        yield instance
    first_version(instance)


def commune(insee):
    return Commune.objects.get(insee=insee)


BAYONNE = "64102"
MAULEON = "64371"


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Atelier numérique {n}")
    kind = factory.LazyFunction(lambda: ActorKind.objects.get(slug="association"))
    summary = "Aide à la réparation et à la prise en main des ordinateurs."
    commune = factory.LazyFunction(lambda: commune(BAYONNE))
    location = factory.LazyAttribute(
        lambda o: Point(o.commune.centroid.x, o.commune.centroid.y, srid=4326)
    )
    status = ActorStatus.PUBLISHED

    class Params:
        draft = factory.Trait(status=ActorStatus.DRAFT)
        pending = factory.Trait(status=ActorStatus.PENDING)
        archived = factory.Trait(status=ActorStatus.ARCHIVED)
        demo = factory.Trait(is_demo=True, source="demo")

    @classmethod
    def _generate(cls, strategy, params):
        """An actor indexed once, with one version holding its taxonomies, where the save and
        each taxonomy set re-indexed it and wrote a version: 30 ms an actor instead of 58."""
        with indexing.deferred():
            return super()._generate(strategy, params)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        actor = model_class(*args, **kwargs)
        without_versions(actor)
        actor.save(force_insert=True)
        return actor

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            first_version(instance)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create:
            slugs = extracted if extracted is not None else ["reemploi-reparation"]
            self.themes.set(Theme.objects.filter(slug__in=slugs))

    @factory.post_generation
    def services(self, create, extracted, **kwargs):
        if create and extracted:
            self.services.set(Service.objects.filter(slug__in=extracted))

    @factory.post_generation
    def publics(self, create, extracted, **kwargs):
        if create and extracted:
            self.publics.set(Public.objects.filter(slug__in=extracted))

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(Language.objects.filter(slug__in=extracted))


def at(insee, dx=0.0, dy=0.0):
    """A point near a commune's centre, `dx`/`dy` degrees away."""
    centre = commune(insee).centroid
    return Point(centre.x + dx, centre.y + dy, srid=4326)


def kind(slug):
    return ActorKind.objects.get(slug=slug)
