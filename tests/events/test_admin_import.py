"""The events' importer in the admin: a file, an OpenAgenda export or a calendar's address,
previewed by the real worker (nothing written), then confirmed; a bad file or address is
said on its field with what was typed kept; moderators and superusers only."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import Event, EventRequest
from moderation.contract import ProposalKind, Status
from opendata.models import ImportRun
from tests.factories import ActorFactory
from tests.queue import jobs, run_worker
from tests.stubs.files import FileStub

from .test_import import DAY, OPENAGENDA, SERIES, calendar, vevent

pytestmark = pytest.mark.django_db

URL = "/admin/events/eventimport/"
NO_START = vevent("sans-date@example.org", "<script>alert(1)</script>", start=None, end=None)


def ics(*events, name="agenda.ics"):
    return SimpleUploadedFile(name, calendar(*events), content_type="text/calendar")


@pytest.fixture
def importer(reference_tx, task_queue):
    """Staff with the permission to decide events' requests; committed, for the worker."""
    person = get_user_model().objects.create_user(
        "importer", "importer@example.org", "x", is_staff=True
    )
    person.user_permissions.add(Permission.objects.get(codename="change_eventrequest"))
    return person


@pytest.fixture
def publisher(reference_tx):
    return ActorFactory(name="Atelier Xiberoa")


def previewed(client, **data):
    """Sends the form, lets the worker preview; (the run, its status page)."""
    sent = client.post(URL, data)
    run = ImportRun.objects.latest("pk")
    assert sent.status_code == 302 and sent["Location"] == f"{URL}{run.pk}/"
    run_worker("imports")
    run.refresh_from_db()
    return run, client.get(sent["Location"])


def test_a_file_previewed_then_confirmed_then_sent_again_changes_nothing(
    client, importer, publisher, ban
):
    client.force_login(importer)
    page = client.get(URL)
    assert page.status_code == 200 and "Importer des événements" in page.content.decode()
    before = Event.objects.count()
    form = {"actor": f"https://exemple.org/fr/acteurs/{publisher.slug}/", "format": "ical"}
    run, preview = previewed(client, file=ics(SERIES, DAY, NO_START), **form)
    assert run.status == ImportRun.Status.PREVIEWED and run.options["kind"] == "events"
    counts = preview.context["report"]["counts"]
    assert (counts["created"], counts["rejected"]) == (2, 1)
    html = preview.content.decode()
    assert "DTSTART" in html  # the rejected event's reason
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert f'name="token" value="{run.token}"' in html
    assert Event.objects.count() == before  # a preview writes nothing
    [job] = jobs("events.preview_import")
    assert job.status == "succeeded" and job.queue_name == "imports"

    done = client.post(URL, {"token": run.token})
    assert done.status_code == 302 and done["Location"] == f"{URL}{run.pk}/"
    assert Event.objects.count() == before  # queued, not written by the request
    run_worker("imports")
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.data == b""
    finished = client.get(done["Location"])
    assert finished.context["report"]["applied"]
    series = Event.objects.get(source="ical", source_id="serie@example.org")
    assert series.actor == publisher and series.status == Status.PENDING
    request = EventRequest.objects.get(event=series)
    assert request.kind == ProposalKind.NEW and request.author == importer
    assert Event.objects.count() == before + 2
    again = client.post(URL, {"token": run.token})  # a token is used once
    assert again.status_code == 302 and again["Location"] == URL
    assert Event.objects.count() == before + 2

    # The same calendar again: nothing to write, so nothing to confirm.
    run, preview = previewed(client, file=ics(SERIES, DAY, NO_START), **form)
    counts = preview.context["report"]["counts"]
    assert (counts["unchanged"], counts["rejected"], counts["created"]) == (2, 1, 0)
    html = preview.content.decode()
    assert 'name="token"' not in html and "Confirmer l'import" not in html
    assert "rien à importer" in html


def test_a_calendar_address_is_fetched_once_and_the_previewed_bytes_imported(
    client, importer, publisher, ban
):
    client.force_login(importer)
    with FileStub(calendar(SERIES)) as stub:
        run, preview = previewed(client, actor=publisher.slug, format="ical", url=stub.url)
        assert stub.requests == ["/agenda.ics"]
    assert run.name == stub.url and preview.context["report"]["counts"]["created"] == 1
    # The address no longer answers: the confirmation imports what was previewed.
    client.post(URL, {"token": run.token})
    run_worker("imports")
    assert Event.objects.filter(source_id="serie@example.org", actor=publisher).exists()


def test_an_openagenda_export(client, importer, publisher, ban):
    client.force_login(importer)
    export = SimpleUploadedFile("export.json", json.dumps(OPENAGENDA).encode())
    run, preview = previewed(client, actor=publisher.slug, format="openagenda", file=export)
    counts = preview.context["report"]["counts"]
    assert (counts["created"], counts["rejected"], counts["outside"]) == (2, 1, 1)
    assert "Confirmer l'import" in preview.content.decode()


def test_an_actors_import_is_not_confirmed_here(client, importer):
    client.force_login(importer)
    theirs = ImportRun.objects.create(
        token="a" * 32, user=importer, name="acteurs.csv", status=ImportRun.Status.PREVIEWED,
        options={"format": "csv", "source": "x", "publish": False}, data=b"slug,name\n",
    )  # fmt: skip
    answer = client.post(URL, {"token": theirs.token})
    assert answer.status_code == 302 and answer["Location"] == URL
    theirs.refresh_from_db()
    assert theirs.status == ImportRun.Status.PREVIEWED
    assert client.get(f"{URL}{theirs.pk}/").status_code == 404
    assert not jobs("events.import_file")


def bad(client, **data):
    """Sends the form; the page with the form again, once nothing was written."""
    runs, events = ImportRun.objects.count(), Event.objects.count()
    answer = client.post(URL, data)
    assert answer.status_code in (200, 400)
    assert ImportRun.objects.count() == runs and Event.objects.count() == events
    return answer.context["form"]


def test_bad_input_is_said_on_its_field_and_what_was_typed_is_kept(people, actor, client):
    client.force_login(people["moderator"])
    typed = {"actor": actor.slug, "format": "openagenda"}
    form = bad(client, file=ics(SERIES), **typed)
    assert "JSON" in form.errors["file"][0]
    assert form["actor"].value() == actor.slug and form["format"].value() == "openagenda"

    form = bad(client, actor=actor.slug, format="ical",
               file=SimpleUploadedFile("a.ics", b"BEGIN:VCALENDAR\r\nnimporte quoi"))  # fmt: skip
    assert "iCalendar" in form.errors["file"][0]

    # Nothing listens there: the address is refused on its field, the rest kept.
    gone = "http://127.0.0.1:9/agenda.ics"
    form = bad(client, actor=actor.slug, format="ical", url=gone)
    assert "illisible" in form.errors["url"][0] and form["url"].value() == gone

    form = bad(client, actor=actor.slug, format="ical", url="file:///etc/passwd")
    assert form.errors["url"]
    form = bad(client, actor="inconnu", format="ical", file=ics(SERIES))
    assert "inconnu" in form.errors["actor"][0]
    form = bad(client, actor=actor.slug, format="ical", url=gone, file=ics(SERIES))
    assert form.non_field_errors()
    form = bad(client, actor=actor.slug, format="ical")
    assert form.non_field_errors()
    form = bad(client, actor=actor.slug, format="rss", file=ics(SERIES))
    assert form.errors["format"]


def test_who_may_import(people, client, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    expected = {
        None: 302,  # anonymous: the admin's login
        people["editor"]: 302,  # a member, not staff
        people["staff"]: 403,  # staff without the permission
        people["moderator"]: 200,
        root: 200,
    }
    runs = ImportRun.objects.count()
    for person, status in expected.items():
        client.logout()
        if person is not None:
            client.force_login(person)
        page = client.get(URL)
        assert page.status_code == status, person
        if status == 302:
            assert page["Location"].startswith("/admin/login/")
        posted = client.post(URL, {"actor": people["actor"].slug, "format": "ical",
                                   "file": ics(SERIES)})  # fmt: skip
        if status == 200:  # previewed: the run waits for the worker
            assert posted.status_code == 302 and posted["Location"].startswith(URL)
        else:
            assert posted.status_code == status, person
        index = client.get("/admin/")
        assert (URL in index.content.decode()) == (status == 200), person
    assert ImportRun.objects.count() == runs + 2  # the moderator's and the superuser's
    assert not Event.objects.filter(source_id="serie@example.org").exists()
