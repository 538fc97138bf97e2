"""The import report as text, for the command line, and as data, for the admin."""

from dataclasses import asdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .importer import CREATED, DUPLICATE, OUTSIDE, REJECTED, UNCHANGED, UPDATED
from .readers import SEPARATORS

LABELS = {
    CREATED: gettext_lazy("créés"),
    UPDATED: gettext_lazy("mis à jour"),
    UNCHANGED: gettext_lazy("inchangés"),
    REJECTED: gettext_lazy("rejetés"),
    OUTSIDE: gettext_lazy("hors territoire (ignorés)"),
    DUPLICATE: gettext_lazy("doublons dans le fichier (ignorés)"),
}
SEPARATOR_NAMES = {
    ",": gettext_lazy("virgule"),
    ";": gettext_lazy("point-virgule"),
    "\t": gettext_lazy("tabulation"),
}
assert set(SEPARATOR_NAMES) == set(SEPARATORS)


def label(outcome):
    return LABELS.get(outcome, outcome)


def read_as(report):
    """ "Format lu : csv (séparateur : point-virgule)"."""
    if not report.format:
        return ""
    text = _("Format lu : %s") % report.format
    if report.separator:
        text += " " + _("(séparateur : %s)") % SEPARATOR_NAMES[report.separator]
    return text


def as_text(report, verbose=False):
    lines = [
        _("Import appliqué.") if report.applied else _("Simulation : rien n'a été écrit (--apply).")
    ]
    lines += [line for line in [read_as(report)] if line]
    lines += [f"  {note}" for note in report.notes]
    lines += [f"  {LABELS[outcome]} : {count}" for outcome, count in report.counts.items()]
    shown = report.rows if verbose else report.problems()
    for row in shown:
        lines.append(
            "  "
            + _("ligne %(line)s – %(outcome)s – %(name)s : %(detail)s")
            % {
                "line": row.line,
                "outcome": LABELS[row.outcome],
                "name": row.name or "?",
                "detail": row.reason or row.slug,
            }
        )
        lines += [f"      ! {warning}" for warning in row.warnings]
    lines += [f"  {line}" for line in [unlisted(report)] if line]
    return "\n".join(lines)


def unlisted(report):
    if not report.unlisted:
        return ""
    return ngettext(
        "%(count)s autre ligne avec un problème ou un avertissement n'est pas détaillée.",
        "%(count)s autres lignes avec un problème ou un avertissement ne sont pas détaillées.",
        report.unlisted,
    ) % {"count": report.unlisted}


def as_data(report):
    """The report as JSON-ready data, read by the admin's status page like the report."""
    return {
        "applied": report.applied,
        "format": report.format,
        "separator": report.separator,
        "read_as": read_as(report),
        "notes": report.notes,
        "counts": report.counts,
        "rows": [asdict(row) for row in report.rows],
        "unlisted": unlisted(report),
    }
