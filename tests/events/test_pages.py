"""The agenda lists occurrences (a series on each of its dates), filters by period in
Europe/Paris, facets and words, hides past events unless asked, and escapes what members
write; each event page has its JSON-LD; the actor page and the home page show what is next."""

import json
import re
from datetime import date, datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import translation

from actors.models import Commune, Theme
from events.filters import AgendaForm
from events.models import PlaceKind, Price
from events.recurrence import PARIS

from .conftest import make_event, paris

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script>"


def window(query, now):
    form = AgendaForm(query)
    assert form.is_valid(), form.errors
    return form.window(now)


@pytest.mark.parametrize(
    ("now", "saturday"),
    [
        (paris(2026, 10, 21, 12), date(2026, 10, 24)),  # a Wednesday
        (paris(2026, 10, 24, 23, 30), date(2026, 10, 24)),  # Saturday night, Paris
        (paris(2026, 10, 25, 22), date(2026, 10, 24)),  # the Sunday the clocks go back
    ],
)
def test_this_weekend_is_saturday_and_sunday_in_paris(now, saturday):
    found = window({"when": "weekend"}, now)
    assert found.until == datetime(2026, 10, 26, tzinfo=PARIS)
    assert found.since == max(now, datetime.combine(saturday, datetime.min.time(), PARIS))
    # 23:30 in Paris on Saturday is still Saturday although it is Sunday in UTC+2's eyes… and
    # 22:30 UTC: the window keeps the Paris day.
    assert found.until.utcoffset().total_seconds() == 3600


def test_today_month_range_and_past():
    now = paris(2026, 2, 10, 15)
    assert window({"when": "today"}, now).until == paris(2026, 2, 11)
    assert window({"when": "month"}, now).until == paris(2026, 3, 1)
    ranged = window({"since": "2026-03-01", "until": "2026-03-02"}, now)
    assert (ranged.since, ranged.until) == (paris(2026, 3, 1), paris(2026, 3, 3))
    past = window({"past": "on"}, now)
    assert past.past and past.until == now


def test_a_series_is_listed_on_each_date_and_past_ones_hidden(client, actor):
    make_event(actor, title="Série", start=paris(2030, 3, 5, 10), end=paris(2030, 3, 5, 12),
               rrule="FREQ=WEEKLY;COUNT=3", exdates=[date(2030, 3, 12)])  # fmt: skip
    make_event(actor, title="Passé", start=paris(2024, 1, 1, 10), end=paris(2024, 1, 1, 12))
    page = client.get(reverse("events:agenda")).content.decode()
    assert page.count(">Série</a>") == 2
    assert "Passé" not in page
    past = client.get(reverse("events:agenda"), {"past": "on"}).content.decode()
    assert "Passé" in past and "Série" not in past
    ranged = client.get(reverse("events:agenda"), {"since": "2030-03-19", "until": "2030-03-19"})
    assert ranged.content.decode().count(">Série</a>") == 1


def test_facets_and_words(client, actor):
    theme = Theme.objects.order_by("slug").last()
    biarritz = Commune.objects.exclude(pk=actor.commune_id).get(name="Biarritz")
    paid = make_event(actor, title="Conférence payante", price=Price.PAID,
                      place_kind=PlaceKind.ADDRESS, street_address="1 rue",
                      commune=biarritz, location=biarritz.centroid)  # fmt: skip
    paid.themes.set([theme])
    make_event(actor, title="Rencontre gratuite", title_eu="Doako tailerra")
    url = reverse("events:agenda")
    assert "Rencontre" in client.get(url).content.decode()
    assert "Rencontre" not in client.get(url, {"price": "paid"}).content.decode()
    assert "Rencontre" not in client.get(url, {"theme": theme.slug}).content.decode()
    assert "Rencontre" not in client.get(url, {"commune": biarritz.insee}).content.decode()
    found = client.get(url, {"q": "tailerra"}).content.decode()
    assert "Rencontre gratuite" in found and "Conférence" not in found
    points = client.get(reverse("events:map-data"), {"price": "paid"}).json()["events"]
    assert [p[2] for p in points] == ["Conférence payante"]
    assert points[0][:2] == [round(biarritz.centroid.y, 5), round(biarritz.centroid.x, 5)]
    online = make_event(actor, title="En ligne", place_kind=PlaceKind.ONLINE,
                        online_url="https://visio.example.org")  # fmt: skip
    names = [p[2] for p in client.get(reverse("events:map-data")).json()["events"]]
    assert sorted(names) == ["Conférence payante", "Rencontre gratuite"]
    assert str(online) not in names


@pytest.mark.parametrize("query", [{"since": "2026-13-01"}, {"theme": "nope"},
                                   {"since": "2026-03-02", "until": "2026-03-01"}])  # fmt: skip
def test_a_bad_parameter_is_a_400_page_naming_it(client, actor, query):
    response = client.get(reverse("events:agenda"), query)
    assert response.status_code == 400
    assert (
        'class="error' in response.content.decode() or "aria-invalid" in response.content.decode()
    )


@pytest.mark.parametrize("lang", ["fr", "eu", "es"])
def test_event_page_in_three_languages_escapes_what_members_write(client, actor, lang):
    event = make_event(actor, title=f"Titre {XSS}", title_eu=f"Izenburua {XSS}",
                       title_es=f"Título {XSS}", summary=XSS, description=XSS,
                       accessibility=XSS, registration_url="https://example.org/i")  # fmt: skip
    with translation.override(lang):
        url = event.get_absolute_url()
        agenda = reverse("events:agenda")
    assert url.startswith(f"/{lang}/agenda/")
    for page in (client.get(url), client.get(agenda)):
        assert page.status_code == 200
        body = page.content.decode()
        assert XSS not in body
        assert "&lt;script&gt;" in body
    body = client.get(url).content.decode()
    assert f'<html lang="{lang}"' in body
    data = json.loads(re.search(r'application/ld\+json"[^>]*>(.*?)</script>', body, re.S)[1])
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert data["location"]["@type"] == "Place"
    assert data["organizer"][0]["name"] == actor.name
    assert data["offers"]["price"] == "0" and data["isAccessibleForFree"] is True
    assert data["startDate"] == "2030-03-05T10:00:00+01:00"


def test_an_online_event_is_a_virtual_location(client, actor):
    event = make_event(actor, place_kind=PlaceKind.ONLINE, online_url="https://visio.example.org")
    body = client.get(event.get_absolute_url()).content.decode()
    assert '"VirtualLocation"' in body and "OnlineEventAttendanceMode" in body


def test_unpublished_events_have_no_page(client, actor):
    from moderation.contract import Status

    event = make_event(actor, status=Status.DRAFT)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_the_actor_page_and_the_home_page_show_what_is_next(client, actor):
    make_event(actor, title="Bientôt")
    make_event(actor, title="Jadis", start=paris(2020, 1, 1, 10), end=paris(2020, 1, 1, 12))
    for url in (actor.get_absolute_url(), reverse("actors:home")):
        body = client.get(url).content.decode()
        assert "Bientôt" in body and "Jadis" not in body


def test_the_agenda_page_is_small_and_sends_a_few_queries(
    client, actor, django_assert_max_num_queries
):
    for n in range(25):
        make_event(actor, title=f"Événement {n}")
    with mock.patch("events.views.public.PAGE_SIZE", 20), django_assert_max_num_queries(25):
        response = client.get(reverse("events:agenda"))
    assert response.content.decode().count('class="actor-card"') == 20


def test_a_member_without_events_is_told_so(client, people):
    client.force_login(people["editor"])
    page = client.get(f"/fr/acteurs/{people['actor'].slug}/agenda/").content.decode()
    assert "Aucun événement pour l'instant." in page
