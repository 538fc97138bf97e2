"""The staff importer in the admin: upload, preview (nothing written), confirm; the real
task queue's worker previews then imports the file while a status page says where it is."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from actors.models import Actor, ActorStatus
from opendata.importing.importer import Importer
from opendata.models import ImportRun
from tests.factories import BAYONNE, at
from tests.queue import jobs, run_worker

pytestmark = pytest.mark.django_db

URL = "/admin/opendata/actorimport/"


def upload():
    point = at(BAYONNE)
    body = (
        "slug,name,kind,summary,themes,latitude,longitude\n"
        f"x1,Atelier Admin,association,Un atelier.,inclusion-mediation,{point.y},{point.x}\n"
        "x2,<script>alert(1)</script>,association,Un atelier.,inconnu,,\n"
    )
    return SimpleUploadedFile("liste.csv", body.encode(), content_type="text/csv")


def user(**extra):
    person = get_user_model().objects.create_user(
        username=extra.get("email", "staff@example.org"), password="x" * 16, **extra
    )
    return person


def make_staff():
    person = user(email="staff@example.org", is_staff=True)
    person.user_permissions.add(Permission.objects.get(codename="add_actor"))
    return person


@pytest.fixture
def staff(reference):
    return make_staff()


@pytest.fixture
def staff_tx(reference_tx, task_queue):
    """For the tests that run the worker, which reads committed rows only."""
    return make_staff()


def previewed(client, **data):
    """Uploads the file, lets the worker preview it; (the run, its status page)."""
    sent = client.post(URL, {"file": upload(), **data})
    run = ImportRun.objects.latest("pk")
    assert sent.status_code == 302 and sent["Location"] == f"{URL}{run.pk}/"
    run_worker("imports")
    run.refresh_from_db()
    return run, client.get(sent["Location"])


def test_preview_then_confirm(client, staff_tx, ban):
    client.force_login(staff_tx)
    page = client.get(URL)
    assert page.status_code == 200
    assert "publish" not in page.context["form"].fields  # administrators only
    run, preview = previewed(client, publish="on")
    assert run.status == ImportRun.Status.PREVIEWED and run.rows_total == 2
    assert preview.status_code == 200
    report = preview.context["report"]
    assert report["counts"]["created"] == 1 and report["counts"]["rejected"] == 1
    assert not Actor.objects.filter(name="Atelier Admin").exists()
    html = preview.content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert 'http-equiv="refresh"' not in html
    assert f'name="token" value="{run.token}"' in html and "Confirmer l'import" in html
    [job] = jobs("opendata.preview_file")
    assert job.status == "succeeded" and job.queue_name == "imports"

    # Confirming queues the import: the request writes no actor.
    done = client.post(URL, {"token": preview.context["token"]})
    assert done.status_code == 302 and done["Location"] == f"{URL}{run.pk}/"
    run.refresh_from_db()
    assert run.status == ImportRun.Status.QUEUED
    assert not Actor.objects.filter(name="Atelier Admin").exists()
    waiting = client.get(done["Location"])
    assert waiting.status_code == 200
    assert 'http-equiv="refresh"' in waiting.content.decode()

    run_worker("imports")
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.data == b""
    finished = client.get(done["Location"])
    assert 'http-equiv="refresh"' not in finished.content.decode()
    assert finished.context["report"]["applied"]
    assert finished.context["report"]["counts"]["created"] == 1
    assert "Atelier Admin" in finished.content.decode()
    actor = Actor.objects.get(name="Atelier Admin")
    # Not a superuser: the "publish" box was not offered and is ignored.
    assert actor.status == ActorStatus.PENDING
    assert actor.source == "import-liste" and actor.source_id == "x1"
    # A token is used once.
    again = client.post(URL, {"token": preview.context["token"]})
    assert again.status_code == 302 and again["Location"] == URL
    assert Actor.objects.filter(name="Atelier Admin").count() == 1


def test_a_preview_with_nothing_to_write_offers_no_confirmation(client, staff_tx, ban):
    client.force_login(staff_tx)
    body = "slug,name,kind,summary,themes,latitude,longitude\nx2,Sans lieu,inconnu,,,,\n"
    sent = client.post(URL, {"file": SimpleUploadedFile("vide.csv", body.encode())})
    run_worker("imports")
    run = ImportRun.objects.get()
    page = client.get(sent["Location"])
    assert run.status == ImportRun.Status.PREVIEWED
    assert page.context["report"]["counts"]["rejected"] == 1
    html = page.content.decode()
    assert "Confirmer l'import" not in html and 'name="token"' not in html
    assert "rien à importer" in html


def test_the_preview_waits_for_the_worker_and_keeps_the_file(client, staff_tx, ban):
    """No worker running: the request returns at once, the file waits in the database."""
    client.force_login(staff_tx)
    sent = client.post(URL, {"file": upload()})
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.TO_PREVIEW and b"Atelier Admin" in bytes(run.data)
    [job] = jobs("opendata.preview_file")
    assert job.status == "todo" and job.args == {"run_id": run.pk}
    page = client.get(sent["Location"]).content.decode()
    assert 'http-equiv="refresh"' in page and "Le fichier est gardé" in page
    assert "Confirmer" not in page
    run_worker("imports")  # the worker starts again: the preview is made
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PREVIEWED


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (ImportRun.Status.PREVIEWING, "Simulation en cours"),
        (ImportRun.Status.RUNNING, "Import en cours"),
    ],
)
def test_the_status_page_shows_the_progress(client, staff, status, words):
    run = ImportRun.objects.create(token="t" * 32, user=staff, name="grand.csv", status=status,
                                   rows_done=1500, rows_total=6000)  # fmt: skip
    client.force_login(staff)
    page = client.get(f"{URL}{run.pk}/").content.decode()
    assert words in page and 'http-equiv="refresh"' in page
    assert '<progress id="import-progress" max="6000" value="1500">25 %</progress>' in page
    assert "1500 enregistrements lus sur 6000 (25 %)." in page
    assert '<label for="import-progress">' in page


def test_superusers_may_publish(client, reference_tx, task_queue, ban):
    admin = user(email="admin@example.org", is_staff=True, is_superuser=True)
    client.force_login(admin)
    _run, preview = previewed(client, publish="on")
    client.post(URL, {"token": preview.context["token"]})
    run_worker("imports")
    assert Actor.objects.get(name="Atelier Admin").status == ActorStatus.PUBLISHED


def test_a_failed_import_writes_nothing_is_not_retried_and_says_why(
    client, staff_tx, ban, monkeypatch
):
    client.force_login(staff_tx)
    _run, preview = previewed(client)
    original = Importer.run_row

    def failing(importer, line, row):
        if line > 2:  # after the first row was written, inside the import's transaction
            raise RuntimeError("le serveur de base de données a disparu")
        return original(importer, line, row)

    monkeypatch.setattr(Importer, "run_row", failing)
    client.post(URL, {"token": preview.context["token"]})
    run_worker("imports")
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED
    assert "a disparu" in run.error and "rien n'a été écrit" in run.error
    assert not Actor.objects.filter(name="Atelier Admin").exists()
    [job] = jobs("opendata.import_file")
    assert job.status == "failed" and job.attempts == 1
    page = client.get(f"{URL}{run.pk}/").content.decode()
    assert "a disparu" in page


def test_a_file_found_unreadable_by_the_preview_says_why(client, staff_tx, ban):
    """A cell too large is found as the records are read, by the job: the page says so."""
    client.force_login(staff_tx)
    body = "name,summary\nAtelier," + "x" * (1024 * 1024 + 10) + "\n"
    bad = SimpleUploadedFile("grand.csv", body.encode(), content_type="text/csv")
    sent = client.post(URL, {"file": bad})
    run_worker("imports")
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and run.data == b""
    page = client.get(sent["Location"]).content.decode()
    assert "La simulation a échoué" in page and 'http-equiv="refresh"' not in page


def test_someone_elses_import_status_is_not_shown(client, staff, ban):
    other = user(email="other@example.org", is_staff=True)
    run = ImportRun.objects.create(
        token="t" * 32, user=other, name="x.csv", status=ImportRun.Status.QUEUED
    )
    client.force_login(staff)
    assert client.get(f"{URL}{run.pk}/").status_code == 404


def test_only_staff_with_the_permission(client, reference):
    assert client.get(URL).status_code == 302  # to the admin login
    client.force_login(user(email="plain@example.org", is_staff=True))
    assert client.get(URL).status_code == 403


def test_forms_are_protected_against_csrf(staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(URL, {"file": upload()}).status_code == 403


def test_unreadable_upload_is_a_400(client, staff):
    client.force_login(staff)
    bad = SimpleUploadedFile("x.geojson", b"{not json", content_type="application/json")
    response = client.post(URL, {"file": bad})
    assert response.status_code == 400
    assert "GeoJSON illisible" in response.content.decode()


def test_the_progress_is_written_outside_the_import_transaction(transactional_db):
    from django.db import transaction

    from opendata.progress import recorder

    run = ImportRun.objects.create(token="t", user=make_staff(), name="f.csv")
    rows = iter(recorder(run.pk, every=2)([(n, {}) for n in range(5)]))
    with transaction.atomic():
        consumed = [next(rows) for _ in range(4)]
        transaction.set_rollback(True)  # as a failing import would
    assert len(consumed) == 4
    run.refresh_from_db()
    assert run.rows_done == 4
    assert list(rows) == [(4, {})]
    run.refresh_from_db()
    assert run.rows_done == 5
