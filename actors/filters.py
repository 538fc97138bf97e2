"""The directory's query parameters, one definition for the pages, the map data and (later)
the API and exports: q, theme, kind, service, public, language, commune, near + radius,
bbox, sort. Invalid input is reported by the form, never half-applied."""

import re

import django_filters
from django import forms
from django.conf import settings
from django.contrib.gis.geos import Point
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, Case, F, FloatField, Q, TextChoices, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.sql import Query
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from actors import opening
from actors.geocoding import GeocoderUnavailable
from actors.indexing import SEARCH_CONFIGS
from actors.lexicon import expand
from actors.models import Actor, Commune, LeanRow, SearchRow
from actors.models.actor import has_any_term
from actors.opening import OpenChoices
from actors.places import Place, resolve_near
from actors.taxonomies import KINDS, PUBLICS, SERVICES, TAXONOMIES, THEMES, WELCOME_LANGUAGES
from actors.text import normalise
from actors.wordrank import WordRank, held, holders, negates

# "km" reads the same in French, Basque and Spanish.
RADIUS_CHOICES = [(km, f"{km} km") for km in settings.SEARCH_RADII_KM]
DEFAULT_RADIUS = settings.SEARCH_DEFAULT_RADIUS_KM
COORDINATES = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$")
# The territory with a margin: a bbox beyond it is someone's mistake.
WORLD_LIMITS = (-180.0, -90.0, 180.0, 90.0)


class SortChoices(TextChoices):
    RELEVANCE = "relevance", _("Pertinence")
    NAME = "name", _("Nom")
    DISTANCE = "distance", _("Distance")
    UPDATED = "updated", _("Mise à jour récente")


class TermFilter(django_filters.ModelMultipleChoiceFilter):
    """Actors having any of the chosen terms (slugs), read from the denormalised id array."""

    def __init__(self, taxonomy, **kwargs):
        self.array_field = taxonomy.column
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault("label", taxonomy.label)
        super().__init__(queryset=taxonomy.model.objects.all(), to_field_name="slug", **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(has_any_term(self.array_field, [term.pk for term in value]))


class RelatedFilter(django_filters.ModelMultipleChoiceFilter):
    """Actors whose foreign key is any of the chosen objects, named by `to_field_name`.

    (django-filter would compare the foreign key with the slug itself.)"""

    def __init__(self, model, field_name, to_field_name, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(
            field_name=field_name,
            queryset=model.objects.all(),
            to_field_name=to_field_name,
            **kwargs,
        )

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value})


class BBoxField(forms.CharField):
    default_error_messages = {
        "invalid": _(
            "La zone doit s'écrire ouest,sud,est,nord en degrés, "
            "par exemple -1.6,43.4,-1.4,43.55."
        ),
    }  # fmt: skip

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            west, south, east, north = (float(part) for part in value.split(","))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        lo_x, lo_y, hi_x, hi_y = WORLD_LIMITS
        if not (lo_x <= west < east <= hi_x and lo_y <= south < north <= hi_y):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return (west, south, east, north)


class BBoxFilter(django_filters.Filter):
    field_class = BBoxField

    def filter(self, qs, value):
        if not value:
            return qs
        # The plain coordinates, not the geometry: the published-actors index covers them.
        west, south, east, north = value
        return qs.filter(lon__gte=west, lon__lte=east, lat__gte=south, lat__lte=north)


def search_query(value):
    """The visitor's words read in French, Basque and Spanish, any reading matching: the
    index holds each language's reading of the texts (actors.indexing)."""
    query = None
    for config in SEARCH_CONFIGS.values():
        reading = SearchQuery(value, config=config, search_type="websearch")
        query = reading if query is None else query | reading
    return query


class ParsedQuery(SearchQuery):
    """A tsquery already parsed, given as its text: a constant to PostgreSQL. The parsing
    functions are STABLE, not IMMUTABLE, so a query that calls them is planned without
    knowing the words (a guess of the matches) and evaluates them again for each row it
    tests or ranks: three parsings per row, up to a third of a broad search's time at 100,000
    actors (README "The directory at 100,000 actors", sixth round)."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text

    def as_sql(self, compiler, connection, **extra):
        return "%s::tsquery", [self.text]


def parsed_query(value):
    """search_query(value), parsed once by PostgreSQL (its text form reads back exactly)."""
    query = Query(None)
    compiler = query.get_compiler(connection=connection)
    sql, params = compiler.compile(search_query(value).resolve_expression(query))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT ({sql})::text", params)  # noqa: S608 -- compiled by Django
        return ParsedQuery(cursor.fetchone()[0])


class SearchFilter(django_filters.CharFilter):
    """Full-text search ranked by relevance, widened by the lexicon (actors.lexicon): words
    it recognises ("ordi lent", "zerga") also match the actors offering the services or
    themes they stand for, read from the indexed id arrays. When neither finds anything,
    words close in spelling (trigrams), so that "numerik" finds "numérique"."""

    def filter(self, qs, value):
        value = (value or "").strip()
        if not value:
            return qs
        exact = self.exact(qs, value)
        if self.finds(exact):
            return exact.annotate(relevance=self.relevance(value))
        words = [w for w in normalise(value).split() if len(w) >= 3][:6]
        if not words:
            return qs.annotate(relevance=Value(0.0, output_field=FloatField())).none()
        fuzzy = qs
        similarity = None
        for word in words:
            fuzzy = fuzzy.filter(search_text__trigram_word_similar=word)
            term = TrigramWordSimilarity(word, "search_text")
            similarity = term if similarity is None else similarity + term
        return fuzzy.annotate(relevance=similarity)

    def exact(self, qs, value):
        """The rows of `qs` matching the words or the lexicon's reading of them."""
        if qs.model is LeanRow:
            matches = Q(pk__in=self.held(value).matches)
        else:
            matches = Q(search_vector=self.parsed(value))
        expansion = self.expansion(value)
        if expansion:
            # The arrays first: PostgreSQL stops at the first true branch of an OR, and an
            # array overlap is cheaper than reading a row's search vector.
            matches = expansion_condition(expansion) | matches
        return qs.filter(matches)

    def relevance(self, value):
        """The rank of each of exact()'s rows: the words' rank, plus the lexicon's concepts'
        score; then the words' rank is read only where they are when few rows hold them
        (actors.wordrank)."""
        query = self.parsed(value)
        expansion = self.expansion(value)
        if not expansion:
            return SearchRank(F("search_vector"), query)

        rank = WordRank(query, lambda table: self.holders(table, value), lambda: self.held(value))
        return rank + expansion_score(expansion)

    def holders(self, table, value):
        """actors.wordrank.holders() of the words in `table`, once per filterset."""
        text = self.parsed(value).text
        return self.remembered("_holders", (table, text), lambda: holders(table, text))

    def held(self, value):
        """actors.wordrank.held() of the words, once per filterset: for a scan of LeanRow,
        which copy_to_read() chooses only when few rows hold them."""
        ids = self.holders(SearchRow._meta.db_table, value)
        return self.remembered("_held", value, lambda: held(self.parsed(value).text, ids))

    def copy_to_read(self, qs, value):
        """The copy of `qs`'s rows (actors.searchrows) that a search of `value` reads:
        LeanRow for words that few rows hold widened by the lexicon, whose matches through
        services and themes may be many; else SearchRow. None when filter() reads `value` as
        misspellings (trigrams), which only the actors' table indexes."""
        value = value.strip()
        if not self.finds(self.exact(qs, value)):
            return None
        copy = SearchRow.objects.all()
        widened = self.expansion(value) and not negates(self.parsed(value).text)
        # Holders asked only then: a search the lexicon does not widen never needs them.
        if widened and self.holders(SearchRow._meta.db_table, value) is not None:
            copy = LeanRow.objects.all()
        # The same rows as `qs`: not asked again.
        self.remembered("_finds", str(self.exact(copy, value).query), lambda: True)
        return copy

    def finds(self, queryset):
        """queryset.exists(), asked once per filterset: the facet counts and the list each
        apply the filters again."""
        try:
            key = str(queryset.query)
        except EmptyResultSet:  # a queryset that can match nothing compiles no SQL
            return False
        return self.remembered("_finds", key, queryset.exists)

    def parsed(self, value):
        """parsed_query(value), once per filterset."""
        return self.remembered("_parsed", value, lambda: parsed_query(value))

    def expansion(self, value):
        """The lexicon's reading of `value`, looked up once per filterset (the facets run
        the filters several times)."""
        return self.remembered("_expansions", value, lambda: expand(value))

    def remembered(self, store, key, compute):
        """compute(), once per `key` in this filter's dict `store`."""
        known = self.__dict__.setdefault(store, {})
        if key not in known:
            known[key] = compute()
        return known[key]


def expansion_condition(expansion):
    condition = Q()
    for _weight, services, themes in expansion.boosts:
        if services:
            condition |= Q(service_ids__overlap=services)
        if themes:
            condition |= Q(theme_ids__overlap=themes)
    return condition


# A recognised concept counts half as much as a word of the name in the full-text rank
# (about 0.6 for one word), so an actor named by the search stays first; a theme alone, when
# the concept also names services, half again.
CONCEPT_RANK = 0.5


def expansion_score(expansion):
    score = Value(0.0, output_field=FloatField())
    for weight, services, themes in expansion.boosts:
        whens = []
        if services:
            whens.append(When(service_ids__overlap=services, then=weight * CONCEPT_RANK))
        if themes:
            share = 0.5 if services else 1.0
            whens.append(When(theme_ids__overlap=themes, then=weight * CONCEPT_RANK * share))
        score = score + Case(*whens, default=0.0, output_field=FloatField())
    return score


UPDATED_SINCE_INVALID = _(
    "La date s'écrit en ISO 8601 : 2026-01-31, 2026-01-31T14:00:00Z ou 2026-01-31T14:00:00+01:00."
)
# An offset's "+" arrives as a space when a client forgets to encode it.
UNENCODED_OFFSET = re.compile(r"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)$")


class IsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date or date and time (local time when it has no offset)."""

    default_error_messages = {"invalid": UPDATED_SINCE_INVALID}

    def to_python(self, value):
        if isinstance(value, str):
            value = UNENCODED_OFFSET.sub(r"\1+\2", value.strip())
        try:
            return super().to_python(value)
        except (ValueError, OverflowError):  # a valid form with an impossible date
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class UpdatedSinceFilter(django_filters.Filter):
    """Actors changed at or after the instant (harvesters' incremental sync)."""

    field_class = IsoDateTimeField

    def filter(self, qs, value):
        return qs.filter(updated_at__gte=value) if value else qs


class NearFilter(django_filters.CharFilter):
    """Within `radius` km of the place the form resolved (see DirectoryForm.clean)."""

    def filter(self, qs, value):
        place = self.parent.place
        if place is None:
            return qs
        radius = self.parent.form.cleaned_data.get("radius") or DEFAULT_RADIUS
        return qs.within(place.point, int(radius))


class OpenFilter(django_filters.ChoiceFilter):
    """Open now (`now`), or at some time on the next such day (`mo` … `su`, today
    included), read from the stored open hours (GIN index), the hours open in part and the
    intervals (actors.indexing)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", OpenChoices.choices)
        kwargs.setdefault("error_messages", {"invalid_choice": OPEN_INVALID})
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        now = timezone.now()
        if value != OpenChoices.NOW:
            return qs.filter(open_on(opening.next_day(value, now)))
        # The hour's actors from the index; the minute from their intervals (in the TOAST
        # table) only where they cover that hour in part. PostgreSQL evaluates OR's arms in
        # order, so the small array spares the other actors that read; where it is NULL
        # (not yet written) the intervals answer.
        hour = opening.hour_number(now)
        exact = RawSQL(  # noqa: S611
            "(NOT actors_actor.open_part_hours @> ARRAY[%s::integer] "
            "OR actors_actor.open_intervals @> %s::timestamptz)",
            [hour, now],
            BooleanField(),
        )
        return qs.filter(open_hours__contains=[hour]).filter(exact)


def open_on(day):
    """Open at some time on that Paris date: its bit in `open_days` (actors.opening.open_days),
    exactly the rows whose open hours overlap that day's. CASE keeps the shift within the
    integer's bits whatever order PostgreSQL evaluates the conditions in."""
    return RawSQL(  # noqa: S611
        "CASE WHEN %s - actors_actor.open_day0 BETWEEN 0 AND 30 "
        "THEN actors_actor.open_days & (1 << (%s - actors_actor.open_day0)) <> 0 END",
        [opening.day_number(day)] * 2,
        BooleanField(),
    )


class NoopFilter(django_filters.ChoiceFilter):
    """A parameter read by other filters or the view (radius, sort), filtering nothing."""

    def filter(self, qs, value):
        return qs


OPEN_INVALID = _(
    "L'ouverture s'écrit « now » (ouvert maintenant) ou un jour : mo, tu, we, th, fr, sa, su."
)
PLACE_NOT_FOUND = _(
    "Lieu introuvable : essayez le nom d'une commune, un code postal ou une adresse."
)
ADDRESSES_UNAVAILABLE = _(
    "Les adresses ne peuvent pas être localisées pour le moment : "
    "essayez le nom d'une commune ou un code postal."
)  # fmt: skip


class DirectoryForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        near = (cleaned.get("near") or "").strip()
        self.place = None
        if near:
            try:
                self.place = place_from_text(near)
            except GeocoderUnavailable:
                self.add_error("near", ADDRESSES_UNAVAILABLE)
            else:
                if self.place is None:
                    self.add_error("near", PLACE_NOT_FOUND)
        return cleaned


def place_from_text(text):
    match = COORDINATES.match(text)
    if match:
        lat, lon = float(match.group(1)), float(match.group(2))
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return Place(
                label=_("votre position"), point=Point(lon, lat, srid=4326), precision="gps"
            )
        return None
    return resolve_near(text)


class ActorFilterSet(django_filters.FilterSet):
    q = SearchFilter(label=_("Rechercher"), max_length=200)
    theme = TermFilter(THEMES)
    service = TermFilter(SERVICES)
    public = TermFilter(PUBLICS)
    language = TermFilter(WELCOME_LANGUAGES)
    kind = RelatedFilter(KINDS.model, "kind", "slug", label=KINDS.label)
    commune = RelatedFilter(Commune, "commune", "insee", label=_("Communes"))
    near = NearFilter(label=_("Près de"), max_length=200)
    radius = NoopFilter(choices=RADIUS_CHOICES, label=_("Dans un rayon de"), empty_label=None)
    bbox = BBoxFilter(label=_("Zone de la carte"))
    open = OpenFilter(label=_("Ouverture"))
    updated_since = UpdatedSinceFilter(label=_("Mis à jour depuis"))
    sort = NoopFilter(choices=SortChoices.choices, label=_("Trier par"), empty_label=None)

    class Meta:
        model = Actor
        fields = []
        form = DirectoryForm

    @property
    def place(self):
        return getattr(self.form, "place", None)

    def filter_queryset(self, queryset, skip=None, **values):
        """All filters but `skip` (a facet counts its options without its own selection);
        `values` replace the form's (actors.relax tries fewer words)."""
        for name, value in {**self.form.cleaned_data, **values}.items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def sorted(self, queryset):
        data = self.form.cleaned_data
        sort = self.sort_order()
        if sort == SortChoices.RELEVANCE and data.get("q"):
            return queryset.order_by(F("relevance").desc(nulls_last=True), "name", "pk")
        if sort == SortChoices.DISTANCE and self.place:
            return queryset.order_by("distance_km", "name", "pk")
        if sort == SortChoices.UPDATED:
            return queryset.order_by("-updated_at", "pk")
        return queryset.order_by("name", "pk")

    def scan_order(self):
        """(the sort key's annotation, the order as SQL over columns of that name, `name` and
        `id`) when the order reads a rank computed for every result, the same order as
        sorted(); else None. (Nearest first reads a few results near the place instead:
        actors.listing.PageRows.nearest.)"""
        sort = self.sort_order()
        if sort == SortChoices.RELEVANCE and self.form.cleaned_data.get("q"):
            return ("relevance", "relevance DESC NULLS LAST, name, id")
        return None

    def nearest_radius(self):
        """The radius in km when the list is nearest first, else None."""
        if self.sort_order() == SortChoices.DISTANCE and self.place:
            return int(self.form.cleaned_data.get("radius") or DEFAULT_RADIUS)
        return None

    def default_sort(self):
        """Nearest first whenever a place is given, a text search too: every result already
        matches the words, and the visitor asked for help near somewhere."""
        if self.place:
            return SortChoices.DISTANCE
        if self.form.cleaned_data.get("q"):
            return SortChoices.RELEVANCE
        return SortChoices.NAME

    def sort_order(self):
        """The order asked for, or the default when it cannot apply (distance without a
        place: the list stays, sort_notice() says why)."""
        sort = self.form.cleaned_data.get("sort")
        if not sort or (sort == SortChoices.DISTANCE and not self.place):
            return self.default_sort()
        return sort

    def sort_notice(self):
        if self.form.cleaned_data.get("sort") == SortChoices.DISTANCE and not self.place:
            return _(
                "Pour trier par distance, indiquez un lieu dans le champ « Près de » ; "
                "en attendant, la liste garde son ordre habituel."
            )
        return ""

    def expansion(self):
        """What the lexicon understood of the search's words (actors.lexicon.Expansion)."""
        q = (self.form.cleaned_data.get("q") or "").strip()
        return self.filters["q"].expansion(q) if q else None

    def active(self):
        """The active filters as (parameter, value, label) for removable chips; the search
        and the place are not repeated: their fields above the results show them."""
        data = self.form.cleaned_data
        chips = []
        for taxonomy in TAXONOMIES:
            for term in data.get(taxonomy.parameter) or []:
                chips.append((taxonomy.parameter, term.slug, term.label))
        for commune in data.get("commune") or []:
            chips.append(("commune", commune.insee, commune.label))
        if data.get("bbox"):
            chips.append(("bbox", self.data.get("bbox"), _("Zone de la carte")))
        if data.get("open"):
            chips.append(("open", data["open"], OpenChoices(data["open"]).label))
        if data.get("updated_since"):
            label = _("Mis à jour depuis le %(date)s") % {
                "date": date_format(timezone.localtime(data["updated_since"]), "SHORT_DATE_FORMAT")
            }
            chips.append(("updated_since", self.data.get("updated_since"), label))
        return chips


class InvalidQuery(Exception):
    """A query whose filters are not valid: `errors` as the form gives them in JSON."""

    def __init__(self, errors):
        super().__init__("invalid query")
        self.errors = errors


def actor_filterset(data, queryset=None):
    """The directory's filterset over `data` (a request's GET), on the published actors
    unless `queryset` says otherwise: every page, map, embed, API and export builds it here."""
    if queryset is None:
        queryset = Actor.objects.published()
    return ActorFilterSet(data, queryset=queryset)


def valid_filterset(data, queryset=None):
    """actor_filterset() of valid data, else InvalidQuery: a filter is never half-applied."""
    filterset = actor_filterset(data, queryset)
    if not filterset.is_valid():
        raise InvalidQuery(filterset.form.errors.get_json_data())
    return filterset
