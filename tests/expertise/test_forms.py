"""The réalisation form as a member's browser receives it."""

import re
from datetime import date

import pytest
from django.utils import translation

from expertise.forms import RealisationForm

from .conftest import make_realisation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "eu", "es"])
def test_dates_are_written_as_date_fields_read_them(people, language):
    """A draft's dates come back in the form as ISO dates: a date field shows any other
    format empty, and the next submission (send for moderation) dropped them."""
    realisation = make_realisation(
        people["actor"], start_date=date(2025, 6, 10), end_date=date(2025, 12, 10)
    )
    with translation.override(language):
        html = str(RealisationForm(instance=realisation))
    assert 'type="date" name="start_date" value="2025-06-10"' in html
    assert 'type="date" name="end_date" value="2025-12-10"' in html


def test_outside_partners_may_have_a_slash_in_their_name(people):
    """A name holding a slash is an outside partner; a line that reads as an address must
    name a published actor, and says which line does not."""
    from django import forms

    from expertise.forms import ActorLinesField

    field = ActorLinesField(outside=True)
    actor = people["actor"]
    lines = f"Mairie / Service numérique\nhttps://carto.example.org/fr/acteurs/{actor.slug}/"
    assert field.clean(lines) == ["Mairie / Service numérique", actor]
    for address in ("https://carto.example.org/fr/acteurs/inconnu/", "/fr/acteurs/inconnu/",
                    "carto.example.org/fr/acteurs/inconnu"):  # fmt: skip
        with pytest.raises(forms.ValidationError, match="Aucun acteur publié"):
            field.clean(f"Mairie / Service numérique\n{address}")


def test_a_title_too_long_is_not_also_called_missing(people):
    from expertise.models import Realisation

    form = RealisationForm({"title": "x" * 5000}, instance=Realisation(actor=people["actor"]))
    assert not form.is_valid()
    assert form.errors["title"] == [
        "Assurez-vous que cette valeur comporte au plus 200 caractères (actuellement 5000)."
    ]


def test_selects_name_their_empty_choice(people):
    """Not Django's "---------", which screen readers spell out dash by dash."""
    from events.forms import EventForm
    from events.models import Event
    from expertise.forms import RessourceForm
    from expertise.models import Realisation, Ressource

    actor = people["actor"]
    for form in (
        RealisationForm(instance=Realisation(actor=actor)),
        RessourceForm(instance=Ressource(actor=actor), actor=actor),
        EventForm(instance=Event(actor=actor)),
    ):
        html = str(form)
        assert "---------" not in html and re.search(r'<option value=""[^>]*>— choisir —<', html)
