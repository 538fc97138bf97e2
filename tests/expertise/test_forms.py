"""The réalisation form as a member's browser receives it."""

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
