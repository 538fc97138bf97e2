import pytest
from django.contrib.gis.geos import Point

from actors.models import Actor, ActorKind, ActorStatus, Commune, LocationPrecision, Theme
from contributions.models import ChangeRequest, Membership, Role
from moderation import workflow
from tests.contributions.helpers import form_data
from tests.factories import BAYONNE

pytestmark = pytest.mark.django_db


def add_data(**changes):
    data = {
        "name": "Les Bidouilleurs",
        "kind": ActorKind.objects.get(slug="association").pk,
        "summary": "Réparation d'ordinateurs.",
        "themes": [Theme.objects.get(slug="reemploi-reparation").pk],
        "street_address": "",
        "commune": Commune.objects.get(insee=BAYONNE).pk,
    }
    data.update(changes)
    return data


def test_adding_creates_an_invisible_draft_owned_by_its_creator(client, people, reference, ban):
    ban.mode = "down"
    client.force_login(people["other"])
    response = client.post("/fr/organisations/ajouter/", add_data())
    actor = Actor.objects.get(name="Les Bidouilleurs")
    assert response.status_code == 302 and response["Location"].endswith("/modifier/")
    assert actor.status == ActorStatus.DRAFT
    assert actor.location.equals(actor.commune.centroid)
    assert Membership.objects.get(actor=actor).role == Role.OWNER
    assert client.get(actor.get_absolute_url()).status_code == 404
    assert "Les Bidouilleurs" not in client.get("/fr/").content.decode()


def test_adding_geocodes_the_address(client, people, reference, ban):
    client.force_login(people["other"])
    client.post("/fr/organisations/ajouter/", add_data(street_address="12 rue Pannecau"))
    actor = Actor.objects.get(name="Les Bidouilleurs")
    assert (round(actor.location.x, 4), round(actor.location.y, 4)) == (-1.4736, 43.4898)


def test_an_address_not_found_in_the_commune_places_it_at_the_centre_and_says_so(
    client, people, reference, ban
):
    """Another town's street typed with Bayonne: the commune's centre, marked approximate
    (the daily relocation asks again), and the member told why."""
    client.force_login(people["other"])
    response = client.post(
        "/fr/organisations/ajouter/", add_data(street_address="Place des Halles"), follow=True
    )
    actor = Actor.objects.get(name="Les Bidouilleurs")
    assert actor.location.equals(actor.commune.centroid)
    assert actor.location_precision == LocationPrecision.APPROXIMATE
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert warnings == [
        "Adresse introuvable à Bayonne : la fiche est placée au centre de la commune. "
        "Vérifiez l'adresse, ou faites glisser le marqueur sur la carte de la fiche."
    ]
    assert 'class="message message-warning"' in response.content.decode()

    # Corrected on the draft's page: found, precise, no warning.
    response = client.post(
        f"/fr/acteurs/{actor.slug}/modifier/",
        form_data(actor, street_address="12 rue Pannecau"),
        follow=True,
    )
    actor.refresh_from_db()
    assert actor.location_precision == LocationPrecision.PRECISE
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]


def test_a_geocoder_that_does_not_answer_is_not_an_address_not_found(client, people, ban):
    ban.mode = "down"
    client.force_login(people["other"])
    response = client.post(
        "/fr/organisations/ajouter/", add_data(street_address="14 rue Pannecau"), follow=True
    )
    actor = Actor.objects.get(name="Les Bidouilleurs")
    assert actor.location_precision == LocationPrecision.APPROXIMATE
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert warnings[0].startswith("Le service des adresses ne répond pas")
    # No address typed: the centre, without a warning.
    Actor.objects.all().delete()
    response = client.post("/fr/organisations/ajouter/", add_data(), follow=True)
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]


def test_a_change_placing_it_at_the_centre_is_applied_as_approximate(client, actor, people, ban):
    actor.location = Point(-1.4736, 43.4898, srid=4326)  # at its address, rue Pannecau
    actor.save()
    client.force_login(people["editor"])
    response = client.post(
        f"/fr/acteurs/{actor.slug}/modifier/",
        form_data(actor, street_address="Place des Halles"),
        follow=True,
    )
    assert "Adresse introuvable à Bayonne" in response.content.decode()
    cr = ChangeRequest.objects.get()
    assert cr.proposed["location_precision"] == LocationPrecision.APPROXIMATE
    workflow.apply_change_request(cr, people["staff"])
    actor.refresh_from_db()
    assert actor.location_precision == LocationPrecision.APPROXIMATE
    assert actor.location.distance(actor.commune.centroid) < 1e-6  # to the micro-degree


def test_likely_duplicates_are_shown_before_creating(client, actor, people, ban):
    client.force_login(people["other"])
    response = client.post("/fr/organisations/ajouter/", add_data(name="Repair Cafe Bayonne"))
    assert response.status_code == 200
    assert "déjà référencée" in response.content.decode()
    assert Actor.objects.filter(name="Repair Cafe Bayonne").count() == 0
    client.post(
        "/fr/organisations/ajouter/", add_data(name="Repair Cafe Bayonne", not_a_duplicate="on")
    )
    assert Actor.objects.filter(name="Repair Cafe Bayonne").count() == 1


def test_same_siret_is_a_duplicate_anywhere(client, actor, people, ban):
    actor.siret = "73282932000074"
    actor.save()
    client.force_login(people["other"])
    response = client.post(
        "/fr/organisations/ajouter/", add_data(name="Tout autre nom", siret="73282932000074")
    )
    assert "déjà référencée" in response.content.decode()


def test_editing_a_draft_changes_it_directly(client, draft, people):
    client.force_login(people["editor"])
    response = client.post(f"/fr/acteurs/{draft.slug}/modifier/", form_data(draft, name="Renommé"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.name == "Renommé"
    assert not ChangeRequest.objects.exists()


def test_submitting_a_draft_sends_it_to_moderation(client, draft, people):
    client.force_login(people["owner"])
    response = client.post(f"/fr/acteurs/{draft.slug}/modifier/", form_data(draft, action="submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == ActorStatus.PENDING
    page = client.get("/fr/mon-espace/").content.decode()
    assert "En attente de modération" in page
    response = client.post(
        f"/fr/acteurs/{draft.slug}/modifier/", form_data(draft, name="Trop tard")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.name == "Brouillon Hasparren"


def test_editing_a_published_actor_records_a_request_with_its_diff(client, actor, people):
    client.force_login(people["editor"])
    response = client.post(f"/fr/acteurs/{actor.slug}/modifier/", form_data(actor, name="Nouveau"))
    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.name == "Repair Café Bayonne"
    page = client.get(response["Location"]).content.decode()
    assert "Repair Café Bayonne" in page and "Nouveau" in page
    edit = client.get(f"/fr/acteurs/{actor.slug}/modifier/").content.decode()
    assert 'value="Nouveau"' in edit


def test_a_stale_form_gets_a_conflict_and_keeps_what_was_typed(client, actor, people):
    client.force_login(people["editor"])
    data = form_data(actor, summary="Ma nouvelle présentation")
    Actor.objects.filter(pk=actor.pk).update(name="Renommé par l'équipe")
    actor.refresh_from_db()
    actor.save()  # a moderator published something meanwhile
    response = client.post(f"/fr/acteurs/{actor.slug}/modifier/", data)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Conflit" in html and "Ma nouvelle présentation" in html
    assert not ChangeRequest.objects.exists()
    # On a phone each row is stacked, each value after the name of its column.
    assert '<table class="diff stack">' in html
    assert (
        '<td data-label="Votre saisie"><span lang="fr">Ma nouvelle présentation</span></td>' in html
    )


def test_a_stale_request_shows_its_conflict_on_the_edit_page(client, actor, people):
    client.force_login(people["editor"])
    client.post(f"/fr/acteurs/{actor.slug}/modifier/", form_data(actor, summary="Ma version"))
    actor.refresh_from_db()
    actor.summary = "Version de l'équipe"
    actor.save()
    html = client.get(f"/fr/acteurs/{actor.slug}/modifier/").content.decode()
    assert "Conflit" in html and "Version de l&#x27;équipe" in html and "Ma version" in html
    cr = ChangeRequest.objects.get()
    assert "Conflit" in client.get(f"/fr/acteurs/{actor.slug}/demandes/{cr.pk}/").content.decode()


def test_without_javascript_a_new_address_moves_the_location(client, actor, people, ban):
    client.force_login(people["editor"])
    client.post(
        f"/fr/acteurs/{actor.slug}/modifier/", form_data(actor, street_address="12 rue Pannecau")
    )
    proposed = ChangeRequest.objects.get().proposed["location"]
    assert [round(c, 4) for c in proposed] == [-1.4736, 43.4898]


def test_a_dragged_marker_wins_over_the_address(client, actor, people, ban):
    client.force_login(people["editor"])
    moved = '{"type": "Point", "coordinates": [-1.47, 43.49]}'
    client.post(
        f"/fr/acteurs/{actor.slug}/modifier/",
        form_data(actor, street_address="12 rue Pannecau", location=moved),
    )
    assert ChangeRequest.objects.get().proposed["location"] == [-1.47, 43.49]


def test_a_location_outside_the_commune_is_an_error_not_a_crash(client, actor, people):
    client.force_login(people["editor"])
    far = '{"type": "Point", "coordinates": [-0.88, 43.22]}'
    response = client.post(f"/fr/acteurs/{actor.slug}/modifier/", form_data(actor, location=far))
    assert response.status_code == 400
    assert "dans la commune" in response.content.decode()


@pytest.mark.parametrize(
    "field, value",
    [
        ("siret", "12345678901234"),
        ("phone", "n'importe quoi"),
        ("opening_hours", "toujours"),
        ("website", "javascript:alert(1)"),
        ("location", "not geojson"),
        ("base", "pas une date"),
        ("kind", "999999"),
    ],
)
def test_bad_input_is_an_error_never_a_500(client, actor, people, field, value):
    client.force_login(people["editor"])
    response = client.post(
        f"/fr/acteurs/{actor.slug}/modifier/", form_data(actor, **{field: value})
    )
    assert response.status_code in (400, 409)
    assert not ChangeRequest.objects.exists()


def test_a_logo_is_refused_with_a_clear_message(client, actor, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people["editor"])
    svg = SimpleUploadedFile("logo.svg", b"<svg onload='alert(1)'/>", "image/svg+xml")
    response = client.post(
        f"/fr/acteurs/{actor.slug}/modifier/", {**form_data(actor), "logo_file": svg}
    )
    assert response.status_code == 400
    assert "PNG, JPEG ou WebP" in response.content.decode()


def test_login_redirects_only_to_this_site(client, people):
    for target, expected in [
        ("https://evil.example.com/", "/fr/mon-espace/"),
        ("//evil.example.com/", "/fr/mon-espace/"),
        ("/fr/confidentialite/", "/fr/confidentialite/"),
    ]:
        client.logout()
        response = client.post(
            "/fr/compte/login/",
            {"login": "autre@example.org", "password": "une phrase de passe assez longue",
             "next": target},
        )  # fmt: skip
        assert response.status_code == 302
        assert response["Location"] == expected, target


def test_login_does_not_tell_whether_an_address_exists(client, people):
    known = client.post("/fr/compte/login/", {"login": "autre@example.org", "password": "mauvais"})
    unknown = client.post("/fr/compte/login/", {"login": "nul@example.org", "password": "mauvais"})
    assert known.status_code == unknown.status_code == 200

    def strip(r):
        return r.content.decode().replace("autre@example.org", "").replace("nul@example.org", "")  # noqa: E731

    assert (
        strip(known).split("csrfmiddlewaretoken")[0]
        == strip(unknown).split("csrfmiddlewaretoken")[0]
    )


def test_signup_needs_a_long_uncommon_password(client, reference):
    response = client.post(
        "/fr/compte/signup/",
        {"email": "n@example.org", "password1": "motdepasse1", "password2": "motdepasse1"},
    )
    assert response.status_code == 200
    assert "12" in response.content.decode()
    response = client.post(
        "/fr/compte/signup/",
        {"email": "n@example.org", "password1": "password1234", "password2": "password1234"},
    )
    assert "trop courant" in response.content.decode()


def test_my_space_leads_to_each_organisation_s_items(client, actor, people):
    """Réalisations, ressources and events, their drafts and what the moderators answered,
    are listed on the organisation's own pages: "Mon espace" links to them."""
    client.force_login(people["editor"])
    page = client.get("/fr/mon-espace/").content.decode()
    assert f'href="/fr/acteurs/{actor.slug}/expertise/"' in page
    assert f'href="/fr/acteurs/{actor.slug}/agenda/"' in page
