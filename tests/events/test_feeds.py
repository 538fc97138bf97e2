"""The iCalendar feed parses back (icalendar) with its rule and exceptions kept; the API has
the actors' API's filters, paging and error shape."""

from datetime import date

import pytest
from dateutil.rrule import rrulestr
from django.urls import reverse
from icalendar import Calendar

from actors.models import Commune, Theme
from events.models import Event, PlaceKind
from tests.factories import ActorFactory

from .conftest import make_event, paris

pytestmark = pytest.mark.django_db


def test_the_ics_feed_parses_back_with_rule_exceptions_and_zone(client, actor):
    make_event(actor, title="Série", rrule="FREQ=WEEKLY;COUNT=4", exdates=[date(2030, 3, 12)])
    make_event(actor, title="Journée", all_day=True, place_kind=PlaceKind.ONLINE,
               online_url="https://visio.example.org")  # fmt: skip
    response = client.get(reverse("events_feeds:export-ics"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    series = events["Série"]
    start = series.decoded("DTSTART")
    assert start == paris(2030, 3, 5, 10) and str(start.tzinfo) == "Europe/Paris"
    assert series["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=4"
    assert series["EXDATE"].dts[0].dt == paris(2030, 3, 12, 10)
    rule = rrulestr(series["RRULE"].to_ical().decode(), dtstart=start)
    kept = [d for d in rule if d.date() != date(2030, 3, 12)]
    assert [d.day for d in kept] == [5, 19, 26]
    day = events["Journée"]
    assert day.decoded("DTSTART") == date(2030, 3, 5)
    assert day.decoded("DTEND") == date(2030, 3, 6)


def test_the_ics_feed_takes_actor_theme_and_commune_repeatable(client, actor):
    other = ActorFactory(name="Autre")
    make_event(actor, title="Mien")
    make_event(other, title="Sien")
    elsewhere = Commune.objects.exclude(pk=other.commune_id).order_by("insee").first()
    make_event(ActorFactory(name="Tiers"), title="Tiers", place_kind=PlaceKind.ADDRESS,
               street_address="1 place", commune=elsewhere,
               location=elsewhere.centroid)  # fmt: skip
    response = client.get(reverse("events_feeds:export-ics"),
                          {"actor": [actor.slug, other.slug]})  # fmt: skip
    names = {str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}
    assert names == {"Mien", "Sien"}
    theme = Theme.objects.order_by("slug").last()
    Event.objects.get(title="Sien").themes.add(theme)
    response = client.get(reverse("events_feeds:export-ics"), {"theme": theme.slug})
    names = {str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}
    assert names == {"Sien"}
    response = client.get(reverse("events_feeds:export-ics"), {"commune": other.commune.insee})
    names = {str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}
    assert "Sien" in names and "Tiers" not in names
    refused = client.get(reverse("events_feeds:export-ics"), {"actor": "personne", "x": "1"})
    assert refused.status_code == 400
    assert refused.json()["errors"]["x"][0]["code"] == "unknown"


def test_the_api_lists_pages_and_describes_an_event(client, actor):
    for n in range(3):
        make_event(actor, title=f"Événement {n}", start=paris(2030, 3, 5 + n, 10),
                   end=paris(2030, 3, 5 + n, 12))  # fmt: skip
    url = reverse("events_feeds:api-events")
    first = client.get(url, {"page_size": 2}).json()
    assert (first["count"], first["pages"], first["previous"]) == (3, 2, None)
    assert [e["title"]["fr"] for e in first["results"]] == ["Événement 0", "Événement 1"]
    assert "page=2" in first["next"]
    record = first["results"][0]
    assert record["start"] == "2030-03-05T10:00:00+01:00"
    assert record["place"]["kind"] == "actor" and record["place"]["actor"] == actor.slug
    detail = client.get(reverse("events_feeds:api-event", args=[record["slug"]])).json()
    assert detail == record
    assert client.get(url, {"page": 3, "page_size": 2}).status_code == 404
    bad = client.get(url, {"page_size": "0"})
    assert bad.status_code == 400 and "page_size" in bad.json()["errors"]
    bad = client.get(url, {"since": "hier"})
    assert bad.status_code == 400 and bad.json()["errors"]["since"][0]["code"] == "invalid"
    missing = client.get(reverse("events_feeds:api-event", args=["nope"]))
    assert (
        missing.status_code == 404 and missing.json()["errors"]["detail"][0]["code"] == "not_found"
    )


def test_the_api_answers_conditional_requests(client, actor):
    make_event(actor)
    url = reverse("events_feeds:api-events")
    first = client.get(url)
    assert first.status_code == 200
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    make_event(actor, title="Nouveau")
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 200
