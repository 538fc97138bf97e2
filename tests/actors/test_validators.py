import pytest
from django.core.exceptions import ValidationError

from actors import validators


@pytest.mark.parametrize("value", ["73282932000074", "35600000000001"])
def test_valid_siret(value):
    validators.validate_siret(value)


@pytest.mark.parametrize("value", ["73282932000075", "7328293200007", "7328293200007A", ""])
def test_invalid_siret(value):
    with pytest.raises(ValidationError):
        validators.validate_siret(value)


@pytest.mark.parametrize("value", ["W641000123", "W2A1234567"])
def test_valid_rna(value):
    validators.validate_rna(value)


@pytest.mark.parametrize("value", ["641000123", "W64100012", "w641000123", "WXX1234567"])
def test_invalid_rna(value):
    with pytest.raises(ValidationError):
        validators.validate_rna(value)


@pytest.mark.parametrize(
    "value", ["05 59 00 00 00", "0559000000", "+33 5 59 00 00 00", "06.12.34.56.78"]
)
def test_valid_phone(value):
    validators.validate_phone(value)


@pytest.mark.parametrize("value", ["12", "00 59 00 00 00", "05 59 00 00", "<script>"])
def test_invalid_phone(value):
    with pytest.raises(ValidationError):
        validators.validate_phone(value)


@pytest.mark.parametrize("value", ["", "Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00", "24/7"])
def test_valid_opening_hours(value):
    validators.validate_opening_hours(value)


@pytest.mark.parametrize("value", ["du lundi au vendredi", "Mo-Fr 25:00-26:00"])
def test_invalid_opening_hours(value):
    with pytest.raises(ValidationError):
        validators.validate_opening_hours(value)
