"""The contribution forms' labels and legends are in the page's language and capitalised,
the lists of terms included (they once showed "Themes", "Services"… in every language)."""

import html
import re

import pytest
from django.utils import translation
from django.utils.text import capfirst

from actors.models import Actor

pytestmark = pytest.mark.django_db

TERMS = ["themes", "services", "publics", "languages"]
CAPTION = re.compile(r"<(legend|label)\b[^>]*>\s*([^<]*)")


def captions(page):
    return [html.unescape(text).strip() for _tag, text in CAPTION.findall(page) if text.strip()]


def forms(actor):
    return {"add": "organisations/ajouter/", "edit": f"acteurs/{actor.slug}/modifier/"}


@pytest.mark.parametrize("language", ["fr", "eu", "es"])
def test_labels_are_in_the_page_language_and_capitalised(client, actor, people, language):
    client.force_login(people["owner"])
    with translation.override(language):
        expected = [capfirst(str(Actor._meta.get_field(name).verbose_name)) for name in TERMS]
    for which, path in forms(actor).items():
        texts = captions(client.get(f"/{language}/{path}").content.decode())
        assert len(texts) > 10, which
        for text in texts:
            assert not text[0].isalpha() or text[0].isupper(), (which, text)
        english = {"Themes", "Languages"} | ({"Services", "Publics"} if language != "fr" else set())
        assert not english & set(texts), which
        # The add form asks for the themes only; the edit form for every list.
        shown = expected if which == "edit" else expected[:1]
        assert set(shown) <= set(texts), (which, shown, texts)
