"""data·inclusion structures and services (schema v1): our published places of digital
mediation (the same rule as the LaMednum file, without its SIRET requirement), and one
service for each service such a place offers, as JSON arrays."""

from actors.models import Fees, Service
from actors.texts import localized

from . import vocabularies as vocab
from .lamednum import mediation
from .phones import e164
from .records import records

SCHEMA_VERSION = "v1"
NAME_MIN, NAME_MAX = 3, 150
DESCRIPTION_MIN = 5
DESCRIPTION_MAX = 10000


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


def with_structures(queryset, base_url):
    """(record, structure) of each place that is a data·inclusion structure."""
    for record in records(mediation(queryset).order_by("name", "pk"), base_url):
        item = structure(record)
        if item is not None:
            yield record, item


def structures(queryset, base_url):
    for _record, item in with_structures(queryset, base_url):
        yield item


def service(record, parent, slug, name):
    summary = localized(record, "summary", "fr").text or parent["description"] or ""
    ways = [
        *(["se-presenter"] if record["welcomes_public"] else []),
        *(["telephoner"] if parent["telephone"] else []),
        *(["envoyer-un-courriel"] if parent["courriel"] else []),
        *(["utiliser-lien-mobilisation"] if record["appointment_url"] else []),
    ]
    modes = (["en-presentiel"] if record["welcomes_public"] else []) + (
        ["a-distance"] if record["works_remotely"] else []
    )
    return {
        "source": vocab.DATA_INCLUSION_SOURCE,
        "structure_id": parent["id"],
        "id": f"{parent['id']}--{slug}",
        "nom": name[:NAME_MAX].rstrip(". "),
        "description": f"{name}. {summary}".strip()[:DESCRIPTION_MAX],
        "date_maj": parent["date_maj"],
        "type": vocab.DATA_INCLUSION_SERVICE_TYPES.get(slug),
        "thematiques": vocab.DATA_INCLUSION_THEMATIQUES.get(slug),
        "publics": vocab.data_inclusion_publics(record["publics"]) or None,
        "frais": vocab.DATA_INCLUSION_FEES.get(record["fees"]),
        # A French-language format, whatever the visitor's language.
        "frais_precisions": (
            vocab.LAMEDNUM_FEES[Fees.FREE_WITH_CONDITIONS]
            if record["fees"] == Fees.FREE_WITH_CONDITIONS
            else None
        ),
        "modes_accueil": modes or None,
        "modes_mobilisation": ways or None,
        "lien_mobilisation": record["appointment_url"] or None,
        "telephone": parent["telephone"],
        "courriel": parent["courriel"],
        "adresse": parent["adresse"],
        "code_postal": parent["code_postal"],
        "code_insee": parent["code_insee"],
        "commune": parent["commune"],
        "latitude": parent["latitude"],
        "longitude": parent["longitude"],
        "horaires_accueil": parent["horaires_accueil"],
        "lien_source": record["url"],
    }


def services(queryset, base_url):
    """One service per service of each structure, in the taxonomy's order."""
    names = dict(Service.objects.values_list("slug", "name"))
    for record, parent in with_structures(queryset, base_url):
        for slug in record["services"]:
            yield service(record, parent, slug, names[slug])
