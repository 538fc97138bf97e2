import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from contributions.models import Membership, Role
from tests.factories import ActorFactory

PASSWORD = "une phrase de passe assez longue"


def make_user(email, **extra):
    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, **extra
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def people(db):
    """One user per role; owner and editor are members of `actor`."""
    return {
        "other": make_user("autre@example.org"),
        "editor": make_user("editrice@example.org"),
        "owner": make_user("proprio@example.org"),
        "staff": make_user("equipe@example.org", is_staff=True),
    }


@pytest.fixture
def actor(people, reference):
    actor = ActorFactory(name="Repair Café Bayonne", website="https://repair.example.org")
    Membership.objects.create(user=people["owner"], actor=actor, role=Role.OWNER)
    Membership.objects.create(user=people["editor"], actor=actor, role=Role.EDITOR)
    return actor


@pytest.fixture
def draft(people, reference):
    draft = ActorFactory(name="Brouillon Hasparren", draft=True)
    Membership.objects.create(user=people["owner"], actor=draft, role=Role.OWNER)
    Membership.objects.create(user=people["editor"], actor=draft, role=Role.EDITOR)
    return draft
