"""The "lieux de médiation numérique" file (LaMednum / ANCT standard v1.0.2): our published
places of digital mediation, one row each. The standard requires a SIRET or RNA `pivot` and
a street address: actors without them are left out and counted (see `coverage`)."""

from django.db.models import Q

from actors.texts import localized

from . import vocabularies as vocab
from .phones import e164
from .records import records

SCHEMA_VERSION = "v1.0.2"
COLUMNS = [
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse",
    "complement_adresse", "latitude", "longitude", "typologie", "telephone", "courriels",
    "site_web", "horaires", "presentation_resume", "presentation_detail", "source",
    "itinerance", "structure_parente", "date_maj", "services",
    "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
    "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels",
    "modalites_acces", "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
]  # fmt: skip
SOURCE = "Néo Num Carto"
HAS_PIVOT = ~Q(siret="") | ~Q(rna="")
HAS_ADDRESS = ~Q(street_address="")

join = vocab.LAMEDNUM_SEPARATOR.join


def mediation(queryset):
    return queryset.filter(vocab.mediation_q())


def exported(queryset):
    return mediation(queryset).filter(HAS_PIVOT & HAS_ADDRESS)


def coverage(queryset):
    """How many places of digital mediation there are, how many the file holds, and how
    many are left out for each reason."""
    places = mediation(queryset)
    return {
        "mediation": places.count(),
        "exported": places.filter(HAS_PIVOT & HAS_ADDRESS).count(),
        "without_pivot": places.exclude(HAS_PIVOT).count(),
        "without_address": places.filter(HAS_PIVOT).exclude(HAS_ADDRESS).count(),
    }


def row(record):
    themes, services = record["themes"], record["services"]
    access = []
    if record["welcomes_public"]:
        access.append("Se présenter")
    if record["phone"]:
        access.append("Téléphoner")
    if record["email"]:
        access.append("Contacter par mail")
    if not record["welcomes_public"]:
        access.append("Ce lieu n'accueille pas de public")
    mobility = (["Itinérant"] if record["travels"] else []) + (
        ["Fixe"] if record["welcomes_public"] else []
    )
    values = {
        "id": record["slug"],
        "pivot": record["siret"] or record["rna"],
        "nom": record["name"],
        "commune": record["commune"],
        "code_postal": record["postcode"],
        "code_insee": record["commune_insee"],
        "adresse": record["street_address"],
        "latitude": record["latitude"],
        "longitude": record["longitude"],
        "typologie": vocab.LAMEDNUM_TYPOLOGIES.get(record["kind"], ""),
        "telephone": e164(record["phone"]),
        "courriels": record["email"],
        "site_web": record["website"],
        "horaires": record["opening_hours"],
        # A French-language standard: French, or another language when French is empty.
        "presentation_resume": localized(record, "summary", "fr").text,
        "presentation_detail": localized(record, "description", "fr").text,
        "source": SOURCE,
        "itinerance": join(mobility),
        "date_maj": record["updated_at"][:10],
        "services": join(vocab.lamednum_services(themes, services)),
        "publics_specifiquement_adresses": join(vocab.lamednum_publics(record["publics"])),
        "prise_en_charge_specifique": join(
            vocab.lamednum_support(record["publics"], record["languages"])
        ),
        "modalites_acces": join(access),
        "modalites_accompagnement": "À distance" if record["works_remotely"] else "",
        "frais_a_charge": vocab.LAMEDNUM_FEES.get(record["fees"], ""),
        "fiche_acces_libre": record["acceslibre_url"],
        "prise_rdv": record["appointment_url"],
    }
    return [values.get(column, "") for column in COLUMNS]


def rows(queryset, base_url=""):
    for record in records(exported(queryset).order_by("name", "pk"), base_url):
        yield row(record)
