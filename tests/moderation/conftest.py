import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from contributions import profile
from contributions.images import reencode_logo
from contributions.models import Claim, Membership, Role, Suggestion
from contributions.permissions import MODERATORS_GROUP
from moderation import workflow
from tests.contributions import conftest as contributions
from tests.contributions.conftest import make_user
from tests.factories import ActorFactory


def make_moderator(email):
    user = make_user(email)
    # get_or_create: transactional tests empty the tables, the migration's group included.
    user.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    return user


@pytest.fixture
def people(db):
    """One user per role: owner and editor are members of `actor`; the moderator is in the
    "Modérateurs" group, the staff member is staff and nothing else."""
    return {
        "other": make_user("autre@example.org"),
        "editor": make_user("editrice@example.org"),
        "owner": make_user("proprio@example.org"),
        "moderator": make_moderator("moderatrice@example.org"),
        "staff": make_user("equipe@example.org", is_staff=True),
    }


# The contributions' actor, its owner and editor taken from this folder's `people`.
actor = contributions.actor


def propose(actor, user, **changes):
    return workflow.propose_change(
        actor, user, {**profile.snapshot(actor), **changes}, actor.updated_at
    )


@pytest.fixture
def change(actor, people):
    return propose(actor, people["editor"], name="Repair Café Pays Basque", phone="05 59 00 00 00")


@pytest.fixture
def new_org(people, reference):
    draft = ActorFactory(name="Nouvelle asso Hasparren", draft=True)
    Membership.objects.create(user=people["editor"], actor=draft, role=Role.OWNER)
    return workflow.submit_for_review(draft, people["editor"])


@pytest.fixture
def claim(actor, people):
    return Claim.objects.create(actor=actor, user=people["other"], message="C'est mon association.")


@pytest.fixture
def suggestion(actor):
    return Suggestion.objects.create(
        actor=actor,
        text="Le téléphone a changé.",
        proposed={"phone": "05 59 11 22 33", "website": "https://nouveau.example.org"},
        contact_email="visiteur@example.org",
    )


def logo_file(color="green", size=(60, 30)):
    """An uploaded logo as the forms store it: re-encoded to WebP under a random name."""
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return reencode_logo(SimpleUploadedFile("logo.png", out.getvalue(), "image/png"))


def give_logo(actor, color="green"):
    upload = logo_file(color)
    actor.logo.save(upload.name, upload, save=True)
    return actor.logo
