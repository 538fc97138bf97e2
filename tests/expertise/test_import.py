"""Importing réalisations and ressources from CSV: dry run with a per-row report, all or
nothing, idempotent, bad rows named one by one, our own export read back unchanged
(formula guard and markup included), through moderation."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from expertise.models import Realisation, RealisationRequest, Ressource
from moderation.contract import ProposalKind, Status
from opendata.importing import expertise as importing
from opendata.importing.expertise import import_expertise
from opendata.importing.expertise_values import read_csv
from tests.factories import ActorFactory
from tests.opendata.helpers import content

from .conftest import make_realisation

pytestmark = pytest.mark.django_db

XSS = '<img src=x onerror="alert(1)">'
FORMULA = '=HYPERLINK("http://evil.example")'


def csv_bytes(rows):
    header = list(dict.fromkeys(name for row in rows for name in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def run(kind, data, apply=True):
    return import_expertise(read_csv(kind, data), kind, apply=apply)


def outcomes(report):
    return [(row.line, row.outcome) for row in report.rows]


@pytest.fixture
def actors(people):
    return {"actor": people["actor"], "partner": ActorFactory(name="Partenaire publié")}


def realisation_rows(actors):
    return [
        {"title": "Atelier vélo", "title_eu": "Bizikleta tailerra", "actor": actors["actor"].slug,
         "progress": "completed", "start_date": "2025-01-10", "communes": "64102|64024",
         "themes": "reemploi-reparation", "licence": "cc-by-sa-4.0",
         "partner_actors": f"financeur:{actors['partner'].slug}",
         "partner_names": "partenaire:Mairie d'Ustaritz"},
        {"title": "Sobriété partout", "actor": actors["actor"].slug, "whole_territory": "true",
         "summary": XSS},
    ]  # fmt: skip


def test_a_dry_run_reports_each_row_and_writes_nothing(actors):
    report = run("realisation", csv_bytes(realisation_rows(actors)), apply=False)
    assert outcomes(report) == [(2, "created"), (3, "created")]
    assert not report.applied
    assert not Realisation.objects.exists() and not RealisationRequest.objects.exists()


def test_apply_creates_pending_items_with_their_request_and_values(actors):
    report = run("realisation", csv_bytes(realisation_rows(actors)))
    assert report.counts["created"] == 2
    bike = Realisation.objects.get(title="Atelier vélo")
    assert bike.status == Status.PENDING and bike.title_eu == "Bizikleta tailerra"
    assert sorted(bike.communes.values_list("insee", flat=True)) == ["64024", "64102"]
    assert {(p.role, p.actor_id, p.name) for p in bike.partners.all()} == {
        ("financeur", actors["partner"].pk, ""),
        ("partenaire", None, "Mairie d'Ustaritz"),
    }
    assert str(bike.start_date) == "2025-01-10"
    request = bike.requests.get()
    assert request.kind == ProposalKind.NEW and request.proposed["progress"] == "completed"
    assert Realisation.objects.get(title="Sobriété partout").summary == XSS


def test_a_second_run_changes_nothing(actors):
    data = csv_bytes(realisation_rows(actors))
    run("realisation", data)
    before = list(Realisation.objects.values_list("pk", "updated_at").order_by("pk"))
    report = run("realisation", data)
    assert report.counts["unchanged"] == 2 and report.counts["created"] == 0
    assert list(Realisation.objects.values_list("pk", "updated_at").order_by("pk")) == before
    assert RealisationRequest.objects.count() == 2


def test_a_change_to_a_published_item_is_a_change_request_proposed_once(actors):
    published = make_realisation(actors["actor"], title="Atelier publié")
    data = csv_bytes([{"slug": published.slug, "summary": "Nouveau résumé"}])
    assert outcomes(run("realisation", data)) == [(2, "updated")]
    published.refresh_from_db()
    assert published.summary == ""  # the moderators decide
    request = published.requests.get()
    assert request.kind == ProposalKind.CHANGE and request.proposed["summary"] == "Nouveau résumé"
    assert outcomes(run("realisation", data)) == [(2, "unchanged")]
    assert published.requests.count() == 1


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"progress": "fini"}, "progress : « fini »"),
        ({"communes": "64102|99999"}, "« 99999 »"),
        ({"themes": "nope"}, "« nope »"),
        ({"start_date": "10/01/2025"}, "AAAA-MM-JJ"),
        ({"start_date": "2025-02-01", "end_date": "2025-01-01"}, "La date de fin précède"),
        ({"partner_actors": "sponsor:x"}, "rôle:valeur"),
        ({"partner_actors": "financeur:inconnu"}, "« inconnu »"),
        ({"actor": "personne"}, "« personne »"),
        ({"title": ""}, "titre"),
        ({"link": "javascript:alert(1)"}, "URL"),
        ({"whole_territory": "peut-être"}, "ni oui ni non"),
    ],
)
def test_bad_rows_are_rejected_one_by_one_with_a_clear_message(actors, row, message):
    good, *_ = realisation_rows(actors)
    bad = {**good, "title": "Ligne fautive", "title_eu": "", **row}
    report = run("realisation", csv_bytes([good, bad]))
    assert outcomes(report) == [(2, "created"), (3, "rejected")]
    assert message in report.rows[1].reason, report.rows[1].reason
    assert Realisation.objects.count() == 1  # the good row is kept, the bad one alone refused


def test_two_rows_meaning_one_item(actors):
    first, _second = realisation_rows(actors)
    report = run("realisation", csv_bytes([first, {**first, "summary": "Autre"}]))
    assert outcomes(report) == [(2, "created"), (3, "duplicate")]


def test_a_failure_anywhere_changes_nothing(actors, monkeypatch):
    calls = []
    original = importing.ExpertiseImporter.create

    def failing(self, row, values):
        calls.append(row)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, row, values)

    monkeypatch.setattr(importing.ExpertiseImporter, "create", failing)
    with pytest.raises(RuntimeError):
        run("realisation", csv_bytes(realisation_rows(actors)))
    assert not Realisation.objects.exists() and not RealisationRequest.objects.exists()


def test_our_export_reads_back_unchanged(client, actors):
    item = make_realisation(
        actors["actor"], title=FORMULA, summary=XSS, title_es="+Taller", whole_territory=True
    )
    exported = content(client.get("/export/realisations.csv")).encode()
    report = run("realisation", exported)
    assert outcomes(report) == [(2, "unchanged")]
    assert not item.requests.exists()
    item.delete()
    report = run("realisation", exported)
    assert outcomes(report) == [(2, "created")]
    again = Realisation.objects.get()
    assert again.slug == item.slug  # the page's address kept
    assert (again.title, again.summary, again.title_es) == (FORMULA, XSS, "+Taller")


def test_ressources_import(actors):
    origin = make_realisation(actors["actor"], title="Origine")
    row = {"title": "Guide", "actor": actors["actor"].slug, "type": "guide",
           "licence": "etalab-2.0", "content_language": "eu", "realisation": origin.slug,
           "authors": f"{actors['actor'].slug}|{actors['partner'].slug}",
           "link": "https://example.org/guide"}  # fmt: skip
    assert outcomes(run("ressource", csv_bytes([row]))) == [(2, "created")]
    guide = Ressource.objects.get()
    assert guide.realisation == origin and guide.authors.count() == 2
    assert guide.content_language == "eu"
    missing = {**row, "title": "Sans type", "type": "", "licence": "gpl"}
    report = run("ressource", csv_bytes([missing]))
    assert outcomes(report) == [(2, "rejected")] and "gpl" in report.rows[0].reason


def test_the_command_prints_the_report(actors, tmp_path):
    path = tmp_path / "realisations.csv"
    path.write_bytes(csv_bytes(realisation_rows(actors)))
    out = io.StringIO()
    call_command("import_expertise", "realisations", str(path), stdout=out)
    assert "Simulation" in out.getvalue() and "créés : 2" in out.getvalue()
    assert not Realisation.objects.exists()
    call_command("import_expertise", "realisations", str(path), "--apply", stdout=out)
    assert Realisation.objects.count() == 2
    with pytest.raises(CommandError):
        call_command("import_expertise", "ressources", str(tmp_path / "absent.csv"))
