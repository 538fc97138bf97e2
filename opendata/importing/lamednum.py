"""Reading a "lieux de médiation numérique" (LaMednum) file: its columns and vocabularies to
ours. Its places all work on digital inclusion; the kind defaults to association unless its
`typologie` says otherwise. A mapping applies here too: its columns (any of the file's) are
read into our fields over what the standard's columns gave, and its defaults fill the rest."""

from .. import vocabularies as vocab
from .readers import read_table

READ = {
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "latitude",
    "longitude", "telephone", "courriels", "site_web", "horaires", "fiche_acces_libre",
    "prise_rdv", "frais_a_charge", "presentation_resume", "presentation_detail", "services",
    "publics_specifiquement_adresses", "typologie", "itinerance", "modalites_accompagnement",
}  # fmt: skip


def _split(value):
    return [v.strip() for v in (value or "").split(vocab.LAMEDNUM_SEPARATOR) if v.strip()]


def _translate(values, table):
    return [table[v] for v in values if v in table]


def standard_row(raw):
    pivot = raw.get("pivot", "")
    kinds = _translate(_split(raw.get("typologie")), vocab.KINDS_FROM_LAMEDNUM)
    summary = raw.get("presentation_resume") or raw.get("presentation_detail", "")[:280]
    return {
        "source_id": raw.get("id", ""),
        "name": raw.get("nom", ""),
        "siret": pivot if pivot.isdigit() else "",
        "rna": pivot if pivot[:1].upper() == "W" else "",
        "commune": raw.get("commune", ""),
        "postcode": raw.get("code_postal", ""),
        "commune_insee": raw.get("code_insee", ""),
        "street_address": raw.get("adresse", ""),
        "latitude": raw.get("latitude", ""),
        "longitude": raw.get("longitude", ""),
        "phone": raw.get("telephone", ""),
        "email": (_split(raw.get("courriels")) or [""])[0],
        "website": (_split(raw.get("site_web")) or [""])[0],
        "opening_hours": raw.get("horaires", ""),
        "acceslibre_url": raw.get("fiche_acces_libre", ""),
        "appointment_url": raw.get("prise_rdv", ""),
        # Several values allowed there, one here: the first.
        "fees": next(
            iter(_translate(_split(raw.get("frais_a_charge")), vocab.FEES_FROM_LAMEDNUM)), ""
        ),
        "summary": summary.strip(),
        "description": raw.get("presentation_detail", ""),
        "themes": [vocab.INCLUSION_THEME],
        "services": _translate(_split(raw.get("services")), vocab.SERVICES_FROM_LAMEDNUM),
        "publics": _translate(
            _split(raw.get("publics_specifiquement_adresses")), vocab.PUBLICS_FROM_LAMEDNUM
        ),
        "kind": kinds[0] if kinds else "association",
        "travels": "Itinérant" in _split(raw.get("itinerance")),
        "works_remotely": "À distance" in _split(raw.get("modalites_accompagnement")),
    }


def mapped_row(raw, mapping):
    row = standard_row(raw)
    for theirs, ours in (mapping or {}).get("columns", {}).items():
        if raw.get(theirs):
            row[ours] = raw[theirs]
    for name, value in (mapping or {}).get("defaults", {}).items():
        row[name] = value
    if "_warnings" in raw:
        row["_warnings"] = raw["_warnings"]
    return row


def read_lamednum(source, mapping=None):
    return read_table(source, "lamednum", mapping, mapped_row, READ)
