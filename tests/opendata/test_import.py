"""import_actors: dry run, apply, idempotence, atomicity, dedupe, territory, moderation."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from actors.models import Actor, ActorStatus
from contributions.models import ChangeRequest, ChangeRequestKind
from opendata.importing import importer
from tests.factories import BAYONNE, ActorFactory, at, commune
from tests.opendata.conftest import ANGLET, siret
from tests.opendata.importing import PANNECAU, bayonne, csv_bytes, row, run, state

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def geocoder(ban):
    """No test reaches the real address geocoder: the local stub answers."""
    return ban


def mixed_file():
    return csv_bytes([
        row(slug="a", name="Atelier Alpha", services="initiation-numerique", **bayonne(0.001)),
        row(slug="b", name="Atelier Beta", street_address="12 rue Pannecau"),
        row(slug="c", name="Hors Pau", commune_insee="", longitude=-0.37, latitude=43.30),
        row(slug="d", name="Pau sans position", commune_insee="", commune="Pau"),
        row(slug="e", name="Thème inconnu", themes="astrologie", **bayonne()),
        row(slug="f", name="", **bayonne()),
        row(slug="g", name="SIRET faux", siret="12345678901234", **bayonne()),
    ])  # fmt: skip


def test_dry_run_reports_everything_and_writes_nothing(reference, ban):
    before = state()
    report = run(mixed_file())
    assert state() == before
    assert report.counts == {
        "created": 2, "updated": 0, "unchanged": 0, "rejected": 3, "outside": 2, "duplicate": 0,
    }  # fmt: skip
    reasons = {r.line: r.reason for r in report.problems()}
    assert "hors de la Communauté d'Agglomération Pays Basque" in reasons[4]
    assert "Pau" in reasons[5]
    assert reasons[6] == "Valeurs inconnues pour « thématiques » : astrologie."
    assert "Nom manquant" in reasons[7]
    assert "SIRET" in reasons[8]


def test_apply_creates_pending_actors_for_moderation_with_their_source(client, reference, ban):
    report = run(mixed_file(), apply=True)
    assert report.counts["created"] == 2
    alpha = Actor.objects.get(source="test", source_id="a")
    beta = Actor.objects.get(source="test", source_id="b")
    assert alpha.status == beta.status == ActorStatus.PENDING
    assert list(alpha.services.values_list("slug", flat=True)) == ["initiation-numerique"]
    # Geocoded from its address (the geocoder stub knows 12 rue Pannecau).
    assert (round(beta.location.x, 4), round(beta.location.y, 4)) == PANNECAU
    requests = ChangeRequest.objects.filter(actor__in=[alpha, beta])
    assert {r.kind for r in requests} == {ChangeRequestKind.NEW} and requests.count() == 2
    # Pending: not public anywhere.
    assert client.get(f"/api/v1/actors/{alpha.slug}/").status_code == 404


def test_importing_the_same_file_twice_changes_nothing(reference, ban):
    run(mixed_file(), apply=True)
    before = state()
    report = run(mixed_file(), apply=True)
    assert state() == before
    assert report.counts["created"] == report.counts["updated"] == 0
    assert report.counts["unchanged"] == 2


def test_addresses_are_geocoded_before_the_import_transaction_opens(reference, ban, monkeypatch):
    """The geocoder's shared state (cache, breaker, limits) is written by other visitors too:
    a long import must not hold it locked in its transaction."""
    from django.db import connection

    from actors import places

    depths = []
    real = places.geocode

    def spy(text):
        depths.append(len(connection.atomic_blocks))
        return real(text)

    monkeypatch.setattr(places, "geocode", spy)
    outside = len(connection.atomic_blocks)
    report = run(mixed_file(), apply=True)
    assert report.counts["created"] == 2
    assert depths == [outside]
    assert Actor.objects.get(name="Atelier Beta").location.x == pytest.approx(PANNECAU[0], abs=1e-3)


def test_publish_writes_straight_to_the_directory(reference, ban):
    run(mixed_file(), apply=True, publish=True)
    alpha = Actor.objects.get(source="test", source_id="a")
    assert alpha.status == ActorStatus.PUBLISHED
    assert not ChangeRequest.objects.filter(actor=alpha).exists()


def test_a_fault_in_the_middle_of_the_file_leaves_no_trace(reference, ban, monkeypatch):
    real = importer.save_actor
    calls = []

    def failing(actor, values):
        calls.append(values["name"])
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(actor, values)

    monkeypatch.setattr(importer, "save_actor", failing)
    before = state()
    with pytest.raises(RuntimeError):
        run(mixed_file(), apply=True)
    assert calls == ["Atelier Alpha", "Atelier Beta"]
    assert state() == before


def test_changes_to_a_published_actor_become_a_change_request(world):
    clic = world["clic"]
    data = csv_bytes([row(name="Clic Solidaire", siret=clic.siret, summary="Nouveau résumé.",
                          **bayonne(-0.003))])  # fmt: skip
    report = run(data, apply=True)
    assert [r.outcome for r in report.rows] == ["updated"]
    clic.refresh_from_db()
    assert clic.summary != "Nouveau résumé."
    request = ChangeRequest.objects.get(actor=clic)
    assert request.kind == ChangeRequestKind.CHANGE
    assert request.proposed["summary"] == "Nouveau résumé."
    # Proposed already: a second import adds nothing.
    assert [r.outcome for r in run(data, apply=True).rows] == ["unchanged"]
    assert ChangeRequest.objects.filter(actor=clic).count() == 1
    # An administrator's --publish writes it.
    run(data, apply=True, publish=True)
    clic.refresh_from_db()
    assert clic.summary == "Nouveau résumé."


def test_dedupe_by_siret_even_under_another_name(world):
    clic = world["clic"]
    data = csv_bytes([{"name": "CLIC (nouveau nom)", "siret": clic.siret,
                       "commune_insee": BAYONNE}])  # fmt: skip
    report = run(data)
    assert report.rows[0].slug == clic.slug


def test_dedupe_by_normalised_name_and_commune(world):
    count = Actor.objects.count()
    data = csv_bytes([{"name": "  clic SOLIDAIRE ", "commune_insee": BAYONNE}])
    report = run(data, apply=True)
    assert report.rows[0].slug == world["clic"].slug
    assert Actor.objects.count() == count
    # The same organisation, its name spelt differently: a proposed change, nothing else.
    request = ChangeRequest.objects.get(actor=world["clic"])
    assert request.proposed["name"] == "clic SOLIDAIRE"
    assert request.proposed["summary"] == world["clic"].summary


def test_dedupe_by_name_within_200_m(reference):
    # Recorded in the neighbouring commune, though its point is in Bayonne (a boundary case).
    known = ActorFactory(name="Atelier Txiki", commune=commune(ANGLET), location=at(BAYONNE))
    near = at(BAYONNE, 0.001)  # about 80 m east
    far = at(BAYONNE, 0.06)  # about 5 km
    data = csv_bytes([
        row(name="Atelier-Txiki", commune_insee="", longitude=near.x, latitude=near.y),
        row(name="Atelier Txiki", commune_insee="", longitude=far.x, latitude=far.y),
    ])  # fmt: skip
    first, second = run(data).rows
    assert first.slug == known.slug
    assert second.outcome == "created" and second.slug != known.slug


def test_archived_actors_are_not_brought_back(world):
    data = csv_bytes([{"name": "x", "siret": world["archived"].siret, "commune_insee": BAYONNE}])
    result = run(data).rows[0]
    assert result.outcome == "rejected" and "archivé" in result.reason


def test_geojson_import(reference):
    point = at(BAYONNE)
    collection = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": "p1",
             "geometry": {"type": "Point", "coordinates": [point.x, point.y]},
             "properties": {"name": "Point Numérique", "kind": "association",
                            "summary": "Un lieu.", "themes": ["inclusion-mediation"]}},
            {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []},
             "properties": {"name": "Surface"}},
        ],
    }  # fmt: skip
    report = run(json.dumps(collection).encode(), apply=True, fmt="geojson")
    assert [r.outcome for r in report.rows] == ["created", "rejected"]
    assert Actor.objects.get(source_id="p1").name == "Point Numérique"


def test_lamednum_import_maps_the_national_vocabularies(reference, tmp_path):
    point = at(BAYONNE)
    line = {
        "id": "lieu-1", "pivot": siret("4349331230002"), "nom": "Espace Numérique",
        "commune": "Bayonne", "code_postal": "64100", "code_insee": BAYONNE,
        "adresse": "1 place de la Liberté", "latitude": point.y, "longitude": point.x,
        "telephone": "+33559000000", "presentation_resume": "Aide au numérique.",
        "services": "Aide aux démarches administratives|Maîtrise des outils numériques du "
        "quotidien", "publics_specifiquement_adresses": "Seniors", "typologie": "TIERS_LIEUX",
        "date_maj": "2024-04-02", "itinerance": "Itinérant|Fixe",
        "frais_a_charge": "Payant|Gratuit", "prise_rdv": "https://www.rdv-solidarites.fr/",
        "fiche_acces_libre": "https://acceslibre.beta.gouv.fr/app/64-bayonne/a/erp/lieu-1/",
    }  # fmt: skip
    path = tmp_path / "lamednum.csv"
    path.write_bytes(csv_bytes([line], columns=list(line)))
    out = io.StringIO()
    call_command("import_actors", str(path), "--apply", "--source", "lamednum", stdout=out)
    actor = Actor.objects.get(source="lamednum", source_id="lieu-1")
    assert actor.siret == line["pivot"] and actor.kind.slug == "tiers-lieu-fablab"
    assert actor.travels
    assert sorted(actor.services.values_list("slug", flat=True)) == [
        "accompagnement-demarches", "initiation-numerique"
    ]  # fmt: skip
    assert list(actor.publics.values_list("slug", flat=True)) == ["seniors"]
    # One fee here, several there: the first.
    assert (actor.fees, actor.appointment_url) == ("payant", line["prise_rdv"])
    assert actor.acceslibre_url == line["fiche_acces_libre"]


def test_the_national_example_is_outside_the_territory(reference, settings):
    example = settings.BASE_DIR / "opendata" / "schemas" / "lamednum" / "exemple-valide.csv"
    out = io.StringIO()
    call_command("import_actors", str(example), stdout=out)
    text = out.getvalue()
    assert "Simulation" in text
    assert "hors territoire (ignorés) : 1" in text
    assert not Actor.objects.filter(name="Anonymal").exists()


def test_a_mapping_file_renames_columns_and_gives_defaults(reference, tmp_path):
    data = tmp_path / "liste.csv"
    data.write_text("Structure;x\n", encoding="utf-8")
    point = at(BAYONNE)
    data.write_bytes(csv_bytes(
        [{"Nom de la structure": "Repair Café Baiona", "Présentation": "Réparer ensemble.",
          "Lat": point.y, "Lon": point.x}],
        columns=["Nom de la structure", "Présentation", "Lat", "Lon"],
    ))  # fmt: skip
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({
        "columns": {"Nom de la structure": "name", "Présentation": "summary",
                    "Lat": "latitude", "Lon": "longitude"},
        "defaults": {"kind": "association", "themes": ["reemploi-reparation"]},
    }), encoding="utf-8")  # fmt: skip
    call_command("import_actors", str(data), "--mapping", str(mapping), "--apply",
                 stdout=io.StringIO())  # fmt: skip
    actor = Actor.objects.get(name="Repair Café Baiona")
    assert actor.source == "import-liste"
    assert list(actor.themes.values_list("slug", flat=True)) == ["reemploi-reparation"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xff\xfe\x00", "UTF-8"), (b'{"type": "Feature"}', "FeatureCollection")],
)
def test_unreadable_files_are_a_clear_error(reference, tmp_path, content, message):
    path = tmp_path / "f.geojson"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_actors", str(path), stdout=io.StringIO())


def test_unknown_mapping_fields_are_refused(reference, tmp_path):
    mapping = tmp_path / "m.json"
    mapping.write_text('{"columns": {"A": "password"}}', encoding="utf-8")
    data = tmp_path / "d.csv"
    data.write_text("A\nx\n", encoding="utf-8")
    with pytest.raises(CommandError, match="password"):
        call_command("import_actors", str(data), "--mapping", str(mapping))
