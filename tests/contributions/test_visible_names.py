"""Names refuse the characters that hide or reverse text, in the validator, the model's
checks, the profile forms and the importer; the letters of French, Basque and Spanish pass."""

import pytest
from django.core.exceptions import ValidationError

from actors import validators
from actors.models import Actor
from contributions.models import ChangeRequest
from tests.contributions.helpers import fingerprint, form_data
from tests.factories import ActorFactory

INVISIBLE = {
    "bidirectional embedding": "\u202a",
    "bidirectional override": "\u202e",
    "bidirectional isolate": "\u2066",
    "pop directional isolate": "\u2069",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "right-to-left mark": "\u200f",
    "word joiner": "\u2060",
    "byte-order mark": "\ufeff",
    "soft hyphen (other Cf)": "\u00ad",
    "control character (Cc)": "\x07",
    "tab (Cc)": "\t",
    "line separator": "\u2028",
}

VISIBLE = [
    "Atelier de l'Écho",
    "Ordi'Bidouille – Café réparation",
    "Iñaki eta Txomin elkartea",
    "Señora Peña & Cía",
    "Hazparneko Kultur Etxea « Ttipi-Ttapa »",
    "Œuvre numérique n° 1",
]


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_and_direction_characters_are_refused(char):
    with pytest.raises(ValidationError) as error:
        validators.validate_visible_text(f"Repair{char} Café")
    assert f"U+{ord(char):04X}" in error.value.messages[0]


@pytest.mark.parametrize("name", VISIBLE)
def test_accents_apostrophes_and_basque_letters_pass(name):
    validators.validate_visible_text(name)


@pytest.mark.django_db
def test_the_model_checks_refuse_them(reference):
    actor = ActorFactory.build(name="moc.elgoog\u202egnp.exe")
    with pytest.raises(ValidationError) as error:
        actor.full_clean(exclude=["slug", "logo", "kind", "commune"])
    assert "name" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\ufeff"])
def test_the_profile_form_shows_a_clear_error(client, actor, people, char):
    client.force_login(people["editor"])
    before = fingerprint()
    response = client.post(
        f"/fr/acteurs/{actor.slug}/modifier/", form_data(actor, name=f"Repair{char} Café")
    )
    assert response.status_code == 400
    assert "caractère invisible" in response.content.decode()
    assert fingerprint() == before and not ChangeRequest.objects.exists()


@pytest.mark.django_db
def test_the_importer_rejects_the_row(reference, ban):
    from opendata.importing import readers
    from opendata.importing.importer import import_rows
    from tests.opendata.test_import import bayonne, csv_bytes, row

    data = csv_bytes([row(slug="x", name="Atelier\u200b Alpha", **bayonne())])
    report = import_rows(readers.read(data, "csv", None), "test", apply=True, publish=True)
    assert report.counts["rejected"] == 1
    assert "caractère invisible" in next(iter(report.problems())).reason
    assert not Actor.objects.filter(source="test").exists()
