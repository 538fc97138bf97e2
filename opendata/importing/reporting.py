"""The import report as text, for the command line."""

from django.utils.translation import gettext as _

from .importer import CREATED, OUTSIDE, REJECTED, UNCHANGED, UPDATED

LABELS = {
    CREATED: "créés",
    UPDATED: "mis à jour",
    UNCHANGED: "inchangés",
    REJECTED: "rejetés",
    OUTSIDE: "hors territoire (ignorés)",
}


def as_text(report, verbose=False):
    lines = [
        _("Import appliqué.") if report.applied else _("Simulation : rien n'a été écrit (--apply).")
    ]
    lines += [f"  {_(LABELS[outcome])} : {count}" for outcome, count in report.counts.items()]
    shown = report.rows if verbose else report.problems()
    for row in shown:
        detail = row.reason or row.slug
        lines.append(
            f"  ligne {row.line} – {_(LABELS[row.outcome])} – {row.name or '?'} : {detail}"
        )
    return "\n".join(lines)
