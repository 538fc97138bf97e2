"""Dates as members type them, in each language: the day first on both sides of the border
(Basque also writes the year first), ISO 8601 always; a date that cannot be read is named."""

import pytest
from django.urls import reverse

from events.models import Event

from .test_permissions import FORM

pytestmark = pytest.mark.django_db

SERIES = {**FORM, "rrule": "FREQ=WEEKLY;BYDAY=TU;COUNT=5"}


@pytest.mark.parametrize("language", ["fr", "eu", "es"])
@pytest.mark.parametrize("typed", ["12/03/2030", "2030-03-12", "12/03/30"])
def test_an_exception_date_is_read_day_first_in_every_language(client, people, language, typed):
    client.force_login(people["editor"])
    url = reverse("events:event-add", kwargs={"slug": people["actor"].slug})
    response = client.post(f"/{language}{url[3:]}", {**SERIES, "exdates": typed})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [d.isoformat() for d in Event.objects.get().exdates] == ["2030-03-12"]


def test_basque_also_reads_the_year_first(client, people):
    client.force_login(people["editor"])
    url = reverse("events:event-add", kwargs={"slug": people["actor"].slug})
    response = client.post("/eu" + url[3:], {**SERIES, "exdates": "2030/03/12, 19/03/2030"})
    assert response.status_code == 302
    assert [d.isoformat() for d in Event.objects.get().exdates] == ["2030-03-12", "2030-03-19"]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("2030-02-30", "Date illisible : 2030-02-30. Écrivez-la par exemple 2030-03-12."),
        ("2030-03-12, mardi, 31/04/2030",
         "Dates illisibles : mardi, 31/04/2030. Écrivez-les par exemple 2030-03-12."),
    ],
)  # fmt: skip
def test_a_date_that_cannot_be_read_is_named_and_the_text_kept(client, people, typed, said):
    client.force_login(people["editor"])
    url = reverse("events:event-add", kwargs={"slug": people["actor"].slug})
    response = client.post(url, {**SERIES, "exdates": typed, "title": "Atelier vélo"})
    assert response.status_code == 400
    assert response.context["form"].errors["exdates"] == [said]
    body = response.content.decode()
    assert "tableau" not in body
    assert f'value="{typed}"' in body and 'value="Atelier vélo"' in body
    assert not Event.objects.exists()
