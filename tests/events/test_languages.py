"""The agenda's pages, in each language, show no interface string left in another language
(the check of tests/neonum/test_translated_pages.py, on the agenda's pages)."""

import pytest
from django.urls import reverse

from contributions.models import Membership, Role
from events.models import PlaceKind
from tests.neonum.catalogs import python_names, sources, whole_sources
from tests.neonum.pagetext import read

from .conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "eu", "es"])
def test_the_agenda_pages_are_in_the_visitors_language(client, people, language):
    actor, member = people["actor"], people["owner"]
    Membership.objects.get_or_create(user=member, actor=actor, defaults={"role": Role.OWNER})
    event = make_event(actor, title="Konponketa", title_eu="Konponketa", title_es="Konponketa",
                       rrule="FREQ=WEEKLY;COUNT=3", place_kind=PlaceKind.ONLINE,
                       online_url="https://visio.example.org", capacity=12,
                       accessibility="LSF", registration_url="https://example.org/i")  # fmt: skip
    slug = {"slug": actor.slug}
    pages = [
        (None, reverse("events:agenda")),
        (None, reverse("events:agenda") + "?when=weekend&price=free"),
        (None, reverse("events:agenda") + "?since=nope"),
        (None, event.get_absolute_url()),
        (None, actor.get_absolute_url()),
        (member, reverse("events:mine", kwargs=slug)),
        (member, reverse("events:event-add", kwargs=slug)),
        (member, reverse("events:event-edit", kwargs={"slug": event.slug})),
    ]
    leftovers, words = sources(language), whole_sources(language)
    english = python_names(language)
    for who, french_path in pages:
        client.logout()
        if who:
            client.force_login(who)
        path = f"/{language}/" + french_path.removeprefix("/fr/")
        response = client.get(path)
        assert response.status_code in (200, 400), path
        text = read(response.content.decode())
        assert text.page_lang == language, path
        found = sorted(fragment for fragment in leftovers if fragment in "\n".join(text.parts))
        found += sorted(part for part in text.parts if part in words)
        found += sorted(part for part in text.parts if part.rstrip(" :") in english)
        assert found == [], f"{path}: {found}"


@pytest.mark.parametrize(
    ("language", "day"),
    [
        ("fr", "mardi 10 mars 2026"),
        ("es", "martes, 10 de marzo de 2026"),
        ("eu", "2026ko martxoaren 10a, asteartea"),
    ],
)
def test_an_event_s_day_is_written_in_its_language_s_order(language, day):
    """Not the French order with other words ("martes 10 marzo 2026")."""
    from types import SimpleNamespace

    from django.utils import translation

    from events.templatetags.events import occurrence_when

    from .conftest import paris

    occurrence = SimpleNamespace(
        start=paris(2026, 3, 10, 10), end=paris(2026, 3, 10, 12),
        event=SimpleNamespace(all_day=True),
    )  # fmt: skip
    with translation.override(language):
        assert f">{day}</time>" in occurrence_when(occurrence)
