"""Files to rows. `read` returns a Reading: the format and separator it read, notes about the
file's columns, and its records as (record number, dict) pairs where the dict uses our field
names (those of our own CSV export, plus `source_id`). Values stay raw text; the importer
checks them. Records are read as they are used, from the bytes or the file given, so that a
large file is never held as a list; each iteration reads the file afresh.

Record numbers are the spreadsheet's rows: the header is row 1, the first record row 2,
however many lines its cells span. A file that cannot be read at all raises UnreadableFile."""

import codecs
import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import ijson
from django.utils.translation import gettext as _

from ..csvsafe import undo_neutralise
from ..records import FIELDS, LIST_FIELDS

FORMATS = ("csv", "geojson", "lamednum")
OUR_COLUMNS = set(FIELDS) | {"source_id"}
# Read back from our own exports, but derived by the site rather than imported.
DERIVED_COLUMNS = {"url", "updated_at"}
SEPARATORS = (",", ";", "\t")
LAMEDNUM_COLUMNS = {"pivot", "nom", "date_maj"}
# Cells may be long descriptions, not megabytes: beyond, the file is refused with a message.
# The limit is process-wide in the csv module and other libraries set it (frictionless does,
# on import): it is set again before each reading.
CELL_LIMIT = 1_000_000
BOM = codecs.BOM_UTF8


class UnreadableFile(Exception):
    pass


@dataclass
class Reading:
    format: str
    records: object  # a callable giving a fresh iterator of (number, row)
    separator: str = ""
    notes: list = field(default_factory=list)

    def __iter__(self):
        return iter(self.records())


def _open_bytes(source):
    return open(source, "rb") if isinstance(source, Path) else io.BytesIO(source)  # noqa: SIM115


def _open_text(source):
    return io.TextIOWrapper(_open_bytes(source), encoding="utf-8-sig", newline="")


def _head(source, size=65536):
    with _open_text(source) as text:
        try:
            return text.read(size)
        except UnicodeDecodeError:
            raise UnreadableFile(_("Le fichier doit être encodé en UTF-8.")) from None


def sniff_separator(head):
    """The header line's most frequent candidate separator (a comma when none)."""
    first = head.splitlines()[0] if head.strip() else ""
    counts = {sep: first.count(sep) for sep in SEPARATORS}
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    return best if counts[best] else ","


def guess_format(filename, source):
    if filename.lower().endswith((".geojson", ".json")):
        return "geojson"
    head = _head(source, 8192)
    first = head.splitlines()[0] if head.strip() else ""
    columns = {c.strip().strip('"') for c in first.split(sniff_separator(head))}
    return "lamednum" if columns >= LAMEDNUM_COLUMNS else "csv"


def load_mapping(data):
    """A mapping file: {"columns": {"their column": "our field"}, "defaults": {...},
    "separator": "|"}."""
    try:
        mapping = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadableFile(_("Fichier de correspondance illisible : %s") % error) from None
    if not isinstance(mapping, dict) or not isinstance(mapping.get("columns", {}), dict):
        raise UnreadableFile(_("Le fichier de correspondance doit contenir « columns »."))
    if not isinstance(mapping.get("defaults", {}), dict):
        raise UnreadableFile(_("« defaults » doit associer des champs à des valeurs."))
    unknown = set(mapping.get("columns", {}).values()) - OUR_COLUMNS
    unknown |= set(mapping.get("defaults", {})) - OUR_COLUMNS
    if unknown:
        raise UnreadableFile(
            _("Champs inconnus dans la correspondance : %s") % ", ".join(sorted(unknown))
        )
    return mapping


def column_notes(columns, mapping, known):
    """What the report says of the file's columns: mapped ones missing from the file, and
    the file's columns nothing reads."""
    named = set((mapping or {}).get("columns", {}))
    notes = []
    missing = sorted(named - set(columns))
    if missing:
        notes.append(
            _("Colonnes de la correspondance absentes du fichier : %s") % ", ".join(missing)
        )
    unused = [c for c in columns if c and c not in named and c not in known]
    if unused:
        notes.append(_("Colonnes du fichier ignorées : %s") % ", ".join(unused))
    return notes


def rename(raw, mapping):
    """Our field names: the mapping's columns, and the file's columns already named as ours.
    Our export's `slug` also identifies the row at its source."""
    row = {k: v for k, v in raw.items() if k in OUR_COLUMNS}
    for theirs, ours in (mapping or {}).get("columns", {}).items():
        if theirs in raw:
            row[ours] = raw[theirs]
    if row.get("slug") and not row.get("source_id"):
        row["source_id"] = row["slug"]
    for name, value in (mapping or {}).get("defaults", {}).items():
        if row.get(name) in (None, "", []):
            row[name] = value
    return row


def clean_cell(value, warnings):
    value = (value or "").strip()
    if "\x00" in value:
        warnings.append(_("caractère NUL retiré de « %s »") % value.replace("\x00", "")[:80])
        value = value.replace("\x00", "")
    return undo_neutralise(value)


def csv_records(source, separator):
    """(record number, {column: cleaned text}) for each record of a CSV file."""
    with _open_text(source) as text:
        csv.field_size_limit(CELL_LIMIT)
        reader = csv.reader(text, delimiter=separator)
        number = 1
        try:
            header = [clean_cell(c, []) for c in next(reader, [])]
            for cells in reader:
                number += 1
                if not any(c.strip() for c in cells):
                    continue
                warnings = []
                row = {k: clean_cell(v, warnings) for k, v in zip(header, cells, strict=False) if k}
                if warnings:
                    row["_warnings"] = warnings
                yield number, row
        except csv.Error as error:
            raise UnreadableFile(
                _("Enregistrement %(number)s illisible : %(error)s")
                % {"number": number, "error": error}
            ) from None
        except UnicodeDecodeError:
            raise UnreadableFile(_("Le fichier doit être encodé en UTF-8.")) from None


def csv_header(source, separator):
    with _open_text(source) as text:
        csv.field_size_limit(CELL_LIMIT)
        try:
            header = next(csv.reader(text, delimiter=separator), [])
        except (csv.Error, UnicodeDecodeError) as error:
            raise UnreadableFile(_("CSV illisible : %s") % error) from None
    header = [clean_cell(c, []) for c in header]
    if not any(header):
        raise UnreadableFile(_("Le fichier CSV est vide."))
    return header


def split_lists(row, separator):
    for name in LIST_FIELDS:
        if isinstance(row.get(name), str):
            row[name] = [s.strip() for s in row[name].split(separator) if s.strip()]
    return row


def read_table(source, fmt, mapping, to_row, known):
    """A CSV file whose records `to_row(raw, mapping)` turns into rows; `known`: the columns
    it reads."""
    separator = sniff_separator(_head(source))
    header = csv_header(source, separator)
    lists = (mapping or {}).get("separator", "|")

    def records():
        for number, raw in csv_records(source, separator):
            yield number, split_lists(to_row(raw, mapping), lists)

    return Reading(fmt, records, separator, column_notes(header, mapping, known))


def our_row(raw, mapping):
    return {**rename(raw, mapping), **_extra(raw)}


def read_csv(source, mapping=None):
    return read_table(source, "csv", mapping, our_row, OUR_COLUMNS | DERIVED_COLUMNS)


def _extra(raw):
    return {k: raw[k] for k in ("_warnings",) if k in raw}


def _json_events(source, prefix=None):
    """ijson's events (or, with `prefix`, the objects under it) as the file is read; the
    byte-order mark some editors write is skipped."""
    with _open_bytes(source) as raw:
        if raw.read(3) != BOM:
            raw.seek(0)
        try:
            if prefix is None:
                yield from ijson.parse(raw)
            else:
                yield from ijson.items(raw, prefix, use_float=True)
        except ijson.JSONError as error:
            if not is_utf8(source):
                raise UnreadableFile(_("Le fichier doit être encodé en UTF-8.")) from None
            detail = error.args[0] if error.args else ""
            if isinstance(detail, bytes):
                detail = detail.decode("utf-8", "replace")
            detail = (str(detail).strip().splitlines() or [""])[0]
            raise UnreadableFile(_("GeoJSON illisible : %s") % detail) from None


def is_utf8(source, chunk=1 << 20):
    decoder = codecs.getincrementaldecoder("utf-8")()
    with _open_bytes(source) as raw:
        try:
            while block := raw.read(chunk):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def geojson_outline(source):
    """(its top-level `type`, whether `features` is a list, the properties' names), in one
    pass over the file that holds nothing but the names."""
    kind, features_list, columns = None, False, {}
    for prefix, event, value in _json_events(source):
        if prefix == "" and event not in ("start_map", "map_key", "end_map"):
            break  # not an object
        if prefix == "type" and event == "string":
            kind = value
        elif prefix == "features" and event == "start_array":
            features_list = True
        elif prefix == "features.item.properties" and event == "map_key":
            columns[value] = None
    return kind, features_list, list(columns)


def read_geojson(source, mapping=None):
    """A FeatureCollection read one feature at a time (ijson): a large file is never held
    whole, only the feature being imported."""
    kind, features_list, columns = geojson_outline(source)
    if kind != "FeatureCollection":
        raise UnreadableFile(_("Le GeoJSON doit être une FeatureCollection."))
    if not features_list:
        raise UnreadableFile(_("« features » doit être une liste d'objets."))
    lists = (mapping or {}).get("separator", "|")

    def records():
        features = _json_events(source, "features.item")
        for number, feature in enumerate(features, start=1):
            yield number, split_lists(geojson_row(feature, mapping), lists)

    notes = column_notes(columns, mapping, OUR_COLUMNS | DERIVED_COLUMNS)
    return Reading("geojson", records, "", notes)


def geojson_row(feature, mapping):
    if not isinstance(feature, dict):
        return {"_error": _("objet GeoJSON invalide : chaque élément doit être un objet Feature")}
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        return {"_error": _("« properties » doit être un objet.")}
    row = rename(properties, mapping)
    warnings = []
    for key, value in row.items():
        if isinstance(value, str):
            row[key] = clean_cell(value, warnings)
    if warnings:
        row["_warnings"] = warnings
    geometry = feature.get("geometry")
    if geometry is not None and not isinstance(geometry, dict):
        row["_error"] = (
            _("« geometry » doit être un objet GeoJSON ou null, pas « %s ».") % str(geometry)[:80]
        )
    elif geometry and geometry.get("type") == "Point":
        coordinates = geometry.get("coordinates")
        if isinstance(coordinates, list) and len(coordinates) >= 2:
            row["longitude"], row["latitude"] = coordinates[0], coordinates[1]
        else:
            row["_error"] = _("Coordonnées du point invalides : « %s ».") % str(coordinates)[:80]
    elif geometry:
        row["_error"] = _("seuls les points sont acceptés")
    if not row.get("source_id") and feature.get("id") is not None:
        row["source_id"] = str(feature["id"])
    return row


def read(source, fmt, mapping=None):
    """`source`: the file's bytes, or its Path (read as it goes)."""
    from .lamednum import read_lamednum

    readers = {"csv": read_csv, "geojson": read_geojson, "lamednum": read_lamednum}
    if fmt not in readers:
        raise UnreadableFile(_("Format inconnu : %s") % fmt)
    return readers[fmt](source, mapping)
