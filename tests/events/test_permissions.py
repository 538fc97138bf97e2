"""Who writes and who decides: members of the publishing actor or of a co-organiser write
through the member views; others are refused; moderators decide in the admin."""

import pytest
from django.contrib.gis.geos import Point
from django.urls import reverse

from actors.models import Commune
from actors.places import rounded
from contributions.models import Membership, Role
from events.models import Event, EventRequest, PlaceKind
from moderation.contract import Status
from tests.factories import ActorFactory

from .conftest import make_event

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Atelier <b>vélo</b>", "start": "2030-03-05T10:00", "end": "2030-03-05T12:00",
    "place_kind": "online", "online_url": "visio.example.org/atelier", "price": "free",
    "exdates": "",
}  # fmt: skip


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("other", 403), ("staff", 403), ("editor", 200), ("owner", 200)],
)
def test_who_may_open_the_add_form(client, people, who, status):
    if who != "anonymous":
        client.force_login(people[who])
    url = reverse("events:event-add", kwargs={"slug": people["actor"].slug})
    assert client.get(url).status_code == status


def test_a_member_saves_a_draft_then_sends_it(client, people):
    client.force_login(people["editor"])
    url = reverse("events:event-add", kwargs={"slug": people["actor"].slug})
    response = client.post(url, {**FORM, "action": "submit"})
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.status == Status.PENDING
    assert event.online_url == "https://visio.example.org/atelier"
    assert EventRequest.objects.get().event == event


def test_the_place_is_one_of_the_kinds_with_no_blank_choice(client, people):
    client.force_login(people["editor"])
    url = reverse("events:event-add", kwargs={"slug": people["actor"].slug})
    form = client.get(url).context["form"]
    assert form.fields["place_kind"].choices == PlaceKind.choices
    html = str(form["place_kind"])
    assert "---------" not in html and 'value=""' not in html
    assert 'value="actor" required id="id_place_kind_0"' in html


def test_bad_input_is_a_clear_message_not_a_500(client, people):
    client.force_login(people["editor"])
    url = reverse("events:event-add", kwargs={"slug": people["actor"].slug})
    response = client.post(url, {**FORM, "end": "2030-03-05T09:00", "rrule": "FREQ=NEVER",
                                 "place_kind": "address", "online_url": ""})  # fmt: skip
    assert response.status_code == 400
    body = response.content.decode()
    assert "La fin doit suivre le début." in body
    assert 'aria-invalid="true"' in str(response.context["form"]["end"])  # on the field
    assert "RFC 5545" in body
    assert "Indiquez l&#x27;adresse et la commune." in body
    assert not Event.objects.exists()


def test_a_co_organisers_member_edits_others_do_not(client, people):
    partner = ActorFactory(name="Co-organisateur")
    event = make_event(people["actor"])
    event.organisers.set([partner])
    url = reverse("events:event-edit", kwargs={"slug": event.slug})
    client.force_login(people["other"])
    assert client.get(url).status_code == 403
    Membership.objects.create(user=people["other"], actor=partner, role=Role.EDITOR)
    assert client.get(url).status_code == 200
    response = client.post(url, {**FORM, "base": event.updated_at.isoformat()})
    assert response.status_code == 302
    assert EventRequest.objects.get().author == people["other"]
    event.refresh_from_db()
    assert event.title == "Repair café"  # published: only a request until decided


def test_a_moderator_decides_in_the_admin_a_member_cannot(client, people):
    event = make_event(people["actor"], status=Status.DRAFT)
    from moderation import workflow

    request = workflow.submit_for_review(event, people["editor"])
    url = reverse("admin:events_eventrequest_change", args=[request.pk])
    client.force_login(people["editor"])
    assert client.get(url).status_code == 302  # to the admin's login
    client.force_login(people["moderator"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"decision": "approve", "reason": ""})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED


def test_a_description_too_long_comes_back_whole_with_its_limit(client, people):
    client.force_login(people["editor"])
    url = reverse("events:event-add", kwargs={"slug": people["actor"].slug})
    long = "Atelier." * 1500  # 12,000 characters
    response = client.post(url, {**FORM, "description_es": long})
    assert response.status_code == 400
    assert "au plus 10000 caractères (actuellement 12000)" in response.content.decode()
    assert response.context["form"]["description_es"].value() == long
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("street", "mode", "action", "said"),
    [
        ("12 rue Pannecau", "ok", "submit", None),
        ("1 rue Ailleurs", "ok", "", "Adresse introuvable à Bayonne : l&#x27;événement est"
                                     " placé au centre de la commune sur la carte. Vérifiez"),
        ("1 rue Ailleurs", "ok", "submit", "Une fois la modération passée, vous pourrez corriger"),
        ("12 rue Pannecau", "down", "", "Le service des adresses ne répond pas : l&#x27;événement"
                                        " est placé pour l&#x27;instant au centre de Bayonne sur la"
                                        " carte. Enregistrez-le à nouveau plus tard"),
        ("12 rue Pannecau", "down", "submit", "Une fois la modération passée, enregistrez-le à"),
    ],
)  # fmt: skip
def test_the_organiser_is_told_when_the_address_gave_no_point(client, people, ban, street, mode,
                                                              action, said):  # fmt: skip
    """Told what to do next: check the address, or save again; once the event waits for the
    moderators, nothing can be changed until they decide, and the message says so."""
    ban.mode = mode
    bayonne = Commune.objects.get(insee="64102")
    client.force_login(people["editor"])
    url = reverse("events:event-add", kwargs={"slug": people["actor"].slug})
    form = {**FORM, "place_kind": "address", "online_url": "", "street_address": street,
            "commune": bayonne.pk, "action": action}  # fmt: skip
    response = client.post(url, form, follow=True)
    assert response.status_code == 200
    event = Event.objects.get()
    assert event.status == (Status.PENDING if action else Status.DRAFT)
    warnings = [m.message for m in response.context["messages"] if m.level_tag == "warning"]
    body = response.content.decode()
    if said is None:
        assert rounded(event.location) != rounded(bayonne.centroid) and not warnings
        return
    assert rounded(event.location) == rounded(bayonne.centroid) and len(warnings) == 1
    assert said in body
    # Saved all the same: nothing typed is lost.
    assert ("Envoyé en modération." if action else "Brouillon enregistré.") in body
    assert event.street_address == street


def test_while_the_geocoder_is_down_an_unchanged_address_keeps_its_point(client, people, ban):
    """A published event placed at its address: a change of its title, sent while the
    geocoder does not answer, proposes no move to the commune's centre, and says nothing of
    the address; a change of the address does, and says why."""
    bayonne = Commune.objects.get(insee="64102")
    placed = Point(-1.4736, 43.4898, srid=4326)
    event = make_event(people["actor"], place_kind=PlaceKind.ADDRESS,
                       street_address="12 rue Pannecau", commune=bayonne,
                       location=placed)  # fmt: skip
    ban.mode = "down"
    client.force_login(people["editor"])
    url = reverse("events:event-edit", kwargs={"slug": event.slug})
    form = {**FORM, "title": "Repair café du jeudi", "place_kind": "address", "online_url": "",
            "street_address": "12 rue Pannecau", "commune": bayonne.pk,
            "base": event.updated_at.isoformat()}  # fmt: skip
    response = client.post(url, form, follow=True)
    request = EventRequest.objects.get()
    assert request.proposed["location"] == rounded(placed)
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]
    request.delete()
    response = client.post(url, {**form, "street_address": "14 rue Pannecau"}, follow=True)
    assert EventRequest.objects.get().proposed["location"] == rounded(bayonne.centroid)
    warnings = [m.message for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and "ne répond pas" in warnings[0]
