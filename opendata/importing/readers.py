"""Files to rows. Each reader returns a list of (line number, dict) where the dict uses our
field names (those of our own CSV export, plus `source_id`); values stay raw text, the
importer checks them. A file that cannot be read at all raises UnreadableFile."""

import csv
import io
import json

from django.utils.translation import gettext as _

from .. import vocabularies as vocab
from ..records import FIELDS

FORMATS = ("csv", "geojson", "lamednum")
OUR_COLUMNS = set(FIELDS) | {"source_id"}
# Our export's `slug` identifies the row at its source when re-importing our own files.
ALIASES = {"slug": "source_id"}


class UnreadableFile(Exception):
    pass


def guess_format(filename, head):
    name = filename.lower()
    if name.endswith((".geojson", ".json")):
        return "geojson"
    first_line = head.lstrip("\ufeff").splitlines()[0] if head.strip() else ""
    columns = {c.strip().strip('"') for c in first_line.split(",")}
    if {"pivot", "nom", "date_maj"} <= columns:
        return "lamednum"
    return "csv"


def decode(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile(_("Le fichier doit être encodé en UTF-8.")) from None


def load_mapping(data):
    """A mapping file: {"columns": {"their column": "our field"}, "defaults": {...},
    "separator": "|"}."""
    try:
        mapping = json.loads(decode(data))
    except json.JSONDecodeError as error:
        raise UnreadableFile(_("Fichier de correspondance illisible : %s") % error) from None
    if not isinstance(mapping, dict) or not isinstance(mapping.get("columns", {}), dict):
        raise UnreadableFile(_("Le fichier de correspondance doit contenir « columns »."))
    unknown = set(mapping.get("columns", {}).values()) - OUR_COLUMNS
    unknown |= set(mapping.get("defaults", {})) - OUR_COLUMNS
    if unknown:
        raise UnreadableFile(
            _("Champs inconnus dans la correspondance : %s") % ", ".join(sorted(unknown))
        )
    return mapping


def _rename(raw, mapping):
    if mapping and mapping.get("columns"):
        row = {ours: raw.get(theirs, "") for theirs, ours in mapping["columns"].items()}
    else:
        row = {ALIASES.get(k, k): v for k, v in raw.items() if ALIASES.get(k, k) in OUR_COLUMNS}
    for name, value in (mapping or {}).get("defaults", {}).items():
        if row.get(name) in (None, "", []):
            row[name] = value
    return row


def _csv_rows(text):
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise UnreadableFile(_("Le fichier CSV est vide."))
    try:
        # Line numbers as a spreadsheet shows them: the header is line 1.
        return [
            (reader.line_num, {k: (v or "").strip() for k, v in raw.items() if k}) for raw in reader
        ]
    except csv.Error as error:
        raise UnreadableFile(_("CSV illisible : %s") % error) from None


def read_csv(data, mapping=None):
    rows = _csv_rows(decode(data))
    separator = (mapping or {}).get("separator", "|")
    result = []
    for line, raw in rows:
        row = _rename(raw, mapping)
        for name in ("themes", "services", "publics", "languages"):
            if isinstance(row.get(name), str):
                row[name] = [s.strip() for s in row[name].split(separator) if s.strip()]
        result.append((line, row))
    return result


def read_geojson(data, mapping=None):
    try:
        collection = json.loads(decode(data))
    except json.JSONDecodeError as error:
        raise UnreadableFile(_("GeoJSON illisible : %s") % error) from None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise UnreadableFile(_("Le GeoJSON doit être une FeatureCollection."))
    result = []
    for number, feature in enumerate(collection.get("features") or [], start=1):
        if not isinstance(feature, dict):
            result.append((number, {"_error": _("objet GeoJSON invalide")}))
            continue
        properties = feature.get("properties") or {}
        row = _rename(dict(properties) if isinstance(properties, dict) else {}, mapping)
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Point":
            coordinates = geometry.get("coordinates") or []
            if len(coordinates) >= 2:
                row["longitude"], row["latitude"] = coordinates[0], coordinates[1]
        elif geometry:
            row["_error"] = _("seuls les points sont acceptés")
        if not row.get("source_id") and feature.get("id") is not None:
            row["source_id"] = str(feature["id"])
        result.append((number, row))
    return result


def _split(value):
    return [v.strip() for v in (value or "").split(vocab.LAMEDNUM_SEPARATOR) if v.strip()]


def _translate(values, table):
    return [table[v] for v in values if v in table]


def read_lamednum(data, mapping=None):
    """A "lieux de médiation numérique" file: its columns and vocabularies to ours. Its
    places all work on digital inclusion; the kind defaults to association unless its
    `typologie` says otherwise (a mapping's defaults can change both)."""
    result = []
    for line, raw in _csv_rows(decode(data)):
        pivot = raw.get("pivot", "")
        services = _split(raw.get("services"))
        publics = _split(raw.get("publics_specifiquement_adresses"))
        kinds = [
            vocab.KINDS_FROM_LAMEDNUM[t]
            for t in _split(raw.get("typologie"))
            if t in vocab.KINDS_FROM_LAMEDNUM
        ]
        summary = raw.get("presentation_resume") or raw.get("presentation_detail", "")[:280]
        row = {
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
            "services": _translate(services, vocab.SERVICES_FROM_LAMEDNUM),
            "publics": _translate(publics, vocab.PUBLICS_FROM_LAMEDNUM),
            "kind": kinds[0] if kinds else "association",
            "travels": "Itinérant" in _split(raw.get("itinerance")),
            "works_remotely": "À distance" in _split(raw.get("modalites_accompagnement")),
        }  # fmt: skip
        for name, value in (mapping or {}).get("defaults", {}).items():
            row[name] = value
        result.append((line, row))
    return result


READERS = {"csv": read_csv, "geojson": read_geojson, "lamednum": read_lamednum}


def read(data, fmt, mapping=None):
    if fmt not in READERS:
        raise UnreadableFile(_("Format inconnu : %s") % fmt)
    return READERS[fmt](data, mapping)
