"""Whatever a member types in any text field comes out as text: escaped in the pages,
the JSON-LD and the moderators' diff, never as markup or script."""

import pytest
from django.db.models import SlugField, URLField
from django.urls import reverse

from expertise.models import Partner, Realisation, Ressource
from moderation import workflow
from tests.factories import ActorFactory

from .conftest import make_realisation, make_ressource

pytestmark = pytest.mark.django_db

XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def text_fields(model):
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.get_internal_type() in ("CharField", "TextField")
        and f.editable
        and not f.choices
        and not isinstance(f, (URLField, SlugField))
    ]


def test_every_text_field_is_covered():
    # 15 texts, and the three alternative texts of each of the four images.
    assert len(text_fields(Realisation)) == 15 + 12
    assert text_fields(Ressource) == [
        "title", "title_eu", "title_es", "summary", "summary_eu", "summary_es", "file_name",
    ]  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "eu", "es"])
def test_texts_are_escaped_everywhere(client, people, lang):
    actor = people["actor"]
    outsider = ActorFactory(name=XSS)
    realisation = make_realisation(actor, **dict.fromkeys(text_fields(Realisation), XSS))
    Partner.objects.create(realisation=realisation, name=XSS, role="partenaire")
    Partner.objects.create(realisation=realisation, actor=outsider, role="financeur")
    ressource = make_ressource(actor, **dict.fromkeys(text_fields(Ressource), XSS))
    ressource.authors.set([outsider])
    pages = [
        f"/{lang}/realisations/{realisation.slug}/",
        f"/{lang}/ressources/{ressource.slug}/",
        f"/{lang}/realisations/",
        f"/{lang}/ressources/",
        f"/{lang}/acteurs/{actor.slug}/",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "<script>alert" not in response.text, path
        assert "<img src=x" not in response.text, path
        assert (
            "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
            or "\\u003cscript" in response.text
        ), path


def test_the_moderators_diff_escapes_the_proposed_texts(admin_client, people):
    ressource = make_ressource(people["actor"])
    declaration = ressource.declaration()
    request = workflow.propose_change(
        ressource, people["editor"],
        {**declaration.snapshot(ressource), "title": XSS}, ressource.updated_at,
    )  # fmt: skip
    url = reverse("admin:expertise_ressourcerequest_change", args=[request.pk])
    page = admin_client.get(url).text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page
