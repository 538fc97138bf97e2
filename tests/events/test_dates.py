"""Dates as members type them, in each language: the day first on both sides of the border
(Basque also writes the year first), ISO 8601 always; a date that cannot be read is named."""

from datetime import date, datetime

import pytest
from django.urls import reverse

from events.models import Event
from events.recurrence import PARIS, stray_exceptions

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


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"exdates": "2030-03-13"}, "Le 13/03/2030 n&#x27;est pas une date de la série."),
        ({"exdates": "2030-03-12, 2030-03-13, 2030-05-07"},
         "Ces dates ne sont pas des dates de la série : 13/03/2030, 07/05/2030."),
        ({"exdates": "2030-03-12", "rrule": ""},
         "Sans règle de récurrence, il n&#x27;y a pas de date à excepter."),
    ],
)  # fmt: skip
def test_an_exception_date_the_series_never_reaches_is_refused(client, people, values, said):
    """A Tuesday series (5 March to 2 April 2030): a Wednesday, or a date past its end, would
    skip nothing, most likely a typo."""
    client.force_login(people["editor"])
    url = reverse("events:event-add", kwargs={"slug": people["actor"].slug})
    response = client.post(url, {**SERIES, **values})
    assert response.status_code == 400
    assert said in response.content.decode()
    assert not Event.objects.exists()


def test_an_exception_past_what_an_endless_series_lists_is_not_judged(client, people):
    client.force_login(people["editor"])
    url = reverse("events:event-add", kwargs={"slug": people["actor"].slug})
    daily = {**SERIES, "rrule": "FREQ=DAILY", "exdates": "2030-03-06, 2035-01-01"}
    assert client.post(url, daily).status_code == 302


def test_a_series_longer_than_what_is_listed_judges_only_what_is_listed():
    """Every hour: the 500 occurrences listed end on the 21st day; a later date is not judged,
    a listed day that the rule skips is."""
    start = datetime(2030, 3, 5, 10, tzinfo=PARIS)
    hourly = "FREQ=HOURLY;BYHOUR=10,11,12,13,14,15,16,17,18,19,20,21,22,23,0,1,2,3,4,5,6,7,8,9"
    assert stray_exceptions(start, hourly, [date(2030, 3, 6), date(2030, 6, 1)]) == []
    weekdays = "FREQ=HOURLY;BYDAY=MO,TU,WE,TH,FR"
    assert stray_exceptions(start, weekdays, [date(2030, 3, 9), date(2031, 3, 8)]) == [
        date(2030, 3, 9)
    ]


def test_exceptions_are_judged_on_paris_dates():
    """Past midnight in Paris (still the day before in UTC), across the clocks' change on 31
    March 2030, and a series of exactly as many occurrences as are listed."""
    weekly = "FREQ=WEEKLY;COUNT=3"
    past_midnight = datetime(2030, 3, 5, 0, 30, tzinfo=PARIS)
    assert stray_exceptions(past_midnight, weekly, [date(2030, 3, 12)]) == []
    assert stray_exceptions(past_midnight, weekly, [date(2030, 3, 11)]) == [date(2030, 3, 11)]
    across = datetime(2030, 3, 26, 10, tzinfo=PARIS)
    assert stray_exceptions(across, weekly, [date(2030, 4, 2), date(2030, 4, 9)]) == []
    full = "FREQ=DAILY;COUNT=500"
    assert stray_exceptions(across, full, [date(2040, 1, 1)]) == [date(2040, 1, 1)]
