import pytest
from django.contrib.auth.models import Group

from actors.models import Public, Theme
from contributions.models import Membership, Role
from contributions.permissions import MODERATORS_GROUP
from expertise.models import Licence, Realisation, Ressource, RessourceType
from moderation.contract import Status
from tests.factories import ActorFactory, made_once


@pytest.fixture
def people(reference, django_user_model):
    def user(name, **extra):
        return django_user_model.objects.create_user(name, f"{name}@example.org", "x", **extra)

    actor = ActorFactory(name="Atelier Xiberoa")
    found = {
        "actor": actor,
        "other": user("other"),
        "editor": user("editor"),
        "owner": user("owner"),
        "staff": user("staff", is_staff=True),
        "moderator": user("moderator", is_staff=True),
    }
    found["moderator"].groups.add(Group.objects.get(name=MODERATORS_GROUP))
    Membership.objects.create(user=found["editor"], actor=actor, role=Role.EDITOR)
    Membership.objects.create(user=found["owner"], actor=actor, role=Role.OWNER)
    return found


def make_realisation(actor, status=Status.PUBLISHED, **values):
    values.setdefault("title", "Atelier de réparation")
    # The actor's vector reads its items: re-indexed once, after the taxonomies.
    with made_once(Realisation(actor=actor, status=status, **values)) as realisation:
        realisation.save(force_insert=True)
        realisation.themes.set(Theme.objects.order_by("slug")[:1])
        realisation.publics.set(Public.objects.order_by("slug")[:1])
    return realisation


def make_ressource(actor, status=Status.PUBLISHED, **values):
    values.setdefault("title", "Guide du réemploi")
    values.setdefault("type", RessourceType.objects.get(slug="guide"))
    values.setdefault("licence", Licence.CC_BY)
    values.setdefault("link", "https://example.org/guide")
    with made_once(Ressource(actor=actor, status=status, **values)) as ressource:
        ressource.save(force_insert=True)
        ressource.themes.set(Theme.objects.order_by("slug")[:1])
    return ressource
