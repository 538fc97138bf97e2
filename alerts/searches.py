"""The lists a search can be saved from, each read by its own filterset builder (the same
one its page, API and exports use): which parameters an alert keeps, how a saved query is
normalised and labelled, and which items it matches."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db.models import Model, QuerySet
from django.forms import ModelChoiceField
from django.http import QueryDict
from django.urls import reverse

from actors.filters import actor_filterset
from actors.models import Actor
from events.filters import AgendaForm
from events.models import Event
from expertise.filters import expertise_filterset
from expertise.models import Realisation, Ressource

from .models import SearchKind, Target

LABEL_MAX = 200
SEPARATOR = " · "


@dataclass(frozen=True)
class SearchList:
    kind: str
    url_name: str
    model: type
    # What a saved search keeps: the list's facets and words. Paging, order, a map's zone
    # and periods (today, this weekend) say nothing about what is new.
    parameters: tuple
    build: Callable  # (data, queryset) -> (form, items matching or None when invalid)

    def form(self, data):
        return self.build(data, self.model.objects.none())[0]

    def matching(self, query, queryset):
        """The items of `queryset` a saved (normalised) query matches; none when it no
        longer is valid (a term or commune removed since)."""
        _form, items = self.build(QueryDict(query), queryset)
        return queryset.none() if items is None else items

    def url(self, query=""):
        return reverse(self.url_name) + (f"?{query}" if query else "")


def _filterset(builder):
    def build(data, queryset):
        filterset = builder(data, queryset)
        return filterset.form, (filterset.qs if filterset.is_valid() else None)

    return build


def _agenda(data, queryset):
    form = AgendaForm(data)
    return form, (form.events(queryset) if form.is_valid() else None)


FACETS = ("q", "theme", "public", "commune")
LISTS = {
    SearchKind.ACTORS: SearchList(
        SearchKind.ACTORS, "actors:home", Actor,
        ("q", "theme", "service", "public", "language", "kind", "commune", "near", "radius"),
        _filterset(actor_filterset),
    ),
    SearchKind.EVENTS: SearchList(
        SearchKind.EVENTS, "events:agenda", Event, (*FACETS, "price", "actor"), _agenda
    ),
    SearchKind.RESSOURCES: SearchList(
        SearchKind.RESSOURCES, "expertise:ressources", Ressource,
        (*FACETS[:3], "type", "licence", "language"),
        _filterset(lambda data, qs: expertise_filterset("ressource", data, qs)),
    ),
    SearchKind.REALISATIONS: SearchList(
        SearchKind.REALISATIONS, "expertise:realisations", Realisation,
        (*FACETS, "progress", "licence"),
        _filterset(lambda data, qs: expertise_filterset("realisation", data, qs)),
    ),
}  # fmt: skip


def normalise(kind, data):
    """(query string, label) of the list's parameters in `data` an alert keeps: each valid
    one's values, trimmed, without repeats, in a fixed order; an invalid one is dropped (the
    list's own form decides), the words are kept as typed."""
    spec = LISTS[kind]
    form = spec.form(data)
    form.is_valid()
    kept = QueryDict(mutable=True)
    for name in spec.parameters:
        if name in form.errors or name not in form.fields:
            continue
        values = sorted({value.strip() for value in data.getlist(name) if value.strip()})
        if values:
            kept.setlist(name, values)
    if "near" not in kept:
        kept.pop("radius", None)
    return kept.urlencode(), label(kind, form, kept)


def label(kind, form, kept):
    """ "Annuaire · Réparation · Bayonne": the list, then each criterion as the page shows it."""
    parts = [str(SearchKind(kind).label)]
    for name in kept:
        parts += _shown(form, name)
    text = SEPARATOR.join(parts)
    return text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1] + "…"


def _shown(form, name):
    value = form.cleaned_data.get(name)
    if name == "radius":
        return []
    values = list(value) if isinstance(value, (QuerySet, list, tuple)) else [value]
    field = form.fields[name]
    # A plain choice's label; a model choice shows its object (its choices are a query).
    plain = isinstance(field, forms.ChoiceField) and not isinstance(field, ModelChoiceField)
    choices = dict(field.choices) if plain else {}
    shown = []
    for item in values:
        if isinstance(item, Model):
            shown.append(str(getattr(item, "label", item)))
        elif item not in (None, "", False):
            shown.append(str(choices.get(item, item)).strip())
    return shown


def describe(subscription):
    """The subscription's label in the active language (the stored one was written in the
    language it was saved in): the list and its criteria read again, the actor's name, the
    theme's label."""
    if subscription.target == Target.ACTOR:
        return subscription.actor.name
    if subscription.target == Target.THEME:
        return str(subscription.theme.label)
    query = QueryDict(subscription.query)
    form = LISTS[subscription.search_kind].form(query)
    return label(subscription.search_kind, form, query) if form.is_valid() else subscription.label


def page_path(subscription):
    """The page showing what the subscription follows."""
    if subscription.target == Target.SEARCH:
        return LISTS[subscription.search_kind].url(subscription.query)
    if subscription.target == Target.ACTOR:
        return subscription.actor.get_absolute_url()
    return theme_path(subscription.theme)


def theme_path(theme):
    return LISTS[SearchKind.ACTORS].url(f"theme={theme.slug}")
