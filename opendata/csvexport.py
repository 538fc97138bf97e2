"""Our own CSV of public records: the API's fields, lists joined by `|`, booleans as
true/false, every text cell neutralised against spreadsheet formulas (opendata.csvsafe).

Written with a UTF-8 byte order mark: without it Excel, which many of our readers use,
reads UTF-8 as Windows-1252 and garbles every accent; LibreOffice, Python (utf-8-sig),
pandas and csvkit all skip it."""

import csv

from .csvsafe import Echo, safe_row
from .records import FIELDS

BOM = "\ufeff"
SEPARATOR = "|"


def cell(name, value):
    if isinstance(value, list):
        return SEPARATOR.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def lines(records, bom=True, columns=FIELDS):
    writer = csv.writer(Echo(), lineterminator="\r\n")
    yield (BOM if bom else "") + writer.writerow(columns)
    for record in records:
        yield writer.writerow(safe_row(cell(name, record.get(name)) for name in columns))


def table_lines(header, rows):
    """Any header and rows (the national formats), neutralised the same way, no BOM."""
    writer = csv.writer(Echo(), lineterminator="\r\n")
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow(safe_row("" if v is None else v for v in row))
