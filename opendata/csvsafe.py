"""CSV cells a spreadsheet cannot run as formulas ("CSV injection", OWASP).

A text cell starting with =, +, -, @, a tab or a carriage return is prefixed with an
apostrophe, which spreadsheets read as "this is text". Plain numbers and phone numbers
(digits, spaces, dots after an optional sign) are left alone: they cannot call a function,
and our longitudes are negative numbers that must stay numbers."""

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
HARMLESS = re.compile(r"[+-]?[0-9][0-9 .]*")


def neutralise(value):
    if not isinstance(value, str) or not value.startswith(TRIGGERS):
        return value
    if HARMLESS.fullmatch(value):
        return value
    return "'" + value


def safe_row(values):
    return [neutralise(v) for v in values]


class Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def undo_neutralise(value):
    """The cell as it was before `neutralise`: reading our own exports back changes nothing."""
    if (
        value.startswith("'")
        and value[1:].startswith(TRIGGERS)
        and neutralise(value[1:]) != value[1:]
    ):
        return value[1:]
    return value
