"""data·inclusion structures (schema v1): our published places of digital mediation (the
same rule as the LaMednum file, without its SIRET requirement), as a JSON array."""

from actors.texts import localized

from . import vocabularies as vocab
from .lamednum import mediation
from .phones import e164
from .records import records

SCHEMA_VERSION = "v1"
NAME_MIN, NAME_MAX = 3, 150
DESCRIPTION_MIN = 5


def structure(record):
    # Their name rule: 3 to 150 characters, not ending with a full stop.
    name = record["name"][:NAME_MAX].rstrip(". ")
    if len(name) < NAME_MIN:
        return None
    # French first, the summary when there is no description, another language last.
    description = (
        record["description"]
        or record["summary"]
        or localized(record, "description", "fr").text
        or localized(record, "summary", "fr").text
    )
    return {
        "source": vocab.DATA_INCLUSION_SOURCE,
        "id": f"{vocab.DATA_INCLUSION_SOURCE}--{record['slug']}",
        "nom": name,
        "date_maj": record["updated_at"][:10],
        "siret": record["siret"] or None,
        "commune": record["commune"],
        "code_postal": record["postcode"] or None,
        "code_insee": record["commune_insee"],
        "adresse": record["street_address"] or None,
        "complement_adresse": None,
        "latitude": record["latitude"],
        "longitude": record["longitude"],
        "telephone": e164(record["phone"]) or None,
        "courriel": record["email"] or None,
        "site_web": record["website"] or None,
        "lien_source": record["url"],
        "description": description if len(description) >= DESCRIPTION_MIN else None,
        "horaires_accueil": record["opening_hours"] or None,
        "accessibilite_lieu": record["acceslibre_url"] or None,
        "reseaux_porteurs": None,
    }


def structures(queryset, base_url):
    for record in records(mediation(queryset).order_by("name", "pk"), base_url):
        item = structure(record)
        if item is not None:
            yield item
