"""The place's accessibility, appointment link and fees: database constraints, the profile
form and change requests, the actor page in three languages, the card, the exports and the
importer reading our CSV back."""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from actors.models import Actor
from contributions import profile
from contributions.models import ChangeRequest
from moderation import workflow
from tests.contributions.helpers import form_data
from tests.factories import BAYONNE, ActorFactory, at, commune
from tests.opendata.conftest import siret
from tests.opendata.helpers import content, json_body

pytestmark = pytest.mark.django_db

ACCESLIBRE = "https://acceslibre.beta.gouv.fr/app/64-bayonne/a/espace-public-numerique/erp/x/"
ACCESS = {
    "acceslibre_url": ACCESLIBRE,
    "step_free_access": True,
    "accessible_toilets": False,
    "hearing_loop": None,
    "appointment_url": "https://www.rdv-solidarites.fr/lieux/1",
    "fees": "gratuit_sous_condition",
}


@pytest.fixture
def accessible(reference):
    return ActorFactory(
        name="Espace Numérique Accessible",
        commune=commune(BAYONNE),
        location=at(BAYONNE),
        street_address="1 place de la Liberté",
        siret=siret("4349331230002"),
        opening_hours="Mo-Fr 09:00-12:00",
        themes=["inclusion-mediation"],
        services=["initiation-numerique", "accompagnement-demarches", "reparation"],
        **ACCESS,
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("fees", "cher"),
        ("acceslibre_url", "https://example.org/acceslibre.beta.gouv.fr/"),
        ("acceslibre_url", "https://acceslibre.beta.gouv.fr.example.org/x"),
    ],
)
def test_the_database_refuses_values_outside_the_closed_sets(accessible, field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.filter(pk=accessible.pk).update(**{field: value})


def test_the_model_explains_a_foreign_acceslibre_address(accessible):
    accessible.acceslibre_url = "https://example.org/fiche"
    with pytest.raises(ValidationError) as error:
        accessible.full_clean()
    assert "acceslibre.beta.gouv.fr" in " ".join(error.value.message_dict["acceslibre_url"])


def test_the_profile_form_proposes_them_as_a_change_request_with_its_diff(
    client, accessible, django_user_model
):
    from contributions.models import Membership, Role

    editor = django_user_model.objects.create_user("ed", "ed@example.org", "x")
    Membership.objects.create(user=editor, actor=accessible, role=Role.EDITOR)
    client.force_login(editor)
    page = client.get(f"/fr/acteurs/{accessible.slug}/modifier/").content.decode()
    assert 'name="step_free_access" value="True"' in page and "je ne sais pas" in page
    assert 'name="fees"' in page and 'name="appointment_url"' in page
    data = form_data(
        accessible,
        step_free_access="False",
        hearing_loop="True",
        fees="payant",
        acceslibre_url="",
        appointment_url="rdv.example.org/prendre",
    )
    response = client.post(f"/fr/acteurs/{accessible.slug}/modifier/", data)
    assert response.status_code == 302
    accessible.refresh_from_db()
    assert accessible.fees == "gratuit_sous_condition"  # published only after moderation
    proposed = ChangeRequest.objects.get().proposed
    assert proposed["step_free_access"] is False and proposed["hearing_loop"] is True
    assert proposed["accessible_toilets"] is False
    assert proposed["fees"] == "payant" and proposed["acceslibre_url"] == ""
    assert proposed["appointment_url"] == "https://rdv.example.org/prendre"
    request_page = client.get(response["Location"]).content.decode()
    assert "Gratuit sous condition" in request_page and "Payant" in request_page
    diff = {row["name"] for row in profile.diff(profile.snapshot(accessible), proposed)}
    assert diff == {"step_free_access", "hearing_loop", "fees", "acceslibre_url",
                    "appointment_url"}  # fmt: skip


def test_the_form_refuses_a_foreign_acceslibre_address_and_an_unknown_fee(
    client, accessible, django_user_model
):
    from contributions.models import Membership, Role

    owner = django_user_model.objects.create_user("ow", "ow@example.org", "x")
    Membership.objects.create(user=owner, actor=accessible, role=Role.OWNER)
    client.force_login(owner)
    data = form_data(accessible, acceslibre_url="https://example.org/fiche", fees="cher")
    response = client.post(f"/fr/acteurs/{accessible.slug}/modifier/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "commençant par https://acceslibre.beta.gouv.fr/" in html
    assert "cher" in html and not ChangeRequest.objects.exists()


def test_an_applied_change_request_writes_them_and_keeps_history(accessible, django_user_model):
    staff = django_user_model.objects.create_user("st", "st@example.org", "x", is_staff=True)
    author = django_user_model.objects.create_user("au", "au@example.org", "x")
    values = {**profile.snapshot(accessible), "hearing_loop": True, "fees": "gratuit"}
    request = workflow.propose_change(accessible, author, values, accessible.updated_at)
    workflow.apply_change_request(request, staff)
    accessible.refresh_from_db()
    assert accessible.hearing_loop is True and accessible.fees == "gratuit"
    versions = list(accessible.history.order_by("history_date").values_list("fees", flat=True))
    assert versions[-1] == "gratuit" and "gratuit_sous_condition" in versions


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["Accessibilité du lieu", "Entrée de plain-pied ou rampe : oui",
                "Toilettes accessibles : non", "Gratuit sous condition",
                "Prendre rendez-vous en ligne", "Fiche détaillée sur Acceslibre",
                "Itinéraire (OpenStreetMap)", "Lundi"]),
        ("eu", ["Lekuaren irisgarritasuna", "Sarbide laua edo arrapala: bai",
                "Komun irisgarriak: ez", "Doan, baldintza batzuekin", "Hartu hitzordua linean",
                "Fitxa xehatua Acceslibre-n", "Ibilbidea (OpenStreetMap)"]),
        ("es", ["Accesibilidad del lugar", "Entrada a nivel o rampa: sí", "Aseos accesibles: no",
                "Gratuito con condiciones", "Pedir cita en línea", "Ficha detallada en Acceslibre",
                "Cómo llegar (OpenStreetMap)"]),
    ],
)  # fmt: skip
def test_the_actor_page_in_three_languages(client, accessible, language, words):
    html = client.get(f"/{language}/acteurs/{accessible.slug}/").content.decode()
    for word in words:
        assert word in html, word
    # Nothing of the unknown hearing loop.
    assert "Boucle magnétique" not in html and "Begizta" not in html and "Bucle" not in html
    # Contact and hours before the description on a phone (document order).
    assert html.index('id="contact"') < html.index('id="hours"') < html.index('id="offer"')


def test_the_directions_and_outside_links_load_nothing_until_followed(client, accessible):
    html = client.get(accessible.get_absolute_url()).content.decode()
    point = accessible.location
    directions = (
        f'href="https://www.openstreetmap.org/directions?route=%3B{point.y:.5f}%2C{point.x:.5f}'
    )
    assert directions in html
    for url in (ACCESLIBRE, ACCESS["appointment_url"]):
        assert f'<a href="{url}" rel="noopener">' in html
    assert 'src="https://' not in html


def test_without_them_the_page_says_nothing_of_them(client, reference):
    actor = ActorFactory(name="Sobre")
    html = client.get(actor.get_absolute_url()).content.decode()
    assert "Accessibilité du lieu" not in html and "Tarif" not in html
    assert "rendez-vous en ligne" not in html and 'id="hours"' not in html


def test_the_card_shows_the_status_and_three_services(client, accessible):
    html = client.get("/fr/?q=Accessible").content.decode()
    card = html[html.index(f'id="actor-{accessible.pk}"') :]
    card = card[: card.index("</li>\n")]
    assert 'class="open-status' in card
    assert card.count(" · ", card.index("card-services")) == 2  # three services


def test_csv_and_geojson_exports_carry_them(client, accessible):
    csv_text = content(client.get("/export/actors.csv"))
    header, line = csv_text.lstrip("\ufeff").splitlines()[:2]
    assert "acceslibre_url,step_free_access,accessible_toilets,hearing_loop," in header
    assert f"{ACCESLIBRE},true,false,," in line
    feature = json_body(client.get("/export/actors.geojson"))["features"][0]["properties"]
    assert {name: feature[name] for name in ACCESS} == ACCESS
    api = json_body(client.get(f"/api/v1/actors/{accessible.slug}/"))
    assert api["fees"] == "gratuit_sous_condition"


def test_the_national_formats_carry_them(client, accessible, tmp_path):
    from tests.opendata.test_exports import checked_lamednum

    (row,) = checked_lamednum(client, tmp_path)
    assert row["frais_a_charge"] == "Gratuit sous condition"
    assert row["fiche_acces_libre"] == ACCESLIBRE
    assert row["prise_rdv"] == ACCESS["appointment_url"]
    (structure,) = json_body(client.get("/export/data-inclusion/structures.json"))
    assert structure["accessibilite_lieu"] == ACCESLIBRE


def test_the_importer_reads_them_back_from_our_csv(client, accessible, tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(content(client.get("/export/actors.csv")), encoding="utf-8")
    accessible.delete()
    call_command("import_actors", str(path), "--apply", "--publish", stdout=io.StringIO())
    actor = Actor.objects.get(name="Espace Numérique Accessible")
    assert {name: getattr(actor, name) for name in ACCESS} == ACCESS


def test_the_openapi_document_lists_the_filter_and_the_fields(client):
    spec = json_body(client.get("/api/v1/openapi.json"))
    text = json.dumps(spec)
    assert '"name": "open"' in text and '"now"' in text and '"su"' in text
    assert '"acceslibre_url"' in text and '"fees"' in text
