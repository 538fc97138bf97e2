"""import_events: iCalendar (file or URL) and OpenAgenda exports, with the importer's
guarantees (dry run, one transaction, a savepoint a row, identity by UID, moderation)."""

import json
from datetime import date, time
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from icalendar import Calendar

from events.importing import fetch
from events.importing.importer import import_events
from events.models import Event, EventRequest, PlaceKind
from events.recurrence import PARIS, local
from moderation.contract import ProposalKind, Status
from opendata.importing.importer import CREATED, DUPLICATE, OUTSIDE, REJECTED, UNCHANGED, UPDATED
from tests.stubs.files import FileStub

from .conftest import make_event, paris

pytestmark = pytest.mark.django_db


def vevent(uid, summary, start="DTSTART;TZID=Europe/Paris:20300330T100000",
           end="DTEND;TZID=Europe/Paris:20300330T120000", location="12 rue Pannecau, Bayonne",
           extra=()):  # fmt: skip
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20300101T000000Z", f"SUMMARY:{summary}"]
    lines += [line for line in (start, end) if line]
    if location:
        lines.append(f"LOCATION:{location}")
    return [*lines, *extra, "END:VEVENT"]


def calendar(*events):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Essai//FR"]
    for event in events:
        lines += event
    return ("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode()


SERIES = vevent(
    "serie@example.org", "Atelier hebdomadaire",
    extra=["RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;TZID=Europe/Paris:20300406T100000",
           "DESCRIPTION:Apportez votre ordinateur.", "URL:https://example.org/inscription"],
)  # fmt: skip
DAY = vevent("jour@example.org", "Journée en ligne", start="DTSTART;VALUE=DATE:20300510",
             end="DTEND;VALUE=DATE:20300512",
             location="https://visio.example.org/salle")  # fmt: skip


def run(data, actor, kind="ical", apply=True):
    return import_events(data, kind, actor, apply=apply)


def outcomes(report):
    return [(row.line, row.outcome) for row in report.rows]


def test_a_dry_run_reports_and_writes_nothing(actor, ban):
    before = Event.objects.count()
    report = run(calendar(SERIES, DAY), actor, apply=False)
    assert outcomes(report) == [(1, CREATED), (2, CREATED)]
    assert Event.objects.count() == before
    assert not EventRequest.objects.exists()


def test_apply_creates_pending_events_with_a_new_request(actor, ban):
    report = run(calendar(SERIES, DAY), actor)
    assert outcomes(report) == [(1, CREATED), (2, CREATED)]
    series = Event.objects.get(source="ical", source_id="serie@example.org")
    assert series.status == Status.PENDING and series.actor == actor
    assert series.place_kind == PlaceKind.ADDRESS and series.commune.insee == "64102"
    assert series.street_address == "12 rue Pannecau"
    assert series.description == "Apportez votre ordinateur."
    assert series.registration_url == "https://example.org/inscription"
    request = EventRequest.objects.get(event=series)
    assert request.kind == ProposalKind.NEW and request.proposed["title"] == series.title
    day = Event.objects.get(source_id="jour@example.org")
    assert day.all_day and day.place_kind == PlaceKind.ONLINE
    assert day.online_url == "https://visio.example.org/salle"
    assert [o.day for o in day.occurrences()] == [date(2030, 5, 10)]
    assert local(day.end).date() == date(2030, 5, 11)


def test_recurrence_and_exceptions_kept_across_the_change_to_summer_time(actor, ban):
    run(calendar(SERIES), actor)
    series = Event.objects.get(source_id="serie@example.org")
    assert series.rrule == "FREQ=WEEKLY;COUNT=4" and series.exdates == [date(2030, 4, 6)]
    found = series.occurrences()
    # 30 March 2030 is winter time, 13 April summer time: 10:00 local both.
    assert [o.day for o in found] == [date(2030, 3, 30), date(2030, 4, 13), date(2030, 4, 20)]
    assert {o.start.time() for o in found} == {time(10)}
    assert [o.start.utcoffset().seconds // 3600 for o in found] == [1, 2, 2]


def test_utc_and_floating_times_are_read_in_paris(actor, ban):
    utc = vevent("utc@example.org", "UTC", start="DTSTART:20300701T080000Z",
                 end="DTEND:20300701T090000Z")  # fmt: skip
    floating = vevent("flottant@example.org", "Flottant", start="DTSTART:20300701T100000",
                      end="DTEND:20300701T110000")  # fmt: skip
    run(calendar(utc, floating), actor)
    for uid in ("utc@example.org", "flottant@example.org"):
        assert local(Event.objects.get(source_id=uid).start) == paris(2030, 7, 1, 10)


def test_a_second_run_changes_nothing(actor, ban):
    data = calendar(SERIES, DAY)
    run(data, actor)
    requests = EventRequest.objects.count()
    report = run(data, actor)
    assert outcomes(report) == [(1, UNCHANGED), (2, UNCHANGED)]
    assert EventRequest.objects.count() == requests


def test_a_changed_published_event_becomes_a_change_request(actor, ban):
    run(calendar(SERIES), actor)
    Event.objects.filter(source_id="serie@example.org").update(status=Status.PUBLISHED)
    changed = [line.replace("Atelier hebdomadaire", "Atelier du samedi") for line in SERIES]
    report = run(calendar(changed), actor)
    assert outcomes(report) == [(1, UPDATED)]
    event = Event.objects.get(source_id="serie@example.org")
    assert event.title == "Atelier hebdomadaire"
    change = EventRequest.objects.get(event=event, kind=ProposalKind.CHANGE)
    assert change.proposed["title"] == "Atelier du samedi"
    assert outcomes(run(calendar(changed), actor)) == [(1, UNCHANGED)]


def test_bad_rows_are_reported_and_skipped(actor, ban):
    rows = [
        vevent("", "Sans UID"),
        vevent("sans-debut@example.org", "Sans début", start="", end=""),
        vevent("ailleurs@example.org", "Ailleurs", location="Place du Capitole, Toulouse"),
        vevent("nulle-part@example.org", "Nulle part", location="Quelque part au loin"),
        vevent("regle@example.org", "Règle", extra=["RRULE:FREQ=SOUVENT"]),
        vevent(
            "a-l-envers@example.org", "À l'envers", end="DTEND;TZID=Europe/Paris:20300330T090000"
        ),  # fmt: skip
        vevent("date@example.org", "Date", start="DTSTART:demain"),
        SERIES,
        vevent("serie@example.org", "Doublon"),
    ]
    report = run(calendar(*rows), actor)
    found = {row.name: (row.outcome, row.reason) for row in report.rows}
    assert found["Sans UID"][0] == REJECTED and "UID" in found["Sans UID"][1]
    assert found["Sans début"][0] == REJECTED and "DTSTART" in found["Sans début"][1]
    assert found["Ailleurs"] == (OUTSIDE, "Lieu hors du territoire de la CAPB : « "
                                          "Place du Capitole, Toulouse ».")  # fmt: skip
    assert found["Nulle part"][0] == REJECTED and "introuvable" in found["Nulle part"][1]
    assert found["Règle"][0] == REJECTED and "(RRULE)" in found["Règle"][1]
    assert found["À l'envers"][0] == REJECTED and "fin" in found["À l'envers"][1]
    assert found["Doublon"] == (DUPLICATE, "Doublon de la ligne 8 : non appliqué.")
    assert found["Date"][0] == REJECTED and "(DTSTART)" in found["Date"][1]
    assert found["Atelier hebdomadaire"][0] == CREATED
    assert list(Event.objects.filter(source="ical").values_list("source_id", flat=True)) == [
        "serie@example.org"
    ]


def test_an_unreadable_file_is_a_clear_error(actor, tmp_path):
    path = tmp_path / "agenda.ics"
    path.write_bytes(b"ceci n'est pas un calendrier")
    with pytest.raises(CommandError, match="iCalendar illisible"):
        call_command("import_events", str(path), "--format", "ical", "--actor", actor.slug)
    with pytest.raises(CommandError, match="Aucun acteur"):
        call_command("import_events", str(path), "--format", "ical", "--actor", "personne")


def test_our_own_feed_reimported_changes_nothing(client, actor, ban):
    from actors.models import Commune

    commune = Commune.objects.get(insee="64102")
    make_event(actor, title="Série", rrule="FREQ=WEEKLY;COUNT=4", exdates=[date(2030, 3, 12)],
               summary="Un atelier")  # fmt: skip
    make_event(actor, title="En ligne", all_day=True, place_kind=PlaceKind.ONLINE,
               online_url="https://visio.example.org",
               registration_url="https://ex.org/i")  # fmt: skip
    make_event(actor, title="Ailleurs", place_kind=PlaceKind.ADDRESS,
               street_address="3 place inconnue", commune=commune,
               location=commune.centroid)  # fmt: skip
    feed = client.get(reverse("events_feeds:export-ics")).content
    versions = {e.pk: e.updated_at for e in Event.objects.all()}
    report = run(feed, actor)
    assert {row.outcome for row in report.rows} == {UNCHANGED}
    assert len(report.rows) == 3
    assert not EventRequest.objects.exists()
    assert {e.pk: e.updated_at for e in Event.objects.all()} == versions
    # A title changed in the feed is a change request, the rest untouched.
    changed = Calendar.from_ical(feed)
    for item in changed.walk("VEVENT"):
        if str(item["SUMMARY"]) == "Série":
            item["SUMMARY"] = "Série renommée"
    assert sorted(r.outcome for r in run(changed.to_ical(), actor).rows) == [
        UNCHANGED, UNCHANGED, UPDATED,
    ]  # fmt: skip
    change = EventRequest.objects.get(kind=ProposalKind.CHANGE)
    assert change.proposed["title"] == "Série renommée"
    assert {k for k in change.proposed if change.proposed[k] != change.base[k]} == {"title"}


def test_text_is_stored_as_given_and_escaped_on_display(client, actor, ban):
    hostile = vevent("xss@example.org", "<script>alert(1)</script>Atelier",
                     extra=["DESCRIPTION:<img src=x onerror=alert(2)>"])  # fmt: skip
    run(calendar(hostile), actor)
    event = Event.objects.get(source_id="xss@example.org")
    assert event.title == "<script>alert(1)</script>Atelier"
    Event.objects.filter(pk=event.pk).update(status=Status.PUBLISHED)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Atelier" in page
    assert "<script>alert(1)" not in page and "<img src=x" not in page


OPENAGENDA = {
    "events": [
        {
            "uid": 4242,
            "title": {"fr": "Café numérique", "eu": "Kafe digitala", "es": "Café digital"},
            "description": {"fr": "Trois soirées pour s'entraider.", "eu": "Hiru arratsalde."},
            "longDescription": {"fr": "Trois soirées, **sans inscription**."},
            "timings": [
                {"begin": "2030-03-29T18:00:00+0100", "end": "2030-03-29T20:00:00+0100"},
                {"begin": "2030-03-31T18:00:00+0200", "end": "2030-03-31T20:00:00+0200"},
                {"begin": "2030-04-01T16:00:00.000Z", "end": "2030-04-01T18:00:00.000Z"},
            ],
            "location": {"name": "Médiathèque", "address": "12 rue Pannecau, Bayonne",
                         "latitude": 43.4898, "longitude": -1.4736},  # fmt: skip
            "registration": [{"type": "email", "value": "a@example.org"},
                             {"type": "link", "value": "https://example.org/cafe"}],  # fmt: skip
            "attendanceMode": 1,
        },
        {
            "uid": 4243,
            "title": {"fr": "Webinaire"},
            "timings": [{"begin": "2030-05-02T10:00:00+02:00", "end": "2030-05-02T11:00:00+02:00"}],
            "attendanceMode": 2,
            "onlineAccessLink": "https://visio.example.org/webinaire",
        },
        {
            "uid": 4244,
            "title": {"fr": "Horaires irréguliers"},
            "timings": [{"begin": "2030-05-02T10:00:00+02:00", "end": "2030-05-02T11:00:00+02:00"},
                        {"begin": "2030-05-03T14:00:00+02:00", "end": "2030-05-03T15:00:00+02:00"}],
            "location": {"address": "12 rue Pannecau, Bayonne"},
        },  # fmt: skip
        {"uid": 4245, "title": {"fr": "Toulouse"},
         "location": {"latitude": 43.6, "longitude": 1.44},
         "timings": [{"begin": "2030-05-02T10:00:00+02:00", "end": "2030-05-02T11:00:00+02:00"}]},
    ]
}  # fmt: skip


def test_an_openagenda_export(actor, ban):
    data = json.dumps(OPENAGENDA).encode()
    report = run(data, actor, kind="openagenda")
    assert [row.outcome for row in report.rows] == [CREATED, CREATED, REJECTED, OUTSIDE]
    cafe = Event.objects.get(source="openagenda", source_id="4242")
    assert (cafe.title, cafe.title_eu, cafe.title_es) == (
        "Café numérique", "Kafe digitala", "Café digital",
    )  # fmt: skip
    assert cafe.summary == "Trois soirées pour s'entraider." and cafe.summary_eu
    assert cafe.description == "Trois soirées, **sans inscription**."
    assert cafe.registration_url == "https://example.org/cafe"
    assert cafe.commune.insee == "64102" and cafe.status == Status.PENDING
    # Three evenings at 18:00 local, across the change to summer time, the 30th left out.
    found = cafe.occurrences()
    assert [o.day for o in found] == [date(2030, 3, 29), date(2030, 3, 31), date(2030, 4, 1)]
    assert {o.start.timetz() for o in found} == {time(18, tzinfo=PARIS)}
    webinar = Event.objects.get(source="openagenda", source_id="4243")
    assert webinar.online_url == "https://visio.example.org/webinaire"
    assert "heures" in report.rows[2].reason
    assert [row.outcome for row in run(data, actor, kind="openagenda").rows] == [
        UNCHANGED, UNCHANGED, REJECTED, OUTSIDE,
    ]  # fmt: skip


def test_a_url_is_fetched_with_a_size_limit(actor, ban):
    with FileStub(calendar(SERIES)) as stub:
        out = StringIO()
        call_command("import_events", stub.url, "--format", "ical", "--actor", actor.slug,
                     "--apply", stdout=out)  # fmt: skip
        assert stub.requests == ["/agenda.ics"]
        assert "créés : 1" in out.getvalue()
        assert Event.objects.filter(source_id="serie@example.org").exists()
        with pytest.raises(fetch.Unreadable, match="trop gros"):
            fetch.read_source(stub.url, limit=100)


def test_a_url_that_does_not_answer_is_a_clear_error_after_the_timeout():
    with FileStub(b"", hang=True) as stub, pytest.raises(fetch.Unreadable, match="illisible"):
        fetch.read_source(stub.url, timeout=0.5)
