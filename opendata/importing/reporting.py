"""The import report as text, for the command line, and as data, for the admin."""

from dataclasses import asdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .importer import CREATED, OUTSIDE, REJECTED, UNCHANGED, UPDATED

LABELS = {
    CREATED: gettext_lazy("créés"),
    UPDATED: gettext_lazy("mis à jour"),
    UNCHANGED: gettext_lazy("inchangés"),
    REJECTED: gettext_lazy("rejetés"),
    OUTSIDE: gettext_lazy("hors territoire (ignorés)"),
}


def as_text(report, verbose=False):
    lines = [
        _("Import appliqué.") if report.applied else _("Simulation : rien n'a été écrit (--apply).")
    ]
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
    return "\n".join(lines)


def as_data(report):
    """The report as JSON-ready data, read by the admin's status page like the report."""
    return {
        "applied": report.applied,
        "counts": report.counts,
        "rows": [asdict(row) for row in report.rows],
    }
