"""What proves an actor's expertise on its directory card: how many published réalisations
and ressources it carries. Counted by two correlated subqueries of the cards' own query (an
index read per card and kind), not by a query per card."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def counts():
    """Annotations `evidence_realisations` and `evidence_ressources` of an actor queryset."""
    from .models import Realisation, Ressource

    def count(model):
        per_actor = (
            model.objects.published()
            .filter(actor=OuterRef("pk"))
            .order_by()
            .values("actor")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(per_actor), Value(0), output_field=IntegerField())

    return {
        "evidence_realisations": count(Realisation),
        "evidence_ressources": count(Ressource),
    }
