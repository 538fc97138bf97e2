"""The public lists' query parameters, one FilterSet per kind: the facets (theme, public,
commune, state / type, licence, language) and `q`, a full-text search in three languages.
Every list of a kind (its page, the API, the exports) builds its filterset with
`expertise_filterset` or `valid_filterset`."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actors.filters import InvalidQuery
from actors.models import Commune, Public, Theme

from . import search
from .models import ContentLanguage, Licence, Progress, Realisation, Ressource, RessourceType
from .widgets import PlainSelect


def by_slug(model, label, field_name=None):
    return django_filters.ModelChoiceFilter(
        queryset=model.objects.all(), to_field_name="slug", label=label, field_name=field_name,
        widget=PlainSelect,
    )  # fmt: skip


class ExpertiseFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search", label=_("Mots"), widget=forms.TextInput(attrs={"type": "search"})
    )
    theme = by_slug(Theme, _("Thématique"), "themes")
    public = by_slug(Public, _("Public"), "publics")
    licence = django_filters.ChoiceFilter(
        choices=Licence.choices, label=_("Licence"), widget=PlainSelect
    )

    def search(self, queryset, name, value):
        value = value.strip()
        return search.matching(queryset, value) if value else queryset


class RealisationFilterSet(ExpertiseFilterSet):
    commune = django_filters.ModelChoiceFilter(
        queryset=Commune.objects.all(), to_field_name="insee", label=_("Commune"),
        method="in_commune", widget=PlainSelect,
    )  # fmt: skip
    progress = django_filters.ChoiceFilter(
        choices=Progress.choices, label=_("État"), widget=PlainSelect
    )

    def in_commune(self, queryset, name, value):
        # A réalisation of the whole territory concerns every commune.
        links = Realisation.communes.through.objects.filter(commune=value)
        return queryset.filter(Q(whole_territory=True) | Q(pk__in=links.values("realisation_id")))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.form.fields["commune"]
        # Only what the options show: the boundaries would cost 158 polygons a page.
        field.queryset = Commune.objects.by_label().only("pk", "insee", "name", "name_eu")
        field.label_from_instance = lambda commune: commune.label


class RessourceFilterSet(ExpertiseFilterSet):
    type = by_slug(RessourceType, _("Type"))
    language = django_filters.ChoiceFilter(
        field_name="content_language", choices=ContentLanguage.choices, label=_("Langue"),
        widget=PlainSelect,
    )  # fmt: skip


FILTERSETS = {
    "realisation": (Realisation, RealisationFilterSet),
    "ressource": (Ressource, RessourceFilterSet),
}


def expertise_filterset(kind, data, queryset=None):
    """The filterset of a kind ("realisation" or "ressource") over `data` (a request's GET),
    on its published items unless `queryset` says otherwise."""
    model, filterset_class = FILTERSETS[kind]
    if queryset is None:
        queryset = model.objects.published()
    return filterset_class(data, queryset=queryset)


def valid_filterset(kind, data, queryset=None):
    """expertise_filterset() of valid data, else InvalidQuery: never half-applied."""
    filterset = expertise_filterset(kind, data, queryset)
    if not filterset.is_valid():
        raise InvalidQuery(filterset.form.errors.get_json_data())
    return filterset
